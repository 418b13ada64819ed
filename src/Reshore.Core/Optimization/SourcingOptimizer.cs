using System.Globalization;
using Google.OrTools.LinearSolver;

namespace Reshore.Core.Optimization;

/// <summary>An optimal (or frontier) strategy with its in-sample results.</summary>
/// <param name="RiskAversion">λ it was solved for.</param>
/// <param name="Shares">Volume share per option index.</param>
/// <param name="Used">Whether each option is used.</param>
/// <param name="BufferUnits">Buffer stock, units.</param>
/// <param name="BufferWeeks">Buffer stock, weeks of mean demand.</param>
/// <param name="ExpectedCost">Expected annual cost over the scenarios, including fixed costs of the options used and holding the buffer.</param>
/// <param name="Cvar">CVaR at α of the annual cost.</param>
/// <param name="FillRate">Expected fill rate over the scenarios.</param>
public sealed record OptimizedStrategy(double RiskAversion, double[] Shares, bool[] Used, double BufferUnits, double BufferWeeks, double ExpectedCost, double Cvar, double FillRate);

/// <summary>A user constraint that had to be loosened to make the problem feasible.</summary>
/// <param name="Constraint">Name (as in the case file), e.g. maxNonEuShare or minShare.pl-supplier.</param>
/// <param name="Limit">The limit given.</param>
/// <param name="Violation">How far it had to move, in its own unit (0 when another member of the set moved instead; NaN when the final elastic solve failed).</param>
public sealed record ConstraintConflict(string Constraint, double Limit, double Violation);

/// <summary>The outcome of an optimisation: a strategy, or the constraints in conflict.</summary>
/// <param name="Strategy">The optimum, or null when infeasible.</param>
/// <param name="Conflicts">When infeasible, the smallest set of loosenings found that makes it feasible.</param>
/// <param name="Status">Solver status.</param>
public sealed record OptimizationOutcome(OptimizedStrategy? Strategy, IReadOnlyList<ConstraintConflict> Conflicts, string Status);

/// <summary>
/// Two-stage stochastic sourcing model solved as a mixed-integer program with Google OR-Tools (SCIP).
/// First stage: shares x_i (Σ x_i = 1), use indicators y_i (x_i ≤ y_i; fixed cost F_i y_i), buffer stock b.
/// Second stage per scenario s and period p: base deliveries x_i d_sp a_spi, surge z_spi ≤ f_i μ_p a_spi x_i, emergency e_sp,
/// lost sales l_sp and stock I_sp ∈ [0, b] (starting at b): I_sp = I_s,p−1 + Σ_i (d_sp a_spi x_i + z_spi) + e_sp + l_sp − d_sp.
/// Objective: E[cost] + λ CVaR_α, with CVaR linearised after Rockafellar and Uryasev (J. Risk 2(3), 2000):
/// CVaR = η + Σ_s u_s ÷ ((1 − α) S), u_s ≥ cost_s − η, u_s ≥ 0.
/// </summary>
public sealed class SourcingOptimizer
{
    /// <summary>Seconds the solver may take per solve.</summary>
    public int TimeLimitSeconds { get; init; } = 120;

    /// <summary>Solves for the constraints' λ and α; when infeasible, names the constraints in conflict.</summary>
    public OptimizationOutcome Solve(OptimizationProblem p, OptimizationConstraints c)
    {
        using var built = Build(p, c, elastic: false);
        var status = built.Solver.Solve(Parameters());
        if (status is Solver.ResultStatus.OPTIMAL or Solver.ResultStatus.FEASIBLE)
            return new OptimizationOutcome(Read(p, c, built), [], status.ToString());
        if (status != Solver.ResultStatus.INFEASIBLE)
            return new OptimizationOutcome(null, [], status.ToString());
        return new OptimizationOutcome(null, Conflicts(p, c), status.ToString());
    }

