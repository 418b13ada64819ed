using Reshore.Core.Domain;

namespace Reshore.Core.Costing;

/// <summary>
/// An option's present cost over the horizon split into its parts: per cost factor Σ_t PerYear_t,f × (1 + r)^−t (depreciation left out, as in
/// the cash-based business case), one-off costs net of residual value, and incentives. The parts add up to <see cref="OptionEvaluation.PvCost"/>
/// (or <see cref="OptionEvaluation.PvCostHardOnly"/> on hard lines only). The drivers, the waterfall and the decision summary's flips all read
/// this one breakdown (docs/model.md §5 and §14).
/// </summary>
public sealed record PresentValueBreakdown
{
    /// <summary>Present value of each cost factor's yearly cost, by factor id.</summary>
    public required IReadOnlyDictionary<string, double> ByFactor { get; init; }
    /// <summary>The category of each factor in <see cref="ByFactor"/>.</summary>
    public required IReadOnlyDictionary<string, CostCategory> CategoryOf { get; init; }
    /// <summary>The kind of each factor in <see cref="ByFactor"/>.</summary>
    public required IReadOnlyDictionary<string, CostKind> KindOf { get; init; }
    /// <summary>Present value of the one-off costs less the residual value credited at the horizon.</summary>
    public required double OneOffNetOfResidual { get; init; }
    /// <summary>Present value of the incentives (positive: it lowers the cost).</summary>
    public required double Incentives { get; init; }

    /// <summary>Σ factors + one-offs − incentives: the option's present cost.</summary>
    public double Total => ByFactor.Values.Sum() + OneOffNetOfResidual - Incentives;

    /// <summary>Present value of the factors of one category.</summary>
    public double Category(CostCategory category) => ByFactor.Where(f => CategoryOf[f.Key] == category).Sum(f => f.Value);

    /// <summary>Present value of the factors of one kind.</summary>
    public double Kind(CostKind kind) => ByFactor.Where(f => KindOf[f.Key] == kind).Sum(f => f.Value);

    /// <summary>The breakdown of <paramref name="option"/>; <paramref name="hardOnly"/> keeps hard lines only (the basis of PV_hard).</summary>
    public static PresentValueBreakdown Of(OptionEvaluation option, bool hardOnly = false)
    {
        ArgumentNullException.ThrowIfNull(option);
        var byFactor = new Dictionary<string, double>(StringComparer.Ordinal);
        var category = new Dictionary<string, CostCategory>(StringComparer.Ordinal);
        var kind = new Dictionary<string, CostKind>(StringComparer.Ordinal);
        foreach (var year in option.YearResults)
        {
            var df = option.Years[year.Year].DiscountFactor;
            foreach (var line in year.Lines)
            {
                if (line.Factor == "depreciation" || (hardOnly && line.Kind != CostKind.Hard)) continue;
                byFactor[line.Factor] = byFactor.GetValueOrDefault(line.Factor) + line.PerYear * df;
                category[line.Factor] = line.Category;
                kind[line.Factor] = line.Kind;
            }
        }
        return new PresentValueBreakdown
        {
            ByFactor = byFactor,
            CategoryOf = category,
            KindOf = kind,
            OneOffNetOfResidual = option.Years.Sum(y => (y.OneOffCosts - y.ResidualValue) * y.DiscountFactor),
            Incentives = option.Years.Sum(y => y.Incentives * y.DiscountFactor),
        };
    }
}
