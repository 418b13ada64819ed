using Reshore.Core.Domain;

namespace Reshore.Core.Support;

/// <summary>Size class of an enterprise in the EU SME definition (Commission Recommendation 2003/361/EC, GBER Annex I).</summary>
public enum FirmSize
{
    /// <summary>Fewer than 50 staff and turnover or balance sheet of at most 10 million EUR.</summary>
    Small,
    /// <summary>Fewer than 250 staff, turnover at most 50 million EUR or balance sheet at most 43 million EUR.</summary>
    Medium,
    /// <summary>Any other enterprise.</summary>
    Large,
}

/// <summary>What an instrument pays a share of.</summary>
public enum AidCostBase
{
    /// <summary>Investment in tangible and intangible assets: the capex, tooling-transfer and automation one-offs of the option.</summary>
    Investment,
    /// <summary>Training: the training one-offs of the option.</summary>
    Training,
    /// <summary>Any cost (de minimis, general measures).</summary>
    Any,
}

/// <summary>Status of a site on the regional aid map (art. 107(3)(a) and (c) TFEU).</summary>
public enum AidArea
{
    /// <summary>Not an assisted area.</summary>
    None,
    /// <summary>A 'c' area.</summary>
    C,
    /// <summary>An 'a' area.</summary>
    A,
}

/// <summary>
/// A public support instrument of the catalogue (reference-data/instruments.csv): who may use it, what it pays a share of, how
/// much, up to what ceiling, under which State-aid rule — with its source and year. A null intensity means the size class is not
/// eligible or the figure was not found.
/// </summary>
public sealed record SupportInstrument
{
    /// <summary>Id a case refers to (<c>incentives[].instrument</c>).</summary>
    public required string Id { get; init; }
    /// <summary>Name.</summary>
    public required string Name { get; init; }
    /// <summary>flemish, federal or eu.</summary>
    public required string Level { get; init; }
    /// <summary>Granting body.</summary>
    public required string Authority { get; init; }
    /// <summary>Subsidy or tax credit (a deduction from taxable profit, valued at the tax rate).</summary>
    public required IncentiveType Type { get; init; }
    /// <summary>What the intensity applies to.</summary>
    public required AidCostBase CostBase { get; init; }
    /// <summary>Eligible size classes.</summary>
    public required IReadOnlyList<FirmSize> Sizes { get; init; }
    /// <summary>Where the site must be: "BE" (Belgium), "BE-VLG" (Flemish Region), "EU".</summary>
    public required string Region { get; init; }
    /// <summary>Large enterprises qualify only in an assisted area of the regional aid map.</summary>
    public bool LargeOnlyInAidAreas { get; init; }
    /// <summary>Intensity, % of the eligible cost, by size class (null: not eligible or not known).</summary>
    public required IReadOnlyDictionary<FirmSize, double> IntensityPct { get; init; }
    /// <summary>Largest amount, EUR (null: none known).</summary>
    public double? CeilingEur { get; init; }
    /// <summary>What the ceiling applies to: year, project, threeYears.</summary>
    public string? CeilingPer { get; init; }
    /// <summary>For a deduction from taxable profit: the tax rate that turns it into tax saved, %.</summary>
    public double? TaxRatePct { get; init; }
    /// <summary>Smallest eligible cost to apply, EUR.</summary>
    public double? MinEligibleCostEur { get; init; }
    /// <summary>Ids of the State-aid rules it is granted under (reference-data/state_aid.csv).</summary>
    public IReadOnlyList<string> StateAidRules { get; init; } = [];
    /// <summary>The aid is conditional on using domestic over imported goods.</summary>
    public bool LocalContentCondition { get; init; }
    /// <summary>The aid is conditional on moving production (back) to the country.</summary>
    public bool RelocationCondition { get; init; }
    /// <summary>Source of the figures.</summary>
    public required string Source { get; init; }
    /// <summary>Year of the figures.</summary>
    public int? Year { get; init; }
    /// <summary>Conditions and caveats.</summary>
    public string? Notes { get; init; }
}

/// <summary>
/// A State-aid rule that limits intensity or amount (reference-data/state_aid.csv): a GBER article (for regional aid: by area of
/// the regional aid map), the de minimis regulation, or a general measure outside State aid.
/// </summary>
public sealed record StateAidRule
{
    /// <summary>Id.</summary>
    public required string Id { get; init; }
    /// <summary>Name.</summary>
    public required string Name { get; init; }
    /// <summary>Legal reference.</summary>
    public required string Article { get; init; }
    /// <summary>Costs it covers.</summary>
    public required AidCostBase CostBase { get; init; }
    /// <summary>Area it applies in (null: any).</summary>
    public AidArea? Area { get; init; }
    /// <summary>Largest intensity by size class, % (absent: no aid for that size under this rule, or no intensity limit when the rule has none at all).</summary>
    public required IReadOnlyDictionary<FirmSize, double> MaxIntensityPct { get; init; }
    /// <summary>Eligible cost (or aid) above which the aid must be notified, EUR.</summary>
    public double? NotificationThresholdEur { get; init; }
    /// <summary>Largest aid amount, EUR (de minimis).</summary>
    public double? AmountCeilingEur { get; init; }
    /// <summary>Source.</summary>
    public required string Source { get; init; }
    /// <summary>Year.</summary>
    public int? Year { get; init; }
    /// <summary>Notes.</summary>
    public string? Notes { get; init; }
    /// <summary>The rule limits intensity at all.</summary>
    public bool LimitsIntensity => MaxIntensityPct.Count > 0;
}
