using System.Globalization;
using Reshore.Core.Costing;
using Reshore.Core.Costing.Formulas;
using Reshore.Core.Domain;
using Reshore.Core.Scorecard;
using Reshore.Core.Validation;
using Reshore.Core.Values;

namespace Reshore.Core.Tests.Costing;

/// <summary>
/// The corrections of the engine after an independent re-implementation (issue 12): each test states the rule and a value
/// worked by hand on the fixed <see cref="TestMarket"/> (USD 0.9 EUR, CNY 0.125 EUR; CN grid 580 g/kWh).
/// </summary>
public sealed class ModelCorrectionTests
{
    private static readonly CultureInfo En = CultureInfo.GetCultureInfo("en");
    private static readonly CurrencyCode Eur = CurrencyCode.Eur;
    private static readonly CurrencyCode Usd = CurrencyCode.Parse("USD");

    private static ReshoringCase Case(IReadOnlyList<SourcingOption> options, Assumptions? assumptions = null, int horizon = 3, Action<Item>? _ = null,
        double volume = 1000, double weightKg = 10, double? unitVolumeM3 = null, string hs = "7308 90", double discountPct = 5) => new()
    {
        Name = "corrections", BaseYear = 2027, HorizonYears = horizon, DiscountRatePct = discountPct, Assumptions = assumptions,
        Items = [new Item { Id = "item", AnnualVolumeUnits = volume, UnitWeightKg = weightKg, UnitVolumeM3 = unitVolumeM3, HsCode = hs, Options = options }],
    };

    private static ItemEvaluation EvaluateItem(ReshoringCase c) => new CaseEvaluator().Evaluate(c, TestMarket.Create(), En).Items.Single();

    private static CostLine Line(OptionEvaluation o, string factor, int year = 1) => o.YearResults[year - 1].Lines.Single(l => l.Factor == factor);

    private static SourcingOption StatusQuo(SourcingOption o) => o with { Governance = GovernanceModel.StatusQuo };

    // ---------------------------------------------------------------- 1. currency exposure counts the whole line

    [Fact]
    public void Currency_exposure_counts_materials_and_packaging_with_their_inflation()
    {
        var plant = StatusQuo(new SourcingOption
        {
            Id = "cn", Country = CountryCode.Parse("CN"), SupplyType = SupplyType.OwnPlant,
            Production = new ProductionInputs { MaterialCostPerUnit = new Money(10, Usd), PackagingPerUnit = new Money(1, Usd) },
            Risk = new RiskInputs { CurrencyRiskPct = 10 },
        });
        var o = EvaluateItem(Case([plant], new Assumptions { InflationPct = 10 })).Options.Single();
        // Year 2: materials 10 USD × 0.9 × 1.1 = 9.9; packaging 1 × 0.9 × 1.1 = 0.99; exposure 10.89; currency line 10% = 1.089.
        Assert.Equal(9.9, Line(o, "materials", 2).PerUnit, 12);
        Assert.Equal(1.089, Line(o, "currency", 2).PerUnit, 12);
        // Year 1 (index 1): 0.1 × (9 + 0.9) = 0.99.
        Assert.Equal(0.99, Line(o, "currency").PerUnit, 12);
    }

    // ---------------------------------------------------------------- 3. a money field with a range

    [Fact]
    public void A_labour_cost_per_hour_in_the_case_is_checked_and_used()
    {
        var plant = StatusQuo(new SourcingOption
        {
            Id = "be", Country = CountryCode.Parse("BE"), SupplyType = SupplyType.OwnPlant,
            Production = new ProductionInputs { LabourHoursPerUnit = 0.5, LabourCostPerHour = new Money(40, Eur) },
        });
        var c = Case([plant]);
        Assert.Empty(CaseValidator.Validate(c, TestMarket.Create()));
        // 0.5 h × 40 EUR/h (hours measured at the site, relative productivity 1) = 20 EUR/unit in year 1.
        Assert.Equal(20, Line(EvaluateItem(c).Options.Single(), "labour").PerUnit, 12);

        var tooHigh = Case([plant with { Production = plant.Production! with { LabourCostPerHour = new Money(20_000, Eur) } }]);
        var error = Assert.Single(CaseValidator.Validate(tooHigh, TestMarket.Create()));
        Assert.Equal("$.items[0].options[0].production.labourCostPerHour", error.Path);
        Assert.Contains("out of range", error.Message);
    }

