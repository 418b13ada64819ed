using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Reshore.Core.Values;

namespace Reshore.Core.Domain;

/// <summary>An item's multi-criteria scorecard inputs: weights, the user's judgements and product traits.</summary>
public sealed record ScorecardInputs
{
    /// <summary>Direct weights by criterion id.</summary>
    [Description("Direct weights by criterion id (any positive numbers; normalised), e.g. {cost: 40, quality: 20, delivery: 20, riskMitigation: 20}. Leave out for equal weights, or give ahp.")]
    public IReadOnlyDictionary<string, double>? Weights { get; init; }

    /// <summary>AHP pairwise comparisons.</summary>
    [Description("AHP pairwise comparisons on Saaty's 1–9 scale instead of direct weights.")]
    public IReadOnlyList<PairwiseComparison>? Ahp { get; init; }

    /// <summary>Judged scores by option id and criterion id.</summary>
    [Description("The user's scores by option id and criterion id: {optionId: {criterion: {score: 1–5, rationale: text}}}. A judgement replaces a computed score.")]
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, Judgement>>? Judgements { get; init; }

    /// <summary>Country of the item's R&amp;D site.</summary>
    [Description("ISO alpha-2 country of the item's R&D site (default: the home country); innovation is scored by distance to it.")]
    public CountryCode? RdSite { get; init; }

    /// <summary>Product traits for the suitability rule of thumb.</summary>
    [Description("Product traits on a 1 (low) to 5 (high) scale for the 'produce near / produce far' rule of thumb.")]
    public ProductTraits? Traits { get; init; }
}

/// <summary>One AHP comparison: how much more important A is than B (1 = equal, 3 = moderately, 5 = strongly, 7 = very strongly, 9 = extremely; 1/3 … 1/9 the other way).</summary>
public sealed record PairwiseComparison
{
    /// <summary>Criterion A.</summary>
    [Required, Description("Criterion id A.")]
    public string A { get; init; } = "";

    /// <summary>Criterion B.</summary>
    [Required, Description("Criterion id B.")]
    public string B { get; init; } = "";

    /// <summary>Importance of A over B.</summary>
    [Required, Range(0.111, 9.0), Description("Importance of A over B on Saaty's scale (1/9 to 9).")]
    public double Value { get; init; }
}

/// <summary>A user's score of one criterion for one option.</summary>
public sealed record Judgement
{
    /// <summary>Score 1–5.</summary>
    [Required, Range(1.0, 5.0), Description("Score from 1 (poor) to 5 (excellent).")]
    public double Score { get; init; }

    /// <summary>Why.</summary>
    [Required, Description("Written rationale (who judged, on what basis).")]
    public string Rationale { get; init; } = "";
}

/// <summary>Product traits (1 = low, 5 = high).</summary>
public sealed record ProductTraits
{
    /// <summary>Series size.</summary>
    [Range(1.0, 5.0), Description("Series size: 1 = one-offs and short series, 5 = mass production.")]
    public double? SeriesSize { get; init; }

    /// <summary>Volume stability.</summary>
    [Range(1.0, 5.0), Description("Stability of volumes: 1 = erratic, 5 = stable.")]
    public double? VolumeStability { get; init; }

    /// <summary>Complexity.</summary>
    [Range(1.0, 5.0), Description("Product and process complexity.")]
    public double? Complexity { get; init; }

    /// <summary>Knowledge intensity.</summary>
    [Range(1.0, 5.0), Description("Knowledge intensity of the process.")]
    public double? KnowledgeIntensity { get; init; }

    /// <summary>Customisation.</summary>
    [Range(1.0, 5.0), Description("Degree of customisation.")]
    public double? Customisation { get; init; }

    /// <summary>Need for R&amp;D proximity.</summary>
    [Range(1.0, 5.0), Description("Need to produce close to R&D.")]
    public double? RdProximityNeed { get; init; }
}

/// <summary>Why the company considers reshoring, and what stands in the way.</summary>
public sealed record MotivesAndBarriers
{
    /// <summary>Motives ticked.</summary>
    [Description("Motives ticked (ids from `reshore scorecard motives`), e.g. [deliveryTimes, poorQuality, madeIn].")]
    public IReadOnlyList<string>? Motives { get; init; }

    /// <summary>Barriers recognised.</summary>
    [Description("Barriers of leaving the host country, each optionally linked to a one-off cost or a risk of an option.")]
    public IReadOnlyList<BarrierEntry>? Barriers { get; init; }
}

/// <summary>A barrier and where the case prices it.</summary>
public sealed record BarrierEntry
{
    /// <summary>Barrier id.</summary>
    [Required, Description("Barrier id: labourContracts, ipInProcesses, movingEquipment, exitTaxes, timeToBuild, homeSkills, environmentalNorms, hostMarketSize, ecosystemTies or uncertainty.")]
    public string Barrier { get; init; } = "";

    /// <summary>Option whose cost or risk covers it.</summary>
    [Description("Option id whose one-off cost or risk covers the barrier.")]
    public string? Option { get; init; }

    /// <summary>Index of the one-off cost that covers it.</summary>
    [Range(0, 1000), Description("Index in that option's transition.oneOffCosts that prices the barrier.")]
    public int? OneOffCost { get; init; }

    /// <summary>Risk factor that covers it.</summary>
    [Description("Risk of that option that covers it: disruption, tradePolicy, currency or ipLoss.")]
    public string? Risk { get; init; }

    /// <summary>Note.</summary>
    [Description("Note.")]
    public string? Note { get; init; }
}
