namespace Reshore.Monitor;

/// <summary>A changed field: column name of <see cref="MonitorColumns"/>, text before and after (null before on creation).</summary>
public sealed record FieldChange(string Field, string? Before, string? After);

/// <summary>One line of a case's audit trail: who did what, when, the status move and the fields changed.</summary>
public sealed record AuditEntry(
    Guid CaseId, int Version, string UserId, MonitorRole Role, DateTimeOffset At, WorkflowAction Action,
    CaseStatus? From, CaseStatus To, IReadOnlyList<FieldChange> Changes, string? Comment);
