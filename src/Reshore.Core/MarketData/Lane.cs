using Reshore.Core.Domain;
using Reshore.Core.Values;

namespace Reshore.Core.MarketData;

/// <summary>A reference transport lane to the home port (Antwerp), with sourced distance, transit time and rate.</summary>
public sealed record Lane
{
    /// <summary>Identifier, e.g. CN-SEA-SHANGHAI.</summary>
    public required string Id { get; init; }
    /// <summary>Origin country.</summary>
    public required CountryCode Origin { get; init; }
    /// <summary>Origin place.</summary>
    public required string OriginPlace { get; init; }
    /// <summary>Destination place.</summary>
    public required string DestinationPlace { get; init; }
    /// <summary>Mode.</summary>
    public required TransportMode Mode { get; init; }
    /// <summary>Distance, km.</summary>
    public required SourcedValue DistanceKm { get; init; }
    /// <summary>Transit, days.</summary>
    public required SourcedValue TransitDays { get; init; }
    /// <summary>Rate amount in <see cref="RateCurrency"/>; null when no recent sourced rate is known (the case must give one).</summary>
    public SourcedValue? Rate { get; init; }
    /// <summary>Rate currency.</summary>
    public required CurrencyCode RateCurrency { get; init; }
    /// <summary>Rate basis.</summary>
    public required RateUnit RateUnit { get; init; }
    /// <summary>Default lane for its country and mode.</summary>
    public required bool IsDefault { get; init; }
    /// <summary>
    /// The emission factor matched to this lane's type (e.g. the GLEC Asia–North Europe container factor for a Shanghai–Antwerp
    /// sea lane); null uses the default factor of the mode.
    /// </summary>
    public string? EmissionFactorId { get; init; }
}

/// <summary>A GLEC / ISO 14083 well-to-wheel emission factor.</summary>
public sealed record EmissionFactor
{
    /// <summary>Identifier.</summary>
    public required string Id { get; init; }
    /// <summary>Mode it is the default for, if any.</summary>
    public TransportMode? DefaultFor { get; init; }
    /// <summary>Description of the vehicle class.</summary>
    public required string VehicleClass { get; init; }
    /// <summary>g CO2e per tonne-km, well to wheel.</summary>
    public required SourcedValue GramsPerTonneKm { get; init; }
}

/// <summary>An entry of an EU critical raw materials list.</summary>
/// <param name="Name">Name as listed, e.g. "Light rare earth elements (LREE)".</param>
/// <param name="ListYear">2020 (COM(2020) 474) or 2023 (Regulation (EU) 2024/1252, Annex II).</param>
/// <param name="Strategic">"yes", "no", "partly" (2023) or "n/a" (2020).</param>
/// <param name="Scope">Strategic scope (grade), when given.</param>
/// <param name="Source">Source.</param>
public sealed record CriticalRawMaterial(string Name, int ListYear, string Strategic, string? Scope, string Source);
