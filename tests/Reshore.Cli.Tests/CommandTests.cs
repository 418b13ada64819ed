using System.Text.Json;
using Reshore.Core.Costing;

namespace Reshore.Cli.Tests;

/// <summary>The other commands: factors, leadtime, example, schema, reference.</summary>
public sealed class CommandTests
{
    [Fact]
    public void Factors_lists_every_factor_with_category_kind_and_formula_in_both_languages()
    {
        foreach (var lang in new[] { "en", "nl" })
        {
            var r = CliRunner.Run("factors", "--format", "json", "--lang", lang);
            Assert.True(r.ExitCode == 0, r.Error);
            using var doc = JsonDocument.Parse(r.Out);
            var list = doc.RootElement.EnumerateArray().ToList();
            Assert.Equal(CostFactorCatalog.All.Count, list.Count);
            Assert.True(list.Count >= 30);
            Assert.All(list, f =>
            {
                Assert.False(string.IsNullOrWhiteSpace(f.GetProperty("name").GetString()));
                Assert.NotEqual(f.GetProperty("id").GetString(), f.GetProperty("name").GetString());
                Assert.False(string.IsNullOrWhiteSpace(f.GetProperty("formula").GetString()));
            });
        }
        var table = CliRunner.Run("factors", "--lang", "nl");
        Assert.Contains("Invoerrecht", table.Out);
    }

    [Fact]
    public void Leadtime_json_reproduces_the_reference_table()
    {
        // REFERENCES.md section B: p = 100, c_S = 44, s = 20, σ = √ln(1 + 0.8²); 8 weeks → c_L = 36.94, CDF 16.0%, premium 19.1%.
        var sigma = Math.Sqrt(Math.Log(1 + 0.8 * 0.8)).ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        var r = CliRunner.Run("leadtime", "--price", "100", "--cost-short", "44", "--salvage", "20", "--volatility", sigma, "--lead-time-weeks", "8", "--format", "json");
        Assert.True(r.ExitCode == 0, r.Error);
        using var doc = JsonDocument.Parse(r.Out);
        Assert.Equal(36.94, doc.RootElement.GetProperty("breakEvenLongCost").GetDouble(), 2);
        Assert.Equal(0.160, doc.RootElement.GetProperty("requiredCostAdvantage").GetDouble(), 3);
        Assert.Equal(0.191, doc.RootElement.GetProperty("justifiedPremium").GetDouble(), 3);
    }

    [Fact]
    public void Leadtime_table_prints_the_three_numbers()
    {
        var r = CliRunner.Run("leadtime", "--price", "100", "--cost-short", "50", "--salvage", "20", "--volatility", "0.6", "--lead-time-weeks", "12");
        Assert.True(r.ExitCode == 0, r.Error);
        Assert.Contains("Required cost advantage: 16.5%", r.Out);
    }

    [Fact]
    public void Example_writes_every_bundled_case_and_refuses_to_overwrite()
    {
        var dir = Path.Combine(Path.GetTempPath(), $"reshore-examples-{Guid.NewGuid():N}");
        var r = CliRunner.Run("example", "--output", dir);
        Assert.True(r.ExitCode == 0, r.Error);
        var written = Directory.GetFiles(dir).Select(Path.GetFileName).Order().ToList();
        var bundled = Directory.GetFiles(Path.Combine(CliRunner.RepoRoot, "examples")).Select(Path.GetFileName).Order().ToList();
        Assert.Equal(bundled, written);
        foreach (var f in Directory.GetFiles(dir))
            Assert.Equal(File.ReadAllText(Path.Combine(CliRunner.RepoRoot, "examples", Path.GetFileName(f))), File.ReadAllText(f));
        var again = CliRunner.Run("example", "led-lamps", "--output", dir);
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("--force", again.Error);
        Assert.Equal(0, CliRunner.Run("example", "led-lamps", "--output", dir, "--force").ExitCode);
        Assert.Equal(2, CliRunner.Run("example", "no-such-example").ExitCode);
    }

    [Fact]
    public void The_published_schema_is_up_to_date()
    {
        var r = CliRunner.Run("schema");
        Assert.Equal(0, r.ExitCode);
        var published = File.ReadAllText(Path.Combine(CliRunner.RepoRoot, "docs", "case.schema.json"));
        Assert.True(published == r.Out, "docs/case.schema.json is stale: run `reshore schema -o docs/case.schema.json`.");
    }

    [Theory]
    [InlineData("countries", "BE")]
    [InlineData("lanes", "CN-SEA-SHANGHAI")]
    [InlineData("emissions", "g CO2e")]
    [InlineData("carbon", "2030")]
    public void Reference_tables_list_their_rows(string table, string expected)
    {
        var r = CliRunner.Run("reference", table, "--sources");
        Assert.True(r.ExitCode == 0, r.Error);
        Assert.Contains(expected, r.Out);
    }
}
