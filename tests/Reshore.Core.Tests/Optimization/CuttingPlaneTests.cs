using Reshore.Core.Optimization;

namespace Reshore.Core.Tests.Optimization;

/// <summary>
/// The cutting-plane decomposition (docs/model.md 9.9) against the closed forms of <see cref="SourcingOptimizerTests"/> and against the
/// full program solved exactly by enumeration.
/// </summary>
public sealed class CuttingPlaneTests
{
    private static readonly SourcingOptimizer Decomposed = new() { Method = OptimizerMethod.CuttingPlane, DecompositionGapLimit = 1e-7 };
    private static readonly SourcingOptimizer Full = new() { Method = OptimizerMethod.Full };
    private static readonly OptimizationConstraints NoBuffer = new() { MaxBufferWeeks = 0, Alpha = 0.8 };

    [Theory]
    [InlineData(11.5, 1.0, 1030)]
    [InlineData(40, 0.0, 1300)]
    public void Risk_neutral_optimum_matches_the_closed_form(double k, double shareA, double expected)
    {
        var s = Decomposed.Solve(SourcingOptimizerTests.TwoOptions(k), NoBuffer).Strategy!;
        Assert.Equal(CuttingPlaneSolver.MethodName, s.Method);
        Assert.Equal(shareA, s.Shares[0], 6);
        Assert.Equal(expected, s.ExpectedCost, 4);
        Assert.True(s.ProvenOptimal);
        Assert.True(s.RelativeGap <= 1e-7);
    }

    [Theory]
    [InlineData(0.5, 1.0, 1030.0, 1300 + 100 * 11.5 - 1300)]   // K = 11.5: CVaR of all on A = 1300 + (1150 − 1300) = 1150 < 1300
    [InlineData(4, 1.0, 1030.0, 1150.0)]
    public void Risk_aversion_keeps_the_closed_form(double lambda, double shareA, double expected, double cvar)
    {
        var s = Decomposed.Solve(SourcingOptimizerTests.TwoOptions(11.5), NoBuffer with { RiskAversion = lambda }).Strategy!;
        Assert.Equal(shareA, s.Shares[0], 6);
        Assert.Equal(expected, s.ExpectedCost, 4);
        Assert.Equal(cvar, s.Cvar, 4);
    }

    [Fact]
    public void A_buffer_covers_a_failure_when_holding_it_is_cheaper_than_shortage()
    {
        // As in SourcingOptimizerTests: E = 0.8 × 1,000 + 100 (holding) + 0.2 × 1,150 (refill) = 1,130, nothing lost.
        var s = Decomposed.Solve(SourcingOptimizerTests.TwoOptions(40), new OptimizationConstraints { MaxBufferWeeks = 4, Alpha = 0.8 }).Strategy!;
        Assert.Equal(1.0, s.Shares[0], 6);
        Assert.Equal(4, s.BufferWeeks, 6);
        Assert.Equal(1, s.FillRate, 6);
        Assert.Equal(800 + 100 + 0.2 * 1150, s.ExpectedCost, 4);
    }

    [Fact]
    public void First_stage_constraints_bind_and_conflicts_are_named()
    {
        var problem = SourcingOptimizerTests.TwoOptions(11.5);
        Assert.Equal(0.4, Decomposed.Solve(problem, NoBuffer with { MaxShare = [0.4, 1] }).Strategy!.Shares[0], 6);
        Assert.Equal(0.5, Decomposed.Solve(problem, NoBuffer with { Co2eBudget = 1.5 }).Strategy!.Shares[0], 6);
        Assert.Equal(0.6, Decomposed.Solve(problem, NoBuffer with { MaxNonEuShare = 0.7, Moq = [0, 60] }).Strategy!.Shares[1], 6);
        var infeasible = Decomposed.Solve(problem, NoBuffer with { MaxShare = [0.3, 0.3] });
        Assert.Equal("INFEASIBLE", infeasible.Status);
        Assert.Equal(2, infeasible.Conflicts.Count);
        Assert.Equal(0.4, infeasible.Conflicts.Sum(c => c.Violation), 6);
    }

