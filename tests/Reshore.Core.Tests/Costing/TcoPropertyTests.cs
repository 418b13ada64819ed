using System.Globalization;
using CsCheck;
using Reshore.Core.Costing;
using Reshore.Core.Domain;
using Reshore.Core.Values;

namespace Reshore.Core.Tests.Costing;

/// <summary>Properties of the TCO engine over random inputs: monotone in wages and freight, scale-invariant, per unit × volume = per year.</summary>
public sealed class TcoPropertyTests
{
    private static readonly CultureInfo En = CultureInfo.GetCultureInfo("en");
    private static readonly CurrencyCode Eur = CurrencyCode.Eur;

    /// <summary>A rich own-plant option in CN and a supplier in VN, every money input multiplied by <paramref name="k"/>.</summary>
    private static ReshoringCase Case(double wage, double freightRate, double volume, double k = 1)
    {
        Money M(double amount) => new(amount * k, Eur);
        var legs = new[] { new TransportLeg { Mode = TransportMode.Sea, DistanceKm = 18_000, TransitDays = 32, Rate = M(freightRate), RateUnit = RateUnit.PerFeu, UnitsPerLoad = 5_000 } };
        var plant = new SourcingOption
        {
            Id = "cn-plant", Governance = GovernanceModel.StatusQuo, Country = CountryCode.Parse("CN"),
            Production = new ProductionInputs
            {
                LabourHoursPerUnit = 0.2, LabourCostPerHour = M(wage), LearningRatePct = 5, MaterialCostPerUnit = M(3), EnergyKwhPerUnit = 1.5,
                ElectricityPricePerKwh = M(0.1), OverheadPct = 20, OverheadPerYear = M(50_000), PackagingPerUnit = M(0.1), ToolingPerYear = M(10_000),
                ProductionLeadTimeDays = 20, OrderProcessingDays = 5,
            },
            Logistics = new LogisticsInputs { ShipmentsPerYear = 12, Legs = legs, HandlingPerShipment = M(400), InsuranceRatePct = 0.3 },
            Trade = new TradeInputs { DutyRatePct = 4, BrokeragePerShipment = M(90), ExtraDutyPerTonne = M(10) },
            Inventory = new InventoryInputs { LeadTimeStdDevDays = 5, ObsolescenceRatePct = 5 },
            Quality = new QualityInputs { DefectRatePct = 1, WarrantyReturnRatePct = 0.5, CostPerReturn = M(8), QualityAssurancePerYear = M(20_000) },
            Management = new ManagementInputs { TravelTripsPerYear = 3, CostPerTrip = M(4000), CoordinationPerYear = M(40_000), ComplianceDueDiligencePerYear = M(8000), EngineeringChangesPerYear = 2, DelayCostPerChangeWeek = M(1000) },
            Risk = new RiskInputs { Disruption = new DisruptionInputs { EventsPerYear = 0.2, DurationWeeks = 6 }, TradePolicy = new TradePolicyRiskInputs { AnnualProbabilityPct = 10, ExtraTariffPct = 10 }, CurrencyRiskPct = 2, IpLoss = new IpLossInputs { AnnualProbabilityPct = 2, Loss = M(100_000) } },
            Strategic = new StrategicInputs { InnovationDistancePct = 2 },
            OtherCosts = [new OtherCost { Name = "licence", PerYear = M(5000) }],
            Transition = new TransitionInputs { OneOffCosts = [new OneOffCost { Type = OneOffCostType.CapexMachines, Amount = M(200_000), DepreciationYears = 8 }] },
        };
        var supplier = plant with
        {
            Id = "vn-supplier", Governance = GovernanceModel.OutsourcedReshoring, Country = CountryCode.Parse("VN"),
            Production = new ProductionInputs { UnitPrice = M(9), PriceLabourSharePct = 25, PackagingPerUnit = M(0.1), ProductionLeadTimeDays = 25 },
            Inventory = new InventoryInputs { PaymentTermsDays = 30, PrepaymentPct = 30, PrepaymentDaysBeforeReceipt = 60, ObsolescenceRatePct = 5 },
            Transition = null,
        };
        return new ReshoringCase
        {
            Name = "properties", BaseYear = 2027, HorizonYears = 4, DiscountRatePct = 8,
            Assumptions = new Assumptions { InternalCarbonPricePerTonne = 80 * k, FreightIndexGrowthPct = 3, InflationPct = 2 },
            Items =
            [
                new Item
                {
                    Id = "part", AnnualVolumeUnits = volume, DemandGrowthPct = 3, UnitWeightKg = 1.2, UnitVolumeM3 = 0.004,
                    SellingPricePerUnit = 40 * k, MarginPct = 30, SalvageValuePerUnit = 2 * k, DemandVolatilityPct = 40, ServiceLevelPct = 95, InventoryCarryingRatePct = 18,
                    Options = [plant, supplier],
                },
            ],
        };
    }

