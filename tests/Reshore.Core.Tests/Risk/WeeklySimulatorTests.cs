using Reshore.Core.Risk;

namespace Reshore.Core.Tests.Risk;

/// <summary>The weekly engine against hand calculations, a closed form for event occupancy, and determinism.</summary>
public sealed class WeeklySimulatorTests
{
    /// <summary>
    /// One option (lead time 1 week, no flexibility), μ = 100 units/week, unit cost 10, k_s = 4 (lost margin + penalty), no holding cost,
    /// one year, undiscounted; or the given weekly mean demand (52 per year) and unit cost per year.
    /// </summary>
    private static SimulationModel OneOption(double flexibility = 0, double emergencyPremium = double.NaN, EventSource[]? events = null, double sigma = 0, double bufferWeeks = 0,
        double[]? meanDemand = null, double[]? unitCostPerYear = null, double discountRate = 0, double carryingRate = 0) => new()
    {
        Weeks = meanDemand?.Length ?? 52,
        OptionIds = ["a"],
        MeanWeeklyDemand = meanDemand ?? Enumerable.Repeat(100.0, 52).ToArray(),
        WeeklySigma = sigma,
        LeadWeeks = [1],
        Flexibility = [flexibility],
        UnitCost = unitCostPerYear ?? [10],
        DiscountRate = discountRate,
        CarryingRate = carryingRate,
        ShortageCost = 4,
        Backorders = false,
        EmergencyPremium = emergencyPremium,
        EmergencyLeadWeeks = 1,
        EmergencyCapacity = 1,
        Events = events ?? [],
        Strategies = [new StrategyDefinition("a", null, [1], bufferWeeks)],
        TimeToRecoverWeeks = [double.NaN],
    };

    private static double[] Flat(int n, double v) => Enumerable.Repeat(v, n).ToArray();

    [Fact]
    public void Without_volatility_or_events_the_cost_is_demand_times_unit_cost()
    {
        var m = OneOption();
        var outcome = WeeklySimulator.RunScenario(m, 0, Flat(52, 100), new double[52], new int[52]);
        Assert.Equal(52 * 100 * 10, outcome.AnnualCost, 9);     // 5,200 units × 10
        Assert.Equal(1, outcome.FillRate, 12);
        Assert.Equal(0, outcome.LostUnitsPerYear, 12);
    }

    [Fact]
    public void A_four_week_outage_loses_three_weeks_of_demand()
    {
        // docs/model.md 8.7. Outage in weeks 10–13: orders placed then ship nothing, so weeks 11–14 get no arrival. The stock of one week
        // (μ = 100, on hand at the end of each week in steady state) covers week 11; weeks 12, 13 and 14 lose 100 each.
        // With no flexibility the plant only ships μ per week afterwards, so nothing more is lost, and the stock is never rebuilt.
        var m = OneOption();
        var loss = new double[52];
        for (var w = 10; w < 14; w++) loss[w] = 1;
        var outcome = WeeklySimulator.RunScenario(m, 0, Flat(52, 100), loss, new int[52]);
        Assert.Equal(300, outcome.LostUnitsPerYear, 9);
        Assert.Equal(1 - 300.0 / 5200, outcome.FillRate, 12);
        // Weeks 0–9 and 14–51 ship 100 each: 4,800 units bought for 48,000. The position (on hand + in transit) starts at 200 and ends at
        // 100: the 100 units of opening stock used up are charged at c̄ = 10. The 300 lost units cost c̄ + k_s = 14 each.
        // 48,000 + 1,000 + 4,200 = 53,200 = 52,000 without the outage + 300 × k_s.
        Assert.Equal(48_000 + 1_000 + 300 * 14, outcome.AnnualCost, 9);
        Assert.Equal(52_000 + 300 * 4, outcome.AnnualCost, 9);
    }

    [Fact]
    public void With_flexibility_the_stock_is_rebuilt_and_the_outage_costs_the_same()
    {
        // f = 20%: the plant ships 120 a week from week 14 and the stock is back to 100 by the end of week 19; 4,900 units are bought and the
        // position ends where it started. 4,900 × 10 + 300 × 14 = 53,200, as without flexibility: the lost sales cost the same either way.
        var m = OneOption(flexibility: 0.2);
        var loss = new double[52];
        for (var w = 10; w < 14; w++) loss[w] = 1;
        var outcome = WeeklySimulator.RunScenario(m, 0, Flat(52, 100), loss, new int[52]);
        Assert.Equal(300, outcome.LostUnitsPerYear, 9);
        Assert.Equal(4_900 * 10 + 300 * 14, outcome.AnnualCost, 9);
    }

