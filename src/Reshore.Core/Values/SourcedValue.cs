namespace Reshore.Core.Values;

/// <summary>A number with where it came from (publisher, dataset, address) and the year it refers to.</summary>
/// <param name="Value">The number, in the unit its owner names.</param>
/// <param name="Source">Publisher and address, or "case" for a user-supplied value.</param>
/// <param name="Year">The reference year, when known.</param>
public sealed record SourcedValue(double Value, string Source, int? Year);
