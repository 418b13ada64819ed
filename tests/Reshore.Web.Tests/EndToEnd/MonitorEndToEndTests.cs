using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Reshore.Web.Tests.EndToEnd;

/// <summary>
/// The reshoring monitor (issue #6) in the browser: the site admin gives out monitor roles, an editor writes and submits a
/// case, a reviewer publishes it, an anonymous visitor sees it counted (and not the editor's draft); the news screener.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class MonitorEndToEndTests(EndToEndFixture fixture) : IClassFixture<EndToEndFixture>
{
    private const string Editor = "editor@example.org";
    private const string Reviewer = "reviewer@example.org";
    private const string Company = "Zwanenberg Sensorics NV";
    private const string DraftCompany = "Kwartelhof Draft Components BV";

    [Fact]
    public async Task Editor_submits_reviewer_publishes_and_the_public_statistics_count_the_case_but_not_the_draft()
    {
        // Before anything: a fresh database holds the nine published seed cases.
        var visitor = await fixture.NewPageAsync();
        try
        {
            await visitor.GotoAsync("/monitor");
            await Expect(visitor.Locator("#monitor-total")).ToHaveTextAsync(new Regex(@"^\s*9 published cases;"));
        }
        finally
        {
            await EndToEndFixture.CloseAsync(visitor);
        }

        // 1. The site admin creates an editor (role chosen in the new-account form) and a reviewer (role set afterwards on
        //    the account's row) on /admin/users.
        var admin = await fixture.AdminPageAsync();
        try
        {
            await admin.Locator("header a[href='/admin/users']").ClickAsync();
            await Expect(admin).ToHaveURLAsync(new Regex("/admin/users$"));
            await admin.Locator("#new-email").FillAsync(Editor);
            await admin.Locator("#new-password").FillAsync(EndToEndFixture.Password);
            await admin.Locator("input[name=examples]").UncheckAsync();
            await admin.Locator("#new-monitor-role").SelectOptionAsync("monitor-editor");
            await admin.Locator("#create-user").ClickAsync();
            await Expect(admin.Locator("p.ok[role=status]")).ToContainTextAsync(Editor);

            await admin.Locator("#new-email").FillAsync(Reviewer);
            await admin.Locator("#new-password").FillAsync(EndToEndFixture.Password);
            await admin.Locator("input[name=examples]").UncheckAsync();
            await admin.Locator("#create-user").ClickAsync();
            await Expect(admin.Locator("p.ok[role=status]")).ToContainTextAsync(Reviewer);

            var reviewerRow = admin.Locator("#users tbody tr", new() { HasText = Reviewer });
            await Expect(reviewerRow.Locator("select[name=monitorRole]")).ToHaveValueAsync("");
            await reviewerRow.Locator("select[name=monitorRole]").SelectOptionAsync("monitor-reviewer");
            await reviewerRow.Locator("button[type=submit]").ClickAsync();
            await admin.GotoAsync("/admin/users");
            await Expect(admin.Locator("#users tbody tr", new() { HasText = Reviewer }).Locator("select[name=monitorRole]")).ToHaveValueAsync("monitor-reviewer");
            await Expect(admin.Locator("#users tbody tr", new() { HasText = Editor }).Locator("select[name=monitorRole]")).ToHaveValueAsync("monitor-editor");
        }
        finally
        {
            await EndToEndFixture.CloseAsync(admin);
        }

        // 2. The editor writes a case in the form, submits it for review, and may not publish it (no button; the API says 403).
        Guid id, draftId;
        var editor = await fixture.NewPageAsync();
        try
        {
            await EndToEndFixture.LoginAsync(editor, Editor);
            await editor.Locator("header #nav-monitor").ClickAsync();
            await Expect(editor).ToHaveURLAsync(new Regex("/monitor$"));
            await editor.Locator("#manage-cases").ClickAsync();
            await Expect(editor).ToHaveURLAsync(new Regex("/monitor/cases$"));
            await Expect(editor.Locator("main")).ToContainTextAsync("Your monitor role: editor");
            await editor.Locator("#new-case").ClickAsync();
            await Expect(editor).ToHaveURLAsync(new Regex("/monitor/cases/new$"));

            await editor.Locator("#f-company").FillAsync(Company);
            await editor.Locator("#f-homeCountry").FillAsync("BE");
            await editor.Locator("#f-origins").FillAsync("CN");
            await editor.Locator("#f-destination").FillAsync("BE");
            await editor.Locator("#f-nace").FillAsync("C26");
            await editor.Locator("#f-function").SelectOptionAsync("Production");
            await editor.Locator("#f-announcementDate").FillAsync("2025-03-14");
            await editor.Locator("#f-employees").FillAsync("120");
            await editor.Locator("#f-sizeClass").SelectOptionAsync("Medium");
            await editor.Locator("#f-governance").SelectOptionAsync("InHouseReshoring");
            await editor.Locator("#f-motives").SelectOptionAsync(new[] { "deliveryTimes", "automation" });
            await editor.Locator("#f-jobs").FillAsync("45");
            await editor.Locator("#f-investment").FillAsync("3500000 EUR");
            await editor.Locator("#f-sourceTitle").FillAsync("Zwanenberg brings sensor production back to Ghent");
            await editor.Locator("#f-sourcePublisher").FillAsync("De Tijd");
            await editor.Locator("#f-sourceDate").FillAsync("2025-03-14");
            await editor.Locator("#f-sourceUrl").FillAsync("https://example.org/news/zwanenberg");
            await editor.Locator("#f-sourceLanguage").FillAsync("nl");
            await editor.Locator("#f-notes").FillAsync("Assembly of industrial sensors moves from Shenzhen back to Ghent.");
            await Screenshots.SaveAsync(editor, "20-monitor-editor-form");
            await editor.Locator("#save-case").ClickAsync();

            await Expect(editor).ToHaveURLAsync(new Regex(@"/monitor/cases/[0-9a-f-]{36}$"));
            id = Guid.Parse(editor.Url[^36..]);
            await Expect(editor.Locator("main h1")).ToHaveTextAsync(Company);
            await Expect(editor.Locator("#case-status")).ToHaveTextAsync("draft");
            await Expect(editor.Locator("#case-fields")).ToContainTextAsync("C26 – Manufacture of computer, electronic and optical products");
            await Expect(editor.Locator("#case-fields")).ToContainTextAsync("delivery and lead times (");
            await Expect(editor.Locator("#case-fields")).ToContainTextAsync("in-house reshoring");
            await Expect(editor.Locator("#case-fields")).Not.ToContainTextAsync("deliveryTimes");
            await Expect(editor.Locator("#case-fields")).Not.ToContainTextAsync("isSeed");
            await Expect(editor.Locator("#case-seed")).ToHaveCountAsync(0);
            await Expect(editor.Locator("#action-Submit")).ToBeVisibleAsync();
            await Expect(editor.Locator("#action-Publish")).ToHaveCountAsync(0);

            await editor.Locator("#review-actions input[name=comment]").FillAsync("Checked against the press release.");
            await editor.Locator("#action-Submit").ClickAsync();
            // Post/redirect/get: the page after the action is a GET, so a reload does not submit again.
            await Expect(editor).ToHaveURLAsync(new Regex($"/monitor/cases/{id}\\?done=1$"));
            await Expect(editor.Locator("#case-status")).ToHaveTextAsync("in review");
            await Expect(editor.Locator("p.ok[role=status]")).ToContainTextAsync("in review");
            await Expect(editor.Locator("#action-Publish")).ToHaveCountAsync(0);
            await Expect(editor.Locator("#history")).ToContainTextAsync("submitted for review");

            // The API refuses the editor's publish with 403 and the workflow's reason; the case stays in review.
            var current = await editor.APIRequest.GetAsync($"/api/monitor/cases/{id}");
            Assert.Equal(200, current.Status);
            var version = (await current.JsonAsync())!.Value.GetProperty("version").GetInt32();
            // Signed in by cookie, an API write carries the page's anti-forgery token (issue 20), as the site's own script does.
            var token = await editor.Locator("input[name=__RequestVerificationToken]").First.GetAttributeAsync("value");
            var publish = await editor.APIRequest.PostAsync($"/api/monitor/cases/{id}/transitions",
                new() { DataObject = new { action = "publish", version }, Headers = new Dictionary<string, string> { ["RequestVerificationToken"] = token! } });
            Assert.Equal(403, publish.Status);
            Assert.Contains("editor", await publish.TextAsync(), StringComparison.OrdinalIgnoreCase);
            await editor.GotoAsync($"/monitor/cases/{id}");
            await Expect(editor.Locator("#case-status")).ToHaveTextAsync("in review");

            // A second case stays a draft: it must never reach the public pages.
            await editor.GotoAsync("/monitor/cases/new");
            await editor.Locator("#f-company").FillAsync(DraftCompany);
            await editor.Locator("#f-origins").FillAsync("PL");
            await editor.Locator("#f-destination").FillAsync("NL");
            await editor.Locator("#f-jobs").FillAsync("12");
            await editor.Locator("#save-case").ClickAsync();
            await Expect(editor).ToHaveURLAsync(new Regex(@"/monitor/cases/[0-9a-f-]{36}$"));
            draftId = Guid.Parse(editor.Url[^36..]);
            await Expect(editor.Locator("#case-status")).ToHaveTextAsync("draft");
        }
        finally
        {
            await EndToEndFixture.CloseAsync(editor);
        }

        // 3. The reviewer finds the case in the list, publishes it; the history names who did what.
        var reviewer = await fixture.NewPageAsync();
        try
        {
            await EndToEndFixture.LoginAsync(reviewer, Reviewer);
            await reviewer.GotoAsync("/monitor/cases");
            await Expect(reviewer.Locator("main")).ToContainTextAsync("Your monitor role: reviewer");
            var row = reviewer.Locator("#monitor-cases tbody tr", new() { HasText = Company });
            await Expect(row).ToContainTextAsync("in review");
            await Expect(reviewer.Locator("#monitor-cases tbody tr", new() { HasText = DraftCompany })).ToContainTextAsync("draft");
            await Screenshots.SaveAsync(reviewer, "20-monitor-cases");

            await row.Locator("a", new() { HasText = Company }).ClickAsync();
            await Expect(reviewer).ToHaveURLAsync(new Regex($"/monitor/cases/{id}$"));
            await Expect(reviewer.Locator("#case-status")).ToHaveTextAsync("in review");
            await reviewer.Locator("#review-actions input[name=comment]").FillAsync("Sources confirm 45 jobs.");
            await reviewer.Locator("#action-Publish").ClickAsync();
            await Expect(reviewer.Locator("#case-status")).ToHaveTextAsync("published");
            await Expect(reviewer.Locator("p.ok[role=status]")).ToContainTextAsync("published");

            var history = reviewer.Locator("#history tbody tr");
            await Expect(history).ToHaveCountAsync(3);
            await Expect(history.Nth(0)).ToContainTextAsync(Editor);
            await Expect(history.Nth(0)).ToContainTextAsync("created");
            await Expect(history.Nth(0)).Not.ToContainTextAsync("Draft");
            await Expect(history.Nth(0).Locator("td").Nth(5)).ToBeEmptyAsync();
            await Expect(history.Nth(1)).ToContainTextAsync(Editor);
            await Expect(history.Nth(1)).ToContainTextAsync("submitted for review");
            await Expect(history.Nth(1)).ToContainTextAsync("Checked against the press release.");
            await Expect(history.Nth(2)).ToContainTextAsync(Reviewer);
            await Expect(history.Nth(2)).ToContainTextAsync("(reviewer)");
            await Expect(history.Nth(2)).ToContainTextAsync("in review → published");
            await Expect(history.Nth(2)).ToContainTextAsync("Sources confirm 45 jobs.");
            await Screenshots.SaveAsync(reviewer, "20-monitor-case-history");
        }
        finally
        {
            await EndToEndFixture.CloseAsync(reviewer);
        }

        // 4. An anonymous visitor sees ten published cases with the new one, never the draft.
        visitor = await fixture.NewPageAsync();
        try
        {
            await visitor.GotoAsync("/monitor");
            await Expect(visitor.Locator("header .user")).ToHaveCountAsync(0);
            await Expect(visitor.Locator("#monitor-total")).ToHaveTextAsync(new Regex(@"^\s*10 published cases;"));
            await Expect(visitor.Locator("#manage-cases")).ToHaveCountAsync(0);
            await Expect(visitor.Locator("#card-dim-year .chart svg")).ToBeVisibleAsync();
            await Expect(visitor.Locator("#card-dim-motive .chart svg")).ToBeVisibleAsync();
            await Expect(visitor.Locator("#job-bands")).ToBeVisibleAsync();
            await Screenshots.SaveAsync(visitor, "20-monitor-stats");

            // The filters narrow the count to the new case: 2025, origin CN, sector C26.
            await visitor.GotoAsync("/monitor?from=2025&to=2025&origin=CN&sector=C26");
            await Expect(visitor.Locator("#monitor-total")).ToHaveTextAsync(new Regex(@"^\s*1 published cases;"));

            await visitor.GotoAsync("/monitor");
            await visitor.Locator(".monitor-nav a[href='/monitor/public']").ClickAsync();
            await Expect(visitor).ToHaveURLAsync(new Regex("/monitor/public$"));
            await Expect(visitor.Locator("main")).ToContainTextAsync("10 published cases.");
            await Expect(visitor.Locator("#monitor-cases")).ToContainTextAsync(Company);
            await Expect(visitor.Locator("main")).Not.ToContainTextAsync(DraftCompany);
            await Expect(visitor.Locator($"#monitor-cases a[href='/monitor/public/{id}']")).ToBeVisibleAsync();

            var pub = await visitor.APIRequest.GetAsync("/api/monitor/public/cases");
            Assert.Equal(200, pub.Status);
            var json = await pub.TextAsync();
            Assert.Contains(Company, json, StringComparison.Ordinal);
            Assert.DoesNotContain(DraftCompany, json, StringComparison.Ordinal);
            Assert.Equal(404, (await visitor.APIRequest.GetAsync($"/api/monitor/public/cases/{draftId}")).Status);
            Assert.Equal(200, (await visitor.APIRequest.GetAsync($"/api/monitor/public/cases/{id}")).Status);
            Assert.Equal(401, (await visitor.APIRequest.GetAsync($"/api/monitor/cases/{draftId}")).Status);

            // The case pages are for signed-in users.
            await visitor.GotoAsync($"/monitor/cases/{draftId}");
            await Expect(visitor).ToHaveURLAsync(new Regex(@"/login(\?|$)"));
        }
        finally
        {
            await EndToEndFixture.CloseAsync(visitor);
        }
    }

    [Fact]
    public async Task The_news_screener_flags_an_announcement_and_offers_a_prefilled_draft()
    {
        // The site admin counts as monitor admin.
        var page = await fixture.AdminPageAsync();
        try
        {
            await page.GotoAsync("/monitor/cases");
            await page.Locator("#screen").ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/monitor/screen$"));
            await Expect(page.Locator("#create-draft")).ToHaveCountAsync(0);

            await page.Locator("#screen-text").FillAsync(
                "Ghent, 3 March 2025. Veldhoven Optics NV brings production of its lenses back from China to Belgium. " +
                "The reshoring creates 60 jobs at the plant in Ghent, where assembly restarts next year.");
            await page.Locator("#do-screen").ClickAsync();
            var verdict = page.Locator("#screen-verdict");
            await Expect(verdict).ToContainTextAsync("Likely a reshoring announcement.");
            await Expect(verdict).ToHaveClassAsync(new Regex(@"\bok\b"));
            var draft = page.Locator("#screen-draft");
            await Expect(draft).ToContainTextAsync("Veldhoven Optics");
            await Expect(draft).ToContainTextAsync("CN");
            await Expect(draft).ToContainTextAsync("BE");
            await Expect(page.Locator("#screen-jobs")).ToHaveTextAsync("60");
            await Expect(page.Locator("#screen-date")).ToHaveTextAsync("03/03/2025");
            await Expect(page.Locator("#screen-text")).ToHaveValueAsync(new Regex("Veldhoven Optics NV"));
            await Expect(page.Locator("#create-draft")).ToBeVisibleAsync();
            await Screenshots.SaveAsync(page, "20-monitor-screening");

            // A text about reshoring that announces nothing is not flagged.
            await page.Locator("#screen-text").FillAsync("A survey of economists finds that reshoring is mostly a myth; experts see no trend.");
            await page.Locator("#do-screen").ClickAsync();
            await Expect(page.Locator("#screen-verdict")).ToContainTextAsync("Probably not a reshoring announcement.");

            // The announcement again, then the pre-filled draft: the editor opens with what the screener found.
            await page.Locator("#screen-text").FillAsync(
                "Ghent, 3 March 2025. Veldhoven Optics NV brings production of its lenses back from China to Belgium. " +
                "The reshoring creates 60 jobs at the plant in Ghent, where assembly restarts next year.");
            await page.Locator("#do-screen").ClickAsync();
            await Expect(page.Locator("#screen-verdict")).ToContainTextAsync("Likely a reshoring announcement.");
            await page.Locator("#create-draft").ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex(@"/monitor/cases/[0-9a-f-]{36}/edit$"));
            await Expect(page.Locator("#f-company")).ToHaveValueAsync(new Regex("Veldhoven Optics"));
            await Expect(page.Locator("#f-origins")).ToHaveValueAsync("CN");
            await Expect(page.Locator("#f-destination")).ToHaveValueAsync("BE");
            await Expect(page.Locator("#f-jobs")).ToHaveValueAsync("60");
            await Expect(page.Locator("#f-announcementDate")).ToHaveValueAsync("2025-03-03");
            var id = Guid.Parse(page.Url[^41..^5]);

            await page.GotoAsync($"/monitor/cases/{id}");
            await Expect(page.Locator("#case-status")).ToHaveTextAsync("draft");
            var pub = await page.APIRequest.GetAsync("/api/monitor/public/cases");
            Assert.DoesNotContain("Veldhoven", await pub.TextAsync(), StringComparison.Ordinal);
        }
        finally
        {
            await EndToEndFixture.CloseAsync(page);
        }
    }
}
