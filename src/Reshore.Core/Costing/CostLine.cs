using Reshore.Core.Domain;

namespace Reshore.Core.Costing;

/// <summary>Whether a cost line was computed.</summary>
public enum LineStatus
{
    /// <summary>Computed from the case's inputs and reference data.</summary>
    Assessed,
    /// <summary>Inputs missing: the line is zero and shown as not assessed.</summary>
    NotAssessed,
    /// <summary>Does not apply to this option (e.g. duty on an EU origin).</summary>
    NotApplicable,
    /// <summary>Part of the unit price paid to the supplier.</summary>
    IncludedInPrice,
}

/// <summary>One input of a cost line, with its unit and where it came from.</summary>
/// <param name="Name">Input name (symbol or case-file path).</param>
/// <param name="Value">Value in <paramref name="Unit"/>.</param>
/// <param name="Unit">Unit, e.g. "EUR/h", "days", "fraction".</param>
/// <param name="Source">"case" for user input, "default: …" for reference data with its source and year, "derived: …" for values computed from other inputs.</param>
/// <param name="IsDefault">True when the value came from reference data or a model default rather than the case.</param>
public sealed record InputValue(string Name, double Value, string Unit, string Source, bool IsDefault);

/// <summary>One cost factor's contribution for one option and year, with its formula and inputs.</summary>
public sealed record CostLine
{
    /// <summary>Factor id (see <see cref="CostFactorCatalog"/>).</summary>
    public required string Factor { get; init; }
    /// <summary>Display name (user-defined lines) or null for catalog factors.</summary>
    public string? Label { get; init; }
    /// <summary>Category.</summary>
    public required CostCategory Category { get; init; }
    /// <summary>Hard, risk or strategic.</summary>
    public required CostKind Kind { get; init; }
    /// <summary>Cost per unit in the case currency.</summary>
    public required double PerUnit { get; init; }
    /// <summary>
    /// The part of <see cref="PerUnit"/> that is a fixed amount per year or per shipment spread over the year's volume (overhead F,
    /// depreciation, tooling, audits, travel, coordination, compliance, handling, brokerage, per-shipment freight, a user line's
    /// per-year amount): it does not change with one unit more or less. PerUnit − FixedPerUnit is the line's marginal cost.
    /// </summary>
    public double FixedPerUnit { get; init; }
    /// <summary>Cost per year in the case currency = per unit × annual volume.</summary>
    public required double PerYear { get; init; }
    /// <summary>The formula, in the symbols of <see cref="Inputs"/>.</summary>
    public required string Formula { get; init; }
    /// <summary>Inputs.</summary>
    public required IReadOnlyList<InputValue> Inputs { get; init; }
    /// <summary>Status.</summary>
    public required LineStatus Status { get; init; }
    /// <summary>Why a line is not assessed or not applicable, or a caveat.</summary>
    public string? Note { get; init; }
    /// <summary>Assessed on part of its inputs: what is priced is counted, and <see cref="Note"/> names what is missing (e.g. a leg without a rate).</summary>
    public bool Incomplete { get; init; }
    /// <summary>True when computed.</summary>
    public bool Assessed => Status == LineStatus.Assessed;
}
