using System.Diagnostics;
using System.Globalization;
using System.Text;
using Reshore.Monitor;
using Reshore.Persistence;
using Reshore.Persistence.Monitor;

namespace Reshore.Cli.Bench;

/// <summary>One measured size: how much input and how long it took.</summary>
/// <param name="Size">Characters or rows.</param>
/// <param name="Seconds">Wall-clock time.</param>
/// <param name="CpuSeconds">Processor time of this process over the same span (on a busy machine the better measure of the work).</param>
public sealed record SizeTiming(int Size, double Seconds, double CpuSeconds)
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

    private static double Cpu() => Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;

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
            var cpu = Cpu();
            var watch = Stopwatch.StartNew();
            NewsScreener.Screen(text, culture);
            result.Add(new SizeTiming(size, watch.Elapsed.TotalSeconds, Cpu() - cpu));
        }
        return result;
    }

    private static readonly string[] Syllables = ["ka", "ve", "lo", "mi", "ru", "de", "po", "sa", "ti", "ne", "bo", "ha", "ge", "wu", "zi", "fe"];
    private static readonly string[] Kinds = ["Industries NV", "Metaal BV", "Textiles SA", "Kunststoffen NV", "Electronics GmbH", "Foods NV"];

    /// <summary>A made-up company name, unique for each number below 65,536 ("Kavelomi Metaal BV").</summary>
    public static string CompanyName(int n)
    {
        var sb = new StringBuilder();
        for (var k = 0; k < 4; k++, n >>= 4) sb.Append(Syllables[n & 15]);
        sb[0] = char.ToUpperInvariant(sb[0]);
        return sb + " " + Kinds[n % Kinds.Length];
    }

    /// <summary>
    /// A CSV of <paramref name="rows"/> valid cases of different companies, except that every 20th row repeats the company,
    /// country and year of the row before (a duplicate the check must find); 2 motives and a source each.
    /// </summary>
    public static byte[] ImportCsv(int rows)
    {
        string[] origins = ["CN", "IN", "VN", "TR", "PL", "RO", "HU", "MA"];
        string[] motives = ["automation", "deliveryTimes", "poorQuality", "labourCostGap", "customerProximity", "madeIn"];
        var sb = new StringBuilder();
        sb.Append("company,homeCountry,origins,destination,nace,announcementDate,motives,jobs,sourceTitle,sourcePublisher,sourceDate\r\n");
        for (var i = 0; i < rows; i++)
        {
            var n = i % 20 == 19 ? i - 1 : i;
            sb.Append(CultureInfo.InvariantCulture,
                $"{CompanyName(n * 7919 % 65_536)},BE,{origins[n % origins.Length]},BE,C{10 + n % 24},{2010 + n % 15}-0{1 + n % 9}-1{n % 9},{motives[i % 6]};{motives[(i + 1) % 6]},{i % 300},Bench article {i},De Tijd,2024-01-0{1 + i % 9}\r\n");
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
                    var cpu = Cpu();
                    var watch = Stopwatch.StartNew();
                    var existing = await store.AllAsync(ct);
                    var parsed = MonitorImport.ParseCsv(new MemoryStream(csv), culture, existing);
                    var parseSeconds = watch.Elapsed.TotalSeconds;
                    var parseCpu = Cpu() - cpu;
                    var outcome = await store.ImportAsync(new MonitorActor("bench", MonitorRole.Admin), parsed, culture, dryRun: false, ct);
                    if (outcome.Stored != rows)
                        throw new InvalidOperationException($"bench import stored {outcome.Stored} of {rows} rows: {string.Join("; ", outcome.Result.Errors.Take(3).Select(e => $"{e.Row} {e.Column} {e.Reason}"))}");
                    result.Add((new SizeTiming(rows, parseSeconds, parseCpu), new SizeTiming(rows, watch.Elapsed.TotalSeconds, Cpu() - cpu)));
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
