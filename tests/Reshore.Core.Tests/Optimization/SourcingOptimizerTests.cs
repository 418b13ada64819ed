using Reshore.Core.Optimization;

namespace Reshore.Core.Tests.Optimization;

/// <summary>
/// The stochastic program against closed forms. Two options, one period of demand 100, ten equally likely scenarios:
/// A costs 10 and fails completely in scenarios 0 and 1 (p = 0.2); B costs 13 and never fails; no flexibility, no buffer,
/// no emergency supply. A unit short costs K = c̃ + k_s, with c̃ = (10 + 13) ÷ 2 = 11.5 and k_s the lost margin and penalty.
/// With a share x on A:
///   cost_s(x) = 1000 a_s x + 1300 (1 − x) + 100 K x (1 − a_s)
///   E[cost]  = 1300 + x (20K − 500)          (so x* = 1 when K &lt; 25, i.e. k_s &lt; 13.5, else 0)
///   CVaR_0.8 = cost in a failure scenario = 1300 + x (100K − 1300).
/// </summary>
public sealed class SourcingOptimizerTests
{
    /// <summary>The two-option problem with a unit short costing <paramref name="lostUnitCost"/> = c̃ + k_s (c̃ = 11.5).</summary>
    internal static OptimizationProblem TwoOptions(double lostUnitCost, double[]? fixedCost = null) => new()
    {
        OptionIds = ["a", "b"],
        Scenarios = 10,
        Periods = 1,
        YearsCovered = 1,
        Demand = Enumerable.Repeat(100.0, 10).ToArray(),
        MeanDemand = [100],
        Availability = Enumerable.Range(0, 10).SelectMany(s => new[] { s < 2 ? 0.0 : 1.0, 1.0 }).ToArray(),
        UnitCost = [10, 13],
        Flexibility = [0, 0],
        FixedCostPerYear = fixedCost ?? [0, 0],
        Co2eKgPerUnit = [2, 1],
        Country = ["CN", "PL"],
        InEu = [false, true],
        ShortageCost = lostUnitCost - 11.5,
        EmergencyPremium = double.NaN,
        EmergencyCapacity = 0,
        HoldingCostPerUnitYear = 1,
        MeanWeeklyDemand = 100 / 4.0,
        AnnualVolume = 100,
    };

    private static readonly OptimizationConstraints NoBuffer = new() { MaxBufferWeeks = 0, Alpha = 0.8 };

    [Theory]
    [InlineData(11.5, 1.0, 1030)]   // k_s = 0, K = 11.5 < 25: all on A; E = 800 + 20 × 11.5 = 1030
    [InlineData(40, 0.0, 1300)]     // K = 40 > 25: all on B; E = 1300
    public void Risk_neutral_optimum_matches_the_closed_form(double k, double shareA, double expected)
    {
        var outcome = new SourcingOptimizer().Solve(TwoOptions(k), NoBuffer);
        Assert.NotNull(outcome.Strategy);
        Assert.Equal(shareA, outcome.Strategy!.Shares[0], 6);
        Assert.Equal(expected, outcome.Strategy.ExpectedCost, 4);
        Assert.Equal(1, outcome.Strategy.Shares.Sum(), 9);
        Assert.Equal("OPTIMAL", outcome.Strategy.Status);
        Assert.Equal(0, outcome.Strategy.RelativeGap);
        Assert.True(outcome.Strategy.ProvenOptimal);
    }

    [Fact]
    public void A_lost_sale_costs_more_than_the_unit_it_saves()
    {
        // k_s = 1 < c_B − c̃ = 1.5: before, a unit short cost k_s alone, 1 < 13, so failing A was "cheaper" than supplying from B and the
        // expected cost of all on A was 800 + 0.2 × 100 × 1 = 820. Now a unit short costs c̃ + k_s = 12.5: E = 800 + 250 = 1,050.
        var outcome = new SourcingOptimizer().Solve(TwoOptions(12.5), NoBuffer);
        Assert.Equal(1, outcome.Strategy!.Shares[0], 6);
        Assert.Equal(1050, outcome.Strategy.ExpectedCost, 4);
        Assert.Equal(20, outcome.Strategy.ExpectedLostUnitsPerYear, 9);   // 0.2 × 100
    }

