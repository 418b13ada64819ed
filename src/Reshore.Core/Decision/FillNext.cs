namespace Reshore.Core.Decision;

/// <summary>Why an input is a candidate for "fill next".</summary>
public enum FillNextReason
{
    /// <summary>The cost factor it feeds was not assessed: it counts as zero today.</summary>
    NotAssessed,
    /// <summary>Its value comes from the reference data or a model default, not from the user.</summary>
    Default,
}

/// <summary>
/// An input the user has not given, with the range it plausibly spans and every option's present cost at both ends of that range
/// (the break-even engine's two evaluations). Present cost is linear in each such input over the range (every cost line is a sum of
/// products in which the input appears once), so the two ends fix each option's cost line.
/// </summary>
/// <param name="Path">The case field (<c>$.items[0].options[1].quality.defectRatePct</c>).</param>
/// <param name="Label">The field in words, in the output language.</param>
/// <param name="Reason">Not assessed, or a default.</param>
/// <param name="Current">The value the evaluation used (0 for a factor not assessed; the default otherwise).</param>
/// <param name="Low">Low end of the range.</param>
/// <param name="High">High end of the range.</param>
/// <param name="Unit">Unit of the value.</param>
/// <param name="RangeSource">Where the range comes from (the user's distribution, the default's screening band, …).</param>
/// <param name="PresentCostAtLow">Present cost of each option (by id) with the input at <paramref name="Low"/>.</param>
/// <param name="PresentCostAtHigh">Same at <paramref name="High"/>.</param>
public sealed record FillNextCandidate(
    string Path, string Label, FillNextReason Reason, double Current, double Low, double High, string Unit, string RangeSource,
    IReadOnlyDictionary<string, double> PresentCostAtLow, IReadOnlyDictionary<string, double> PresentCostAtHigh);

/// <summary>A ranked candidate.</summary>
/// <param name="Candidate">The input.</param>
/// <param name="ValueOfInformation">Expected value of perfect information about it, in the case currency (present value).</param>
/// <param name="Swing">How far the recommended option's lead over the best other option moves across the range (present value).</param>
/// <param name="FlipsAt">The value in the range nearest to the current one at which another option becomes cheapest, or null.</param>
/// <param name="FlipsTo">That option's id, or null.</param>
public sealed record FillNextEntry(FillNextCandidate Candidate, double ValueOfInformation, double Swing, double? FlipsAt, string? FlipsTo);

/// <summary>
/// Orders the inputs a user has not given by how much knowing them could change the decision (docs/model.md §20): the expected value
/// of perfect information of each input over its range, ties (inputs that cannot flip the decision inside their range) by how far they
/// move the recommended option's lead.
/// </summary>
public static class FillNextRanker
{
    /// <summary>Ranks <paramref name="candidates"/> for the option recommended today, <paramref name="recommendedOptionId"/>.</summary>
    public static IReadOnlyList<FillNextEntry> Rank(string recommendedOptionId, IEnumerable<FillNextCandidate> candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var entries = new List<FillNextEntry>();
        foreach (var c in candidates)
        {
            var ids = c.PresentCostAtLow.Keys.Where(c.PresentCostAtHigh.ContainsKey).OrderBy(id => id, StringComparer.Ordinal).ToList();
            var chosen = ids.IndexOf(recommendedOptionId);
            if (chosen < 0 || ids.Count < 2 || !(c.High > c.Low)) continue;
            var lines = ids.Select(id => new CostLineOverRange(c.PresentCostAtLow[id], c.PresentCostAtHigh[id])).ToList();
            var voi = ValueOfInformation.UniformExpectedRegret(lines, chosen);
            var leadAtLow = LeadOf(lines, chosen, 0);
            var leadAtHigh = LeadOf(lines, chosen, 1);
            var (flipsAt, flipsTo) = NearestFlip(lines, chosen, c);
            entries.Add(new FillNextEntry(c, voi, Math.Abs(leadAtHigh - leadAtLow), flipsAt, flipsTo is null ? null : ids[flipsTo.Value]));
        }
        return entries
            .OrderByDescending(e => Math.Round(e.ValueOfInformation, 6))
            .ThenByDescending(e => e.Swing)
            .ThenBy(e => e.Candidate.Path, StringComparer.Ordinal)
            .ToList();
    }

