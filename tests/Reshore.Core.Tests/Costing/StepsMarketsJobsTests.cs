using System.Globalization;
using Reshore.Core.Costing;
using Reshore.Core.Costing.Formulas;
using Reshore.Core.Domain;
using Reshore.Core.Validation;
using Reshore.Core.Values;

namespace Reshore.Core.Tests.Costing;

/// <summary>
/// Process steps, the automation scenario, several markets and the jobs view, evaluated against values worked out by hand
/// (docs/model.md §15–17). Test market: BE 48 EUR/h (2024) at 2% a year → 48 × 1.02³ = 50.937984 EUR/h in 2027; CN 6 EUR/h at 5% →
/// 6 × 1.05³ = 6.94575 EUR/h; electricity BE 0.20, CN 0.08 EUR/kWh; grid BE 140, CN 580 g/kWh; sea 8 g/t·km.
/// </summary>
public sealed class StepsMarketsJobsTests
{
    private static readonly CultureInfo En = CultureInfo.GetCultureInfo("en");
    private static readonly CountryCode Be = CountryCode.Parse("BE");
    private static readonly CountryCode Cn = CountryCode.Parse("CN");
    private const double WageBe = 50.937984;
    private const double WageCn = 6.94575;

    private static Money Eur(double v) => new(v, CurrencyCode.Eur);

    private static SourcingOption ChinaSupplier => new()
    {
        Id = "cn", Governance = GovernanceModel.StatusQuo, Country = Cn,
        Production = new ProductionInputs { UnitPrice = Eur(60), PriceLabourSharePct = 20, ProductionLeadTimeDays = 10 },
    };

    private static ReshoringCase Case(Item item, int horizon = 1) => new()
    {
        Name = "steps", BaseYear = 2027, HorizonYears = horizon, DiscountRatePct = 0,
        Jobs = new JobsSettings { HoursPerFte = new Dictionary<string, double> { ["BE"] = 1600, ["CN"] = 2000 } },
        Items = [item],
    };

    private static ItemEvaluation Evaluate(ReshoringCase c)
    {
        var market = TestMarket.Create();
        Assert.Empty(CaseValidator.Validate(c, market));
        return new CaseEvaluator().Evaluate(c, market, En).Items.Single();
    }

    private static double Line(OptionEvaluation o, string factor) => o.Lines.Single(l => l.Factor == factor).PerUnit;

    // ------------------------------------------------------------------ process steps

    private static Item StepsItem => new()
    {
        Id = "part", AnnualVolumeUnits = 10_000, UnitWeightKg = 10, HsCode = "8539 52", InventoryCarryingRatePct = 20,
        Options =
        [
            ChinaSupplier,
            new SourcingOption
            {
                Id = "split", Governance = GovernanceModel.InHouseReshoring, Country = Be, SupplyType = SupplyType.OwnPlant,
                Production = new ProductionInputs
                {
                    MaterialCostPerUnit = Eur(20),
                    Steps =
                    [
                        new ProcessStep { Id = "make", Country = Cn, LabourHoursPerUnit = 1.0, EnergyKwhPerUnit = 2, ProcessingDays = 10 },
                        new ProcessStep
                        {
                            Id = "finish", Country = Be, LabourHoursPerUnit = 0.5, EnergyKwhPerUnit = 1, ProcessingDays = 5, InboundShipmentsPerYear = 10,
                            InboundLegs = [new TransportLeg { Mode = TransportMode.Sea, DistanceKm = 20_000, TransitDays = 30, Rate = Eur(0.5), RateUnit = RateUnit.PerUnit }],
                        },
                    ],
                },
            },
        ],
    };