    // ---------------------------------------------------------------- 5. user lines with the same name

    [Fact]
    public void Two_user_lines_with_one_name_in_an_option_are_refused_at_the_second()
    {
        var o = StatusQuo(new SourcingOption
        {
            Id = "be", Country = CountryCode.Parse("BE"), Production = new ProductionInputs { UnitPrice = new Money(10, Eur) },
            OtherCosts = [new OtherCost { Name = "Extra QA", PerUnit = new Money(1, Eur) }, new OtherCost { Name = "extra  qa", PerYear = new Money(500, Eur) }],
        });
        var error = Assert.Single(CaseValidator.Validate(Case([o]), TestMarket.Create()));
        Assert.Equal("$.items[0].options[0].otherCosts[1].name", error.Path);
        Assert.Contains("otherCosts[0]", error.Message);
    }

    // ---------------------------------------------------------------- 11. payback on cash, and lost again

    [Fact]
    public void Payback_statuses_follow_the_cumulative_saving_to_the_horizon()
    {
        Assert.Equal(new PaybackResult(PaybackStatus.Immediate, 0, 0, null), FinanceFormulas.Payback([0, 5, 5]));
        // −1,000, −700, −300, +200: pays back at 2 + 300 ÷ 500 = 2.6 and holds.
        var paid = FinanceFormulas.Payback([-1000, 300, 400, 500]);
        Assert.Equal(PaybackStatus.PaysBack, paid.Status);
        Assert.Equal(2.6, paid.Years!.Value, 12);
        // 10, −10, 20: the payback is the last crossing, 1 + 10 ÷ 30; the first time at or above zero is 0.
        var dip = FinanceFormulas.Payback([10, -20, 30]);
        Assert.Equal(1 + 10.0 / 30, dip.Years!.Value, 12);
        Assert.Equal(0, dip.FirstRecoveryYears);
        // −100, 50, −50, −10 → S = −100, −50, −100, −110: never back.
        Assert.Equal(PaybackStatus.NotWithinHorizon, FinanceFormulas.Payback([-100, 50, -50, -10]).Status);
        // 0, 10, −30: saves in year 1, loses from year 2.
        var lost = FinanceFormulas.Payback([0, 10, -30]);
        Assert.Equal(PaybackStatus.LostAgain, lost.Status);
        Assert.Equal(2, lost.LossFromYear);
        Assert.Null(lost.Years);
    }

    [Fact]
    public void The_book_value_at_the_horizon_is_in_the_present_value_but_not_in_the_payback()
    {
        // Status quo: a supplier at 10 EUR. Alternative: an own plant at 6 EUR materials with a 10,000 EUR machine depreciated over
        // 10 years. Horizon 2 years, 1,000 units: yearly cash saving (10 − 6) × 1,000 = 4,000; cumulative −10,000, −6,000, −2,000:
        // no payback. The book value at year 2 is 10,000 × 8 ÷ 10 = 8,000: counted before, it made a "payback" of 1.5 years.
        var sq = StatusQuo(new SourcingOption { Id = "s", Country = CountryCode.Parse("BE"), Production = new ProductionInputs { UnitPrice = new Money(10, Eur) } });
        var plant = new SourcingOption
        {
            Id = "p", Country = CountryCode.Parse("BE"), Governance = GovernanceModel.InHouseReshoring, SupplyType = SupplyType.OwnPlant,
            Production = new ProductionInputs { MaterialCostPerUnit = new Money(6, Eur) },
            Transition = new TransitionInputs { OneOffCosts = [new OneOffCost { Type = OneOffCostType.CapexMachines, Amount = new Money(10_000, Eur), DepreciationYears = 10 }] },
        };
        var o = EvaluateItem(Case([sq, plant], horizon: 2, discountPct: 0)).Options.Single(x => x.Id == "p");
        Assert.Equal(PaybackStatus.NotWithinHorizon, o.Payback!.Status);
        Assert.Null(o.PaybackYears);
        Assert.Equal(-2_000, o.Years[2].CumulativeSavingVsStatusQuo, 9);
        // NPV at 0%: status quo 20,000; plant 10,000 + 6,000 + 6,000 − 8,000 = 14,000 → saving 6,000 (the book value counts here).
        Assert.Equal(6_000, o.NpvSavingVsStatusQuo, 9);
        Assert.Equal(8_000, o.Years[2].ResidualValue, 9);
    }

