using Reshore.Core.Risk;
using Reshore.Data.CaseFiles;
using Reshore.Data.ReferenceData;

namespace Reshore.Core.Tests.Risk;

/// <summary>
/// The vectorised kernel against the scenario-at-a-time engine: exactly equal on the same demand and events, equal in
/// distribution with its own demand draws, on the bundled examples and on a workload with frequent disruptions.
/// </summary>
public sealed class ScenarioBlockKernelTests
{
    private static readonly Lazy<Reshore.Core.MarketData.MarketSnapshot> Market = new(ReferenceDataLoader.Embedded);

    private static string Example(string name)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Reshore.slnx"))) dir = dir.Parent;
        return Path.Combine(dir!.FullName, "examples", name);
    }

    /// <summary>Item 0 of a bundled example, compiled as <c>reshore simulate</c> compiles it.</summary>
    private static SimulationModel ExampleModel(string file)
    {
        var document = CaseFileReader.ReadDocumentFile(Example(file), Market.Value);
        var fixedCost = RiskAnalyzer.AnnualisedOneOffCosts(document.Case, 0, Market.Value);
        return new RiskAnalyzer().Compile(document.Case, 0, Market.Value, document.Uncertain, out _, fixedCost);
    }

    /// <summary>Three options and frequent outages and delays, so most blocks have events, per-lane delays and emergency supply.</summary>
    private static SimulationModel Stormy(bool backorders)
    {
        var m = SyntheticWorkload.Item(3, 104);
        return Copy(m, m.WeeklySigma, backorders, [
            new EventSource("outage", 3.0 / 52, UncertainValue.Create(DistributionKind.Triangular, 2, 5, 12, null, null, null, out _), 0, [0, 1], [0.9, 0.5], [0, 1]),
            new EventSource("canal", 2.0 / 52, null, 4, [0], [0], [3]),
            new EventSource("home-fire", 0.5 / 52, null, 3, [2], [1], [0]),
        ]);
    }

    private static SimulationModel Copy(SimulationModel m, double sigma, bool? backorders = null, EventSource[]? events = null)
    {
        var copy = new SimulationModel
        {
            Weeks = m.Weeks, OptionIds = m.OptionIds, MeanWeeklyDemand = m.MeanWeeklyDemand, WeeklySigma = sigma, LeadWeeks = m.LeadWeeks,
            Flexibility = m.Flexibility, UnitCost = m.UnitCost, CarryingRate = m.CarryingRate, ShortageCost = m.ShortageCost, Backorders = backorders ?? m.Backorders,
            EmergencyPremium = m.EmergencyPremium, EmergencyLeadWeeks = m.EmergencyLeadWeeks, EmergencyCapacity = m.EmergencyCapacity, Events = events ?? m.Events,
            Strategies = m.Strategies, TimeToRecoverWeeks = m.TimeToRecoverWeeks, TransitWeeks = m.TransitWeeks, FixedPerUnit = m.FixedPerUnit,
            OneOffCostPerYear = m.OneOffCostPerYear, DiscountRate = m.DiscountRate,
        };
        return copy.WithStrategies(m.Strategies.Select(s => copy.DefineStrategy(s.Id, s.Name, s.Shares, s.BufferWeeks) with { FixedCostPerYear = s.FixedCostPerYear }).ToArray());
    }

    public static TheoryData<string> Models => new() { "led-lamps.yaml", "electronics-china.yaml", "assembly-romania.yaml", "stormy-lost", "stormy-backorders" };

    private static SimulationModel Model(string name) => name switch
    {
        "stormy-lost" => Stormy(false),
        "stormy-backorders" => Stormy(true),
        _ => ExampleModel(name),
    };

    private static void AssertSame(SimulationRawResult expected, SimulationRawResult actual, string name)
    {
        for (var k = 0; k < expected.AnnualCost.Length; k++)
        {
            foreach (var (a, b, what) in new[]
            {
                (expected.AnnualCost[k], actual.AnnualCost[k], "annual cost"), (expected.YearlyCost[k], actual.YearlyCost[k], "yearly cost"),
                (expected.FillRate[k], actual.FillRate[k], "fill rate"), (expected.LostUnitsPerYear[k], actual.LostUnitsPerYear[k], "lost units"),
                (expected.EmergencyUnitsPerYear[k], actual.EmergencyUnitsPerYear[k], "emergency units"), (expected.MeanOnHand[k], actual.MeanOnHand[k], "stock on hand"),
            })
                for (var s = 0; s < a.Length; s++)
                    Assert.True(Math.Abs(a[s] - b[s]) <= 1e-12 * Math.Max(1, Math.Abs(a[s])), $"{name}, strategy {k}, {what} [{s}]: scalar {a[s]:R}, vectorised {b[s]:R}");
        }
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void Without_demand_noise_the_kernel_equals_the_scalar_engine_scenario_by_scenario(string name)
    {
        // σ = 0 makes demand the same in both; the events come from the same streams, so every number must agree.
        var m = Copy(Model(name), 0);
        const int scenarios = 203;   // not a multiple of the block width: the last block has idle lanes
        var scalar = WeeklySimulator.RunScalar(m, scenarios, 11, 2);
        var vectorised = ScenarioBlockKernel.Run(m, scenarios, 11, 2);
        AssertSame(scalar, vectorised, name);
        Assert.True(scalar.LostUnitsPerYear.Any(l => l.Any(x => x > 0)) || name.EndsWith(".yaml", StringComparison.Ordinal), "the stormy workload loses sales");
    }

    [Fact]
    public void Per_scenario_costs_run_in_the_kernel_and_equal_the_scalar_engine()
    {
        var m = Copy(Stormy(false), 0);
        const int scenarios = 61;
        var models = Enumerable.Range(0, scenarios).Select(s =>
        {
            var cost = m.UnitCost.Select((c, j) => c * (1 + 0.01 * ((s * 7 + j) % 13))).ToArray();
            var scenario = new SimulationModel
            {
                Weeks = m.Weeks, OptionIds = m.OptionIds, MeanWeeklyDemand = m.MeanWeeklyDemand, WeeklySigma = 0, LeadWeeks = m.LeadWeeks, Flexibility = m.Flexibility,
                UnitCost = cost, CarryingRate = m.CarryingRate, ShortageCost = m.ShortageCost, Backorders = m.Backorders, EmergencyPremium = m.EmergencyPremium,
                EmergencyLeadWeeks = m.EmergencyLeadWeeks, EmergencyCapacity = m.EmergencyCapacity, Events = m.Events, Strategies = [], TimeToRecoverWeeks = m.TimeToRecoverWeeks,
            };
            return scenario.WithStrategies(m.Strategies.Select(st => scenario.DefineStrategy(st.Id, st.Name, st.Shares, st.BufferWeeks) with { FixedCostPerYear = s }).ToArray());
        }).ToArray();
        Assert.True(ScenarioBlockKernel.CostOnly(m, models));
        var scalar = WeeklySimulator.RunScalar(m, scenarios, 5, 0, new ScenarioOverrides(models));
        AssertSame(scalar, WeeklySimulator.Run(m, scenarios, 5, 0, new ScenarioOverrides(models)), "per-scenario costs");
        // A scenario that changes a lead time is not a cost-only override: the scalar engine takes it.
        var other = models.ToArray();
        other[3] = Copy(m, 0.1);
        Assert.False(ScenarioBlockKernel.CostOnly(m, other));
    }

    [Fact]
    public void Per_scenario_unit_costs_give_the_numbers_of_per_scenario_models()
    {
        // Dual and parallel strategies (shares in (0, 1)) spread a fixed part of the unit cost over their smaller volumes: the kernel derives
        // that from the flat unit costs exactly as SimulationModel.DefineStrategy does for a model built per scenario.
        var stormy = Copy(Stormy(true), 0);
        var fixedPart = stormy.UnitCost.Select((c, j) => 0.05 * c + 0.01 * j).ToArray();
        var b = new SimulationModel
        {
            Weeks = stormy.Weeks, OptionIds = stormy.OptionIds, MeanWeeklyDemand = stormy.MeanWeeklyDemand, WeeklySigma = 0, LeadWeeks = stormy.LeadWeeks,
            Flexibility = stormy.Flexibility, UnitCost = stormy.UnitCost, CarryingRate = stormy.CarryingRate, ShortageCost = stormy.ShortageCost, Backorders = true,
            EmergencyPremium = stormy.EmergencyPremium, EmergencyLeadWeeks = stormy.EmergencyLeadWeeks, EmergencyCapacity = stormy.EmergencyCapacity, Events = stormy.Events,
            Strategies = [], TimeToRecoverWeeks = stormy.TimeToRecoverWeeks, FixedPerUnit = fixedPart, OneOffCostPerYear = [1000, 2000, 3000], DiscountRate = 0.08,
        };
        var m = b.WithStrategies(stormy.Strategies.Select(st => b.DefineStrategy(st.Id, st.Name, st.Shares, st.BufferWeeks)).ToArray());
        const int scenarios = 37;
        var cells = m.OptionCount * m.Years;
        var unitCosts = new double[scenarios * cells];
        for (var s = 0; s < scenarios; s++)
            for (var j = 0; j < cells; j++) unitCosts[s * cells + j] = m.UnitCost[j] * (1 + 0.02 * ((s * 5 + j) % 11) - 0.1);
        var overrides = ScenarioOverrides.WithUnitCosts(m, unitCosts, scenarios);
        var models = overrides.Models;
        Assert.Equal(scenarios, models.Length);
        Assert.True(ScenarioBlockKernel.CostOnly(m, models));
        var scalar = WeeklySimulator.RunScalar(m, scenarios, 8, 1, new ScenarioOverrides(models));
        AssertSame(scalar, WeeklySimulator.Run(m, scenarios, 8, 1, overrides), "flat unit costs");
        AssertSame(ScenarioBlockKernel.Run(m, scenarios, 8, 1, models), ScenarioBlockKernel.Run(m, scenarios, 8, 1, unitCosts), "kernel, models against flat unit costs");
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void With_demand_noise_the_kernel_matches_the_scalar_engine_in_distribution(string name)
    {
        var m = Model(name);
        if (m.WeeklySigma == 0) m = Copy(m, 0.3 / Math.Sqrt(52));
        const int scenarios = 4000;
        var scalar = WeeklySimulator.RunScalar(m, scenarios, 3, 1);
        var vectorised = ScenarioBlockKernel.Run(m, scenarios, 3, 1);
        for (var k = 0; k < m.Strategies.Length; k++)
        {
            foreach (var (a, b, what) in new[]
            {
                (scalar.AnnualCost[k], vectorised.AnnualCost[k], "annual cost"), (scalar.FillRate[k], vectorised.FillRate[k], "fill rate"),
                (scalar.MeanOnHand[k], vectorised.MeanOnHand[k], "stock on hand"), (scalar.LostUnitsPerYear[k], vectorised.LostUnitsPerYear[k], "lost units"),
            })
            {
                // Means within 4 standard errors of their difference (the samples share their events, which only makes the test stricter).
                var (meanA, seA) = MeanAndError(a);
                var (meanB, seB) = MeanAndError(b);
                var se = Math.Sqrt(seA * seA + seB * seB);
                Assert.True(Math.Abs(meanA - meanB) <= 4 * se + 1e-9 * Math.Abs(meanA), $"{name}, strategy {k}, {what}: scalar {meanA:G8}, vectorised {meanB:G8}, ± {se:G3}");
            }
            // Two-sample Kolmogorov–Smirnov on the annual cost at α = 0.001: D ≤ 1.95 √((n + m) ÷ (n m)).
            var d = KolmogorovSmirnov(scalar.AnnualCost[k], vectorised.AnnualCost[k]);
            Assert.True(d <= 1.95 * Math.Sqrt(2.0 / scenarios), $"{name}, strategy {k}: KS distance {d:F4}");
        }
    }

    [Fact]
    public void The_kernel_is_deterministic_per_seed_on_any_number_of_threads()
    {
        var m = Stormy(false);
        var one = ScenarioBlockKernel.Run(m, 301, 42, 3, maxThreads: 1);
        var many = ScenarioBlockKernel.Run(m, 301, 42, 3, maxThreads: 4);
        for (var k = 0; k < m.Strategies.Length; k++)
        {
            Assert.Equal(one.AnnualCost[k], many.AnnualCost[k]);
            Assert.Equal(one.YearlyCost[k], many.YearlyCost[k]);
            Assert.Equal(one.FillRate[k], many.FillRate[k]);
        }
        // A scenario's numbers do not depend on how many scenarios run with it (each has its own stream).
        var fewer = ScenarioBlockKernel.Run(m, 7, 42, 3);
        Assert.Equal(one.AnnualCost[1].Take(7), fewer.AnnualCost[1]);
        Assert.NotEqual(one.AnnualCost[0], ScenarioBlockKernel.Run(m, 301, 43, 3).AnnualCost[0]);
    }

    [Fact]
    public void Demand_draws_are_lognormal_with_the_model_mean_and_volatility()
    {
        // One option that never runs short and costs 1 per unit, no holding or shortage cost: the yearly cost is the year's demand,
        // Σ_t μ exp(σ z_t − σ²/2), with mean 52 μ and variance 52 μ² (exp(σ²) − 1).
        const double mu = 100, sigma = 0.2;
        var m = new SimulationModel
        {
            Weeks = 52, OptionIds = ["a"], MeanWeeklyDemand = Enumerable.Repeat(mu, 52).ToArray(), WeeklySigma = sigma, LeadWeeks = [1], Flexibility = [10],
            UnitCost = [1], CarryingRate = 0, ShortageCost = 0, Backorders = false, EmergencyPremium = double.NaN, EmergencyLeadWeeks = 1, EmergencyCapacity = 1,
            Events = [], Strategies = [new StrategyDefinition("a", null, [1], 10)], TimeToRecoverWeeks = [double.NaN],
        };
        const int scenarios = 20_000;
        var raw = ScenarioBlockKernel.Run(m, scenarios, 9, 0);
        Assert.All(raw.FillRate[0], f => Assert.Equal(1, f, 12));
        var (mean, error) = MeanAndError(raw.AnnualCost[0]);
        Assert.True(Math.Abs(mean - 52 * mu) < 4 * error, $"mean {mean:F2} against {52 * mu}");
        var variance = raw.AnnualCost[0].Sum(x => (x - mean) * (x - mean)) / (scenarios - 1);
        var expected = 52 * mu * mu * (Math.Exp(sigma * sigma) - 1);
        Assert.True(Math.Abs(variance / expected - 1) < 0.05, $"variance {variance:F1} against {expected:F1}");
    }

    private static (double Mean, double Error) MeanAndError(double[] x)
    {
        var mean = x.Average();
        var variance = x.Sum(v => (v - mean) * (v - mean)) / (x.Length - 1);
        return (mean, Math.Sqrt(variance / x.Length));
    }

    private static double KolmogorovSmirnov(double[] a, double[] b)
    {
        var x = a.Order().ToArray();
        var y = b.Order().ToArray();
        int i = 0, j = 0;
        var d = 0.0;
        while (i < x.Length && j < y.Length)
        {
            var v = Math.Min(x[i], y[j]);
            while (i < x.Length && x[i] <= v) i++;
            while (j < y.Length && y[j] <= v) j++;
            d = Math.Max(d, Math.Abs((double)i / x.Length - (double)j / y.Length));
        }
        return d;
    }
}
