using Reshore.Core.Risk;

namespace Reshore.Core.Tests.Risk;

/// <summary>The weekly engine against hand calculations, a closed form for event occupancy, and determinism.</summary>
public sealed class WeeklySimulatorTests
{
    /// <summary>One option (lead time 1 week, no flexibility), μ = 100 units/week, unit cost 10, shortage cost 4, no holding cost, one year.</summary>
    private static SimulationModel OneOption(double flexibility = 0, double emergencyPremium = double.NaN, EventSource[]? events = null, double sigma = 0, double bufferWeeks = 0) => new()
    {
        Weeks = 52,
        OptionIds = ["a"],
        MeanWeeklyDemand = Enumerable.Repeat(100.0, 52).ToArray(),
        WeeklySigma = sigma,
        LeadWeeks = [1],
        Flexibility = [flexibility],
        UnitCost = [10],
        CarryingRate = 0,
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
        // Outage in weeks 10–13: orders placed then ship nothing, so weeks 11–14 get no arrival. The stock of one week
        // (μ = 100, on hand at the end of each week in steady state) covers week 11; weeks 12, 13 and 14 lose 100 each.
        // With no flexibility the plant only ships μ per week afterwards, so nothing more is lost.
        var m = OneOption();
        var loss = new double[52];
        for (var w = 10; w < 14; w++) loss[w] = 1;
        var outcome = WeeklySimulator.RunScenario(m, 0, Flat(52, 100), loss, new int[52]);
        Assert.Equal(300, outcome.LostUnitsPerYear, 9);
        // Cost: 4,900 units bought × 10 (5,200 − 4 weeks × 100 not shipped + 100 caught up in week 14... ) — count shipments:
        // weeks 0–9 ship 100 each (1,000); 10–13 ship 0; week 14 orders 2μ − 0 = 200 but ships its capacity 100; weeks 15–51 ship 100 (3,700).
        // Purchases 4,800 × 10 = 48,000; shortage 300 × 4 = 1,200.
        Assert.Equal(48_000 + 1_200, outcome.AnnualCost, 9);
        Assert.Equal(1 - 300.0 / 5200, outcome.FillRate, 12);
    }

    [Fact]
    public void Emergency_supply_covers_the_outage_at_its_premium()
    {
        var m = OneOption(emergencyPremium: 3);
        var loss = new double[52];
        for (var w = 10; w < 14; w++) loss[w] = 1;
        var outcome = WeeklySimulator.RunScenario(m, 0, Flat(52, 100), loss, new int[52]);
        // Each outage week the order (100) goes to emergency supply, arriving next week: nothing is lost,
        // 400 emergency units cost 10 + 3 each instead of 10.
        Assert.Equal(0, outcome.LostUnitsPerYear, 9);
        Assert.Equal(400, outcome.EmergencyUnitsPerYear, 9);
        Assert.Equal(5_200 * 10 + 400 * 3, outcome.AnnualCost, 9);
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
}