    // ---------------------------------------------------------------- 12. full and part loads

    [Fact]
    public void A_part_load_pays_a_full_load_unless_a_part_load_rate_is_given()
    {
        // The figures: 4,500 units per truck against a capacity of 21,093 at 2,299 EUR per FTL → 2,299 ÷ 4,500 = 0.5109.
        Assert.Equal(2299.0 / 4500, LogisticsFormulas.PerLoadByShipment(2299, 21_093, 4500, null), 12);
        // 50,000 units with 21,093 per load: 2 full loads and 7,814 units; as a part load at 0.05 EUR/unit = 390.7 < 2,299.
        Assert.Equal((2 * 2299 + 7814 * 0.05) / 50_000, LogisticsFormulas.PerLoadByShipment(2299, 21_093, 50_000, 0.05), 12);
        // A part load never costs more than a full load.
        Assert.Equal(2 * 2299.0 / 30_000, LogisticsFormulas.PerLoadByShipment(2299, 15_000, 30_000, 1.0), 12);
    }

    [Fact]
    public void Shipment_size_decides_the_loads_of_a_per_truck_leg()
    {
        SourcingOption Option(double? partRate) => StatusQuo(new SourcingOption
        {
            Id = "pl", Country = CountryCode.Parse("PL"), Production = new ProductionInputs { UnitPrice = new Money(10, Eur) },
            Logistics = new LogisticsInputs
            {
                ShipmentsPerYear = 10,
                Legs = [new TransportLeg { Mode = TransportMode.Road, TransitDays = 2, Rate = new Money(2000, Eur), RateUnit = RateUnit.PerFtl, UnitsPerLoad = 1000,
                    PartLoadRate = partRate is { } r ? new Money(r, Eur) : null, PartLoadRateUnit = partRate is null ? null : RateUnit.PerM3 }],
            },
        });
        // 5,000 units a year in 10 shipments: S = 500 units, half a truck each. Without a part-load rate: 2,000 ÷ 500 = 4 EUR/unit.
        var full = EvaluateItem(Case([Option(null)], volume: 5000, unitVolumeM3: 0.05)).Options.Single();
        Assert.Equal(4, Line(full, "mainFreight").PerUnit, 12);
        // With a groupage rate of 60 EUR/m³ and 0.05 m³ a unit: 500 × 0.05 × 60 = 1,500 per shipment → 3 EUR/unit.
        var part = EvaluateItem(Case([Option(60)], volume: 5000, unitVolumeM3: 0.05)).Options.Single();
        Assert.Equal(3, Line(part, "mainFreight").PerUnit, 12);
        // 20,000 a year: S = 2,000 = two full trucks, 2 EUR/unit whatever the part-load rate.
        Assert.Equal(2, Line(EvaluateItem(Case([Option(60)], volume: 20_000, unitVolumeM3: 0.05)).Options.Single(), "mainFreight").PerUnit, 12);
    }

    // ---------------------------------------------------------------- 13. the newsvendor's marginal cost

    [Fact]
    public void The_lead_time_mismatch_uses_the_marginal_cost_without_fixed_annual_amounts()
    {
        var o = StatusQuo(new SourcingOption
        {
            Id = "be", Country = CountryCode.Parse("BE"), Production = new ProductionInputs { UnitPrice = new Money(1.0, Eur), ProductionLeadTimeDays = 73 },
            Quality = new QualityInputs { QualityAssurancePerYear = new Money(300, Eur) },        // 0.3 EUR/unit at 1,000 units: fixed
            Management = new ManagementInputs { CoordinationPerYear = new Money(200, Eur) },       // 0.2 EUR/unit: fixed
        });
        var c = Case([o]);
        c = c with { Items = [c.Items[0] with { SellingPricePerUnit = 2.9, SalvageValuePerUnit = 0.4, DemandVolatilityPct = 50 }] };
        var line = Line(EvaluateItem(c).Options.Single(), "leadTimeMismatch");
        // c = 1.0 (the unit price; QA and coordination are fixed amounts), L = 73 ÷ 365 = 0.2 yr.
        Assert.Equal(LeadTimeValuation.MismatchCostPerUnit(2.9, 1.0, 0.4, 0.5, 0.2), line.PerUnit, 12);
        // By hand: κ = 1.9 ÷ 2.5 = 0.76, Φ⁻¹(0.76) = 0.706303, σ√L = 0.223607, Φ(0.482696) = 0.685352 → 1.9 − 2.5 × 0.685352 = 0.18662.
        Assert.Equal(0.18662, line.PerUnit, 4);
        Assert.Contains(line.Inputs, i => i.Name == "fixed amounts per unit left out of c" && Math.Abs(i.Value - 0.5) < 1e-12);
    }

