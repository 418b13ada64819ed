using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Reshore.Cli.Bench;
using Reshore.Cli.Output;
using Reshore.Core.Costing;
using Reshore.Core.Optimization;
using Reshore.Core.Risk;
using Reshore.Data.CaseFiles;
using Reshore.Data.Examples;
using Reshore.Data.Output;

namespace Reshore.Cli.Commands;

/// <summary>
/// `reshore bench`: throughput of the weekly simulation on a fixed synthetic workload (item-strategy-scenario-weeks per
/// second) and of the TCO evaluation on the bundled examples. Measured, never asserted.
/// </summary>
public static class BenchCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliContext ctx)
    {
        var quick = new Option<bool>("--quick") { Description = "A small workload (50 items × 4 strategies × 500 scenarios × 52 weeks) instead of 1,000 × 4 × 2,000 × 52." };
        var format = new Option<string>("--format") { Description = "table or json.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var monitorOnly = new Option<bool>("--monitor") { Description = "Only the monitor's growth benchmarks (news screener by text size, import by row count)." };
        var database = new Option<string?>("--database") { Description = "A PostgreSQL database (connection string) for the portfolio scale-out measure: parts per second with 1 and 2 worker processes. Without it that measure is skipped." };
        var portfolioParts = new Option<int>("--portfolio-parts") { Description = "Parts in each portfolio run of the scale-out measure (default 100; 40 with --quick).", DefaultValueFactory = _ => 0 };
        var optimizerOnly = new Option<bool>("--optimizer") { Description = "Only the optimiser: optimum, each option alone and an 8-point frontier for 10 options × 2,000 scenarios (200 with --quick)." };
        var optimizerMethod = new Option<OptimizerMethod>("--optimizer-method") { Description = "With --optimizer: Auto (default), Full (the whole program, as before issue 17) or CuttingPlane.", DefaultValueFactory = _ => OptimizerMethod.Auto };
        var optimizerScenarios = new Option<int>("--optimizer-scenarios") { Description = "With --optimizer: scenarios in the program (default 2,000; 200 with --quick).", DefaultValueFactory = _ => 0 };
        var screeningOnly = new Option<bool>("--screening") { Description = "Only portfolio screening: 25,000, 50,000 and 100,000 parts × 6 locations, top 100 (10,000 and 20,000 with --quick)." };
        var webOnly = new Option<bool>("--web") { Description = "Only web throughput: the app in this process on a loopback port, 16 clients on GET /cases/{id} and POST /api/cases/{id}/evaluate (5 s each; 1 s with --quick)." };
        var command = new Command("bench", "Measure simulation throughput (stepsPerSecond), evaluation and screening throughput, how the monitor's news screener and import grow with their input, and (with --database) portfolio parts per second with 1 and 2 worker processes.") { quick, format, monitorOnly, database, portfolioParts, optimizerOnly, optimizerMethod, optimizerScenarios, screeningOnly, webOnly };
        command.SetAction(async (parse, ct) =>
        {
            var isQuick = parse.GetValue(quick);
            if (parse.GetValue(optimizerOnly))
            {
                var result = Bench.OptimizerBench.Run(scenarios: parse.GetValue(optimizerScenarios) is > 0 and var os ? os : isQuick ? 200 : 2_000, method: parse.GetValue(optimizerMethod));
                OutputWriter.Write(parse.GetValue(format) == "json" ? JsonSerializer.Serialize(new { optimizer = result, loadAverage = LoadAverage() }, EvaluationJson.Options)
                    : Bench.OptimizerBench.Text(result, LoadAverage()), null, ctx.Out);
                return CliApp.Ok;
            }
            if (parse.GetValue(webOnly))
            {
                var web = await Bench.WebBench.RunAsync(isQuick ? 1 : 5, ct);
                OutputWriter.Write(parse.GetValue(format) == "json" ? JsonSerializer.Serialize(new { web, loadAverage = LoadAverage() }, EvaluationJson.Options)
                    : string.Join("\n", web.Endpoints.Select(e => FormattableString.Invariant($"{e.Name}: {e.RequestsPerSecond:N0} requests/s with {web.Clients} clients ({e.Requests:N0} in {e.Seconds:N1} s, {e.Failures} failed), p50 {e.P50Milliseconds:N1} ms, p99 {e.P99Milliseconds:N1} ms, first request {e.FirstRequestMilliseconds:N0} ms, {e.ResponseBytes:N0} bytes, {e.CpuMillisecondsPerRequest:N1} ms processor time per request")))
                        + FormattableString.Invariant($"\nprocessor time {web.CpuSeconds:N1} s, load average {LoadAverage():N1}"), null, ctx.Out);
                return CliApp.Ok;
            }
            if (parse.GetValue(screeningOnly))
            {
                var sizes = Bench.ScreeningBench.Run(EvaluateCommand.LoadMarket(null), isQuick ? [10_000, 20_000] : [25_000, 50_000, 100_000]);
                OutputWriter.Write(parse.GetValue(format) == "json" ? JsonSerializer.Serialize(new { screening = sizes, loadAverage = LoadAverage() }, EvaluationJson.Options)
                    : string.Join("\n", sizes.Select(r => FormattableString.Invariant($"screening: {r.Parts:N0} parts × {r.Locations} locations, top {r.Top}: {r.Seconds:N3} s (CPU {r.CpuSeconds:N3} s; reading alone {r.ReadSeconds:N3} s) = {r.PartsPerSecond:N0} parts/s, {r.AllocatedBytes / 1e6:N0} MB allocated, {r.RetainedBytes / 1e6:N2} MB held at the end"))) + FormattableString.Invariant($"\nload average {LoadAverage():N1}"), null, ctx.Out);
                return CliApp.Ok;
            }
            var growth = await MonitorGrowthAsync(isQuick, ct);
            if (parse.GetValue(monitorOnly))
            {
                OutputWriter.Write(parse.GetValue(format) == "json" ? JsonSerializer.Serialize(growth, EvaluationJson.Options) : MonitorGrowthText(growth), null, ctx.Out);
                return CliApp.Ok;
            }
            var (items, scenarios) = isQuick ? (50, 500) : (1000, 2000);
            const int weeks = 52;
            // Warm up, as BenchmarkDotNet would, so the timing is the engine's: at least three full-size items and half a second, which lets
            // tiered compilation promote the hot library methods (the vector maths) that a short run would otherwise time unoptimised.
            var warmUp = Stopwatch.StartNew();
            for (var w = 0; w < 3 || warmUp.ElapsedMilliseconds < 500; w++) WeeklySimulator.Run(SyntheticWorkload.Item(w, weeks), scenarios, 1, w);
            var models = Enumerable.Range(0, items).Select(i => SyntheticWorkload.Item(i, weeks)).ToArray();
            var process = Process.GetCurrentProcess();
            var cpuStart = process.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            var checksum = 0.0;
            for (var i = 0; i < items; i++) checksum += WeeklySimulator.Run(models[i], scenarios, 1, i).AnnualCost[0][0];
            var seconds = watch.Elapsed.TotalSeconds;
            process.Refresh();
            var cpuSeconds = (process.TotalProcessorTime - cpuStart).TotalSeconds;
            var steps = (double)items * SyntheticWorkload.StrategiesPerItem * scenarios * weeks;
            var first = WeeklySimulator.Run(models[0], scenarios, 1, 0);
            var numpy = NumpyBaseline.Run(isQuick ? 4 : 20, scenarios, weeks);
            var evaluation = EvaluationThroughput(isQuick ? 20 : 200);
            var screening = Bench.ScreeningBench.Run(EvaluateCommand.LoadMarket(null), [isQuick ? 10_000 : 100_000])[0];
            var (screenParts, screenSeconds) = (screening.Parts, screening.Seconds);
            var portfolio = parse.GetValue(database) is { Length: > 0 } db
                ? await PortfolioScaleOut(db, parse.GetValue(portfolioParts) is > 0 and var n ? n : isQuick ? 40 : 100, ctx)
                : null;
            var doc = new
            {
                stepsPerSecond = steps / seconds,
                steps,
                seconds,
                items,
                strategies = SyntheticWorkload.StrategiesPerItem,
                scenarios,
                weeks,
                threads = Environment.ProcessorCount,
                evaluationsPerSecond = evaluation,
                screeningPartsPerSecond = screenParts / screenSeconds,
                screeningParts = screenParts,
                screeningLocations = 6,
                screeningSeconds = screenSeconds,
                screening,
                portfolio,
                runtime = $".NET {Environment.Version}",
                checksum,
                monitor = growth,
                vectorLanes = ScenarioBlockKernel.Lanes,
                meanAnnualCost = first.AnnualCost.Select(c => c.Average()).ToArray(),
                numpyStepsPerSecond = numpy.StepsPerSecond,
                numpyRatio = numpy.StepsPerSecond is > 0 and var numpyRate ? steps / seconds / numpyRate : (double?)null,
                // On a shared machine wall-clock rates follow the load; CPU-time rates compare the engines' work per core.
                cpuSeconds,
                stepsPerCpuSecond = steps / cpuSeconds,
                numpyStepsPerCpuSecond = numpy.StepsPerCpuSecond,
                numpyRatioPerCore = numpy.StepsPerCpuSecond is > 0 and var c ? steps / cpuSeconds / c : (double?)null,
                loadAverage = LoadAverage(),
                numpySteps = numpy.Steps,
                numpySeconds = numpy.Seconds,
                numpyMeanAnnualCost = numpy.MeanAnnualCost,
                numpyVersion = numpy.Version,
                numpyNote = numpy.Note,
            };
            var text = parse.GetValue(format) == "json"
                ? JsonSerializer.Serialize(doc, EvaluationJson.Options)
                : string.Create(CultureInfo.InvariantCulture,
                    $"simulation: {steps:N0} steps ({items} items × {SyntheticWorkload.StrategiesPerItem} strategies × {scenarios} scenarios × {weeks} weeks) in {seconds:N2} s = {steps / seconds:N0} steps/s on {Environment.ProcessorCount} threads\nnumpy (same model, one thread): {(numpy.StepsPerSecond is { } rate ? $"{rate:N0} steps/s, ratio {steps / seconds / rate:N1}" : numpy.Note)}\nevaluation: {evaluation:N1} example cases/s (TCO, business case, explanation)\nscreening: {screenParts:N0} parts × 6 locations in {screenSeconds:N2} s = {screenParts / screenSeconds:N0} parts/s (read from CSV, streamed, top 100)\n")
                        + (portfolio is null ? "portfolio: skipped (give --database with a PostgreSQL connection string to measure 1 and 2 worker processes)\n"
                            : FormattableString.Invariant($"portfolio: {portfolio.Parts} parts, {portfolio.PartsPerSecondOneWorker:N2} parts/s with 1 worker process, {portfolio.PartsPerSecondTwoWorkers:N2} parts/s with 2 (× {portfolio.ScaleOut:N2})\n"))
                        + MonitorGrowthText(growth);
            OutputWriter.Write(text, null, ctx.Out);
            return CliApp.Ok;
        });
        return command;
    }

    /// <summary>The monitor's growth figures: screener seconds per text size, import seconds per row count.</summary>
    private static async Task<object> MonitorGrowthAsync(bool isQuick, CancellationToken ct)
    {
        int[] chars = isQuick ? [16_000, 32_000, 64_000] : [25_000, 50_000, 100_000, 200_000];
        int[] rows = isQuick ? [1_000, 2_000, 4_000] : [2_500, 5_000, 10_000, 20_000];
        var screening = MonitorBench.Screening(chars);
        var import = await MonitorBench.ImportAsync(rows, ct);
        return new
        {
            newsScreening = screening.Select(s => new { chars = s.Size, s.Seconds, s.CpuSeconds, charsPerSecond = s.PerSecond }).ToList(),
            monitorImport = import.Select(i => new { rows = i.Total.Size, parseSeconds = i.Parse.Seconds, totalSeconds = i.Total.Seconds, parseCpuSeconds = i.Parse.CpuSeconds, totalCpuSeconds = i.Total.CpuSeconds, rowsPerSecond = i.Total.PerSecond }).ToList(),
        };
    }

    private static string MonitorGrowthText(object growth)
    {
        var json = JsonSerializer.SerializeToElement(growth, EvaluationJson.Options);
        var sb = new System.Text.StringBuilder();
        foreach (var s in json.GetProperty("newsScreening").EnumerateArray())
            sb.Append(CultureInfo.InvariantCulture, $"news screener: {s.GetProperty("chars").GetInt32():N0} characters in {s.GetProperty("seconds").GetDouble():N3} s (CPU {s.GetProperty("cpuSeconds").GetDouble():N3} s) = {s.GetProperty("charsPerSecond").GetDouble():N0} characters/s\n");
        foreach (var i in json.GetProperty("monitorImport").EnumerateArray())
            sb.Append(CultureInfo.InvariantCulture, $"monitor import: {i.GetProperty("rows").GetInt32():N0} rows in {i.GetProperty("totalSeconds").GetDouble():N2} s (parse and checks {i.GetProperty("parseSeconds").GetDouble():N2} s; CPU {i.GetProperty("totalCpuSeconds").GetDouble():N2} s) = {i.GetProperty("rowsPerSecond").GetDouble():N0} rows/s, stored all-or-nothing in SQLite\n");
        return sb.ToString().TrimEnd();
    }

    /// <summary>Portfolio parts per second with one and with two worker processes (each running one job at a time).</summary>
    public sealed record PortfolioBench(int Parts, int ShardSize, int Scenarios, double PartsPerSecondOneWorker, double PartsPerSecondTwoWorkers, double ScaleOut);

    // Submits the same portfolio run (the bundled parts list, top N, shards of 5 parts) twice on the database: once with
    // one `reshore worker --concurrency 1` process, once with two; the time is from submission to the last shard's end.
    private static async Task<PortfolioBench> PortfolioScaleOut(string database, int parts, CliContext ctx)
    {
        if (Persistence.DatabaseTarget.Resolve(database).Provider != Persistence.DatabaseProvider.PostgreSql)
            throw new UserInputException("--database: the scale-out measure needs PostgreSQL (several processes share the work); SQLite is one process.");
        var host = await Web.ReshoreWorkerHost.BuildAsync(["--Reshore:Database", database, "--Reshore:Jobs:Worker", "false"],
            b => Microsoft.Extensions.Logging.FilterLoggingBuilderExtensions.AddFilter(b.Logging, level => level >= Microsoft.Extensions.Logging.LogLevel.Warning));
        await host.StartAsync();
        var queue = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Web.Jobs.JobQueue>(host.Services);
        var text = ExampleCatalog.All.First(e => e.FileName == "parts-list.csv").Text;
        var p = new Web.Jobs.PortfolioParameters { FileName = "parts-list.csv", FileBase64 = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(text)), Top = parts, ShardSize = 5, Scenarios = 200 };
        var rates = new List<double>();
        try
        {
            foreach (var workers in new[] { 1, 2 })
            {
                var processes = Enumerable.Range(1, workers).Select(i => StartWorker(database, $"bench-{workers}-{i}")).ToList();
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(5));   // let the workers start and check in
                    var watch = Stopwatch.StartNew();
                    var id = (await queue.StartAsync(new Web.Jobs.JobSubmission { Kind = Web.Jobs.JobKinds.Portfolio, Title = "bench", Parameters = p })).Job!.Id;
                    Persistence.Jobs.JobRecord job;
                    while (!Persistence.Jobs.JobStatus.IsFinal((job = (await queue.FindAsync(id))!).Status)) await Task.Delay(200);
                    if (job.Status != Persistence.Jobs.JobStatus.Completed) throw new InvalidOperationException($"The bench portfolio run {job.Status}: {job.Error}");
                    rates.Add(parts / watch.Elapsed.TotalSeconds);
                    ctx.Error.WriteLine($"portfolio with {workers} worker(s): {rates[^1]:N2} parts/s");
                }
                finally
                {
                    foreach (var w in processes) { try { w.Kill(true); w.WaitForExit(10_000); } catch (InvalidOperationException) { } w.Dispose(); }
                }
            }
        }
        finally
        {
            await host.StopAsync();
            host.Dispose();
        }
        return new PortfolioBench(parts, 5, 200, rates[0], rates[1], rates[1] / rates[0]);
    }

    private static Process StartWorker(string database, string name)
    {
        // This very program: the apphost when run as `reshore`, else `dotnet reshore.dll`.
        var self = Environment.ProcessPath ?? "dotnet";
        var info = Path.GetFileNameWithoutExtension(self) == "dotnet" ? new ProcessStartInfo(self) { ArgumentList = { typeof(BenchCommand).Assembly.Location } } : new ProcessStartInfo(self);
        foreach (var a in new[] { "worker", "--database", database, "--concurrency", "1", "--name", name }) info.ArgumentList.Add(a);
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>The 1-minute load average (Linux), so a reader can tell an idle machine from a shared one; null elsewhere.</summary>
    private static double? LoadAverage()
    {
        try
        {
            var text = File.ReadAllText("/proc/loadavg").Split(' ')[0];
            return double.Parse(text, CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return null;
        }
    }

    private static double EvaluationThroughput(int runs)
    {
        var market = EvaluateCommand.LoadMarket(null);
        var cases = ExampleCatalog.All.Where(e => e.IsCase).Select(e => CaseFileReader.Read(e.Text, CaseFileReader.FormatOf(e.FileName), e.FileName, market)).ToList();
        var evaluator = new CaseEvaluator();
        var culture = CultureInfo.GetCultureInfo("en");
        foreach (var c in cases) evaluator.Evaluate(c, market, culture);
        var watch = Stopwatch.StartNew();
        for (var r = 0; r < runs; r++) evaluator.Evaluate(cases[r % cases.Count], market, culture);
        return runs / watch.Elapsed.TotalSeconds;
    }
}
