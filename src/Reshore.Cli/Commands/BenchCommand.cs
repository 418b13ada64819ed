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
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

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
        var database = new Option<string?>("--database") { Description = "Database of the portfolio scale-out measure (parts per second with 1 and 2 worker processes): a PostgreSQL connection string (clustered, as deployed), or an SQLite file. Default: a temporary SQLite file." };
        var portfolioParts = new Option<int>("--portfolio-parts") { Description = "Parts in each portfolio run of the scale-out measure (default 100; 40 with --quick).", DefaultValueFactory = _ => 0 };
        var portfolioOnly = new Option<bool>("--portfolio") { Description = "Only the portfolio scale-out measure. The full bench runs it too; --quick skips it unless --portfolio or --database is given." };
        var optimizerOnly = new Option<bool>("--optimizer") { Description = "Only the optimiser: optimum, each option alone and an 8-point frontier for 10 options × 2,000 scenarios (200 with --quick)." };
        var optimizerMethod = new Option<OptimizerMethod>("--optimizer-method") { Description = "With --optimizer: Auto (default), Full (the whole program, as before issue 17) or CuttingPlane.", DefaultValueFactory = _ => OptimizerMethod.Auto };
        var optimizerScenarios = new Option<int>("--optimizer-scenarios") { Description = "With --optimizer: scenarios in the program (default 2,000; 200 with --quick).", DefaultValueFactory = _ => 0 };
        var screeningOnly = new Option<bool>("--screening") { Description = "Only portfolio screening: 25,000, 50,000 and 100,000 parts × 6 locations, top 100 (10,000 and 20,000 with --quick)." };
        var webOnly = new Option<bool>("--web") { Description = "Only web throughput: the app in this process on a loopback port, 16 clients on GET /cases/{id} and POST /api/cases/{id}/evaluate (5 s each; 1 s with --quick)." };
        var command = new Command("bench", "Measure simulation throughput (stepsPerSecond), evaluation and screening throughput, how the monitor's news screener and import grow with their input, and portfolio parts per second with 1 and 2 worker processes (workerScaleOut).") { quick, format, monitorOnly, database, portfolioParts, portfolioOnly, optimizerOnly, optimizerMethod, optimizerScenarios, screeningOnly, webOnly };
        command.SetAction(async (parse, ct) =>
        {
            var isQuick = parse.GetValue(quick);
            if (parse.GetValue(portfolioParts) < 0) throw new UserInputException("--portfolio-parts must be a positive number of parts (or 0 for the default).");
            if (parse.GetValue(optimizerScenarios) is < 0 or > 100_000) throw new UserInputException("--optimizer-scenarios must be between 1 and 100,000 (or 0 for the default).");
            var partsWanted = parse.GetValue(portfolioParts) is > 0 and var n ? n : isQuick ? 40 : 100;
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
            if (parse.GetValue(portfolioOnly))
            {
                var only = await PortfolioScaleOut(parse.GetValue(database), partsWanted, ctx, ct);
                OutputWriter.Write(parse.GetValue(format) == "json"
                    ? JsonSerializer.Serialize(new
                    {
                        portfolioPartsPerSecondOneWorker = only.PartsPerSecondOneWorker, portfolioPartsPerSecondTwoWorkers = only.PartsPerSecondTwoWorkers,
                        workerScaleOut = only.ScaleOut, portfolio = only, threads = Environment.ProcessorCount, runtime = $".NET {Environment.Version}",
                    }, EvaluationJson.Options)
                    : PortfolioText(only), null, ctx.Out);
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
            var portfolio = !isQuick || parse.GetValue(database) is { Length: > 0 }
                ? await PortfolioScaleOut(parse.GetValue(database), partsWanted, ctx, ct)
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
                portfolioPartsPerSecondOneWorker = portfolio?.PartsPerSecondOneWorker,
                portfolioPartsPerSecondTwoWorkers = portfolio?.PartsPerSecondTwoWorkers,
                workerScaleOut = portfolio?.ScaleOut,
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
                        + (portfolio is null ? "portfolio: skipped with --quick (add --portfolio or --database to measure 1 and 2 worker processes)\n" : PortfolioText(portfolio) + "\n")
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
    public sealed record PortfolioBench(int Parts, int ShardSize, int Scenarios, string Database, double PartsPerSecondOneWorker, double PartsPerSecondTwoWorkers,
        double ScaleOut, double SecondsOneWorker, double SecondsTwoWorkers, IReadOnlyList<string> NodesTwoWorkers, double? LoadAverageBefore, double? LoadAverageAfter,
        double WorkerCpuSecondsOneWorker, double WorkerCpuSecondsTwoWorkers, int ProcessorCount);

    private static string PortfolioText(PortfolioBench p) => FormattableString.Invariant(
        $"portfolio ({p.Database}): {p.Parts} parts in shards of {p.ShardSize}, {p.Scenarios} scenarios each: {p.PartsPerSecondOneWorker:N2} parts/s with 1 worker process, {p.PartsPerSecondTwoWorkers:N2} parts/s with 2 (scale-out × {p.ScaleOut:N2}; load average {p.LoadAverageBefore?.ToString("N2", CultureInfo.InvariantCulture) ?? "?"} before, {p.LoadAverageAfter?.ToString("N2", CultureInfo.InvariantCulture) ?? "?"} after)");

    // Submits the same portfolio run (the bundled parts list, top N, shards of 5 parts) twice on one database: once with one
    // `reshore worker --concurrency 1` process, once with two. The workers are real processes of this program; the time is the
    // run's own, from the moment a worker starts planning it to the end of its last shard (the database's timestamps), so
    // process start-up is not counted. SQLite (the default, a temporary file) is not a Quartz cluster: its workers share the
    // work safely only when all of them start before work is queued, which is what the bench does; PostgreSQL is clustered.
    private static async Task<PortfolioBench> PortfolioScaleOut(string? database, int parts, CliContext ctx, CancellationToken ct)
    {
        const int shardSize = 5, scenarios = 200;
        string? temporary = null;
        if (string.IsNullOrWhiteSpace(database))
        {
            temporary = Directory.CreateTempSubdirectory("reshore-bench-").FullName;
            database = Path.Combine(temporary, "bench.db");
        }
        var target = Persistence.DatabaseTarget.Resolve(database);
        var loadBefore = LoadAverage();
        var rates = new List<(double Rate, double Seconds, List<string> Nodes, double CpuSeconds)>();
        IHost? host = null;
        try
        {
            try
            {
                host = await Web.ReshoreWorkerHost.BuildAsync(["--Reshore:Database", database, "--Reshore:Jobs:Worker", "false", "--Reshore:Limits:MaxActiveJobs", "100000"],
                    b => Output.HostLogging.ToStandardError(b.Logging));
            }
            catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException { InnerException: System.Data.Common.DbException } or System.Net.Sockets.SocketException)
            {
                throw new UserInputException($"--database: cannot open {target.Describe()}: {(e.InnerException ?? e).Message}");
            }
            var queue = host.Services.GetRequiredService<Web.Jobs.JobQueue>();
            var text = ExampleCatalog.All.First(e => e.FileName == "parts-list.csv").Text;
            var p = new Web.Jobs.PortfolioParameters
            {
                FileName = "parts-list.csv", FileBase64 = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(text)), Top = parts, ShardSize = shardSize, Scenarios = scenarios,
            };
            foreach (var workers in new[] { 1, 2 })
            {
                var processes = Enumerable.Range(1, workers).Select(i => new BenchWorker(database, $"bench-{workers}-{i}-{Guid.NewGuid().ToString("N")[..6]}")).ToList();
                try
                {
                    foreach (var w in processes) await w.ReadyAsync(TimeSpan.FromSeconds(120), ct);
                    var start = await queue.StartAsync(new Web.Jobs.JobSubmission { Kind = Web.Jobs.JobKinds.Portfolio, Title = $"bench, {workers} worker(s)", Parameters = p }, ct);
                    var id = start.Job?.Id ?? throw new InvalidOperationException($"The bench portfolio run was refused: {start.Detail}");
                    Persistence.Jobs.JobRecord job;
                    while (!Persistence.Jobs.JobStatus.IsFinal((job = (await queue.FindAsync(id, ct))!).Status))
                    {
                        if (processes.FirstOrDefault(w => w.Process.HasExited) is { } dead)
                            throw new InvalidOperationException($"Worker {dead.Name} stopped (exit code {dead.Process.ExitCode}): {dead.Output()}");
                        await Task.Delay(200, ct);
                    }
                    if (job.Status != Persistence.Jobs.JobStatus.Completed) throw new InvalidOperationException($"The bench portfolio run {job.Status}: {job.Error}");
                    var shards = await queue.ChildrenAsync(id, ct);
                    var seconds = ((shards.Max(s => s.FinishedUtc) ?? job.FinishedUtc!.Value) - job.StartedUtc!.Value).TotalSeconds;
                    var nodes = shards.Where(s => s.Node is not null).Select(s => s.Node!).Distinct().Order().ToList();
                    // Processor time of the worker processes from their start (so with start-up and JIT): on a loaded machine it
                    // tells whether the workers were short of work or of processor.
                    var cpu = processes.Sum(w => { w.Process.Refresh(); return w.Process.TotalProcessorTime.TotalSeconds; });
                    rates.Add((parts / seconds, seconds, nodes, cpu));
                    ctx.Error.WriteLine(FormattableString.Invariant($"portfolio with {workers} worker process(es): {parts} parts in {seconds:N1} s = {parts / seconds:N2} parts/s (shards ran on {string.Join(", ", nodes)})"));
                }
                finally
                {
                    foreach (var w in processes) w.Dispose();
                }
            }
        }
        finally
        {
            if (host is not null)
            {
                await host.StopAsync(CancellationToken.None);
                host.Dispose();
            }
            if (temporary is not null)
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                try { Directory.Delete(temporary, recursive: true); } catch (IOException) { }
            }
        }
        return new PortfolioBench(parts, shardSize, scenarios, target.Provider == Persistence.DatabaseProvider.PostgreSql ? "PostgreSQL" : "SQLite",
            rates[0].Rate, rates[1].Rate, rates[1].Rate / rates[0].Rate, rates[0].Seconds, rates[1].Seconds, rates[1].Nodes, loadBefore, LoadAverage(),
            rates[0].CpuSeconds, rates[1].CpuSeconds, Environment.ProcessorCount);
    }

    /// <summary>A `reshore worker --concurrency 1` process of this very program, stopped (killed) when disposed.</summary>
    private sealed class BenchWorker : IDisposable
    {
        private readonly System.Text.StringBuilder _output = new();
        private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public BenchWorker(string database, string name)
        {
            Name = name;
            // The apphost when run as `reshore`, else `dotnet reshore.dll` (under `dotnet run` or a test host).
            var self = Environment.ProcessPath ?? "dotnet";
            var info = Path.GetFileNameWithoutExtension(self) == "reshore"
                ? new ProcessStartInfo(self)
                : new ProcessStartInfo(Path.GetFileNameWithoutExtension(self) == "dotnet" ? self : "dotnet") { ArgumentList = { typeof(BenchCommand).Assembly.Location } };
            foreach (var a in new[] { "worker", "--database", database, "--concurrency", "1", "--name", name }) info.ArgumentList.Add(a);
            info.RedirectStandardOutput = true;
            info.RedirectStandardError = true;
            info.UseShellExecute = false;
            Process = Process.Start(info)!;
            Process.OutputDataReceived += (_, e) => Seen(e.Data);
            Process.ErrorDataReceived += (_, e) => Seen(e.Data);
            Process.BeginOutputReadLine();
            Process.BeginErrorReadLine();
        }

        public string Name { get; }
        public Process Process { get; }

        public string Output()
        {
            lock (_output) return _output.Length > 3000 ? _output.ToString(_output.Length - 3000, 3000) : _output.ToString();
        }

        // Quartz logs "Scheduler … started." once the worker polls for work.
        private void Seen(string? line)
        {
            if (line is null) return;
            lock (_output) _output.AppendLine(line);
            if (line.Contains("Scheduler", StringComparison.Ordinal) && line.Contains("started", StringComparison.Ordinal)) _ready.TrySetResult();
        }

        public async Task ReadyAsync(TimeSpan limit, CancellationToken ct)
        {
            var done = await Task.WhenAny(_ready.Task, Process.WaitForExitAsync(ct), Task.Delay(limit, ct));
            if (Process.HasExited) throw new InvalidOperationException($"Worker {Name} did not start (exit code {Process.ExitCode}): {Output()}");
            if (done != _ready.Task) throw new InvalidOperationException($"Worker {Name} did not start within {limit.TotalSeconds:N0} s: {Output()}");
        }

        public void Dispose()
        {
            try
            {
                if (!Process.HasExited)
                {
                    Process.Kill(entireProcessTree: true);
                    Process.WaitForExit(10_000);
                }
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }
            Process.Dispose();
        }
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
