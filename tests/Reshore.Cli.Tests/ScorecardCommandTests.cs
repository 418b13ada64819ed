using System.Text.Json;

namespace Reshore.Cli.Tests;

/// <summary>The scorecard in `reshore evaluate` (issue #8) and the lists behind it.</summary>
public sealed class ScorecardCommandTests
{
    private static string Example(string name) => Path.Combine(CliRunner.RepoRoot, "examples", name);

    [Fact]
    public void Evaluate_json_has_a_scorecard_per_item()
    {
        var r = CliRunner.Run("evaluate", Example("electronics-china.yaml"), "--format", "json");
        Assert.True(r.ExitCode == 0, r.Error);
        using var doc = JsonDocument.Parse(r.Out);
        var sc = doc.RootElement.GetProperty("items")[0].GetProperty("scorecard");
        Assert.Equal("ahp", sc.GetProperty("weighting").GetProperty("method").GetString());
        Assert.True(sc.GetProperty("weighting").GetProperty("consistencyRatio").GetDouble() < 0.1);
        Assert.Equal(1, sc.GetProperty("criteria").EnumerateArray().Sum(c => c.GetProperty("weight").GetDouble()), 9);
        foreach (var option in sc.GetProperty("options").EnumerateArray())
        {
            Assert.True(option.TryGetProperty("weightedTotal", out _));
            foreach (var s in option.GetProperty("scores").EnumerateArray())
            {
                var source = s.GetProperty("source").GetString();
                Assert.Contains(source, new[] { "computed", "judged", "missing" });
                if (source == "missing") Assert.Equal(JsonValueKind.Null, s.GetProperty("score").ValueKind);
            }
        }
    }

    [Fact]
    public void Led_example_shows_judgements_open_barriers_and_sensitivity()
    {
        var r = CliRunner.Run("evaluate", Example("led-lamps.yaml"), "--format", "json");
        using var doc = JsonDocument.Parse(r.Out);
        var sc = doc.RootElement.GetProperty("items")[0].GetProperty("scorecard");
        Assert.Contains("homeSkills", sc.GetProperty("openBarriers").EnumerateArray().Select(b => b.GetString()));
        Assert.DoesNotContain("movingEquipment", sc.GetProperty("openBarriers").EnumerateArray().Select(b => b.GetString()));
        Assert.Equal(JsonValueKind.Object, sc.GetProperty("sensitivity").ValueKind);
        Assert.True(sc.GetProperty("suitability").GetDouble() < 0);
        Assert.Contains(sc.GetProperty("options")[0].GetProperty("scores").EnumerateArray(), s => s.GetProperty("source").GetString() == "judged");
    }

    [Fact]
    public void Simulated_risk_feeds_the_risk_criterion()
    {
        var r = CliRunner.Run("evaluate", Example("led-lamps.yaml"), "--format", "json", "--simulate-risk", "100");
        Assert.True(r.ExitCode == 0, r.Error);
        Assert.Contains("simulated single-year CVaR95", r.Out);
    }

    [Theory]
    [InlineData("criteria", "riskMitigation")]
    [InlineData("motives", "external × customerValue")]
    [InlineData("barriers", "exitTaxes")]
    public void Lists_show_the_ids(string list, string expected)
    {
        var r = CliRunner.Run("scorecard", list);
        Assert.Equal(0, r.ExitCode);
        Assert.Contains(expected, r.Out);
    }
}
