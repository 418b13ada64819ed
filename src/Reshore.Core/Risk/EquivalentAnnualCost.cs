namespace Reshore.Core.Risk;

/// <summary>
/// The one discounting convention of the simulation and the optimiser: the equivalent annual cost (EAC) of the present value.
/// Year y = 1..H is discounted at the end of the year, δ_y = (1 + r)^(−y), as in the business case (docs/model.md 4.3), and
/// EAC = Σ_y δ_y C_y ÷ a(r, H), with a(r, H) = Σ_y δ_y = (1 − (1 + r)^(−H)) ÷ r the annuity factor (H when r = 0).
/// A constant yearly cost is its own EAC; at r = 0 the EAC is the plain average over the years.
/// </summary>
public static class EquivalentAnnualCost
{
    /// <summary>Weights w_y = δ_y ÷ a(r, H) for y = 1..<paramref name="years"/> (index 0 is year 1); they sum to 1.</summary>
    /// <param name="rate">Discount rate per year as a fraction (0.08 = 8%); greater than −1.</param>
    /// <param name="years">Number of years H ≥ 1.</param>
    public static double[] YearWeights(double rate, int years)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(years, 1);
        if (!(rate > -1)) throw new ArgumentOutOfRangeException(nameof(rate), rate, "The discount rate must exceed −100%.");
        var weights = new double[years];
        var sum = 0.0;
        for (var y = 0; y < years; y++) sum += weights[y] = Math.Pow(1 + rate, -(y + 1));
        for (var y = 0; y < years; y++) weights[y] /= sum;
        return weights;
    }

    /// <summary>Σ_y w_y C_y: the equivalent annual cost of the yearly costs <paramref name="yearly"/> (index 0 is year 1).</summary>
    public static double Of(ReadOnlySpan<double> yearly, double[] weights)
    {
        if (yearly.Length != weights.Length) throw new ArgumentException($"{yearly.Length} yearly costs against {weights.Length} year weights.", nameof(yearly));
        var sum = 0.0;
        for (var y = 0; y < yearly.Length; y++) sum += weights[y] * yearly[y];
        return sum;
    }
}