    /// <summary>
    /// The constraints in conflict: an irreducible infeasible set found by a deletion filter (Chinneck and Dravnieks, ORSA J. Computing 3(2), 1991):
    /// drop each user constraint in turn and keep it out while the rest stays infeasible. Each constraint left is reported with how far an elastic
    /// re-solve of that set has to move it.
    /// </summary>
    private IReadOnlyList<ConstraintConflict> Conflicts(OptimizationProblem p, OptimizationConstraints c)
    {
        List<string> names;
        using (var all = Build(p, c, elastic: true)) names = all.Slacks.Select(s => s.Name).ToList();
        var kept = new HashSet<string>(names, StringComparer.Ordinal);
        foreach (var name in names)
        {
            kept.Remove(name);
            using var trial = Build(p, c, elastic: false, only: kept, feasibilityOnly: true);
            if (trial.Solver.Solve(Parameters()) is Solver.ResultStatus.OPTIMAL or Solver.ResultStatus.FEASIBLE) kept.Add(name);
        }
        using var elastic = Build(p, c, elastic: true, only: kept);
        var solved = elastic.Solver.Solve(Parameters()) is Solver.ResultStatus.OPTIMAL or Solver.ResultStatus.FEASIBLE;
        return elastic.Slacks.Select(s => new ConstraintConflict(s.Name, s.Limit, solved ? s.Slack.SolutionValue() : double.NaN)).ToList();
    }

    /// <summary>The efficient frontier: one optimum per λ (expected cost against CVaR).</summary>
    public IReadOnlyList<OptimizedStrategy> Frontier(OptimizationProblem p, OptimizationConstraints c, IReadOnlyList<double> lambdas) =>
        lambdas.Select(l => Solve(p, c with { RiskAversion = l }).Strategy).OfType<OptimizedStrategy>().ToList();

    /// <summary>Default λ values of a frontier sweep.</summary>
    public static IReadOnlyList<double> DefaultLambdas { get; } = [0, 0.1, 0.25, 0.5, 1, 2, 4, 10];

    private MPSolverParameters Parameters()
    {
        var parameters = new MPSolverParameters();
        parameters.SetDoubleParam(MPSolverParameters.DoubleParam.RELATIVE_MIP_GAP, 1e-7);
        return parameters;
    }

    private sealed record SlackVar(string Name, double Limit, Variable Slack);

    private sealed class BuiltModel(Solver solver) : IDisposable
    {
        public Solver Solver { get; } = solver;
        public Variable[] X = [];
        public Variable[] Y = [];
        public Variable B = null!;
        public Variable Eta = null!;
        public Variable[] U = [];
        public Variable[] Lost = [];
        public List<SlackVar> Slacks { get; } = [];
        public double ScenarioScale;
        public LinearCostTerms Terms = null!;
        public void Dispose() => Solver.Dispose();
    }

    /// <summary>Per scenario, the coefficients of its annual cost (so it can be evaluated after solving).</summary>
    private sealed class LinearCostTerms
    {
        public readonly List<(Variable Var, double Coefficient)>[] ByScenario;
        public LinearCostTerms(int scenarios) => ByScenario = Enumerable.Range(0, scenarios).Select(_ => new List<(Variable, double)>()).ToArray();
        public double Value(int s) => ByScenario[s].Sum(t => t.Var.SolutionValue() * t.Coefficient);
    }

