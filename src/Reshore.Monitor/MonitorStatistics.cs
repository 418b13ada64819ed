using System.Globalization;
using Reshore.Core.Domain;
using Reshore.Core.Scorecard;
using Reshore.Core.Localization;

namespace Reshore.Monitor;

/// <summary>
/// Counts of monitor cases. Counting rules:
/// every case counts once in each single-valued dimension (year, homeCountry, destination, sector, section, sizeClass, function,
/// governance, type, status), with "unknown" for a missing value, so each of those lists sums to <see cref="MonitorStatisticsResult.Cases"/>;
/// multi-valued dimensions count a case once under each of its distinct values — origin (a case leaving CN and IN counts once
/// for CN and once for IN), motive, and quadrant (a case with two motives in one quadrant counts once there) — so their sums may
/// exceed the number of cases; a case without origins or motives counts under "unknown". Jobs: the total over cases that report a
/// number; bands 0, 1–10, 11–50, 51–100, 101–250, 251–1,000, more than 1,000. Year rows are in year order; the others by
/// count, then key. Counts cover reshoring cases only unless the filter names directions (offshoring cases are recorded for the
/// net balance); the balance (<see cref="BalanceStatistics"/>) looks at both directions, with the filter's other conditions.
/// </summary>
public static class MonitorStatistics
{
    /// <summary>Key used for a missing value.</summary>
    public const string Unknown = "unknown";

    /// <summary>The dimensions in <see cref="MonitorStatisticsResult.Counts"/>.</summary>
    public static IReadOnlyList<string> Dimensions { get; } =
        ["year", "homeCountry", "origin", "destination", "sector", "section", "sizeClass", "function", "governance", "type", "motive", "quadrant", "status",
         "region", "eurostatKind", "direction", "reversal"];

    /// <summary>The groups the net balance is always given for (more with the balanceBy argument of <see cref="Compute"/>).</summary>
    public static IReadOnlyList<string> BalanceDimensions { get; } = ["year", "section", "region", "homeCountry"];

    /// <summary>The job bands (lower and upper bound inclusive; null = open).</summary>
    public static IReadOnlyList<(string Band, int? Min, int? Max)> Bands { get; } =
        [("0", 0, 0), ("1-10", 1, 10), ("11-50", 11, 50), ("51-100", 51, 100), ("101-250", 101, 250), ("251-1000", 251, 1000), (">1000", 1001, null)];

