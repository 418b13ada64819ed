using System.Text.Json;

namespace Reshore.Cli.Tests;

/// <summary>`simulate`, `sensitivity`, `breakeven` and `bench`: the JSON contract of issue #3 and input errors.</summary>
public sealed class RiskCommandTests
{
    private static string Example(string name) => Path.Combine(CliRunner.RepoRoot, "examples", name);

    [Fact]
    public void Simulate_json_has_the_contract_fields()
    {
        var r = CliRunner.Run("simulate", Example("led-lamps.yaml"), "--scenarios", "200", "--seed", "7", "--format", "json");
        Assert.True(r.ExitCode == 0, r.Error);
        using var doc = JsonDocument.Parse(r.Out);
        Assert.Equal(200, doc.RootElement.GetProperty("scenarios").GetInt32());
        Assert.Equal(7, doc.RootElement.GetProperty("seed").GetInt32());
        var strategies = doc.RootElement.GetProperty("items")[0].GetProperty("strategies").EnumerateArray().ToList();
        Assert.True(strategies.Count >= 4);
        foreach (var s in strategies)
        {
            foreach (var field in new[] { "id", "shares", "bufferWeeks", "annualCost", "fillRate", "probabilityCheapest", "options" })
                Assert.True(s.TryGetProperty(field, out _), $"strategy lacks {field}");
            foreach (var field in new[] { "mean", "stdError", "p5", "p50", "p95", "cvar95", "p5StdError", "p50StdError", "p95StdError", "cvar95StdError" })
                Assert.True(s.GetProperty("annualCost").TryGetProperty(field, out _), $"annualCost lacks {field}");
            foreach (var field in new[] { "singleYearCvar95", "singleYearCvar95StdError", "worstYearCost", "annualCostByYear", "probabilityCheapestStdError" })
                Assert.True(s.TryGetProperty(field, out _), $"strategy lacks {field}");
            // Ten horizon years; their EAC-weighted means give the mean equivalent annual cost (docs/model.md 8.8).
            var years = s.GetProperty("annualCostByYear").EnumerateArray().ToList();
            Assert.Equal(10, years.Count);
            var weights = Enumerable.Range(1, 10).Select(y => Math.Pow(1.08, -y)).ToArray();
            var weighted = years.Select((y, k) => weights[k] * y.GetProperty("mean").GetDouble()).Sum() / weights.Sum();
            Assert.Equal(s.GetProperty("annualCost").GetProperty("mean").GetDouble(), weighted, 3);
            Assert.Equal(1, s.GetProperty("shares").EnumerateObject().Sum(p => p.Value.GetDouble()), 6);
            foreach (var o in s.GetProperty("options").EnumerateArray())
                foreach (var field in new[] { "id", "timeToSurviveWeeks", "timeToRecoverWeeks" })
                    Assert.True(o.TryGetProperty(field, out _), $"option lacks {field}");
        }
        Assert.Equal(1, strategies.Sum(s => s.GetProperty("probabilityCheapest").GetDouble()), 9);
    }

    [Fact]
    public void Simulate_is_deterministic_for_a_seed()
    {
        var a = CliRunner.Run("simulate", Example("led-lamps.yaml"), "--scenarios", "100", "--seed", "3", "--format", "json");
        var b = CliRunner.Run("simulate", Example("led-lamps.yaml"), "--scenarios", "100", "--seed", "3", "--format", "json");
        Assert.Equal(a.Out, b.Out);
    }

    [Fact]
    public void Simulate_table_shows_strategies_and_survival()
    {
        var r = CliRunner.Run("simulate", Example("led-lamps.yaml"), "--scenarios", "100");
        Assert.True(r.ExitCode == 0, r.Error);
        Assert.Contains("CVaR95", r.Out);
        Assert.Contains("TTS", r.Out);
    }

    [Fact]
    public void Sensitivity_and_breakeven_answer_in_json()
    {
        var t = CliRunner.Run("sensitivity", Example("led-lamps.yaml"), "--item", "led-a60-9w", "--format", "json");
        Assert.True(t.ExitCode == 0, t.Error);
        using (var doc = JsonDocument.Parse(t.Out))
            Assert.True(doc.RootElement.GetProperty("bars").GetArrayLength() >= 2);
        var b = CliRunner.Run("breakeven", Example("led-lamps.yaml"), "--item", "led-a60-9w", "--input", "items[led-a60-9w].options[cn-cm].production.unitPrice", "--between", "0.4", "1.2", "--format", "json");
        Assert.True(b.ExitCode == 0, b.Error);
        using var be = JsonDocument.Parse(b.Out);
        Assert.Equal(JsonValueKind.Number, be.RootElement.GetProperty("breakEvenValue").ValueKind);
        var none = CliRunner.Run("breakeven", Example("led-lamps.yaml"), "--item", "led-a60-9w", "--input", "items[led-a60-9w].options[cn-cm].production.unitPrice", "--between", "2", "3");
        Assert.Equal(0, none.ExitCode);
        Assert.Contains("No break-even in range", none.Out);
    }

