using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quartz;
using Reshore.Persistence;
using Reshore.Persistence.Jobs;

namespace Reshore.Web.Jobs;

/// <summary>Progress of a running job, written to the database every second by its worker.</summary>
public sealed class JobProgress
{
    private long _done, _total;
    /// <summary>Steps done.</summary>
    public long Done => Interlocked.Read(ref _done);
    /// <summary>Steps in all.</summary>
    public long Total => Interlocked.Read(ref _total);
    /// <summary>Sets both.</summary>
    public void Set(long done, long total)
    {
        Interlocked.Exchange(ref _done, done);
        Interlocked.Exchange(ref _total, total);
    }
}

/// <summary>A job being run: its row, progress, and this process's services.</summary>
public sealed record JobRun(JobRecord Job, JobProgress Progress, IServiceProvider Services, bool Recovering);

/// <summary>How a handler's run ended.</summary>
/// <param name="Result">The result to store.</param>
/// <param name="ResultType">Its content type.</param>
/// <param name="StaysRunning">True for a job that now waits for its children (a portfolio's shards) to finish it.</param>
/// <param name="Note">Something to tell the user.</param>
public sealed record JobOutcome(string? Result, string ResultType = "application/json", bool StaysRunning = false, string? Note = null);

/// <summary>Runs one kind of job.</summary>
public interface IJobHandler
{
    /// <summary>The kind handled.</summary>
    string Kind { get; }
    /// <summary>Runs the job; throws OperationCanceledException when cancelled.</summary>
    Task<JobOutcome> RunAsync(JobRun run, CancellationToken cancellation);
}

/// <summary>
/// The one Quartz job class: loads the job's row, runs its handler with progress and cancellation, stores the outcome.
/// Cancellation comes from the row (set by any node) or from this process stopping; a stop hands the job back to Quartz,
/// which runs it again on another worker or after a restart.
/// </summary>
public sealed class ReshoreQuartzJob(IServiceScopeFactory scopes, IEnumerable<IJobHandler> handlers, IOptions<JobSettings> settings, ILogger<ReshoreQuartzJob> log) : IJob
{
    /// <summary>Job data key of the job id.</summary>
    public const string JobIdKey = "jobId";

