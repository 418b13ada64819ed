using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Reshore.Reports.Tests;
using static Microsoft.Playwright.Assertions;

namespace Reshore.Web.Tests.EndToEnd;

/// <summary>
/// Issue 15: a new user builds a case from a blank page in Dutch — aluminium bike frames from Taiwan, or from a supplier in Ecuador, a country
/// the workspace added to its reference data — with numbers typed the Dutch way, evaluates it, follows "fill next" once and downloads the PDF;
/// on a desktop and on a phone (390 px), where no page may be wider than the screen.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class CaseBuilderTests(EndToEndFixture fixture) : IClassFixture<EndToEndFixture>
{
    private const string Item = "aluminium-fietsframe";

    [Theory]
    [InlineData(1280)]
    [InlineData(390)]
    public async Task A_case_built_from_a_blank_page_in_Dutch_is_evaluated_refined_by_fill_next_and_reported(int width)
    {
        var page = await fixture.AdminPageAsync("nl-BE");
        await page.SetViewportSizeAsync(width, width < 600 ? 844 : 900);
        var tag = width < 600 ? "phone" : "desktop";
        try
        {
            var ws = await EndToEndFixture.CreateWorkspaceAsync(page, "Fietsframes " + tag);
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "nl");
            await page.GotoAsync($"/workspaces/{ws}/reference");
            await EndToEndFixture.AddEcuadorAsync(page, "INEC loonenquête 2025 met IESS-werkgeversbijdragen", "Offerte expediteur, maart 2026");

            // Step 1: product and volume, with a Dutch thousands separator and decimal commas.
            await page.GotoAsync($"/workspaces/{ws}");
            await page.Locator("#new-guided").ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex($"/workspaces/{ws}/new$"));
            await Field(page, "$.name").FillAsync("Fietsframes: Taiwan of Ecuador");
            await Field(page, "$.items[0].name").FillAsync("Aluminium fietsframe");
            await Field(page, "$.items[0].annualVolumeUnits").FillAsync("12.000");
            await Field(page, "$.items[0].unitWeightKg").FillAsync("2,4");
            await Field(page, "$.items[0].sellingPricePerUnit").FillAsync("189,50");
            // Labels are words, the path only a tooltip; help and the default's source are shown.
            await Expect(page.Locator("label[title=\"$.items[0].annualVolumeUnits\"]")).ToContainTextAsync("Jaarvolume");
            await Expect(page.Locator("#builder")).ToContainTextAsync("kapitaalkost");
            await NotWiderThanTheScreenAsync(page, width);
            await Screenshots.SaveAsync(page, $"40-builder-step1-{tag}");
            await page.Locator("#next").ClickAsync();

            // Step 2: the status quo. A wrong number is named at its field and nothing moves on.
            await Field(page, "$.items[0].options[0].name").FillAsync("Framefabrikant, Taichung");
            await page.Locator("select[name=\"$.items[0].options[0].country\"]").SelectOptionAsync("TW");
            await Field(page, "$.items[0].options[0].production.unitPrice").FillAsync("61,5x");
            await page.Locator("#next").ClickAsync();
            await Expect(page.Locator("span.field-error[data-error-for=\"$.items[0].options[0].production.unitPrice\"]")).ToBeVisibleAsync();
            await Expect(page.Locator("#builder-errors")).ToBeVisibleAsync();
            await Field(page, "$.items[0].options[0].production.unitPrice").FillAsync("61,50");
            await page.Locator("#next").ClickAsync();

            // Step 3: the alternative in Ecuador, a country only this workspace knows; its name is listed in Dutch.
            var country = page.Locator("select[name=\"$.items[0].options[1].country\"]");
            await Expect(country.Locator("option[value=EC]")).ToHaveTextAsync("Ecuador (EC)");
            await Expect(page.Locator("select[name=\"$.items[0].options[1].country\"] option[value=DE]")).ToHaveTextAsync("Duitsland (DE)");
            await Field(page, "$.items[0].options[1].name").FillAsync("Leverancier Guayaquil");
            await country.SelectOptionAsync("EC");
            await Field(page, "$.items[0].options[1].production.unitPrice").FillAsync("55,25");
            await Screenshots.SaveAsync(page, $"41-builder-alternatives-{tag}");
            await page.Locator("#next").ClickAsync();

            // Stored and evaluated after three steps; the rest refines it.
            await Expect(page).ToHaveURLAsync(new Regex(@"/cases/[0-9a-f-]{36}/build\?step=4$"));
            var id = Guid.Parse(Regex.Match(page.Url, "[0-9a-f-]{36}").Value);
            await Expect(page.Locator("#result-ready")).ToBeVisibleAsync();

            // Step 4: logistics, the lanes of each option's country (the workspace's own lane for Ecuador).
            await page.Locator("select[name=\"$.items[0].options[0].logistics.legs[0].lane\"]").SelectOptionAsync("TW-SEA-TAIPEI");
            var ecLane = page.Locator("select[name=\"$.items[0].options[1].logistics.legs[0].lane\"]");
            await Expect(ecLane.Locator("option")).ToHaveCountAsync(2);
            await ecLane.SelectOptionAsync("EC-SEA-GUAYAQUIL");
            await Field(page, "$.items[0].options[0].logistics.shipmentsPerYear").FillAsync("12");
            await Field(page, "$.items[0].options[1].logistics.shipmentsPerYear").FillAsync("12");
            await page.Locator("#next").ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex(@"step=5$"));

            // Step 5: a one-off cost, added from nothing.
            await page.Locator("select[name=\"$.items[0].options[1].transition.oneOffCosts[0].type\"]").SelectOptionAsync("toolingTransfer");
            await Field(page, "$.items[0].options[1].transition.oneOffCosts[0].amount").FillAsync("45.000");
            await Field(page, "$.items[0].options[1].transition.oneOffCosts[0].description").FillAsync("Mallen naar Guayaquil");
            await page.Locator("#next").ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex(@"step=6$"));

            // Step 6: risk.
            await Field(page, "$.items[0].options[0].risk.disruption.eventsPerYear").FillAsync("0,1");
            await Field(page, "$.items[0].options[0].risk.disruption.durationWeeks").FillAsync("6");
            await Field(page, "$.items[0].options[0].risk.disruption.capacityLossPct").FillAsync("100");
            await page.Locator("#next").ClickAsync();
            await Expect(page.Locator("#builder-done")).ToBeVisibleAsync();

            var stored = await StoredAsync(page, id);
            var item = stored.GetProperty("case").GetProperty("items")[0];
            Assert.Equal(12000, item.GetProperty("annualVolumeUnits").GetDouble());
            Assert.Equal(2.4, item.GetProperty("unitWeightKg").GetDouble());
            Assert.Equal(61.5, item.GetProperty("options")[0].GetProperty("production").GetProperty("unitPrice").GetDouble());
            Assert.Equal(45000, item.GetProperty("options")[1].GetProperty("transition").GetProperty("oneOffCosts")[0].GetProperty("amount").GetDouble());
            Assert.Equal(0.1, item.GetProperty("options")[0].GetProperty("risk").GetProperty("disruption").GetProperty("eventsPerYear").GetDouble());

            // The result, with "fill next": inputs not given, most valuable first, each linked to its field.
            await page.Locator("#see-result-done").ClickAsync();
            await Expect(page.Locator($"#verdict-{Item}")).ToBeVisibleAsync();
            var fillNext = page.Locator($"#fill-next-{Item} li");
            await Expect(fillNext.First).ToBeVisibleAsync();
            Assert.True(await fillNext.CountAsync() >= 3, await page.Locator($"#fill-next-{Item}").InnerTextAsync());
            var first = fillNext.First;
            var path = await first.GetAttributeAsync("data-path");
            Assert.NotNull(path);
            await NotWiderThanTheScreenAsync(page, width);
            await Screenshots.SaveAsync(page, $"42-results-fill-next-{tag}");

            await first.Locator("a.fill-link").ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex($"/cases/{id}/edit"));
            var input = page.Locator("#fill-input");
            await Expect(input).ToHaveAttributeAsync("name", path!);
            await input.FillAsync("1,5");
            await NotWiderThanTheScreenAsync(page, width);
            await Screenshots.SaveAsync(page, $"43-editor-fill-field-{tag}", fullPage: false);
            await page.Locator("#save").ClickAsync();
            await Expect(page.Locator("#saved").Or(page.Locator("#validation-summary"))).ToBeVisibleAsync();
            if (await page.Locator("#validation-summary").IsVisibleAsync())
                Assert.Fail("Saving the filled field was refused: " + await page.Locator("#validation-summary").InnerTextAsync());
            Assert.Equal(1.5, Number(await StoredAsync(page, id), path!));

            // The field is now given, so it leaves the list.
            await page.Locator("#tab-results").ClickAsync();
            await Expect(page.Locator($"#verdict-{Item}")).ToBeVisibleAsync();
            await Expect(page.Locator($"#fill-next-{Item} li[data-path=\"{path}\"]")).ToHaveCountAsync(0);

            // The PDF, in Dutch with decimal commas.
            var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#report-pdf").ClickAsync());
            Assert.Null(await download.FailureAsync());
            var pdf = await File.ReadAllBytesAsync((await download.PathAsync())!);
            Assert.Equal("%PDF", Encoding.ASCII.GetString(pdf, 0, 4));
            var text = string.Join("\n", PdfText.Pages(pdf));
            Assert.Contains("Ecuador", text);
            Assert.Contains("Leverancier Guayaquil", text);
            Assert.Matches(new Regex(@"\d,\d\d"), text);
            Assert.Contains("61,5", text);
        }
        finally
        {
            await EndToEndFixture.CloseAsync(page);
        }
    }

    private static ILocator Field(IPage page, string path) => page.Locator($"input[name=\"{path}\"]");

    // The page fits the screen: nothing sticks out sideways (tables scroll inside their own box).
    private static async Task NotWiderThanTheScreenAsync(IPage page, int width)
    {
        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= width, $"{page.Url} is {scrollWidth} px wide on a {width} px screen");
    }

    private static async Task<JsonElement> StoredAsync(IPage page, Guid id)
    {
        var response = await page.APIRequest.GetAsync($"/api/cases/{id}");
        Assert.Equal(200, response.Status);
        return JsonDocument.Parse(await response.TextAsync()).RootElement.Clone();
    }

    // The number at a case path ($.items[0].options[1].quality.defectRatePct) in the stored case.
    private static double Number(JsonElement stored, string path)
    {
        var node = stored.GetProperty("case");
        foreach (Match m in Regex.Matches(path[2..], @"([A-Za-z]+)|\[(\d+)\]"))
            node = m.Groups[1].Success ? node.GetProperty(m.Groups[1].Value) : node[int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture)];
        return node.GetDouble();
    }
}
