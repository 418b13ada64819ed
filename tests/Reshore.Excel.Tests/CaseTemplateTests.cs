using System.Globalization;
using System.Text.Json.Nodes;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Reshore.Core.Costing;
using Reshore.Core.Decision;
using Reshore.Data.CaseFiles;
using Reshore.Data.ReferenceData;

namespace Reshore.Excel.Tests;

/// <summary>The template layout: factors as rows, options as columns; filled as a user would, imported, evaluated and re-imported.</summary>
public sealed class CaseTemplateTests
{
    private static readonly CultureInfo En = CultureInfo.GetCultureInfo("en");
    private static readonly CultureInfo Nl = CultureInfo.GetCultureInfo("nl-BE");
    private static Core.MarketData.MarketSnapshot Market => ReferenceDataLoader.Embedded();
    private const int E = 5, F = 6;

    /// <summary>The bike-frame case: frames from Taiwan against a new line in Genk, typed into the empty Dutch template.</summary>
    internal static byte[] FilledFrames()
    {
        using var x = new WorkbookEditor(CaseTemplate.Empty(Market, Nl));
        var item = x.SheetNames.Single(n => n.StartsWith("Artikel", StringComparison.Ordinal));
        x.SetKey("Dossier", "name", E, "Aluminium fietsframes")
            .SetKey("Dossier", "baseYear", E, 2027)
            .SetKey("Dossier", "horizonYears", E, 8)
            .SetKey("Dossier", "discountRatePct", E, "8,5")
            .SetKey(item, "item.id", E, "frame")
            .SetKey(item, "item.name", E, "Aluminium fietsframe")
            .SetKey(item, "item.annualVolumeUnits", E, 20000)
            .SetKey(item, "item.unitWeightKg", E, "2,1")
            .SetKey(item, "option.id", E, "taiwan").SetKey(item, "option.id", F, "genk")
            .SetKey(item, "option.governance", E, "statusQuo").SetKey(item, "option.governance", F, "inHouseReshoring")
            .SetKey(item, "option.country", E, "TW").SetKey(item, "option.country", F, "BE")
            .SetKey(item, "option.production.unitPrice", E, "pert(80; 85; 95)")
            .SetKey(item, "option.production.unitPrice", F, 118)
            .SetKey(item, "option.logistics.legs[0].mode", E, "sea")
            .SetKey(item, "option.logistics.legs[0].distanceKm", E, 18000)
            .SetKey(item, "option.logistics.legs[0].rate", E, 2400)
            .SetKey(item, "option.logistics.legs[0].rateUnit", E, "perFeu")
            .SetKey(item, "option.logistics.legs[0].transitDays", E, 35)
            .SetKey(item, "option.transition.oneOffCosts[0].type", F, "capexMachines")
            .SetKey(item, "option.transition.oneOffCosts[0].amount", F, 1_500_000);
        return x.ToBytes();
    }

    [Fact]
    public void The_template_has_factor_rows_option_columns_units_help_and_lists_in_both_languages()
    {
        using var en = new WorkbookEditor(CaseTemplate.Empty(Market, En));
        Assert.Equal(["Read me", "Case", "Item item-1", "Lists"], en.SheetNames);
        using var nl = new WorkbookEditor(CaseTemplate.Empty(Market, Nl));
        Assert.Equal(["Lees mij", "Dossier", "Artikel item-1", "Lists"], nl.SheetNames);

        var sheet = en.Part("Item item-1").Worksheet;
        var row = en.KeyRow("Item item-1", "option.production.unitPrice");
        string Cell(int column) => sheet.Descendants<Cell>().FirstOrDefault(c => c.CellReference == WorkbookEditor.Ref(row, column))?.InnerText ?? "";
        Assert.Equal("Unit price", Cell(2));
        Assert.Equal("amount per unit", Cell(3));
        Assert.Contains("amount", Cell(4), StringComparison.Ordinal);
        var countryRow = en.KeyRow("Item item-1", "option.country");
        Assert.Contains(sheet.Descendants<DataValidation>(), v => v.Formula1!.Text == "List_country" && v.SequenceOfReferences!.InnerText == $"E{countryRow}:H{countryRow}");
        Assert.Contains(sheet.Descendants<DataValidation>(), v => v.Formula1!.Text == "List_TransportMode");
        Assert.True(sheet.Descendants<Column>().Single(c => c.Min! == 1).Hidden!.Value);
        var nlRow = nl.KeyRow("Artikel item-1", "option.production.unitPrice");
        Assert.Equal("bedrag per stuk", nl.Part("Artikel item-1").Worksheet.Descendants<Cell>().First(c => c.CellReference == $"C{nlRow}").InnerText);
    }

    // Row texts of a template sheet by the row's key (column A), or by its text for section rows: (label, unit, help).
    private static Dictionary<string, (string Label, string Unit, string Help)> Rows(WorkbookEditor x, string sheet)
    {
        var rows = new Dictionary<string, (string, string, string)>();
        var section = 0;
        foreach (var row in x.Part(sheet).Worksheet.Descendants<Row>())
        {
            string Text(string column) => row.Elements<Cell>().FirstOrDefault(c => c.CellReference == $"{column}{row.RowIndex}")?.InnerText ?? "";
            var key = Text("A");
            rows[key.Length > 0 ? key : $"section {section++}"] = (Text("B"), Text("C"), Text("D"));
        }
        return rows;
    }

