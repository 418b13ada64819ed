namespace Reshore.Core.Costing;

/// <summary>One duty over one calendar year: the time-weighted rate and the periods it is made of, or what is missing.</summary>
/// <param name="RatePct">Time-weighted ad valorem rate, %; null when not assessed (see <paramref name="Missing"/>) or when no duty applies.</param>
/// <param name="Periods">The periods of the year with their rate and source (empty when not assessed).</param>
/// <param name="Inputs">Further inputs (e.g. the preferential-origin assumption).</param>
/// <param name="Missing">What the user must give when the rate cannot be determined.</param>
/// <param name="Note">Caveats to show with the line.</param>
public sealed record DutyRate(double? RatePct, IReadOnlyList<DutyPeriod> Periods, IReadOnlyList<InputValue> Inputs, string? Missing, string? Note);
