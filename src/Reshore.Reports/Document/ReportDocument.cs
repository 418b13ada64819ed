using Reshore.Reports.Charting;

namespace Reshore.Reports.Document;

/// <summary>
/// The report's content, independent of its format: the HTML and the PDF renderers draw the same blocks, so both formats say the same.
/// </summary>
/// <param name="Title">Title (the case name).</param>
/// <param name="Subtitle">Company, home country, reference data.</param>
/// <param name="Language">Culture name, e.g. "en" or "nl-BE".</param>
/// <param name="Blocks">Content in reading order.</param>
public sealed record ReportDocument(string Title, string Subtitle, string Language, IReadOnlyList<ReportBlock> Blocks);

/// <summary>A piece of report content.</summary>
public abstract record ReportBlock;

/// <summary>A heading; level 1 starts a section (a new page in print for items), 2 a subsection.</summary>
/// <param name="Level">1 or 2.</param>
/// <param name="Text">Text.</param>
/// <param name="Anchor">HTML id.</param>
public sealed record HeadingBlock(int Level, string Text, string Anchor) : ReportBlock;

/// <summary>How a paragraph looks.</summary>
public enum ParagraphStyle
{
    /// <summary>Body text.</summary>
    Normal,
    /// <summary>Boxed key message (recommendation).</summary>
    Callout,
    /// <summary>Small grey note (warnings, legends).</summary>
    Note,
}

/// <summary>A paragraph of plain text.</summary>
/// <param name="Text">Text.</param>
/// <param name="Style">Style.</param>
public sealed record ParagraphBlock(string Text, ParagraphStyle Style = ParagraphStyle.Normal) : ReportBlock;

/// <summary>A bulleted list.</summary>
/// <param name="Items">Items.</param>
/// <param name="Title">A bold line above it, or null.</param>
public sealed record ListBlock(IReadOnlyList<string> Items, string? Title = null) : ReportBlock;

/// <summary>A table row.</summary>
/// <param name="Cells">Cells, one per header.</param>
/// <param name="Emphasis">Bold (totals, the recommended option).</param>
public sealed record TableRow(IReadOnlyList<string> Cells, bool Emphasis = false);

/// <summary>A table whose first column is text and whose other columns are right-aligned when <paramref name="Numeric"/> says so.</summary>
/// <param name="Header">Column headers.</param>
/// <param name="Rows">Rows.</param>
/// <param name="Numeric">Per column: right-align.</param>
/// <param name="Caption">Caption above the table, or null.</param>
/// <param name="Legend">What the table's marks mean, printed under it; null when it uses none.</param>
/// <param name="Id">HTML id, or null.</param>
public sealed record TableBlock(IReadOnlyList<string> Header, IReadOnlyList<TableRow> Rows, IReadOnlyList<bool> Numeric, string? Caption = null, string? Legend = null,
    string? Id = null) : ReportBlock
{
    /// <summary>A shared results table as a report table (its title as caption, its legend under it).</summary>
    public static TableBlock From(Tables.ResultTable t) => new(
        t.Columns.Select(c => c.Header).ToList(), t.Rows.Select(r => new TableRow(r.Cells.Select(c => c.Text).ToList(), r.Emphasis)).ToList(),
        t.Columns.Select(c => c.Numeric).ToList(), t.Title, t.Legend, t.Id);
}

/// <summary>The decision summary of an item, drawn as a card (verdict, confidence, basis, headline numbers).</summary>
/// <param name="Card">The card.</param>
public sealed record VerdictBlock(Tables.VerdictCard Card) : ReportBlock;

/// <summary>Starts a new page in print (after the executive page).</summary>
public sealed record PageBreakBlock : ReportBlock;

/// <summary>A chart, drawn as vector graphics in both formats.</summary>
/// <param name="Chart">Chart.</param>
/// <param name="Caption">Caption under it (how to read it), or null.</param>
/// <param name="Height">Logical height in chart pixels (the width is <see cref="Charts.DefaultWidth"/>).</param>
public sealed record ChartBlock(ReportChart Chart, string? Caption = null, int Height = Charts.DefaultHeight) : ReportBlock;