    // min over the others − chosen, at t ∈ [0, 1] along the range: positive while the chosen option is cheapest.
    private static double LeadOf(IReadOnlyList<CostLineOverRange> lines, int chosen, double t) =>
        lines.Where((_, i) => i != chosen).Min(l => l.At(t)) - lines[chosen].At(t);

    private static (double? At, int? Option) NearestFlip(IReadOnlyList<CostLineOverRange> lines, int chosen, FillNextCandidate c)
    {
        var width = c.High - c.Low;
        var current = Math.Clamp((c.Current - c.Low) / width, 0, 1);
        (double Distance, double T, int Option)? best = null;
        for (var j = 0; j < lines.Count; j++)
        {
            if (j == chosen) continue;
            // chosen(t) = other(t): a0 + (a1 − a0) t = b0 + (b1 − b0) t.
            var slope = (lines[chosen].AtHigh - lines[chosen].AtLow) - (lines[j].AtHigh - lines[j].AtLow);
            if (slope == 0) continue;
            var t = (lines[j].AtLow - lines[chosen].AtLow) / slope;
            if (t < 0 || t > 1 || Math.Abs(t - current) < 1e-12) continue;
            // Only a crossing where the other option becomes the cheapest of all is a flip.
            var beyond = Math.Clamp(t + (t > current ? 1e-9 : -1e-9), 0, 1);
            if (lines.Where((_, i) => i != j).Min(l => l.At(beyond)) < lines[j].At(beyond)) continue;
            var distance = Math.Abs(t - current);
            if (best is null || distance < best.Value.Distance) best = (distance, t, j);
        }
        return best is { } b ? (c.Low + b.T * width, b.Option) : (null, null);
    }
}

/// <summary>An option's present cost as a straight line over an input's range: <see cref="AtLow"/> at the low end, <see cref="AtHigh"/> at the high end.</summary>
public readonly record struct CostLineOverRange(double AtLow, double AtHigh)
{
    /// <summary>The cost at fraction <paramref name="t"/> of the range (0 low end, 1 high end).</summary>
    public double At(double t) => AtLow + (AtHigh - AtLow) * t;
}

/// <summary>Expected value of perfect information for one input (docs/model.md §20).</summary>
public static class ValueOfInformation
{
    /// <summary>
    /// EVPI = (1/(b − a)) ∫ₐᵇ [C_chosen(x) − minⱼ Cⱼ(x)] dx for an input x uniform on [a, b] and option costs linear in x: what
    /// choosing today (option <paramref name="chosen"/>) is expected to cost more than choosing once x is known. Exact: the integrand is
    /// piecewise linear, with kinks only where two cost lines cross, so the trapezoid rule between those points is exact. Two options whose
    /// difference d(t) = C_chosen − C_other goes from d₀ &lt; 0 to d₁ &gt; 0 give the closed form d₁² ÷ (2 (d₁ − d₀)).
    /// </summary>
    public static double UniformExpectedRegret(IReadOnlyList<CostLineOverRange> lines, int chosen)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentOutOfRangeException.ThrowIfNegative(chosen);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(chosen, lines.Count);
        var points = new List<double> { 0, 1 };
        for (var i = 0; i < lines.Count; i++)
            for (var j = i + 1; j < lines.Count; j++)
            {
                var slope = (lines[i].AtHigh - lines[i].AtLow) - (lines[j].AtHigh - lines[j].AtLow);
                if (slope == 0) continue;
                var t = (lines[j].AtLow - lines[i].AtLow) / slope;
                if (t > 0 && t < 1) points.Add(t);
            }
        points.Sort();
        double Regret(double t) => lines[chosen].At(t) - lines.Min(l => l.At(t));
        var integral = 0.0;
        for (var k = 1; k < points.Count; k++)
            integral += (points[k] - points[k - 1]) * (Regret(points[k - 1]) + Regret(points[k])) / 2;
        return Math.Max(0, integral);
    }
}
