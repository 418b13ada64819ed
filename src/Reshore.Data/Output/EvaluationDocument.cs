using System.Text.Json.Serialization;

namespace Reshore.Data.Output;

// Enumerations are written as their camelCase names (strings), so the schema is the same whatever the serializer's enum handling.
// The typed form of `reshore evaluate --format json` (and POST /api/cases/{id}/evaluate): the OpenAPI document describes these records,
// so a client can be generated from it. Field names are a public contract: add fields, never rename.
#pragma warning disable CS1591 // The fields are documented in docs/model.md and the schema; one comment per field would repeat them.

/// <summary>The JSON document of an evaluation.</summary>
public sealed record EvaluationDocument(
    int SchemaVersion, string CaseName, string? Company, string Currency, string HomeCountry, int BaseYear, int HorizonYears, double DiscountRatePct,
    string Language, ReferenceDataDocument ReferenceData, IReadOnlyList<ItemDocument> Items);

/// <summary>Reference data version and date.</summary>
public sealed record ReferenceDataDocument(string Version, string AsOf);

/// <summary>One item.</summary>
public sealed record ItemDocument(
    string Id, string? Name, double AnnualVolumeUnits, string StatusQuoOptionId, string RecommendedOptionId, string RecommendedOnHardCostsOnlyOptionId,
    string? ComparedOptionId, DecisionDocument? Decision, string Explanation, IReadOnlyList<DriverDocument> Drivers, ScorecardDocument? Scorecard,
    IReadOnlyList<OptionDocument> Options, SupportDocument? Support = null);

/// <summary>The reconciled decision summary of an item (docs/model.md §14).</summary>
public sealed record DecisionDocument(
    string? Verdict, IReadOnlyDictionary<string, double> VerdictShares, double VerdictBufferWeeks, string VerdictText, string Basis, string BasisReason,
    string Confidence, string ConfidenceLabel, IReadOnlyList<string> ConfidenceReasons, ConfidenceInputsDocument ConfidenceInputs, IReadOnlyList<FlipDocument> Flips,
    IReadOnlyList<ViewDocument> Views, IReadOnlyList<string> Reconciliation, IReadOnlyList<KeyFigureDocument> KeyFigures, IReadOnlyList<string> Risks,
    IReadOnlyList<string> OpenPoints);

/// <summary>What the confidence rule looked at.</summary>
public sealed record ConfidenceInputsDocument(double SoftShare, double? SmallestFlipChange, double? ProbabilityCheapest, double NotAssessedShare);

/// <summary>A value at which the cost comparison's answer changes.</summary>
public sealed record FlipDocument(string Kind, string Input, string Label, double Current, double FlipsAt, string Option, string OptionName, double RelativeChange,
    string Unit, double? Probability, string Text);

/// <summary>One view's answer.</summary>
public sealed record ViewDocument(string View, string? Option, IReadOnlyDictionary<string, double> Shares, double BufferWeeks, string Answer, string Measure, double? Value,
    bool Agrees, bool IsBasis);

/// <summary>A headline number.</summary>
public sealed record KeyFigureDocument(string Id, string Label, double? Value, string Text);

/// <summary>A factor's contribution to the difference between the recommendation and the compared option.</summary>
public sealed record DriverDocument(string Factor, string Name, double PerUnitDifference, double PresentValueDifference, string ComparedWithOptionId);

