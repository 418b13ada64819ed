using System.Globalization;
using MathNet.Numerics.RootFinding;
using Reshore.Core.Costing;
using Reshore.Core.Domain;
using Reshore.Core.MarketData;

namespace Reshore.Core.Risk;

/// <summary>One bar of a tornado: the saving when one input sits at its p10 and at its p90, the others at their means.</summary>
/// <param name="Path">Input path.</param>
/// <param name="Low">The input's 10th percentile.</param>
/// <param name="High">The input's 90th percentile.</param>
/// <param name="SavingAtLow">PV saving of the compared option versus the status quo with the input at <paramref name="Low"/>.</param>
/// <param name="SavingAtHigh">Same at <paramref name="High"/>.</param>
public sealed record TornadoBar(string Path, double Low, double High, double SavingAtLow, double SavingAtHigh)
{
    /// <summary>|saving at high − saving at low|.</summary>
    public double Swing => Math.Abs(SavingAtHigh - SavingAtLow);
}

/// <summary>A tornado for one item.</summary>
/// <param name="ItemId">Item.</param>
/// <param name="StatusQuoOptionId">Status quo.</param>
/// <param name="ComparedOptionId">The option whose saving is shown (the recommended one, or the best alternative when the status quo is recommended).</param>
/// <param name="BaseSaving">Saving with every input at its mean.</param>
/// <param name="Bars">Bars, widest first.</param>
public sealed record TornadoResult(string ItemId, string StatusQuoOptionId, string ComparedOptionId, double BaseSaving, IReadOnlyList<TornadoBar> Bars);

/// <summary>Where two options cost the same.</summary>
/// <param name="ItemId">Item.</param>
/// <param name="Path">Input varied.</param>
/// <param name="From">Lower end of the search.</param>
/// <param name="To">Upper end.</param>
/// <param name="OptionA">First option.</param>
/// <param name="OptionB">Second option.</param>
/// <param name="DifferenceAtFrom">PV(A) − PV(B) at <paramref name="From"/>.</param>
/// <param name="DifferenceAtTo">PV(A) − PV(B) at <paramref name="To"/>.</param>
/// <param name="BreakEven">The value where PV(A) = PV(B), or null when there is none in the range.</param>
/// <param name="CurrentValue">The input's value in the case.</param>
public sealed record BreakEvenResult(string ItemId, string Path, double From, double To, string OptionA, string OptionB, double DifferenceAtFrom, double DifferenceAtTo, double? BreakEven, double? CurrentValue);

/// <summary>Where the cheapest option of an item changes as one input moves.</summary>
/// <param name="Path">Input moved.</param>
/// <param name="Current">Its value in the case.</param>
/// <param name="FlipsAt">The value nearest to <paramref name="Current"/> at which another option costs as little as the cheapest one.</param>
/// <param name="From">The option cheapest at <paramref name="Current"/>.</param>
/// <param name="To">The option cheapest just beyond <paramref name="FlipsAt"/>.</param>
public sealed record RecommendationFlip(string Path, double Current, double FlipsAt, string From, string To);

/// <summary>Deterministic sensitivity: tornado over the uncertain inputs and a break-even solver (Brent's method, Math.NET).</summary>
public sealed class SensitivityAnalyzer
{
    private readonly CaseEvaluator _evaluator = new();
    private static readonly CultureInfo Invariant = CultureInfo.GetCultureInfo("en");

    /// <summary>Tornado of the saving versus the status quo over each uncertain input (p10/p90), for item <paramref name="itemId"/>.</summary>
    public TornadoResult Tornado(ReshoringCase c, IReadOnlyList<UncertainInput> uncertain, MarketSnapshot market, string itemId)
    {
        var baseline = Item(c, market, itemId);
        var statusQuo = baseline.StatusQuoOptionId;
        var compared = baseline.RecommendedOptionId != statusQuo
            ? baseline.RecommendedOptionId
            : baseline.ComparedOptionId ?? throw new ArgumentException($"Item '{itemId}' has only one option: nothing to compare.");
        double Saving(ReshoringCase variant)
        {
            var costs = PresentCosts(variant, market, itemId);
            return costs.Single(o => o.Id == statusQuo).PvCost - costs.Single(o => o.Id == compared).PvCost;
        }
        var bars = uncertain.Where(u => !u.Path.StartsWith("$.risk.", StringComparison.Ordinal)).Select(u =>
        {
            var low = u.Quantile(0.1);
            var high = u.Quantile(0.9);
            return new TornadoBar(u.Path, low, high, Saving(CasePaths.With(c, u.Path, low)), Saving(CasePaths.With(c, u.Path, high)));
        }).OrderByDescending(b => b.Swing).ToList();
        return new TornadoResult(itemId, statusQuo, compared, Saving(c), bars);
    }

