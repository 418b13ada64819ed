namespace Reshore.Reports.Tables;

/// <summary>A cell: its text in the output language (formatted once, so every renderer shows the same digits and marks) and, for numbers, the value with its format.</summary>
/// <param name="Text">What text renderers print.</param>
/// <param name="Number">The value behind a number (spreadsheets write it as a number), or null for text.</param>
/// <param name="Format">The .NET format of <paramref name="Number"/> ("N0", "N4", "P1", "0.0"), which spreadsheets translate to a number format.</param>
/// <param name="Muted">A mark rather than a value (not assessed, not applicable, missing).</param>
/// <param name="Title">A longer explanation (tooltip on the web).</param>
public sealed record ResultCell(string Text, double? Number = null, string? Format = null, bool Muted = false, string? Title = null);

/// <summary>A column.</summary>
/// <param name="Header">Header text.</param>
/// <param name="Numeric">Right-aligned.</param>
/// <param name="Key">What the column holds (an option id), for renderers that add ids or links.</param>
public sealed record ResultColumn(string Header, bool Numeric, string? Key = null);

/// <summary>A row.</summary>
/// <param name="Cells">One per column.</param>
/// <param name="Emphasis">Bold (totals).</param>
/// <param name="Key">What the row holds (a metric or factor id).</param>
public sealed record ResultRow(IReadOnlyList<ResultCell> Cells, bool Emphasis = false, string? Key = null);

/// <summary>
/// A results table as format-neutral content: built once by <see cref="ResultTables"/> and drawn by every front end (terminal, Markdown,
/// HTML, web page, PDF, workbook) with the same labels, rounding and marks.
/// </summary>
/// <param name="Id">Stable id (HTML id, sheet name stem), e.g. "comparison-led-a60-9w".</param>
/// <param name="Title">Title or caption.</param>
/// <param name="Columns">Columns.</param>
/// <param name="Rows">Rows.</param>
/// <param name="Legend">What the marks mean, printed under the table; null when it uses none.</param>
public sealed record ResultTable(string Id, string Title, IReadOnlyList<ResultColumn> Columns, IReadOnlyList<ResultRow> Rows, string? Legend = null);