    private BuiltModel Build(OptimizationProblem p, OptimizationConstraints c, bool elastic, IReadOnlySet<string>? only = null, bool feasibilityOnly = false)
    {
        var solver = Solver.CreateSolver("SCIP") ?? throw new InvalidOperationException("The OR-Tools SCIP solver is not available on this machine.");
        solver.SetTimeLimit(TimeLimitSeconds * 1000L);
        var m = new BuiltModel(solver);
        int n = p.OptionCount, S = p.Scenarios, P = p.Periods;
        var inf = double.PositiveInfinity;
        m.X = Enumerable.Range(0, n).Select(i => solver.MakeNumVar(0, 1, $"x_{i}")).ToArray();
        m.Y = Enumerable.Range(0, n).Select(i => solver.MakeBoolVar($"y_{i}")).ToArray();
        m.B = solver.MakeNumVar(0, c.MaxBufferWeeks * p.MeanWeeklyDemand, "buffer");
        m.Eta = solver.MakeNumVar(double.NegativeInfinity, inf, "eta");
        m.U = Enumerable.Range(0, S).Select(s => solver.MakeNumVar(0, inf, $"u_{s}")).ToArray();
        var annual = 1 / p.YearsCovered;
        var averageCost = p.UnitCost.Average();
        var hasEmergency = !double.IsNaN(p.EmergencyPremium);
        var objective = solver.Objective();
        var lambda = elastic ? 0 : c.RiskAversion;
        var tail = 1 / ((1 - c.Alpha) * S);
        m.Terms = new LinearCostTerms(S);
        m.Lost = new Variable[S * P];

        // Σ x = 1; x ≤ y; and a used option carries some volume (x ≥ 0.1% y), so a net credit (incentives above one-off costs) cannot be collected without using it.
        var sum = solver.MakeConstraint(1, 1, "shares");
        for (var i = 0; i < n; i++)
        {
            sum.SetCoefficient(m.X[i], 1);
            var link = solver.MakeConstraint(double.NegativeInfinity, 0, $"use_{i}");
            link.SetCoefficient(m.X[i], 1);
            link.SetCoefficient(m.Y[i], -1);
            var minimum = solver.MakeConstraint(0, double.PositiveInfinity, $"used_{i}");
            minimum.SetCoefficient(m.X[i], 1);
            minimum.SetCoefficient(m.Y[i], -0.001);
        }

        var fillLost = new List<Variable>();
        double totalDemand = 0;
        for (var s = 0; s < S; s++)
        {
            var cvar = solver.MakeConstraint(0, inf, $"cvar_{s}");   // u_s − cost_s + η ≥ 0
            cvar.SetCoefficient(m.U[s], 1);
            cvar.SetCoefficient(m.Eta, 1);
            var terms = m.Terms.ByScenario[s];
            void Cost(Variable v, double coefficient)
            {
                if (coefficient == 0) return;
                objective.SetCoefficient(v, objective.GetCoefficient(v) + coefficient / S);
                cvar.SetCoefficient(v, cvar.GetCoefficient(v) - coefficient);
                terms.Add((v, coefficient));
            }
            Variable? previous = null;
            for (var t = 0; t < P; t++)
            {
                var cell = s * P + t;
                var d = p.Demand[cell];
                totalDemand += d;
                var mu = p.MeanDemand[t];
                // Balance: I − I_prev − Σ d a x − Σ z − e − l = −d.
                var balance = solver.MakeConstraint(-d, -d, $"bal_{s}_{t}");
                var stock = solver.MakeNumVar(0, inf, $"I_{s}_{t}");
                balance.SetCoefficient(stock, 1);
                balance.SetCoefficient(previous ?? m.B, -1);
                var cap = solver.MakeConstraint(double.NegativeInfinity, 0, $"cap_{s}_{t}");   // I ≤ b
                cap.SetCoefficient(stock, 1);
                cap.SetCoefficient(m.B, -1);
                for (var i = 0; i < n; i++)
                {
                    var a = p.Availability[cell * n + i];
                    balance.SetCoefficient(m.X[i], balance.GetCoefficient(m.X[i]) - d * a);
                    Cost(m.X[i], annual * p.UnitCost[i] * d * a);
                    if (p.Flexibility[i] <= 0 || a <= 0) continue;
                    var surge = solver.MakeNumVar(0, inf, $"z_{s}_{t}_{i}");
                    var surgeCap = solver.MakeConstraint(double.NegativeInfinity, 0, $"zc_{s}_{t}_{i}");
                    surgeCap.SetCoefficient(surge, 1);
                    surgeCap.SetCoefficient(m.X[i], -p.Flexibility[i] * mu * a);
                    balance.SetCoefficient(surge, -1);
                    Cost(surge, annual * p.UnitCost[i]);
                }
                if (hasEmergency && p.EmergencyCapacity > 0)
                {
                    var emergency = solver.MakeNumVar(0, p.EmergencyCapacity * mu, $"e_{s}_{t}");
                    balance.SetCoefficient(emergency, -1);
                    Cost(emergency, annual * (averageCost + p.EmergencyPremium));
                }
                var lost = solver.MakeNumVar(0, inf, $"l_{s}_{t}");
                balance.SetCoefficient(lost, -1);
                Cost(lost, annual * p.ShortageCost);
                m.Lost[cell] = lost;
                fillLost.Add(lost);
                previous = stock;
            }
            // Stock drawn from the buffer is bought back at the end of the year at the average unit cost: c̄ (b − I_last).
            Cost(m.B, annual * averageCost);
            Cost(previous!, -annual * averageCost);
        }
        m.ScenarioScale = annual;

        // Deterministic costs: fixed cost of options used and holding the buffer, counted in expectation and in CVaR.
        var deterministicWeight = 1 + lambda;
        // Added to what the scenarios already put on these variables (the buffer's refill term), never overwritten.
        for (var i = 0; i < n; i++) objective.SetCoefficient(m.Y[i], objective.GetCoefficient(m.Y[i]) + deterministicWeight * p.FixedCostPerYear[i]);
        objective.SetCoefficient(m.B, objective.GetCoefficient(m.B) + deterministicWeight * p.HoldingCostPerUnitYear);
        if (lambda > 0)
        {
            objective.SetCoefficient(m.Eta, lambda);
            for (var s = 0; s < S; s++) objective.SetCoefficient(m.U[s], lambda * tail);
        }

        // User constraints (elastic: each may move by a slack whose relative size is minimised).
        Constraint Limit(string name, double lower, double upper, double limit, double slackSign)
        {
            // A constraint left out of a filter trial is kept as a free row (−∞, ∞) so the code that fills it stays simple.
            if (only is not null && !only.Contains(name)) return solver.MakeConstraint(double.NegativeInfinity, double.PositiveInfinity, name);
            var constraint = solver.MakeConstraint(lower, upper, name);
            if (elastic)
            {
                var slack = solver.MakeNumVar(0, inf, $"slack_{name}");
                constraint.SetCoefficient(slack, slackSign);
                m.Slacks.Add(new SlackVar(name, limit, slack));
            }
            return constraint;
        }
        for (var i = 0; i < n; i++)
        {
            if (c.MinShare?[i] is > 0 and var min)
                Limit($"minShare.{p.OptionIds[i]}", min, inf, min, 1).SetCoefficient(m.X[i], 1);
            if (c.MaxShare?[i] is < 1 and var max)
                Limit($"maxShare.{p.OptionIds[i]}", double.NegativeInfinity, max, max, -1).SetCoefficient(m.X[i], 1);
            if (c.Capacity?[i] is { } capacity && double.IsFinite(capacity))
                Limit($"capacityUnitsPerYear.{p.OptionIds[i]}", double.NegativeInfinity, capacity, capacity, -1).SetCoefficient(m.X[i], p.AnnualVolume);
            if (c.Moq?[i] is > 0 and var moq)
            {
                var k = Limit($"moqUnitsPerYear.{p.OptionIds[i]}", 0, inf, moq, 1);
                k.SetCoefficient(m.X[i], p.AnnualVolume);
                k.SetCoefficient(m.Y[i], -moq);
            }
        }
        if (c.MaxCountryShare is { } countryShare)
            foreach (var country in p.Country.Distinct())
            {
                var k = Limit($"maxCountryShare.{country}", double.NegativeInfinity, countryShare, countryShare, -1);
                for (var i = 0; i < n; i++) if (p.Country[i] == country) k.SetCoefficient(m.X[i], 1);
            }
        if (c.MaxNonEuShare is { } nonEu)
        {
            var k = Limit("maxNonEuShare", double.NegativeInfinity, nonEu, nonEu, -1);
            for (var i = 0; i < n; i++) if (!p.InEu[i]) k.SetCoefficient(m.X[i], 1);
        }
        if (c.Co2eBudget is { } budget)
        {
            var k = Limit("co2eBudgetKgPerUnit", double.NegativeInfinity, budget, budget, -1);
            for (var i = 0; i < n; i++) k.SetCoefficient(m.X[i], p.Co2eKgPerUnit[i]);
        }
        if (c.MinFillRate is { } fill)
        {
            var allowed = (1 - fill) * totalDemand;
            var k = Limit("minFillRatePct", double.NegativeInfinity, allowed, fill * 100, -totalDemand / 100);
            foreach (var l in fillLost) k.SetCoefficient(l, 1);
        }
        if (feasibilityOnly) objective.Clear();
        if (elastic)
        {
            objective.Clear();
            foreach (var s in m.Slacks) objective.SetCoefficient(s.Slack, 1 / Math.Max(1e-9, Math.Abs(s.Limit) + 1e-3));
        }
        objective.SetMinimization();
        return m;
    }