    [Fact]
    public void A_fill_rate_constraint_keeps_the_full_program()
    {
        Assert.False(new SourcingOptimizer { Method = OptimizerMethod.CuttingPlane }.Decomposes(SourcingOptimizerTests.TwoOptions(11.5), NoBuffer with { MinFillRate = 0.9 }));
        var s = Decomposed.Solve(SourcingOptimizerTests.TwoOptions(11.5), NoBuffer with { MinFillRate = 0.9 }).Strategy!;
        Assert.Equal(0.5, s.Shares[0], 6);
        Assert.NotEqual(CuttingPlaneSolver.MethodName, s.Method);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void The_decomposition_finds_the_exact_optimum_of_the_full_program(int seed)
    {
        // Three options, 60 scenarios of 13 periods with partial outages, surge, emergency supply, a buffer and fixed costs: the full
        // program solved exactly (GLOP on every set of used options) against the cutting planes with the recourse solved by its dual.
        var problem = SourcingOptimizerTests.ThreeOptions(seed);
        foreach (var constraints in new[]
                 {
                     new OptimizationConstraints { MaxBufferWeeks = 6 },
                     new OptimizationConstraints { MaxBufferWeeks = 3, Alpha = 0.9, MaxNonEuShare = 0.5 },
                 })
            foreach (var lambda in new[] { 0.0, 0.5, 4 })
            {
                var at = constraints with { RiskAversion = lambda };
                var exact = Full.Solve(problem, at).Strategy!;
                var cut = Decomposed.Solve(problem, at).Strategy!;
                Assert.True(cut.ProvenOptimal);
                Assert.True(Math.Abs(cut.Objective - exact.Objective) <= 1e-6 * exact.Objective,
                    $"seed {seed}, λ = {lambda}: full program {exact.Objective:F4}, cutting planes {cut.Objective:F4}");
                // The reported objective is the reported solution's E + λ CVaR, evaluated exactly.
                Assert.Equal(cut.ExpectedCost + lambda * cut.Cvar, cut.Objective, 6);
                // At the same shares and buffer the two recourse solutions cost the same, so the same expected cost and CVaR follow.
                if (exact.Shares.Zip(cut.Shares).All(p => Math.Abs(p.First - p.Second) < 1e-6) && Math.Abs(exact.BufferUnits - cut.BufferUnits) < 1e-4)
                {
                    Assert.Equal(exact.ExpectedCost, cut.ExpectedCost, 3);
                    Assert.Equal(exact.Cvar, cut.Cvar, 3);
                    Assert.Equal(exact.FillRate, cut.FillRate, 5);
                }
            }
    }

    [Fact]
    public void Single_sources_and_the_frontier_agree_with_the_full_program()
    {
        var problem = SourcingOptimizerTests.ThreeOptions(7);
        var constraints = new OptimizationConstraints { MaxBufferWeeks = 8, RiskAversion = 1 };
        var exactSingles = Full.SingleSources(problem, constraints);
        var cutSingles = Decomposed.SingleSources(problem, constraints);
        for (var i = 0; i < problem.OptionCount; i++)
        {
            Assert.Equal(1.0, cutSingles[i]!.Shares[i], 9);
            // The full program's single sources carry no objective; E + λ CVaR is theirs.
            var exactObjective = exactSingles[i]!.ExpectedCost + exactSingles[i]!.Cvar;
            Assert.Equal(exactObjective, cutSingles[i]!.Objective, 1e-6 * exactObjective);
        }
        var frontier = Decomposed.Frontier(problem, constraints, SourcingOptimizer.DefaultLambdas);
        var exactFrontier = Full.Frontier(problem, constraints, SourcingOptimizer.DefaultLambdas);
        Assert.Equal(SourcingOptimizer.DefaultLambdas.Count, frontier.Count);
        Assert.All(frontier, f => Assert.True(f.ProvenOptimal));
        Assert.Null(SourcingOptimizer.FirstNonMonotonePoint(frontier, 1e-5));
        for (var k = 0; k < frontier.Count; k++)
            Assert.Equal(exactFrontier[k].Objective, frontier[k].Objective, 1e-6 * exactFrontier[k].Objective);
    }

    [Fact]
    public void A_large_program_decomposes_by_default_and_a_tiny_time_limit_is_never_optimal()
    {
        var problem = SyntheticSourcingProblem.Create(options: 10, scenarios: 300, seed: 3);
        Assert.True(new SourcingOptimizer().Decomposes(problem, new OptimizationConstraints()));
        var outcome = new SourcingOptimizer { TimeLimit = TimeSpan.FromMilliseconds(1) }.Solve(problem, new OptimizationConstraints { RiskAversion = 1 });
        Assert.True(outcome.Strategy is null || !outcome.Strategy.ProvenOptimal);
    }
}
