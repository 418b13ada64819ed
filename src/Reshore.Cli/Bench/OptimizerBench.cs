using System.Diagnostics;
using Reshore.Core.Optimization;

namespace Reshore.Cli.Bench;

/// <summary>
/// The optimiser's benchmark (issue 17): what `optimize --frontier` solves for an item — the optimum, each option alone and an 8-point
/// frontier — on <see cref="SyntheticSourcingProblem"/> with 10 options and 2,000 scenarios of 13 periods.
/// </summary>
public static class OptimizerBench
{
    /// <summary>The result: sizes, wall and processor seconds, the largest proven gap, master iterations and the frontier's objectives.</summary>
    public sealed record Result(int Options, int Scenarios, int Periods, int FrontierPoints, string Method, double Seconds, double CpuSeconds,
        double? WorstRelativeGap, bool AllProvenOptimal, bool FrontierMonotone, int MasterIterations, double[] FrontierObjectives);

    /// <summary>Runs it once (after a small warm-up so the timing is not the JIT's); <paramref name="method"/> compares the full program (before issue 17) with the cutting planes.</summary>
    public static Result Run(int options = 10, int scenarios = 2_000, int seed = 1, OptimizerMethod method = OptimizerMethod.Auto, TimeSpan? timeLimit = null)
    {
        var warm = SyntheticSourcingProblem.Create(options, 50, seed + 1);
        new SourcingOptimizer { Method = method }.Solve(warm, new OptimizationConstraints { RiskAversion = 1 });
        var process = Process.GetCurrentProcess();
        var cpuStart = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var problem = SyntheticSourcingProblem.Create(options, scenarios, seed);
        var optimizer = new SourcingOptimizer { Method = method, TimeLimit = timeLimit ?? TimeSpan.FromSeconds(120) };
        var constraints = new OptimizationConstraints { RiskAversion = 1, MaxBufferWeeks = 8 };
        var optimum = optimizer.Solve(problem, constraints).Strategy;
        var single = optimizer.SingleSources(problem, constraints);
        var frontier = optimizer.Frontier(problem, constraints, SourcingOptimizer.DefaultLambdas);
        var seconds = watch.Elapsed.TotalSeconds;
        process.Refresh();
        var all = new[] { optimum }.Concat(single).Concat(frontier).OfType<OptimizedStrategy>().ToList();
        return new Result(options, scenarios, problem.Periods, frontier.Count, optimum?.Method ?? "", seconds, (process.TotalProcessorTime - cpuStart).TotalSeconds,
            all.Max(s => s.RelativeGap), all.All(s => s.ProvenOptimal), SourcingOptimizer.FirstNonMonotonePoint(frontier, 1e-4) is null,
            optimizer.DecompositionIterations, frontier.Select(f => f.Objective).ToArray());
    }

    /// <summary>One line of text.</summary>
    public static string Text(Result r, double? load) => System.FormattableString.Invariant(
        $"optimiser: {r.Options} options × {r.Scenarios} scenarios × {r.Periods} periods, optimum + {r.Options} single sources + {r.FrontierPoints}-point frontier ({r.Method}) in {r.Seconds:N2} s (CPU {r.CpuSeconds:N2} s, load {load:N1}); worst proven gap {r.WorstRelativeGap:P4}, all proven optimal: {r.AllProvenOptimal}, frontier monotone: {r.FrontierMonotone}, {r.MasterIterations} master programs");
}
