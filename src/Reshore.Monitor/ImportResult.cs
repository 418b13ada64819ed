namespace Reshore.Monitor;

/// <summary>An import error: 1-based row number as the user sees it in the file (the header is row 1), column name and reason.</summary>
public sealed record ImportError(int Row, string Column, string Reason);

/// <summary>A duplicate warning from an import: the file row and the match.</summary>
public sealed record ImportWarning(int Row, DuplicateMatch Match);

/// <summary>
/// The outcome of parsing an import file. Atomic by design: <see cref="Cases"/> is empty whenever <see cref="Errors"/> is not,
/// so a caller that stores <see cref="Cases"/> stores all rows or none. A dry run is simply not storing them.
/// </summary>
/// <param name="RowsRead">Data rows read (the header not counted).</param>
/// <param name="Cases">The valid cases, all of them, or none when there is any error.</param>
/// <param name="Errors">The errors, at most <see cref="MonitorImport.MaxErrors"/>; <paramref name="ErrorsLeftOut"/> says how many more there were.</param>
/// <param name="Warnings">Possible duplicates, at most <see cref="MonitorImport.MaxWarnings"/>; <paramref name="WarningsLeftOut"/> says how many more.</param>
/// <param name="ErrorsLeftOut">Errors found but not listed.</param>
/// <param name="WarningsLeftOut">Warnings found but not listed.</param>
public sealed record ImportResult(int RowsRead, IReadOnlyList<MonitorCase> Cases, IReadOnlyList<ImportError> Errors, IReadOnlyList<ImportWarning> Warnings,
    int ErrorsLeftOut = 0, int WarningsLeftOut = 0)
{
    /// <summary>True when every row is valid.</summary>
    public bool Succeeded => Errors.Count == 0 && ErrorsLeftOut == 0;
    /// <summary>Rows with at least one error.</summary>
    public int InvalidRows => Errors.Select(e => e.Row).Distinct().Count();
}