    private static OptimizedStrategy Read(OptimizationProblem p, OptimizationConstraints c, BuiltModel m)
    {
        var shares = m.X.Select(x => Math.Max(0, x.SolutionValue())).ToArray();
        var total = shares.Sum();
        for (var i = 0; i < shares.Length; i++) shares[i] /= total;   // remove solver round-off so shares sum to 1
        // An option counts as used when it carries volume (a free option may come back with y = 1 and x = 0).
        var used = shares.Select(x => x > 1e-9).ToArray();
        var buffer = m.B.SolutionValue();
        var deterministic = Enumerable.Range(0, p.OptionCount).Sum(i => used[i] ? p.FixedCostPerYear[i] : 0) + p.HoldingCostPerUnitYear * buffer;
        var scenarioCosts = Enumerable.Range(0, p.Scenarios).Select(s => deterministic + m.Terms.Value(s)).OrderByDescending(v => v).ToArray();
        var expected = scenarioCosts.Average();
        var cvar = TailMean(scenarioCosts, c.Alpha);
        var lost = m.Lost.Sum(l => l.SolutionValue());
        var demand = p.Demand.Sum();
        return new OptimizedStrategy(c.RiskAversion, shares, used, buffer, buffer / p.MeanWeeklyDemand, expected, cvar, demand > 0 ? 1 - lost / demand : 1);
    }

    /// <summary>CVaR_α of a sample sorted from worst to best: the mean of the worst (1 − α) share, with the boundary scenario weighted fractionally.</summary>
    public static double TailMean(double[] descending, double alpha)
    {
        var tail = (1 - alpha) * descending.Length;
        double sum = 0, weight = 0;
        for (var k = 0; k < descending.Length && weight < tail - 1e-12; k++)
        {
            var w = Math.Min(1, tail - weight);
            sum += w * descending[k];
            weight += w;
        }
        return weight > 0 ? sum / weight : descending[0];
    }

    /// <summary>A readable list of conflicts for messages.</summary>
    public static string Describe(IReadOnlyList<ConstraintConflict> conflicts) =>
        // Members of a conflict set that end up not moving are still part of it (dropping any one makes the rest feasible), so
        // they are named, without a misleading "must move by 0".
        string.Join("; ", conflicts.Select(k => double.IsFinite(k.Violation) && k.Violation > 1e-9
            ? string.Create(CultureInfo.InvariantCulture, $"{k.Constraint} (limit {k.Limit:G4}, must move by {k.Violation:G4})")
            : string.Create(CultureInfo.InvariantCulture, $"{k.Constraint} (limit {k.Limit:G4})")));
}
