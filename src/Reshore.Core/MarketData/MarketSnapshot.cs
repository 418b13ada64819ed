using System.Runtime.CompilerServices;
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
    /// <summary>Tariff rows: MFN rates by HS/CN prefix and origin-specific extra duties, each with its validity dates.</summary>
    public required IReadOnlyList<TariffEntry> Tariffs { get; init; }
    /// <summary>Dated EU trade regimes by origin (agreements, customs union, GSP, GSP+, EBA).</summary>
    public IReadOnlyList<TariffPreference> Preferences { get; init; } = [];
    /// <summary>Exchange rates.</summary>
    public required FxTable Fx { get; init; }
    /// <summary>
    /// Exchange-rate history: euros per unit by currency and calendar year (annual averages; a running year is a
    /// partial-year average). Shown and checked, and the basis of <see cref="FxTrend"/>; the engine converts with <see cref="Fx"/>.
    /// </summary>
    public IReadOnlyDictionary<CurrencyCode, IReadOnlyDictionary<int, SourcedValue>> FxHistory { get; init; } =
        new Dictionary<CurrencyCode, IReadOnlyDictionary<int, SourcedValue>>();
    /// <summary>EU critical raw materials lists (2020 and 2023).</summary>
    public IReadOnlyList<CriticalRawMaterial> CriticalRawMaterials { get; init; } = [];
    /// <summary>Working time and job vacancy rates by ISO alpha-2 code, and "EU" for the EU-27 (labour_market.csv).</summary>
    public IReadOnlyDictionary<string, LabourMarketProfile> LabourMarkets { get; init; } = new Dictionary<string, LabourMarketProfile>();
    /// <summary>Support instruments (instruments.csv), by id.</summary>
    public IReadOnlyDictionary<string, Support.SupportInstrument> Instruments { get; init; } = new Dictionary<string, Support.SupportInstrument>();
    /// <summary>Flemish spearhead clusters by industrial ecosystem (spearhead_clusters.csv).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> EcosystemClusters { get; init; } = new Dictionary<string, IReadOnlyList<string>>();
    /// <summary>State-aid rules (state_aid.csv), by id.</summary>
    public IReadOnlyDictionary<string, Support.StateAidRule> StateAidRules { get; init; } = new Dictionary<string, Support.StateAidRule>();

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

    /// <summary>The MFN tariff row in force on the snapshot date (see <see cref="MfnTariff(string, DateOnly)"/>).</summary>
    public TariffEntry? MfnTariff(string hsDigits) => MfnTariff(hsDigits, AsOf);

    /// <summary>
    /// The MFN tariff row for <paramref name="hsDigits"/> on <paramref name="on"/>: among the rows that carry an MFN rate or
    /// expression (whatever their origin: the MFN rate is erga omnes), cover the code and apply on that date, the longest
    /// prefix; on a tie the newer source year, then the row without origin.
    /// </summary>
    public TariffEntry? MfnTariff(string hsDigits, DateOnly on) =>
        RowsCovering(hsDigits).Where(t => t.HasMfn && t.AppliesOn(on))
               .OrderByDescending(t => t.HsPrefix.Length)
               .ThenByDescending(t => t.MfnDutyPct?.Year ?? 0)
               .ThenBy(t => t.Origin is null ? 0 : 1)
               .FirstOrDefault();

    /// <summary>
    /// A lower bound of the MFN rate of a code on <paramref name="on"/>, %: the rate of <see cref="MfnTariff(string, DateOnly)"/>
    /// when it is a plain percentage; otherwise (a 4-digit heading, or an HS6 whose CN8 lines differ) the lowest plain rate of the
    /// longer codes under it; null when none is known. For screening, which must not overstate the duty avoided.
    /// </summary>
    public double? MfnRateLowerBound(string hsDigits, DateOnly on)
    {
        if (MfnTariff(hsDigits, on) is { MfnDutyPct: { } rate }) return rate.Value;
        var longer = Tariffs is IPrefixTariffRows rows ? rows.Below(hsDigits)
            : Tariffs.Where(t => t.HsPrefix.Length > hsDigits.Length && t.HsPrefix.StartsWith(hsDigits, StringComparison.Ordinal));
        var below = longer.Where(t => t.MfnDutyPct is not null && t.AppliesOn(on)).Select(t => t.MfnDutyPct!.Value).ToList();
        return below.Count > 0 ? below.Min() : null;
    }

    /// <summary>The origin-specific extra duty row in force on the snapshot date with the longest prefix.</summary>
    public TariffEntry? ExtraDuty(string hsDigits, CountryCode origin) => ExtraDuties(hsDigits, origin, AsOf).MaxBy(t => t.HsPrefix.Length);

    /// <summary>
    /// The extra duties on <paramref name="hsDigits"/> from <paramref name="origin"/> on <paramref name="on"/>: per kind
    /// (anti-dumping, provisional or definitive; countervailing; other) the row with the longest prefix, then the latest start.
    /// Duties of different kinds add up.
    /// </summary>
    public IReadOnlyList<TariffEntry> ExtraDuties(string hsDigits, CountryCode origin, DateOnly on) =>
        RowsCovering(hsDigits).Where(t => t.Origin == origin && t.ExtraDutyPct is not null && t.AppliesOn(on))
               .GroupBy(t => t.ExtraDutyKind is ExtraDutyKind.ProvisionalAntiDumping ? ExtraDutyKind.AntiDumping : t.ExtraDutyKind ?? ExtraDutyKind.Other)
               .Select(g => g.OrderByDescending(t => t.HsPrefix.Length).ThenByDescending(t => t.ValidFrom ?? DateOnly.MinValue).First())
               .OrderBy(t => t.ExtraDutyKind)
               .ToList();

    /// <summary>The dated trade regime of <paramref name="origin"/> on <paramref name="on"/> (the latest-starting row in force), or null when none is listed.</summary>
    public TariffPreference? Preference(CountryCode origin, DateOnly on) =>
        Preferences.Where(p => p.Origin == origin && p.AppliesOn(on)).MaxBy(p => p.ValidFrom ?? DateOnly.MinValue);

    /// <summary>
    /// The days of <paramref name="calendarYear"/> after 1 January on which a tariff row for the code, or a regime of the origin,
    /// starts or stops applying: the boundaries of the periods over which a year's duty is averaged.
    /// </summary>
    public IReadOnlyList<DateOnly> TariffChanges(string hsDigits, CountryCode origin, int calendarYear)
    {
        var first = new DateOnly(calendarYear, 1, 1);
        var last = new DateOnly(calendarYear, 12, 31);
        var bounds = RowsCovering(hsDigits).Where(t => t.Origin is null || t.Origin == origin || t.HasMfn)
                            .SelectMany(t => new[] { t.ValidFrom, t.ValidTo?.AddDays(1) })
                            .Concat(Preferences.Where(p => p.Origin == origin).SelectMany(p => new[] { p.ValidFrom, p.ValidTo?.AddDays(1) }));
        return bounds.OfType<DateOnly>().Where(d => d > first && d <= last).Distinct().Order().ToList();
    }

    // Tariff rows indexed by prefix, per Tariffs list instance (a copy made with `with` gets its own index): a lookup walks the
    // code's prefixes instead of scanning thousands of rows for every option and year.
    private static readonly ConditionalWeakTable<IReadOnlyList<TariffEntry>, ILookup<string, TariffEntry>> TariffIndex = new();

    /// <summary>The tariff rows whose prefix covers <paramref name="hsDigits"/>, longest prefix first.</summary>
    public IEnumerable<TariffEntry> RowsCovering(string hsDigits)
    {
        if (Tariffs is IPrefixTariffRows rows)
        {
            for (var n = hsDigits.Length; n >= 1; n--)
                foreach (var row in rows.WithPrefix(hsDigits[..n]))
                    yield return row;
            yield break;
        }
        var index = TariffIndex.GetValue(Tariffs, static rows => rows.ToLookup(t => t.HsPrefix, StringComparer.Ordinal));
        for (var n = hsDigits.Length; n >= 1; n--)
            foreach (var row in index[hsDigits[..n]])
                yield return row;
    }

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
