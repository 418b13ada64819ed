using System.Globalization;
using Reshore.Core.Costing;
using Reshore.Core.Domain;
using Reshore.Core.Risk;
using Reshore.Core.Values;

namespace Reshore.Core.Tests.Risk;

/// <summary>The risk analyzer against the deterministic engine, and the sensitivity tools.</summary>
public sealed class RiskAnalyzerTests
{
    private static readonly CurrencyCode Eur = CurrencyCode.Eur;

    private static ReshoringCase Case(double volatilityPct = 0, RiskSettings? risk = null) => new()
    {
        Name = "risk", BaseYear = 2027, HorizonYears = 2, DiscountRatePct = 8, Risk = risk,
        Items =
        [
            new Item
            {
                Id = "part", AnnualVolumeUnits = 52_000, UnitWeightKg = 1, DemandVolatilityPct = volatilityPct, SellingPricePerUnit = 30, MarginPct = 40,
                Strategies = [new SourcingStrategy { Id = "dual", Shares = new Dictionary<string, double> { ["cn"] = 0.6, ["pl"] = 0.4 }, BufferWeeks = 2 }],
                Options =
                [
                    new SourcingOption
                    {
                        Id = "cn", Governance = GovernanceModel.StatusQuo, Country = CountryCode.Parse("CN"), TimeToRecoverWeeks = 12,
                        Production = new ProductionInputs { UnitPrice = new Money(10, Eur), ProductionLeadTimeDays = 28 },
                        Logistics = new LogisticsInputs { Legs = [new TransportLeg { Mode = TransportMode.Sea, TransitDays = 35, Rate = new Money(1, Eur), RateUnit = RateUnit.PerUnit }] },
                        Trade = new TradeInputs { DutyRatePct = 4 },
                    },
                    new SourcingOption
                    {
                        Id = "pl", Governance = GovernanceModel.OutsourcedReshoring, Country = CountryCode.Parse("PL"), TimeToRecoverWeeks = 3,
                        Production = new ProductionInputs { UnitPrice = new Money(12, Eur), ProductionLeadTimeDays = 7 },
                    },
                ],
            },
        ],
    };

    [Fact]
    public void With_zero_volatility_and_no_events_the_simulated_mean_equals_the_deterministic_tco()
    {
        var c = Case();
        var result = new RiskAnalyzer().Simulate(c, [], TestMarket.Create(), scenarios: 20, seed: 5).Items.Single();
        var evaluation = new CaseEvaluator().Evaluate(c, TestMarket.Create(), CultureInfo.GetCultureInfo("en")).Items.Single();
        // Equivalent annual cost at 8% over two years: weights 1.08 ÷ 2.08 and 1 ÷ 2.08 on years 1 and 2.
        double[] weights = [1.08 / 2.08, 1 / 2.08];
        foreach (var option in evaluation.Options)
        {
            // TCO per year without the lines the simulation produces itself (here: none assessed), weighted over both years.
            var expected = option.YearResults.Select((y, k) => weights[k] * y.Lines.Where(l => !RiskAnalyzer.SimulatedFactors.Contains(l.Factor)).Sum(l => l.PerYear)).Sum();
            var simulated = result.Strategies.Single(s => s.Id == option.Id);
            Assert.Equal(expected, simulated.AnnualCost.Mean, 6);
            Assert.Equal(expected, simulated.DeterministicAnnualCost, 6);
            Assert.Equal(0, simulated.AnnualCost.StdError, 9);
            Assert.Equal(1, simulated.FillRate, 12);
        }
        // cn: 10 + 1 freight + 4% duty on 11 = 11.44 per unit × 52,000.
        Assert.Equal(11.44 * 52_000, result.Strategies.Single(s => s.Id == "cn").AnnualCost.Mean, 6);
    }

    [Fact]
    public void Strategies_include_every_option_alone_and_the_named_ones_with_shares_summing_to_one()
    {
        var result = new RiskAnalyzer().Simulate(Case(volatilityPct: 30), [], TestMarket.Create(), scenarios: 200, seed: 1).Items.Single();
        Assert.Equal(new[] { "cn", "pl", "dual" }, result.Strategies.Select(s => s.Id));
        Assert.All(result.Strategies, s => Assert.Equal(1, s.Shares.Values.Sum(), 12));
        Assert.Equal(1, result.Strategies.Sum(s => s.ProbabilityCheapest), 12);
        var dual = result.Strategies.Single(s => s.Id == "dual");
        Assert.Equal(2, dual.BufferWeeks);
        Assert.Equal(2, dual.Options.Count);
        Assert.All(result.Strategies, s => Assert.True(s.AnnualCost.P5 <= s.AnnualCost.P50 && s.AnnualCost.P50 <= s.AnnualCost.P95 && s.AnnualCost.P95 <= s.AnnualCost.Cvar95 + 1e-9));
    }

