using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Reshore.Core.Domain;

/// <summary>An item's settings and constraints for the sourcing optimiser.</summary>
public sealed record OptimizationSettings
{
    /// <summary>λ: weight of CVaR in the objective.</summary>
    [Range(0.0, 1000.0), Description("Risk aversion λ: the objective is expected cost + λ × CVaR (default 0; --risk-aversion overrides).")]
    public double? RiskAversion { get; init; }

    /// <summary>CVaR level, %.</summary>
    [Range(50.0, 99.9), Description("CVaR level α, % (default 95; --alpha overrides).")]
    public double? AlphaPct { get; init; }

    /// <summary>Minimum share per option.</summary>
    [Description("Minimum volume share per option id (fractions), e.g. {be-own-line: 0.2}.")]
    public IReadOnlyDictionary<string, double>? MinShare { get; init; }

    /// <summary>Maximum share per option.</summary>
    [Description("Maximum volume share per option id (fractions).")]
    public IReadOnlyDictionary<string, double>? MaxShare { get; init; }

    /// <summary>Maximum share of any single country.</summary>
    [Range(0.0, 1.0), Description("Maximum share of volume from any single country (fraction).")]
    public double? MaxCountryShare { get; init; }

    /// <summary>Maximum share from outside the EU.</summary>
    [Range(0.0, 1.0), Description("Maximum share of volume from outside the EU (fraction).")]
    public double? MaxNonEuShare { get; init; }

    /// <summary>CO2e budget, kg per unit.</summary>
    [Range(0.0, 1e6), Description("CO2e budget: share-weighted kg CO2e per unit may not exceed it.")]
    public double? Co2eBudgetKgPerUnit { get; init; }

    /// <summary>Minimum expected fill rate, %.</summary>
    [Range(0.0, 100.0), Description("Minimum expected fill rate over the scenarios, %.")]
    public double? MinFillRatePct { get; init; }

    /// <summary>Capacity per option, units per year.</summary>
    [Description("Capacity limit per option id, units per year.")]
    public IReadOnlyDictionary<string, double>? CapacityUnitsPerYear { get; init; }

    /// <summary>Minimum order quantity per option when used, units per year.</summary>
    [Description("Minimum volume per option id when it is used at all (MOQ), units per year.")]
    public IReadOnlyDictionary<string, double>? MoqUnitsPerYear { get; init; }

    /// <summary>Largest buffer stock considered, weeks.</summary>
    [Range(0.0, 104.0), Description("Largest buffer stock the optimiser may choose, weeks of mean demand (default 12).")]
    public double? MaxBufferWeeks { get; init; }
}
