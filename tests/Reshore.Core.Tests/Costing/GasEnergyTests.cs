using System.Globalization;
using Reshore.Core.Costing;
using Reshore.Core.Costing.Formulas;
using Reshore.Core.Domain;
using Reshore.Core.MarketData;
using Reshore.Core.Values;

namespace Reshore.Core.Tests.Costing;

/// <summary>
/// Natural gas in an own plant: the band price (Eurostat nrg_pc_203 bands I1…I6) is added to the energy line and the
/// combustion CO2 (IPCC 2006 default, on a gross-calorific-value basis) to production emissions. Worked by hand.
/// </summary>
public sealed class GasEnergyTests
{
    private static readonly CultureInfo En = CultureInfo.GetCultureInfo("en");

    /// <summary>The test market with Belgian gas bands I1 = 0.08, I3 = 0.05 EUR/kWh (I2 not published).</summary>
    private static MarketSnapshot Market()
    {
        var m = TestMarket.Create();
        var be = m.Countries[CountryCode.Parse("BE")] with
        {
            GasBands = [new EnergyBandPrice("I1", new SourcedValue(0.08, "test gas I1", 2024)), new EnergyBandPrice("I3", new SourcedValue(0.05, "test gas I3", 2024))],
        };
        return m with { Countries = new Dictionary<CountryCode, CountryProfile>(m.Countries) { [be.Code] = be } };
    }

    private static OptionEvaluation Evaluate(ProductionInputs production, MarketSnapshot market, double volume = 1000, Assumptions? assumptions = null)
    {
        var option = new SourcingOption { Id = "be", Country = CountryCode.Parse("BE"), SupplyType = SupplyType.OwnPlant, Governance = GovernanceModel.StatusQuo, Production = production };
        var c = new ReshoringCase
        {
            Name = "gas", BaseYear = 2027, HorizonYears = 1, DiscountRatePct = 5, Assumptions = assumptions,
            Items = [new Item { Id = "item", AnnualVolumeUnits = volume, UnitWeightKg = 1, HsCode = "7308 90", Options = [option] }],
        };
        return new CaseEvaluator().Evaluate(c, market, En).Items.Single().Options.Single();
    }

    private static CostLine Line(OptionEvaluation o, string factor) => o.YearResults[0].Lines.Single(l => l.Factor == factor);

    [Fact]
    public void Gas_use_adds_the_band_price_and_its_combustion_co2()
    {
        // Case prices: electricity 0.10 and gas 0.05 EUR/kWh (BE grid 140 g/kWh in the test market).
        var given = Evaluate(new ProductionInputs { EnergyKwhPerUnit = 2, ElectricityPricePerKwh = new Money(0.10, CurrencyCode.Eur), GasKwhPerUnit = 5, GasPricePerKwh = new Money(0.05, CurrencyCode.Eur) }, Market());
        // E = 2 × 0.10 + 5 × 0.05 = 0.20 + 0.25 = 0.45 EUR/unit.
        Assert.Equal(0.45, Line(given, "energy").PerUnit, 12);
        // CO2: 2 kWh × 140 g ÷ 1000 = 0.28 kg + 5 kWh × 56,100 kg/TJ ÷ 277,777.8 kWh/TJ × 0.9 = 5 × 0.181764 = 0.908820 kg → 1.188820.
        Assert.Equal(0.181764, CarbonFormulas.NaturalGasKgCo2PerKwhGcv, 6);
        Assert.Equal(0.28 + 5 * 0.181764, given.ProductionCo2eKgPerUnit, 5);
        Assert.True(given.ProductionCo2eAssessed);
    }

    [Fact]
    public void Gas_without_a_case_price_takes_the_price_of_its_consumption_band()
    {
        // Gas only (no electricity): 5 kWh × 1,000 = 5 MWh = 18 GJ/yr → I1 = 0.08 → 0.40 EUR/unit.
        var small = Evaluate(new ProductionInputs { GasKwhPerUnit = 5 }, Market());
        Assert.Equal(0.40, Line(small, "energy").PerUnit, 12);
        Assert.Contains(Line(small, "energy").Inputs, i => i.Source.Contains("band I1", StringComparison.Ordinal));
        // 5 kWh × 2,000,000 = 10,000 MWh = 36,000 GJ/yr → band I3 = 0.05 → 0.25 EUR/unit.
        var large = Evaluate(new ProductionInputs { GasKwhPerUnit = 5 }, Market(), volume: 2_000_000);
        Assert.Equal(0.25, Line(large, "energy").PerUnit, 12);
        // Gas alone is enough for production CO2e (no grid needed): 5 × 0.181764 kg.
        Assert.Equal(5 * 0.181764, large.ProductionCo2eKgPerUnit, 5);
    }

    [Fact]
    public void Gas_without_any_price_leaves_energy_not_assessed()
    {
        var o = Evaluate(new ProductionInputs { EnergyKwhPerUnit = 1, GasKwhPerUnit = 5 }, TestMarket.Create());
        Assert.Contains("energy", o.NotAssessed);
        Assert.Contains("production.gasPricePerKwh", Line(o, "energy").Note);
    }

    [Theory]
    [InlineData(1, "I1")]          // 3.6 GJ
    [InlineData(277.7, "I1")]      // 999.7 GJ
    [InlineData(278, "I2")]        // 1,000.8 GJ
    [InlineData(30_000, "I4")]     // 108,000 GJ
    [InlineData(1_200_000, "I6")]  // 4,320,000 GJ
    public void Gas_bands_follow_eurostat_limits_in_gigajoules(double annualMwh, string band)
    {
        var bands = new[] { "I1", "I2", "I3", "I4", "I5", "I6" }.Select((b, i) => new EnergyBandPrice(b, new SourcedValue(0.01 * (i + 1), b, 2024))).ToList();
        var country = TestMarket.Create().Countries[CountryCode.Parse("BE")] with { GasBands = bands };
        Assert.Contains($"band {band} (", country.GasFor(annualMwh)!.Source);
    }
}