    [Fact]
    public void A_chain_of_steps_costs_each_step_at_its_country_with_freight_and_duty_of_the_semi_finished_good()
    {
        var split = Evaluate(Case(StepsItem)).Options.Single(o => o.Id == "split");
        // Labour: 1.0 h × 6.94575 in China + 0.5 h × 50.937984 in Belgium = 6.94575 + 25.468992.
        Assert.Equal(32.414742, Line(split, "labour"), 9);
        Assert.Equal(0.36, Line(split, "energy"), 12);                  // 2 kWh × 0.08 + 1 kWh × 0.20
        Assert.Equal(20, Line(split, "materials"), 12);
        Assert.Equal(0.5, Line(split, "stepTransport"), 12);
        // Value on leaving China: 20 + 6.94575 + 0.16 = 27.10575; EU MFN 3.7% on 27.10575 + 0.5 freight = 1.02141275.
        Assert.Equal(1.02141275, Line(split, "stepDuty"), 9);
        // Semi-finished goods in transit: 27.10575 × 20% × 30 days ÷ 365 (no final legs: the last step is at home).
        Assert.Equal(27.10575 * 0.2 * 30 / 365, Line(split, "pipelineInventory"), 12);
        Assert.Equal(45, split.LeadTimeDays, 12);                       // 10 + 30 + 5 days
        Assert.True(split.LeadTimeKnown);
        Assert.Equal(1.6, split.TransportCo2eKgPerUnit, 12);            // 10 kg ÷ 1000 × 20,000 km × 8 g ÷ 1000
        Assert.Equal(1.3, split.ProductionCo2eKgPerUnit, 12);           // 2 × 0.580 + 1 × 0.140
        Assert.Equal(LineStatus.NotApplicable, split.Lines.Single(l => l.Factor == "unitPrice").Status);
    }

    [Fact]
    public void Outward_processing_charges_the_duty_on_the_processing_abroad_only()
    {
        var item = StepsItem with
        {
            Options =
            [
                ChinaSupplier,
                StepsItem.Options[1] with
                {
                    Production = StepsItem.Options[1].Production! with
                    {
                        // Materials cut in Belgium, processed in China, back for finishing: the duty is on the Chinese work only.
                        Steps =
                        [
                            new ProcessStep { Id = "cut", Country = Be, LabourHoursPerUnit = 0.1, ProcessingDays = 1 },
                            new ProcessStep
                            {
                                Id = "make", Country = Cn, LabourHoursPerUnit = 1.0, EnergyKwhPerUnit = 2, ProcessingDays = 10, InboundShipmentsPerYear = 10,
                                InboundLegs = [new TransportLeg { Mode = TransportMode.Sea, DistanceKm = 20_000, TransitDays = 30, Rate = Eur(0.5), RateUnit = RateUnit.PerUnit }],
                            },
                            StepsItem.Options[1].Production!.Steps![1] with { OutwardProcessing = true },
                        ],
                    },
                },
            ],
        };
        var split = Evaluate(Case(item)).Options.Single(o => o.Id == "split");
        // Value on arrival in China: 20 + 0.1 × 50.937984 (no energy given for the cut: counted as missing) + 0.5 freight = 25.5937984;
        // value before the return freight: + 6.94575 + 0.16 = 32.6995484; processing abroad = 7.10575; duty 3.7% × 7.10575.
        Assert.Equal(0.037 * 7.10575, Line(split, "stepDuty"), 9);
        Assert.True(split.Lines.Single(l => l.Factor == "energy").Incomplete);
    }

    // ------------------------------------------------------------------ jobs

    [Fact]
    public void Jobs_count_direct_hours_per_country_and_the_hours_in_a_suppliers_price()
    {
        var item = Evaluate(Case(StepsItem));
        var cn = item.Options.Single(o => o.Id == "cn").Jobs!.Years[0];
        var split = item.Options.Single(o => o.Id == "split").Jobs!.Years[0];
        // Supplier: 20% of 60 EUR is labour at 6.94575 EUR/h = 1.7276752 h per unit; × 10,000 ÷ 2,000 h per FTE.
        Assert.Equal(0.2 * 60 / WageCn * 10_000 / 2000, cn.FteAbroad!.Value, 9);
        Assert.Equal(0, cn.FteHome);
        Assert.Equal(3.125, split.FteHome!.Value, 12);                  // 0.5 h × 10,000 ÷ 1,600
        Assert.Equal(5, split.FteAbroad!.Value, 12);                    // 1.0 h × 10,000 ÷ 2,000
        Assert.Equal(3.125, split.NetFteVsStatusQuo.Home!.Value, 12);
        Assert.Equal(5 - 0.2 * 60 / WageCn * 5, split.NetFteVsStatusQuo.Abroad!.Value, 9);
        Assert.Equal(3.125, split.SkillMix.Home!.Operators, 12);         // direct hours default to operators
    }

