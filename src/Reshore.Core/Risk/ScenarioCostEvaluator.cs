using System.Runtime.CompilerServices;

namespace Reshore.Core.Risk;

/// <summary>
/// A case's option-year unit costs (the simulation's, docs/model.md 8.6) compiled into a flat function of the inputs drawn
/// per scenario (docs/model.md 8.14): around the inputs' medians x⁰,
/// c_j(x) = c_j(x⁰) + Σ_k s_jk Δ_jk + Σ_(k&lt;l) q_jkl Δ_jk Δ_jl, with Δ_jk = z_jk(x_k) − z_jk(x⁰_k),
/// where z_jk is the input itself (a price, a rate) or a growth index (1 + x_k/100)^n_jk (wages, freight, energy grown over n
/// years), and the products carry terms such as a price that escalates with a wage index. The form of each term is identified
/// from the full TCO engine by probing one input and one pair of inputs at a time, and the whole function is then checked
/// against the engine at random joint draws; a case whose costs do not fit (a kink, a threshold, three inputs multiplied) is
/// not compiled and keeps the engine. Evaluating allocates nothing and builds no text.
/// </summary>
public sealed class ScenarioCostEvaluator
{
    /// <summary>Largest growth exponent tried (years between a reference year and the last horizon year).</summary>
    private const int MaxExponent = 80;
    /// <summary>Agreement required when identifying and checking, relative to max(1, |cost|).</summary>
    public const double Tolerance = 1e-9;

    private readonly int _cells, _inputs;
    private readonly double[] _centre;     // c_j(x⁰)
    private readonly double[] _slope;      // s_jk at [j × inputs + k]
    private readonly int[] _exponent;      // n_jk; 0 = the input itself
    private readonly double[] _origin;     // z_jk(x⁰_k)
    private readonly double[] _cross;      // q_jkl at [(j × inputs + k) × inputs + l], k < l

    private ScenarioCostEvaluator(int cells, int inputs, double[] centre, double[] slope, int[] exponent, double[] origin, double[] cross)
    {
        _cells = cells;
        _inputs = inputs;
        _centre = centre;
        _slope = slope;
        _exponent = exponent;
        _origin = origin;
        _cross = cross;
    }

    /// <summary>Number of option-year costs produced.</summary>
    public int Cells => _cells;

    /// <summary>Fills <paramref name="cost"/> (one per option-year, [option × years + year]) for the drawn inputs <paramref name="x"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Evaluate(ReadOnlySpan<double> x, Span<double> cost)
    {
        var k = _inputs;
        Span<double> delta = stackalloc double[k];
        for (var j = 0; j < _cells; j++)
        {
            var c = _centre[j];
            for (var a = 0; a < k; a++)
            {
                var n = _exponent[j * k + a];
                delta[a] = Feature(x[a], n) - _origin[j * k + a];
                c += _slope[j * k + a] * delta[a];
            }
            for (var a = 0; a < k; a++)
                for (var b = a + 1; b < k; b++)
                {
                    var q = _cross[(j * k + a) * k + b];
                    if (q != 0) c += q * delta[a] * delta[b];
                }
            cost[j] = c;
        }
    }

