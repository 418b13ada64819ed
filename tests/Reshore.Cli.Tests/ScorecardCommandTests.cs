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
    [InlineData("motives", "external factors × customer-perceived value")]
    [InlineData("barriers", "exitTaxes")]
    public void Lists_show_the_ids(string list, string expected)
    {
        var r = CliRunner.Run("scorecard", list);
        Assert.Equal(0, r.ExitCode);
        Assert.Contains(expected, r.Out);
    }

    [Fact]
    public void Motives_as_json_use_the_monitor_quadrant_keys_and_the_studys_placement()
    {
        var r = CliRunner.Run("scorecard", "motives", "--format", "json");
        Assert.True(r.ExitCode == 0, r.Error);
        var motives = JsonDocument.Parse(r.Out).RootElement.EnumerateArray().ToDictionary(m => m.GetProperty("id").GetString()!);
        string Q(string id) => motives[id].GetProperty("quadrant").GetString()!;
        Assert.Equal(("ExternalCustomerValue", "ExternalCustomerValue"), (Q("poorQuality"), Q("madeIn")));
        Assert.Equal(("InternalCustomerValue", "InternalCustomerValue"), (Q("customerProximity"), Q("innovation")));
        Assert.Equal(("ExternalCostEfficiency", "InternalCostEfficiency"), (Q("labourCostGap"), Q("automation")));
        Assert.Equal(("HybridInternal", "HybridCustomerValue"), (Q("globalReorganisation"), Q("deliveryTimes")));
        Assert.Equal(48, motives["poorQuality"].GetProperty("eurofoundCases").GetInt32());
        Assert.True(motives["deliveryTimes"].GetProperty("hybrid").GetBoolean());
        Assert.False(string.IsNullOrEmpty(motives["geopoliticalRisk"].GetProperty("label").GetString()));
        var keys = motives.Values.Select(m => m.GetProperty("quadrant").GetString()).Distinct().Order().ToList();
        Assert.Equal(Enum.GetNames<Reshore.Core.Scorecard.MotiveZone>().Order(), keys);
        var nl = JsonDocument.Parse(CliRunner.Run("scorecard", "motives", "--format", "json", "--lang", "nl").Out).RootElement;
        Assert.Contains("klantgepercipieerde waardebepaling", nl.EnumerateArray().First(m => m.GetProperty("id").GetString() == "madeIn").GetProperty("quadrantLabel").GetString());
    }
}