    /// <summary>
    /// The Dutch template is Dutch throughout: every label, unit, help text and section title differs from the English template's
    /// (but for units that are symbols, such as % or kg), no help points at the advanced layout's Uncertain sheet, yes/no fields offer
    /// ja/nee and lanes a list of the reference lanes.
    /// </summary>
    [Fact]
    public void The_dutch_template_has_dutch_labels_units_and_help_on_every_row()
    {
        using var en = new WorkbookEditor(CaseTemplate.FromCase(CaseFileReader.ReadDocumentFile(Path.Combine(CaseWorkbookTests.RepoRoot, "examples", "led-lamps.yaml"), Market), null, Market, En));
        using var nl = new WorkbookEditor(CaseTemplate.FromCase(CaseFileReader.ReadDocumentFile(Path.Combine(CaseWorkbookTests.RepoRoot, "examples", "led-lamps.yaml"), Market), null, Market, Nl));
        string[] symbols = ["%", "kg", "km", "m³", "kWh", "g CO2e per kWh", ""];
        var english = new List<string>();
        foreach (var (enSheet, nlSheet) in en.SheetNames.Zip(nl.SheetNames).Skip(1).Where(p => p.First != "Lists"))
        {
            var enRows = Rows(en, enSheet);
            var nlRows = Rows(nl, nlSheet);
            Assert.Equal(enRows.Keys, nlRows.Keys);
            foreach (var (key, e) in enRows)
            {
                var n = nlRows[key];
                if (key == "#header") continue;
                if (n.Label.Length == 0 || n.Label == e.Label) english.Add($"{nlSheet} {key} label '{n.Label}'");
                if (n.Unit == e.Unit && !symbols.Contains(n.Unit)) english.Add($"{nlSheet} {key} unit '{n.Unit}'");
                if (e.Help.Length > 0 && n.Help == e.Help) english.Add($"{nlSheet} {key} help '{n.Help}'");
                Assert.DoesNotContain("Uncertain", n.Help, StringComparison.Ordinal);
            }
        }
        Assert.True(english.Count == 0, string.Join("\n", english));
        var sheet = nl.Part("Artikel led-a60-9w").Worksheet;
        var yesNo = nl.KeyRow("Artikel led-a60-9w", "option.trade.preferentialOrigin");
        Assert.Contains(sheet.Descendants<DataValidation>(), v => v.Formula1!.Text == "List_booleanNl" && v.SequenceOfReferences!.InnerText!.StartsWith($"E{yesNo}:", StringComparison.Ordinal));
        var lane = nl.KeyRow("Artikel led-a60-9w", "option.logistics.legs[0].lane");
        Assert.Contains(sheet.Descendants<DataValidation>(), v => v.Formula1!.Text == "List_lane" && v.SequenceOfReferences!.InnerText!.StartsWith($"E{lane}:", StringComparison.Ordinal));
        // Rows of the same name in different records stay apart.
        var labels = Rows(nl, "Artikel led-a60-9w");
        Assert.Equal("Handelsbeleid: kans per jaar", labels["option.risk.tradePolicy.annualProbabilityPct"].Label);
        Assert.Equal("Verlies van intellectuele eigendom: kans per jaar", labels["option.risk.ipLoss.annualProbabilityPct"].Label);
    }

    [Fact]
    public void A_dutch_template_with_ja_and_nee_imports_as_true_and_false()
    {
        using var x = new WorkbookEditor(FilledFrames());
        var item = x.SheetNames.Single(n => n.StartsWith("Artikel", StringComparison.Ordinal));
        x.SetKey(item, "option.trade.preferentialOrigin", E, "nee").SetKey(item, "option.trade.preferentialOrigin", F, "ja");
        var imported = CaseWorkbook.Import(new MemoryStream(x.ToBytes()), "frames.xlsx", Market);
        Assert.False(imported.Document.Case.Items[0].Options[0].Trade!.PreferentialOrigin);
        Assert.True(imported.Document.Case.Items[0].Options[1].Trade!.PreferentialOrigin);
    }

    [Fact]
    public void A_template_filled_as_a_user_would_imports_evaluates_and_exports()
    {
        var imported = CaseWorkbook.Import(new MemoryStream(FilledFrames()), "frames.xlsx", Market);
        Assert.Equal(WorkbookLayout.Template, imported.Layout);
        var c = imported.Document.Case;
        Assert.Equal("Aluminium fietsframes", c.Name);
        Assert.Equal(8.5, c.DiscountRatePct);
        var item = Assert.Single(c.Items);
        Assert.Equal(["taiwan", "genk"], item.Options.Select(o => o.Id));
        Assert.Equal(2.1, item.UnitWeightKg);
        Assert.Single(item.Options[0].Logistics!.Legs!);
        Assert.Equal(1_500_000, item.Options[1].Transition!.OneOffCosts![0].Amount!.Value.Amount);
        Assert.Contains(imported.Document.Uncertain, u => u.Path.Contains("unitPrice", StringComparison.Ordinal));

        var evaluation = new CaseEvaluator().Evaluate(c, Market, En);
        var results = ResultsWorkbook.Export(evaluation, En);
        Assert.True(results.Length > 1000);

        // The filled case exported again as a template reads back to the same case.
        var again = CaseWorkbook.Import(new MemoryStream(CaseTemplate.FromCase(imported.Document, null, Market, En)), "again.xlsx", Market);
        Assert.Equal(JsonNode.Parse(imported.Json)!.ToJsonString(), JsonNode.Parse(again.Json)!.ToJsonString());
    }

