using System.Text;

namespace Reshore.Reports.Tables;

/// <summary>Draws results tables and the verdict card as Markdown.</summary>
public static class MarkdownTables
{
    /// <summary>Escapes the characters that break a Markdown table cell.</summary>
    public static string Escape(string s) => s.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);

    /// <summary>Appends <paramref name="t"/> with its title (bold) and legend.</summary>
    public static void Append(StringBuilder sb, ResultTable t)
    {
        sb.AppendLine($"**{Escape(t.Title)}**").AppendLine();
        sb.Append('|').AppendJoin('|', t.Columns.Select(c => " " + Escape(c.Header) + " ")).AppendLine("|");
        sb.Append('|').AppendJoin('|', t.Columns.Select(c => c.Numeric ? "---:" : "---")).AppendLine("|");
        foreach (var row in t.Rows)
            sb.Append('|').AppendJoin('|', row.Cells.Select(c => " " + (row.Emphasis && c.Text.Length > 0 ? $"**{Escape(c.Text)}**" : Escape(c.Text)) + " ")).AppendLine("|");
        sb.AppendLine();
        if (t.Legend is not null) sb.AppendLine("_" + Escape(t.Legend) + "_").AppendLine();
    }

    /// <summary>Appends the verdict card.</summary>
    public static void Append(StringBuilder sb, VerdictCard card)
    {
        sb.AppendLine($"> **{Escape(card.Heading)}: {Escape(card.Verdict)}** · **{Escape(card.Confidence)}**").AppendLine(">");
        foreach (var r in card.ConfidenceReasons) sb.AppendLine($"> - {Escape(r)}");
        sb.AppendLine(">").AppendLine($"> {Escape(card.Basis)}").AppendLine();
        if (card.Figures.Count > 0)
            sb.AppendLine(string.Join(" · ", card.Figures.Select(f => $"{Escape(f.Label)}: **{Escape(f.Value)}**"))).AppendLine();
        if (card.Flips.Rows.Count > 0) Append(sb, card.Flips);
        else sb.AppendLine($"**{Escape(card.Labels.Flips)}**: {Escape(card.Labels.NoFlip)}").AppendLine();
        Append(sb, card.Views);
        List(sb, card.Labels.Reconciliation, card.Reconciliation);
        List(sb, card.Labels.Risks, card.Risks);
        List(sb, card.Labels.OpenPoints, card.OpenPoints);
    }

    private static void List(StringBuilder sb, string title, IReadOnlyList<string> items)
    {
        if (items.Count == 0) return;
        sb.AppendLine($"**{Escape(title)}**").AppendLine();
        foreach (var i in items) sb.AppendLine("- " + Escape(i));
        sb.AppendLine();
    }
}
