using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Reshore.Web.Tests.EndToEnd;

/// <summary>Issue 15: the editor builds options and transport legs from nothing (not by duplicating), and the evaluation uses them.</summary>
[Collection(EndToEndCollection.Name)]
[Trait("Category", "Browser")]
public sealed class EditorAddTests(EndToEndFixture fixture) : IClassFixture<EndToEndFixture>
{
    private const string Item = "led-a60-9w";
    private const string Option = "$.items[0].options[3]";

    private static ILocator Input(IPage page, string path) => page.Locator($"#editor input[name=\"{path}\"]");

    [Fact]
    public async Task An_option_and_a_leg_added_from_nothing_in_the_editor_are_saved_and_evaluated()
    {
        var page = await fixture.AdminPageAsync();
        try
        {
            var ws = await EndToEndFixture.CreateWorkspaceAsync(page, "Editor from nothing");
            var id = await EndToEndFixture.CreateCaseAsync(page, ws);
            await page.GotoAsync($"/cases/{id}/edit");

            // A fourth option, empty but for its new id; its fields are all offered, with words as labels.
            await page.Locator("button[data-add=\"$.items[0].options\"]").ClickAsync();
            await Expect(page.Locator("#editor input[name=\"$.items[0].options[3].id\"]")).ToHaveValueAsync("option-4");
            await Input(page, $"{Option}.name").FillAsync("Supplier near Brno");
            await Input(page, $"{Option}.governance").FillAsync("outsourcedReshoring");
            await Input(page, $"{Option}.country").FillAsync("CZ");
            await Input(page, $"{Option}.production.unitPrice").FillAsync("0.74");
            await Input(page, $"{Option}.logistics.shipmentsPerYear").FillAsync("24");

            // Its first transport leg, from nothing; what was typed above is kept.
            await page.Locator($"button[data-add=\"{Option}.logistics.legs\"]").ClickAsync();
            await Expect(page.Locator($"button[data-remove=\"{Option}.logistics.legs[0]\"]")).ToBeVisibleAsync();
            await Expect(Input(page, $"{Option}.name")).ToHaveValueAsync("Supplier near Brno");
            await Input(page, $"{Option}.logistics.legs[0].mode").FillAsync("road");
            await Input(page, $"{Option}.logistics.legs[0].distanceKm").FillAsync("843");
            await Input(page, $"{Option}.logistics.legs[0].transitDays").FillAsync("2");
            await Input(page, $"{Option}.logistics.legs[0].rate").FillAsync("1281");
            await Input(page, $"{Option}.logistics.legs[0].rateUnit").FillAsync("perFtl");
            await Screenshots.SaveAsync(page, "06-editor-added-option-and-leg");

            await page.Locator("#save").ClickAsync();
            await Expect(page.Locator("#saved").Or(page.Locator("#validation-summary")).Or(page.Locator("#conflict"))).ToBeVisibleAsync();
            if (await page.Locator("#validation-summary").IsVisibleAsync())
                Assert.Fail("Saving the added option was refused: " + await page.Locator("#validation-summary").InnerTextAsync());

            var response = await page.APIRequest.GetAsync($"/api/cases/{id}");
            var option = JsonDocument.Parse(await response.TextAsync()).RootElement.GetProperty("case").GetProperty("items")[0].GetProperty("options")[3];
            Assert.Equal("option-4", option.GetProperty("id").GetString());
            Assert.Equal("CZ", option.GetProperty("country").GetString());
            var leg = option.GetProperty("logistics").GetProperty("legs")[0];
            Assert.Equal("road", leg.GetProperty("mode").GetString());
            Assert.Equal(1281, leg.GetProperty("rate").GetDouble());

            // The evaluation compares the new option and costs its leg: the main-leg freight line shows the rate typed.
            await page.Locator("#tab-results").ClickAsync();
            await Expect(page.Locator($"#comparison-{Item}")).ToContainTextAsync("Supplier near Brno");
            var drill = page.Locator($"#lines-{Item}-option-4");
            await drill.Locator("summary").First.ClickAsync();
            var freight = drill.Locator("table.lines tbody tr").Filter(new() { Has = page.Locator("td:first-child", new() { HasTextRegex = new Regex("^Main-leg freight$") }) });
            await Expect(freight).ToHaveCountAsync(1);
            await Expect(freight.Locator("ul.inputs")).ToContainTextAsync("1281");

            // Removing the leg again takes it out of the case.
            await page.GotoAsync($"/cases/{id}/edit");
            await page.Locator($"button[data-remove=\"{Option}.logistics.legs[0]\"]").ClickAsync();
            await Expect(page.Locator($"button[data-remove=\"{Option}.logistics.legs[0]\"]")).ToHaveCountAsync(0);
            await page.Locator("#save").ClickAsync();
            await Expect(page.Locator("#saved").Or(page.Locator("#validation-summary"))).ToBeVisibleAsync();
            if (await page.Locator("#validation-summary").IsVisibleAsync())
                Assert.Fail("Saving without the leg was refused: " + await page.Locator("#validation-summary").InnerTextAsync());
            response = await page.APIRequest.GetAsync($"/api/cases/{id}");
            var logistics = JsonDocument.Parse(await response.TextAsync()).RootElement.GetProperty("case").GetProperty("items")[0].GetProperty("options")[3].GetProperty("logistics");
            Assert.Equal(0, logistics.TryGetProperty("legs", out var legs) ? legs.GetArrayLength() : 0);
        }
        finally
        {
            await EndToEndFixture.CloseAsync(page);
        }
    }
}