    public static TheoryData<string> Examples() => CaseWorkbookTests.Examples();

    [Theory]
    [MemberData(nameof(Examples))]
    public void Every_example_round_trips_through_the_template(string example)
    {
        var text = File.ReadAllText(Path.Combine(CaseWorkbookTests.RepoRoot, "examples", example));
        var original = CaseFileReader.ReadDocument(text, CaseFormat.Yaml, example, Market);
        // As a re-import into the stored case: the template's fields replace, the rest is kept.
        var stored = CaseJson.ToJson(text, CaseFormat.Yaml);
        var bytes = CaseTemplate.FromCase(text, example, "case-1", Market, Nl);
        var imported = CaseWorkbook.Import(new MemoryStream(bytes), example + ".xlsx", Market, stored);
        Assert.Equal("case-1", imported.CaseId);
        var before = new CaseEvaluator().Evaluate(original.Case, Market, En);
        var after = new CaseEvaluator().Evaluate(imported.Document.Case, Market, En);
        var comparison = VersionComparison.Compare(JsonNode.Parse(stored), JsonNode.Parse(imported.Json), CaseOutcome.From(before), CaseOutcome.From(after));
        Assert.Empty(comparison.Inputs);
        Assert.True(comparison.IsEmpty);
    }

    [Fact]
    public void Re_importing_an_edited_workbook_updates_the_case_and_the_comparison_shows_the_change()
    {
        var first = CaseWorkbook.Import(new MemoryStream(FilledFrames()), "frames.xlsx", Market);
        var exported = CaseTemplate.FromCase(first.Json, "case.json", "3f2c", Market, En);
        using var x = new WorkbookEditor(exported);
        var item = x.SheetNames.Single(n => n.StartsWith("Item", StringComparison.Ordinal));
        x.SetKey(item, "option.production.unitPrice", F, 96);
        var second = CaseWorkbook.Import(new MemoryStream(x.ToBytes()), "frames.xlsx", Market, first.Json);
        Assert.Equal("3f2c", second.CaseId);
        Assert.Equal(96, second.Document.Case.Items[0].Options[1].Production!.UnitPrice!.Value.Amount);

        var before = CaseOutcome.From(new CaseEvaluator().Evaluate(first.Document.Case, Market, En));
        var after = CaseOutcome.From(new CaseEvaluator().Evaluate(second.Document.Case, Market, En));
        var c = VersionComparison.Compare(JsonNode.Parse(first.Json), JsonNode.Parse(second.Json), before, after);
        Assert.Equal([new InputChange("items[frame].options[genk].production.unitPrice", "118", "96")], c.Inputs);
        var genk = c.Options.Single(o => o.OptionId == "genk");
        // 22 less per unit in the first year; nothing else moved.
        Assert.Equal(-22, genk.TcoPerUnitDelta!.Value, 1e-6);
        Assert.True(genk.NpvDelta > 0);
        Assert.Equal(0, c.Options.Single(o => o.OptionId == "taiwan").TcoPerUnitDelta!.Value, 1e-9);
    }

    [Fact]
    public void Bad_cells_are_reported_with_sheet_and_cell_and_nothing_is_returned()
    {
        using var x = new WorkbookEditor(FilledFrames());
        var item = x.SheetNames.Single(n => n.StartsWith("Artikel", StringComparison.Ordinal));
        var priceRow = x.KeyRow(item, "option.production.unitPrice");
        var countryRow = x.KeyRow(item, "option.country");
        x.Set(item, priceRow, F, "veel")
            .Set(item, priceRow, E, "pert(80; 85)")
            .Set(item, countryRow, F, "XX")
            .Set(item, x.KeyRow(item, "option.production.priceLabourSharePct"), 7, 20);
        var e = Assert.Throws<WorkbookImportException>(() => CaseWorkbook.Import(new MemoryStream(x.ToBytes()), "frames.xlsx", Market));
        var where = e.Errors.Select(err => err.Location).ToList();
        Assert.Contains($"{item}!E{priceRow}", where);
        Assert.Contains($"{item}!F{priceRow}", where);
        Assert.Contains($"{item}!F{countryRow}", where);
        Assert.Contains(e.Errors, err => err.Message.Contains("Missing option id", StringComparison.Ordinal));
        Assert.Contains(e.Errors, err => err.Message.Contains("pert takes 3 numbers", StringComparison.Ordinal));
    }
}
