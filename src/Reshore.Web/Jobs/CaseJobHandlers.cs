using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Reshore.Core.Optimization;
using Reshore.Core.Risk;
using Reshore.Data.CaseFiles;
using Reshore.Reports;
using Reshore.Web.Services;

namespace Reshore.Web.Jobs;

/// <summary>Parameters of a case job: the case as it was when the job started (later edits do not change a queued job).</summary>
public sealed record CaseJobParameters
{
    /// <summary>The case file, JSON.</summary>
    public required string CaseJson { get; init; }
    /// <summary>The case's name (for file names).</summary>
    public required string CaseName { get; init; }
    /// <summary>Simulation parameters.</summary>
    public SimulateRequest? Simulate { get; init; }
    /// <summary>Optimiser parameters.</summary>
    public OptimizeRequest? Optimize { get; init; }
    /// <summary>Report parameters.</summary>
    public ReportRequest? Report { get; init; }

    /// <summary>Reads the parameters of a job.</summary>
    public static CaseJobParameters Of(Persistence.Jobs.JobRecord job) =>
        JsonSerializer.Deserialize<CaseJobParameters>(job.Parameters, JobQueue.Json) ?? throw new JobInputException("The job has no parameters.");
}

/// <summary>Report parameters.</summary>
public sealed record ReportRequest
{
    /// <summary>Scenarios of the report's risk simulation (0 leaves it out; default: the case's).</summary>
    public int? Scenarios { get; init; }
}

/// <summary>Base of the handlers that run an engine on a case.</summary>
public abstract class CaseJobHandler(CaseAnalysis analysis) : IJobHandler
{
    /// <inheritdoc />
    public abstract string Kind { get; }

    /// <summary>The analysis service.</summary>
    protected CaseAnalysis Analysis => analysis;

    /// <inheritdoc />
    public async Task<JobOutcome> RunAsync(JobRun run, CancellationToken cancellation)
    {
        var p = CaseJobParameters.Of(run.Job);
        CaseDocument doc;
        try
        {
            // The case is read against its workspace's reference data (added countries, lanes, HS codes), as the page does.
            var market = run.Job.WorkspaceId is { } ws
                ? await run.Services.GetRequiredService<Services.WorkspaceReference>().MarketAsync(ws, cancellation)
                : analysis.Market;
            doc = analysis.Read(p.CaseJson, market);
        }
        catch (Core.Validation.CaseValidationException e)
        {
            throw new JobInputException("The case no longer validates: " + string.Join("; ", e.Errors.Take(3).Select(x => $"{x.Path}: {x.Message}")));
        }
        var culture = CultureInfo.GetCultureInfo(run.Job.Culture);
        // The engines are CPU-bound and synchronous: run them off Quartz's scheduling thread.
        return await Task.Factory.StartNew(() => Run(run, p, doc, culture, cancellation), cancellation, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    /// <summary>Runs the engine.</summary>
    protected abstract JobOutcome Run(JobRun run, CaseJobParameters p, CaseDocument doc, CultureInfo culture, CancellationToken cancellation);

    /// <summary>Progress of engines that report per item.</summary>
    protected sealed class ItemProgress(JobProgress progress) : IProgress<(string Item, int Done, int Total)>
    {
        private readonly ConcurrentDictionary<string, (int Done, int Total)> _items = new();

        /// <inheritdoc />
        public void Report((string Item, int Done, int Total) value)
        {
            // Reports come from several threads and may arrive out of order: keep the highest count.
            _items.AddOrUpdate(value.Item, (value.Done, value.Total), (_, seen) => (Math.Max(seen.Done, value.Done), value.Total));
            progress.Set(_items.Values.Sum(v => (long)v.Done), Math.Max(progress.Total, _items.Values.Sum(v => (long)v.Total)));
        }
    }
}

/// <summary>Risk simulation of a case.</summary>
public sealed class SimulationJobHandler(CaseAnalysis analysis) : CaseJobHandler(analysis)
{
    /// <inheritdoc />
    public override string Kind => JobKinds.Simulation;

    /// <summary>Content type of a stored simulation result (the engine's result, turned into the CLI's JSON when read).</summary>
    public const string ResultType = "application/vnd.reshore.simulation+json";

    /// <inheritdoc />
    protected override JobOutcome Run(JobRun run, CaseJobParameters p, CaseDocument doc, CultureInfo culture, CancellationToken cancellation)
    {
        var r = p.Simulate ?? new SimulateRequest();
        var result = Analysis.Simulate(doc, culture, r.Scenarios, r.Seed, r.Item, new ItemProgress(run.Progress), cancellation);
        return new JobOutcome(JsonSerializer.Serialize(result, JobQueue.Json), ResultType);
    }

    /// <summary>The stored result.</summary>
    public static SimulationResult? Read(Persistence.Jobs.JobRecord job) =>
        job is { Status: Persistence.Jobs.JobStatus.Completed, ResultType: ResultType, Result: { } json } ? JsonSerializer.Deserialize<SimulationResult>(json, JobQueue.Json) : null;
}

/// <summary>Optimisation of a case's sourcing mix.</summary>
public sealed class OptimizationJobHandler(CaseAnalysis analysis) : CaseJobHandler(analysis)
{
    /// <inheritdoc />
    public override string Kind => JobKinds.Optimization;

    /// <summary>Content type of a stored optimisation result.</summary>
    public const string ResultType = "application/vnd.reshore.optimization+json";

    /// <inheritdoc />
    protected override JobOutcome Run(JobRun run, CaseJobParameters p, CaseDocument doc, CultureInfo culture, CancellationToken cancellation)
    {
        var result = Analysis.Optimize(doc, culture, p.Optimize ?? new OptimizeRequest(), new ItemProgress(run.Progress), cancellation);
        return new JobOutcome(JsonSerializer.Serialize(result, JobQueue.Json), ResultType);
    }

    /// <summary>The stored result.</summary>
    public static List<ItemOptimization>? Read(Persistence.Jobs.JobRecord job) =>
        job is { Status: Persistence.Jobs.JobStatus.Completed, ResultType: ResultType, Result: { } json } ? JsonSerializer.Deserialize<List<ItemOptimization>>(json, JobQueue.Json) : null;
}

/// <summary>The PDF business-case report of a case.</summary>
public sealed class ReportJobHandler(CaseAnalysis analysis) : CaseJobHandler(analysis)
{
    /// <inheritdoc />
    public override string Kind => JobKinds.Report;

    /// <inheritdoc />
    protected override JobOutcome Run(JobRun run, CaseJobParameters p, CaseDocument doc, CultureInfo culture, CancellationToken cancellation)
    {
        run.Progress.Set(0, 1);
        var input = ReportBuilder.Build(doc, Analysis.MarketOf(doc), culture, new ReportOptions { Scenarios = p.Report?.Scenarios }, p.CaseName, cancellation);
        var pdf = BusinessCaseReport.Pdf(input, culture);
        run.Progress.Set(1, 1);
        return new JobOutcome(Convert.ToBase64String(pdf), "application/pdf");
    }
}
