using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Reshore.Core.Costing;
using Reshore.Core.Domain;
using Reshore.Data.CaseFiles;
using Reshore.Data.ReferenceData;

namespace Reshore.Excel.Tests;

public sealed class CaseWorkbookTests
{
    private static readonly CultureInfo En = CultureInfo.GetCultureInfo("en");
    private static readonly CultureInfo Nl = CultureInfo.GetCultureInfo("nl-BE");
    private static Core.MarketData.MarketSnapshot Market => ReferenceDataLoader.Embedded();

    public static string RepoRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Reshore.slnx"))) dir = dir.Parent;
            return dir!.FullName;
        }
    }

    public static TheoryData<string> Examples() => new(Directory.GetFiles(Path.Combine(RepoRoot, "examples"), "*.yaml").Select(Path.GetFileName).Order().ToArray()!);

    private static ImportedCase Import(byte[] bytes, string name = "case.xlsx") => CaseWorkbook.Import(new MemoryStream(bytes), name, Market);

    private static WorkbookImportException ImportFails(byte[] bytes) =>
        Assert.Throws<WorkbookImportException>(() => Import(bytes));

    [Fact]
    public void Template_has_a_sheet_per_entity_and_drop_down_lists()
    {
        using var doc = SpreadsheetDocument.Open(new MemoryStream(CaseWorkbook.Template(Market, En)), false);
        var wb = doc.WorkbookPart!;
        var sheets = wb.Workbook.Sheets!.Elements<Sheet>().ToList();
        var names = sheets.Select(s => s.Name!.Value).ToList();
        foreach (var expected in new[] { "Readme", "Case", "Items", "Options", "Legs", "OneOffCosts", "Incentives", "Events", "EventEffects", "Drivers", "Correlations", "Strategies", "BillOfMaterials", "CountryOverrides", "Uncertain", "Lists" })
            Assert.Contains(expected, names);
        Assert.Equal(DocumentFormat.OpenXml.Spreadsheet.SheetStateValues.Hidden, sheets.Single(s => s.Name == "Lists").State!.Value);

        var definedNames = wb.Workbook.DefinedNames!.Elements<DefinedName>().ToDictionary(d => d.Name!.Value!, d => d.Text);
        Assert.StartsWith("Lists!$A$2:$A$", definedNames["List_country"]);
        Assert.Contains("List_GovernanceModel", definedNames.Keys);
        Assert.Contains("List_TransportMode", definedNames.Keys);

        using var editor = new WorkbookEditor(CaseWorkbook.Template(Market, En));
        var options = editor.Part("Options").Worksheet.Descendants<DataValidation>().ToList();
        string Col(string header) => WorkbookEditor.Ref(3, editor.Column("Options", header));
        Assert.Contains(options, v => v.Formula1!.Text == "List_country" && v.SequenceOfReferences!.InnerText!.StartsWith(Col("country"), StringComparison.Ordinal));
        Assert.Contains(options, v => v.Formula1!.Text == "List_GovernanceModel" && v.SequenceOfReferences!.InnerText!.StartsWith(Col("governance"), StringComparison.Ordinal));
        Assert.Contains(options, v => v.Formula1!.Text == "Ids_item" && v.SequenceOfReferences!.InnerText!.StartsWith(Col("item"), StringComparison.Ordinal));
        var legs = editor.Part("Legs").Worksheet.Descendants<DataValidation>().ToList();
        Assert.Contains(legs, v => v.Formula1!.Text == "List_TransportMode");
        Assert.Contains(editor.Part("Case").Worksheet.Descendants<DataValidation>(), v => v.Formula1!.Text == "List_country");

        // The country list holds the reference-data countries.
        var lists = editor.Part("Lists").Worksheet.Descendants<Cell>().Select(c => c.InnerText).ToHashSet();
        Assert.Contains("CN", lists);
        Assert.Contains("BE", lists);
        Assert.Contains("sea", lists);
        Assert.Contains("statusQuo", lists);
    }

    [Fact]
    public void English_and_Dutch_templates_share_the_field_names()
    {
        using var en = new WorkbookEditor(CaseWorkbook.Template(Market, En));
        using var nl = new WorkbookEditor(CaseWorkbook.Template(Market, Nl));
        string Header(WorkbookEditor e, string sheet) => string.Join("|", e.Part(sheet).Worksheet.Descendants<Row>().First().Elements<Cell>().Select(c => c.InnerText));
        Assert.Equal(Header(en, "Options"), Header(nl, "Options"));
        Assert.Equal(Header(en, "Items"), Header(nl, "Items"));
        string Readme(WorkbookEditor e) => string.Join("|", e.Part("Readme").Worksheet.Descendants<Cell>().Select(c => c.InnerText));
        Assert.NotEqual(Readme(en), Readme(nl));
    }

    private static byte[] FilledTemplate(Action<WorkbookEditor>? change = null)
    {
        using var e = new WorkbookEditor(CaseWorkbook.Template(Market, En));
        e.SetCase("name", "Pumps").SetCase("baseYear", 2027).SetCase("horizonYears", 10).SetCase("discountRatePct", 8)
            .SetCase("assumptions.wageGrowthPct", "CN: 5; PL: 4");
        e.Set("Items", "id", 3, "pump").Set("Items", "annualVolumeUnits", 3, 10000).Set("Items", "unitWeightKg", 3, 2.5).Set("Items", "unitVolumeM3", 3, 0.01);
        e.Set("Options", "item", 3, "pump").Set("Options", "id", 3, "cn").Set("Options", "governance", 3, "statusQuo").Set("Options", "country", 3, "CN")
            .Set("Options", "production.unitPrice", 3, 40).Set("Options", "logistics.shipmentsPerYear", 3, 12);
        e.Set("Options", "item", 4, "pump").Set("Options", "id", 4, "pl").Set("Options", "governance", 4, "outsourcedReshoring").Set("Options", "country", 4, "PL")
            .Set("Options", "production.unitPrice", 4, "46 EUR").Set("Options", "logistics.shipmentsPerYear", 4, 24);
        e.Set("Legs", "item", 3, "pump").Set("Legs", "option", 3, "cn").Set("Legs", "lane", 3, "CN-SEA-SHANGHAI");
        e.Set("Uncertain", "path", 3, "items[pump].options[cn].production.unitPrice").Set("Uncertain", "distribution", 3, "triangular")
            .Set("Uncertain", "min", 3, 36).Set("Uncertain", "mode", 3, 40).Set("Uncertain", "max", 3, 50);
        e.Set("Options", "production.unitPrice", 3, null);
        change?.Invoke(e);
        return e.ToBytes();
    }

    [Fact]
    public void A_filled_template_imports_to_the_expected_case()
    {
        var imported = Import(FilledTemplate());
        var c = imported.Document.Case;
        Assert.Equal("Pumps", c.Name);
        Assert.Equal(2027, c.BaseYear);
        Assert.Equal(5, c.Assumptions!.WageGrowthPct!["CN"]);
        var item = Assert.Single(c.Items);
        Assert.Equal(10000, item.AnnualVolumeUnits);
        Assert.Equal(["cn", "pl"], item.Options.Select(o => o.Id));
        Assert.Equal(GovernanceModel.OutsourcedReshoring, item.Options[1].Governance);
        Assert.Equal("PL", item.Options[1].Country.Value);
        Assert.Equal(46, item.Options[1].Production!.UnitPrice!.Value.Amount);
        Assert.Equal("CN-SEA-SHANGHAI", Assert.Single(item.Options[0].Logistics!.Legs!).Lane);
        var uncertain = Assert.Single(imported.Document.Uncertain);
        Assert.Equal("$.items[0].options[0].production.unitPrice", uncertain.Path);
        Assert.Equal(42, item.Options[0].Production!.UnitPrice!.Value.Amount, 9);
        // The JSON text reads back to the same case, and so does the YAML text.
        var again = CaseFileReader.ReadDocument(imported.Json, CaseFormat.Json, "x.json", Market);
        Assert.Equal(imported.Json.Length > 0, again.Case.Items.Count == 1);
        var yaml = CaseFileReader.ReadDocument(imported.ToYaml(), CaseFormat.Yaml, "x.yaml", Market);
        Assert.Equal(46, yaml.Case.Items[0].Options[1].Production!.UnitPrice!.Value.Amount);
        Assert.Single(yaml.Uncertain);
    }

    [Fact]
    public void A_bad_number_is_reported_with_its_cell_and_reason()
    {
        var col = 0;
        var error = ImportFails(FilledTemplate(e =>
        {
            col = e.Column("Options", "logistics.shipmentsPerYear");
            e.Set("Options", 4, col, "twelve");
        }));
        var cell = WorkbookEditor.Ref(4, col);
        var only = Assert.Single(error.Errors);
        Assert.Equal("Options", only.Sheet);
        Assert.Equal(cell, only.Cell);
        Assert.Contains("Expected a number", only.Message);
        Assert.Contains($"Options!{cell}", error.Message);
    }

    // Issue 20's fuzz test: a number cell holding 1e999 overflowed to infinity, which the case JSON could not write (a 500).
    [Theory]
    [InlineData("1e999")]
    [InlineData("-1E+400")]
    [InlineData("NaN")]
    public void A_number_beyond_double_is_reported_at_its_cell(string stored)
    {
        var col = 0;
        var error = ImportFails(FilledTemplate(e =>
        {
            col = e.Column("Options", "logistics.shipmentsPerYear");
            e.SetRawNumber("Options", 4, col, stored);
        }));
        var only = Assert.Single(error.Errors);
        Assert.Equal($"Options!{WorkbookEditor.Ref(4, col)}", only.Location);
        Assert.Contains(stored, only.Message);
    }

    [Fact]
    public void An_unknown_country_is_reported_with_its_cell()
    {
        var col = 0;
        var error = ImportFails(FilledTemplate(e =>
        {
            col = e.Column("Options", "country");
            e.Set("Options", 4, col, "XX");
        }));
        var only = Assert.Single(error.Errors);
        Assert.Equal($"Options!{WorkbookEditor.Ref(4, col)}", only.Location);
        Assert.Contains("'XX' is not an ISO 3166-1 alpha-2 country code", only.Message);
    }

    [Fact]
    public void A_missing_required_column_is_reported_once()
    {
        var error = ImportFails(FilledTemplate(e => e.Set("Options", 1, e.Column("Options", "governance"), null)));
        var only = Assert.Single(error.Errors);
        Assert.Equal("Options", only.Sheet);
        Assert.Null(only.Cell);
        Assert.Contains("Required column 'governance'", only.Message);
    }

    [Fact]
    public void Every_error_is_reported_at_once()
    {
        var error = ImportFails(FilledTemplate(e =>
        {
            e.SetCase("discountRatePct", "eight");                                   // bad number on the Case sheet
            e.Set("Items", "unitWeightKg", 3, null);                                 // missing required value
            e.Set("Options", "item", 4, "valve");                                    // unknown item id
            e.Set("Options", "country", 3, "ZZ");                                    // unknown country
            e.Set("Legs", "lane", 3, "NO-SUCH-LANE");                                // semantic error from the validator
            e.Set("Uncertain", "path", 4, "items[pump].options[xx].production.unitPrice").Set("Uncertain", "distribution", 4, "normal");
            e.Set("Options", 1, 200, "colour");                                       // unknown column
        }));
        var where = error.Errors.Select(x => x.Location).ToList();
        Assert.Contains($"Case!B{CaseRowOf("discountRatePct")}", where);
        Assert.Contains(where, w => w.StartsWith("Items!", StringComparison.Ordinal) && error.Errors.Any(x => x.Location == w && x.Message.Contains("unitWeightKg")));
        Assert.Contains(error.Errors, x => x.Sheet == "Options" && x.Message.Contains("Unknown item 'valve'"));
        Assert.Contains(error.Errors, x => x.Sheet == "Options" && x.Message.Contains("'ZZ'"));
        Assert.Contains(error.Errors, x => x.Sheet == "Options" && x.Cell == "GR1" && x.Message.Contains("Unknown column 'colour'"));
        Assert.Contains(error.Errors, x => x.Location == "Uncertain!A4");
        Assert.True(error.Errors.Count >= 6, string.Join("\n", error.Errors));
    }

    [Fact]
    public void A_semantic_error_maps_back_to_its_cell()
    {
        var col = 0;
        var error = ImportFails(FilledTemplate(e =>
        {
            col = e.Column("Legs", "lane");
            e.Set("Legs", 3, col, "NO-SUCH-LANE");
        }));
        Assert.Contains(error.Errors, x => x.Location == $"Legs!{WorkbookEditor.Ref(3, col)}");
    }

    private static int CaseRowOf(string field)
    {
        using var e = new WorkbookEditor(CaseWorkbook.Template(Market, En));
        return e.CaseRow(field);
    }

    [Fact]
    public void A_file_that_is_no_workbook_is_one_error()
    {
        var error = ImportFails("not a zip"u8.ToArray());
        Assert.Single(error.Errors);
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Every_example_round_trips_through_a_workbook(string example)
    {
        var path = Path.Combine(RepoRoot, "examples", example);
        var text = File.ReadAllText(path);
        var original = CaseFileReader.ReadDocument(text, CaseFormat.Yaml, path, Market);
        foreach (var bytes in new[] { CaseWorkbook.FromCase(text, path, Market, En), CaseWorkbook.FromCase(original, Market, Nl) })
        {
            var imported = Import(bytes, example + ".xlsx");
            AssertSameEvaluation(original, imported.Document);
            Assert.Equal(original.Uncertain.Select(u => (u.Path, u.Distribution)), imported.Document.Uncertain.Select(u => (u.Path, u.Distribution)));
        }
    }

    private static void AssertSameEvaluation(CaseDocument expected, CaseDocument actual)
    {
        var a = new CaseEvaluator().Evaluate(expected.Case, Market, En);
        var b = new CaseEvaluator().Evaluate(actual.Case, Market, En);
        Assert.Equal(a.Items.Count, b.Items.Count);
        for (var i = 0; i < a.Items.Count; i++)
        {
            Assert.Equal(a.Items[i].RecommendedOptionId, b.Items[i].RecommendedOptionId);
            for (var j = 0; j < a.Items[i].Options.Count; j++)
            {
                Assert.Equal(a.Items[i].Options[j].TcoPerUnit, b.Items[i].Options[j].TcoPerUnit, 9);
                Assert.Equal(a.Items[i].Options[j].PvCost, b.Items[i].Options[j].PvCost, 6);
            }
        }
    }
}