    [Fact]
    public void Unknown_hours_stay_unknown_never_zero()
    {
        var item = StepsItem with { Options = [ChinaSupplier with { Production = ChinaSupplier.Production! with { PriceLabourSharePct = null } }, StepsItem.Options[1]] };
        var evaluation = Evaluate(Case(item));
        var cn = evaluation.Options.Single(o => o.Id == "cn").Jobs!;
        Assert.Null(cn.Years[0].FteAbroad);
        Assert.Contains("production.priceLabourSharePct", cn.Missing);
        Assert.Null(evaluation.Options.Single(o => o.Id == "split").Jobs!.Years[0].NetFteVsStatusQuo.Abroad);
        // Without hours per FTE for China, the Chinese FTE are unknown too.
        var noHours = Case(StepsItem) with { Jobs = new JobsSettings { HoursPerFte = new Dictionary<string, double> { ["BE"] = 1600 } } };
        var split = Evaluate(noHours).Options.Single(o => o.Id == "split").Jobs!;
        Assert.Null(split.Years[0].FteAbroad);
        Assert.Equal(3.125, split.Years[0].FteHome!.Value, 12);
        Assert.Contains("jobs.hoursPerFte.CN", split.Missing);
    }

    // ------------------------------------------------------------------ automation

    private static Item AutomationItem => new()
    {
        Id = "part", AnnualVolumeUnits = 10_000, UnitWeightKg = 1,
        Options =
        [
            ChinaSupplier,
            new SourcingOption
            {
                Id = "auto", Governance = GovernanceModel.InHouseReshoring, Country = Be, SupplyType = SupplyType.OwnPlant,
                Production = new ProductionInputs { LabourHoursPerUnit = 0.5, ProductionLeadTimeDays = 2 },
                Automation = new AutomationScenario
                {
                    Cells = 1, CapexPerCell = Eur(100_000), DepreciationYears = 5, LabourHoursSavedPerUnit = 0.3, RampUpPct = [50],
                    MaintenancePerYear = Eur(10_000), EnergyKwhPerUnit = 0.5, Skills = new AutomationSkills { TechniciansFte = 1 },
                },
            },
        ],
    };

    [Fact]
    public void The_automation_takes_its_hours_off_the_manual_process_and_adds_its_running_costs()
    {
        var auto = Evaluate(Case(AutomationItem, horizon: 3)).Options.Single(o => o.Id == "auto");
        // Year 1 at 50% ramp-up: (0.5 − 0.3 × 0.5) h × 50.937984 = 17.8282944.
        Assert.Equal(17.8282944, Line(auto, "labour"), 9);
        // (10,000 maintenance + 1 technician × 1,600 h × 50.937984) ÷ 10,000 + 0.5 kWh × 0.20 = 9.15007744 + 0.1.
        Assert.Equal(9.25007744, Line(auto, "automation"), 9);
        Assert.Equal(2.0, Line(auto, "depreciation"), 12);               // 100,000 ÷ 5 years ÷ 10,000 units
        Assert.Equal(100_000, auto.OneOffCostsTotal, 9);                 // the cells' capex is a one-off of the option
        // Year 2, full performance: 0.2 h × 50.937984 × 1.02.
        Assert.Equal(0.2 * WageBe * 1.02, auto.YearResults[1].Lines.Single(l => l.Factor == "labour").PerUnit, 9);
        var jobs = auto.Jobs!.Years[0];
        Assert.Equal(0.35 * 10_000 / 1600 + 1, jobs.FteHome!.Value, 12);     // 2.1875 operators + 1 technician
        Assert.Equal(1, jobs.SkillMix.Home!.Technicians, 12);
    }

