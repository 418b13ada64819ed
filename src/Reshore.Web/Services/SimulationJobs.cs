using System.Collections.Concurrent;
using System.Globalization;
using Reshore.Core.Risk;
using Reshore.Data.CaseFiles;

namespace Reshore.Web.Services;

/// <summary>
/// A simulation or an optimisation running in the background, with progress and cancellation; visible only to the user
/// who started it.
/// </summary>
public sealed class SimulationJob
{
    /// <summary>simulation or optimization.</summary>
    public string Kind { get; init; } = "simulation";
    /// <summary>The optimiser's parameters (optimisations).</summary>
    public OptimizeRequest? Optimize { get; init; }
    /// <summary>The optimiser's result once completed.</summary>
    public IReadOnlyList<Core.Optimization.ItemOptimization>? Optimization { get; internal set; }
    /// <summary>Job id.</summary>
    public Guid Id { get; } = Guid.NewGuid();
    /// <summary>Who started it.</summary>
    public required string UserId { get; init; }
    /// <summary>The case.</summary>
    public required Guid CaseId { get; init; }
    /// <summary>The case version simulated.</summary>
    public required int CaseVersion { get; init; }
    /// <summary>The case as simulated.</summary>
    public required CaseDocument Document { get; init; }
    /// <summary>Culture of warnings.</summary>
    public required CultureInfo Culture { get; init; }
    /// <summary>Started, UTC.</summary>
    public DateTime StartedUtc { get; } = DateTime.UtcNow;
    /// <summary>Scenario steps done over all items.</summary>
    public int Done => _done.Values.Sum();
    /// <summary>Scenario steps in all.</summary>
    public int Total { get; internal set; }
    /// <summary>running, completed, cancelled or failed.</summary>
    public string Status { get; internal set; } = "running";
    /// <summary>The result once completed.</summary>
    public SimulationResult? Result { get; internal set; }
    /// <summary>The error message when failed.</summary>
    public string? Error { get; internal set; }
    internal CancellationTokenSource Cancellation { get; } = new();
    internal readonly ConcurrentDictionary<string, int> _done = new();
    internal readonly ConcurrentDictionary<string, int> _total = new();
}

/// <summary>Keeps background simulations for an hour after they end; cancels the running ones when the app stops.</summary>
public sealed class SimulationJobs(CaseAnalysis analysis, ILogger<SimulationJobs> log) : IDisposable
{
    /// <summary>Cancels every running job (the host disposes this singleton when it stops).</summary>
    public void Dispose()
    {
        foreach (var job in _jobs.Values) job.Cancellation.Cancel();
    }

    private readonly ConcurrentDictionary<Guid, SimulationJob> _jobs = new();

    /// <summary>Starts an optimisation.</summary>
    public SimulationJob StartOptimization(string userId, Guid caseId, int caseVersion, CaseDocument document, CultureInfo culture, OptimizeRequest request)
    {
        Sweep();
        var job = new SimulationJob { Kind = "optimization", Optimize = request, UserId = userId, CaseId = caseId, CaseVersion = caseVersion, Document = document, Culture = culture };
        job.Total = document.Case.Items.Where(i => request.Item is null || i.Id == request.Item)
            .Sum(i => Core.Optimization.OptimizationService.Steps(i.Options.Count, request.Frontier));
        Run(job, () =>
        {
            job.Optimization = analysis.Optimize(document, culture, request, new Progress(job), job.Cancellation.Token);
        });
        return job;
    }

    /// <summary>Starts a simulation.</summary>
    public SimulationJob Start(string userId, Guid caseId, int caseVersion, CaseDocument document, CultureInfo culture, SimulateRequest request)
    {
        Sweep();
        var items = request.Item is null ? document.Case.Items.Count : 1;
        var job = new SimulationJob { UserId = userId, CaseId = caseId, CaseVersion = caseVersion, Document = document, Culture = culture };
        job.Total = items * (request.Scenarios ?? document.Case.Risk?.Scenarios ?? RiskAnalyzer.DefaultScenarios);
        var progress = new Progress(job);
        Run(job, () => job.Result = analysis.Simulate(document, culture, request.Scenarios, request.Seed, request.Item, progress, job.Cancellation.Token));
        return job;
    }

    // Jobs run on a scheduler that leaves one core free, so that pages and API calls stay responsive while simulations
    // run: the engines' Parallel loops use the scheduler they are started on (ParallelOptions without a scheduler take
    // TaskScheduler.Current).
    private static readonly TaskScheduler JobScheduler =
        new ConcurrentExclusiveSchedulerPair(TaskScheduler.Default, Math.Max(1, Environment.ProcessorCount - 1)).ConcurrentScheduler;

    private void Run(SimulationJob job, Action work)
    {
        _jobs[job.Id] = job;
        _ = Task.Factory.StartNew(() =>
        {
            try
            {
                work();
                job.Status = "completed";
            }
            catch (OperationCanceledException)
            {
                job.Status = "cancelled";
            }
            catch (Exception e)
            {
                log.LogError(e, "Simulation {Job} failed", job.Id);
                job.Error = e.Message;
                job.Status = "failed";
            }
        }, CancellationToken.None, TaskCreationOptions.DenyChildAttach, JobScheduler);
    }

    /// <summary>Background jobs one user may run at a time.</summary>
    public const int MaxRunningPerUser = 2;

    /// <summary>Background jobs the server runs at a time (each keeps a core busy).</summary>
    public static int MaxRunning => Math.Max(2, Environment.ProcessorCount * 2);

    /// <summary>A 429 when the user or the server already runs as many jobs as allowed; null when a new one may start.</summary>
    public IResult? Busy(string userId)
    {
        var running = _jobs.Values.Where(j => j.Status == "running").ToList();
        if (running.Count(j => j.UserId == userId) >= MaxRunningPerUser)
            return Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many jobs",
                detail: $"You already run {MaxRunningPerUser} simulations or optimisations; wait for one to finish or cancel it.");
        if (running.Count >= MaxRunning)
            return Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Server busy",
                detail: "The server runs as many simulations and optimisations as it has room for; try again in a minute.");
        return null;
    }

    /// <summary>The user's job, or null.</summary>
    public SimulationJob? Find(Guid id, string userId) => _jobs.TryGetValue(id, out var job) && job.UserId == userId ? job : null;

    /// <summary>The user's latest completed simulation of a case version, or null.</summary>
    public SimulationJob? Latest(Guid caseId, int version, string userId) =>
        _jobs.Values.Where(j => j.Kind == "simulation" && j.CaseId == caseId && j.CaseVersion == version && j.UserId == userId && j.Status == "completed").MaxBy(j => j.StartedUtc);

    /// <summary>Cancels a running job.</summary>
    public void Cancel(SimulationJob job) => job.Cancellation.Cancel();

    private void Sweep()
    {
        foreach (var (id, job) in _jobs)
            if (job.Status != "running" && DateTime.UtcNow - job.StartedUtc > TimeSpan.FromHours(1)) _jobs.TryRemove(id, out _);
    }

    private sealed class Progress(SimulationJob job) : IProgress<(string Item, int Done, int Total)>
    {
        public void Report((string Item, int Done, int Total) value)
        {
            // Reports come from several threads and may arrive out of order: keep the highest count.
            job._done.AddOrUpdate(value.Item, value.Done, (_, seen) => Math.Max(seen, value.Done));
            job._total[value.Item] = value.Total;
        }
    }
}