    /// <summary>
    /// The value of the input at <paramref name="path"/> in [<paramref name="from"/>, <paramref name="to"/>] at which options A and B have the same
    /// present cost (Brent's method, tolerance 1e-9 × the range width); null when PV(A) − PV(B) has the same sign at both ends.
    /// </summary>
    public BreakEvenResult BreakEven(ReshoringCase c, MarketSnapshot market, string itemId, string path, double from, double to, string? optionA = null, string? optionB = null)
    {
        if (!(from < to)) throw new ArgumentException($"The range must go from low to high: {from.ToString(Invariant)} is not below {to.ToString(Invariant)}.");
        var baseline = Item(c, market, itemId);
        var a = optionA ?? baseline.StatusQuoOptionId;
        var b = optionB ?? (baseline.RecommendedOptionId != a ? baseline.RecommendedOptionId
            : (a == baseline.RecommendedOptionId ? baseline.ComparedOptionId : baseline.Options.Where(o => o.Id != a).MinBy(o => o.PvCost)?.Id)
              ?? throw new ArgumentException($"Item '{itemId}' has only one option."));
        foreach (var id in new[] { a, b })
            if (baseline.Options.All(o => o.Id != id)) throw new ArgumentException($"Unknown option '{id}' in item '{itemId}'.");
        if (a == b) throw new ArgumentException("Choose two different options.");
        // Brent's method evaluates the ends again: each value is costed once.
        var known = new Dictionary<double, double>();
        double Difference(double value)
        {
            if (known.TryGetValue(value, out var difference)) return difference;
            var costs = PresentCosts(CasePaths.With(c, path, value), market, itemId);
            return known[value] = costs.Single(o => o.Id == a).PvCost - costs.Single(o => o.Id == b).PvCost;
        }
        var atFrom = Difference(from);
        var atTo = Difference(to);
        double? root = null;
        if (atFrom == 0) root = from;
        else if (atTo == 0) root = to;
        else if (Math.Sign(atFrom) != Math.Sign(atTo) && Brent.TryFindRoot(Difference, from, to, 1e-9 * Math.Max(1, Math.Abs(to - from)), 200, out var r))
            root = r;
        return new BreakEvenResult(itemId, path, from, to, a, b, atFrom, atTo, root, CasePaths.Get(c, path));
    }

    /// <summary>
    /// The value of the input at <paramref name="path"/> nearest to its current value, within [<paramref name="from"/>, <paramref name="to"/>], at
    /// which the option with the lowest present cost (on hard lines only when <paramref name="hardOnly"/>) changes: on each side of the current
    /// value, the root of m(v) = PV(cheapest now) − min over the others of PV (Brent's method, tolerance 1e-7 × the range width); null when
    /// m stays negative at both ends. A flip and flip back inside one side is not seen (m is checked at the ends only).
    /// </summary>
    public RecommendationFlip? Flip(ReshoringCase c, MarketSnapshot market, string itemId, string path, double from, double to, bool hardOnly = false)
    {
        var current = CasePaths.Get(c, path) ?? throw new ArgumentException($"Path '{path}' is not set in the case.");
        double Pv(OptionPresentCost o) => hardOnly ? o.PvCostHardOnly : o.PvCost;
        var baseline = PresentCosts(c, market, itemId);
        if (baseline.Count < 2) return null;
        var best = baseline.MinBy(Pv)!.Id;
        // Brent's method evaluates the ends again, and the tie is looked up at its last point: each value is costed once.
        var known = new Dictionary<double, IReadOnlyList<OptionPresentCost>>();
        IReadOnlyList<OptionPresentCost> At(double v)
        {
            if (!known.TryGetValue(v, out var costs)) known[v] = costs = PresentCosts(CasePaths.With(c, path, v), market, itemId);
            return costs;
        }
        double Margin(double v)
        {
            var costs = At(v);
            return Pv(costs.Single(o => o.Id == best)) - costs.Where(o => o.Id != best).Min(Pv);
        }
        if (Margin(current) >= 0) return null;
        RecommendationFlip? nearest = null;
        foreach (var end in new[] { to, from })
        {
            if (!double.IsFinite(end) || end == current || Margin(end) <= 0) continue;
            var lo = Math.Min(current, end);
            var hi = Math.Max(current, end);
            if (!Brent.TryFindRoot(Margin, lo, hi, 1e-7 * Math.Max(1e-9, hi - lo), 100, out var root)) continue;
            if (nearest is not null && Math.Abs(root - current) >= Math.Abs(nearest.FlipsAt - current)) continue;
            // The option that ties at the root is the one that takes over beyond it.
            var tie = At(root).Where(o => o.Id != best).MinBy(Pv)!.Id;
            nearest = new RecommendationFlip(path, current, root, best, tie);
        }
        return nearest;
    }

    private IReadOnlyList<OptionPresentCost> PresentCosts(ReshoringCase c, MarketSnapshot market, string itemId) =>
        _evaluator.PresentCosts(c, market, itemId, Invariant);

    private ItemEvaluation Item(ReshoringCase c, MarketSnapshot market, string itemId) =>
        _evaluator.Evaluate(c with { Items = c.Items.Where(i => i.Id == itemId).ToList() }, market, Invariant).Items.SingleOrDefault()
        ?? throw new ArgumentException($"Unknown item '{itemId}'; items: {string.Join(", ", c.Items.Select(i => i.Id))}.");
}