    [Fact]
    public void An_outage_at_the_end_of_the_horizon_is_charged_although_the_stock_is_not_bought_back()
    {
        // Outage in weeks 48–51. Week 48 ships nothing, week 49 sells the last week of stock, weeks 50 and 51 lose 100 each. Only 4,800 units
        // are bought (weeks 0–47), and the year ends with an empty position. Before, that read 48,000 + 200 × 4 = 48,800: cheaper than no
        // outage. Now the 200 units of opening position used up are charged at 10 and the lost units at 14: 48,000 + 2,000 + 2,800 = 52,800.
        var m = OneOption();
        var loss = new double[52];
        for (var w = 48; w < 52; w++) loss[w] = 1;
        var outcome = WeeklySimulator.RunScenario(m, 0, Flat(52, 100), loss, new int[52]);
        Assert.Equal(200, outcome.LostUnitsPerYear, 9);
        Assert.Equal(52_800, outcome.AnnualCost, 9);
    }

    [Fact]
    public void Emergency_supply_covers_the_outage_at_its_premium()
    {
        var m = OneOption(emergencyPremium: 3);
        var loss = new double[52];
        for (var w = 10; w < 14; w++) loss[w] = 1;
        var outcome = WeeklySimulator.RunScenario(m, 0, Flat(52, 100), loss, new int[52]);
        // Each outage week the order (100) goes to emergency supply, arriving next week: nothing is lost,
        // 400 emergency units cost 10 + 3 each instead of 10; the position never falls.
        Assert.Equal(0, outcome.LostUnitsPerYear, 9);
        Assert.Equal(400, outcome.EmergencyUnitsPerYear, 9);
        Assert.Equal(5_200 * 10 + 400 * 3, outcome.AnnualCost, 9);
    }

    [Fact]
    public void Stock_built_up_for_growing_demand_is_not_charged_as_consumption()
    {
        // Two years, μ = 100 then 200 a week, f = 20%, L = 1: the base-stock target doubles from 200 to 400 in week 52, and the plant
        // (240 a week) builds the extra 200 units of position. They are still there at the end: their value is credited. Every scenario
        // therefore costs the deterministic 10 × (5,200 + 10,400) ÷ 2 = 78,000 (the build-up used to add 200 × 10 ÷ 2 = 1,000 a year).
        var demand = Enumerable.Range(0, 104).Select(t => t < 52 ? 100.0 : 200.0).ToArray();
        var m = OneOption(flexibility: 0.2, meanDemand: demand, unitCostPerYear: [10, 10]);
        var outcome = WeeklySimulator.RunScenario(m, 0, demand, new double[104], new int[104]);
        Assert.Equal(0, outcome.LostUnitsPerYear, 12);
        Assert.Equal(78_000, outcome.AnnualCost, 9);
        Assert.Equal(78_000, RiskAnalyzer.DeterministicAnnualCost(m, m.Strategies[0]), 9);
        Assert.Equal(52_000, outcome.YearlyCost[0], 9);
        Assert.Equal(104_000, outcome.YearlyCost[1], 9);
    }

    [Fact]
    public void Running_down_free_opening_stock_is_no_credit()
    {
        // Two years, μ = 200 then 100 a week, 4 weeks of buffer, L = 1: the position falls from 200 × 6 = 1,200 to 100 × 6 = 600, so year 2
        // buys only 5,200 − 600 = 4,600 units. Charging the 600 units used up at 10 gives the deterministic 10 × (10,400 + 5,200) ÷ 2 =
        // 78,000; before, the free opening stock made it 75,000.
        var demand = Enumerable.Range(0, 104).Select(t => t < 52 ? 200.0 : 100.0).ToArray();
        var m = OneOption(bufferWeeks: 4, meanDemand: demand, unitCostPerYear: [10, 10]);
        var outcome = WeeklySimulator.RunScenario(m, 0, demand, new double[104], new int[104]);
        Assert.Equal(78_000, outcome.AnnualCost, 9);
    }

