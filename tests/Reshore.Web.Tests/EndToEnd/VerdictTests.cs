extern alias cli;

using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Reshore.Core.Localization;
using Reshore.Data.CaseFiles;
using Reshore.Data.ReferenceData;
using Reshore.Reports;
using Reshore.Reports.Tests;
using static Microsoft.Playwright.Assertions;

namespace Reshore.Web.Tests.EndToEnd;

/// <summary>
/// Issue 13's promise: the web page's verdict card, the CLI table's first lines and the PDF's first page show the same verdict, confidence and
/// flips, in English and Dutch; the verdict card and PDF page 1 are kept as screenshots.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class VerdictTests(EndToEndFixture fixture) : IClassFixture<EndToEndFixture>
{
    private const string Item = "led-a60-9w";

    [Theory]
    [InlineData("en-GB", "en")]
    [InlineData("nl-BE", "nl")]
    public async Task Web_cli_and_pdf_page_one_show_the_same_verdict_confidence_and_flips(string locale, string language)
    {
        var culture = Text.Culture(language);
        var page = await fixture.AdminPageAsync(locale);
        try
        {
            var ws = await EndToEndFixture.CreateWorkspaceAsync(page, "Verdict " + language);
            await EndToEndFixture.CreateCaseAsync(page, ws);
            var card = page.Locator($"#verdict-{Item}");
            await Expect(card).ToBeVisibleAsync();
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language);
            var verdict = (await card.Locator(".verdict-option").InnerTextAsync()).Trim();
            var confidence = (await card.Locator("p.confidence").InnerTextAsync()).Trim();
            var flips = (await card.Locator($"#flips-{Item} tbody tr td:first-child").AllInnerTextsAsync()).Select(t => t.Trim()).ToList();
            Assert.NotEmpty(flips);
            // The views side by side, with a reason for each one that differs.
            var views = card.Locator($"#views-{Item} tbody tr");
            await Expect(views).ToHaveCountAsync(4);
            await Expect(card.Locator("ul.reconciliation li")).Not.ToHaveCountAsync(0);
            await Expect(card.Locator("figure.verdict-chart svg")).ToBeVisibleAsync();
            await card.ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(Screenshots.Folder, $"30-verdict-card-{language}.png") });

            // The CLI table: its first lines after the item's rule are the verdict, then the confidence; the flips table follows.
            var cli = new StringWriter();
            var code = cli::Reshore.Cli.CliApp.Run(["evaluate", Example(), "--lang", language], cli, new StringWriter());
            Assert.Equal(0, code);
            var lines = cli.ToString().Split('\n').Select(l => l.TrimEnd()).ToList();
            var first = lines.FindIndex(l => l.StartsWith(Text.Get(culture, "Card_Verdict", "Verdict") + ":", StringComparison.Ordinal));
            Assert.True(first is > 0 and < 6, cli.ToString()[..Math.Min(2000, cli.ToString().Length)]);
            Assert.Equal($"{Text.Get(culture, "Card_Verdict", "Verdict")}: {verdict}", lines[first]);
            Assert.Equal(confidence, lines[first + 1]);
            foreach (var flip in flips) Assert.Contains(lines, l => l.TrimStart().StartsWith(flip, StringComparison.Ordinal));

            // The PDF's first page.
            var market = ReferenceDataLoader.Embedded();
            var input = ReportBuilder.Build(CaseFileReader.ReadDocumentFile(Example(), market), market, culture, new ReportOptions());
            var pdf = BusinessCaseReport.Pdf(input, culture);
            var pageOne = PdfText.Pages(pdf)[0];
            Assert.Contains(Squash(verdict), Squash(pageOne));
            Assert.Contains(Squash(confidence), Squash(pageOne));
            foreach (var flip in flips.Take(3)) Assert.Contains(Squash(flip), Squash(pageOne));
            await File.WriteAllBytesAsync(Path.Combine(Screenshots.Folder, $"31-pdf-page-1-{language}.png"), BusinessCaseReport.PdfPagePng(input, culture));
        }
        finally
        {
            await EndToEndFixture.CloseAsync(page);
        }
    }

    // Page text comes without the spaces between drawn runs; compare without white space.
    private static string Squash(string s) => Regex.Replace(s, @"\s+", "");

    private static string Example() => Path.Combine(Screenshots.RepoRoot, "examples", "led-lamps.yaml");
}