    private static IReadOnlyList<OptionEvaluation> Evaluate(ReshoringCase c) =>
        new CaseEvaluator().Evaluate(c, TestMarket.Create(), En).Items.Single().Options;

    [Fact]
    public void Per_unit_times_volume_is_per_year_for_every_line_and_year()
    {
        Gen.Select(Gen.Double[5, 60], Gen.Double[500, 8000], Gen.Double[1_000, 2_000_000]).Sample((wage, rate, volume) =>
        {
            foreach (var option in Evaluate(Case(wage, rate, volume)))
                foreach (var year in option.YearResults)
                    foreach (var line in year.Lines)
                        Assert.True(Math.Abs(line.PerUnit * year.Volume - line.PerYear) <= 1e-9 * Math.Max(1, Math.Abs(line.PerYear)),
                            $"{option.Id} year {year.Year} {line.Factor}: {line.PerUnit} × {year.Volume} ≠ {line.PerYear}");
        }, iter: 40);
    }

    [Fact]
    public void Tco_does_not_fall_when_wages_rise()
    {
        Gen.Select(Gen.Double[2, 60], Gen.Double[0.01, 20], Gen.Double[1_000, 1_000_000]).Sample((wage, increase, volume) =>
        {
            var low = Evaluate(Case(wage, 2000, volume)).Single(o => o.Id == "cn-plant");
            var high = Evaluate(Case(wage + increase, 2000, volume)).Single(o => o.Id == "cn-plant");
            Assert.True(high.TcoPerUnit >= low.TcoPerUnit - 1e-12, $"wage {wage} → {wage + increase}: TCO {low.TcoPerUnit} → {high.TcoPerUnit}");
            Assert.True(high.PvCost >= low.PvCost - 1e-6, $"wage {wage} → {wage + increase}: PV {low.PvCost} → {high.PvCost}");
        }, iter: 40);
    }

    [Fact]
    public void Tco_does_not_fall_when_freight_rates_rise()
    {
        Gen.Select(Gen.Double[100, 8000], Gen.Double[1, 5000], Gen.Double[1_000, 1_000_000]).Sample((rate, increase, volume) =>
        {
            var low = Evaluate(Case(20, rate, volume));
            var high = Evaluate(Case(20, rate + increase, volume));
            foreach (var (l, h) in low.Zip(high))
                Assert.True(h.TcoPerUnit >= l.TcoPerUnit - 1e-12, $"{l.Id}: freight {rate} → {rate + increase}: TCO {l.TcoPerUnit} → {h.TcoPerUnit}");
        }, iter: 40);
    }

    [Fact]
    public void Scaling_every_money_input_scales_tco_and_present_value()
    {
        // Reference defaults (fx, ETS) are not scaled, so the case avoids them: all money is EUR and given in the case.
        Gen.Select(Gen.Double[0.01, 100], Gen.Double[5, 50], Gen.Double[1_000, 500_000]).Sample((k, wage, volume) =>
        {
            var baseline = Evaluate(Case(wage, 2500, volume));
            var scaled = Evaluate(Case(wage, 2500, volume, k));
            foreach (var (b, s) in baseline.Zip(scaled))
            {
                Assert.True(Math.Abs(s.TcoPerUnit - k * b.TcoPerUnit) <= 1e-9 * Math.Abs(k * b.TcoPerUnit), $"{b.Id} k={k}: {s.TcoPerUnit} vs {k * b.TcoPerUnit}");
                Assert.True(Math.Abs(s.PvCost - k * b.PvCost) <= 1e-9 * Math.Abs(k * b.PvCost), $"{b.Id} k={k}: PV {s.PvCost} vs {k * b.PvCost}");
            }
        }, iter: 40);
    }

    [Fact]
    public void Tco_per_year_is_the_sum_of_its_lines_and_the_richest_option_assesses_over_thirty_factors()
    {
        var options = Evaluate(Case(20, 2500, 100_000));
        foreach (var o in options)
            Assert.Equal(o.Lines.Sum(l => l.PerYear), o.TcoPerYear, 6);
        var assessed = options.SelectMany(o => o.Lines).Where(l => l.Assessed).Select(l => l.Factor).Distinct().Count();
        Assert.True(assessed >= 30, $"only {assessed} distinct factors assessed");
    }
}
