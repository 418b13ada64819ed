using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Reshore.Data.Examples;

namespace Reshore.Web.Tests;

/// <summary>
/// The results page keeps its item sections rendered once per case version, language, case and role (docs/performance.md): a view
/// must still get its own language, its own role's content, its own case's links and the case's latest version.
/// </summary>
public sealed class ResultsPageCacheTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task A_cached_results_page_still_follows_the_language_the_role_the_case_and_its_latest_version()
    {
        var ownerEmail = $"owner-{Guid.NewGuid():N}@example.org";
        var owner = await app.NewUserClientAsync(ownerEmail);
        var ownerInDutch = await app.ApiClientAsync(ownerEmail, language: "nl-BE");
        var viewerEmail = $"viewer-{Guid.NewGuid():N}@example.org";
        var viewer = await app.NewUserClientAsync(viewerEmail);
        var ws = (await (await owner.PostAsJsonAsync("/api/workspaces", new { name = "Cache" })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await owner.PostAsJsonAsync($"/api/workspaces/{ws}/members", new { email = viewerEmail, role = "viewer" })).StatusCode);
        var text = ExampleCatalog.Find("led-lamps")!.Text;
        async Task<Guid> NewCase() =>
            (await (await owner.PostAsJsonAsync($"/api/workspaces/{ws}/cases", new { text, format = "yaml" })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var first = await NewCase();
        var twin = await NewCase();   // the same text: one evaluation, two pages

        var english = await owner.GetStringAsync($"/cases/{first}");
        // The second view comes from the kept sections: the same items (the page around them carries per-request tokens).
        var englishAgain = await owner.GetStringAsync($"/cases/{first}");
        Assert.Equal(Sections(english), Sections(englishAgain));
        Assert.Contains("Cost lines: formula, inputs and sources", english);
        Assert.Contains("class=\"fill-next\"", english);
        Assert.Contains($"/cases/{first}/edit?field=", english);

        // A number format other than the language's (?culture=…&ui-culture=…) is kept apart: it never reaches another view.
        var dutchNumbers = await owner.GetStringAsync($"/cases/{first}?culture=nl-BE&ui-culture=en");
        Assert.Contains("1.200.000 units a year", dutchNumbers);
        Assert.Contains("1,200,000 units a year", await owner.GetStringAsync($"/cases/{first}"));

        var dutch = await ownerInDutch.GetStringAsync($"/cases/{first}");
        Assert.Contains("Kostenlijnen: formule, invoer en bronnen", dutch);
        Assert.DoesNotContain("Cost lines: formula, inputs and sources", dutch);

        var asViewer = await viewer.GetStringAsync($"/cases/{first}");
        Assert.Contains("Cost lines: formula, inputs and sources", asViewer);
        Assert.DoesNotContain("class=\"fill-next\"", asViewer);

        var twinPage = await owner.GetStringAsync($"/cases/{twin}");
        Assert.Contains($"/cases/{twin}/edit?field=", twinPage);
        Assert.DoesNotContain($"/cases/{first}/edit", twinPage);
        Assert.Contains($"case={twin}", twinPage);

        // A new version of the case shows at once.
        var renamed = text.Replace("name: \"LED lamp A60 9 W E27\"", "name: \"LED lamp renamed for the cache test\"");
        Assert.NotEqual(text, renamed);
        Assert.Equal(HttpStatusCode.OK, (await owner.PutAsJsonAsync($"/api/cases/{first}", new { version = 1, text = renamed, format = "yaml" })).StatusCode);
        Assert.Contains("LED lamp renamed for the cache test", await owner.GetStringAsync($"/cases/{first}"));
        Assert.DoesNotContain("LED lamp renamed for the cache test", await owner.GetStringAsync($"/cases/{twin}"));
    }

    private static string Sections(string page) => page[page.IndexOf("<section class=\"item\"", StringComparison.Ordinal)..page.LastIndexOf("</section>", StringComparison.Ordinal)];
}
