using System.Diagnostics;
using Google.OrTools.LinearSolver;

namespace Reshore.Core.Optimization;

/// <summary>
/// The sourcing program by decomposition (docs/model.md 9.9): the first stage (shares x, use y, buffer b) in a small master program and
/// the scenarios' recourse solved exactly by <see cref="ScenarioRecourse"/>. The objective (1 + λ)(F·y + h b) + E[Q(x, b)] + λ CVaR_α[Q(x, b)]
/// has two convex parts in (x, b); the master keeps outer approximations of each, θ_E ≥ E[Q] and θ_C ≥ CVaR[Q], from cuts
/// (Kelley's cutting-plane method, the L-shaped method of Van Slyke and Wets, SIAM J. Appl. Math. 17(4), 1969, with the CVaR cut of
/// Rockafellar and Uryasev, J. Risk 2(3), 2000: the subgradient of CVaR is the tail scenarios' average subgradient). Each master solution is
/// evaluated exactly; the best evaluated is the incumbent (an upper bound) and the master's optimum is a lower bound, so the proven gap is
/// their difference. Cuts do not depend on λ, y or the user's constraints, so one pool serves the optimum, each option alone and every
/// frontier point (warm start along the frontier).
/// </summary>
public sealed class CuttingPlaneSolver
{
    private readonly OptimizationProblem _p;
    private readonly ScenarioRecourse _recourse;
    private readonly List<(double Constant, double[] Slope)> _expectationCuts = [];
    private readonly List<(double Constant, double[] Slope)> _cvarCuts = [];
    private readonly double _alpha;
    private readonly double[] _values;
    private readonly double[] _gradients;

    /// <summary>Master iterations of the last solves (for benchmarks).</summary>
    public int Iterations { get; private set; }

    /// <summary>A solver for <paramref name="problem"/> at CVaR level <paramref name="alpha"/>; its cut pool grows with every solve.</summary>
    public CuttingPlaneSolver(OptimizationProblem problem, double alpha)
    {
        _p = problem;
        _alpha = alpha;
        _recourse = new ScenarioRecourse(problem);
        _values = new double[problem.Scenarios];
        _gradients = new double[problem.Scenarios * _recourse.Dimension];
    }

    /// <summary>The method's name in results.</summary>
    public const string MethodName = "cutting-plane";

    /// <summary>
    /// Solves at <paramref name="c"/>'s λ; <paramref name="only"/> fixes all volume on one option. Returns null and "INFEASIBLE" when the
    /// first-stage constraints cannot hold, null and "NOT_SOLVED" when the time ran out before any solution.
    /// </summary>
    public (OptimizedStrategy? Strategy, string Status) Solve(OptimizationConstraints c, double gapLimit, TimeSpan timeLimit, int? only = null)
    {
        var watch = Stopwatch.StartNew();
        var n = _p.OptionCount;
        var lambda = c.RiskAversion;
        using var master = Solver.CreateSolver("SCIP") ?? throw new InvalidOperationException("The OR-Tools SCIP solver is not available on this machine.");
        var x = Enumerable.Range(0, n).Select(i => master.MakeNumVar(only is { } o ? (i == o ? 1 : 0) : 0, only is { } o2 ? (i == o2 ? 1 : 0) : 1, $"x_{i}")).ToArray();
        var y = Enumerable.Range(0, n).Select(i => master.MakeBoolVar($"y_{i}")).ToArray();
        var b = master.MakeNumVar(0, c.MaxBufferWeeks * _p.MeanWeeklyDemand, "buffer");
        var thetaE = master.MakeNumVar(double.NegativeInfinity, double.PositiveInfinity, "thetaE");
        var thetaC = master.MakeNumVar(double.NegativeInfinity, double.PositiveInfinity, "thetaC");
        var sum = master.MakeConstraint(1, 1, "shares");
        for (var i = 0; i < n; i++)
        {
            sum.SetCoefficient(x[i], 1);
            var link = master.MakeConstraint(double.NegativeInfinity, 0, $"use_{i}");
            link.SetCoefficient(x[i], 1);
            link.SetCoefficient(y[i], -1);
            var minimum = master.MakeConstraint(0, double.PositiveInfinity, $"used_{i}");
            minimum.SetCoefficient(x[i], 1);
            minimum.SetCoefficient(y[i], -0.001);
        }
        SourcingOptimizer.AddFirstStageConstraints(_p, c, x, y, (name, lower, upper, _, _) => master.MakeConstraint(lower, upper, name));
        var objective = master.Objective();
        for (var i = 0; i < n; i++) objective.SetCoefficient(y[i], (1 + lambda) * _p.FixedCostPerYear[i]);
        objective.SetCoefficient(b, (1 + lambda) * _p.HoldingCostPerUnitYear);
        objective.SetCoefficient(thetaE, 1);
        objective.SetCoefficient(thetaC, lambda);
        objective.SetMinimization();

        if (_expectationCuts.Count == 0)
        {
            // A first cut anywhere bounds the master (its variables lie in a box).
            var start = Enumerable.Repeat(1.0 / n, n).ToArray();
            if (only is { } k) { Array.Clear(start); start[k] = 1; }
            Cut(start, 0);
        }
        int added = 0;
        void AddCuts()
        {
            for (; added < _expectationCuts.Count; added++)
            {
                Row(thetaE, _expectationCuts[added]);
                Row(thetaC, _cvarCuts[added]);
            }
        }
        void Row(Variable theta, (double Constant, double[] Slope) cut)
        {
            var row = master.MakeConstraint(cut.Constant, double.PositiveInfinity);   // θ − g·x − g_b b ≥ constant
            row.SetCoefficient(theta, 1);
            for (var i = 0; i < n; i++) row.SetCoefficient(x[i], -cut.Slope[i]);
            row.SetCoefficient(b, -cut.Slope[n]);
        }

        var parameters = new MPSolverParameters();
        parameters.SetDoubleParam(MPSolverParameters.DoubleParam.RELATIVE_MIP_GAP, 1e-9);
        Incumbent? best = null;
        double lowerBound = double.NegativeInfinity;
        var timedOut = false;
        while (true)
        {
            AddCuts();
            var remaining = timeLimit - watch.Elapsed;
            if (remaining <= TimeSpan.Zero) { timedOut = true; break; }
            master.SetTimeLimit(Math.Max(1, (long)remaining.TotalMilliseconds));
            var status = master.Solve(parameters);
            Iterations++;
            if (status == Solver.ResultStatus.INFEASIBLE) return (null, "INFEASIBLE");
            if (status is not (Solver.ResultStatus.OPTIMAL or Solver.ResultStatus.FEASIBLE)) { timedOut = true; break; }
            if (status == Solver.ResultStatus.OPTIMAL) lowerBound = Math.Max(lowerBound, objective.BestBound());
            var shares = x.Select(v => Math.Max(0, v.SolutionValue())).ToArray();
            var total = shares.Sum();
            for (var i = 0; i < n; i++) shares[i] /= total;
            var used = y.Select(v => v.SolutionValue() > 0.5).ToArray();
            var buffer = Math.Clamp(b.SolutionValue(), 0, c.MaxBufferWeeks * _p.MeanWeeklyDemand);
            var (expected, cvar) = Cut(shares, buffer);
            var deterministic = Deterministic(used, buffer);
            var value = (1 + lambda) * deterministic + expected + lambda * cvar;
            if (best is null || value < best.Objective) best = new Incumbent(shares, used, buffer, expected, cvar, value);
            if (Gap(best.Objective, lowerBound) <= gapLimit) break;
            if (watch.Elapsed >= timeLimit) { timedOut = true; break; }
        }
        if (best is null) return (null, "NOT_SOLVED");
        var gap = double.IsFinite(lowerBound) ? Gap(best.Objective, lowerBound) : (double?)null;
        var proven = !timedOut && gap <= gapLimit;
        return (Strategy(c, best) with
        {
            Status = proven ? "OPTIMAL" : "FEASIBLE", RelativeGap = gap, GapLimit = gapLimit, Method = MethodName,
        }, proven ? "OPTIMAL" : "FEASIBLE");
    }