    [Fact]
    public void The_annual_cost_is_the_equivalent_annual_cost_of_the_present_value()
    {
        // Two years at r = 10%, c = 10 then 12, μ = 100: yearly costs 52,000 and 62,400. PV = 52,000 ÷ 1.1 + 62,400 ÷ 1.21 = 98,842.98,
        // a(10%, 2) = 1.735537, EAC = 56,952.38 = (52,000 × 1.1 + 62,400) ÷ 2.1. Undiscounted it would be the average, 57,200.
        var m = OneOption(meanDemand: Flat(104, 100), unitCostPerYear: [10, 12], discountRate: 0.10);
        var outcome = WeeklySimulator.RunScenario(m, 0, Flat(104, 100), new double[104], new int[104]);
        Assert.Equal((52_000 * 1.1 + 62_400) / 2.1, outcome.AnnualCost, 6);
        Assert.Equal(56_952.380952, outcome.AnnualCost, 5);
        Assert.Equal(outcome.AnnualCost, RiskAnalyzer.DeterministicAnnualCost(m, m.Strategies[0]), 6);
        var undiscounted = OneOption(meanDemand: Flat(104, 100), unitCostPerYear: [10, 12]);
        Assert.Equal(57_200, WeeklySimulator.RunScenario(undiscounted, 0, Flat(104, 100), new double[104], new int[104]).AnnualCost, 6);
    }

    [Fact]
    public void Year_weights_discount_at_the_end_of_each_year_and_sum_to_one()
    {
        var w = EquivalentAnnualCost.YearWeights(0.08, 3);
        // δ = 1/1.08, 1/1.08², 1/1.08³ = 0.9259259, 0.8573388, 0.7938322; a(8%, 3) = 2.5770970; w = 0.359290, 0.332676, 0.308034.
        Assert.Equal(0.359290, w[0], 6);
        Assert.Equal(0.332676, w[1], 6);
        Assert.Equal(0.308034, w[2], 6);
        Assert.Equal(1, w.Sum(), 12);
        Assert.Equal(new[] { 0.25, 0.25, 0.25, 0.25 }, EquivalentAnnualCost.YearWeights(0, 4));
    }

    [Fact]
    public void A_sole_source_never_costs_less_with_an_outage()
    {
        // Property: with the same demand path, adding capacity losses to a sole source never lowers its cost (h = 0; holding less stock
        // after an outage is the only saving an outage can bring). Random lead times, flexibility, buffers, volatility, emergency supply,
        // backorders, growth and outages.
        var random = new Random(20_260_512);
        for (var trial = 0; trial < 300; trial++)
        {
            var weeks = 52 * random.Next(1, 3);
            var mean = Enumerable.Range(0, weeks).Select(t => 100 * Math.Pow(1 + (random.NextDouble() - 0.5) * 0.4, t / 52.0)).ToArray();
            var m = new SimulationModel
            {
                Weeks = weeks, OptionIds = ["a"], MeanWeeklyDemand = mean, WeeklySigma = random.NextDouble() * 0.3, LeadWeeks = [random.Next(1, 9)],
                Flexibility = [random.NextDouble() * 0.5], UnitCost = Enumerable.Range(0, weeks / 52).Select(_ => 5 + random.NextDouble() * 10).ToArray(),
                CarryingRate = 0, ShortageCost = random.NextDouble() * 6, Backorders = random.Next(4) == 0,
                EmergencyPremium = random.Next(2) == 0 ? double.NaN : random.NextDouble() * 5, EmergencyLeadWeeks = random.Next(1, 3), EmergencyCapacity = random.NextDouble(),
                Events = [], Strategies = [new StrategyDefinition("a", null, [1], random.Next(0, 5))], TimeToRecoverWeeks = [double.NaN],
                DiscountRate = random.NextDouble() * 0.1,
            };
            var demand = mean.Select(mu => mu * Math.Exp(0.3 * (random.NextDouble() - 0.5))).ToArray();
            var loss = new double[weeks];
            var start = random.Next(weeks);
            var length = random.Next(1, 12);
            var depth = random.NextDouble();
            for (var w = start; w < Math.Min(weeks, start + length); w++) loss[w] = depth;
            var without = WeeklySimulator.RunScenario(m, 0, demand, new double[weeks], new int[weeks]).AnnualCost;
            var with = WeeklySimulator.RunScenario(m, 0, demand, loss, new int[weeks]).AnnualCost;
            Assert.True(with >= without - 1e-9 * without, $"trial {trial}: outage weeks {start}–{start + length - 1} at {depth:P0} lowered the cost from {without:F4} to {with:F4}");
        }
    }

    [Fact]
    public void A_transit_delay_during_an_event_postpones_arrivals()
    {
        // Shipments dispatched in weeks 10–11 take 2 extra weeks: arrivals in weeks 11 and 12 move to 13 and 14.
        // Week 11 is covered by the week's stock (100); week 12 has nothing: 100 lost.
        var m = OneOption();
        var delay = new int[52];
        delay[10] = delay[11] = 2;
        var outcome = WeeklySimulator.RunScenario(m, 0, Flat(52, 100), new double[52], delay);
        Assert.Equal(100, outcome.LostUnitsPerYear, 9);
        // The delayed shipments are paid when dispatched and arrive later; only the lost sale costs extra: 52,000 + 100 × k_s.
        Assert.Equal(52_400, outcome.AnnualCost, 9);
    }

