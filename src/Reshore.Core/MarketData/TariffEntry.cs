using Reshore.Core.Values;

namespace Reshore.Core.MarketData;

/// <summary>
/// An EU customs duty for an HS/CN prefix: the MFN (third-country, erga omnes) rate, an origin-specific extra
/// duty (anti-dumping, countervailing), or both, valid between two dates.
/// </summary>
public sealed record TariffEntry
{
    /// <summary>HS/CN prefix (digits only).</summary>
    public required string HsPrefix { get; init; }
    /// <summary>Description.</summary>
    public required string Description { get; init; }
    /// <summary>MFN ad valorem duty, %; null when the row gives no MFN rate (an extra-duty row) or the MFN duty is not a plain percentage.</summary>
    public SourcedValue? MfnDutyPct { get; init; }
    /// <summary>The MFN duty as written when it is not a plain percentage (specific, compound, "varies by CN8: 0-2.1%").</summary>
    public string? DutyExpression { get; init; }
    /// <summary>Origin of an extra duty; null for erga omnes rows. An MFN rate on a row with an origin is still the erga omnes rate.</summary>
    public CountryCode? Origin { get; init; }
    /// <summary>Extra (anti-dumping, countervailing) ad valorem duty, %.</summary>
    public SourcedValue? ExtraDutyPct { get; init; }
    /// <summary>Kind of the extra duty.</summary>
    public ExtraDutyKind? ExtraDutyKind { get; init; }
    /// <summary>Legal measure.</summary>
    public string? Measure { get; init; }
    /// <summary>First day the row applies; null: since before any horizon.</summary>
    public DateOnly? ValidFrom { get; init; }
    /// <summary>Last day the row applies; null: until further notice.</summary>
    public DateOnly? ValidTo { get; init; }

    /// <summary>Source of the row (publisher, act, address) and its year, also for rows whose MFN duty is only an expression.</summary>
    public string? Source { get; init; }
    /// <summary>Year of <see cref="Source"/>.</summary>
    public int? SourceYear { get; init; }

    /// <summary>The reference file the row came from (tariffs.csv, tariff_mfn.csv), for messages; null when built in code.</summary>
    public string? File { get; init; }

    /// <summary>Whether the row carries MFN information (a rate or an expression).</summary>
    public bool HasMfn => MfnDutyPct is not null || DutyExpression is not null;

    /// <summary>Whether the row applies on <paramref name="date"/>.</summary>
    public bool AppliesOn(DateOnly date) => (ValidFrom is null || date >= ValidFrom) && (ValidTo is null || date <= ValidTo);

    /// <summary>Whether the row's prefix covers the code <paramref name="hsDigits"/>.</summary>
    public bool Covers(string hsDigits) => hsDigits.StartsWith(HsPrefix, StringComparison.Ordinal);
}
