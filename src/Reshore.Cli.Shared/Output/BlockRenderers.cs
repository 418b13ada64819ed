using System.Text;
using Reshore.Reports.Document;
using Spectre.Console;

namespace Reshore.Cli.Output;

/// <summary>
/// Draws report blocks (the jobs section, <see cref="JobsSection"/>) in the terminal and as Markdown, so the CLI says what the PDF and
/// the web page say.
/// </summary>
public static class BlockRenderers
{
    /// <summary>Terminal: headings as rules, tables as tables, notes and lists as lines.</summary>
    public static void Console(IAnsiConsole console, IEnumerable<ReportBlock> blocks)
    {
        foreach (var block in blocks)
        {
            switch (block)
            {
                case HeadingBlock h:
                    console.WriteLine();
                    console.Write(new Rule($"[bold]{Markup.Escape(h.Text)}[/]").LeftJustified());
                    break;
                case ParagraphBlock p:
                    console.MarkupLine(p.Style == ParagraphStyle.Note ? $"[grey]{Markup.Escape(p.Text)}[/]" : Markup.Escape(p.Text));
                    break;
                case ListBlock l:
                    foreach (var i in l.Items) console.MarkupLine(Markup.Escape("  · " + i));
                    break;
                case TableBlock t:
                    var table = new Table().Border(TableBorder.Simple);
                    if (t.Caption is not null) table.Title(Markup.Escape(t.Caption));
                    for (var k = 0; k < t.Header.Count; k++)
                    {
                        var column = new TableColumn(Markup.Escape(t.Header[k]));
                        table.AddColumn(k < t.Numeric.Count && t.Numeric[k] ? column.RightAligned() : column);
                    }
                    foreach (var row in t.Rows)
                        table.AddRow(row.Cells.Select(cell => row.Emphasis ? $"[bold]{Markup.Escape(cell)}[/]" : Markup.Escape(cell)).ToArray());
                    console.Write(table);
                    break;
            }
        }
    }

    /// <summary>Markdown: headings as ###, tables as pipe tables, notes as paragraphs, lists as bullets.</summary>
    public static void Markdown(StringBuilder sb, IEnumerable<ReportBlock> blocks)
    {
        static string Esc(string s) => s.Replace("|", "\\|", StringComparison.Ordinal);
        foreach (var block in blocks)
        {
            switch (block)
            {
                case HeadingBlock h:
                    sb.AppendLine($"### {Esc(h.Text)}").AppendLine();
                    break;
                case ParagraphBlock p:
                    sb.AppendLine(p.Style == ParagraphStyle.Note ? $"*{Esc(p.Text)}*" : Esc(p.Text)).AppendLine();
                    break;
                case ListBlock l:
                    foreach (var i in l.Items) sb.AppendLine("- " + Esc(i));
                    sb.AppendLine();
                    break;
                case TableBlock t:
                    if (t.Caption is not null) sb.AppendLine($"**{Esc(t.Caption)}**").AppendLine();
                    sb.Append("| ").Append(string.Join(" | ", t.Header.Select(Esc))).AppendLine(" |");
                    sb.Append('|').Append(string.Concat(t.Header.Select((_, k) => k < t.Numeric.Count && t.Numeric[k] ? "---:|" : "---|"))).AppendLine();
                    foreach (var row in t.Rows)
                        sb.Append("| ").Append(string.Join(" | ", row.Cells.Select(cell => row.Emphasis ? $"**{Esc(cell)}**" : Esc(cell)))).AppendLine(" |");
                    sb.AppendLine();
                    break;
            }
        }
    }
}
