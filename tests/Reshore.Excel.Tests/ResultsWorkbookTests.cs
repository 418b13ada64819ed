using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Reshore.Core.Costing;
using Reshore.Core.Risk;
using Reshore.Data.CaseFiles;
using Reshore.Data.ReferenceData;

namespace Reshore.Excel.Tests;

public sealed class ResultsWorkbookTests
{
    [Fact]
    public void Results_workbook_has_the_sheets_with_numeric_cells()
    {
        var market = ReferenceDataLoader.Embedded();
        var en = CultureInfo.GetCultureInfo("en");
        var path = Path.Combine(CaseWorkbookTests.RepoRoot, "examples", "led-lamps.yaml");
        var document = CaseFileReader.ReadDocumentFile(path, market);
        var evaluation = new CaseEvaluator().Evaluate(document.Case, market, en);
        var simulation = new RiskAnalyzer(en).Simulate(document.Case, document.Uncertain, market, 50, 1);
        var bytes = ResultsWorkbook.Export(evaluation, en, simulation);

        using var doc = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var wb = doc.WorkbookPart!;
        var names = wb.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value).ToList();
        Assert.Equal(["Compare led-a60-9w", "Cost lines", "Horizon", "Business case", "Simulation"], names);

        Cell[] Row(string sheet, int row)
        {
            var s = wb.Workbook.Sheets!.Elements<Sheet>().Single(x => x.Name == sheet);
            return ((WorksheetPart)wb.GetPartById(s.Id!)).Worksheet.Descendants<Row>().Single(r => r.RowIndex! == (uint)row).Elements<Cell>().ToArray();
        }
        // Comparison: option ids in column A from row 5, TCO per unit in column E as a number equal to the evaluation's.
        var first = Row("Compare led-a60-9w", 5);
        Assert.Equal("cn-cm", first[0].InnerText);
        var tco = first.Single(c => c.CellReference == "E5");
        Assert.Null(tco.DataType);
        Assert.Equal(evaluation.Items[0].Options[0].TcoPerUnit, double.Parse(tco.CellValue!.Text, CultureInfo.InvariantCulture), 9);
        Assert.NotNull(tco.StyleIndex);
        var recommended = Row("Compare led-a60-9w", 5 + evaluation.Items[0].Options.ToList().FindIndex(o => o.Id == evaluation.Items[0].RecommendedOptionId))
            .Single(c => c.CellReference!.Value!.StartsWith('P'));
        Assert.Equal(CellValues.Boolean, recommended.DataType!.Value);
        Assert.Equal("1", recommended.CellValue!.Text);
        // Cost lines: per-year amounts are numbers.
        var line = Row("Cost lines", 2);
        Assert.Null(line.Single(c => c.CellReference == "I2").DataType);
        var sim = Row("Simulation", 3);
        Assert.Null(sim.Single(c => c.CellReference == "F3").DataType);
    }

    [Fact]
    public void Irr_of_switching_is_the_rate_that_zeroes_the_savings()
    {
        var market = ReferenceDataLoader.Embedded();
        var path = Path.Combine(CaseWorkbookTests.RepoRoot, "examples", "led-lamps.yaml");
        var evaluation = new CaseEvaluator().Evaluate(CaseFileReader.ReadFile(path, market), market, CultureInfo.InvariantCulture);
        var item = evaluation.Items[0];
        foreach (var option in item.Options)
        {
            if (ResultsWorkbook.Irr(option, item) is not { } irr) continue;
            var npv = option.Years.Sum(y => y.SavingVsStatusQuo / Math.Pow(1 + irr / 100, y.Year));
            Assert.True(Math.Abs(npv) < 1e-3 * option.Years.Sum(y => Math.Abs(y.SavingVsStatusQuo)) + 1e-6, $"{option.Id}: {npv}");
        }
    }
}
