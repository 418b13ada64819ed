namespace Reshore.Core.Risk;

/// <summary>
/// Statistics of a cost over N equally likely scenarios, each with its standard error (docs/model.md 8.8): the mean, the percentiles
/// P5, P50 and P95 (type 7 of Hyndman and Fan, 1996) and CVaR95, the mean of the max(1, ⌈0.05 N⌉) highest values.
/// </summary>
/// <param name="Mean">Mean.</param>
/// <param name="StdError">Standard error of the mean: sample standard deviation (divisor N − 1) ÷ √N.</param>
/// <param name="P5">5th percentile.</param>
/// <param name="P50">Median.</param>
/// <param name="P95">95th percentile.</param>
/// <param name="Cvar95">Mean of the worst 5% of scenarios (conditional value at risk).</param>
public sealed record CostStatistics(double Mean, double StdError, double P5, double P50, double P95, double Cvar95)
{
    /// <summary>Standard error of <see cref="P5"/> (<see cref="PercentileStdError"/>).</summary>
    public double P5StdError { get; init; }
    /// <summary>Standard error of <see cref="P50"/>.</summary>
    public double P50StdError { get; init; }
    /// <summary>Standard error of <see cref="P95"/>.</summary>
    public double P95StdError { get; init; }
    /// <summary>Standard error of <see cref="Cvar95"/> (<see cref="CvarStdError"/>).</summary>
    public double Cvar95StdError { get; init; }

    /// <summary>The z-value of a two-sided 95% interval, used to turn the distribution-free percentile interval into a standard error.</summary>
    public const double Z95 = 1.959963984540054;

    /// <summary>Statistics of a sample (sorted internally; the input is not changed). Throws on an empty sample.</summary>
    public static CostStatistics Of(IReadOnlyList<double> values)
    {
        if (values.Count == 0) throw new ArgumentException("No values to summarise.", nameof(values));
        var sorted = values.ToArray();
        DoubleRadixSort.Sort(sorted);
        return OfSorted(sorted);
    }

    /// <summary>Statistics of a sample already sorted ascending (as <see cref="Of"/> sorts it).</summary>
    public static CostStatistics OfSorted(double[] sorted)
    {
        if (sorted.Length == 0) throw new ArgumentException("No values to summarise.", nameof(sorted));
        var n = sorted.Length;
        // Plain loops, in the order LINQ's Average and Sum add (so the same bits): a simulation summarises thousands of these columns.
        var mean = SumOf(sorted) / n;
        var squares = 0.0;
        foreach (var v in sorted) squares += (v - mean) * (v - mean);
        var variance = n > 1 ? squares / (n - 1) : 0;
        var tail = TailCount(n);
        var valueAtRisk = sorted[n - tail];
        return new CostStatistics(mean, Math.Sqrt(variance / n), Percentile(sorted, 0.05), Percentile(sorted, 0.50), Percentile(sorted, 0.95), SumOf(sorted.AsSpan(n - tail)) / tail)
        {
            P5StdError = PercentileStdError(sorted, 0.05),
            P50StdError = PercentileStdError(sorted, 0.50),
            P95StdError = PercentileStdError(sorted, 0.95),
            Cvar95StdError = CvarStdError(sorted, valueAtRisk, 0.95),
        };
    }

    private static double SumOf(ReadOnlySpan<double> values)
    {
        var sum = 0.0;
        foreach (var v in values) sum += v;
        return sum;
    }

    /// <summary>k = max(1, ⌈0.05 N⌉): the number of scenarios in the worst 5% of <paramref name="n"/>.</summary>
    public static int TailCount(int n) => Math.Max(1, (int)Math.Ceiling(0.05 * n));

    /// <summary>The value at risk that goes with <see cref="Cvar95"/>: the k-th highest value x_(N−k+1), k = <see cref="TailCount"/>.</summary>
    public static double ValueAtRisk95(double[] sorted) => sorted[sorted.Length - TailCount(sorted.Length)];