    [Fact]
    public void A_salvage_value_above_the_marginal_cost_leaves_no_mismatch_cost()
    {
        var o = StatusQuo(new SourcingOption { Id = "be", Country = CountryCode.Parse("BE"), Production = new ProductionInputs { UnitPrice = new Money(1.0, Eur), ProductionLeadTimeDays = 30 } });
        var c = Case([o]);
        c = c with { Items = [c.Items[0] with { SellingPricePerUnit = 2.9, SalvageValuePerUnit = 1.2, DemandVolatilityPct = 50 }] };
        var line = Line(EvaluateItem(c).Options.Single(), "leadTimeMismatch");
        Assert.Equal(LineStatus.Assessed, line.Status);
        Assert.Equal(0, line.PerUnit);
    }

    // ---------------------------------------------------------------- 14. pipeline stock without duties

    [Fact]
    public void Pipeline_stock_is_valued_before_the_duties_paid_on_arrival()
    {
        var o = StatusQuo(new SourcingOption
        {
            Id = "cn", Country = CountryCode.Parse("CN"), Production = new ProductionInputs { UnitPrice = new Money(100, Eur) },
            Logistics = new LogisticsInputs { Legs = [new TransportLeg { Mode = TransportMode.Sea, TransitDays = 36.5, Rate = new Money(10, Eur), RateUnit = RateUnit.PerUnit }] },
            Trade = new TradeInputs { DutyRatePct = 10 },
        });
        var c = Case([o]);
        c = c with { Items = [c.Items[0] with { InventoryCarryingRatePct = 20 }] };
        var e = EvaluateItem(c).Options.Single();
        // Duty 10% × 110 = 11 (+ 20% AD on CN 7308 = 22) is paid on arrival; in transit the unit is worth 110:
        // 110 × 0.2 × 36.5 ÷ 365 = 2.2 EUR/unit.
        Assert.Equal(2.2, Line(e, "pipelineInventory").PerUnit, 12);
    }

    // ---------------------------------------------------------------- 15. priced legs stay priced

    [Fact]
    public void An_unpriced_leg_leaves_the_priced_legs_counted_and_the_line_incomplete()
    {
        var o = StatusQuo(new SourcingOption
        {
            Id = "cn", Country = CountryCode.Parse("CN"), Production = new ProductionInputs { UnitPrice = new Money(100, Eur) },
            Logistics = new LogisticsInputs
            {
                InsuranceRatePct = 1,
                Legs =
                [
                    new TransportLeg { Role = LegRole.PreCarriage, Mode = TransportMode.Road, TransitDays = 1, Rate = new Money(3, Eur), RateUnit = RateUnit.PerUnit },
                    new TransportLeg { Mode = TransportMode.Sea, TransitDays = 30, Rate = new Money(5, Eur), RateUnit = RateUnit.PerUnit },
                    new TransportLeg { Role = LegRole.OnCarriage, Mode = TransportMode.Road, TransitDays = 1 },
                ],
            },
        });
        var e = EvaluateItem(Case([o])).Options.Single();
        var inland = Line(e, "inlandTransport");
        Assert.Equal(LineStatus.Assessed, inland.Status);
        Assert.True(inland.Incomplete);
        Assert.Equal(3, inland.PerUnit, 12);
        Assert.Contains("logistics.legs[2].rate", inland.Note);
        Assert.Contains("inlandTransport", e.PartiallyAssessed);
        // The priced pre-carriage is freight to the border: insurance 1% × 1.1 × (100 + 5 + 3) = 1.188.
        Assert.Equal(1.188, Line(e, "cargoInsurance").PerUnit, 12);
        Assert.Equal(1, e.Coverage.Partial);
    }

    // ---------------------------------------------------------------- 17. CBAM and the internal carbon price

