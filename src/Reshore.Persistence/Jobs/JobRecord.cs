using System.ComponentModel.DataAnnotations;

namespace Reshore.Persistence.Jobs;

/// <summary>
/// A durable background job: what to run (kind and parameters), who asked (owner, workspace), how far it got (progress)
/// and how it ended (result or error). Quartz.NET's tables hold the scheduling (which worker fires it when, recovery of a
/// dead worker's jobs); this row is what users see and what every web and worker process shares.
/// </summary>
public sealed class JobRecord
{
    /// <summary>Key.</summary>
    public Guid Id { get; set; } = Guid.NewGuid();
    /// <summary>simulation, optimization, report, portfolio, portfolio-shard, screening, …</summary>
    [MaxLength(40)]
    public required string Kind { get; set; }
    /// <summary>The workspace whose members see the job; null for jobs submitted from the command line.</summary>
    public Guid? WorkspaceId { get; set; }
    /// <summary>The case, for case jobs.</summary>
    public Guid? CaseId { get; set; }
    /// <summary>The case version the job ran on.</summary>
    public int? CaseVersion { get; set; }
    /// <summary>The job this one is a part of (portfolio shards).</summary>
    public Guid? ParentId { get; set; }
    /// <summary>Shard number within the parent, from 0.</summary>
    public int? Shard { get; set; }
    /// <summary>The Identity user who started it; null for command-line jobs.</summary>
    [MaxLength(450)]
    public string? OwnerId { get; set; }
    /// <summary>The owner's name as shown.</summary>
    [MaxLength(256)]
    public string? OwnerName { get; set; }
    /// <summary>What it is, for lists (the case name, the parts file).</summary>
    [MaxLength(300)]
    public string Title { get; set; } = "";
    /// <summary>The culture of texts in the result.</summary>
    [MaxLength(20)]
    public string Culture { get; set; } = "en";
    /// <summary>The parameters, JSON (the kind's request record, with the case or the parts as submitted).</summary>
    public required string Parameters { get; set; }
    /// <summary>queued, running, completed, cancelled or failed.</summary>
    [MaxLength(20)]
    public string Status { get; set; } = JobStatus.Queued;
    /// <summary>Steps done.</summary>
    public long Done { get; set; }
    /// <summary>Steps in all (0 while unknown).</summary>
    public long Total { get; set; }
    /// <summary>The result once completed, JSON (the CLI's JSON for the kind).</summary>
    public string? Result { get; set; }
    /// <summary>Content type of <see cref="Result"/>: application/json, or application/pdf with the bytes base64-encoded.</summary>
    [MaxLength(80)]
    public string? ResultType { get; set; }
    /// <summary>Why it failed.</summary>
    [MaxLength(4000)]
    public string? Error { get; set; }
    /// <summary>Set by whoever cancels, on any node; the worker that runs the job sees it within a second and stops.</summary>
    public bool CancelRequested { get; set; }
    /// <summary>Who asked to cancel (user name, or why).</summary>
    [MaxLength(256)]
    public string? CancelledBy { get; set; }
    /// <summary>Queued, UTC.</summary>
    public DateTime CreatedUtc { get; set; } = DateTime.UtcNow;
    /// <summary>Started (the latest attempt), UTC.</summary>
    public DateTime? StartedUtc { get; set; }
    /// <summary>Ended, UTC.</summary>
    public DateTime? FinishedUtc { get; set; }
    /// <summary>Last progress report from the worker, UTC.</summary>
    public DateTime? HeartbeatUtc { get; set; }
    /// <summary>The worker (Quartz instance) running or that ran it.</summary>
    [MaxLength(200)]
    public string? Node { get; set; }
    /// <summary>How many times a worker started it (more than one after a worker died mid-job).</summary>
    public int Attempts { get; set; }
    /// <summary>What happened on the way, e.g. "rerun from the start after worker X stopped".</summary>
    [MaxLength(1000)]
    public string? Note { get; set; }
}

/// <summary>Job states.</summary>
public static class JobStatus
{
    /// <summary>Waiting for a worker.</summary>
    public const string Queued = "queued";
    /// <summary>A worker runs it.</summary>
    public const string Running = "running";
    /// <summary>Done, with a result.</summary>
    public const string Completed = "completed";
    /// <summary>Stopped on request.</summary>
    public const string Cancelled = "cancelled";
    /// <summary>Ended with an error.</summary>
    public const string Failed = "failed";

    /// <summary>True when the job has ended.</summary>
    public static bool IsFinal(string status) => status is Completed or Cancelled or Failed;
}

/// <summary>
/// A file a job reads (a monitor import's CSV or workbook, a trade screening's BACI files), stored in the database with the
/// job so that any worker on any node reads it, and so that it outlives the web process that received the upload. Deleted
/// with its job.
/// </summary>
public sealed class JobFile
{
    /// <summary>Key.</summary>
    public Guid Id { get; set; } = Guid.NewGuid();
    /// <summary>The job.</summary>
    public Guid JobId { get; set; }
    /// <summary>What the file is to the job (the upload's form field: file, trade, codes, ecosystems, parameters).</summary>
    [MaxLength(40)]
    public required string Field { get; set; }
    /// <summary>The name it was uploaded with.</summary>
    [MaxLength(260)]
    public required string FileName { get; set; }
    /// <summary>Its bytes.</summary>
    public required byte[] Content { get; set; }
}
