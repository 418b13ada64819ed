using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Reshore.Data.Examples;

namespace Reshore.Web.Tests;

/// <summary>The server-rendered pages over HTTP: sign-in, editing with inline errors and conflicts, results.</summary>
public sealed partial class PageTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private async Task<(HttpClient Browser, Guid CaseId)> SignedInWithCase(string example = "led-lamps")
    {
        var email = $"page-{Guid.NewGuid():N}@example.org";
        var api = await app.NewUserClientAsync(email);
        var ws = (await (await api.PostAsJsonAsync("/api/workspaces", new { name = "Pages" })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var created = await api.PostAsJsonAsync($"/api/workspaces/{ws}/cases", new { text = ExampleCatalog.Find(example)!.Text, format = "yaml" });
        var caseId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var browser = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var login = await browser.GetStringAsync("/login");
        var response = await browser.PostAsync("/account/login", Form(login, new() { ["email"] = email, ["password"] = "Secret12345" }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.ToString());
        return (browser, caseId);
    }

    private static FormUrlEncodedContent Form(string page, Dictionary<string, string> fields, string? formName = null)
    {
        fields["__RequestVerificationToken"] = Token().Match(page).Groups[1].Value;
        if (formName is not null) fields["_handler"] = formName;
        return new FormUrlEncodedContent(fields);
    }

    private static string Hidden(string page, string name) =>
        WebUtility.HtmlDecode(Regex.Match(page, $"name=\"{Regex.Escape(name)}\" value=\"([^\"]*)\"").Groups[1].Value);

    [Fact]
    public async Task The_results_page_shows_the_comparison_charts_and_the_drill_down()
    {
        var (browser, id) = await SignedInWithCase();
        var html = await browser.GetStringAsync($"/cases/{id}");
        Assert.Contains("id=\"comparison-led-a60-9w\"", html);
        Assert.True(Regex.Matches(html, "<svg").Count >= 3, "charts");
        Assert.Contains("class=\"drill\"", html);
        Assert.Contains("Recommended", html);
        // The scorecard: scores with their source, weights, ranking sensitivity and open barriers.
        Assert.Contains("id=\"scorecard-table-led-a60-9w\"", html);
        // The shared scorecard table (the same marks as the CLI, Markdown and PDF): judged scores marked (j), explained in the legend.
        Assert.Contains("(j)</td>", html);
        Assert.Contains("(j) judged by the user", html);
        Assert.Contains("open point: not priced in the case", html);
        Assert.Contains("Ranking sensitivity: moving the weight of", html);
        // The verdict card comes first.
        Assert.True(html.IndexOf("id=\"verdict-led-a60-9w\"", StringComparison.Ordinal) is > 0 and var card && card < html.IndexOf("id=\"comparison-led-a60-9w\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Editing_a_field_saves_a_new_version_and_an_invalid_value_shows_next_to_its_field()
    {
        var (browser, id) = await SignedInWithCase();
        var page = await browser.GetStringAsync($"/cases/{id}/edit");
        const string field = "$.horizonYears";
        Assert.Contains($"name=\"{field}\" value=\"10\"", page);

        var bad = await browser.PostAsync($"/cases/{id}/edit", Form(page, new() { ["__json"] = Hidden(page, "__json"), ["__version"] = "1", [field] = "ten", ["action"] = "save" }, "edit"));
        var badHtml = await bad.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("id=\"validation-summary\"", badHtml);
        Assert.Matches($"data-error-for=\"{Regex.Escape(field)}\"", badHtml);
        Assert.Contains("aria-invalid=\"true\"", badHtml);
        Assert.Contains("\"version\":1", (await browser.GetStringAsync($"/api/cases/{id}")).Replace(" ", ""));

        var good = await browser.PostAsync($"/cases/{id}/edit", Form(page, new() { ["__json"] = Hidden(page, "__json"), ["__version"] = "1", [field] = "7", ["action"] = "save" }, "edit"));
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        var saved = await browser.GetStringAsync(good.Headers.Location!.ToString());
        Assert.Contains("id=\"saved\"", saved);
        Assert.Contains($"name=\"{field}\" value=\"7\"", saved);

        // A second editor who opened version 1 is told about the conflict; their change is not stored.
        var stale = await browser.PostAsync($"/cases/{id}/edit", Form(page, new() { ["__json"] = Hidden(page, "__json"), ["__version"] = "1", [field] = "5", ["action"] = "save" }, "edit"));
        var staleHtml = await stale.Content.ReadAsStringAsync();
        Assert.Contains("id=\"conflict\"", staleHtml);
        Assert.Contains("version 2", staleHtml);
        var stored = await browser.GetFromJsonAsync<JsonElement>($"/api/cases/{id}");
        Assert.Equal(7, stored.GetProperty("case").GetProperty("horizonYears").GetInt32());
    }

    [Fact]
    public async Task Duplicating_an_option_in_the_editor_keeps_it_unsaved_until_save()
    {
        var (browser, id) = await SignedInWithCase();
        var page = await browser.GetStringAsync($"/cases/{id}/edit");
        var dup = await browser.PostAsync($"/cases/{id}/edit", Form(page, new() { ["__json"] = Hidden(page, "__json"), ["__version"] = "1", ["action"] = "dup|$.items[0].options|0" }, "edit"));
        var html = await dup.Content.ReadAsStringAsync();
        Assert.Contains("cn-cm-copy", html);
        Assert.Contains("unsaved", html);
        var stored = await browser.GetFromJsonAsync<JsonElement>($"/api/cases/{id}");
        Assert.Equal(1, stored.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task A_country_parameter_can_be_overridden_for_one_case_and_removed_again()
    {
        var (browser, id) = await SignedInWithCase();
        var page = await browser.GetStringAsync($"/reference?table=countries&case={id}");
        Assert.Contains("id=\"save-override\"", page);
        var set = await browser.PostAsync($"/reference?table=countries&case={id}",
            Form(page, new() { ["country"] = "CN", ["field"] = "wageGrowthPct", ["value"] = "4.5" }, "set-override"));
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        var stored = await browser.GetFromJsonAsync<JsonElement>($"/api/cases/{id}");
        Assert.Equal(4.5, stored.GetProperty("case").GetProperty("referenceOverrides").GetProperty("countries").GetProperty("CN").GetProperty("wageGrowthPct").GetDouble());
        Assert.Equal(2, stored.GetProperty("version").GetInt32());

        page = await browser.GetStringAsync($"/reference?table=countries&case={id}");
        Assert.Contains("id=\"override-table\"", page);
        var removed = await browser.PostAsync($"/reference?table=countries&case={id}", Form(page, new(), "remove-CN-wageGrowthPct"));
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        stored = await browser.GetFromJsonAsync<JsonElement>($"/api/cases/{id}");
        Assert.False(stored.GetProperty("case").TryGetProperty("referenceOverrides", out _));
    }

    [Fact]
    public async Task English_pages_format_dates_the_British_way_and_Dutch_pages_the_Belgian_way()
    {
        var (browser, id) = await SignedInWithCase();
        var ws = (await browser.GetFromJsonAsync<JsonElement>($"/api/cases/{id}")).GetProperty("workspaceId").GetGuid();
        var today = DateTime.Now;
        var english = await browser.GetStringAsync($"/workspaces/{ws}");
        Assert.Contains(today.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture), english);
        var request = new HttpRequestMessage(HttpMethod.Get, $"/workspaces/{ws}?culture=nl-BE&ui-culture=nl-BE");
        var dutch = await (await browser.SendAsync(request)).Content.ReadAsStringAsync();
        Assert.Contains(today.ToString("d/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture), dutch);
        Assert.Contains("Laatste wijziging", dutch);
    }

    [Fact]
    public async Task An_unknown_address_shows_the_not_found_page_with_404_and_an_upload_error_names_the_cell()
    {
        var (browser, id) = await SignedInWithCase();
        var missing = await browser.GetAsync("/no/such/page");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("id=\"not-found\"", await missing.Content.ReadAsStringAsync());

        // The workspace page's upload form: a case file with an error is refused with its line, and nothing is stored.
        var ws = (await browser.GetFromJsonAsync<JsonElement>($"/api/cases/{id}")).GetProperty("workspaceId").GetGuid();
        var page = await browser.GetStringAsync($"/workspaces/{ws}");
        var bad = ExampleCatalog.Find("led-lamps")!.Text.Replace("horizonYears: 10", "horizonYears: ten", StringComparison.Ordinal);
        var form = new MultipartFormDataContent
        {
            { new StringContent(Token().Match(page).Groups[1].Value), "__RequestVerificationToken" },
            { new StringContent("upload"), "_handler" },
            { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(bad)), "file", "bad.yaml" },
        };
        var response = await browser.PostAsync($"/workspaces/{ws}", form);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("id=\"import-errors\"", html);
        Assert.Contains("bad.yaml:", html);
        Assert.Contains("$.horizonYears", html);
        Assert.Single((await browser.GetFromJsonAsync<JsonElement>($"/api/workspaces/{ws}/cases")).EnumerateArray());
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
