using Reshore.Core.Domain;
using Reshore.Core.Values;

namespace Reshore.Core.MarketData;

/// <summary>
/// All reference data an engine may use, as of one date: countries, lanes, emission factors, carbon
/// prices, CBAM annex and factors, tariffs and exchange rates. Built outside Core (Reshore.Data reads the
/// bundled CSV files); engines only read it.
/// </summary>
public sealed record MarketSnapshot
{
    /// <summary>Date the data set was compiled.</summary>
    public required DateOnly AsOf { get; init; }
    /// <summary>Version label of the data set.</summary>
    public required string Version { get; init; }
    /// <summary>Countries by code.</summary>
    public required IReadOnlyDictionary<CountryCode, CountryProfile> Countries { get; init; }
    /// <summary>Lanes by id.</summary>
    public required IReadOnlyDictionary<string, Lane> Lanes { get; init; }
    /// <summary>Emission factors.</summary>
    public required IReadOnlyList<EmissionFactor> EmissionFactors { get; init; }
    /// <summary>EU ETS price by calendar year, EUR per tonne CO2e.</summary>
    public required IReadOnlyDictionary<int, SourcedValue> EtsPriceEurPerTonne { get; init; }
    /// <summary>CBAM factor (share of free allocation kept, %) by calendar year.</summary>
    public required IReadOnlyDictionary<int, SourcedValue> CbamFactorPct { get; init; }
    /// <summary>HS/CN prefixes of goods covered by CBAM.</summary>
    public required IReadOnlyList<string> CbamCoveredPrefixes { get; init; }
    /// <summary>Source of the CBAM annex.</summary>
    public required string CbamSource { get; init; }
    /// <summary>Tariff rows.</summary>
    public required IReadOnlyList<TariffEntry> Tariffs { get; init; }
    /// <summary>Exchange rates.</summary>
    public required FxTable Fx { get; init; }
    /// <summary>EU critical raw materials lists (2020 and 2023).</summary>
    public IReadOnlyList<CriticalRawMaterial> CriticalRawMaterials { get; init; } = [];
    /// <summary>Working time and job vacancy rates by ISO alpha-2 code, and "EU" for the EU-27 (labour_market.csv).</summary>
    public IReadOnlyDictionary<string, LabourMarketProfile> LabourMarkets { get; init; } = new Dictionary<string, LabourMarketProfile>();

    /// <summary>The country profile, or an exception naming the code.</summary>
    public CountryProfile Country(CountryCode code) =>
        Countries.TryGetValue(code, out var p)
            ? p
            : throw new KeyNotFoundException($"No reference data for country {code}.");

    /// <summary>The default emission factor of a mode.</summary>
    public EmissionFactor DefaultEmissionFactor(TransportMode mode) =>
        EmissionFactors.FirstOrDefault(f => f.DefaultFor == mode)
        ?? throw new KeyNotFoundException($"No default emission factor for mode {mode}.");

    /// <summary>The emission factor of a lane when the reference data match one to it, else the default factor of the mode.</summary>
    public EmissionFactor EmissionFactorFor(Lane? lane, TransportMode mode) =>
        lane?.EmissionFactorId is { } id && lane.Mode == mode && EmissionFactors.FirstOrDefault(f => f.Id == id) is { } matched
            ? matched
            : DefaultEmissionFactor(mode);

    /// <summary>The longest MFN tariff row whose prefix starts <paramref name="hsDigits"/>.</summary>
    public TariffEntry? MfnTariff(string hsDigits) =>
        Tariffs.Where(t => t.Origin is null && hsDigits.StartsWith(t.HsPrefix, StringComparison.Ordinal))
               .OrderByDescending(t => t.HsPrefix.Length)
               .FirstOrDefault();

    /// <summary>Origin-specific extra duty rows matching the code.</summary>
    public TariffEntry? ExtraDuty(string hsDigits, CountryCode origin) =>
        Tariffs.Where(t => t.Origin == origin && t.ExtraDutyPct is not null && hsDigits.StartsWith(t.HsPrefix, StringComparison.Ordinal))
               .OrderByDescending(t => t.HsPrefix.Length)
               .FirstOrDefault();

    /// <summary>Whether the HS/CN code is in the CBAM annex.</summary>
    public bool IsCbamCovered(string hsDigits) =>
        CbamCoveredPrefixes.Any(p => hsDigits.StartsWith(p, StringComparison.Ordinal));

    /// <summary>Value of a year-indexed path, linearly interpolated between given years and held flat beyond the ends.</summary>
    public static double Interpolate(IReadOnlyDictionary<int, double> path, int year)
    {
        if (path.Count == 0) throw new ArgumentException("The path has no points.", nameof(path));
        if (path.TryGetValue(year, out var exact)) return exact;
        var years = path.Keys.Order().ToArray();
        if (year <= years[0]) return path[years[0]];
        if (year >= years[^1]) return path[years[^1]];
        var hi = years.First(y => y > year);
        var lo = years.Last(y => y < year);
        var w = (double)(year - lo) / (hi - lo);
        return path[lo] + w * (path[hi] - path[lo]);
    }
}
