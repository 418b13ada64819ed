using System.Globalization;
using Reshore.Core.Costing;
using Reshore.Core.Domain;
using Reshore.Core.Values;

namespace Reshore.Core.Tests.Costing;

/// <summary>How the engine resolves inputs: trade regimes, CBAM by year, reference extra duties, projections and currency exposure.</summary>
public sealed class EngineRuleTests
{
    private static readonly CultureInfo En = CultureInfo.GetCultureInfo("en");
    private static readonly CurrencyCode Eur = CurrencyCode.Eur;

    private static ReshoringCase Case(SourcingOption option, Assumptions? assumptions = null, string hs = "7308 90", double growthPct = 0, int horizon = 3) => new()
    {
        Name = "rules", BaseYear = 2027, HorizonYears = horizon, DiscountRatePct = 5, Assumptions = assumptions,
        Items =
        [
            new Item
            {
                Id = "item", AnnualVolumeUnits = 1000, DemandGrowthPct = growthPct, UnitWeightKg = 10, HsCode = hs,
                Options = [option with { Governance = GovernanceModel.StatusQuo }],
            },
        ],
    };

    private static OptionEvaluation Evaluate(ReshoringCase c) =>
        new CaseEvaluator().Evaluate(c, TestMarket.Create(), En).Items.Single().Options.Single();

    private static CostLine Line(OptionEvaluation o, string factor, int year = 1) =>
        o.YearResults[year - 1].Lines.Single(l => l.Factor == factor);

    private static SourcingOption Supplier(string country, double price = 100) => new()
    {
        Id = "s", Country = CountryCode.Parse(country),
        Production = new ProductionInputs { UnitPrice = new Money(price, Eur) },
    };

    [Fact]
    public void Cbam_uses_the_interpolated_factor_and_ets_price_of_the_year()
    {
        var option = Supplier("CN") with { Trade = new TradeInputs { Cbam = new CbamInputs { EmbeddedEmissionsTPerTonne = 2.0, BenchmarkTPerTonne = 1.5 } } };
        var o = Evaluate(Case(option));
        // 2027: CBAM factor 97.5 + (51.5 − 97.5) × 1/4 = 86.0%; ETS 100 + (140 − 100) × 1/4 = 110 EUR/t.
        // q = 10 kg = 0.01 t; chargeable = 2.0 − 1.5 × 0.86 = 0.71 t/t; charge = 0.01 × 0.71 × 110 = 0.781.
        Assert.Equal(0.781, Line(o, "cbam").PerUnit, 12);
        // 2029: factor 97.5 − 46 × 3/4 = 63.0%; ETS 130; 0.01 × (2.0 − 0.945) × 130 = 1.3715.
        Assert.Equal(1.3715, Line(o, "cbam", 3).PerUnit, 12);
    }

    [Fact]
    public void Cbam_goods_without_emission_inputs_are_not_assessed_and_other_goods_not_applicable()
    {
        Assert.Equal(LineStatus.NotAssessed, Line(Evaluate(Case(Supplier("CN"))), "cbam").Status);
        Assert.Equal(LineStatus.NotApplicable, Line(Evaluate(Case(Supplier("CN"), hs: "8539 52 00")), "cbam").Status);
        Assert.Equal(LineStatus.NotApplicable, Line(Evaluate(Case(Supplier("PL"))), "cbam").Status);
    }

    [Fact]
    public void Reference_anti_dumping_duty_applies_by_origin_and_hs_code()
    {
        var o = Evaluate(Case(Supplier("CN")));
        // Customs value = price 100 (no freight, no insurance); AD duty 20% from the test tariff row for CN 7308.
        Assert.Equal(20.0, Line(o, "extraTariffs").PerUnit, 12);
        Assert.Equal(0.0, Line(o, "importDuty").PerUnit, 12);   // MFN 0% for 7308
        Assert.Equal(LineStatus.Assessed, Line(o, "importDuty").Status);
    }