    /// <summary>
    /// Compiles the costs <paramref name="engine"/> computes for inputs drawn from <paramref name="inputs"/>; null when they do not fit the flat form.
    /// </summary>
    /// <param name="inputs">The inputs drawn per scenario.</param>
    /// <param name="engine">The reference: unit costs for the given input values, or null when those values change anything but costs. Called from several threads at once.</param>
    /// <param name="checks">Random joint draws the compiled function must reproduce.</param>
    /// <param name="seed">Seed of those draws.</param>
    public static ScenarioCostEvaluator? TryCompile(IReadOnlyList<UncertainInput> inputs, Func<double[], double[]?> engine, int checks = 24, int seed = 1)
    {
        var k = inputs.Count;
        var median = inputs.Select(i => i.Quantile(0.5)).ToArray();
        double[] probes = [0.05, 0.3, 0.7, 0.95];
        var points = new double[k][];
        for (var input = 0; input < k; input++)
        {
            points[input] = probes.Select(inputs[input].Quantile).ToArray();
            if (points[input].Distinct().Count() < probes.Length) points[input] = [median[input] - 1, median[input] - 0.3, median[input] + 0.4, median[input] + 1];
        }
        // Every input vector the engine must price, listed first and priced on all cores (the engine is pure): the medians, one input
        // at a time at the probes, each pair at the corners, and the joint random draws of the check.
        var asked = new List<double[]> { median };
        int Ask(double[] x)
        {
            asked.Add(x);
            return asked.Count - 1;
        }
        var single = new int[k, probes.Length];
        for (var input = 0; input < k; input++)
            for (var p = 0; p < probes.Length; p++) single[input, p] = Ask(With(median, (input, points[input][p])));
        var corners = new Dictionary<(int A, int B), (int HH, int HL, int LH, int LL)>();
        for (var a = 0; a < k; a++)
            for (var b = a + 1; b < k; b++)
            {
                var (lo1, hi1, lo2, hi2) = (points[a][0], points[a][^1], points[b][0], points[b][^1]);
                corners[(a, b)] = (Ask(With(median, (a, hi1), (b, hi2))), Ask(With(median, (a, hi1), (b, lo2))),
                    Ask(With(median, (a, lo1), (b, hi2))), Ask(With(median, (a, lo1), (b, lo2))));
            }
        var random = new StreamRandom(seed, 17, 0);
        var checkAt = new int[checks];
        for (var check = 0; check < checks; check++) checkAt[check] = Ask(inputs.Select(i => i.Quantile(0.001 + 0.998 * random.NextDouble())).ToArray());
        var priced = new double[]?[asked.Count];
        Parallel.For(0, asked.Count, i => priced[i] = engine(asked[i]));
        if (priced.Any(c => c is null)) return null;

        var centre = priced[0]!;
        var cells = centre.Length;
        var slope = new double[cells * k];
        var exponent = new int[cells * k];
        var origin = new double[cells * k];
        var cross = new double[cells * k * k];
        for (var input = 0; input < k; input++)
            for (var j = 0; j < cells; j++)
            {
                var values = new double[probes.Length];
                for (var p = 0; p < probes.Length; p++) values[p] = priced[single[input, p]]![j];
                if (!Identify(points[input], values, out var s, out var n)) return null;
                slope[j * k + input] = s;
                exponent[j * k + input] = n;
                origin[j * k + input] = Feature(median[input], n);
            }
        // q_jkl from the corners of each pair: f(hi, hi) − f(hi, lo) − f(lo, hi) + f(lo, lo) = q Δz_k Δz_l.
        foreach (var ((a, b), at) in corners)
        {
            var (lo1, hi1, lo2, hi2) = (points[a][0], points[a][^1], points[b][0], points[b][^1]);
            var (hh, hl, lh, ll) = (priced[at.HH]!, priced[at.HL]!, priced[at.LH]!, priced[at.LL]!);
            for (var j = 0; j < cells; j++)
            {
                var twist = hh[j] - hl[j] - lh[j] + ll[j];
                if (Close(hh[j] - hl[j], lh[j] - ll[j])) continue;
                var na = exponent[j * k + a];
                var nb = exponent[j * k + b];
                cross[(j * k + a) * k + b] = twist / ((Feature(hi1, na) - Feature(lo1, na)) * (Feature(hi2, nb) - Feature(lo2, nb)));
            }
        }
        var evaluator = new ScenarioCostEvaluator(cells, k, centre, slope, exponent, origin, cross);
        // The form is an assumption until the engine confirms it where all inputs move together.
        var compiled = new double[cells];
        foreach (var at in checkAt)
        {
            evaluator.Evaluate(asked[at], compiled);
            for (var j = 0; j < cells; j++)
                if (!Close(compiled[j], priced[at]![j])) return null;
        }
        return evaluator;
    }

    private static double[] With(double[] median, params (int Index, double Value)[] set)
    {
        var x = (double[])median.Clone();
        foreach (var (index, value) in set) x[index] = value;
        return x;
    }

    private static double Feature(double x, int n) => n == 0 ? x : Math.Pow(1 + x / 100, n);

    private static bool Close(double a, double b) => Math.Abs(a - b) <= Tolerance * Math.Max(1, Math.Max(Math.Abs(a), Math.Abs(b)));

    /// <summary>Finds f(x) = f₀ + s (z(x) − z(x₀)) through the probes: z = x, or (1 + x/100)^n for a whole n; s = 0 when f does not move.</summary>
    private static bool Identify(double[] x, double[] f, out double s, out int n)
    {
        s = 0;
        n = 0;
        if (f.All(v => Close(v, f[0]))) return true;
        for (var e = 0; e <= MaxExponent; e++)
        {
            var z = x.Select(v => Feature(v, e)).ToArray();
            if (z[^1] == z[0]) continue;
            var slope = (f[^1] - f[0]) / (z[^1] - z[0]);
            var fits = true;
            for (var p = 1; p < x.Length - 1 && fits; p++) fits = Close(f[0] + slope * (z[p] - z[0]), f[p]);
            if (!fits) continue;
            s = slope;
            n = e;
            return true;
        }
        return false;
    }
}
