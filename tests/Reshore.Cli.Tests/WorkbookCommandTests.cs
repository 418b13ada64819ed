using Reshore.Cli;
using Reshore.Data.CaseFiles;
using Reshore.Data.ReferenceData;

namespace Reshore.Cli.Tests;

public sealed class WorkbookCommandTests
{
    private static string Temp(string extension) => Path.Combine(Path.GetTempPath(), $"reshore-wb-{Guid.NewGuid():N}{extension}");

    [Fact]
    public void Workbook_template_writes_an_xlsx()
    {
        var path = Temp(".xlsx");
        var result = CliRunner.Run("workbook", "template", "-o", path, "--lang", "nl");
        Assert.Equal(CliApp.Ok, result.ExitCode);
        Assert.True(new FileInfo(path).Length > 1000);
        Assert.Equal("PK", System.Text.Encoding.ASCII.GetString(File.ReadAllBytes(path), 0, 2));
    }

    [Fact]
    public void Workbook_case_then_import_round_trips_an_example()
    {
        var example = Path.Combine(CliRunner.RepoRoot, "examples", "led-lamps.yaml");
        var xlsx = Temp(".xlsx");
        Assert.Equal(CliApp.Ok, CliRunner.Run("workbook", "case", example, "-o", xlsx).ExitCode);
        foreach (var ext in new[] { ".yaml", ".json" })
        {
            var target = Temp(ext);
            var result = CliRunner.Run("workbook", "import", xlsx, "-o", target);
            Assert.True(result.ExitCode == CliApp.Ok, result.Error);
            var market = ReferenceDataLoader.Embedded();
            var back = CaseFileReader.ReadDocumentFile(target, market);
            var original = CaseFileReader.ReadDocumentFile(example, market);
            Assert.Equal(original.Case.Items.Single().Options.Select(o => o.Id), back.Case.Items.Single().Options.Select(o => o.Id));
            Assert.Equal(original.Uncertain.Count, back.Uncertain.Count);
        }
    }

    [Fact]
    public void Workbook_import_of_a_bad_workbook_exits_2_lists_errors_and_writes_nothing()
    {
        var xlsx = Temp(".xlsx");
        Assert.Equal(CliApp.Ok, CliRunner.Run("workbook", "template", "-o", xlsx).ExitCode);
        var target = Temp(".yaml");
        var result = CliRunner.Run("workbook", "import", xlsx, "-o", target);
        Assert.Equal(CliApp.InvalidInput, result.ExitCode);
        Assert.Contains("Case!B", result.Error);          // name, baseYear, … are missing
        Assert.Contains("nothing was written", result.Error);
        Assert.False(File.Exists(target));
    }

    [Fact]
    public void The_simple_layout_round_trips_and_import_into_a_case_reports_what_changed()
    {
        var example = Path.Combine(CliRunner.RepoRoot, "examples", "led-lamps.yaml");
        var xlsx = Temp(".xlsx");
        Assert.Equal(CliApp.Ok, CliRunner.Run("workbook", "case", example, "-o", xlsx, "--layout", "simple").ExitCode);
        var caseFile = Temp(".yaml");
        File.Copy(example, caseFile);
        var result = CliRunner.Run("workbook", "import", xlsx, "--into", caseFile);
        Assert.True(result.ExitCode == CliApp.Ok, result.Error);
        Assert.Contains("No input and no result changed.", result.Out);
        var market = ReferenceDataLoader.Embedded();
        var back = CaseFileReader.ReadDocumentFile(caseFile, market);
        var original = CaseFileReader.ReadDocumentFile(example, market);
        Assert.Equal(original.Case.Risk!.Events!.Count, back.Case.Risk!.Events!.Count);   // kept: the template does not show events
        Assert.Equal(original.Uncertain.Count, back.Uncertain.Count);

        // Into a copy whose discount rate was changed since the workbook was written: the workbook's 8% comes back, and each option's present cost moves.
        var other = Temp(".yaml");
        File.WriteAllText(other, File.ReadAllText(example).Replace("discountRatePct: 8 ", "discountRatePct: 10 ", StringComparison.Ordinal));
        var changed = CliRunner.Run("workbook", "import", xlsx, "--into", other, "-o", Temp(".yaml"));
        Assert.True(changed.ExitCode == CliApp.Ok, changed.Error);
        Assert.Contains("Inputs changed: 1", changed.Out);
        Assert.Contains("discountRatePct: 10 → 8", changed.Out);
        Assert.Contains("led-a60-9w/pl-supplier", changed.Out);

        Assert.Equal(2, CliRunner.Run("workbook", "template", "-o", Temp(".xlsx"), "--layout", "fancy").ExitCode);
    }

    [Fact]
    public void Workbook_export_writes_the_results()
    {
        var example = Path.Combine(CliRunner.RepoRoot, "examples", "assembly-romania.yaml");
        var xlsx = Temp(".xlsx");
        var result = CliRunner.Run("workbook", "export", example, "-o", xlsx);
        Assert.True(result.ExitCode == CliApp.Ok, result.Error);
        Assert.True(new FileInfo(xlsx).Length > 1000);
    }

    [Fact]
    public void Workbook_import_of_a_missing_file_exits_2()
    {
        Assert.Equal(CliApp.InvalidInput, CliRunner.Run("workbook", "import", "/nonexistent/x.xlsx").ExitCode);
    }
}
