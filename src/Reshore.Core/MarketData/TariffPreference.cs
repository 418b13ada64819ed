namespace Reshore.Core.MarketData;

/// <summary>
/// The EU trade regime for industrial goods (chapters 25–97) from one origin, valid between two dates: a free-trade or
/// association agreement, the customs union, GSP+, EBA or the general GSP arrangement. Consecutive rows for one origin
/// model a change of regime, such as the loss of EBA three years after a country leaves the least-developed list.
/// </summary>
public sealed record TariffPreference
{
    /// <summary>Origin.</summary>
    public required Values.CountryCode Origin { get; init; }
    /// <summary>Regime.</summary>
    public required EuTradeRegime Regime { get; init; }
    /// <summary>Agreement or arrangement.</summary>
    public required string Agreement { get; init; }
    /// <summary>First day in force.</summary>
    public DateOnly? ValidFrom { get; init; }
    /// <summary>Last day in force; null: until further notice.</summary>
    public DateOnly? ValidTo { get; init; }
    /// <summary>Source (publisher, act, address).</summary>
    public required string Source { get; init; }
    /// <summary>Year of the source.</summary>
    public int? Year { get; init; }
    /// <summary>Caveats (staging, partial withdrawal, product coverage).</summary>
    public string? Notes { get; init; }

    /// <summary>Whether the row applies on <paramref name="date"/>.</summary>
    public bool AppliesOn(DateOnly date) => (ValidFrom is null || date >= ValidFrom) && (ValidTo is null || date <= ValidTo);
}