    /// <inheritdoc />
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(context.MergedJobDataMap.GetString(JobIdKey), out var id)) return;
        var node = context.Scheduler.SchedulerInstanceId;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReshoreDbContext>();
        var job = await db.Jobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == id, cancellationToken);
        if (job is null || JobStatus.IsFinal(job.Status)) return;
        if (job.CancelRequested)
        {
            await EndAsync(db, id, JobStatus.Cancelled, null, null, null, null);
            await AfterAsync(scope.ServiceProvider, job);
            return;
        }
        var handler = handlers.FirstOrDefault(h => h.Kind == job.Kind);
        if (handler is null)
        {
            await EndAsync(db, id, JobStatus.Failed, null, null, $"No handler for jobs of kind '{job.Kind}'.", null);
            return;
        }
        // A second attempt means the worker that ran it before stopped (crash, kill, shutdown): say so.
        var attempt = job.Attempts + 1;
        var note = job.Attempts > 0 || context.Recovering
            ? $"Rerun from the start on {node} (attempt {attempt}): the worker {job.Node ?? "that ran it"} stopped while running it."
            : job.Note;
        var now = DateTime.UtcNow;
        await db.Jobs.Where(j => j.Id == id).ExecuteUpdateAsync(u => u
            .SetProperty(j => j.Status, JobStatus.Running).SetProperty(j => j.Attempts, attempt).SetProperty(j => j.Node, node)
            .SetProperty(j => j.StartedUtc, now).SetProperty(j => j.HeartbeatUtc, now).SetProperty(j => j.Note, note), CancellationToken.None);
        log.LogInformation("Job {Job} ({Kind}) started on {Node}, attempt {Attempt}", id, job.Kind, node, attempt);

        var progress = new JobProgress();
        progress.Set(0, job.Total);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var stopWatch = new CancellationTokenSource();
        var watcher = WatchAsync(id, progress, cancel, stopWatch.Token);
        JobOutcome? outcome = null;
        Exception? error = null;
        try
        {
            job.Attempts = attempt;
            job.Node = node;
            job.Note = note;
            outcome = await handler.RunAsync(new JobRun(job, progress, scope.ServiceProvider, attempt > 1), cancel.Token);
        }
        catch (Exception e)
        {
            error = e;
        }
        finally
        {
            await stopWatch.CancelAsync();
            await watcher;
        }

        if (error is OperationCanceledException && cancellationToken.IsCancellationRequested && !await CancelRequestedAsync(db, id))
        {
            // This process is stopping: leave the job for the next worker (Quartz stores a recovery trigger for it).
            await db.Jobs.Where(j => j.Id == id).ExecuteUpdateAsync(u => u.SetProperty(j => j.Status, JobStatus.Queued)
                .SetProperty(j => j.Done, progress.Done).SetProperty(j => j.Note, $"Interrupted when {node} stopped; it runs again from the start."), CancellationToken.None);
            log.LogInformation("Job {Job} handed back: {Node} is stopping", id, node);
            throw new OperationCanceledException(cancellationToken);
        }
        if (error is OperationCanceledException)
            await EndAsync(db, id, JobStatus.Cancelled, null, null, null, progress);
        else if (error is not null)
        {
            log.LogError(error, "Job {Job} ({Kind}) failed", id, job.Kind);
            await EndAsync(db, id, JobStatus.Failed, null, null, error is JobInputException ? error.Message : $"{error.GetType().Name}: {error.Message}", progress);
        }
        else if (outcome!.StaysRunning)
            await db.Jobs.Where(j => j.Id == id).ExecuteUpdateAsync(u => u.SetProperty(j => j.Done, progress.Done).SetProperty(j => j.Total, progress.Total)
                .SetProperty(j => j.Note, outcome.Note ?? note), CancellationToken.None);
        else
            await EndAsync(db, id, JobStatus.Completed, outcome.Result, outcome.ResultType, null, progress, outcome.Note ?? note);
        await AfterAsync(scope.ServiceProvider, job);
    }

    private static async Task<bool> CancelRequestedAsync(ReshoreDbContext db, Guid id) =>
        await db.Jobs.Where(j => j.Id == id).Select(j => j.CancelRequested).FirstOrDefaultAsync(CancellationToken.None);

    private static Task EndAsync(ReshoreDbContext db, Guid id, string status, string? result, string? resultType, string? error, JobProgress? progress, string? note = null)
    {
        var now = DateTime.UtcNow;
        var done = status == JobStatus.Completed && progress is not null ? progress.Total : progress?.Done ?? 0;
        if (error?.Length > 4000) error = error[..4000];
        return db.Jobs.Where(j => j.Id == id && j.Status != JobStatus.Completed && j.Status != JobStatus.Cancelled && j.Status != JobStatus.Failed).ExecuteUpdateAsync(u => u
            .SetProperty(j => j.Status, status).SetProperty(j => j.Result, result).SetProperty(j => j.ResultType, resultType).SetProperty(j => j.Error, error)
            .SetProperty(j => j.FinishedUtc, now).SetProperty(j => j.HeartbeatUtc, now)
            .SetProperty(j => j.Done, j => progress == null ? j.Done : done).SetProperty(j => j.Total, j => progress == null ? j.Total : progress.Total)
            .SetProperty(j => j.Note, j => note ?? j.Note), CancellationToken.None);
    }

    // A shard's end may end its portfolio.
    private static async Task AfterAsync(IServiceProvider services, JobRecord job)
    {
        if (job.ParentId is { } parent) await PortfolioJobs.TryFinishAsync(services, parent, CancellationToken.None);
    }

    // Every second: write progress and a heartbeat, and stop the job when someone (on any node) asked to cancel it.
    private async Task WatchAsync(Guid id, JobProgress progress, CancellationTokenSource cancel, CancellationToken stop)
    {
        var interval = TimeSpan.FromSeconds(Math.Max(0.1, settings.Value.ProgressSeconds));
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReshoreDbContext>();
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(interval, stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            try
            {
                var now = DateTime.UtcNow;
                long done = progress.Done, total = progress.Total;
                await db.Jobs.Where(j => j.Id == id).ExecuteUpdateAsync(u => u.SetProperty(j => j.Done, done).SetProperty(j => j.Total, total).SetProperty(j => j.HeartbeatUtc, now), stop);
                if (await db.Jobs.Where(j => j.Id == id).Select(j => j.CancelRequested).FirstOrDefaultAsync(stop)) await cancel.CancelAsync();
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException)
            {
                // A busy or briefly unreachable database: try again at the next tick.
                log.LogWarning(e, "Progress of job {Job} not written", id);
            }
        }
    }
}

/// <summary>A job's input turned out wrong when it ran (the message is for the user).</summary>
public sealed class JobInputException(string message) : Exception(message);