    [Fact]
    public void Event_occupancy_matches_the_m_g_infinity_closed_form()
    {
        // Starts are Poisson with λ per week and every event lasts D whole weeks, so the number of events active in a week is
        // Poisson(λD) and P(a week is disrupted) = 1 − exp(−λD) (an M/G/∞ queue in steady state; the window starts D weeks early).
        const double lambda = 0.05, duration = 6;
        var expected = 1 - Math.Exp(-lambda * duration);
        var source = new EventSource("e", lambda, null, duration, [0], [1], [0]);
        const int weeks = 200, scenarios = 4000;
        var loss = new double[weeks];
        var delay = new int[weeks];
        var fractions = new double[scenarios];
        for (var s = 0; s < scenarios; s++)
        {
            Disruptions.Generate(new StreamRandom(7, 0, s), [source], weeks, 1, loss, delay);
            fractions[s] = loss.Count(l => l > 0) / (double)weeks;
        }
        var mean = fractions.Average();
        var standardError = Math.Sqrt(fractions.Sum(f => (f - mean) * (f - mean)) / (scenarios - 1) / scenarios);
        Assert.True(Math.Abs(mean - expected) < 4 * standardError, $"occupancy {mean:F5}, expected {expected:F5} ± 4 × {standardError:F5}");
    }

    [Fact]
    public void The_same_seed_gives_the_same_numbers_on_any_number_of_threads()
    {
        var m = OneOption(flexibility: 0.2, events: [new EventSource("e", 0.1, null, 3, [0], [0.7], [1])], sigma: 0.1);
        var one = WeeklySimulator.Run(m, 300, seed: 42, stream: 3, maxThreads: 1);
        var many = WeeklySimulator.Run(m, 300, seed: 42, stream: 3, maxThreads: 4);
        Assert.Equal(one.AnnualCost[0], many.AnnualCost[0]);
        Assert.Equal(one.FillRate[0], many.FillRate[0]);
        var other = WeeklySimulator.Run(m, 300, seed: 43, stream: 3);
        Assert.NotEqual(one.AnnualCost[0], other.AnnualCost[0]);
    }

    [Fact]
    public void Zero_volatility_and_no_events_give_the_deterministic_cost_in_every_scenario()
    {
        var m = OneOption(flexibility: 0.2);
        var raw = WeeklySimulator.Run(m, 50, 1, 0);
        var expected = RiskAnalyzer.DeterministicAnnualCost(m, m.Strategies[0]);
        Assert.Equal(52_000, expected, 9);
        Assert.All(raw.AnnualCost[0], c => Assert.Equal(expected, c, 6));
    }

    [Fact]
    public void Buffer_stock_raises_time_to_survive()
    {
        var plain = OneOption();
        var buffered = OneOption(bufferWeeks: 8);
        var tts0 = RiskAnalyzer.Survival(plain, plain.Strategies[0], meanOnHand: 100)[0].TimeToSurviveWeeks!.Value;
        var tts8 = RiskAnalyzer.Survival(buffered, buffered.Strategies[0], meanOnHand: 900)[0].TimeToSurviveWeeks!.Value;
        // (on hand + pipeline μ × L) ÷ shortfall μ: (100 + 100) ÷ 100 = 2 weeks; (900 + 100) ÷ 100 = 10 weeks.
        Assert.Equal(2, tts0, 12);
        Assert.Equal(10, tts8, 12);
    }

    [Fact]
    public void Cost_statistics_follow_their_definitions()
    {
        var values = Enumerable.Range(1, 100).Select(i => (double)i).ToArray();
        var stats = CostStatistics.Of(values);
        Assert.Equal(50.5, stats.Mean, 12);
        Assert.Equal(5.95, stats.P5, 12);    // type 7: 1 + 0.05 × 99 = 5.95
        Assert.Equal(50.5, stats.P50, 12);
        Assert.Equal(95.05, stats.P95, 12);
        Assert.Equal(98, stats.Cvar95, 12);  // mean of 96..100
        Assert.True(stats.P5 <= stats.P50 && stats.P50 <= stats.P95);
    }

