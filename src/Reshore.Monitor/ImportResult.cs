namespace Reshore.Monitor;

/// <summary>An import error: 1-based row number as the user sees it in the file (the header is row 1), column name and reason.</summary>
public sealed record ImportError(int Row, string Column, string Reason);

/// <summary>A duplicate warning from an import: the file row and the match.</summary>
public sealed record ImportWarning(int Row, DuplicateMatch Match);

/// <summary>
/// The outcome of parsing an import file. Atomic by design: <see cref="Cases"/> is empty whenever <see cref="Errors"/> is not,
/// so a caller that stores <see cref="Cases"/> stores all rows or none. A dry run is simply not storing them.
/// </summary>
public sealed record ImportResult(int RowsRead, IReadOnlyList<MonitorCase> Cases, IReadOnlyList<ImportError> Errors, IReadOnlyList<ImportWarning> Warnings)
{
    /// <summary>True when every row is valid.</summary>
    public bool Succeeded => Errors.Count == 0;
    /// <summary>Rows with at least one error.</summary>
    public int InvalidRows => Errors.Select(e => e.Row).Distinct().Count();
}
