using System.Diagnostics;
using System.Globalization;
using System.Text;
using Reshore.Monitor;
using Reshore.Persistence;
using Reshore.Persistence.Monitor;

namespace Reshore.Cli.Bench;

/// <summary>One measured size: how much input and how long it took.</summary>
public sealed record SizeTiming(int Size, double Seconds)
{
    /// <summary>Input units per second.</summary>
    public double PerSecond => Seconds > 0 ? Size / Seconds : double.PositiveInfinity;
}

/// <summary>
/// Growth benchmarks of the monitor for `reshore bench`: the news screener on one article grown to several sizes, and the
/// monitor import (parse, validate, duplicate check and all-or-nothing store in a fresh SQLite file) on generated CSV files of
/// several row counts. Doubling the input should double the time (linear growth); the figures are measured, never asserted.
/// </summary>
public static class MonitorBench
{
    private const string Paragraph =
        "KORTRIJK, 12 maart 2025 – Vanassche Industries NV brings production of its compact pumps back from China to Belgium. " +
        "The company will invest EUR 12 million in its plant in Kortrijk and create 85 new jobs, its CEO said on Tuesday. " +
        "Suppliers in Poland and Romania keep delivering castings; assembly moves from Shenzhen to Flanders. ";

    /// <summary>An article of about <paramref name="chars"/> characters (the paragraph repeated).</summary>
    public static string Article(int chars)
    {
        var sb = new StringBuilder(chars + Paragraph.Length);
        while (sb.Length < chars) sb.Append(Paragraph);
        return sb.ToString(0, chars);
    }

    /// <summary>Screens an article of each size once (after one warm-up run) and returns the times.</summary>
    public static IReadOnlyList<SizeTiming> Screening(IEnumerable<int> sizes)
    {
        var culture = CultureInfo.GetCultureInfo("en");
        NewsScreener.Screen(Article(2_000), culture);
        var result = new List<SizeTiming>();
        foreach (var size in sizes)
        {
            var text = Article(size);
            var watch = Stopwatch.StartNew();
            NewsScreener.Screen(text, culture);
            result.Add(new SizeTiming(size, watch.Elapsed.TotalSeconds));
        }
        return result;
    }

    /// <summary>
    /// A CSV of <paramref name="rows"/> valid cases: company names repeat every 50 rows with other countries and years (so the
    /// duplicate check has work to do), 4 motives and a source each.
    /// </summary>
    public static byte[] ImportCsv(int rows)
    {
        string[] origins = ["CN", "IN", "VN", "TR", "PL", "RO", "HU", "MA"];
        string[] motives = ["automation", "deliveryTimes", "poorQuality", "labourCostGap", "customerProximity", "madeIn"];
        var sb = new StringBuilder();
        sb.Append("company,homeCountry,origins,destination,nace,announcementDate,motives,jobs,sourceTitle,sourcePublisher,sourceDate\r\n");
        for (var i = 0; i < rows; i++)
        {
            var company = $"Bench Company {i % (rows / 50 + 1)} NV";
            sb.Append(CultureInfo.InvariantCulture,
                $"{company},BE,{origins[i % origins.Length]},BE,C{10 + i % 24},{2010 + i % 15}-0{1 + i % 9}-1{i % 9},{motives[i % 6]};{motives[(i + 1) % 6]},{i % 300},Bench article {i},De Tijd,2024-01-0{1 + i % 9}\r\n");
        }
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    /// <summary>
    /// Imports a generated CSV of each row count into a fresh SQLite database: parse and check (<see cref="MonitorImport.ParseCsv"/>
    /// against the stored cases) and store all rows in one transaction (<see cref="MonitorStore.ImportAsync"/>). Returns the
    /// parse-and-check time and the total time per size.
    /// </summary>
    public static async Task<IReadOnlyList<(SizeTiming Parse, SizeTiming Total)>> ImportAsync(IEnumerable<int> rowCounts, CancellationToken ct = default)
    {
        var culture = CultureInfo.GetCultureInfo("en");
        var result = new List<(SizeTiming, SizeTiming)>();
        MonitorImport.ParseCsv(new MemoryStream(ImportCsv(100)), culture);
        foreach (var rows in rowCounts)
        {
            var path = Path.Combine(Path.GetTempPath(), $"reshore-bench-monitor-{Guid.NewGuid():N}.db");
            try
            {
                var csv = ImportCsv(rows);
                await using (var db = DatabaseTarget.Resolve(path).CreateContext())
                {
                    await Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.MigrateAsync(db.Database, ct);
                    await MonitorStore.SeedAsync(db, ct);
                    var store = new MonitorStore(db, TimeProvider.System);
                    var watch = Stopwatch.StartNew();
                    var existing = await store.AllAsync(ct);
                    var parsed = MonitorImport.ParseCsv(new MemoryStream(csv), culture, existing);
                    var parseSeconds = watch.Elapsed.TotalSeconds;
                    var outcome = await store.ImportAsync(new MonitorActor("bench", MonitorRole.Admin), parsed, culture, dryRun: false, ct);
                    if (outcome.Stored != rows)
                        throw new InvalidOperationException($"bench import stored {outcome.Stored} of {rows} rows: {string.Join("; ", outcome.Result.Errors.Take(3).Select(e => $"{e.Row} {e.Column} {e.Reason}"))}");
                    result.Add((new SizeTiming(rows, parseSeconds), new SizeTiming(rows, watch.Elapsed.TotalSeconds)));
                }
            }
            finally
            {
                foreach (var f in new[] { path, path + "-wal", path + "-shm" }) if (File.Exists(f)) File.Delete(f);
            }
        }
        return result;
    }
}
