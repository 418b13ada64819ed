namespace Reshore.Excel;

/// <summary>One problem in an imported workbook: the sheet, the cell (A1 style; null when it concerns a whole sheet or column) and what is wrong.</summary>
/// <param name="Sheet">Sheet name, e.g. Options.</param>
/// <param name="Cell">Cell reference, e.g. D7; null for the sheet as a whole.</param>
/// <param name="Message">What is wrong.</param>
public sealed record WorkbookError(string Sheet, string? Cell, string Message)
{
    /// <summary>The location as Excel writes it: Options!D7, or the sheet name alone.</summary>
    public string Location => Cell is null ? Sheet : $"{Sheet}!{Cell}";

    /// <inheritdoc />
    public override string ToString() => $"{Location}: {Message}";
}

/// <summary>A workbook that cannot be imported; <see cref="Errors"/> lists every problem found, in sheet order.</summary>
public sealed class WorkbookImportException(string fileName, IReadOnlyList<WorkbookError> errors)
    : Exception($"{errors.Count} problem(s) in {fileName}:{Environment.NewLine}" + string.Join(Environment.NewLine, errors.Select(e => "  " + e)))
{
    /// <summary>The file the workbook came from.</summary>
    public string FileName { get; } = fileName;

    /// <summary>Every problem found.</summary>
    public IReadOnlyList<WorkbookError> Errors { get; } = errors;
}
