using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Reshore.Web.Services.Monitor;

namespace Reshore.Web.Tests;

/// <summary>The monitor's server-rendered pages over HTTP (SQLite).</summary>
public sealed partial class MonitorPageTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private HttpClient Browser()
    {
        var browser = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        return browser;
    }

    private async Task<HttpClient> SignedIn(string role)
    {
        var email = $"{role}-{Guid.NewGuid():N}@example.org";
        var id = await app.CreateUserAsync(email);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
            await users.AddToRoleAsync((await users.FindByIdAsync(id))!, role);
        }
        var browser = Browser();
        var login = await browser.GetStringAsync("/login");
        var response = await browser.PostAsync("/account/login", Form(login, new() { ["email"] = email, ["password"] = "Secret12345" }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return browser;
    }

    private static FormUrlEncodedContent Form(string page, Dictionary<string, string> fields, string? formName = null)
    {
        fields["__RequestVerificationToken"] = Token().Match(page).Groups[1].Value;
        if (formName is not null) fields["_handler"] = formName;
        return new FormUrlEncodedContent(fields);
    }

    [Fact]
    public async Task The_public_statistics_page_shows_counts_and_charts_without_login()
    {
        var browser = Browser();
        var html = await browser.GetStringAsync("/monitor?homeCountry=DE");
        Assert.Contains("1 published cases; 160 jobs created", html);
        Assert.True(Regex.Matches(html, "<svg").Count >= 5, "charts");
        Assert.Contains("id=\"job-bands\"", html);
        var list = await browser.GetStringAsync("/monitor/public");
        Assert.Contains("Barco", list);
        Assert.Contains("Continental Automotive Benelux", list);
        var cases = await browser.GetAsync("/monitor/cases");
        Assert.Equal(HttpStatusCode.Redirect, cases.StatusCode);
        Assert.Contains("/login", cases.Headers.Location!.ToString());
    }

    [Fact]
    public async Task An_editor_creates_a_draft_with_errors_next_to_fields_and_may_submit_but_not_publish()
    {
        var editor = await SignedIn(MonitorRoles.Editor);
        var page = await editor.GetStringAsync("/monitor/cases/new");
        var fields = new Dictionary<string, string> { ["company"] = "Page Test NV", ["homeCountry"] = "XX", ["origins"] = "CN", ["destination"] = "BE", ["function"] = "Production", ["version"] = "" };
        var bad = await (await editor.PostAsync("/monitor/cases/new", Form(page, new(fields), "monitor-case"))).Content.ReadAsStringAsync();
        Assert.Contains("id=\"err-homeCountry\"", bad);
        Assert.Contains("value=\"Page Test NV\"", bad);

        fields["homeCountry"] = "BE";
        fields["nace"] = "C26";
        fields["sourceTitle"] = "Press release";
        var good = await editor.PostAsync("/monitor/cases/new", Form(page, new(fields), "monitor-case"));
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        var casePage = WebUtility.HtmlDecode(await editor.GetStringAsync(good.Headers.Location!.ToString()));
        Assert.Contains("id=\"action-Submit\"", casePage);
        Assert.DoesNotContain("id=\"action-Publish\"", casePage);
        Assert.Contains("id=\"history\"", casePage);

        Assert.Contains("C26 – Manufacture of computer, electronic and optical products", casePage);
        Assert.DoesNotContain("<th>isSeed</th>", casePage);
        Assert.DoesNotContain("id=\"case-seed\"", casePage);
        Assert.DoesNotContain("status: Draft", casePage);

        // Post/redirect/get: a successful action answers with a redirect to the case page, which then says what happened.
        var submit = await editor.PostAsync(good.Headers.Location!.ToString(), Form(casePage, new() { ["action"] = "Submit", ["version"] = "1" }, "monitor-action"));
        Assert.Equal(HttpStatusCode.Redirect, submit.StatusCode);
        Assert.EndsWith("?done=1", submit.Headers.Location!.ToString());
        var submitted = await editor.GetStringAsync(submit.Headers.Location!.ToString());
        Assert.Contains("The case is now in review", submitted);

        Assert.DoesNotContain("id=\"action-Publish\"", submitted);

        // A reviewer sees Publish and can use it.
        var reviewer = await SignedIn(MonitorRoles.Reviewer);
        var reviewPage = await reviewer.GetStringAsync(good.Headers.Location!.ToString());
        Assert.Contains("id=\"action-Publish\"", reviewPage);
        // A stale version is refused inline: 200 with the problem on the page, no redirect.
        var stale = await reviewer.PostAsync(good.Headers.Location!.ToString(), Form(reviewPage, new() { ["action"] = "Publish", ["version"] = "1" }, "monitor-action"));
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("id=\"action-problem\"", await stale.Content.ReadAsStringAsync());
        var publish = await reviewer.PostAsync(good.Headers.Location!.ToString(), Form(reviewPage, new() { ["action"] = "Publish", ["version"] = "2" }, "monitor-action"));
        Assert.Equal(HttpStatusCode.Redirect, publish.StatusCode);
        var published = await reviewer.GetStringAsync(publish.Headers.Location!.ToString());
        Assert.Contains("The case is now published", published);
        Assert.Contains("Page Test NV", await Browser().GetStringAsync("/monitor/public"));
    }

    [Fact]
    public async Task A_seed_case_shows_translated_labels_and_values_in_Dutch()
    {
        var browser = await SignedIn(MonitorRoles.Reviewer);
        browser.DefaultRequestHeaders.AcceptLanguage.Clear();
        browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd("nl");
        var list = await browser.GetStringAsync("/monitor/public");
        var barco = SeedCase().Match(list);
        Assert.True(barco.Success, "Barco, a case of the SERV study, is published");
        var html = WebUtility.HtmlDecode(await browser.GetStringAsync($"/monitor/cases/{barco.Groups[1].Value}"));
        Assert.Contains("id=\"case-seed\"", html);
        Assert.Contains("Uit de SERV-studie", html);
        Assert.Contains("Thuisland", html);
        Assert.DoesNotContain("<th>homeCountry</th>", html);
        Assert.DoesNotContain("<th>motives</th>", html);
        Assert.DoesNotContain(">Production<", html);
    }

    [Fact]
    public async Task Count_charts_have_whole_number_ticks_and_no_title_of_their_own()
    {
        var html = await Browser().GetStringAsync("/monitor?homeCountry=DE");
        var svg = Regex.Match(html, "<section class=\"chart-card\" id=\"card-dim-year\">.*?</svg>", RegexOptions.Singleline).Value;
        Assert.NotEmpty(svg);
        var texts = Regex.Matches(svg, "<text[^>]*>([^<]*)</text>").Select(m => m.Groups[1].Value.Trim()).ToList();
        Assert.DoesNotContain(texts, t => Regex.IsMatch(t, @"^\d+[.,]\d+$"));
        Assert.DoesNotContain("Year of announcement", texts);
        Assert.Contains("1", texts);
    }

    [Fact]
    public async Task Creating_a_look_alike_of_a_stored_case_asks_for_confirmation()
    {
        var editor = await SignedIn(MonitorRoles.Editor);
        var page = await editor.GetStringAsync("/monitor/cases/new");
        var fields = new Dictionary<string, string> { ["company"] = "Barco NV", ["homeCountry"] = "BE", ["origins"] = "NO", ["destination"] = "BE", ["function"] = "Production" };
        var warned = await (await editor.PostAsync("/monitor/cases/new", Form(page, new(fields), "monitor-case"))).Content.ReadAsStringAsync();
        Assert.Contains("id=\"duplicates\"", warned);
        Assert.Contains("id=\"confirm-duplicate\"", warned);
        fields["confirmDuplicate"] = "true";
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostAsync("/monitor/cases/new", Form(page, new(fields), "monitor-case"))).StatusCode);
    }

    [Fact]
    public async Task The_import_page_lists_every_bad_row_and_stores_nothing()
    {
        var editor = await SignedIn(MonitorRoles.Editor);
        var page = await editor.GetStringAsync("/monitor/import");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(Token().Match(page).Groups[1].Value), "__RequestVerificationToken" },
            { new StringContent("monitor-import"), "_handler" },
        };
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes("company,homeCountry,origins,destination,nace,sourceTitle\nImport Page NV,BE,CN,BE,C99,Press\n"));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "cases.csv");
        var html = await (await editor.PostAsync("/monitor/import", form)).Content.ReadAsStringAsync();
        Assert.Contains("id=\"import-errors\"", html);
        Assert.Contains("<td>nace</td>", html);
        Assert.DoesNotContain("Import Page NV", await editor.GetStringAsync("/monitor/cases"));
    }

    [Fact]
    public async Task A_file_above_the_direct_import_limit_runs_as_a_job_the_page_follows_and_then_shows()
    {
        var editor = await SignedIn(MonitorRoles.Editor);
        var page = await editor.GetStringAsync("/monitor/import");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(Token().Match(page).Groups[1].Value), "__RequestVerificationToken" },
            { new StringContent("monitor-import"), "_handler" },
            { new StringContent("true"), "dryRun" },
        };
        var rows = new StringBuilder("company,homeCountry,origins,destination,nace,announcementDate,motives,jobs,status,sourceTitle\n");
        for (var i = 0; rows.Length <= 1024 * 1024; i++) rows.Append($"Page Job {i} NV,BE,CN,BE,C26,2020,automation,10,Draft,Press\n");
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(rows.ToString()));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "large.csv");
        var html = await (await editor.PostAsync("/monitor/import", form)).Content.ReadAsStringAsync();
        Assert.Contains("id=\"import-job\"", html);
        var id = Regex.Match(html, "data-job=\"([0-9a-f-]{36})\"").Groups[1].Value;
        Assert.NotEmpty(id);
        string? shown = null;
        for (var i = 0; i < 1200; i++)
        {
            shown = await editor.GetStringAsync($"/monitor/import?job={id}");
            if (shown.Contains("id=\"import-summary\"", StringComparison.Ordinal)) break;
            await Task.Delay(100);
        }
        Assert.Contains("id=\"import-summary\"", shown);
        Assert.Contains("Nothing was stored", shown);
        Assert.DoesNotContain("Page Job 0 NV", await editor.GetStringAsync("/monitor/cases"));
    }

    [Fact]
    public async Task The_screening_page_flags_a_text_and_creates_a_prefilled_draft()
    {
        var editor = await SignedIn(MonitorRoles.Editor);
        var page = await editor.GetStringAsync("/monitor/screen");
        const string text = "Acme NV brings production back from China to Belgium, creating 120 jobs at its plant.";
        var screened = await (await editor.PostAsync("/monitor/screen", Form(page, new() { ["text"] = text, ["do"] = "screen" }, "monitor-screen"))).Content.ReadAsStringAsync();
        Assert.Contains("Likely a reshoring announcement", screened);
        var created = await editor.PostAsync("/monitor/screen", Form(screened, new() { ["text"] = text, ["do"] = "create" }, "monitor-screen"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var form = await editor.GetStringAsync(created.Headers.Location!.ToString());
        Assert.Contains("value=\"CN\"", form);
    }

    [GeneratedRegex("href=\"/monitor/public/([0-9a-f-]{36})\">Barco")]
    private static partial Regex SeedCase();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
