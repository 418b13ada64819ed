using System.Text;
using Reshore.Reports.Document;

namespace Reshore.Reports.Tables;

/// <summary>Draws results tables and the verdict card as HTML: the HTML report and the web pages use these, so both show the same table.</summary>
public static class HtmlTables
{
    private static string E(string s) => HtmlRenderer.Encode(s);

    /// <summary>A shared results table with its title (caption) and legend.</summary>
    public static string Table(ResultTable t, string cssClass = "grid")
    {
        var sb = new StringBuilder();
        sb.Append("<table class=\"").Append(E(cssClass)).Append("\" id=\"").Append(E(t.Id)).Append("\">\n<caption>").Append(E(t.Title)).Append("</caption>\n<thead><tr>");
        foreach (var c in t.Columns)
            sb.Append(c.Numeric ? "<th class=\"num\"" : "<th").Append(c.Key is null ? "" : $" data-key=\"{E(c.Key)}\"").Append('>').Append(E(c.Header)).Append("</th>");
        sb.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in t.Rows)
        {
            sb.Append(row.Emphasis ? "<tr class=\"em\"" : "<tr").Append(row.Key is null ? "" : $" data-key=\"{E(row.Key)}\"").Append('>');
            for (var k = 0; k < row.Cells.Count; k++)
            {
                var cell = row.Cells[k];
                var classes = (k < t.Columns.Count && t.Columns[k].Numeric ? "num" : "") + (cell.Muted ? " muted" : "");
                sb.Append("<td").Append(classes.Trim().Length > 0 ? $" class=\"{classes.Trim()}\"" : "").Append(cell.Title is null ? "" : $" title=\"{E(cell.Title)}\"")
                    .Append('>').Append(E(cell.Text)).Append("</td>");
            }
            sb.Append("</tr>\n");
        }
        sb.Append("</tbody>\n</table>\n");
        if (t.Legend is not null) sb.Append("<p class=\"legend\">").Append(E(t.Legend)).Append("</p>\n");
        return sb.ToString();
    }

    /// <summary>A report table (free-form rows).</summary>
    public static string Table(TableBlock t)
    {
        var sb = new StringBuilder();
        sb.Append("<table").Append(t.Id is null ? "" : $" id=\"{E(t.Id)}\"").Append(">\n");
        if (t.Caption is not null) sb.Append("<caption>").Append(E(t.Caption)).Append("</caption>\n");
        sb.Append("<thead><tr>");
        for (var k = 0; k < t.Header.Count; k++) sb.Append(Numeric(t, k) ? "<th class=\"num\">" : "<th>").Append(E(t.Header[k])).Append("</th>");
        sb.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in t.Rows)
        {
            sb.Append(row.Emphasis ? "<tr class=\"em\">" : "<tr>");
            for (var k = 0; k < row.Cells.Count; k++) sb.Append(Numeric(t, k) ? "<td class=\"num\">" : "<td>").Append(E(row.Cells[k])).Append("</td>");
            sb.Append("</tr>\n");
        }
        sb.Append("</tbody>\n</table>\n");
        if (t.Legend is not null) sb.Append("<p class=\"legend\">").Append(E(t.Legend)).Append("</p>\n");
        return sb.ToString();
    }

    private static bool Numeric(TableBlock t, int column) => column < t.Numeric.Count && t.Numeric[column];

    /// <summary>
    /// The verdict card: verdict, confidence (class confidence-{code}), reasons, basis and headline numbers; then, unless
    /// <paramref name="compact"/>, what would flip it, the views side by side, why they differ, main risks and open points.
    /// <paramref name="chartSvg"/> (present cost by option) goes beside the numbers.
    /// </summary>
    public static string Card(VerdictCard card, string? chartSvg = null, bool compact = false)
    {
        var sb = new StringBuilder();
        sb.Append("<section class=\"verdict confidence-").Append(E(card.ConfidenceCode)).Append("\" id=\"verdict-").Append(E(card.ItemId)).Append("\">\n");
        sb.Append("<p class=\"verdict-line\"><span class=\"label\">").Append(E(card.Heading)).Append(":</span> <strong class=\"verdict-option\">").Append(E(card.Verdict)).Append("</strong></p>\n");
        sb.Append("<p class=\"confidence\" data-confidence=\"").Append(E(card.ConfidenceCode)).Append("\">").Append(E(card.Confidence)).Append("</p>\n<ul class=\"reasons\">\n");
        foreach (var r in card.ConfidenceReasons) sb.Append("<li>").Append(E(r)).Append("</li>\n");
        sb.Append("</ul>\n<p class=\"basis\">").Append(E(card.Basis)).Append("</p>\n");
        if (card.Figures.Count > 0)
        {
            sb.Append("<dl class=\"figures\">\n");
            foreach (var (label, value) in card.Figures) sb.Append("<div><dt>").Append(E(label)).Append("</dt><dd>").Append(E(value)).Append("</dd></div>\n");
            sb.Append("</dl>\n");
        }
        if (chartSvg is not null) sb.Append("<figure class=\"verdict-chart\">").Append(chartSvg).Append("</figure>\n");
        if (!compact)
        {
            sb.Append(card.Flips.Rows.Count > 0 ? Table(card.Flips) : $"<h4>{E(card.Labels.Flips)}</h4>\n<p class=\"no-flip\">{E(card.Labels.NoFlip)}</p>\n");
            sb.Append(Table(card.Views));
            List(sb, card.Labels.Reconciliation, card.Reconciliation, "reconciliation");
            List(sb, card.Labels.Risks, card.Risks, "risks");
            List(sb, card.Labels.OpenPoints, card.OpenPoints, "open-points");
        }
        sb.Append("</section>\n");
        return sb.ToString();
    }

    private static void List(StringBuilder sb, string title, IReadOnlyList<string> items, string cssClass)
    {
        if (items.Count == 0) return;
        sb.Append("<h4>").Append(E(title)).Append("</h4>\n<ul class=\"").Append(cssClass).Append("\">\n");
        foreach (var i in items) sb.Append("<li>").Append(E(i)).Append("</li>\n");
        sb.Append("</ul>\n");
    }
}
