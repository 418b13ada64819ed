using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Reshore.Core.Values;

namespace Reshore.Core.Domain;

/// <summary>Settings of the Monte Carlo risk simulation: scenarios, seed, correlated drivers and disruption events.</summary>
public sealed record RiskSettings
{
    /// <summary>Number of scenarios.</summary>
    [Range(10, 1_000_000), Description("Number of scenarios (default 2,000; --scenarios overrides).")]
    public int? Scenarios { get; init; }

    /// <summary>Random seed.</summary>
    [Range(0, int.MaxValue), Description("Random seed (default 1; --seed overrides). The same seed gives the same numbers on any number of threads.")]
    public int? Seed { get; init; }

    /// <summary>Named drivers that uncertain inputs can share.</summary>
    [Description("Named uncertain drivers (e.g. asianWageGrowth); an uncertain input naming a driver draws from it, so inputs on one driver move together.")]
    public IReadOnlyList<RiskDriver>? Drivers { get; init; }

    /// <summary>Correlations between drivers (Gaussian copula).</summary>
    [Description("Correlations between drivers' normal scores, applied through a Gaussian copula (a rank correlation is slightly lower: 6/π · asin(ρ/2)).")]
    public IReadOnlyList<DriverCorrelation>? Correlations { get; init; }

    /// <summary>Disruption event sources.</summary>
    [Description("Disruption event sources: a country, a lane, a supplier or plant, the home country, or a systemic event touching several options.")]
    public IReadOnlyList<DisruptionEvent>? Events { get; init; }
}

/// <summary>A named driver of uncertain inputs.</summary>
public sealed record RiskDriver
{
    /// <summary>Identifier.</summary>
    [Required, Description("Identifier referred to by uncertain inputs (driver: …) and correlations.")]
    public string Id { get; init; } = "";

    /// <summary>Description.</summary>
    [Description("What the driver stands for.")]
    public string? Description { get; init; }
}

/// <summary>A correlation between two drivers.</summary>
public sealed record DriverCorrelation
{
    /// <summary>First driver.</summary>
    [Required, Description("First driver id.")]
    public string A { get; init; } = "";

    /// <summary>Second driver.</summary>
    [Required, Description("Second driver id.")]
    public string B { get; init; } = "";

    /// <summary>Correlation of the drivers' normal scores.</summary>
    [Required, Range(-0.999, 0.999), Description("Correlation of the drivers' normal scores (Gaussian copula), between −0.999 and 0.999.")]
    public double Rho { get; init; }
}

/// <summary>A source of disruption events: Poisson arrivals with a random duration, hitting some options.</summary>
public sealed record DisruptionEvent
{
    /// <summary>Identifier.</summary>
    [Required, Description("Identifier.")]
    public string Id { get; init; } = "";

    /// <summary>Description.</summary>
    [Description("What happens (e.g. pandemic lockdown, Suez closure, fire at the home plant).")]
    public string? Description { get; init; }

    /// <summary>Expected events per year.</summary>
    [Required, Range(0.0, 52.0), Description("Expected number of events per year (Poisson arrivals).")]
    public double EventsPerYear { get; init; }

    /// <summary>Duration in weeks (a number or a distribution).</summary>
    [Required, Range(0.0, 520.0), Description("Duration of one event, weeks; give a distribution for random durations (e.g. triangular 2/6/16).")]
    public double DurationWeeks { get; init; }

    /// <summary>What the event does to which options.</summary>
    [Required, Description("Effects of the event on options, chosen by option id, country, transport mode or all.")]
    public IReadOnlyList<EventEffect> Effects { get; init; } = [];
}

/// <summary>The effect of an event on the options it matches (all given selectors must match).</summary>
public sealed record EventEffect
{
    /// <summary>Option ids.</summary>
    [Description("Option ids this effect applies to (in any item).")]
    public IReadOnlyList<string>? Options { get; init; }

    /// <summary>Countries of production.</summary>
    [Description("Countries of production (ISO alpha-2) this effect applies to; 'home' is not special: list the home country to hit home plants.")]
    public IReadOnlyList<CountryCode>? Countries { get; init; }

    /// <summary>Main-leg transport modes.</summary>
    [Description("Transport modes of the option's main legs this effect applies to (e.g. sea for a canal closure).")]
    public IReadOnlyList<TransportMode>? Modes { get; init; }

    /// <summary>Capacity lost while the event lasts, %.</summary>
    [Range(0.0, 100.0), Description("Share of the option's capacity lost while the event lasts, %.")]
    public double? CapacityLossPct { get; init; }

    /// <summary>Transit delay added to shipments dispatched during the event, weeks.</summary>
    [Range(0.0, 52.0), Description("Weeks added to the transit of shipments dispatched while the event lasts.")]
    public double? AddedDelayWeeks { get; init; }
}

/// <summary>A named sourcing strategy: volume shares over the item's options plus a buffer stock.</summary>
public sealed record SourcingStrategy
{
    /// <summary>Identifier.</summary>
    [Required, Description("Identifier, unique within the item.")]
    public string Id { get; init; } = "";

    /// <summary>Name.</summary>
    [Description("Name shown in reports.")]
    public string? Name { get; init; }

    /// <summary>Volume share by option id (fractions summing to 1).</summary>
    [Required, Description("Volume share by option id, as fractions that sum to 1 (e.g. {cn: 0.7, pl: 0.3}).")]
    public IReadOnlyDictionary<string, double> Shares { get; init; } = new Dictionary<string, double>();

    /// <summary>Extra stock target, weeks of mean demand.</summary>
    [Range(0.0, 104.0), Description("Buffer stock on top of the base-stock target, weeks of mean demand. Default 0.")]
    public double? BufferWeeks { get; init; }
}

/// <summary>Emergency supply used when options ship less than ordered (e.g. air freight, a spot supplier).</summary>
public sealed record EmergencySupply
{
    /// <summary>Extra cost per unit over the cheapest shipping option.</summary>
    [Required, Description("Extra cost per emergency unit on top of the strategy's average unit cost (e.g. air freight premium).")]
    public Money PremiumPerUnit { get; init; }

    /// <summary>Lead time, weeks.</summary>
    [Range(0.0, 52.0), Description("Lead time of emergency supply, weeks (default 1).")]
    public double? LeadTimeWeeks { get; init; }

    /// <summary>Maximum share of mean weekly demand that emergency supply can cover, %.</summary>
    [Range(0.0, 1000.0), Description("Weekly emergency capacity as % of mean weekly demand (default 100).")]
    public double? CapacityPct { get; init; }
}
