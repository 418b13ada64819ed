using System.Globalization;
using Reshore.Core.Localization;

namespace Reshore.Monitor;

/// <summary>A published reference figure the SERV study cites, with its source.</summary>
/// <param name="Id">Stable id.</param>
/// <param name="Value">The figure (a share as a fraction 0–1, a count, or jobs per case).</param>
/// <param name="Unit">"share", "cases" or "jobsPerCase".</param>
/// <param name="Scope">Who it covers ("EU", "BE", "8 countries"…).</param>
/// <param name="Period">The period measured.</param>
/// <param name="Source">The primary source.</param>
/// <param name="StudyLines">Where the SERV study reports it.</param>
/// <param name="Comparable">The monitor figure it is set beside (see <see cref="MonitorBenchmarks.Compare"/>), or null for context only.</param>
public sealed record BenchmarkFigure(string Id, double Value, string Unit, string Scope, string Period, string Source, string StudyLines, string? Comparable)
{
    /// <summary>The source in a few words, for tables ("Eurofound 2019").</summary>
    public string ShortSource => Source switch
    {
        var x when x.StartsWith("Eurofound", StringComparison.Ordinal) => "Eurofound 2019",
        var x when x.StartsWith("Eurostat", StringComparison.Ordinal) => "Eurostat 2012 (MAKERS 2017)",
        var x when x.StartsWith("European Manufacturing", StringComparison.Ordinal) => "EMS 2015 (Eurofound 2019)",
        var x when x.StartsWith("CBS", StringComparison.Ordinal) => "CBS 2018",
        var x => x,
    };

    /// <summary>The label in the culture.</summary>
    public string Label(CultureInfo culture) => Text.Get(culture, "Bench_" + Id, Id);
}

/// <summary>A reference figure and the monitor's own figure for the same measure (null when it has no counterpart or no data).</summary>
/// <param name="Figure">The reference figure.</param>
/// <param name="Label">Its label in the request's language.</param>
/// <param name="MonitorValue">The monitor's value of the same measure.</param>
/// <param name="MonitorBase">How many cases the monitor's value rests on.</param>
public sealed record BenchmarkComparison(BenchmarkFigure Figure, string Label, double? MonitorValue, int? MonitorBase);

/// <summary>
/// The reference layer: figures on the size of reshoring that the SERV study cites (§2.3, lines 1009–1520) — the European
/// Reshoring Monitor (Eurofound 2019), Eurostat's international sourcing survey 2012 for Belgium (via MAKERS 2017), the European
/// Manufacturing Survey and CBS — shown beside the monitor's own counts. Shares are fractions.
/// </summary>
public static class MonitorBenchmarks
{
    private const string Erm = "Eurofound (2019), Reshoring in Europe: Overview 2015–2018, Publications Office of the European Union";
    private const string Eurostat = "Eurostat international sourcing survey 2012 (period 2009–2011), via MAKERS (2017), deliverable 4.1, Measuring reshoring trends in the EU and the US";
    private const string Ems = "European Manufacturing Survey 2015 (Fraunhofer ISI and partners), via Eurofound (2019)";
    private const string Cbs = "CBS (2018), Internationaliseringsmonitor: internationaal verplaatsen van bedrijfsactiviteiten 2014–2016";