/// <summary>One option.</summary>
public sealed record OptionDocument
{
    public required string Id { get; init; }
    public string? Name { get; init; }
    public required string Country { get; init; }
    public required string Governance { get; init; }
    public required string SupplyType { get; init; }
    public required string LocationClass { get; init; }
    public required double TcoPerUnit { get; init; }
    public required double TcoPerYear { get; init; }
    public required IReadOnlyDictionary<string, double> TcoPerUnitByKind { get; init; }
    public required IReadOnlyDictionary<string, double> TcoPerUnitByCategory { get; init; }
    public required double PvCost { get; init; }
    public required double PvCostHardOnly { get; init; }
    public required double NpvSavingVsStatusQuo { get; init; }
    public required double? PaybackYears { get; init; }
    public required double? DiscountedPaybackYears { get; init; }
    public required double? IrrPct { get; init; }
    /// <summary>What the cumulative cash saving does (immediate, paysBack, lostAgain, notWithinHorizon), model §4.4; null for the status quo.</summary>
    public PaybackDocument? Payback { get; init; }
    public PaybackDocument? DiscountedPayback { get; init; }
    public required double OneOffCostsTotal { get; init; }
    public required double IncentivesTotal { get; init; }
    public required double Co2eKgPerUnit { get; init; }
    public required double TransportCo2eKgPerUnit { get; init; }
    /// <summary>Null when neither energy nor process emissions are given (unknown, not zero).</summary>
    public required double? ProductionCo2eKgPerUnit { get; init; }
    /// <summary>Production and every leg's emissions are known.</summary>
    public bool Co2eComplete { get; init; }
    /// <summary>Null when the production lead time or a leg's transit is missing (unknown, not short).</summary>
    public required double? LeadTimeDays { get; init; }
    public required IReadOnlyList<string> NotAssessed { get; init; }
    /// <summary>Lines assessed on part of their inputs (a leg without a rate).</summary>
    public IReadOnlyList<string> PartiallyAssessed { get; init; } = [];
    /// <summary>How many applicable cost factors were assessed.</summary>
    public CoverageDocument? Coverage { get; init; }
    public required IReadOnlyList<InputDocument> DefaultsUsed { get; init; }
    /// <summary>FTEs at home and abroad per year, net change against the status quo, skill mix and hiring (model §15).</summary>
    public JobsDocument? Jobs { get; init; }
    /// <summary>The automation scenario on its own (model §16).</summary>
    public AutomationDocument? Automation { get; init; }
    /// <summary>The markets this option serves (model §15).</summary>
    public IReadOnlyList<MarketServiceDocument> Markets { get; init; } = [];
    public required IReadOnlyList<YearDocument> Years { get; init; }
    public required IReadOnlyList<LineDocument> Lines { get; init; }
}

/// <summary>One year of an option's business case.</summary>
public sealed record YearDocument(int Year, int CalendarYear, double Volume, double TcoPerUnit, double TcoPerYear, double RunningCost, double OneOffCosts, double Incentives,
    double ResidualValue, double NetCost, double DiscountFactor, double PresentValue, double SavingVsStatusQuo, double CumulativeSavingVsStatusQuo, double Co2eKgPerUnit);

/// <summary>One cost line of year 1.</summary>
public sealed record LineDocument(string Factor, string Name, string Category, string Kind, double PerUnit, double PerYear, string Formula,
    IReadOnlyList<InputDocument> Inputs, bool Assessed, string Status, string? Note)
{
    /// <summary>Assessed on part of its inputs.</summary>
    public bool Incomplete { get; init; }
    /// <summary>The part of the per-unit amount that is fixed per year or per shipment (model §2.8.1).</summary>
    public double FixedPerUnit { get; init; }
}

/// <summary>A payback and what the cumulative saving does.</summary>
public sealed record PaybackDocument(string Status, double? Years, double? FirstRecoveryYears, int? LossFromYear);

/// <summary>Applicable cost factors assessed in full, in part and not at all; share = (full + part) ÷ applicable.</summary>
public sealed record CoverageDocument(int Assessed, int Partial, int NotAssessed, int Applicable, double Share);

/// <summary>An input of a cost line with its source.</summary>
public sealed record InputDocument(string Name, double Value, string Unit, string Source, bool IsDefault);

/// <summary>The scorecard of an item.</summary>
public sealed record ScorecardDocument(
    WeightingDocument Weighting, IReadOnlyList<CriterionDocument> Criteria, IReadOnlyList<ScorecardOptionDocument> Options, double Coverage,
    SensitivityDocument? Sensitivity, double? Suitability, string SuitabilityExplanation, IReadOnlyList<MotiveDocument> Motives, IReadOnlyList<BarrierDocument> Barriers,
    IReadOnlyList<string> OpenBarriers, string? Alternatives, IReadOnlyList<string> Warnings);

public sealed record WeightingDocument(string Method, double? ConsistencyRatio);
public sealed record CriterionDocument(string Id, string Name, double Weight);
public sealed record ScorecardOptionDocument(string Id, int Rank, double WeightedTotal, IReadOnlyList<ScoreDocument> Scores);
public sealed record ScoreDocument(string Criterion, double? Score, string Source, double? Value, string Explanation);
public sealed record SensitivityDocument(string Criterion, double WeightChange, double NewWeight, string NewTopOptionId);
/// <summary>A motive; <c>Quadrant</c> is the study's zone, spelt as the monitor statistics key it (e.g. ExternalCustomerValue).</summary>
public sealed record MotiveDocument(string Id, string Name, string Context, string Goal, string? Quadrant);
public sealed record BarrierDocument(string Id, string Name, string? LinkedTo, bool Open);
#pragma warning restore CS1591
