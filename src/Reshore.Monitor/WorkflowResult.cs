namespace Reshore.Monitor;

/// <summary>
/// The outcome of a workflow step: the new record and its audit entry, or a refusal (in the user's language) with any field
/// errors. A refused step changes nothing.
/// </summary>
public sealed record WorkflowResult
{
    /// <summary>True when the step is allowed and the case valid.</summary>
    public bool Succeeded => Refusal is null;
    /// <summary>The new version of the case (null when refused).</summary>
    public MonitorCase? Case { get; init; }
    /// <summary>The audit entry to store with it (null when refused).</summary>
    public AuditEntry? Audit { get; init; }
    /// <summary>Why the step was refused, in the user's language.</summary>
    public string? Refusal { get; init; }
    /// <summary>True when the two-person rule refused the step.</summary>
    public bool BlockedByTwoPersonRule { get; init; }
    /// <summary>Field errors when the refusal is about an invalid case.</summary>
    public IReadOnlyList<MonitorError> Errors { get; init; } = [];
}
