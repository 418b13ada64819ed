using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Reshore.Web.Tests.EndToEnd;

/// <summary>Workspaces, cases from an example, results with charts and drill-down, the editor, downloads.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class CaseTests(EndToEndFixture fixture) : IClassFixture<EndToEndFixture>
{
    private const string Item = "led-a60-9w";
    private const string PolishSupplier = "Supplier near Łódź";
    private const string UnitPricePath = "$.items[0].options[2].production.unitPrice";
    private const string NewOption = "$.items[0].options[3]";

    private static ILocator Input(IPage page, string path) => page.Locator($"#editor input[name=\"{path}\"]");

    [Fact]
    public async Task A_case_from_the_LED_example_shows_comparison_charts_and_a_drill_down_with_formula_inputs_and_sources()
    {
        var page = await fixture.AdminPageAsync();
        try
        {
            await Expect(page.Locator("#workspaces")).ToContainTextAsync("Examples");
            var ws = await EndToEndFixture.CreateWorkspaceAsync(page, "Lighting sourcing");
            await Expect(page.Locator("#example")).ToBeVisibleAsync();
            await Expect(page.Locator("#members")).ToContainTextAsync("admin@example.org");
            await Screenshots.SaveAsync(page, "03-workspace-empty");

            var id = await EndToEndFixture.CreateCaseAsync(page, ws);
            await Expect(page.Locator("#case-title")).ToContainTextAsync("LED lamps A60");

            // The comparison (the shared table): one column per option, the verdict starred; the verdict card above it.
            var comparison = page.Locator($"#comparison-{Item}");
            await Expect(comparison).ToBeVisibleAsync();
            await Expect(comparison.Locator("thead th[data-key]")).ToHaveCountAsync(3);
            await Expect(comparison.Locator("thead th", new() { HasText = "★" })).ToHaveCountAsync(1);
            await Expect(page.Locator($"#verdict-{Item} .verdict-option")).Not.ToBeEmptyAsync();
            await Expect(comparison).ToContainTextAsync("Contract manufacturer, Ningbo");
            await Expect(comparison).ToContainTextAsync(PolishSupplier);
            await Expect(page.Locator($"#recommendation-{Item}")).ToContainTextAsync("Recommended");

            // At least three charts, each an inline SVG with content.
            var charts = page.Locator($"#charts-{Item} figure > svg");
            await Expect(charts.Nth(2)).ToBeVisibleAsync();
            Assert.True(await charts.CountAsync() >= 3, $"{await charts.CountAsync()} charts");
            for (var i = 0; i < await charts.CountAsync(); i++)
            {
                var box = await charts.Nth(i).BoundingBoxAsync();
                Assert.True(box is { Width: > 100, Height: > 100 }, $"chart {i} is {box?.Width}×{box?.Height}");
                Assert.True(await charts.Nth(i).Locator("path, rect, line, polyline").CountAsync() > 3, $"chart {i} draws nothing");
            }
            await Screenshots.SaveAsync(page, "04-case-results");

            // Drill-down: the status quo's cost lines, then one line's formula with its inputs and their sources.
            var lines = page.Locator($"#lines-{Item}-cn-cm");
            await Expect(lines.Locator("table.lines")).Not.ToBeVisibleAsync();
            await lines.Locator("> summary").ClickAsync();
            await Expect(lines.Locator("table.lines")).ToBeVisibleAsync();
            var unitPriceRow = Line(lines, "Unit price");
            await Expect(unitPriceRow).ToHaveCountAsync(1);
            var formula = unitPriceRow.Locator("details.formula");
            await Expect(formula.Locator("ul.inputs")).Not.ToBeVisibleAsync();
            await formula.Locator("summary").ClickAsync();
            var inputs = formula.Locator("ul.inputs li");
            await Expect(inputs.First).ToBeVisibleAsync();
            await Expect(formula.Locator("summary code")).Not.ToBeEmptyAsync();
            Assert.True(await inputs.CountAsync() >= 1);
            for (var i = 0; i < await inputs.CountAsync(); i++)
            {
                await Expect(inputs.Nth(i).Locator(".name")).Not.ToBeEmptyAsync();
                await Expect(inputs.Nth(i).Locator(".source")).Not.ToBeEmptyAsync();
            }
            // A default from reference data says so (the labour line of the own plant uses the Belgian wage).
            await Expect(page.Locator($"#lines-{Item}-be-own-line ul.inputs .source.default").First).ToContainTextAsync("default");
            await lines.ScrollIntoViewIfNeededAsync();
            await Screenshots.SaveAsync(page, "04b-case-drill-down");

            // The workspace lists the new case.
            await page.GotoAsync($"/workspaces/{ws}");
            await Expect(page.Locator("#cases")).ToContainTextAsync("LED lamps A60");
            await Expect(page.Locator($"#cases a[href='/cases/{id}']")).ToBeVisibleAsync();
            await Screenshots.SaveAsync(page, "03-workspace");
            await page.GotoAsync("/");
            await Expect(page.Locator("#workspaces")).ToContainTextAsync("Lighting sourcing");
            await Screenshots.SaveAsync(page, "02-workspaces");
        }
        finally
        {
            await EndToEndFixture.CloseAsync(page);
        }
    }

    [Fact]
    public async Task An_edited_unit_price_is_saved_and_changes_the_results()
    {
        var page = await fixture.AdminPageAsync();
        try
        {
            var ws = await EndToEndFixture.CreateWorkspaceAsync(page, "Editor test");
            var id = await EndToEndFixture.CreateCaseAsync(page, ws);
            var tcoCell = page.Locator($"#comparison-{Item} tbody tr[data-key=tcoPerUnit] td").Nth(3);
            var before = await tcoCell.InnerTextAsync();

            await page.Locator("#tab-edit").ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex($"/cases/{id}/edit$"));
            var unitPrice = Input(page, UnitPricePath);
            await Expect(unitPrice).ToHaveValueAsync("0.78");
            await Expect(Input(page, "$.horizonYears")).ToHaveValueAsync("10");
            await Screenshots.SaveAsync(page, "05-editor");

            await unitPrice.FillAsync("1.78");
            await SaveAsync(page, "Saving an edited unit price");
            await Expect(page.Locator("#saved")).ToContainTextAsync("2");
            await Expect(Input(page, UnitPricePath)).ToHaveValueAsync("1.78");

            // The results use the new price: a higher TCO per unit for the Polish supplier, and the price in its drill-down.
            await page.Locator("#tab-results").ClickAsync();
            await Expect(page.Locator("#case-title")).ToBeVisibleAsync();
            var after = await tcoCell.InnerTextAsync();
            Assert.True(Number(after) > Number(before) + 0.5, $"TCO per unit of the Polish supplier: {before} → {after}");
            var polishUnitPrice = Line(page.Locator($"#lines-{Item}-pl-supplier"), "Unit price");
            await Expect(polishUnitPrice.Locator("ul.inputs")).ToContainTextAsync("1.78");

            var stored = await StoredAsync(page, id);
            Assert.Equal(2, stored.GetProperty("version").GetInt32());
            Assert.Equal(1.78, UnitPrice(stored));
        }
        finally
        {
            await EndToEndFixture.CloseAsync(page);
        }
    }

    [Fact]
    public async Task Text_in_a_number_field_is_refused_next_to_that_field_and_nothing_is_saved()
    {
        var page = await fixture.AdminPageAsync();
        try
        {
            var ws = await EndToEndFixture.CreateWorkspaceAsync(page, "Editor errors");
            var id = await EndToEndFixture.CreateCaseAsync(page, ws);

            await page.GotoAsync($"/cases/{id}/edit");
            await Input(page, UnitPricePath).FillAsync("abc");
            await page.Locator("#save").ClickAsync();
            await Expect(page.Locator("#validation-summary")).ToBeVisibleAsync();
            var error = page.Locator($"span.field-error[data-error-for=\"{UnitPricePath}\"]");
            await Expect(error).ToBeVisibleAsync();
            await Expect(error).Not.ToBeEmptyAsync();
            // The error sits right after the field, which keeps the text the user typed.
            var field = Input(page, UnitPricePath);
            await Expect(field).ToHaveValueAsync("abc");
            await Expect(field).ToHaveAttributeAsync("aria-invalid", "true");
            await Expect(field.Locator("xpath=following-sibling::span[contains(@class,'field-error')]")).ToHaveCountAsync(1);
            await Expect(page.Locator("#saved")).ToHaveCountAsync(0);
            await error.ScrollIntoViewIfNeededAsync();
            await Screenshots.SaveAsync(page, "05b-editor-error", fullPage: false);

            var stored = await StoredAsync(page, id);
            Assert.Equal(1, stored.GetProperty("version").GetInt32());
            Assert.Equal(0.78, UnitPrice(stored));
        }
        finally
        {
            await EndToEndFixture.CloseAsync(page);
        }
    }

    /// <summary>Issue 15: an option and its transport leg are built from nothing in the editor (not by duplicating), saved and evaluated.</summary>
    [Fact]
    [Trait("Category", "Browser")]
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
            await Input(page, $"{NewOption}.name").FillAsync("Supplier near Brno");
            await Input(page, $"{NewOption}.governance").FillAsync("outsourcedReshoring");
            await Input(page, $"{NewOption}.country").FillAsync("CZ");
            await Input(page, $"{NewOption}.production.unitPrice").FillAsync("0.74");
            await Input(page, $"{NewOption}.logistics.shipmentsPerYear").FillAsync("24");

            // Its first transport leg, from nothing; what was typed above is kept.
            await page.Locator($"button[data-add=\"{NewOption}.logistics.legs\"]").ClickAsync();
            await Expect(page.Locator($"button[data-remove=\"{NewOption}.logistics.legs[0]\"]")).ToBeVisibleAsync();
            await Expect(Input(page, $"{NewOption}.name")).ToHaveValueAsync("Supplier near Brno");
            await Input(page, $"{NewOption}.logistics.legs[0].mode").FillAsync("road");
            await Input(page, $"{NewOption}.logistics.legs[0].distanceKm").FillAsync("843");
            await Input(page, $"{NewOption}.logistics.legs[0].transitDays").FillAsync("2");
            await Input(page, $"{NewOption}.logistics.legs[0].rate").FillAsync("1281");
            await Input(page, $"{NewOption}.logistics.legs[0].rateUnit").FillAsync("perFtl");
            await Screenshots.SaveAsync(page, "06-editor-added-option-and-leg");

            await SaveAsync(page, "Saving the added option");

            var option = (await StoredAsync(page, id)).GetProperty("case").GetProperty("items")[0].GetProperty("options")[3];
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
            var freight = Line(drill, "Main-leg freight");
            await Expect(freight).ToHaveCountAsync(1);
            await Expect(freight.Locator("ul.inputs")).ToContainTextAsync("1281");

            // Removing the leg again takes it out of the case.
            await page.GotoAsync($"/cases/{id}/edit");
            await page.Locator($"button[data-remove=\"{NewOption}.logistics.legs[0]\"]").ClickAsync();
            await Expect(page.Locator($"button[data-remove=\"{NewOption}.logistics.legs[0]\"]")).ToHaveCountAsync(0);
            await SaveAsync(page, "Saving without the leg");
            var logistics = (await StoredAsync(page, id)).GetProperty("case").GetProperty("items")[0].GetProperty("options")[3].GetProperty("logistics");
            Assert.Equal(0, logistics.TryGetProperty("legs", out var legs) ? legs.GetArrayLength() : 0);
        }
        finally
        {
            await EndToEndFixture.CloseAsync(page);
        }
    }

    // Saves the editor and fails with the validation summary if the save was refused.
    private static async Task SaveAsync(IPage page, string what)
    {
        await page.Locator("#save").ClickAsync();
        await Expect(page.Locator("#saved").Or(page.Locator("#validation-summary")).Or(page.Locator("#conflict"))).ToBeVisibleAsync();
        if (await page.Locator("#validation-summary").IsVisibleAsync())
            Assert.Fail(what + " was refused: " + await page.Locator("#validation-summary").InnerTextAsync());
    }

    private static async Task<JsonElement> StoredAsync(IPage page, Guid id)
    {
        var response = await page.APIRequest.GetAsync($"/api/cases/{id}");
        Assert.Equal(200, response.Status);
        return JsonDocument.Parse(await response.TextAsync()).RootElement.Clone();
    }

    private static double UnitPrice(JsonElement stored) =>
        stored.GetProperty("case").GetProperty("items")[0].GetProperty("options")[2].GetProperty("production").GetProperty("unitPrice").GetDouble();

    [Fact]
    public async Task The_Excel_template_and_the_PDF_report_download()
    {
        var page = await fixture.AdminPageAsync();
        try
        {
            var ws = await EndToEndFixture.CreateWorkspaceAsync(page, "Downloads");
            var id = await EndToEndFixture.CreateCaseAsync(page, ws);

            await page.GotoAsync($"/workspaces/{ws}");
            var template = await page.RunAndWaitForDownloadAsync(() => page.Locator("#template").ClickAsync());
            Assert.EndsWith(".xlsx", template.SuggestedFilename);
            var xlsx = await ReadAsync(template);
            Assert.True(xlsx.Length > 1000, $"{xlsx.Length} bytes");
            Assert.Equal("PK", Encoding.ASCII.GetString(xlsx, 0, 2));

            await page.GotoAsync($"/cases/{id}");
            var report = await page.RunAndWaitForDownloadAsync(() => page.Locator("#report-pdf").ClickAsync());
            Assert.EndsWith(".pdf", report.SuggestedFilename);
            var pdf = await ReadAsync(report);
            Assert.True(pdf.Length > 1000, $"{pdf.Length} bytes");
            Assert.Equal("%PDF", Encoding.ASCII.GetString(pdf, 0, 4));
        }
        finally
        {
            await EndToEndFixture.CloseAsync(page);
        }
    }

    /// <summary>The row of a drill-down table whose cost factor is <paramref name="factor"/>.</summary>
    private static ILocator Line(ILocator drill, string factor) =>
        drill.Locator("table.lines tbody tr").Filter(new() { Has = drill.Page.Locator("td:first-child", new() { HasTextRegex = new Regex($"^{Regex.Escape(factor)}$") }) });

    private static double Number(string text) => double.Parse(text, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<byte[]> ReadAsync(IDownload download)
    {
        Assert.Null(await download.FailureAsync());
        var path = await download.PathAsync();
        return await File.ReadAllBytesAsync(path);
    }
}