    [Theory]
    [InlineData(0.1, 1.0, 1200, 2000)]   // −100 + 700 λ < 0: stay on A; CVaR = 1300 + (2000 − 1300) = 2000
    [InlineData(0.2, 0.0, 1300, 1300)]   // −100 + 700 λ > 0: move to B
    public void Risk_aversion_trades_expected_cost_for_cvar_at_the_closed_form_threshold(double lambda, double shareA, double expected, double cvar)
    {
        var outcome = new SourcingOptimizer().Solve(TwoOptions(20), NoBuffer with { RiskAversion = lambda });
        Assert.Equal(shareA, outcome.Strategy!.Shares[0], 6);
        Assert.Equal(expected, outcome.Strategy.ExpectedCost, 4);
        Assert.Equal(cvar, outcome.Strategy.Cvar, 4);
    }

    [Fact]
    public void Lambda_zero_gives_the_cheapest_expected_cost_of_any_mix()
    {
        var problem = TwoOptions(24);
        var best = new SourcingOptimizer().Solve(problem, NoBuffer).Strategy!;
        // Closed form over a grid of shares: E = 1300 + x (20 × 24 − 500) = 1300 − 20 x.
        var gridBest = Enumerable.Range(0, 101).Select(i => 1300 - 20 * (i / 100.0)).Min();
        Assert.Equal(gridBest, best.ExpectedCost, 4);
    }

    [Fact]
    public void The_frontier_is_monotone()
    {
        var problem = TwoOptions(20);
        var frontier = new SourcingOptimizer().Frontier(problem, NoBuffer, [0, 0.05, 0.1, 0.15, 0.2, 0.5, 1, 5]);
        Assert.Equal(8, frontier.Count);
        for (var i = 1; i < frontier.Count; i++)
        {
            Assert.True(frontier[i].ExpectedCost >= frontier[i - 1].ExpectedCost - 1e-6, $"expected cost fell at λ = {frontier[i].RiskAversion}");
            Assert.True(frontier[i].Cvar <= frontier[i - 1].Cvar + 1e-6, $"CVaR rose at λ = {frontier[i].RiskAversion}");
        }
    }

    [Fact]
    public void Share_and_sustainability_constraints_bind()
    {
        var optimizer = new SourcingOptimizer();
        var problem = TwoOptions(11.5);   // unconstrained optimum: all on A (CN, non-EU, 2 kg CO2e)
        Assert.Equal(0.4, optimizer.Solve(problem, NoBuffer with { MaxShare = [0.4, 1] }).Strategy!.Shares[0], 6);
        Assert.Equal(0.3, optimizer.Solve(problem, NoBuffer with { MaxNonEuShare = 0.3 }).Strategy!.Shares[0], 6);
        Assert.Equal(0.6, optimizer.Solve(problem, NoBuffer with { MaxCountryShare = 0.6 }).Strategy!.Shares[0], 6);
        // CO2e: 2x + 1(1 − x) ≤ 1.5 → x ≤ 0.5.
        Assert.Equal(0.5, optimizer.Solve(problem, NoBuffer with { Co2eBudget = 1.5 }).Strategy!.Shares[0], 6);
        // Fill rate: lost = 0.2 × 100 x × 10 scenarios ≤ (1 − 0.9) × 1000 → x ≤ 0.5.
        Assert.Equal(0.5, optimizer.Solve(problem, NoBuffer with { MinFillRate = 0.9 }).Strategy!.Shares[0], 6);
        // Capacity of A: 100 x ≤ 70.
        Assert.Equal(0.7, optimizer.Solve(problem, NoBuffer with { Capacity = [70, double.PositiveInfinity] }).Strategy!.Shares[0], 6);
    }

    [Fact]
    public void A_fixed_cost_only_counts_when_the_option_is_used_and_moq_forces_all_or_a_minimum()
    {
        var optimizer = new SourcingOptimizer();
        // A fixed cost of 250 on B: with K = 40, all on B costs 1300 + 250 = 1550 against all on A 800 + 800 = 1600: still B.
        var withFixed = optimizer.Solve(TwoOptions(40, [0, 250]), NoBuffer).Strategy!;
        Assert.Equal(1.0, withFixed.Shares[1], 6);
        Assert.Equal(1550, withFixed.ExpectedCost, 4);
        Assert.True(withFixed.Used[1] && !withFixed.Used[0]);
        // MOQ of 60 units on B with max non-EU share 0.7: B takes at least 0.3, and if used at least 0.6.
        var moq = optimizer.Solve(TwoOptions(11.5), NoBuffer with { MaxNonEuShare = 0.7, Moq = [0, 60] }).Strategy!;
        Assert.Equal(0.6, moq.Shares[1], 6);
    }

