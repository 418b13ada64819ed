using System.ComponentModel.DataAnnotations;

namespace Reshore.Persistence;

/// <summary>A workspace keeps one client's or one team's cases apart; a user sees only the workspaces they belong to.</summary>
public sealed class Workspace
{
    /// <summary>Key.</summary>
    public Guid Id { get; set; } = Guid.NewGuid();
    /// <summary>Display name.</summary>
    [MaxLength(200)]
    public required string Name { get; set; }
    /// <summary>Optional description.</summary>
    [MaxLength(2000)]
    public string? Description { get; set; }
    /// <summary>True for the workspace that holds the bundled example cases.</summary>
    public bool IsExamples { get; set; }
    /// <summary>Whether viewers may start expensive work (simulations, optimisations, reports, portfolio runs); off by default.</summary>
    public bool ViewersMayRunJobs { get; set; }
    /// <summary>Creation time, UTC.</summary>
    public DateTime CreatedUtc { get; set; } = DateTime.UtcNow;
    /// <summary>Members.</summary>
    public List<WorkspaceMember> Members { get; set; } = [];
    /// <summary>Cases.</summary>
    public List<CaseRecord> Cases { get; set; } = [];
}

/// <summary>What a member may do in a workspace.</summary>
public enum WorkspaceRole
{
    /// <summary>Reads cases and runs evaluations; simulations, optimisations and reports only where the workspace allows viewers to.</summary>
    Viewer = 0,
    /// <summary>Also creates, edits and deletes cases.</summary>
    Analyst = 1,
    /// <summary>Also manages members and the workspace itself.</summary>
    Admin = 2,
}

/// <summary>A user's membership of a workspace.</summary>
public sealed class WorkspaceMember
{
    /// <summary>Workspace.</summary>
    public Guid WorkspaceId { get; set; }
    /// <summary>Identity user id.</summary>
    [MaxLength(450)]
    public required string UserId { get; set; }
    /// <summary>Role in this workspace.</summary>
    public WorkspaceRole Role { get; set; }
    /// <summary>Navigation.</summary>
    public Workspace? Workspace { get; set; }
}

/// <summary>A stored case: the case file as JSON, with an optimistic-concurrency version.</summary>
public sealed class CaseRecord
{
    /// <summary>Key.</summary>
    public Guid Id { get; set; } = Guid.NewGuid();
    /// <summary>Workspace.</summary>
    public Guid WorkspaceId { get; set; }
    /// <summary>Case name (copied from the case file for lists).</summary>
    [MaxLength(300)]
    public required string Name { get; set; }
    /// <summary>The case file, JSON.</summary>
    public required string Json { get; set; }
    /// <summary>Creation time, UTC.</summary>
    public DateTime CreatedUtc { get; set; } = DateTime.UtcNow;
    /// <summary>Last change, UTC.</summary>
    public DateTime UpdatedUtc { get; set; } = DateTime.UtcNow;
    /// <summary>Who changed it last (user name).</summary>
    [MaxLength(256)]
    public string? UpdatedBy { get; set; }
    /// <summary>Incremented on every save; a save that starts from an older version is refused.</summary>
    [ConcurrencyCheck]
    public int Version { get; set; } = 1;
    /// <summary>Navigation.</summary>
    public Workspace? Workspace { get; set; }
}

/// <summary>One saved version of a case: the case file as it was after that save (version 1 is the first save).</summary>
public sealed class CaseVersionRecord
{
    /// <summary>Key.</summary>
    public Guid Id { get; set; } = Guid.NewGuid();
    /// <summary>The case.</summary>
    public Guid CaseId { get; set; }
    /// <summary>The case's version number after this save.</summary>
    public int Version { get; set; }
    /// <summary>Case name at this version.</summary>
    [MaxLength(300)]
    public required string Name { get; set; }
    /// <summary>The case file at this version, JSON.</summary>
    public required string Json { get; set; }
    /// <summary>When it was saved, UTC.</summary>
    public DateTime SavedUtc { get; set; } = DateTime.UtcNow;
    /// <summary>Who saved it (user name).</summary>
    [MaxLength(256)]
    public string? SavedBy { get; set; }
    /// <summary>How it was saved, e.g. "import frames.xlsx" or "edit".</summary>
    [MaxLength(300)]
    public string? Note { get; set; }
    /// <summary>Navigation.</summary>
    public CaseRecord? Case { get; set; }
}

/// <summary>
/// A workspace's own reference value: a country, a lane or an HS code added to or changed in the bundled reference data,
/// with its source and year. The workspace's cases are evaluated with these applied.
/// </summary>
public sealed class WorkspaceReferenceOverride
{
    /// <summary>Key.</summary>
    public Guid Id { get; set; } = Guid.NewGuid();
    /// <summary>Workspace.</summary>
    public Guid WorkspaceId { get; set; }
    /// <summary>country, lane or hsCode.</summary>
    [MaxLength(20)]
    public required string Kind { get; set; }
    /// <summary>Country code, lane id, or HS code (with "-origin" for an origin-specific duty).</summary>
    [MaxLength(80)]
    public required string Key { get; set; }
    /// <summary>The entry (values, source and year) as JSON.</summary>
    public required string Json { get; set; }
    /// <summary>Last change, UTC.</summary>
    public DateTime UpdatedUtc { get; set; } = DateTime.UtcNow;
    /// <summary>Who changed it last (user name).</summary>
    [MaxLength(256)]
    public string? UpdatedBy { get; set; }
    /// <summary>Navigation.</summary>
    public Workspace? Workspace { get; set; }
}
