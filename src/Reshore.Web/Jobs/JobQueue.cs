using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quartz;
using Reshore.Persistence;
using Reshore.Persistence.Jobs;

namespace Reshore.Web.Jobs;

/// <summary>What to run.</summary>
public sealed record JobSubmission
{
    /// <summary>Kind (see <see cref="JobKinds"/>).</summary>
    public required string Kind { get; init; }
    /// <summary>The workspace whose members see it (null: a command-line job).</summary>
    public Guid? WorkspaceId { get; init; }
    /// <summary>The case.</summary>
    public Guid? CaseId { get; init; }
    /// <summary>The case version.</summary>
    public int? CaseVersion { get; init; }
    /// <summary>Who starts it (null: the command line, not limited per user).</summary>
    public string? OwnerId { get; init; }
    /// <summary>Their name.</summary>
    public string? OwnerName { get; init; }
    /// <summary>Shown in lists.</summary>
    public required string Title { get; init; }
    /// <summary>Culture of texts in the result.</summary>
    public string Culture { get; init; } = "en";
    /// <summary>The kind's parameters, serialised to JSON.</summary>
    public required object Parameters { get; init; }
    /// <summary>Steps in all, when known up front.</summary>
    public long Total { get; init; }
    /// <summary>Files the job reads (uploads), stored in the database with the job so that any worker reads them.</summary>
    public IReadOnlyList<JobFileInput> Files { get; init; } = [];
}

/// <summary>A file a job reads: what it is to the job (<paramref name="Field"/>), its name, its bytes.</summary>
public sealed record JobFileInput(string Field, string FileName, byte[] Content);

/// <summary>The answer to a start: the job, or why not (HTTP status and text).</summary>
public sealed record JobStart(JobRecord? Job, int Status = 202, string? Title = null, string? Detail = null);

/// <summary>
/// Starts, finds and cancels jobs. Every process (web or worker) has one; the state lives in the database, so a job started
/// through one web instance is seen and cancelled through any other.
/// </summary>
public sealed class JobQueue(IServiceScopeFactory scopes, ISchedulerFactory schedulers, IOptions<JobLimits> limits, DatabaseTarget target, ILogger<JobQueue> log)
{
    /// <summary>JSON of job parameters and stored results.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    // Starts in this process queue behind one another; across processes the database lock below does the same.
    private static readonly SemaphoreSlim StartLock = new(1, 1);

    /// <summary>The administrator's limits.</summary>
    public JobLimits Limits => limits.Value;

