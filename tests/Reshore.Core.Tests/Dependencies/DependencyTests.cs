using System.Globalization;
using Reshore.Core.Dependencies;
using Reshore.Core.Domain;
using Reshore.Core.MarketData;
using Reshore.Core.Values;

namespace Reshore.Core.Tests.Dependencies;

/// <summary>Trade-data dependency indicators and multi-tier BOM exposure against hand calculations.</summary>
public sealed class DependencyTests
{
    private static TradeDependencyScreener Screener(params string[] group) =>
        new(new HashSet<string>(group), new DependencyThresholds());

    [Fact]
    public void Indicators_match_the_hand_calculation()
    {
        var s = Screener("BEL", "DEU");
        s.Add(new TradeFlow(2023, "CHN", "BEL", "010110", 60));
        s.Add(new TradeFlow(2023, "USA", "BEL", "010110", 20));
        s.Add(new TradeFlow(2023, "CHN", "DEU", "010110", 20));
        s.Add(new TradeFlow(2023, "DEU", "BEL", "010110", 50));
        s.Add(new TradeFlow(2023, "BEL", "USA", "010110", 40));
        s.Add(new TradeFlow(2023, "USA", "JPN", "010110", 999));   // between outsiders: ignored
        var p = s.Results(2023).Single();
        // M_out = 100 (CHN 80, USA 20): HHI = 0.8² + 0.2² = 0.68; M_in = 50: extra share = 100/150; X_out = 40: ratio 2.5.
        Assert.Equal(0.68, p.Hhi, 12);
        Assert.Equal(100.0 / 150, p.ExtraShare, 12);
        Assert.Equal(2.5, p.ImportExportRatio, 12);
        Assert.True(p.Dependent);
        Assert.Equal("CHN", p.TopSource);
        Assert.Equal(0.8, p.TopSourceShare, 12);
        Assert.Equal(100, p.ImportValue, 12);
    }

    [Fact]
    public void No_exports_outside_the_group_count_as_a_ratio_above_one()
    {
        var s = Screener("BEL", "DEU");
        s.Add(new TradeFlow(2023, "CHN", "BEL", "280461", 90));
        s.Add(new TradeFlow(2023, "DEU", "BEL", "280461", 10));
        var p = s.Results(2023).Single();
        Assert.True(double.IsPositiveInfinity(p.ImportExportRatio));
        Assert.Equal(1, p.Hhi, 12);
        Assert.True(p.Dependent);
    }

    [Fact]
    public void A_group_of_one_country_treats_its_neighbours_as_outside()
    {
        var s = Screener("BEL");
        s.Add(new TradeFlow(2023, "DEU", "BEL", "850760", 30));
        s.Add(new TradeFlow(2023, "CHN", "BEL", "850760", 70));
        s.Add(new TradeFlow(2023, "BEL", "DEU", "850760", 200));
        var p = s.Results(2023).Single();
        // M_out = 100 (DEU 0.3, CHN 0.7): HHI 0.58; M_in = 0: extra share 1; X_out = 200: ratio 0.5 → not dependent (the EU neighbour buys more than Belgium imports).
        Assert.Equal(0.58, p.Hhi, 12);
        Assert.Equal(1, p.ExtraShare, 12);
        Assert.Equal(0.5, p.ImportExportRatio, 12);
        Assert.False(p.Dependent);
    }

    [Fact]
    public void Each_threshold_must_be_passed()
    {
        var s = Screener("BEL", "DEU");
        // Diverse sources: HHI 0.25 (four sources of 25%).
        foreach (var src in new[] { "CHN", "USA", "JPN", "KOR" }) s.Add(new TradeFlow(2023, src, "BEL", "100000", 25));
        // Mostly intra-EU: extra share 0.2.
        s.Add(new TradeFlow(2023, "CHN", "BEL", "200000", 20));
        s.Add(new TradeFlow(2023, "DEU", "BEL", "200000", 80));
        var results = s.Results(2023).ToDictionary(r => r.Hs6);
        Assert.Equal(0.25, results["100000"].Hhi, 12);
        Assert.False(results["100000"].Dependent);
        Assert.Equal(0.2, results["200000"].ExtraShare, 12);
        Assert.False(results["200000"].Dependent);
    }

    private static ReshoringCase BomCase(string? threshold = null) => new()
    {
        Name = "bom", BaseYear = 2027, HorizonYears = 1, DiscountRatePct = 8,
        Dependencies = threshold is null ? null : new DependencySettings { StillDependentThresholdPct = double.Parse(threshold, CultureInfo.InvariantCulture), HighRiskCountries = [CountryCode.Parse("CN")] },
        Items =
        [
            new Item
            {
                Id = "motor", AnnualVolumeUnits = 1000, UnitWeightKg = 1,
                BillOfMaterials =
                [
                    new BomComponent { Id = "A", Name = "Rotor assembly", UnitValue = new Money(6, CurrencyCode.Eur), Country = CountryCode.Parse("CN"), Tier = 1 },
                    new BomComponent { Id = "B", Name = "Magnet set", Parent = "A", Quantity = 2, UnitValue = new Money(2, CurrencyCode.Eur), Country = CountryCode.Parse("JP"), Tier = 2,
                        AlternativeSources = [new AlternativeSource { Country = CountryCode.Parse("DE") }] },
                    new BomComponent { Id = "C", Name = "Magnet powder", Parent = "B", Quantity = 2, UnitValue = new Money(0.5, CurrencyCode.Eur), Country = CountryCode.Parse("CN"), Tier = 3, RawMaterials = ["Neodymium", "Dysprosium"] },
                ],
                Options =
                [
                    new SourcingOption { Id = "be", Governance = GovernanceModel.StatusQuo, Country = CountryCode.Parse("BE"), Production = new ProductionInputs { MaterialCostPerUnit = new Money(10, CurrencyCode.Eur) } },
                    new SourcingOption { Id = "be-de", Governance = GovernanceModel.InHouseReshoring, Country = CountryCode.Parse("BE"), Production = new ProductionInputs { MaterialCostPerUnit = new Money(10, CurrencyCode.Eur) },
                        ComponentOrigins = new Dictionary<string, CountryCode> { ["A"] = CountryCode.Parse("DE") } },
                ],
            },
        ],
    };