    [Fact]
    public void A_free_trade_agreement_gives_zero_duty_unless_origin_is_not_proven()
    {
        var preferential = Evaluate(Case(Supplier("VN"), hs: "8539 52 00"));
        Assert.Equal(0.0, Line(preferential, "importDuty").PerUnit, 12);
        Assert.Contains(Line(preferential, "importDuty").Inputs, i => i.IsDefault && i.Name == "preferential origin");
        var mfn = Evaluate(Case(Supplier("VN") with { Trade = new TradeInputs { PreferentialOrigin = false } }, hs: "8539 52 00"));
        Assert.Equal(3.7, Line(mfn, "importDuty").PerUnit, 12);    // 3.7% × 100
    }

    [Fact]
    public void Duty_without_a_known_rate_is_not_assessed()
    {
        var o = Evaluate(Case(Supplier("CN"), hs: "9999 99"));
        Assert.Equal(LineStatus.NotAssessed, Line(o, "importDuty").Status);
        Assert.Contains("trade.dutyRatePct", Line(o, "importDuty").Note);
    }

    [Fact]
    public void Reference_wage_follows_wage_growth_and_the_local_currency_drift()
    {
        var plant = new SourcingOption
        {
            Id = "p", Country = CountryCode.Parse("CN"),
            Production = new ProductionInputs { LabourHoursPerUnit = 2 },
        };
        var o = Evaluate(Case(plant, new Assumptions { CurrencyDriftPct = new Dictionary<string, double> { ["CNY"] = 2 } }));
        // The 2024 reference wage (6 EUR/h) is carried to the 2027 base year: 6 × 1.05³ = 6.94575.
        // Year 3: 2 h × 6.94575 × 1.05² (wage growth) × 1.02² (CNY drift) = 15.9414…
        Assert.Equal(2 * 6 * Math.Pow(1.05, 3) * 1.05 * 1.05 * 1.02 * 1.02, Line(o, "labour", 3).PerUnit, 10);
        Assert.Contains(Line(o, "labour").Inputs, i => i.IsDefault && i.Name.StartsWith("labour cost per hour CN", StringComparison.Ordinal));
    }

    [Fact]
    public void Home_standard_hours_are_divided_by_relative_productivity()
    {
        var plant = new SourcingOption
        {
            Id = "p", Country = CountryCode.Parse("PL"),
            Production = new ProductionInputs { LabourHoursPerUnit = 1, LabourHoursBasis = LabourHoursBasis.HomeStandard, LabourCostPerHour = new Money(20, Eur) },
        };
        // Productivity PL 50 vs BE 100: 1 h × 20 EUR ÷ 0.5 = 40.
        Assert.Equal(40, Line(Evaluate(Case(plant, hs: "8539 52 00")), "labour").PerUnit, 10);
    }

    [Fact]
    public void Learning_curve_cuts_hours_per_doubling_of_cumulative_volume()
    {
        var plant = new SourcingOption
        {
            Id = "p", Country = CountryCode.Parse("BE"),
            Production = new ProductionInputs { LabourHoursPerUnit = 1, LabourCostPerHour = new Money(50, Eur), LearningRatePct = 10 },
        };
        var o = Evaluate(Case(plant, new Assumptions { WageGrowthPct = new Dictionary<string, double> { ["BE"] = 0 } }, horizon: 4));
        // Experience at the start of year 2 = 2 first-year volumes → 0.9 h; year 4 = 4 volumes → 0.81 h.
        Assert.Equal(50 * 0.9, Line(o, "labour", 2).PerUnit, 10);
        Assert.Equal(50 * 0.81, Line(o, "labour", 4).PerUnit, 10);
    }