    /// <summary>Linear-interpolated percentile of sorted values (type 7 of Hyndman and Fan, 1996).</summary>
    public static double Percentile(double[] sorted, double p)
    {
        var h = (sorted.Length - 1) * p;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(sorted.Length - 1, lo + 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    /// <summary>
    /// Standard error of the p-th percentile, distribution-free: the 95% confidence interval for a quantile from order statistics with the
    /// normal approximation to the binomial (Conover, Practical Nonparametric Statistics, 3rd ed., 1999, §3.2),
    /// [x_(l), x_(u)] with l = ⌊Np − z√(Np(1 − p))⌋ and u = ⌈Np + z√(Np(1 − p))⌉ clamped to 1..N, divided by 2z (z = 1.96).
    /// 0 for a single value.
    /// </summary>
    public static double PercentileStdError(double[] sorted, double p)
    {
        var n = sorted.Length;
        if (n < 2) return 0;
        var half = Z95 * Math.Sqrt(n * p * (1 - p));
        var lower = Math.Clamp((int)Math.Floor(n * p - half), 1, n);
        var upper = Math.Clamp((int)Math.Ceiling(n * p + half), 1, n);
        return (sorted[upper - 1] - sorted[lower - 1]) / (2 * Z95);
    }

    /// <summary>
    /// Standard error of a CVaR estimate at level α from its influence function (Hong, Hu and Liu, ACM TOMACS 24(4), 2014, on the estimator
    /// of Rockafellar and Uryasev): the sample standard deviation (divisor N − 1) of ψ_s = (x_s − v)⁺ ÷ (1 − α), divided by √N, with v the
    /// value at risk. 0 for a single value.
    /// </summary>
    public static double CvarStdError(IReadOnlyList<double> values, double valueAtRisk, double alpha) =>
        values is double[] array ? CvarStdError(array.AsSpan(), valueAtRisk, alpha) : CvarStdError(values.ToArray().AsSpan(), valueAtRisk, alpha);

    /// <inheritdoc cref="CvarStdError(IReadOnlyList{double}, double, double)"/>
    public static double CvarStdError(ReadOnlySpan<double> values, double valueAtRisk, double alpha)
    {
        var n = values.Length;
        if (n < 2) return 0;
        var scale = 1 / (1 - alpha);
        var mean = 0.0;
        foreach (var x in values) mean += Math.Max(0, x - valueAtRisk) * scale;
        mean /= n;
        var squares = 0.0;
        foreach (var x in values)
        {
            var deviation = Math.Max(0, x - valueAtRisk) * scale - mean;
            squares += deviation * deviation;
        }
        return Math.Sqrt(squares / (n - 1) / n);
    }

    /// <summary>
    /// The single-year tail over a horizon: Σ_y w_y CVaR95(C_y), the CVaR95 of each year's cost over the scenarios weighted like the
    /// equivalent annual cost (so it compares with the mean equivalent annual cost), and its standard error: the sample standard deviation of
    /// ψ_s = Σ_y w_y (C_sy − v_y)⁺ ÷ 0.05 over the scenarios, divided by √N, with v_y year y's value at risk (<see cref="ValueAtRisk95"/>).
    /// The years of one scenario are correlated; ψ carries that correlation.
    /// </summary>
    /// <param name="yearly">Cost of scenario s in year y at [s × years + y].</param>
    /// <param name="scenarios">N.</param>
    /// <param name="weights">w_y per year (<see cref="EquivalentAnnualCost.YearWeights"/>).</param>
    public static (double Value, double StdError) SingleYearCvar95(double[] yearly, int scenarios, double[] weights)
    {
        var years = weights.Length;
        var sortedYears = new double[years][];
        for (var y = 0; y < years; y++)
        {
            var column = sortedYears[y] = new double[scenarios];
            for (var s = 0; s < scenarios; s++) column[s] = yearly[s * years + y];
            DoubleRadixSort.Sort(column);
        }
        return SingleYearCvar95(yearly, sortedYears, weights);
    }

    /// <summary>As <see cref="SingleYearCvar95(double[], int, double[])"/>, with each year's costs over the scenarios already sorted ascending.</summary>
    public static (double Value, double StdError) SingleYearCvar95(double[] yearly, double[][] sortedYears, double[] weights)
    {
        var years = weights.Length;
        var scenarios = sortedYears[0].Length;
        var psi = new double[scenarios];
        var value = 0.0;
        for (var y = 0; y < years; y++)
        {
            var sorted = sortedYears[y];
            var tail = TailCount(scenarios);
            var valueAtRisk = sorted[scenarios - tail];
            value += weights[y] * (SumOf(sorted.AsSpan(scenarios - tail)) / tail);
            for (var s = 0; s < scenarios; s++) psi[s] += weights[y] * Math.Max(0, yearly[s * years + y] - valueAtRisk) / 0.05;
        }
        if (scenarios < 2) return (value, 0);
        var mean = SumOf(psi) / scenarios;
        var squares = 0.0;
        foreach (var x in psi) squares += (x - mean) * (x - mean);
        return (value, Math.Sqrt(squares / (scenarios - 1) / scenarios));
    }
}
