using Reshore.Excel.Xlsx;
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
    public void The_formula_sheets_recompute_the_totals_of_the_evaluation()
    {
        var market = ReferenceDataLoader.Embedded();
        var en = CultureInfo.GetCultureInfo("en");
        var document = CaseFileReader.ReadDocumentFile(Path.Combine(CaseWorkbookTests.RepoRoot, "examples", "led-lamps.yaml"), market);
        var evaluation = new CaseEvaluator().Evaluate(document.Case, market, en);
        var item = evaluation.Items[0];
        var bytes = ResultsWorkbook.Export(evaluation, en);

        // Factors × options: the total row is SUM over the factor rows of each option's column and gives its TCO per unit.
        var factors = new FormulaEvaluator(bytes, "Factors led-a60-9w");
        var totals = factors.Formulas.Where(f => f.Value.StartsWith("SUM(", StringComparison.Ordinal)).OrderBy(f => CellRef.Parse(f.Key).Column).ToList();
        Assert.Equal(item.Options.Count, totals.Count);
        for (var k = 0; k < item.Options.Count; k++)
        {
            var (row, column) = CellRef.Parse(totals[k].Key);
            Assert.Equal($"SUM({CellRef.Column(column)}{ResultsFormulas.FirstFactorRow}:{CellRef.Column(column)}{row - 1})", totals[k].Value);
            Assert.Equal(item.Options[k].TcoPerUnit, factors.Value(totals[k].Key), 1e-9);
            Assert.Equal(item.Options[k].TcoPerYear, factors.Value(CellRef.Name(row + 1, column)), 1e-6 * item.Options[k].TcoPerYear);
        }

        // Year by year: the present cost (SUM of net cost × discount factor) and the NPV against the status quo, recomputed.
        var years = new FormulaEvaluator(bytes, "Year by year led-a60-9w");
        var presentCosts = years.Formulas.Where(f => f.Value.StartsWith("SUM(J", StringComparison.Ordinal)).OrderBy(f => CellRef.Parse(f.Key).Row).ToList();
        Assert.Equal(item.Options.Count, presentCosts.Count);
        for (var k = 0; k < item.Options.Count; k++) Assert.Equal(item.Options[k].PvCost, years.Value(presentCosts[k].Key), 1e-6);
        var npvRows = presentCosts[^1].Key is var lastTotal ? CellRef.Parse(lastTotal).Row + 3 : 0;
        for (var k = 0; k < item.Options.Count; k++) Assert.Equal(item.Options[k].NpvSavingVsStatusQuo, years.Value($"J{npvRows + k}"), 1e-6);
        Assert.Contains(item.Options, o => Math.Abs(o.NpvSavingVsStatusQuo) > 1000);

        // Native charts: on the factors sheet the totals and the build-up by factor, on the year sheet the net cost per year; they read the cells.
        using var doc = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var wb = doc.WorkbookPart!;
        WorksheetPart Part(string name) => (WorksheetPart)wb.GetPartById(wb.Workbook.Sheets!.Elements<Sheet>().Single(x => x.Name == name).Id!);
        var charts = Part("Factors led-a60-9w").DrawingsPart!.ChartParts.Select(c => new StreamReader(c.GetStream()).ReadToEnd()).ToList();
        Assert.Equal(2, charts.Count);
        var totalRow = CellRef.Parse(totals[0].Key).Row;
        Assert.Contains($"Factors led-a60-9w&apos;!$C${totalRow}:$E${totalRow}</c:f>", charts[0]);
        Assert.Contains("<c:grouping val=\"stacked\"/>", charts[1]);
        Assert.Contains("<c:lineChart>", new StreamReader(Part("Year by year led-a60-9w").DrawingsPart!.ChartParts.Single().GetStream()).ReadToEnd());
        // The package is valid Office Open XML (charts and drawings included).
        var problems = new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(doc).Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();
        Assert.Empty(problems);
    }

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
        Assert.Equal(["Compare led-a60-9w", "Factors led-a60-9w", "Year by year led-a60-9w", "Cost lines", "Horizon", "Business case", "Simulation"], names);

        Cell[] Row(string sheet, int row)
        {
            var s = wb.Workbook.Sheets!.Elements<Sheet>().Single(x => x.Name == sheet);
            return ((WorksheetPart)wb.GetPartById(s.Id!)).Worksheet.Descendants<Row>().Single(r => r.RowIndex! == (uint)row).Elements<Cell>().ToArray();
        }
        // Comparison: the shared table (one column per option, one row per metric); TCO per unit is a number equal to the evaluation's.
        var compare = wb.Workbook.Sheets!.Elements<Sheet>().Single(x => x.Name == "Compare led-a60-9w");
        var rows = ((WorksheetPart)wb.GetPartById(compare.Id!)).Worksheet.Descendants<Row>().ToList();
        string Text(Cell c) => c.DataType?.Value == CellValues.InlineString ? c.InlineString!.InnerText : c.InnerText;
        var header = rows.First(r => r.Elements<Cell>().Any(c => Text(c) == "Metric")).Elements<Cell>().ToArray();
        Assert.Equal(evaluation.Items[0].Options.Select(o => o.Name), header.Skip(1).Select(c => Text(c).TrimEnd('★', '●', ' ')));
        var tcoRow = rows.First(r => r.Elements<Cell>().FirstOrDefault() is { } first && Text(first) == "TCO per unit, year 1 (EUR)").Elements<Cell>().ToArray();
        for (var k = 0; k < evaluation.Items[0].Options.Count; k++)
        {
            Assert.Null(tcoRow[k + 1].DataType);
            Assert.Equal(evaluation.Items[0].Options[k].TcoPerUnit, double.Parse(tcoRow[k + 1].CellValue!.Text, CultureInfo.InvariantCulture), 9);
            Assert.NotNull(tcoRow[k + 1].StyleIndex);
        }
        var irrRow = rows.First(r => r.Elements<Cell>().FirstOrDefault() is { } first && Text(first) == "Internal rate of return of switching").Elements<Cell>().ToArray();
        // The first option with an IRR (an option whose switch never pays back has none, and its cell is text).
        var withIrr = evaluation.Items[0].Options.Select((o, k) => (o, k)).First(x => x.o.IrrPct is not null);
        Assert.Equal(withIrr.o.IrrPct!.Value / 100, double.Parse(irrRow[withIrr.k + 1].CellValue!.Text, CultureInfo.InvariantCulture), 9);
        // Cost lines: per-year amounts are numbers.
        var line = Row("Cost lines", 2);
        Assert.Null(line.Single(c => c.CellReference == "I2").DataType);
        var sim = Row("Simulation", 3);
        Assert.Null(sim.Single(c => c.CellReference == "F3").DataType);
    }
}