    [Fact]
    public void Infeasible_constraints_are_named()
    {
        var outcome = new SourcingOptimizer().Solve(TwoOptions(11.5), NoBuffer with { MaxShare = [0.3, 0.3] });
        Assert.Null(outcome.Strategy);
        Assert.Equal("INFEASIBLE", outcome.Status);
        Assert.NotEmpty(outcome.Conflicts);
        Assert.All(outcome.Conflicts, c => Assert.StartsWith("maxShare.", c.Constraint));
        Assert.Equal(2, outcome.Conflicts.Count);
        Assert.Equal(0.4, outcome.Conflicts.Sum(c => c.Violation), 6);
        // A constraint that is not part of the conflict is not named.
        var named = new SourcingOptimizer().Solve(TwoOptions(11.5), NoBuffer with { MaxShare = [0.3, 0.3], Co2eBudget = 10 }).Conflicts;
        Assert.DoesNotContain(named, c => c.Constraint == "co2eBudgetKgPerUnit");
        var both = new SourcingOptimizer().Solve(TwoOptions(11.5), NoBuffer with { MaxNonEuShare = 0.2, Co2eBudget = 0.5 });
        Assert.Contains(both.Conflicts, c => c.Constraint == "co2eBudgetKgPerUnit");
    }

    [Fact]
    public void A_buffer_covers_a_failure_when_holding_it_is_cheaper_than_shortage()
    {
        // With a buffer of 100 units (4 weeks) held at 1 per unit-year, A's failure scenarios lose nothing: the stock covers them,
        // and the 100 units drawn are bought back at the average unit cost (10 + 13)/2 = 11.5.
        // E = 0.8 × 1,000 (A's deliveries) + 100 (holding) + 0.2 × 1,150 (refill) = 1,130 — below all on B (1,300) and A without buffer (1,600).
        var outcome = new SourcingOptimizer().Solve(TwoOptions(40), new OptimizationConstraints { MaxBufferWeeks = 4, Alpha = 0.8 });
        var s = outcome.Strategy!;
        Assert.Equal(1.0, s.Shares[0], 6);
        Assert.Equal(4, s.BufferWeeks, 6);
        Assert.Equal(1, s.FillRate, 9);
        Assert.Equal(800 + 100 + 0.2 * 1150, s.ExpectedCost, 4);
    }

