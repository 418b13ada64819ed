using System.Diagnostics;
using Reshore.Core.MarketData;
using Reshore.Core.Screening;
using Reshore.Data.Examples;
using Reshore.Data.Screening;

namespace Reshore.Cli.Bench;

/// <summary>
/// Portfolio screening throughput (issue 17): the bundled parts list repeated to N rows in a CSV file, read and screened against home and
/// five candidates (6 locations) keeping the top 100 — as `reshore screen --top 100` does. Reports the time to read alone and to read and
/// screen, processor time, and the memory the run holds at its end (which should not grow with N).
/// </summary>
public static class ScreeningBench
{
    /// <summary>One size: parts, seconds to read only, seconds to read and screen, processor seconds of the latter, bytes allocated, bytes held at the end.</summary>
    public sealed record Result(int Parts, int Locations, int Top, double ReadSeconds, double Seconds, double CpuSeconds, double PartsPerSecond, long AllocatedBytes, long RetainedBytes);

    /// <summary>Measures each size (after a warm-up run on the smallest).</summary>
    public static IReadOnlyList<Result> Run(MarketSnapshot market, IReadOnlyList<int> sizes, int top = 100)
    {
        var source = ExampleCatalog.All.First(e => e.FileName == "parts-list.csv").Text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var results = new List<Result>();
        var options = new ScreeningOptions();
        Measure(sizes.Min(), warmUp: true);
        foreach (var size in sizes) results.Add(Measure(size, warmUp: false)!);
        return results;

        Result? Measure(int count, bool warmUp)
        {
            var path = Path.Combine(Path.GetTempPath(), $"reshore-bench-parts-{Guid.NewGuid():N}.csv");
            try
            {
                using (var writer = new StreamWriter(path))
                {
                    writer.WriteLine(source[0]);
                    for (var i = 0; i < count; i++)
                    {
                        // Unique ids, the rest of the row from the bundled list.
                        var row = source[1 + i % (source.Length - 1)];
                        writer.Write("B");
                        writer.Write(i.ToString("D7", System.Globalization.CultureInfo.InvariantCulture));
                        writer.WriteLine(row[row.IndexOf(',')..]);
                    }
                }
                var read = Stopwatch.StartNew();
                var rows = new PartsReader(market).Read(path).Count();
                var readSeconds = read.Elapsed.TotalSeconds;
                var baseline = GC.GetTotalMemory(forceFullCollection: true);
                var allocated = GC.GetTotalAllocatedBytes(precise: true);
                var process = Process.GetCurrentProcess();
                var cpu = process.TotalProcessorTime;
                var watch = Stopwatch.StartNew();
                var ranked = new PortfolioScreener(market, options).ScreenAndRank(new PartsReader(market).Read(path), top);
                var seconds = watch.Elapsed.TotalSeconds;
                process.Refresh();
                var cpuSeconds = (process.TotalProcessorTime - cpu).TotalSeconds;
                var allocatedBytes = GC.GetTotalAllocatedBytes(precise: true) - allocated;
                var retained = GC.GetTotalMemory(forceFullCollection: true) - baseline;
                GC.KeepAlive(ranked);
                if (rows != count) throw new InvalidOperationException($"The bench parts list has {rows} valid rows, not {count}.");
                return warmUp ? null : new Result(count, options.Candidates.Count + 1, top, readSeconds, seconds, cpuSeconds, count / seconds, allocatedBytes, retained);
            }
            finally
            {
                File.Delete(path);
            }
        }
    }
}