    [Fact]
    public void Three_tier_exposure_matches_the_hand_calculation()
    {
        var market = TestMarket.Create() with { CriticalRawMaterials = [new CriticalRawMaterial("Light rare earth elements (LREE)", 2023, "partly", null, "test"), new CriticalRawMaterial("Heavy rare earth elements (HREE)", 2023, "partly", null, "test")] };
        var exposure = new BomExposureAnalyzer().Analyze(BomCase(), market, CultureInfo.GetCultureInfo("en")).Single().Options;
        var be = exposure.Single(o => o.OptionId == "be");
        // Per motor: C = 0.5 × 2 × 2 = 2 (CN); B = 2 × 2 = 4, value added 4 − 2 = 2 (JP); A = 6, value added 6 − 4 = 2 (CN);
        // own production 10 − 6 = 4 (BE). Total 10: CN 0.4, BE 0.4, JP 0.2; HHI 0.16 + 0.16 + 0.04 = 0.36; non-EU 0.6.
        Assert.Equal(10, be.ItemValuePerUnit, 12);
        Assert.Equal(0.36, be.Hhi, 12);
        Assert.Equal(0.6, be.NonEuShare, 12);
        Assert.Equal("BE", be.TopCountry.Value);   // tie with CN at 40%, broken by country code
        Assert.Equal(0.4, be.TopCountryShare, 12);
        Assert.Contains(be.Warnings, w => w.StartsWith("Still dependent: 40% of the item's value comes from CN", StringComparison.Ordinal));
        Assert.Equal(new[] { "A", "C" }, be.SingleSourceComponents.Select(s => s.ComponentId));
        Assert.Equal(new[] { "Neodymium", "Dysprosium" }, be.CriticalRawMaterials.Select(m => m.Material));
        Assert.All(be.CriticalRawMaterials, m => Assert.True(m.Critical2023));
        // Moving the rotor assembly to Germany takes CN down to the powder: 2 of 10.
        var moved = exposure.Single(o => o.OptionId == "be-de");
        Assert.Equal(0.2, moved.Countries.Single(c => c.Country.Value == "CN").Share, 12);
        Assert.Equal(0.2, moved.Countries.Single(c => c.Country.Value == "DE").Share, 12);
        Assert.DoesNotContain(moved.Warnings, w => w.StartsWith("Still dependent", StringComparison.Ordinal));
    }

    [Fact]
    public void High_risk_share_and_threshold_follow_the_settings()
    {
        var be = new BomExposureAnalyzer().Analyze(BomCase("45"), TestMarket.Create(), CultureInfo.GetCultureInfo("en")).Single().Options.Single(o => o.OptionId == "be");
        Assert.Equal(0.4, be.HighRiskShare, 12);
        Assert.DoesNotContain(be.Warnings, w => w.StartsWith("Still dependent", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Cobalt", "Cobalt")]
    [InlineData("aluminium", "Bauxite/Alumina/Aluminium")]
    [InlineData("Neodymium", "Light rare earth elements (LREE)")]
    [InlineData("Palladium", "Platinum group metals (PGM)")]
    [InlineData("Nickel", "Nickel - battery grade")]
    public void Raw_materials_match_the_eu_list(string material, string listedAs)
    {
        var lists = new[]
        {
            new CriticalRawMaterial("Cobalt", 2023, "yes", null, "t"), new CriticalRawMaterial("Bauxite/Alumina/Aluminium", 2023, "yes", null, "t"),
            new CriticalRawMaterial("Light rare earth elements (LREE)", 2023, "partly", null, "t"), new CriticalRawMaterial("Platinum group metals (PGM)", 2023, "yes", null, "t"),
            new CriticalRawMaterial("Nickel - battery grade", 2023, "yes", null, "t"), new CriticalRawMaterial("Cobalt", 2020, "n/a", null, "t"),
        };
        Assert.Equal(listedAs, CriticalRawMaterials.Hit(material, "x", lists)!.ListedAs);
        Assert.Null(CriticalRawMaterials.Hit("Iron", "x", lists));
    }

    [Theory]
    [InlineData("Boron")]
    [InlineData("borate")]
    public void Boron_matches_both_the_2023_name_and_the_2020_name_borate(string material)
    {
        var lists = new[] { new CriticalRawMaterial("Boron", 2023, "yes", null, "t"), new CriticalRawMaterial("Borate", 2020, "n/a", null, "t") };
        var hit = CriticalRawMaterials.Hit(material, "x", lists)!;
        Assert.True(hit.Critical2023);
        Assert.True(hit.Critical2020);
        Assert.Equal("Boron", hit.ListedAs);
    }

    [Fact]
    public void Rare_earths_match_light_and_heavy_rare_earths()
    {
        var lists = new[] { new CriticalRawMaterial("Light rare earth elements (LREE)", 2023, "partly", null, "t"), new CriticalRawMaterial("Heavy rare earth elements (HREE)", 2023, "partly", null, "t") };
        Assert.Equal(2, CriticalRawMaterials.Match("rare earths", lists).Count);
        Assert.Single(CriticalRawMaterials.Match("Dysprosium", lists));
    }
}