    /// <summary>A random three-option problem: 60 scenarios of 13 periods, availability drawn per option, fixed costs, flexibility, a buffer.</summary>
    internal static OptimizationProblem ThreeOptions(int seed)
    {
        var random = new Random(seed);
        const int scenarios = 60, periods = 13, n = 3;
        var demand = Enumerable.Range(0, scenarios * periods).Select(_ => 400 * (0.7 + 0.6 * random.NextDouble())).ToArray();
        var availability = Enumerable.Range(0, scenarios * periods * n).Select(_ => random.NextDouble() < 0.08 ? random.NextDouble() * 0.5 : 1).ToArray();
        return new OptimizationProblem
        {
            OptionIds = ["cn", "pl", "be"], Scenarios = scenarios, Periods = periods, YearsCovered = 1, Demand = demand,
            MeanDemand = Enumerable.Repeat(400.0, periods).ToArray(), Availability = availability,
            UnitCost = [10 + random.NextDouble(), 11.5 + random.NextDouble(), 12.5 + random.NextDouble()], Flexibility = [0.2, 0.3, 0.1],
            FixedCostPerYear = [2_000 * random.NextDouble(), 3_000 * random.NextDouble(), 6_000 * random.NextDouble()], Co2eKgPerUnit = [2, 1.2, 0.8],
            Country = ["CN", "PL", "BE"], InEu = [false, true, true], ShortageCost = 4 + 8 * random.NextDouble(), EmergencyPremium = 2 + 3 * random.NextDouble(),
            EmergencyCapacity = 0.3, HoldingCostPerUnitYear = 2.5, MeanWeeklyDemand = 100, AnnualVolume = 5_200,
        };
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Enumerating_use_patterns_finds_the_branch_and_bound_optimum(int seed)
    {
        // Two exact methods on the same program: LPs over every set of used options (GLOP) and SCIP's branch and bound (gap 1e-6).
        var problem = ThreeOptions(seed);
        foreach (var lambda in new[] { 0.0, 0.5, 4 })
        {
            var constraints = new OptimizationConstraints { RiskAversion = lambda, MaxBufferWeeks = 6, MinFillRate = 0.97 };
            var byLp = new SourcingOptimizer().Solve(problem, constraints).Strategy!;
            var byMip = new SourcingOptimizer { MaxOptionsToEnumerate = 0 }.Solve(problem, constraints).Strategy!;
            Assert.Equal("lp-per-use-pattern", byLp.Method);
            Assert.Equal("mip", byMip.Method);
            Assert.True(byLp.ProvenOptimal && byMip.ProvenOptimal);
            Assert.True(Math.Abs(byLp.Objective - byMip.Objective) <= 2e-6 * byLp.Objective,
                $"seed {seed}, λ = {lambda}: LP enumeration {byLp.Objective:F4}, branch and bound {byMip.Objective:F4} (gap {byMip.RelativeGap:E2})");
            // The objective is E + λ CVaR of the reported solution.
            Assert.Equal(byLp.ExpectedCost + lambda * byLp.Cvar, byLp.Objective, 3);
        }
    }

    [Fact]
    public void A_three_option_frontier_is_proven_optimal_and_monotone()
    {
        var frontier = new SourcingOptimizer().Frontier(ThreeOptions(7), new OptimizationConstraints { MaxBufferWeeks = 8 }, SourcingOptimizer.DefaultLambdas);
        Assert.Equal(SourcingOptimizer.DefaultLambdas.Count, frontier.Count);
        Assert.All(frontier, f => Assert.Equal("OPTIMAL", f.Status));
        Assert.Null(SourcingOptimizer.FirstNonMonotonePoint(frontier));
    }

    [Fact]
    public void A_solve_stopped_by_its_time_limit_is_never_labelled_optimal()
    {
        // 1 ms is far too little for either method on 2,000 scenarios: whatever comes back must not claim optimality.
        var big = ThreeOptions(11);
        var random = new Random(5);
        var problem = new OptimizationProblem
        {
            OptionIds = big.OptionIds, Scenarios = 2_000, Periods = 13, YearsCovered = 1,
            Demand = Enumerable.Range(0, 2_000 * 13).Select(_ => 400 * (0.7 + 0.6 * random.NextDouble())).ToArray(), MeanDemand = big.MeanDemand,
            Availability = Enumerable.Range(0, 2_000 * 13 * 3).Select(_ => random.NextDouble() < 0.08 ? 0.3 : 1).ToArray(),
            UnitCost = big.UnitCost, Flexibility = big.Flexibility, FixedCostPerYear = big.FixedCostPerYear, Co2eKgPerUnit = big.Co2eKgPerUnit, Country = big.Country,
            InEu = big.InEu, ShortageCost = big.ShortageCost, EmergencyPremium = big.EmergencyPremium, EmergencyCapacity = big.EmergencyCapacity,
            HoldingCostPerUnitYear = big.HoldingCostPerUnitYear, MeanWeeklyDemand = big.MeanWeeklyDemand, AnnualVolume = big.AnnualVolume,
        };
        foreach (var optimizer in new[] { new SourcingOptimizer { TimeLimit = TimeSpan.FromMilliseconds(1) }, new SourcingOptimizer { TimeLimit = TimeSpan.FromMilliseconds(1), MaxOptionsToEnumerate = 0 } })
        {
            var outcome = optimizer.Solve(problem, new OptimizationConstraints { RiskAversion = 1, MaxBufferWeeks = 6 });
            Assert.NotEqual("OPTIMAL", outcome.Status);
            Assert.True(outcome.Strategy is null || (!outcome.Strategy.ProvenOptimal && outcome.Strategy.Status == "FEASIBLE"));
        }
    }

    [Fact]
    public void Tail_mean_weights_the_boundary_scenario()
    {
        // Worst 25% of four values [40, 30, 20, 10] is 40; worst 30% is (40 + 0.2 × 30) / 1.2.
        Assert.Equal(40, SourcingOptimizer.TailMean([40, 30, 20, 10], 0.75), 12);
        Assert.Equal((40 + 0.2 * 30) / 1.2, SourcingOptimizer.TailMean([40, 30, 20, 10], 0.70), 12);
    }
}

/// <summary>How a conflict set reads in messages.</summary>
public sealed class ConflictDescriptionTests
{
    [Fact]
    public void Members_that_did_not_move_are_named_without_a_zero_move()
    {
        var text = SourcingOptimizer.Describe([new ConstraintConflict("maxShare[cn]", 0.5, 0.25), new ConstraintConflict("minShare[pl]", 0.6, 0), new ConstraintConflict("capacity[be]", 100, double.NaN)]);
        Assert.Equal("maxShare[cn] (limit 0.5, must move by 0.25); minShare[pl] (limit 0.6); capacity[be] (limit 100)", text);
    }
}
