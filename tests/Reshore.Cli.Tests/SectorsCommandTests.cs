using System.Globalization;
using System.Text.Json;

namespace Reshore.Cli.Tests;

/// <summary>
/// `reshore dependencies sectors` on the bundled BACI sample (docs/model.md §22): the aggregates recomputed here from the raw rows —
/// Belgium's imports, imports from outside the EU and exports per product — for the products the EU test marks dependent.
/// </summary>
public sealed class SectorsCommandTests
{
    private static string Example(string name) => Path.Combine(CliRunner.RepoRoot, "examples", name);

    // BACI numeric codes of the EU27 (BACI uses 251 for France and 381 for Italy).
    private static readonly HashSet<string> Eu27Numeric = ["40", "56", "100", "191", "196", "203", "208", "233", "246", "251", "276", "300", "348", "372", "380", "381", "428", "440", "442", "470", "528", "616", "620", "642", "703", "705", "724", "752"];

    [Fact]
    public void The_screen_of_the_bundled_sample_adds_up_by_hand()
    {
        var r = CliRunner.Run("dependencies", "sectors", Example("trade-baci-sample.csv"), "--country-codes", Example("baci-country-codes.csv"),
            "--ecosystems", Example("hs6-ecosystems.csv"), "--parameters", Example("ecosystem-parameters.csv"), "--year", "2023", "--shift-pct", "30", "--format", "json");
        Assert.True(r.ExitCode == 0, r.Error);
        using var doc = JsonDocument.Parse(r.Out);
        var root = doc.RootElement;
        Assert.Equal("BEL", root.GetProperty("country").GetString());

        // Belgium (BACI code 56) in 2023, from the raw rows: imports, imports from outside the EU, exports per HS6.
        var imports = new Dictionary<string, double>();
        var far = new Dictionary<string, double>();
        var exports = new Dictionary<string, double>();
        foreach (var line in File.ReadLines(Example("trade-baci-sample.csv")).Skip(1))
        {
            var f = line.Split(',');
            if (f[0] != "2023") continue;
            var hs = f[3].PadLeft(6, '0');
            var v = double.Parse(f[4], CultureInfo.InvariantCulture);
            if (f[2] == "56" && f[1] != "56")
            {
                imports[hs] = imports.GetValueOrDefault(hs) + v;
                if (!Eu27Numeric.Contains(f[1])) far[hs] = far.GetValueOrDefault(hs) + v;
            }
            else if (f[1] == "56" && f[2] != "56") exports[hs] = exports.GetValueOrDefault(hs) + v;
        }
        var products = root.GetProperty("products").EnumerateArray().ToList();
        Assert.Equal(imports.Count(kv => kv.Value > 0), products.Count);
        var candidates = products.Where(p => p.GetProperty("euDependent").GetBoolean()).Select(p => p.GetProperty("hs6").GetString()!)
            .Where(hs => imports[hs] > exports.GetValueOrDefault(hs)).ToList();
        Assert.NotEmpty(candidates);
        var total = root.GetProperty("total");
        Assert.Equal(candidates.Count, total.GetProperty("candidates").GetInt32());
        var farTotal = candidates.Sum(hs => far.GetValueOrDefault(hs));
        Assert.Equal(farTotal, total.GetProperty("candidateFarImports").GetDouble(), 6);
        Assert.Equal(candidates.Sum(hs => imports[hs]), total.GetProperty("candidateImports").GetDouble(), 6);
        Assert.Equal(0.3 * farTotal, total.GetProperty("movedNear").GetDouble(), 6);
        Assert.Equal(farTotal / candidates.Sum(hs => imports[hs]) * 100, total.GetProperty("importDependencePct").GetDouble(), 6);
        // Jobs: Σ over ecosystems of 30% × far imports × 1,000 USD ÷ 10⁶ × jobs per million (examples/ecosystem-parameters.csv).
        var jobsPerMillion = File.ReadLines(Example("ecosystem-parameters.csv")).Skip(1).Select(l => l.Split(','))
            .ToDictionary(f => f[0], f => double.Parse(f[2], CultureInfo.InvariantCulture));
        var ecosystemOf = File.ReadLines(Example("hs6-ecosystems.csv")).Skip(1).Select(l => l.Split(',')).ToDictionary(f => f[0].PadLeft(6, '0'), f => f[1]);
        var jobs = candidates.Sum(hs => 0.3 * far.GetValueOrDefault(hs) * 1000 / 1e6 * jobsPerMillion[ecosystemOf[hs]]);
        Assert.Equal(jobs, total.GetProperty("jobs").GetDouble(), 6);
        Assert.Equal(total.GetProperty("movedNear").GetDouble(), root.GetProperty("ecosystems").EnumerateArray().Sum(e => e.GetProperty("movedNear").GetDouble()), 6);
    }

    [Fact]
    public void The_table_names_ecosystems_and_spearhead_clusters_in_both_languages()
    {
        var args = new[] { "dependencies", "sectors", Example("trade-baci-sample.csv"), "--country-codes", Example("baci-country-codes.csv"), "--ecosystems", Example("hs6-ecosystems.csv") };
        var en = CliRunner.Run(args);
        Assert.True(en.ExitCode == 0, en.Error);
        Assert.Contains("EU-strategic", en.Out);
        Assert.Contains("Total", en.Out);
        var nl = CliRunner.Run([.. args, "--lang", "nl"]);
        Assert.Contains("netto-invoerder", nl.Out);
        var bad = CliRunner.Run([.. args, "--shift-pct", "150"]);
        Assert.Equal(2, bad.ExitCode);
    }
}