    [Fact]
    public void A_disruption_of_the_offshore_source_lowers_its_fill_rate_and_flags_survival()
    {
        var risk = new RiskSettings
        {
            Events = [new DisruptionEvent { Id = "lockdown", EventsPerYear = 1, DurationWeeks = 8, Effects = [new EventEffect { Countries = [CountryCode.Parse("CN")], CapacityLossPct = 100 }] }],
        };
        var result = new RiskAnalyzer().Simulate(Case(risk: risk), [], TestMarket.Create(), scenarios: 400, seed: 9).Items.Single();
        var cn = result.Strategies.Single(s => s.Id == "cn");
        var pl = result.Strategies.Single(s => s.Id == "pl");
        Assert.True(cn.FillRate < 0.99, $"fill rate {cn.FillRate}");
        Assert.Equal(1, pl.FillRate, 12);
        Assert.True(cn.Options.Single().AtRisk, "a single offshore source with a 12-week TTR should be flagged");
        Assert.True(cn.ProbabilityCheapest < 1);
    }

    [Fact]
    public void Break_even_finds_the_price_at_which_two_options_cost_the_same()
    {
        var c = Case();
        var r = new SensitivityAnalyzer().BreakEven(c, TestMarket.Create(), "part", "$.items[0].options[1].production.unitPrice", 5, 20);
        // pl's price at which it matches cn's 11.44 per unit: no one-offs, so the present values match at the same unit cost.
        Assert.NotNull(r.BreakEven);
        Assert.Equal(11.44, r.BreakEven!.Value, 6);
        Assert.Equal(12, r.CurrentValue);
        var none = new SensitivityAnalyzer().BreakEven(c, TestMarket.Create(), "part", "$.items[0].options[1].production.unitPrice", 13, 20);
        Assert.Null(none.BreakEven);
    }

    [Fact]
    public void Tornado_bars_are_ordered_by_swing()
    {
        var price = UncertainValue.Create(DistributionKind.Triangular, 9, 10, 13, null, null, null, out _)!;
        var duty = UncertainValue.Create(DistributionKind.Uniform, 2, null, 6, null, null, null, out _)!;
        var c = CasePaths.With(CasePaths.With(Case(), "$.items[0].options[0].production.unitPrice", price.Mean), "$.items[0].options[0].trade.dutyRatePct", duty.Mean);
        var tornado = new SensitivityAnalyzer().Tornado(c,
            [new UncertainInput("$.items[0].options[0].trade.dutyRatePct", duty, null), new UncertainInput("$.items[0].options[0].production.unitPrice", price, "EUR")], TestMarket.Create(), "part");
        Assert.Equal("$.items[0].options[0].production.unitPrice", tornado.Bars[0].Path);
        Assert.True(tornado.Bars[0].Swing >= tornado.Bars[1].Swing);
        Assert.True(tornado.Bars[0].SavingAtHigh > tornado.Bars[0].SavingAtLow, "a dearer status quo raises the saving of the alternative");
    }

    [Fact]
    public void Case_paths_replace_one_value_and_leave_the_rest()
    {
        var c = Case();
        var changed = CasePaths.With(c, "$.items[0].options[1].production.unitPrice", 15);
        Assert.Equal(15, CasePaths.Get(changed, "$.items[0].options[1].production.unitPrice"));
        Assert.Equal(12, CasePaths.Get(c, "$.items[0].options[1].production.unitPrice"));
        Assert.Equal("$.items[0].options[1].production.unitPrice", CasePaths.ResolveIds(c, "items[part].options[pl].production.unitPrice"));
        Assert.Throws<ArgumentException>(() => CasePaths.ResolveIds(c, "items[part].options[xx].production.unitPrice"));
        Assert.Throws<ArgumentException>(() => CasePaths.With(c, "$.items[0].nothing", 1));
    }
}

/// <summary>How the analyzer compiles options and strategies.</summary>
public sealed class RiskCompileTests
{
    private static readonly CurrencyCode Eur = CurrencyCode.Eur;

    private static ReshoringCase Case(DisruptionInputs? disruption = null) => new()
    {
        Name = "compile", BaseYear = 2027, HorizonYears = 1, DiscountRatePct = 10,
        Items =
        [
            new Item
            {
                Id = "part", AnnualVolumeUnits = 10_000, UnitWeightKg = 1,
                Strategies = [new SourcingStrategy { Id = "half", Shares = new Dictionary<string, double> { ["plant"] = 0.5, ["supplier"] = 0.5 } }],
                Options =
                [
                    new SourcingOption
                    {
                        Id = "plant", Governance = GovernanceModel.StatusQuo, Country = CountryCode.Parse("BE"),
                        Production = new ProductionInputs { MaterialCostPerUnit = new Money(5, Eur), OverheadPerYear = new Money(20_000, Eur) },
                        Risk = disruption is null ? null : new RiskInputs { Disruption = disruption },
                    },
                    new SourcingOption
                    {
                        Id = "supplier", Governance = GovernanceModel.OutsourcedReshoring, Country = CountryCode.Parse("PL"),
                        Production = new ProductionInputs { UnitPrice = new Money(8, Eur) },
                        Transition = new TransitionInputs { OneOffCosts = [new OneOffCost { Type = OneOffCostType.Qualification, Amount = new Money(11_000, Eur) }] },
                    },
                ],
            },
        ],
    };

