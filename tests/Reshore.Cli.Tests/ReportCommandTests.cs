namespace Reshore.Cli.Tests;

/// <summary>`reshore report`: HTML to standard output or a file, PDF to a file, user errors exit with 2.</summary>
public sealed class ReportCommandTests
{
    private static string Example(string name) => Path.Combine(CliRunner.RepoRoot, "examples", name);

    [Fact]
    public void Report_writes_html_to_standard_output()
    {
        var r = CliRunner.Run("report", Example("led-lamps.yaml"), "--scenarios", "50");
        Assert.True(r.ExitCode == 0, r.Error);
        Assert.StartsWith("<!DOCTYPE html>", r.Out);
        Assert.Contains("id=\"summary\"", r.Out);
        Assert.Contains("<svg", r.Out);
    }

    [Fact]
    public void Report_writes_a_dutch_pdf_to_a_file()
    {
        var file = Path.Combine(Path.GetTempPath(), $"reshore-report-{Guid.NewGuid():N}.pdf");
        try
        {
            var r = CliRunner.Run("report", Example("led-lamps.yaml"), "--format", "pdf", "-o", file, "--scenarios", "0", "--lang", "nl");
            Assert.True(r.ExitCode == 0, r.Error);
            var bytes = File.ReadAllBytes(file);
            Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(bytes, 0, 4));
            Assert.Contains("Rapport geschreven naar", r.Error);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Report_pdf_without_output_file_is_a_user_error()
    {
        var r = CliRunner.Run("report", Example("led-lamps.yaml"), "--format", "pdf");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("-o", r.Error);
        Assert.Empty(r.Out);
    }

    [Fact]
    public void Report_on_a_missing_case_is_a_user_error()
    {
        var r = CliRunner.Run("report", "no-such-case.yaml");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("no-such-case.yaml", r.Error);
    }

    [Fact]
    public void Report_rejects_too_few_scenarios()
    {
        var r = CliRunner.Run("report", Example("led-lamps.yaml"), "--scenarios", "3");
        Assert.Equal(2, r.ExitCode);
    }
}