    /// <summary>All reference figures.</summary>
    public static IReadOnlyList<BenchmarkFigure> All { get; } =
    [
        new("ermCases", 253, "cases", "EU", "2014–2018", Erm, "1211–1213", null),
        new("ermCases2018", 46, "cases", "EU", "2018", Erm, "1213", null),
        new("ermCasesBelgium", 3, "cases", "BE", "2014–2018", Erm, "1237–1239", null),
        new("ermShareChina", 0.30, "share", "EU", "2014–2018", Erm, "1243–1245", "originCN"),
        new("ermShareLarge", 0.60, "share", "EU", "2014–2018", Erm, "1256–1258", "sizeLarge"),
        new("ermShareMedium", 0.23, "share", "EU", "2014–2018", Erm, "1258", "sizeMedium"),
        new("ermShareSmall", 0.17, "share", "EU", "2014–2018", Erm, "1258–1260", "sizeSmall"),
        new("ermShareManufacturing", 0.85, "share", "EU", "2014–2018", Erm, "1262", "sectionC"),
        new("ermShareClothing", 0.11, "share", "EU", "2014–2018", Erm, "1266–1268", "naceC14"),
        new("ermShareFood", 0.095, "share", "EU", "2014–2018", Erm, "1268–1270", "naceC10"),
        new("ermShareKnownJobs", 0.404, "share", "EU", "2014–2018", Erm, "1275", "knownJobs"),
        new("ermJobsPerCase", 12_840.0 / 99, "jobsPerCase", "EU", "2014–2018", Erm, "1275–1279", "jobsPerCase"),
        new("eurostatHomeShoringBeManufacturing", 0.063, "share", "BE, manufacturing firms ≥ 100 employees", "2009–2011", Eurostat, "1081–1085", null),
        new("eurostatHomeShoringBeAll", 0.031, "share", "BE, all NACE sections surveyed", "2009–2011", Eurostat, "1093–1097", null),
        new("emsShareReshoring", 0.043, "share", "8 countries, manufacturing", "2013–mid 2015", Ems, "1151–1157", null),
        new("emsShareOwnAffiliates", 2.6 / 4.3, "share", "8 countries, manufacturing (of the firms that reshored)", "2013–mid 2015", Ems, "1157–1159", "backshoringShare"),
        new("cbsShareReshoring", 0.01, "share", "NL", "2014–2016", Cbs, "1515–1517", null),
    ];

    /// <summary>Every reference figure with the monitor's value of the same measure (over the cases of <paramref name="result"/>).</summary>
    public static IReadOnlyList<BenchmarkComparison> Compare(MonitorStatisticsResult result, CultureInfo culture)
    {
        var n = result.Cases;
        int Count(string dimension, string key) => result.Counts.TryGetValue(dimension, out var rows) ? rows.FirstOrDefault(r => r.Key == key)?.Count ?? 0 : 0;
        (double?, int?) Share(string dimension, string key, int? of = null)
        {
            var baseCount = of ?? n;
            return baseCount == 0 ? (null, 0) : ((double)Count(dimension, key) / baseCount, baseCount);
        }
        var sizeKnown = n - Count("sizeClass", MonitorStatistics.Unknown);
        var sectorKnown = n - Count("section", MonitorStatistics.Unknown);
        var kindKnown = n - Count("eurostatKind", MonitorStatistics.Unknown);
        var jobs = result.Jobs;
        return All.Select(f =>
        {
            var (value, basis) = f.Comparable switch
            {
                "originCN" => Share("origin", "CN"),
                "sizeLarge" => Share("sizeClass", "Large", sizeKnown),
                "sizeMedium" => Share("sizeClass", "Medium", sizeKnown),
                "sizeSmall" => Share("sizeClass", "Small", sizeKnown),
                "sectionC" => Share("section", "C", sectorKnown),
                "naceC14" => Share("sector", "C14", sectorKnown),
                "naceC10" => Share("sector", "C10", sectorKnown),
                "knownJobs" => n == 0 ? (null, 0) : ((double)jobs.CasesWithKnownJobs / n, n),
                "jobsPerCase" => jobs.CasesWithKnownJobs == 0 ? (null, 0) : ((double)jobs.TotalJobs / jobs.CasesWithKnownJobs, jobs.CasesWithKnownJobs),
                "backshoringShare" => Share("eurostatKind", nameof(EurostatKind.Backshoring), kindKnown),
                _ => ((double?)null, (int?)null),
            };
            return new BenchmarkComparison(f, f.Label(culture), value, basis);
        }).ToList();
    }
}