    [Fact]
    public void The_automation_on_its_own_pays_back_on_the_labour_it_saves()
    {
        var a = Evaluate(Case(AutomationItem, horizon: 3)).Options.Single(o => o.Id == "auto").Automation!;
        // Year 1: 0.15 h × 10,000 × 50.937984 = 76,406.976 saved − 92,500.7744 running = −16,093.7984.
        Assert.Equal(-16_093.7984, a.Years[1].NetSaving!.Value, 6);
        // Year 2: 0.3 × 10,000 × 51.95674368 − (10,000 + 1,600 × 51.95674368 + 1,000) = 61,739.44115; year 3 at 52.99587856: 63,194.22998.
        Assert.Equal(61_739.441152, a.Years[2].NetSaving!.Value, 5);
        Assert.Equal(63_194.229975, a.Years[3].NetSaving!.Value, 5);
        // Cumulative −100,000, −116,093.80, −54,354.36, +8,839.87: pays back after 2 + 54,354.357 ÷ 63,194.230 = 2.8601 years.
        Assert.Equal(PaybackStatus.PaysBack, a.Payback!.Status);
        Assert.Equal(2.860116, a.Payback.Years!.Value, 5);
        Assert.Equal(100_000 / 61_739.441152, a.SimplePaybackYears!.Value, 6);   // first year at full performance: year 2
        // Book value after 3 of 5 years: 40,000; NPV at 0%: −100,000 − 16,093.80 + 61,739.44 + 63,194.23 + 40,000.
        Assert.Equal(48_839.872727, a.Npv!.Value, 5);
    }

    // ------------------------------------------------------------------ markets

    private static Item MarketsItem => new()
    {
        Id = "part", AnnualVolumeUnits = 10_000, UnitWeightKg = 1,
        Markets = [new ItemMarket { Id = "eu", SharePct = 80 }, new ItemMarket { Id = "cn", Country = Cn, SharePct = 20 }],
        Options =
        [
            new SourcingOption
            {
                Id = "cn", Governance = GovernanceModel.StatusQuo, Country = Cn, Production = new ProductionInputs { UnitPrice = Eur(10) },
                Logistics = new LogisticsInputs { Legs = [new TransportLeg { Mode = TransportMode.Sea, DistanceKm = 20_000, TransitDays = 30, Rate = Eur(1), RateUnit = RateUnit.PerUnit }] },
                Trade = new TradeInputs { DutyRatePct = 5 },
                Management = new ManagementInputs { CoordinationPerYear = Eur(10_000) },
            },
            new SourcingOption
            {
                Id = "be-eu", Governance = GovernanceModel.OutsourcedReshoring, Country = Be, Production = new ProductionInputs { UnitPrice = Eur(12) },
                Markets = ["eu"], OtherMarketsFrom = "cn", OtherMarketsFixedCostPct = 50,
            },
            new SourcingOption
            {
                Id = "be-all", Governance = GovernanceModel.OutsourcedReshoring, Country = Be, Production = new ProductionInputs { UnitPrice = Eur(12) },
                Deliveries = new Dictionary<string, MarketDelivery>
                {
                    ["cn"] = new() { Leg = new TransportLeg { Mode = TransportMode.Sea, DistanceKm = 20_000, TransitDays = 30, Rate = Eur(1.5), RateUnit = RateUnit.PerUnit }, DutyRatePct = 10 },
                },
            },
        ],
    };

    [Fact]
    public void Markets_are_costed_by_delivery_and_fixed_amounts_are_counted_once()
    {
        var item = Evaluate(Case(MarketsItem));
        var cn = item.Options.Single(o => o.Id == "cn");
        // EU: 8,000 × (10 + 1 freight + 5% × 11) = 92,400; sold in China: 2,000 × 10 = 20,000; coordination 10,000 once.
        Assert.Equal(92_400 + 20_000 + 10_000, cn.TcoPerYear, 6);
        Assert.Equal(1.0, Line(cn, "coordination"), 12);
        Assert.Equal(0.44, Line(cn, "importDuty"), 12);                 // 8,000 × 0.55 ÷ 10,000
        Assert.Equal(DeliveryKind.Local, cn.Markets.Single(m => m.MarketId == "cn").Delivery);
        Assert.Equal(11.0, cn.Markets.Single(m => m.MarketId == "cn").TcoPerUnit, 12);    // 10 + 10,000 × 0.2 ÷ 2,000
        Assert.Equal(12.55, cn.Markets.Single(m => m.MarketId == "eu").TcoPerUnit, 12);   // 11.55 + 10,000 × 0.8 ÷ 8,000
    }

