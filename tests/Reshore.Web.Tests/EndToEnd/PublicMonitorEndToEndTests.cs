using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Reshore.Web.Tests.EndToEnd;

/// <summary>
/// The public reshoring monitor (issue #18) in Chromium, as an anonymous visitor on a fresh database (the nine seed cases):
/// the compact statistics page within two screens at 1366 × 768 with the net balance and the reference figures, chart downloads
/// as PNG and CSV, the case list with full-text search, filters and sorting, a factsheet with its sources, trends and the map.
/// Screenshots 21-* to 25-*.
/// </summary>
[Collection(EndToEndCollection.Name)]
[Trait("Category", "Browser")]
public sealed class PublicMonitorEndToEndTests(EndToEndFixture fixture) : IClassFixture<EndToEndFixture>
{
    private async Task<IPage> LaptopPageAsync()
    {
        var page = await fixture.NewPageAsync();
        await page.SetViewportSizeAsync(1366, 768);
        return page;
    }

    [Fact]
    public async Task Statistics_fit_in_two_screens_and_every_chart_downloads_as_png_and_csv()
    {
        var page = await LaptopPageAsync();
        try
        {
            await page.GotoAsync("/monitor");
            await Expect(page.Locator("#monitor-total")).ToContainTextAsync("9 published cases");
            await Expect(page.Locator("#monitor-balance")).ToContainTextAsync("net 160");
            await Expect(page.Locator("#bench-ermCases")).ToContainTextAsync("253");
            await Expect(page.Locator("#card-dim-quadrant svg")).ToBeVisibleAsync();
            var height = await page.EvaluateAsync<int>("() => document.documentElement.scrollHeight");
            await Screenshots.SaveAsync(page, "21-monitor-statistics-1366x768");
            Assert.True(height <= 2 * 768, $"the statistics page is {height} px high at 1366 × 768");

            var cards = await page.Locator(".chart-card[id^=card-dim-]").CountAsync();
            Assert.True(cards >= 10);
            var png = await page.APIRequest.GetAsync(await page.Locator("#png-dim-quadrant").GetAttributeAsync("href") ?? "");
            Assert.Equal(200, png.Status);
            Assert.Equal("image/png", png.Headers["content-type"]);
            var bytes = await png.BodyAsync();
            Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, bytes[..4]);
            var csv = await page.APIRequest.GetAsync(await page.Locator("#csv-dim-quadrant").GetAttributeAsync("href") ?? "");
            var text = (await csv.TextAsync()).TrimStart('\uFEFF');
            Assert.StartsWith("key,label,cases", text);
            Assert.Contains("InternalCostEfficiency", text);
        }
        finally
        {
            await EndToEndFixture.CloseAsync(page);
        }
    }

    [Fact]
    public async Task Case_list_searches_filters_sorts_and_opens_a_factsheet_with_its_sources()
    {
        var page = await LaptopPageAsync();
        try
        {
            await page.GotoAsync("/monitor/public");
            await Expect(page.Locator("#monitor-cases tbody tr")).ToHaveCountAsync(9);
            await page.Locator("#search-q").FillAsync("Tienen");
            await page.Locator("#do-search").ClickAsync();
            await Expect(page.Locator("#monitor-cases tbody tr")).ToHaveCountAsync(1);
            await Expect(page.Locator("#monitor-cases tbody")).ToContainTextAsync("Sylvania");

            await page.GotoAsync("/monitor/public?quadrant=HybridCostEfficiency");
            await Expect(page.Locator("#monitor-cases tbody tr")).ToHaveCountAsync(1);
            await Expect(page.Locator("#monitor-cases tbody")).ToContainTextAsync("Atkore");

            await page.GotoAsync("/monitor/public");
            await page.Locator("#sort").SelectOptionAsync("jobs");
            await page.Locator("input[name=desc]").CheckAsync();
            await page.Locator("#do-search").ClickAsync();
            await Expect(page.Locator("#monitor-cases tbody tr").First).ToContainTextAsync("Adidas");
            await Screenshots.SaveAsync(page, "22-monitor-public-cases");

            await page.Locator("#monitor-cases a", new() { HasText = "Atkore" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/monitor/public/[0-9a-f-]+$"));
            await Expect(page.Locator("#field-socialEconomyPartner")).ToContainTextAsync("Aarova");
            await Expect(page.Locator("#factsheet-sources")).ToContainTextAsync("De Standaard");
            await Expect(page.Locator("#factsheet-sources")).ToContainTextAsync("Reshoring: achtergrondstudie");
            await Screenshots.SaveAsync(page, "23-monitor-factsheet");
        }
        finally
        {
            await EndToEndFixture.CloseAsync(page);
        }
    }

    [Fact]
    public async Task Trends_and_map_draw_and_list_their_data()
    {
        var page = await LaptopPageAsync();
        try
        {
            await page.GotoAsync("/monitor/trends");
            await Expect(page.Locator("#card-trend-cases svg")).ToBeVisibleAsync();
            await Expect(page.Locator("#trend-table tbody tr", new() { HasText = "2017" })).ToContainTextAsync("160");
            await Screenshots.SaveAsync(page, "24-monitor-trends");

            await page.GotoAsync("/monitor/map");
            await Expect(page.Locator("#card-map svg")).ToBeVisibleAsync();
            await Expect(page.Locator("#flow-table")).ToContainTextAsync("Hungary");
            var csv = await page.APIRequest.GetAsync(await page.Locator("#csv-map").GetAttributeAsync("href") ?? "");
            Assert.Contains("HU,BE,Reshoring,1", await csv.TextAsync());
            await Screenshots.SaveAsync(page, "25-monitor-map");
        }
        finally
        {
            await EndToEndFixture.CloseAsync(page);
        }
    }
}
