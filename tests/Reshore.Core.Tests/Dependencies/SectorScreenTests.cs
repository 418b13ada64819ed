using Reshore.Core.Dependencies;
using Reshore.Core.Tests.Formulas;

namespace Reshore.Core.Tests.Dependencies;

/// <summary>The sector screen of a country (docs/model.md §22) on flows small enough to add up by hand.</summary>
public sealed class SectorScreenTests
{
    private static TradeFlow F(string from, string to, string hs6, double v) => new(2022, from, to, hs6, v);

    [Fact]
    public void Formulas_match_the_hand_values()
    {
        Assert.True(SectorFormulas.NetImporter(250, 20));
        Assert.False(SectorFormulas.NetImporter(10, 400));
        Assert.Equal(80, SectorFormulas.ImportDependencePct(200, 250));
        Assert.Null(SectorFormulas.ImportDependencePct(0, 0));
        Assert.Equal(50, SectorFormulas.MovedNear(0.25, 200));
        FormulaAssert.Near(0.2, SectorFormulas.PerMillion(50, 1000, 4), 1e-12, "50 thousand × 4 jobs per million");
        Assert.Equal(-0.5, SectorFormulas.LabourSuitability(45));
        Assert.Equal(1, SectorFormulas.LabourSuitability(0));
        Assert.Equal(-1, SectorFormulas.LabourSuitability(90));
    }

    [Fact]
    public void The_screen_keeps_eu_strategic_products_belgium_imports_net_and_adds_them_up_by_ecosystem()
    {
        var s = new SectorScreener("BEL", new DependencyThresholds());
        // 111111: EU imports from outside 1,000 (China 900, US 100: HHI 0.82), inside 50 (share 0.952), exports out 20 (ratio 50): dependent.
        // Belgium imports 100 + 100 + 50 = 250, 200 of it from outside the EU, exports 20: a net importer — a candidate.
        foreach (var f in new[] { F("CHN", "DEU", "111111", 800), F("CHN", "BEL", "111111", 100), F("USA", "BEL", "111111", 100), F("DEU", "BEL", "111111", 50), F("BEL", "USA", "111111", 20) }) s.Add(f);
        // 222222: dependent at EU level (M_out 510, HHI 1, share 510 ÷ 810 = 0.63, ratio 5.1) but Belgium exports 400 against imports of 10.
        foreach (var f in new[] { F("CHN", "FRA", "222222", 500), F("CHN", "BEL", "222222", 10), F("BEL", "FRA", "222222", 300), F("BEL", "USA", "222222", 100) }) s.Add(f);
        // 333333: not dependent (US 130, China 100, Japan 100: HHI 0.339); Belgium imports 30 from the US.
        foreach (var f in new[] { F("USA", "DEU", "333333", 100), F("CHN", "DEU", "333333", 100), F("JPN", "DEU", "333333", 100), F("USA", "BEL", "333333", 30) }) s.Add(f);

        var eco = new Dictionary<string, string> { ["111111"] = "Electronics", ["222222"] = "Health", ["333333"] = "Electronics" };
        var clusters = new Dictionary<string, IReadOnlyList<string>> { ["Health"] = ["MEDVIA"] };
        var parms = new Dictionary<string, EcosystemParameters> { ["Electronics"] = new("Electronics", 45, 4, 10, "test") };
        var r = s.Screen(2022, 25, 1000, hs => eco.GetValueOrDefault(hs), clusters, parms);

        var electronics = r.Ecosystems.Single(e => e.Ecosystem == "Electronics");
        Assert.Equal((2, 1, 1), (electronics.Products, electronics.EuDependent, electronics.Candidates));
        Assert.Equal(250, electronics.CandidateImports);
        Assert.Equal(200, electronics.CandidateFarImports);
        Assert.Equal(80, electronics.ImportDependencePct);
        Assert.Equal(50, electronics.MovedNear);                    // 25% of 200
        Assert.Equal(60, electronics.ImportDependenceAfterPct);     // (200 − 50) ÷ 250
        FormulaAssert.Near(0.2, electronics.Jobs!.Value, 1e-12, "50 × 1,000 ÷ 10⁶ × 4");
        FormulaAssert.Near(0.5, electronics.Co2eTonnesSaved!.Value, 1e-12, "50 × 1,000 ÷ 10⁶ × 10");
        Assert.Equal(-0.5, electronics.Suitability);

        var health = r.Ecosystems.Single(e => e.Ecosystem == "Health");
        Assert.Equal((1, 1, 0), (health.Products, health.EuDependent, health.Candidates));
        Assert.Equal(["MEDVIA"], health.Clusters);
        Assert.Equal(0, health.MovedNear);
        Assert.Equal(0, health.Jobs);                               // nothing to move: 0, not unknown

        Assert.Equal((3, 2, 1), (r.Total.Products, r.Total.EuDependent, r.Total.Candidates));
        Assert.Equal(50, r.Total.MovedNear);
        FormulaAssert.Near(0.2, r.Total.Jobs!.Value, 1e-12, "total jobs");
        Assert.True(r.Products.Single(p => p.Hs6 == "111111").Candidate);
        Assert.False(r.Products.Single(p => p.Hs6 == "222222").NetImporter);

        // Without parameters jobs are unknown where something moves.
        var unknown = s.Screen(2022, 25, 1000, hs => eco.GetValueOrDefault(hs), clusters, new Dictionary<string, EcosystemParameters>());
        Assert.Null(unknown.Ecosystems.Single(e => e.Ecosystem == "Electronics").Jobs);
        Assert.Null(unknown.Total.Jobs);
    }
}
