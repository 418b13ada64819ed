using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Reshore.Cli.Output;
using Reshore.Core.Screening;
using Reshore.Data.Output;
using Reshore.Data.ReferenceData;
using Reshore.Data.Screening;
using Reshore.Persistence;
using Reshore.Persistence.Jobs;
using Reshore.Web;
using Reshore.Web.Jobs;
using Spectre.Console;
using Text = Reshore.Core.Localization.Text;

namespace Reshore.Cli.Commands;

/// <summary>
/// `reshore portfolio PARTS`: portfolio-wide risk. Screens the parts list, takes the top N, builds a case per part, evaluates
/// and simulates each, and aggregates. With --database the run is a job split into shards that every worker on the
/// database helps with (this process runs one too, unless --no-worker).
/// </summary>
public static class PortfolioCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliContext ctx)
    {
        var parts = new Argument<string>("parts") { Description = "Parts list (.csv or .xlsx), as for reshore screen." };
        var top = new Option<int?>("--top") { Description = "Evaluate the N most attractive parts of the screening (default: all)." };
        var format = new Option<string>("--format") { Description = "table or json.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var output = new Option<string?>("--output", "-o") { Description = "Write to this file instead of standard output." };
        var database = new Option<string?>("--database") { Description = "Run as a job on this database (PostgreSQL connection string or SQLite file): shards run on every worker that uses it." };
        var noWorker = new Option<bool>("--no-worker") { Description = "With --database: only submit and wait; the shards run on `reshore worker` processes." };
        var home = new Option<string>("--home") { Description = "Home country (default BE).", DefaultValueFactory = _ => "BE" };
        var candidates = new Option<string>("--candidates") { Description = "Candidate locations besides home (default PL,RO,CZ,PT,TR).", DefaultValueFactory = _ => "PL,RO,CZ,PT,TR" };
        var scenarios = new Option<int>("--scenarios") { Description = "Scenarios per part in the risk simulation (default 200).", DefaultValueFactory = _ => 200 };
        var seed = new Option<int>("--seed") { Description = "Seed (default 1).", DefaultValueFactory = _ => 1 };
        var horizon = new Option<int>("--horizon-years") { Description = "Business-case horizon per part (default 5).", DefaultValueFactory = _ => 5 };
        var discount = new Option<double>("--discount-rate") { Description = "Discount rate, % (default 8).", DefaultValueFactory = _ => 8 };
        var hours = new Option<double>("--hours-per-job") { Description = $"Hours a full-time job works in a year, for jobs moved (default {PortfolioSettings.DefaultHoursPerJob:0}).", DefaultValueFactory = _ => PortfolioSettings.DefaultHoursPerJob };
        var shardSize = new Option<int>("--shard-size") { Description = "Parts per shard job (default 25).", DefaultValueFactory = _ => 25 };
        var command = new Command("portfolio", "Portfolio-wide risk: screen a parts list, build a case per top part, evaluate and simulate each, and add up saving, CVaR, CO2e and jobs moved.")
        {
            parts, top, format, output, database, noWorker, home, candidates, scenarios, seed, horizon, discount, hours, shardSize,
        };
        command.SetAction(async (parse, cancellation) =>
        {
            var path = parse.GetValue(parts)!;
            if (!File.Exists(path)) throw new UserInputException($"Parts list not found: {path}");
            var file = parse.GetValue(output);
            if (file is not null && Path.GetDirectoryName(Path.GetFullPath(file)) is { } folder && !Directory.Exists(folder))
                throw new UserInputException($"The folder of --output does not exist: {folder}");
            var p = new PortfolioParameters
            {
                FileName = Path.GetFileName(path), FileBase64 = Convert.ToBase64String(await File.ReadAllBytesAsync(path, cancellation)),
                Home = parse.GetValue(home)!.Trim().ToUpperInvariant(),
                Candidates = parse.GetValue(candidates)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(c => c.ToUpperInvariant()).ToList(),
                Top = parse.GetValue(top), Scenarios = parse.GetValue(scenarios), Seed = parse.GetValue(seed), HorizonYears = parse.GetValue(horizon),
                DiscountRatePct = parse.GetValue(discount), HoursPerJob = parse.GetValue(hours), ShardSize = parse.GetValue(shardSize),
            };
            var market = ReferenceDataLoader.Embedded();
            if (p.Problems(market, new JobLimits()).ToList() is { Count: > 0 } problems)
                throw new UserInputException(string.Join(Environment.NewLine, problems.Select(x => $"--{Flag(x.Field)}: {x.Message}.")));
            string json;
            var exit = CliApp.Ok;
            if (parse.GetValue(database) is { Length: > 0 } db)
                (json, exit) = await RunAsJob(ctx, p, db, !parse.GetValue(noWorker), cancellation);
            else
                json = RunHere(ctx, p, market);
            if (parse.GetValue(format) == "json")
                OutputWriter.Write(json, file, ctx.Out);
            else
                OutputWriter.Write(ConsoleFactory.Render(console => Render(console, json, ctx.Culture), file is null && ConsoleFactory.IsTerminal(ctx.Out)), file, ctx.Out);
            return exit;
        });
        return command;
    }

    private static string Flag(string field) => field switch
    {
        "horizonYears" => "horizon-years", "discountRatePct" => "discount-rate", "hoursPerJob" => "hours-per-job", "shardSize" => "shard-size", "file" => "parts", _ => field,
    };

    // In this process: the same shards, run in parallel on this machine's cores.
    private static string RunHere(CliContext ctx, PortfolioParameters p, Core.MarketData.MarketSnapshot market)
    {
        IReadOnlyList<ScreenedPart> ranked;
        int rows;
        try
        {
            (ranked, rows, var errors) = p.Screen(market, ctx.Culture);
            if (ranked.Count == 0) throw new UserInputException(errors.Count > 0 ? $"None of the {rows} rows can be screened; first problem: row {errors[0].Row}, column {errors[0].Column}: {errors[0].Message}" : "The parts list has no rows.");
        }
        catch (JobInputException e)
        {
            throw new UserInputException(e.Message);
        }
        var settings = p.ToSettings(ctx.Culture);
        var done = 0;
        var results = new System.Collections.Concurrent.ConcurrentBag<PortfolioPartResult>();
        Parallel.ForEach(ranked.Chunk(Math.Max(1, p.ShardSize)), shard =>
        {
            foreach (var r in PortfolioRunner.RunAll(shard, market, settings, ctx.Culture)) results.Add(r);
            var n = Interlocked.Add(ref done, shard.Length);
            lock (ctx.Error) ctx.Error.WriteLine(Text.Format(ctx.Culture, "Portfolio_Progress", "{0} of {1} parts evaluated", n, ranked.Count));
        });
        return JsonSerializer.Serialize(PortfolioJson.ToDocument(results.ToList(), settings, true, ranked.Count, rows), EvaluationJson.Options);
    }

    // As a job on the shared database; Ctrl+C cancels it on every worker and prints the partial result.
    private static async Task<(string Json, int Exit)> RunAsJob(CliContext ctx, PortfolioParameters p, string database, bool worker, CancellationToken cancellation)
    {
        var target = DatabaseTarget.Resolve(database);
        IHost host;
        try
        {
            host = await ReshoreWorkerHost.BuildAsync(["--Reshore:Database", database, "--Reshore:Jobs:Worker", worker ? "true" : "false"],
                b => Output.HostLogging.ToStandardError(b.Logging));
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException { InnerException: System.Data.Common.DbException } or System.Net.Sockets.SocketException)
        {
            throw new UserInputException($"Cannot open the database ({target.Describe()}): {(e.InnerException ?? e).Message}");
        }
        await host.StartAsync(CancellationToken.None);
        try
        {
            var queue = host.Services.GetRequiredService<JobQueue>();
            var start = await queue.StartAsync(new JobSubmission { Kind = JobKinds.Portfolio, Title = p.FileName, Culture = ctx.Culture.Name, Parameters = p, Total = p.Top ?? 0 }, CancellationToken.None);
            var id = start.Job!.Id;
            ctx.Error.WriteLine(Text.Format(ctx.Culture, "Portfolio_Submitted", "Portfolio job {0} submitted to {1}.", id, target.Describe()));
            var cancelled = false;
            long lastDone = -1;
            while (true)
            {
                if (cancellation.IsCancellationRequested && !cancelled)
                {
                    cancelled = true;
                    await queue.CancelAsync(id, "command line (Ctrl+C)", CancellationToken.None);
                }
                var job = (await queue.FindAsync(id, CancellationToken.None))!;
                var shards = await queue.ChildrenAsync(id, CancellationToken.None);
                long done = shards.Sum(s => s.Done), total = shards.Sum(s => s.Total);
                if (done != lastDone && total > 0)
                {
                    lastDone = done;
                    ctx.Error.WriteLine(Text.Format(ctx.Culture, "Portfolio_JobProgress", "{0} of {1} parts evaluated ({2} of {3} shards done, on {4})", done, total,
                        shards.Count(s => JobStatus.IsFinal(s.Status)), shards.Count, string.Join(", ", shards.Where(s => s.Node is not null).Select(s => s.Node).Distinct())));
                }
                if (JobStatus.IsFinal(job.Status))
                {
                    if (job.Note is { Length: > 0 } note) ctx.Error.WriteLine(note);
                    if (job.Status == JobStatus.Completed) return (job.Result!, CliApp.Ok);
                    if (job.Error is { Length: > 0 } error) ctx.Error.WriteLine(error);
                    if (job.Result is null && job.Status == JobStatus.Failed) throw new UserInputException(job.Error ?? "The portfolio run failed.");
                    ctx.Error.WriteLine(Text.Format(ctx.Culture, "Portfolio_Partial", "The run {0}: the result below covers the shards that completed.", job.Status));
                    return (job.Result ?? PortfolioJobs.PartialResult(job, shards), 1);
                }
                await Task.Delay(500, CancellationToken.None);
            }
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
            host.Dispose();
        }
    }

    private static void Render(IAnsiConsole console, string json, CultureInfo c)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        var a = root.GetProperty("aggregate");
        double D(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : double.NaN;
        string N(double v, string f = "N0") => double.IsFinite(v) ? v.ToString(f, c) : "–";
        var table = new Table().Border(TableBorder.Simple);
        foreach (var h in new[] { "#", Text.Get(c, "Screen_Part", "Part"), Text.Get(c, "Screen_From", "From"), Text.Get(c, "Portfolio_To", "Candidate"), Text.Get(c, "Portfolio_Move", "Move?"),
                     Text.Get(c, "Portfolio_ExpectedSaving", "Expected saving/yr"), Text.Get(c, "Portfolio_Npv", "NPV"), "CVaR95 Δ", "CO2e Δ t/yr", Text.Get(c, "Portfolio_Jobs", "Jobs") })
            table.AddColumn(h);
        foreach (var p in root.GetProperty("parts").EnumerateArray().Take(25))
        {
            var moves = p.GetProperty("recommended").ValueKind == JsonValueKind.String && p.GetProperty("recommended").GetString() == "candidate";
            table.AddRow(Markup.Escape(p.GetProperty("rank").ToString()), Markup.Escape($"{p.GetProperty("partId").GetString()} {p.GetProperty("description")}"),
                p.GetProperty("currentCountry").GetString() ?? "", p.GetProperty("candidateCountry").ToString(), moves ? "✔" : "",
                N(D(p, "expectedSaving")), N(D(p, "npvSaving")), N(D(p, "cvar95Reduction")), N(D(p, "co2eTonnesCandidate") - D(p, "co2eTonnesCurrent"), "N1"), N(D(p, "jobsAtCandidate"), "N1"));
        }
        console.Write(table);
        console.MarkupLine(Markup.Escape(Text.Format(c, "Portfolio_Total",
            "{0} parts evaluated, {1} to move: expected saving {2:N0} EUR/yr, NPV {3:N0} EUR, CVaR95 {4:N0} → {5:N0} EUR/yr, CO2e {6:+0.0;−0.0;0} t/yr, {7:N1} jobs moved. Investigate first: {8}.",
            D(a, "evaluated"), D(a, "partsToMove"), D(a, "expectedSaving"), D(a, "npvSaving"), D(a, "cvar95Before"), D(a, "cvar95After"), D(a, "co2eChangeTonnes"), D(a, "jobsMoved"),
            string.Join(", ", a.GetProperty("investigateFirst").EnumerateArray().Select(x => x.GetString())))));
        if (!root.GetProperty("complete").GetBoolean()) console.MarkupLine(Markup.Escape(Text.Get(c, "Portfolio_Incomplete", "Partial result: not every shard completed.")));
    }
}