    [Fact]
    public void An_option_for_some_markets_keeps_the_other_option_for_the_rest()
    {
        var beEu = Evaluate(Case(MarketsItem)).Options.Single(o => o.Id == "be-eu");
        // 8,000 × 12 from Belgium + 2,000 × 10 from the Chinese plant for its own market + half its coordination.
        Assert.Equal(96_000 + 20_000 + 5_000, beEu.TcoPerYear, 6);
        Assert.Equal("cn", beEu.Markets.Single(m => m.MarketId == "cn").ServedByOptionId);
    }

    [Fact]
    public void A_market_outside_the_eu_is_served_by_its_own_delivery_with_its_own_duty()
    {
        var beAll = Evaluate(Case(MarketsItem)).Options.Single(o => o.Id == "be-all");
        // Export to China: 2,000 × (12 + 1.5 + 10% × 13.5) = 29,700; the EU is served from Belgium: 8,000 × 12.
        Assert.Equal(96_000 + 29_700, beAll.TcoPerYear, 6);
        Assert.Equal(LineStatus.NotApplicable, beAll.Lines.Single(l => l.Factor == "cbam").Status);
        Assert.Equal(DeliveryKind.Own, beAll.Markets.Single(m => m.MarketId == "cn").Delivery);
    }

    // ------------------------------------------------------------------ validation

    [Fact]
    public void Markets_steps_and_automation_are_checked_with_their_paths()
    {
        var market = TestMarket.Create();
        var badMarkets = Case(MarketsItem with
        {
            Markets = [new ItemMarket { Id = "eu", SharePct = 70 }, new ItemMarket { Id = "cn", Country = Cn, SharePct = 20 }],
            Options = [MarketsItem.Options[0], MarketsItem.Options[1] with { OtherMarketsFrom = null }, MarketsItem.Options[2] with { Deliveries = null }],
        });
        var errors = CaseValidator.Validate(badMarkets, market).Select(e => e.Path).ToList();
        Assert.Contains("$.items[0].markets", errors);
        Assert.Contains("$.items[0].options[1].otherMarketsFrom", errors);
        Assert.Contains("$.items[0].options[2].deliveries.cn", errors);

        var split = StepsItem.Options[1];
        var badSteps = Case(StepsItem with
        {
            Options =
            [
                ChinaSupplier,
                split with
                {
                    Production = split.Production! with { LabourHoursPerUnit = 1, Steps = [split.Production.Steps![0], split.Production.Steps[1] with { Country = Cn }] },
                    Automation = new AutomationScenario { Step = "nope", CapexPerCell = Eur(1), DepreciationYears = 1, LabourHoursSavedPerUnit = 0.1 },
                },
            ],
        });
        errors = CaseValidator.Validate(badSteps, market).Select(e => e.Path).ToList();
        Assert.Contains("$.items[0].options[1].production.labourHoursPerUnit", errors);
        Assert.Contains("$.items[0].options[1].production.steps[1].country", errors);
        Assert.Contains("$.items[0].options[1].automation.step", errors);
    }

    [Fact]
    public void Cases_without_the_new_inputs_cost_exactly_as_before()
    {
        // The same supplier with and without one market covering everything: the whole-item run and a one-market run agree.
        var plain = new Item
        {
            Id = "part", AnnualVolumeUnits = 10_000, UnitWeightKg = 1,
            Options = [MarketsItem.Options[0]],
        };
        var oneMarket = plain with { Markets = [new ItemMarket { Id = "all", SharePct = 100 }] };
        var a = Evaluate(Case(plain)).Options[0];
        var b = Evaluate(Case(oneMarket)).Options[0];
        Assert.Equal(a.TcoPerUnit, b.TcoPerUnit, 12);
        Assert.Equal(a.Lines.Select(l => (l.Factor, l.PerUnit)), b.Lines.Select(l => (l.Factor, l.PerUnit)));
    }
}