    [Fact]
    public void A_share_carries_the_fixed_costs_over_its_own_volume_and_one_offs_are_annualised()
    {
        var c = Case();
        var analyzer = new RiskAnalyzer();
        var model = analyzer.Compile(c, 0, TestMarket.Create(), [], out _, RiskAnalyzer.AnnualisedOneOffCosts(c, 0, TestMarket.Create()));
        // Plant: 5 + 20,000 ÷ 10,000 = 7 per unit at full volume; fixed part 2. At half the volume: 5 + 20,000 ÷ 5,000 = 9.
        Assert.Equal(7, model.UnitCost[0], 9);
        Assert.Equal(2, model.FixedPerUnit![0], 9);
        var half = model.Strategies.Single(s => s.Id == "half");
        Assert.Equal(9, half.UnitCost![0], 9);
        Assert.Equal(8, half.UnitCost![1], 9);
        // The supplier's 11,000 one-off over one year at 10%: PV 11,000 ÷ a(10%, 1) = 11,000 × 1.1 = 12,100 per year.
        Assert.Equal(12_100, half.FixedCostPerYear, 6);
        Assert.Equal(0, model.Strategies.Single(s => s.Id == "plant").FixedCostPerYear, 9);
        // Deterministic annual cost of the 50/50 strategy: 5,000 × 9 + 5,000 × 8 + 12,100.
        Assert.Equal(5_000 * 9 + 5_000 * 8 + 12_100, RiskAnalyzer.DeterministicAnnualCost(model, half), 6);
    }

    [Fact]
    public void An_options_own_disruption_inputs_become_an_event_source()
    {
        var model = new RiskAnalyzer().Compile(Case(new DisruptionInputs { EventsPerYear = 0.5, DurationWeeks = 3, CapacityLossPct = 80, MitigatedPct = 25 }), 0, TestMarket.Create(), [], out _);
        var source = Assert.Single(model.Events);
        Assert.Equal(0.5 / 52, source.RatePerWeek, 12);
        Assert.Equal(new[] { 0 }, source.OptionIndex);
        Assert.Equal(0.8 * 0.75, source.CapacityLoss[0], 12);
    }

    [Fact]
    public void An_options_own_disruption_is_not_simulated_again_when_a_case_event_takes_its_capacity()
    {
        var disruption = new DisruptionInputs { EventsPerYear = 0.5, DurationWeeks = 3, CapacityLossPct = 80 };
        var fire = new DisruptionEvent { Id = "fire", EventsPerYear = 0.1, DurationWeeks = 4, Effects = [new EventEffect { Countries = [CountryCode.Parse("BE")], CapacityLossPct = 100 }] };
        var delay = new DisruptionEvent { Id = "strike", EventsPerYear = 0.1, DurationWeeks = 1, Effects = [new EventEffect { Countries = [CountryCode.Parse("BE")], AddedDelayWeeks = 1 }] };
        var covered = new RiskAnalyzer().Compile(Case(disruption) with { Risk = new RiskSettings { Events = [fire] } }, 0, TestMarket.Create(), [], out var warnings);
        Assert.Equal("fire", Assert.Single(covered.Events).Id);
        Assert.Contains(warnings, w => w.Contains("its own disruption risk is not simulated", StringComparison.Ordinal));
        // An event that only delays does not describe the option's outages: its own disruption is still simulated.
        var delayed = new RiskAnalyzer().Compile(Case(disruption) with { Risk = new RiskSettings { Events = [delay] } }, 0, TestMarket.Create(), [], out _);
        Assert.Equal(2, delayed.Events.Length);
        // An event that never happens does not describe them either.
        var never = new RiskAnalyzer().Compile(Case(disruption) with { Risk = new RiskSettings { Events = [fire with { EventsPerYear = 0 }] } }, 0, TestMarket.Create(), [], out _);
        Assert.Contains(never.Events, e => e.Id == "plant.risk.disruption");
    }

    [Theory]
    [InlineData(0.0, 0)]
    [InlineData(0.4, 1)]
    [InlineData(0.5, 1)]
    [InlineData(1.5, 2)]
    [InlineData(2.5, 3)]
    public void Weeks_round_half_away_from_zero_and_a_positive_duration_is_at_least_one_week(double weeks, int expected) =>
        Assert.Equal(expected, SimulationModel.WholeWeeks(weeks));
}
