namespace Reshore.Core.Optimization;

/// <summary>
/// The second stage of the sourcing program for every scenario, solved exactly through its dual (docs/model.md 9.9).
/// For shares x and buffer b, scenario s's annual cost is
///   Q_s(x, b) = A [Σ_t Σ_i c_i d_t a_ti x_i + c̃ b + max_(v ≤ c_l) ( Σ_t h_t(v_t) − b (v_1 + Σ_(t&lt;P) (v_(t+1) − v_t)⁺ + (c̃ − v_P)⁺) )],
///   h_t(v) = v g_t − Σ_i U_ti (v − c_i)⁺ − E_t (v − c_e)⁺,  g_t = d_t (1 − Σ_i a_ti x_i),  U_ti = f_i μ_t a_ti x_i,
/// the linear-programming dual of the recourse (surge z ≤ U at c_i, emergency e ≤ E at c_e = c̃ + π_e, lost sales at c_l = c̃ + k_s,
/// stock 0 ≤ I_t ≤ b starting at b and bought back at c̃ at the end). v_t is the marginal cost of a unit short in period t. The dual's
/// optimum lies at a vertex where every v_t is one of the unit costs {c_i, c_e, c̃, c_l} (each run of equal v_t is pinned by a breakpoint),
/// so a dynamic program over periods with that small set of values solves it exactly. For the optimal v the bracket is affine in (x, b):
/// its coefficients are a subgradient of Q_s, and the cut Q_s(x′, b′) ≥ Q_s(x, b) + g·((x′, b′) − (x, b)) holds everywhere.
/// </summary>
public sealed class ScenarioRecourse
{
    private readonly OptimizationProblem _p;
    private readonly double[] _levels;        // candidate dual values, ascending, ≤ c_l
    private readonly double _averageCost, _emergencyCost, _lostCost, _annual;
    private readonly bool _hasEmergency;

    /// <summary>Compiles the recourse of <paramref name="problem"/>.</summary>
    public ScenarioRecourse(OptimizationProblem problem)
    {
        _p = problem;
        _averageCost = problem.UnitCost.Average();
        _hasEmergency = !double.IsNaN(problem.EmergencyPremium) && problem.EmergencyCapacity > 0;
        _emergencyCost = _hasEmergency ? _averageCost + problem.EmergencyPremium : double.PositiveInfinity;
        _lostCost = _averageCost + problem.ShortageCost;
        _annual = 1 / problem.YearsCovered;
        _levels = Levels(_lostCost, _emergencyCost);
    }

    private double[] Levels(double lostCost, double emergencyCost)
    {
        var set = new SortedSet<double> { lostCost, _averageCost };
        for (var i = 0; i < _p.OptionCount; i++) if (_p.Flexibility[i] > 0) set.Add(_p.UnitCost[i]);
        if (_hasEmergency) set.Add(emergencyCost);
        return set.Where(v => v <= lostCost).ToArray();
    }

    /// <summary>Number of first-stage coordinates of a cut: the n shares and the buffer.</summary>
    public int Dimension => _p.OptionCount + 1;

    /// <summary>
    /// Q_s at (x, b) for every scenario, with the subgradient of each in <paramref name="gradients"/> (row s: n share coefficients, then the
    /// buffer's). Scenarios are independent and run in parallel.
    /// </summary>
    public void Evaluate(double[] x, double b, double[] values, double[] gradients)
    {
        var dim = Dimension;
        Parallel.For(0, _p.Scenarios, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            () => new Workspace(_p.Periods, _levels.Length),
            (s, _, work) =>
            {
                values[s] = Solve(s, x, b, _levels, _lostCost, _emergencyCost, work, gradients.AsSpan(s * dim, dim));
                return work;
            }, _ => { });
    }

    /// <summary>
    /// Units lost and bought as emergency supply per scenario at (x, b) in an optimal recourse: the right derivatives of the recourse cost
    /// with respect to the cost of a lost unit and of an emergency unit (LP sensitivity), by a relative step of 10⁻⁷.
    /// </summary>
    public (double[] Lost, double[] Emergency) Units(double[] x, double b)
    {
        var S = _p.Scenarios;
        var lost = new double[S];
        var emergency = new double[S];
        var work = new Workspace(_p.Periods, _levels.Length + 1);
        var scratch = new double[Dimension];
        const double step = 1e-7;
        var dl = Math.Max(1e-9, Math.Abs(_lostCost) * step);
        var de = _hasEmergency ? Math.Max(1e-9, Math.Abs(_emergencyCost) * step) : 0;
        var lostLevels = Levels(_lostCost + dl, _emergencyCost);
        var emergencyLevels = _hasEmergency ? Levels(_lostCost, _emergencyCost + de) : _levels;
        for (var s = 0; s < S; s++)
        {
            var q = Solve(s, x, b, _levels, _lostCost, _emergencyCost, work, scratch);
            lost[s] = Math.Max(0, (Solve(s, x, b, lostLevels, _lostCost + dl, _emergencyCost, work, scratch) - q) / (_annual * dl));
            if (_hasEmergency)
                emergency[s] = Math.Max(0, (Solve(s, x, b, emergencyLevels, _lostCost, _emergencyCost + de, work, scratch) - q) / (_annual * de));
        }
        return (lost, emergency);
    }