    [Fact]
    public void The_internal_carbon_price_on_production_is_net_of_the_cbam_paid_at_the_border()
    {
        SourcingOption Option(double embedded) => StatusQuo(new SourcingOption
        {
            Id = "cn", Country = CountryCode.Parse("CN"),
            Production = new ProductionInputs { UnitPrice = new Money(100, Eur), EnergyKwhPerUnit = 10, ProcessEmissionsKgPerUnit = 14.2 },
            Trade = new TradeInputs { Cbam = new CbamInputs { EmbeddedEmissionsTPerTonne = embedded, BenchmarkTPerTonne = 1.5 } },
        });
        var assumptions = new Assumptions { InternalCarbonPricePerTonne = 150 };
        // Production CO2e = 10 kWh × 580 g ÷ 1000 + 14.2 = 20 kg → 0.02 t × 150 = 3.0 EUR gross.
        // CBAM 2027 (10 kg unit, as in EngineRuleTests): 0.01 × (2.0 − 1.5 × 0.86) × 110 = 0.781 → net 3.0 − 0.781 = 2.219.
        var e = EvaluateItem(Case([Option(2.0)], assumptions)).Options.Single();
        Assert.Equal(0.781, Line(e, "cbam").PerUnit, 12);
        Assert.Equal(2.219, Line(e, "carbonProduction").PerUnit, 12);
        // When CBAM exceeds the internal charge, the internal line is zero, never negative: 0.01 × (5 − 1.29) × 110 = 4.081 > 3.
        Assert.Equal(0, Line(EvaluateItem(Case([Option(5.0)], assumptions)).Options.Single(), "carbonProduction").PerUnit, 12);
    }

    // ---------------------------------------------------------------- 18. missing is missing

    [Fact]
    public void Missing_lead_time_and_emissions_are_not_assessed_and_never_score_best()
    {
        var known = StatusQuo(new SourcingOption
        {
            Id = "known", Country = CountryCode.Parse("BE"),
            Production = new ProductionInputs { UnitPrice = new Money(10, Eur), ProductionLeadTimeDays = 10, EnergyKwhPerUnit = 1 },
            Management = new ManagementInputs { EngineeringChangesPerYear = 2, DelayCostPerChangeWeek = new Money(100, Eur) },
            Risk = new RiskInputs { Disruption = new DisruptionInputs { EventsPerYear = 0.1, DurationWeeks = 2, CostPerLostUnit = new Money(5, Eur) } },
        });
        var unknown = new SourcingOption
        {
            Id = "unknown", Country = CountryCode.Parse("BE"), Governance = GovernanceModel.OutsourcedReshoring,
            Production = new ProductionInputs { UnitPrice = new Money(10, Eur) },
            Management = new ManagementInputs { EngineeringChangesPerYear = 2, DelayCostPerChangeWeek = new Money(100, Eur) },
        };
        var c = Case([known, unknown]);
        c = c with { Items = [c.Items[0] with { SellingPricePerUnit = 20, SalvageValuePerUnit = 2, DemandVolatilityPct = 30, InventoryCarryingRatePct = 20, ServiceLevelPct = 95 }] };
        var item = EvaluateItem(c);
        var u = item.Options.Single(o => o.Id == "unknown");
        Assert.False(u.LeadTimeKnown);
        Assert.False(u.ProductionCo2eAssessed);
        foreach (var factor in new[] { "engineeringChange", "leadTimeMismatch", "safetyStock", "carbonProduction" })
            Assert.Contains(factor, u.NotAssessed);
        Assert.Contains("production.productionLeadTimeDays", Line(u, "engineeringChange").Note);
        Assert.Equal("unknown", OptionFacts.LeadTime(u, En));
        var scores = item.Scorecard!.Options.Single(o => o.OptionId == "unknown").Scores;
        foreach (var criterion in new[] { "delivery", "environment", "riskMitigation" })
            Assert.Equal(ScoreSource.Missing, scores.Single(s => s.Criterion == criterion).Source);
        // The known option still scores its delivery (10 days → 4) while the unknown one is missing.
        Assert.Equal(4, item.Scorecard.Options.Single(o => o.OptionId == "known").Scores.Single(s => s.Criterion == "delivery").Score);
        Assert.Contains("Coverage:", item.Explanation);
    }
}