    private static double Gap(double upper, double lower) => Math.Max(0, upper - lower) / Math.Max(1, Math.Abs(upper));

    private double Deterministic(bool[] used, double buffer)
    {
        var total = _p.HoldingCostPerUnitYear * buffer;
        for (var i = 0; i < used.Length; i++) if (used[i]) total += _p.FixedCostPerYear[i];
        return total;
    }

    private sealed record Incumbent(double[] Shares, bool[] Used, double Buffer, double Expected, double Cvar, double Objective);

    /// <summary>Evaluates every scenario at (x, b), adds the expectation and the CVaR cut to the pool, returns E[Q] and CVaR_α[Q].</summary>
    private (double Expected, double Cvar) Cut(double[] shares, double buffer)
    {
        var S = _p.Scenarios;
        var dim = _recourse.Dimension;
        _recourse.Evaluate(shares, buffer, _values, _gradients);
        var point = new double[dim];
        shares.CopyTo(point, 0);
        point[dim - 1] = buffer;
        var expectationSlope = new double[dim];
        double expected = 0;
        for (var s = 0; s < S; s++)
        {
            expected += _values[s] / S;
            for (var k = 0; k < dim; k++) expectationSlope[k] += _gradients[s * dim + k] / S;
        }
        // CVaR: the worst (1 − α) S scenarios with the boundary one weighted fractionally, as in SourcingOptimizer.TailMean.
        var order = Enumerable.Range(0, S).OrderByDescending(s => _values[s]).ToArray();
        var tail = (1 - _alpha) * S;
        var cvarSlope = new double[dim];
        double cvar = 0, weight = 0;
        for (var r = 0; r < S && weight < tail - 1e-12; r++)
        {
            var w = Math.Min(1, tail - weight);
            var s = order[r];
            cvar += w * _values[s];
            for (var k = 0; k < dim; k++) cvarSlope[k] += w * _gradients[s * dim + k];
            weight += w;
        }
        cvar /= weight;
        for (var k = 0; k < dim; k++) cvarSlope[k] /= weight;
        _expectationCuts.Add((expected - Dot(expectationSlope, point), expectationSlope));
        _cvarCuts.Add((cvar - Dot(cvarSlope, point), cvarSlope));
        return (expected, cvar);
    }

    private static double Dot(double[] a, double[] b)
    {
        double sum = 0;
        for (var i = 0; i < a.Length; i++) sum += a[i] * b[i];
        return sum;
    }

    private OptimizedStrategy Strategy(OptimizationConstraints c, Incumbent best)
    {
        var (lost, emergency) = _recourse.Units(best.Shares, best.Buffer);
        var deterministic = Deterministic(best.Used, best.Buffer);
        var demand = _p.Demand.Sum();
        var perYear = 1 / (_p.Scenarios * _p.YearsCovered);
        var used = best.Shares.Select(v => v > 1e-9).ToArray();
        return new OptimizedStrategy(c.RiskAversion, best.Shares, used, best.Buffer, best.Buffer / _p.MeanWeeklyDemand,
            deterministic + best.Expected, deterministic + best.Cvar, demand > 0 ? 1 - lost.Sum() / demand : 1)
        {
            Objective = best.Objective,
            ExpectedLostUnitsPerYear = lost.Sum() * perYear,
            ExpectedEmergencyUnitsPerYear = emergency.Sum() * perYear,
        };
    }
}