    private sealed class Workspace(int periods, int levels)
    {
        public readonly double[] Shortfall = new double[periods];
        public readonly double[] Value = new double[periods * levels];     // W_t(k) of the dynamic program
        public readonly int[] Next = new int[periods * levels];            // argmax of the next period's level
        public readonly int[] Path = new int[periods];
    }

    /// <summary>Solves scenario s's dual by dynamic programming over the levels; writes the subgradient; returns Q_s.</summary>
    private double Solve(int s, double[] x, double b, double[] levels, double lostCost, double emergencyCost, Workspace w, Span<double> gradient)
    {
        int n = _p.OptionCount, P = _p.Periods, m = levels.Length;
        var c = _p.UnitCost;
        var f = _p.Flexibility;
        var emergencyCapacity = _hasEmergency ? _p.EmergencyCapacity : 0;
        double baseCost = 0;
        for (var t = 0; t < P; t++)
        {
            var cell = s * P + t;
            var d = _p.Demand[cell];
            var supplied = 0.0;
            for (var i = 0; i < n; i++)
            {
                var a = _p.Availability[cell * n + i];
                supplied += a * x[i];
                baseCost += c[i] * d * a * x[i];
            }
            w.Shortfall[t] = d * (1 - supplied);   // ≥ 0 as Σ x = 1 and a ≤ 1; not clamped so the value stays the affine cut's
        }
        // Backward pass: W_t(k) = h_t(k) + max_k′ (W_(t+1)(k′) − b (k′ − k)⁺); W_P(k) = h_P(k) − b (c̃ − k)⁺.
        for (var t = P - 1; t >= 0; t--)
        {
            var cell = s * P + t;
            var mu = _p.MeanDemand[t];
            var row = t * m;
            for (var j = 0; j < m; j++)
            {
                var k = levels[j];
                var h = k * w.Shortfall[t];
                for (var i = 0; i < n; i++)
                {
                    if (f[i] <= 0 || k <= c[i]) continue;
                    var a = _p.Availability[cell * n + i];
                    if (a > 0) h -= f[i] * mu * a * x[i] * (k - c[i]);
                }
                if (k > emergencyCost) h -= emergencyCapacity * mu * (k - emergencyCost);
                if (t == P - 1)
                {
                    w.Value[row + j] = h - b * Math.Max(0, _averageCost - k);
                    w.Next[row + j] = -1;
                    continue;
                }
                var next = row + m;
                double best = double.NegativeInfinity;
                var arg = 0;
                for (var j2 = 0; j2 < m; j2++)
                {
                    var candidate = w.Value[next + j2] - b * Math.Max(0, levels[j2] - k);
                    if (candidate > best) { best = candidate; arg = j2; }
                }
                w.Value[row + j] = h + best;
                w.Next[row + j] = arg;
            }
        }
        double top = double.NegativeInfinity;
        var first = 0;
        for (var j = 0; j < m; j++)
        {
            var candidate = w.Value[j] - b * levels[j];
            if (candidate > top) { top = candidate; first = j; }
        }
        w.Path[0] = first;
        for (var t = 1; t < P; t++) w.Path[t] = w.Next[(t - 1) * m + w.Path[t - 1]];

        // Subgradient of the affine function selected by the optimal v.
        gradient.Clear();
        var bufferSlope = _averageCost - levels[w.Path[0]] - Math.Max(0, _averageCost - levels[w.Path[P - 1]]);
        for (var t = 0; t < P; t++)
        {
            var v = levels[w.Path[t]];
            if (t + 1 < P) bufferSlope -= Math.Max(0, levels[w.Path[t + 1]] - v);
            var cell = s * P + t;
            var d = _p.Demand[cell];
            var mu = _p.MeanDemand[t];
            for (var i = 0; i < n; i++)
            {
                var a = _p.Availability[cell * n + i];
                if (a <= 0) continue;
                var slope = d * a * (c[i] - v);
                if (f[i] > 0 && v > c[i]) slope -= f[i] * mu * a * (v - c[i]);
                gradient[i] += _annual * slope;
            }
        }
        gradient[n] = _annual * bufferSlope;
        return _annual * (baseCost + _averageCost * b + top);
    }
}