    [Fact]
    public void Currency_risk_applies_to_costs_paid_in_foreign_currency_only()
    {
        var option = new SourcingOption
        {
            Id = "s", Country = CountryCode.Parse("CN"),
            Production = new ProductionInputs { UnitPrice = new Money(10, CurrencyCode.Parse("USD")), PackagingPerUnit = new Money(1, Eur) },
            Risk = new RiskInputs { CurrencyRiskPct = 2 },
        };
        var o = Evaluate(Case(option, hs: "8539 52 00"));
        // 10 USD × 0.9 EUR/USD = 9 EUR exposed; 2% → 0.18. Packaging in EUR is not exposed.
        Assert.Equal(0.18, Line(o, "currency").PerUnit, 12);
        Assert.Equal(9, Line(o, "unitPrice").PerUnit, 12);
    }

    [Fact]
    public void Supplier_price_escalates_with_wages_for_its_labour_share()
    {
        var option = Supplier("PL") with { Production = new ProductionInputs { UnitPrice = new Money(100, Eur), PriceLabourSharePct = 40, PriceEscalationPct = 1 } };
        var o = Evaluate(Case(option));
        // Year 2: 100 × (0.4 × 1.10 + 0.6 × 1.01) = 104.6 (PL wage growth 10% in the test market).
        Assert.Equal(104.6, Line(o, "unitPrice", 2).PerUnit, 10);
    }

    [Fact]
    public void Freight_from_a_reference_lane_is_converted_and_indexed()
    {
        var option = Supplier("CN") with
        {
            Logistics = new LogisticsInputs { Legs = [new TransportLeg { Lane = "CN-SEA-TEST", UnitsPerLoad = 100 }] },
        };
        var o = Evaluate(Case(option, new Assumptions { FreightIndexGrowthPct = 10 }, hs: "8539 52 00"));
        // 2,000 USD × 0.9 ÷ 100 units = 18 EUR; year 2 × 1.1 = 19.8.
        Assert.Equal(18, Line(o, "mainFreight").PerUnit, 10);
        Assert.Equal(19.8, Line(o, "mainFreight", 2).PerUnit, 10);
        Assert.Equal(35, o.LeadTimeDays, 10);
        // Transport CO2e = 10 kg ÷ 1000 × 20,000 km × 8 g/t·km ÷ 1000 = 1.6 kg.
        Assert.Equal(1.6, o.TransportCo2eKgPerUnit, 12);
    }

    [Fact]
    public void Capex_is_a_cash_flow_in_year_zero_depreciated_in_the_tco_and_credited_at_its_residual_value()
    {
        var plant = new SourcingOption
        {
            Id = "p", Country = CountryCode.Parse("BE"),
            Production = new ProductionInputs { MaterialCostPerUnit = new Money(10, Eur) },
            Transition = new TransitionInputs
            {
                OneOffCosts = [new OneOffCost { Type = OneOffCostType.CapexMachines, Amount = new Money(100_000, Eur), DepreciationYears = 10 }],
                Incentives = [new Incentive { Type = IncentiveType.SubsidisedLoan, Principal = new Money(50_000, Eur), LoanRatePct = 0, MarketRatePct = 5, TermYears = 2 }],
            },
        };
        var o = Evaluate(Case(plant, hs: "8539 52 00"));
        // Depreciation 100,000 ÷ 10 ÷ 1,000 units = 10 per unit, in the TCO but not in the cash flows.
        Assert.Equal(10, Line(o, "depreciation").PerUnit, 12);
        Assert.Equal(100_000, o.Years[0].OneOffCosts, 9);
        Assert.Equal(10_000, o.Years[1].RunningCost, 9);   // materials only
        // Residual after 3 of 10 years: 70,000, credited in year 3.
        Assert.Equal(70_000, o.Years[3].ResidualValue, 9);
        // Interest-free loan of 50,000 over 2 years at a 5% market rate: 50,000 − 25,000 × (1/1.05 + 1/1.05²) = 3,514.74
        Assert.Equal(50_000 - 25_000 * (1 / 1.05 + 1 / (1.05 * 1.05)), o.Years[0].Incentives, 9);
    }
}