    [Fact]
    public void Breakeven_rejects_a_bad_path_and_a_bad_range()
    {
        var bad = CliRunner.Run("breakeven", Example("led-lamps.yaml"), "--item", "led-a60-9w", "--input", "items[led-a60-9w].options[nope].production.unitPrice", "--between", "0", "1");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("has no option 'nope'", bad.Error);
        var range = CliRunner.Run("breakeven", Example("led-lamps.yaml"), "--item", "led-a60-9w", "--input", "assumptions.inflationPct", "--between", "3", "1");
        Assert.Equal(2, range.ExitCode);
    }

    [Fact]
    public void Bench_quick_prints_steps_per_second()
    {
        var r = CliRunner.Run("bench", "--quick", "--format", "json");
        Assert.True(r.ExitCode == 0, r.Error);
        using var doc = JsonDocument.Parse(r.Out);
        Assert.True(doc.RootElement.GetProperty("stepsPerSecond").GetDouble() > 0);
    }

    [Theory]
    [InlineData("{ distribution: triangular, min: 5, mode: 3, max: 8 }", "min (5) must not exceed mode (3)")]
    [InlineData("{ distribution: normal, mean: 2, sd: -1 }", "sd (-1) must not be negative")]
    [InlineData("{ distribution: beta, min: 1, max: 2 }", "'beta' is not a distribution")]
    [InlineData("{ distribution: uniform, min: -5, max: 2 }", "outside the allowed 0")]
    [InlineData("{ distribution: uniform, min: 1, max: 2, driver: nobody }", "Unknown driver 'nobody'")]
    public void Invalid_distributions_are_rejected_naming_the_input(string distribution, string message)
    {
        var yaml = $$"""
            name: d
            baseYear: 2027
            horizonYears: 3
            discountRatePct: 8
            items:
              - id: part
                annualVolumeUnits: 1000
                unitWeightKg: 1
                demandGrowthPct: 1
                options:
                  - id: cn
                    governance: statusQuo
                    country: CN
                    production:
                      unitPrice: 4
                      labourHoursPerUnit: {{distribution}}
            """;
        var r = CliRunner.Run("simulate", CliRunner.TempFile(yaml, ".yaml"), "--scenarios", "20");
        Assert.True(r.ExitCode == 2, r.Error);
        Assert.Contains("$.items[0].options[0].production.labourHoursPerUnit", r.Error);
        Assert.Contains(":16:", r.Error);
        Assert.Contains(message, r.Error);
    }

    [Fact]
    public void Strategy_shares_must_add_up_to_one()
    {
        var yaml = """
            name: d
            baseYear: 2027
            horizonYears: 3
            discountRatePct: 8
            items:
              - id: part
                annualVolumeUnits: 1000
                unitWeightKg: 1
                strategies:
                  - { id: dual, shares: { cn: 0.5, be: 0.4 } }
                options:
                  - { id: cn, governance: statusQuo, country: CN, production: { unitPrice: 4 } }
                  - { id: be, governance: outsourcedReshoring, country: BE, production: { unitPrice: 5 } }
            """;
        var r = CliRunner.Run("simulate", CliRunner.TempFile(yaml, ".yaml"), "--scenarios", "20");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("Shares add up to 0.9", r.Error);
        Assert.Contains("$.items[0].strategies[0].shares", r.Error);
    }
}

/// <summary>Ids the user chose keep their spelling in JSON output, also where they are dictionary keys.</summary>
public sealed class JsonIdSpellingTests
{
    [Fact]
    public void Option_ids_used_as_share_keys_are_not_camel_cased()
    {
        var yaml = File.ReadAllText(Path.Combine(CliRunner.RepoRoot, "examples", "led-lamps.yaml")).Replace("cn-cm", "CN-cm", StringComparison.Ordinal);
        var r = CliRunner.Run("simulate", CliRunner.TempFile(yaml, ".yaml"), "--scenarios", "20", "--format", "json");
        Assert.True(r.ExitCode == 0, r.Error);
        using var doc = System.Text.Json.JsonDocument.Parse(r.Out);
        var shares = doc.RootElement.GetProperty("items")[0].GetProperty("strategies").EnumerateArray()
            .SelectMany(s => s.GetProperty("shares").EnumerateObject().Select(p => p.Name)).ToHashSet();
        Assert.Contains("CN-cm", shares);
        Assert.DoesNotContain("cN-cm", shares);
    }
}
