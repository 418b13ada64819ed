using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Reshore.Core.Localization;
using static Microsoft.Playwright.Assertions;

namespace Reshore.Web.Tests.EndToEnd;

/// <summary>English and Dutch: the language switch (cookie) and the browser's Accept-Language on a first visit.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class LanguageTests(EndToEndFixture fixture) : IClassFixture<EndToEndFixture>
{
    private const string Item = "led-a60-9w";
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-BE");

    // The TCO per unit (N4) in en: 1.2362; in nl-BE: 1,2362.
    private static readonly Regex EnglishNumber = new(@"^-?\d{1,3}(,\d{3})*\.\d{4}$");
    private static readonly Regex DutchNumber = new(@"^-?\d{1,3}(\.\d{3})*,\d{4}$");

    /// <summary>Page texts of the results page (key, English); those already translated in Strings.nl.resx must show in Dutch.</summary>
    private static readonly (string Key, string English)[] ResultsTexts =
    [
        ("Web_Nav_Workspaces", "Workspaces"), ("Web_Nav_Reference", "Reference data"), ("Web_Logout", "Sign out"),
        ("Web_Tab_Results", "Results"), ("Web_Tab_Simulate", "Risk simulation"), ("Card_Verdict", "Verdict"),
        ("Web_Option", "Option"), ("Report_Country", "Country"), ("Cli_Payback", "Payback (years)"), ("Web_Breakdown", "Cost lines: formula, inputs and sources"),
    ];

    private static string NlText(string key, string english) => Text.Get(Dutch, key, english);

    /// <summary>The Dutch texts that are translated already (a key not yet in Strings.nl.resx falls back to English).</summary>
    private static IEnumerable<string> Translated((string Key, string English)[] texts) =>
        texts.Select(t => NlText(t.Key, t.English)).Where((nl, i) => nl != texts[i].English);

    [Fact]
    public async Task The_language_switch_shows_Dutch_texts_and_Dutch_numbers_on_the_results()
    {
        var page = await fixture.AdminPageAsync();
        try
        {
            var ws = await EndToEndFixture.CreateWorkspaceAsync(page, "Taal");
            var id = await EndToEndFixture.CreateCaseAsync(page, ws);
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
            var tco = page.Locator($"#comparison-{Item} tbody tr[data-key=tcoPerUnit] td").Nth(1);
            await Expect(tco).ToHaveTextAsync(EnglishNumber);
            var lines = page.Locator($"#lines-{Item}-cn-cm table.lines");
            await Expect(lines).ToContainTextAsync("Unit price");
            await Expect(lines).ToContainTextAsync("Production");

            await page.Locator("#lang-nl").ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex($"/cases/{id}$"));
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "nl");
            await Expect(page.Locator("#lang-nl")).ToHaveClassAsync(new Regex("active"));
            await Expect(tco).ToHaveTextAsync(DutchNumber);
            await AssertDutchResultsAsync(page);
            await Screenshots.SaveAsync(page, "08-case-results-nl");

            // The choice is kept (cookie) on the next page, and the switch back works.
            await page.Locator("#tab-simulate").ClickAsync();
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "nl");
            await page.Locator("#lang-en").ClickAsync();
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
            await Expect(page).ToHaveURLAsync(new Regex($"/cases/{id}/simulate$"));
            await page.GotoAsync($"/cases/{id}");
            await Expect(tco).ToHaveTextAsync(EnglishNumber);
        }
        finally
        {
            await EndToEndFixture.CloseAsync(page);
        }
    }

    [Fact]
    public async Task A_browser_asking_for_nl_BE_gets_Dutch_on_the_first_visit()
    {
        await fixture.AdminAsync();
        var page = await fixture.NewPageAsync(locale: "nl-BE");
        try
        {
            await page.GotoAsync("/login");
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "nl");
            await Expect(page.Locator("#lang-nl")).ToHaveClassAsync(new Regex("active"));
            foreach (var text in Translated([("Web_Login_Title", "Sign in"), ("Web_Password", "Password")]))
                await Expect(page.Locator("main")).ToContainTextAsync(text);

            await EndToEndFixture.LoginAsync(page, "admin@example.org");
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "nl");
            var ws = await EndToEndFixture.CreateWorkspaceAsync(page, "Eerste bezoek");
            await EndToEndFixture.CreateCaseAsync(page, ws);
            await Expect(page.Locator($"#comparison-{Item} tbody tr[data-key=tcoPerUnit] td").Nth(1)).ToHaveTextAsync(DutchNumber);
            await AssertDutchResultsAsync(page);
        }
        finally
        {
            await EndToEndFixture.CloseAsync(page);
        }
    }

    private static async Task AssertDutchResultsAsync(IPage page)
    {
        // Cost factors and categories are translated already (Strings.nl.resx); the page texts as far as they are.
        var lines = page.Locator($"#lines-{Item}-cn-cm table.lines");
        await Expect(lines).ToContainTextAsync(NlText("Factor_unitPrice", "Unit price"));
        await Expect(lines).ToContainTextAsync(NlText("Category_Production", "Production"));
        Assert.Equal("Eenheidsprijs", NlText("Factor_unitPrice", "Unit price"));
        await Expect(lines).Not.ToContainTextAsync("Unit price");
        foreach (var text in Translated(ResultsTexts))
            await Expect(page.Locator("body")).ToContainTextAsync(text);
    }
}