    /// <summary>Statistics of the cases that pass <paramref name="filter"/>. For public figures pass <see cref="MonitorFilter.Public"/> (or <c>filter.AsPublic()</c>).</summary>
    public static MonitorStatisticsResult Compute(IEnumerable<MonitorCase> cases, MonitorFilter filter, CultureInfo culture, IEnumerable<string>? balanceBy = null)
    {
        var all = cases as IReadOnlyCollection<MonitorCase> ?? cases.ToList();
        var countFilter = filter.Directions is { Count: > 0 } ? filter : filter with { Directions = new HashSet<CaseDirection> { CaseDirection.Reshoring } };
        var list = all.Where(countFilter.Matches).ToList();
        var counts = new Dictionary<string, IReadOnlyList<CountRow>>(StringComparer.Ordinal);
        foreach (var d in Dimensions)
        {
            var tally = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var c in list)
                foreach (var key in Keys(c, d).DefaultIfEmpty(Unknown).Distinct())
                    tally[key] = tally.GetValueOrDefault(key) + 1;
            var rows = tally.Select(kv => new CountRow(kv.Key, Label(culture, d, kv.Key), kv.Value));
            counts[d] = (d == "year"
                ? rows.OrderBy(r => r.Key == Unknown ? 1 : 0).ThenBy(r => r.Key, StringComparer.Ordinal)
                : rows.OrderByDescending(r => r.Count).ThenBy(r => r.Key == Unknown ? 1 : 0).ThenBy(r => r.Key, StringComparer.Ordinal)).ToList();
        }
        var known = list.Where(c => c.JobsCreated is not null).Select(c => c.JobsCreated!.Value).ToList();
        var bands = Bands.Select(b =>
        {
            var inBand = known.Where(j => j >= b.Min && (b.Max is null || j <= b.Max)).ToList();
            return new JobBand(b.Band, b.Min, b.Max, inBand.Count, inBand.Sum());
        }).ToList();
        var result = new MonitorStatisticsResult(list.Count, counts, new JobStatistics(known.Sum(), known.Count, list.Count - known.Count, bands), culture.Name)
        {
            Balance = ComputeBalance(all.Where(filter.AnyDirection().Matches).ToList(), culture, BalanceDimensions.Concat(balanceBy ?? []).Distinct().ToList()),
        };
        return result with { Benchmarks = MonitorBenchmarks.Compare(result, culture) };
    }

    /// <summary>
    /// Reshoring against offshoring: cases and reported jobs of each direction and their difference (reshoring − offshoring), in all
    /// and per key of each dimension (a case counts under each of its keys, "unknown" when it has none; years in order).
    /// </summary>
    public static BalanceStatistics ComputeBalance(IReadOnlyList<MonitorCase> cases, CultureInfo culture, IReadOnlyList<string> dimensions)
    {
        static (int Rc, int Oc, int Rj, int Oj) Sum(IEnumerable<MonitorCase> xs)
        {
            int rc = 0, oc = 0, rj = 0, oj = 0;
            foreach (var c in xs)
            {
                if (c.Direction == CaseDirection.Offshoring) { oc++; oj += c.JobsCreated ?? 0; }
                else { rc++; rj += c.JobsCreated ?? 0; }
            }
            return (rc, oc, rj, oj);
        }
        var groups = new Dictionary<string, IReadOnlyList<BalanceRow>>(StringComparer.Ordinal);
        foreach (var d in dimensions)
        {
            var byKey = new Dictionary<string, List<MonitorCase>>(StringComparer.Ordinal);
            foreach (var c in cases)
                foreach (var key in Keys(c, d).DefaultIfEmpty(Unknown).Distinct())
                    (byKey.TryGetValue(key, out var l) ? l : byKey[key] = []).Add(c);
            var rows = byKey.Select(kv =>
            {
                var (rc, oc, rj, oj) = Sum(kv.Value);
                return new BalanceRow(kv.Key, Label(culture, d, kv.Key), rc, oc, rc - oc, rj, oj, rj - oj);
            });
            groups[d] = (d == "year"
                ? rows.OrderBy(r => r.Key == Unknown ? 1 : 0).ThenBy(r => r.Key, StringComparer.Ordinal)
                : rows.OrderByDescending(r => r.ReshoringCases + r.OffshoringCases).ThenBy(r => r.Key, StringComparer.Ordinal)).ToList();
        }
        var (tr, to, tjr, tjo) = Sum(cases);
        return new BalanceStatistics(tr, to, tr - to, tjr, tjo, tjr - tjo, groups);
    }

    /// <summary>The keys a case has in a dimension (empty when unknown).</summary>
    public static IEnumerable<string> Keys(MonitorCase c, string dimension) => dimension switch
    {
        "year" => c.AnnouncementDate is { } d ? [d.Year.ToString(CultureInfo.InvariantCulture)] : [],
        "homeCountry" => NonEmpty(c.HomeCountry),
        "origin" => c.Origins,
        "destination" => NonEmpty(c.Destination),
        "sector" => NonEmpty(c.NaceCode),
        "section" => c.NaceCode is { } n ? [NaceSectors.Section(n)] : [],
        "sizeClass" => c.EffectiveSizeClass is { } s ? [s.ToString()] : [],
        "function" => [c.Function.ToString()],
        "governance" => c.Governance is { } g ? [g.ToString()] : [],
        "type" => MonitorLocations.IsCountry(c.HomeCountry) && MonitorLocations.IsCountry(c.Destination) || c.TypeOverride is not null || c.Direction == CaseDirection.Offshoring ? [c.Type.ToString()] : [],
        "motive" => c.Motives,
        "quadrant" => c.Motives.Select(MotiveTaxonomy.Find).Where(m => m is not null).Select(m => m!.Zone.ToString()),
        "status" => [c.Status.ToString()],
        "region" => NonEmpty(c.Region),
        "eurostatKind" => c.EurostatKind is { } k ? [k.ToString()] : [],
        "direction" => [c.Direction.ToString()],
        "reversal" => c.Reversal is { } r ? [r.ToString()] : [],
        _ => throw new ArgumentException($"Unknown dimension '{dimension}'; dimensions: {string.Join(", ", Dimensions)}.", nameof(dimension)),
    };

    private static string[] NonEmpty(string? s) => string.IsNullOrEmpty(s) ? [] : [s];

    /// <summary>The label of a key of a dimension in the culture.</summary>
    public static string Label(CultureInfo culture, string dimension, string key)
    {
        if (key == Unknown) return Text.Get(culture, "Mon_Unknown", "unknown");
        return dimension switch
        {
            "homeCountry" or "origin" or "destination" => MonitorLocations.Name(culture, key),
            "sector" or "section" => NaceSectors.Label(culture, key),
            "sizeClass" => Enum.Parse<CompanySizeClass>(key) switch
            {
                CompanySizeClass.Small => Text.Get(culture, "Mon_Size_Small", "small (< 50 employees)"),
                CompanySizeClass.Medium => Text.Get(culture, "Mon_Size_Medium", "medium (50–249 employees)"),
                _ => Text.Get(culture, "Mon_Size_Large", "large (≥ 250 employees)"),
            },
            "function" => Enum.Parse<BusinessFunction>(key) switch
            {
                BusinessFunction.Production => Text.Get(culture, "Mon_Function_Production", "production"),
                BusinessFunction.Sourcing => Text.Get(culture, "Mon_Function_Sourcing", "sourcing"),
                BusinessFunction.RandD => Text.Get(culture, "Mon_Function_RandD", "R&D"),
                BusinessFunction.Services => Text.Get(culture, "Mon_Function_Services", "services"),
                BusinessFunction.Logistics => Text.Get(culture, "Mon_Function_Logistics", "logistics"),
                _ => Text.Get(culture, "Mon_Function_Other", "other"),
            },
            "governance" => Text.Get(culture, "Governance_" + key, key),
            "type" => Enum.Parse<ReshoringType>(key) switch
            {
                ReshoringType.Backshoring => Text.Get(culture, "Mon_Type_Backshoring", "backshoring"),
                ReshoringType.Nearshoring => Text.Get(culture, "Mon_Type_Nearshoring", "nearshoring"),
                ReshoringType.Offshoring => Text.Get(culture, "Mon_Type_Offshoring", "offshoring"),
                _ => Text.Get(culture, "Mon_Type_Other", "other"),
            },
            "motive" => MotiveTaxonomy.Label(culture, key),
            "quadrant" => MotiveTaxonomy.QuadrantLabel(culture, Enum.Parse<MotiveZone>(key)),
            "status" => MonitorWorkflow.StatusLabel(culture, Enum.Parse<CaseStatus>(key)),
            "region" => MonitorRegions.Name(key),
            "eurostatKind" => key == nameof(EurostatKind.Backshoring)
                ? Text.Get(culture, "Mon_Eurostat_Backshoring", "backshoring (own activity abroad comes back)")
                : Text.Get(culture, "Mon_Eurostat_HomeShoring", "home-shoring (a third party's work abroad comes home)"),
            "direction" => key == nameof(CaseDirection.Offshoring) ? Text.Get(culture, "Mon_Direction_Offshoring", "offshoring") : Text.Get(culture, "Mon_Direction_Reshoring", "reshoring"),
            "reversal" => key == nameof(ReversalKind.Reversed) ? Text.Get(culture, "Mon_Reversal_Reversed", "reversed later") : Text.Get(culture, "Mon_Reversal_Abandoned", "abandoned"),
            _ => key,
        };
    }

    /// <summary>The label of a dimension in the culture (for table headers).</summary>
    public static string DimensionLabel(CultureInfo culture, string dimension) => dimension switch
    {
        "year" => Text.Get(culture, "Mon_Dim_year", "Year"),
        "homeCountry" => Text.Get(culture, "Mon_Dim_homeCountry", "Home country"),
        "origin" => Text.Get(culture, "Mon_Dim_origin", "Origin"),
        "destination" => Text.Get(culture, "Mon_Dim_destination", "Destination"),
        "sector" => Text.Get(culture, "Mon_Dim_sector", "Sector (NACE)"),
        "section" => Text.Get(culture, "Mon_Dim_section", "NACE section"),
        "sizeClass" => Text.Get(culture, "Mon_Dim_sizeClass", "Size class"),
        "function" => Text.Get(culture, "Mon_Dim_function", "Business function"),
        "governance" => Text.Get(culture, "Mon_Dim_governance", "Governance model"),
        "type" => Text.Get(culture, "Mon_Dim_type", "Type"),
        "motive" => Text.Get(culture, "Mon_Dim_motive", "Motive"),
        "quadrant" => Text.Get(culture, "Mon_Dim_quadrant", "Motive quadrant"),
        "status" => Text.Get(culture, "Mon_Dim_status", "Status"),
        "region" => Text.Get(culture, "Mon_Dim_region", "Province or region"),
        "eurostatKind" => Text.Get(culture, "Mon_Dim_eurostatKind", "Backshoring or home-shoring (Eurostat)"),
        "direction" => Text.Get(culture, "Mon_Dim_direction", "Direction"),
        "reversal" => Text.Get(culture, "Mon_Dim_reversal", "Reversed or abandoned"),
        _ => dimension,
    };
}
