using System.Text.Json;

namespace Reshore.Cli.Tests;

/// <summary>`reshore optimize`: the JSON contract of issue #4 and infeasibility messages.</summary>
public sealed class OptimizeCommandTests
{
    private static string Example(string name) => Path.Combine(CliRunner.RepoRoot, "examples", name);

    [Fact]
    public void Optimize_json_has_the_contract_fields_and_shares_sum_to_one()
    {
        var r = CliRunner.Run("optimize", Example("led-lamps.yaml"), "--scenarios", "30", "--seed", "4", "--risk-aversion", "0.5", "--frontier", "--format", "json");
        Assert.True(r.ExitCode == 0, r.Error);
        using var doc = JsonDocument.Parse(r.Out);
        var item = doc.RootElement.GetProperty("items")[0];
        foreach (var field in new[] { "shares", "bufferWeeks", "expectedCost", "cvar", "outOfSample", "frontier" })
            Assert.True(item.TryGetProperty(field, out _), $"item lacks {field}");
        Assert.Equal(1, item.GetProperty("shares").EnumerateObject().Sum(p => p.Value.GetDouble()), 6);
        foreach (var field in new[] { "mean", "cvar95", "fillRate" })
            Assert.True(item.GetProperty("outOfSample").TryGetProperty(field, out _), $"outOfSample lacks {field}");
        var frontier = item.GetProperty("frontier").EnumerateArray().ToList();
        Assert.True(frontier.Count >= 3);
        // Every solve says how it ended; nothing is called optimal without proof (issue 12).
        Assert.Equal("OPTIMAL", item.GetProperty("status").GetString());
        Assert.True(item.GetProperty("optimal").GetBoolean());
        Assert.Equal(0, item.GetProperty("relativeGap").GetDouble());
        Assert.Equal("equivalentAnnualCost", item.GetProperty("costBasis").GetString());
        Assert.Equal(8, item.GetProperty("discountRatePct").GetDouble(), 9);
        Assert.True(item.GetProperty("frontierMonotone").GetBoolean());
        foreach (var point in frontier)
            foreach (var field in new[] { "status", "optimal", "relativeGap", "gapLimit", "method", "objective", "expectedEmergencyUnitsPerYear" })
                Assert.True(point.TryGetProperty(field, out _), $"frontier point lacks {field}");
        foreach (var field in new[] { "cvarStdError", "cvar95StdError", "singleYearCvar95", "expectedEmergencyUnitsPerYear" })
            Assert.True(item.GetProperty("outOfSample").TryGetProperty(field, out _), $"outOfSample lacks {field}");
        Assert.All(item.GetProperty("singleSource").EnumerateArray(), s => Assert.Equal("OPTIMAL", s.GetProperty("status").GetString()));
        for (var i = 1; i < frontier.Count; i++)
        {
            Assert.True(frontier[i].GetProperty("expectedCost").GetDouble() >= frontier[i - 1].GetProperty("expectedCost").GetDouble() - 1e-3);
            Assert.True(frontier[i].GetProperty("cvar").GetDouble() <= frontier[i - 1].GetProperty("cvar").GetDouble() + 1e-3);
        }
    }

    [Fact]
    public void The_table_shows_cvar_at_the_chosen_level()
    {
        var r = CliRunner.Run("optimize", Example("led-lamps.yaml"), "--scenarios", "30", "--alpha", "0.9");
        Assert.True(r.ExitCode == 0, r.Error);
        Assert.Contains("CVaR 90%", r.Out);
        Assert.DoesNotContain("CVaR 95%", r.Out);
    }

    [Fact]
    public void Json_carries_the_compile_warnings()
    {
        var r = CliRunner.Run("optimize", Example("led-lamps.yaml"), "--scenarios", "20", "--format", "json");
        Assert.True(r.ExitCode == 0, r.Error);
        using var doc = System.Text.Json.JsonDocument.Parse(r.Out);
        var warnings = doc.RootElement.GetProperty("items")[0].GetProperty("warnings").EnumerateArray().Select(w => w.GetString()!).ToList();
        Assert.Contains(warnings, w => w.StartsWith("Contract manufacturer, Ningbo: its own disruption risk is not simulated", StringComparison.Ordinal));
    }

    [Fact]
    public void Conflicting_constraints_exit_with_2_and_name_them()
    {
        var yaml = """
            name: conflict
            baseYear: 2027
            horizonYears: 2
            discountRatePct: 8
            items:
              - id: part
                annualVolumeUnits: 10000
                unitWeightKg: 1
                optimization:
                  maxShare: { cn: 0.4, be: 0.4 }
                options:
                  - { id: cn, governance: statusQuo, country: CN, production: { unitPrice: 4 } }
                  - { id: be, governance: outsourcedReshoring, country: BE, production: { unitPrice: 5 } }
            """;
        var r = CliRunner.Run("optimize", CliRunner.TempFile(yaml, ".yaml"), "--scenarios", "20", "--format", "json");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("maxShare.", r.Out);
        Assert.Contains("INFEASIBLE", r.Out);
    }

    [Fact]
    public void Bad_optimiser_settings_are_user_errors()
    {
        Assert.Equal(2, CliRunner.Run("optimize", Example("led-lamps.yaml"), "--alpha", "1.5").ExitCode);
        Assert.Equal(2, CliRunner.Run("optimize", Example("led-lamps.yaml"), "--item", "nope").ExitCode);
        var yaml = """
            name: bad
            baseYear: 2027
            horizonYears: 2
            discountRatePct: 8
            items:
              - id: part
                annualVolumeUnits: 10000
                unitWeightKg: 1
                optimization: { minShare: { xx: 0.2 } }
                options:
                  - { id: cn, governance: statusQuo, country: CN, production: { unitPrice: 4 } }
            """;
        var r = CliRunner.Run("optimize", CliRunner.TempFile(yaml, ".yaml"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("$.items[0].optimization.minShare.xx", r.Error);
    }
}