    [Fact]
    public void Standard_errors_of_percentiles_and_cvar_follow_their_definitions()
    {
        var stats = CostStatistics.Of(Enumerable.Range(1, 100).Select(i => (double)i).ToArray());
        const double z = 1.959963984540054;
        // P5: N p = 5, z √(N p (1 − p)) = 1.96 × 2.1794 = 4.2716 → order statistics ⌊0.728⌋ → 1 (clamped) and ⌈9.27⌉ = 10: (10 − 1) ÷ 2z.
        Assert.Equal(9 / (2 * z), stats.P5StdError, 12);
        // P50: 50 ∓ 1.96 × 5 → x_40 and x_60: 20 ÷ 2z = 5.1021 (the asymptotic √(p(1 − p) ÷ N) ÷ f = 5 for this uniform sample).
        Assert.Equal(20 / (2 * z), stats.P50StdError, 12);
        // P95: 95 ∓ 4.2716 → x_90 and x_100: 10 ÷ 2z.
        Assert.Equal(10 / (2 * z), stats.P95StdError, 12);
        // CVaR95: v = x_96 = 96, ψ = (x − 96)⁺ ÷ 0.05 = 0 (96 times), 20, 40, 60, 80; mean 2, Σ(ψ − 2)² = 11,600;
        // s.e. = √(11,600 ÷ 99 ÷ 100) = 1.08246.
        Assert.Equal(Math.Sqrt(11_600.0 / 99 / 100), stats.Cvar95StdError, 12);
        // The mean's standard error: sd of 1..100 is 29.0115, ÷ 10.
        Assert.Equal(Math.Sqrt(100 * 101 / 12.0) / 10, stats.StdError, 12);
    }

    [Fact]
    public void The_single_year_tail_is_not_averaged_away()
    {
        // 40 scenarios over two years, r = 0 (weights ½, ½): year 1 costs s + 1, year 2 costs 40 − s. Each scenario averages 20.5, so the
        // CVaR95 of the two-year average is 20.5; the CVaR95 of a single year is mean(39, 40) = 39.5 in both years.
        // ψ_s = ½ (C_s1 − 39)⁺ ÷ 0.05 + ½ (C_s2 − 39)⁺ ÷ 0.05 is 10 in the two scenarios with a 40 and 0 elsewhere: mean 0.5,
        // Σ(ψ − 0.5)² = 2 × 9.5² + 38 × 0.25 = 190, s.e. = √(190 ÷ 39 ÷ 40) = 0.34899.
        const int n = 40;
        var yearly = new double[n * 2];
        for (var s = 0; s < n; s++) { yearly[2 * s] = s + 1; yearly[2 * s + 1] = n - s; }
        var (value, error) = CostStatistics.SingleYearCvar95(yearly, n, [0.5, 0.5]);
        Assert.Equal(39.5, value, 12);
        Assert.Equal(Math.Sqrt(190.0 / 39 / 40), error, 12);
        Assert.Equal(20.5, CostStatistics.Of(Enumerable.Range(0, n).Select(s => (yearly[2 * s] + yearly[2 * s + 1]) / 2).ToArray()).Cvar95, 12);
    }

    [Fact]
    public void A_simulated_run_reports_every_year_the_worst_year_and_standard_errors()
    {
        // μ = 100, σ = 20%, a 30%-loss event 0.5 times a year on two years: per-year statistics average (with the EAC weights) to the mean
        // EAC, the worst year is at least as costly as either year, and P(cheapest) of a strategy compared with itself is 1 with s.e. 0.
        var m = OneOption(flexibility: 0.2, events: [new EventSource("e", 0.5 / 52, null, 3, [0], [0.3], [0])], sigma: 0.2, meanDemand: Flat(104, 100), unitCostPerYear: [10, 11], discountRate: 0.08);
        var raw = WeeklySimulator.Run(m, 400, seed: 3, stream: 0);
        var result = RiskAnalyzer.Summarise(m, m.Strategies[0], raw, 0);
        Assert.Equal(2, result.AnnualCostByYear.Count);
        var weighted = m.YearWeights[0] * result.AnnualCostByYear[0].Mean + m.YearWeights[1] * result.AnnualCostByYear[1].Mean;
        Assert.Equal(result.AnnualCost.Mean, weighted, 6);
        Assert.True(result.WorstYearCost!.Mean >= Math.Max(result.AnnualCostByYear[0].Mean, result.AnnualCostByYear[1].Mean));
        Assert.True(result.SingleYearCvar95 > result.AnnualCost.Cvar95, "a single year's tail is wider than the two-year average's");
        Assert.True(result.AnnualCost.Cvar95StdError > 0 && result.SingleYearCvar95StdError > 0);
    }
}
