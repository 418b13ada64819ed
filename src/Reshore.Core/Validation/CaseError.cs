namespace Reshore.Core.Validation;

/// <summary>A problem in a case, located by its JSON path (and, when read from a file, file and line).</summary>
/// <param name="Path">JSON path, e.g. <c>$.items[0].options[1].production.unitPrice</c>.</param>
/// <param name="Message">What is wrong and what is expected.</param>
public sealed record CaseError(string Path, string Message)
{
    /// <summary>File the case came from.</summary>
    public string? File { get; init; }
    /// <summary>1-based line.</summary>
    public int? Line { get; init; }
    /// <summary>1-based column.</summary>
    public int? Column { get; init; }

    /// <inheritdoc />
    public override string ToString()
    {
        var where = File is null ? "" : Line is { } l ? $"{File}:{l}{(Column is { } c ? $":{c}" : "")}: " : $"{File}: ";
        return $"{where}{Path}: {Message}";
    }
}

/// <summary>Thrown when a case is invalid; carries every error found.</summary>
public sealed class CaseValidationException(IReadOnlyList<CaseError> errors)
    : Exception(string.Join(Environment.NewLine, errors.Select(e => e.ToString())))
{
    /// <summary>The errors.</summary>
    public IReadOnlyList<CaseError> Errors { get; } = errors;
}