    /// <summary>
    /// Starts a job if the user and the installation have room: the count of active jobs and the insert happen under one
    /// lock (a PostgreSQL advisory lock shared by every process; SQLite's write lock), so simultaneous starts cannot
    /// overshoot the limits.
    /// </summary>
    public async Task<JobStart> StartAsync(JobSubmission s, CancellationToken ct = default)
    {
        var record = new JobRecord
        {
            Kind = s.Kind, WorkspaceId = s.WorkspaceId, CaseId = s.CaseId, CaseVersion = s.CaseVersion, OwnerId = s.OwnerId, OwnerName = s.OwnerName,
            Title = s.Title.Length > 300 ? s.Title[..300] : s.Title, Culture = s.Culture, Parameters = JsonSerializer.Serialize(s.Parameters, Json), Total = s.Total,
        };
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ReshoreDbContext>();
            await StartLock.WaitAsync(ct);
            try
            {
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                if (target.Provider == DatabaseProvider.PostgreSql)
                    await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(7265736830)", ct);
                else
                    // Takes SQLite's write lock now, so that the count below is not read under a lock another process can jump.
                    await db.Database.ExecuteSqlRawAsync("UPDATE Jobs SET Id = Id WHERE 0", ct);
                var active = db.Jobs.Where(j => j.ParentId == null && (j.Status == JobStatus.Queued || j.Status == JobStatus.Running));
                if (s.OwnerId is { } owner && await active.CountAsync(j => j.OwnerId == owner, ct) >= Limits.MaxActiveJobsPerUser)
                    return new JobStart(null, StatusCodes.Status429TooManyRequests, "Too many jobs",
                        $"You already have {Limits.MaxActiveJobsPerUser} jobs queued or running; wait for one to finish or cancel it.");
                if (await active.CountAsync(ct) >= Limits.MaxActiveJobs)
                    return new JobStart(null, StatusCodes.Status429TooManyRequests, "Server busy",
                        "The installation has as many jobs queued as it accepts; try again in a few minutes.");
                db.Jobs.Add(record);
                foreach (var f in s.Files)
                    db.JobFiles.Add(new JobFile { JobId = record.Id, Field = f.Field, FileName = f.FileName.Length > 260 ? f.FileName[^260..] : f.FileName, Content = f.Content });
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
            }
            finally
            {
                StartLock.Release();
            }
        }
        await ScheduleAsync(record.Id, ct);
        return new JobStart(record);
    }

    /// <summary>Adds child jobs (portfolio shards) without limits and schedules them.</summary>
    public async Task AddChildrenAsync(IReadOnlyList<JobRecord> children, CancellationToken ct = default)
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ReshoreDbContext>();
            db.Jobs.AddRange(children);
            await db.SaveChangesAsync(ct);
        }
        foreach (var child in children) await ScheduleAsync(child.Id, ct);
    }

    /// <summary>Hands a job to Quartz: it fires on the first free worker of the cluster and is recovered if that worker dies.</summary>
    public async Task ScheduleAsync(Guid id, CancellationToken ct = default)
    {
        var scheduler = await schedulers.GetScheduler(ct);
        var key = new JobKey(id.ToString(), JobScheduling.Group);
        var job = JobBuilder.Create<ReshoreQuartzJob>().WithIdentity(key).UsingJobData(ReshoreQuartzJob.JobIdKey, id.ToString()).RequestRecovery().Build();
        var trigger = TriggerBuilder.Create().WithIdentity(id.ToString(), JobScheduling.Group).ForJob(key).StartNow().Build();
        try
        {
            await scheduler.ScheduleJob(job, trigger, cancellationToken: ct);
        }
        catch (ObjectAlreadyExistsException)
        {
            // Already scheduled (a planning step that ran twice).
        }
    }

    /// <summary>A job by id, whatever its workspace (callers check access).</summary>
    public async Task<JobRecord?> FindAsync(Guid id, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReshoreDbContext>();
        return await db.Jobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == id, ct);
    }

    /// <summary>The files a job reads, by field.</summary>
    public async Task<Dictionary<string, JobFile>> FilesAsync(Guid id, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReshoreDbContext>();
        return await db.JobFiles.AsNoTracking().Where(f => f.JobId == id).ToDictionaryAsync(f => f.Field, StringComparer.Ordinal, ct);
    }

    /// <summary>Jobs of one kind that belong to no workspace (monitor imports), newest first, without parameters and results.</summary>
    public async Task<List<JobRecord>> ListOutsideWorkspacesAsync(string kind, int take = 100, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReshoreDbContext>();
        return await Summaries(db.Jobs.AsNoTracking().Where(j => j.WorkspaceId == null && j.ParentId == null && j.Kind == kind), take).ToListAsync(ct);
    }

    /// <summary>The user's latest completed simulation of a case, or null.</summary>
    public async Task<JobRecord?> LatestSimulationAsync(Guid caseId, string? userId, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReshoreDbContext>();
        return await db.Jobs.AsNoTracking().Where(j => j.CaseId == caseId && j.OwnerId == userId && j.Kind == JobKinds.Simulation && j.Status == JobStatus.Completed)
            .OrderByDescending(j => j.FinishedUtc).FirstOrDefaultAsync(ct);
    }

    /// <summary>A job's children (portfolio shards), by shard number.</summary>
    public async Task<List<JobRecord>> ChildrenAsync(Guid id, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReshoreDbContext>();
        return await db.Jobs.AsNoTracking().Where(j => j.ParentId == id).OrderBy(j => j.Shard).ToListAsync(ct);
    }

    /// <summary>A workspace's jobs, newest first (shards are part of their portfolio and not listed).</summary>
    public async Task<List<JobRecord>> ListAsync(Guid workspaceId, int take = 100, Guid? caseId = null, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReshoreDbContext>();
        var q = db.Jobs.AsNoTracking().Where(j => j.WorkspaceId == workspaceId && j.ParentId == null);
        if (caseId is { } c) q = q.Where(j => j.CaseId == c);
        return await Summaries(q, take).ToListAsync(ct);
    }

    // Newest first, without the (large) result and parameters.
    private static IQueryable<JobRecord> Summaries(IQueryable<JobRecord> q, int take) =>
        q.OrderByDescending(j => j.CreatedUtc).Take(take)
            .Select(j => new JobRecord
            {
                Id = j.Id, Kind = j.Kind, WorkspaceId = j.WorkspaceId, CaseId = j.CaseId, CaseVersion = j.CaseVersion, OwnerId = j.OwnerId, OwnerName = j.OwnerName,
                Title = j.Title, Culture = j.Culture, Parameters = "", Status = j.Status, Done = j.Done, Total = j.Total, Error = j.Error, CancelRequested = j.CancelRequested,
                CancelledBy = j.CancelledBy, CreatedUtc = j.CreatedUtc, StartedUtc = j.StartedUtc, FinishedUtc = j.FinishedUtc, HeartbeatUtc = j.HeartbeatUtc,
                Node = j.Node, Attempts = j.Attempts, Note = j.Note,
            });

    /// <summary>
    /// Asks a job (and its shards) to stop. A queued job ends at once; a running one stops on whichever worker runs it, which
    /// looks for the request every second.
    /// </summary>
    public async Task CancelAsync(Guid id, string by, CancellationToken ct = default)
    {
        List<Guid> queued;
        Guid? parent;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ReshoreDbContext>();
            by = by.Length > 256 ? by[..256] : by;
            await db.Jobs.Where(j => (j.Id == id || j.ParentId == id) && j.Status != JobStatus.Completed && j.Status != JobStatus.Failed && j.Status != JobStatus.Cancelled)
                .ExecuteUpdateAsync(u => u.SetProperty(j => j.CancelRequested, true).SetProperty(j => j.CancelledBy, by), ct);
            queued = await db.Jobs.Where(j => (j.Id == id || j.ParentId == id) && j.Status == JobStatus.Queued).Select(j => j.Id).ToListAsync(ct);
            var now = DateTime.UtcNow;
            await db.Jobs.Where(j => queued.Contains(j.Id) && j.Status == JobStatus.Queued)
                .ExecuteUpdateAsync(u => u.SetProperty(j => j.Status, JobStatus.Cancelled).SetProperty(j => j.FinishedUtc, now), ct);
            parent = await db.Jobs.Where(j => j.Id == id).Select(j => j.Kind == JobKinds.Portfolio ? (Guid?)j.Id : j.ParentId).FirstOrDefaultAsync(ct);
        }
        var scheduler = await schedulers.GetScheduler(ct);
        foreach (var q in queued)
        {
            try
            {
                if (scheduler is not null) await scheduler.DeleteJob(new JobKey(q.ToString(), JobScheduling.Group), ct);
            }
            catch (Exception e) when (e is SchedulerException or System.Data.Common.DbException)
            {
                // The worker that fires it finds the job cancelled and does nothing.
                log.LogWarning(e, "Could not unschedule cancelled job {Job}", q);
            }
        }
        if (parent is { } p)
        {
            await using var scope = scopes.CreateAsyncScope();
            await PortfolioJobs.TryFinishAsync(scope.ServiceProvider, p, ct);
        }
    }

    /// <summary>Cancels the active jobs a user started in a workspace (when they leave it or lose the right to run jobs).</summary>
    public async Task CancelOwnedAsync(Guid workspaceId, string userId, string why, CancellationToken ct = default)
    {
        List<Guid> ids;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ReshoreDbContext>();
            ids = await db.Jobs.Where(j => j.WorkspaceId == workspaceId && j.OwnerId == userId && j.ParentId == null
                    && (j.Status == JobStatus.Queued || j.Status == JobStatus.Running)).Select(j => j.Id).ToListAsync(ct);
        }
        foreach (var id in ids) await CancelAsync(id, why, ct);
    }
}
