using System.Text.Json;
using Reshore.Core.Costing;

namespace Reshore.Cli.Tests;

/// <summary>`reshore evaluate` on the bundled examples: the JSON contract of issue #2 and a sensible result.</summary>
public sealed class EvaluateTests
{
    public static TheoryData<string> Examples()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(Path.Combine(CliRunner.RepoRoot, "examples")).Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal)).Order())
            data.Add(Path.GetFileName(f));
        return data;
    }

    [Fact]
    public void There_are_at_least_three_examples()
    {
        Assert.True(Examples().Count >= 3, "examples/ needs at least three cases");
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Each_example_evaluates_to_json_with_the_contract_fields(string example)
    {
        var r = CliRunner.Run("evaluate", Path.Combine(CliRunner.RepoRoot, "examples", example), "--format", "json");
        Assert.True(r.ExitCode == 0, r.Error);
        using var doc = JsonDocument.Parse(r.Out);
        var items = doc.RootElement.GetProperty("items");
        Assert.True(items.GetArrayLength() >= 1);
        var factors = new HashSet<string>();
        foreach (var item in items.EnumerateArray())
        {
            foreach (var field in new[] { "id", "statusQuoOptionId", "recommendedOptionId", "explanation", "options" })
                Assert.True(item.TryGetProperty(field, out _), $"{example}: item lacks {field}");
            var ids = item.GetProperty("options").EnumerateArray().Select(o => o.GetProperty("id").GetString()).ToList();
            Assert.Contains(item.GetProperty("recommendedOptionId").GetString(), ids);
            Assert.Contains(item.GetProperty("statusQuoOptionId").GetString(), ids);
            Assert.False(string.IsNullOrWhiteSpace(item.GetProperty("explanation").GetString()));
            // Issue 13: the decision summary.
            var decision = item.GetProperty("decision");
            foreach (var field in new[] { "verdict", "basis", "basisReason", "confidence", "confidenceReasons", "flips", "views", "reconciliation" })
                Assert.True(decision.TryGetProperty(field, out _), $"{example}: decision lacks {field}");
            Assert.Contains(decision.GetProperty("confidence").GetString(), new[] { "robust", "fragile", "depends-on-estimates" });
            Assert.Contains(decision.GetProperty("basis").GetString(), new[] { "tco", "tcoHardOnly", "simulation", "optimizer" });
            var views = decision.GetProperty("views").EnumerateArray().Select(v => v.GetProperty("view").GetString()).ToList();
            Assert.Contains("tco", views);
            Assert.Contains("tcoHardOnly", views);
            Assert.Single(decision.GetProperty("views").EnumerateArray(), v => v.GetProperty("isBasis").GetBoolean());
            foreach (var flip in decision.GetProperty("flips").EnumerateArray())
            {
                foreach (var field in new[] { "input", "current", "flipsAt", "option" })
                    Assert.True(flip.TryGetProperty(field, out _), $"{example}: flip lacks {field}");
                Assert.Contains(flip.GetProperty("option").GetString(), ids);
            }
            foreach (var option in item.GetProperty("options").EnumerateArray())
            {
                foreach (var field in new[] { "id", "country", "governance", "tcoPerUnit", "tcoPerYear", "pvCost", "npvSavingVsStatusQuo", "paybackYears", "co2eKgPerUnit", "years", "lines" })
                    Assert.True(option.TryGetProperty(field, out _), $"{example}: option lacks {field}");
                Assert.Matches("^[A-Z]{2}$", option.GetProperty("country").GetString());
                Assert.True(option.GetProperty("tcoPerUnit").GetDouble() > 0);
                var lineSum = 0.0;
                foreach (var line in option.GetProperty("lines").EnumerateArray())
                {
                    foreach (var field in new[] { "factor", "category", "kind", "perUnit", "perYear", "formula", "inputs", "assessed" })
                        Assert.True(line.TryGetProperty(field, out _), $"{example}: line lacks {field}");
                    Assert.Contains(line.GetProperty("kind").GetString(), new[] { "hard", "risk", "strategic" });
                    if (line.GetProperty("assessed").GetBoolean()) factors.Add(line.GetProperty("factor").GetString()!);
                    lineSum += line.GetProperty("perUnit").GetDouble();
                }
                Assert.Equal(option.GetProperty("tcoPerUnit").GetDouble(), lineSum, 9);
            }
        }
        Assert.True(factors.Count >= 30, $"{example}: only {factors.Count} distinct assessed factors");
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Each_example_renders_as_table_and_markdown(string example)
    {
        var path = Path.Combine(CliRunner.RepoRoot, "examples", example);
        var table = CliRunner.Run("evaluate", path);
        Assert.True(table.ExitCode == 0, table.Error);
        Assert.Contains("Recommended", table.Out);
        var markdown = CliRunner.Run("evaluate", path, "--format", "markdown");
        Assert.True(markdown.ExitCode == 0, markdown.Error);
        Assert.StartsWith("# ", markdown.Out);
    }

    [Fact]
    public void Output_in_dutch_uses_the_dutch_resources()
    {
        var r = CliRunner.Run("evaluate", Path.Combine(CliRunner.RepoRoot, "examples", "led-lamps.yaml"), "--lang", "nl");
        Assert.True(r.ExitCode == 0, r.Error);
        Assert.Contains("Aanbevolen", r.Out);
        Assert.DoesNotContain("Recommended:", r.Out);
    }

    [Fact]
    public void Output_to_a_file_writes_the_file_and_nothing_to_stdout()
    {
        var output = Path.Combine(Path.GetTempPath(), $"reshore-out-{Guid.NewGuid():N}.json");
        var r = CliRunner.Run("evaluate", Path.Combine(CliRunner.RepoRoot, "examples", "led-lamps.yaml"), "--format", "json", "--output", output);
        Assert.True(r.ExitCode == 0, r.Error);
        Assert.Equal("", r.Out);
        using var doc = JsonDocument.Parse(File.ReadAllText(output));
        Assert.Equal("EUR", doc.RootElement.GetProperty("currency").GetString());
    }

    [Fact]
    public void Defaults_are_marked_in_the_line_inputs()
    {
        var r = CliRunner.Run("evaluate", Path.Combine(CliRunner.RepoRoot, "examples", "led-lamps.yaml"), "--format", "json");
        using var doc = JsonDocument.Parse(r.Out);
        var inputs = doc.RootElement.GetProperty("items")[0].GetProperty("options").EnumerateArray()
            .SelectMany(o => o.GetProperty("lines").EnumerateArray()).SelectMany(l => l.GetProperty("inputs").EnumerateArray()).ToList();
        var defaults = inputs.Where(i => i.GetProperty("isDefault").GetBoolean()).ToList();
        Assert.NotEmpty(defaults);
        Assert.All(defaults, i => Assert.StartsWith("default:", i.GetProperty("source").GetString()));
        Assert.Contains(inputs, i => i.GetProperty("source").GetString() == "case");
    }
}
