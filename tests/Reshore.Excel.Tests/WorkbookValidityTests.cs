using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Reshore.Core.Costing;
using Reshore.Core.Risk;
using Reshore.Data.CaseFiles;
using Reshore.Data.ReferenceData;

namespace Reshore.Excel.Tests;

/// <summary>
/// Every workbook Reshore writes is valid Office Open XML as the Open XML SDK's schema validator checks it — against the first
/// (Office 2007) and the newest file format it knows — so Excel opens it without a repair prompt: the results workbook with its native
/// charts, the simple template (empty and filled, both languages, with drop-down lists) and the advanced workbook.
/// </summary>
public sealed class WorkbookValidityTests
{
    private static readonly CultureInfo En = CultureInfo.GetCultureInfo("en");
    private static readonly CultureInfo Nl = CultureInfo.GetCultureInfo("nl-BE");

    public static TheoryData<string, string> Workbooks() => new()
    {
        { "results", "en" }, { "results", "nl" }, { "template-empty", "en" }, { "template-empty", "nl" },
        { "template-case", "en" }, { "template-case", "nl" }, { "advanced-case", "nl" }, { "advanced-empty", "en" },
    };

    [Theory]
    [MemberData(nameof(Workbooks))]
    public void The_workbook_has_no_validation_errors(string kind, string language)
    {
        var culture = language == "nl" ? Nl : En;
        var market = ReferenceDataLoader.Embedded();
        var path = Path.Combine(CaseWorkbookTests.RepoRoot, "examples", "led-lamps.yaml");
        var document = CaseFileReader.ReadDocumentFile(path, market);
        var bytes = kind switch
        {
            "results" => ResultsWorkbook.Export(new CaseEvaluator().Evaluate(document.Case, market, culture), culture,
                new RiskAnalyzer(culture).Simulate(document.Case, document.Uncertain, market, 50, 1)),
            "template-empty" => CaseTemplate.Empty(market, culture),
            "template-case" => CaseTemplate.FromCase(document, Guid.NewGuid().ToString(), market, culture),
            "advanced-case" => CaseWorkbook.FromCase(document, market, culture),
            _ => CaseWorkbook.Template(market, culture),
        };
        foreach (var version in new[] { FileFormatVersions.Office2007, FileFormatVersions.Microsoft365 })
        {
            using var doc = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
            var problems = new OpenXmlValidator(version).Validate(doc)
                .Select(e => $"{version} {e.Part?.Uri} {e.Path?.XPath}: {e.Description}").Distinct().Take(20).ToList();
            Assert.True(problems.Count == 0, string.Join("\n", problems));
            Assert.NotNull(doc.WorkbookPart?.Workbook);
        }
        ExcelRules(bytes);
    }

    /// <summary>
    /// What Excel itself insists on beyond the schema (a breach makes it "repair" the file): sheet names of at most 31 characters
    /// without []:*?/\ and unique regardless of case; defined names, data-validation lists and chart series that refer to sheets and
    /// names the workbook has.
    /// </summary>
    private static void ExcelRules(byte[] bytes)
    {
        using var doc = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var workbook = doc.WorkbookPart!;
        var sheets = workbook.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Select(x => x.Name!.Value!).ToList();
        foreach (var name in sheets)
        {
            Assert.InRange(name.Length, 1, 31);
            Assert.True(name.IndexOfAny(['[', ']', ':', '*', '?', '/', '\\']) < 0 && !name.StartsWith('\'') && !name.EndsWith('\''), name);
        }
        Assert.Equal(sheets.Count, sheets.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        var names = workbook.Workbook.DefinedNames?.Elements<DocumentFormat.OpenXml.Spreadsheet.DefinedName>().ToDictionary(d => d.Name!.Value!, d => d.Text) ?? [];
        void RefersToASheet(string formula)
        {
            var m = System.Text.RegularExpressions.Regex.Match(formula, @"^(?:'((?:[^']|'')+)'|([^'!]+))!");
            Assert.True(m.Success, formula);
            var sheet = m.Groups[1].Success ? m.Groups[1].Value.Replace("''", "'", StringComparison.Ordinal) : m.Groups[2].Value;
            Assert.Contains(sheet, sheets);
        }
        foreach (var formula in names.Values) RefersToASheet(formula);
        foreach (var part in workbook.WorksheetParts)
        {
            foreach (var validation in part.Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.DataValidation>())
            {
                var source = validation.Formula1!.Text;
                if (source.Contains('!', StringComparison.Ordinal)) RefersToASheet(source);
                else Assert.True(names.ContainsKey(source) || source.StartsWith('"'), $"list source {source} is not a defined name");
            }
            foreach (var chart in part.DrawingsPart?.ChartParts ?? [])
                foreach (var reference in chart.ChartSpace.Descendants<DocumentFormat.OpenXml.Drawing.Charts.Formula>())
                    RefersToASheet(reference.Text);
        }
    }
}
