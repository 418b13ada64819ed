using System.Text;

namespace Reshore.Reports.Document;

/// <summary>Renders a <see cref="ReportDocument"/> as one self-contained HTML file: inline CSS (screen and print) and inline SVG charts, no scripts or external files.</summary>
public static class HtmlRenderer
{
    private const string Css = """
        :root { --ink: #1d2733; --muted: #5b6875; --line: #d5dbe1; --accent: #1f5f8b; --callout: #eef5fb; }
        * { box-sizing: border-box; }
        body { font-family: "DejaVu Sans", "Segoe UI", Helvetica, Arial, sans-serif; color: var(--ink); margin: 0; background: #f4f6f8; line-height: 1.45; font-size: 15px; }
        main { max-width: 1000px; margin: 0 auto; padding: 32px 40px 48px; background: #fff; }
        header { border-bottom: 3px solid var(--accent); margin-bottom: 24px; padding-bottom: 12px; }
        h1.title { font-size: 28px; margin: 0 0 6px; }
        .subtitle { color: var(--muted); margin: 0; }
        nav ol { columns: 2; margin: 12px 0 0; padding-left: 20px; color: var(--muted); }
        nav a { color: var(--accent); text-decoration: none; }
        h2 { font-size: 22px; color: var(--accent); border-bottom: 1px solid var(--line); padding-bottom: 4px; margin-top: 40px; }
        h3 { font-size: 17px; margin-top: 28px; }
        p.callout { background: var(--callout); border-left: 4px solid var(--accent); padding: 10px 14px; }
        p.note { color: var(--muted); font-size: 13px; }
        table { border-collapse: collapse; width: 100%; margin: 12px 0 16px; font-size: 13px; }
        caption { caption-side: top; text-align: left; color: var(--muted); font-size: 12px; padding-bottom: 4px; }
        th, td { border-bottom: 1px solid var(--line); padding: 5px 8px; vertical-align: top; text-align: left; }
        th { background: #f0f3f6; font-weight: 600; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        tr.em td { font-weight: 700; }
        p.legend { color: var(--muted); font-size: 12px; margin-top: -10px; }
        td.muted { color: var(--muted); }
        section.verdict { border: 2px solid var(--accent); border-radius: 6px; padding: 12px 18px; margin: 16px 0; background: var(--callout); }
        section.verdict .verdict-line { font-size: 20px; margin: 0 0 4px; }
        section.verdict .confidence { font-weight: 700; margin: 0; }
        section.confidence-robust .confidence { color: #27864a; }
        section.confidence-fragile .confidence { color: #c0392b; }
        section.confidence-depends-on-estimates .confidence { color: #a66300; }
        dl.figures { display: flex; gap: 24px; margin: 8px 0; }
        dl.figures dt { color: var(--muted); font-size: 12px; }
        dl.figures dd { margin: 0; font-size: 18px; font-weight: 700; }
        figure { margin: 16px 0 24px; }
        figure svg { display: block; width: 100%; height: auto; }
        figcaption { color: var(--muted); font-size: 13px; margin-top: 4px; }
        @page { size: A4; margin: 16mm 14mm; }
        @media print {
          body { background: #fff; font-size: 10.5pt; }
          main { max-width: none; padding: 0; }
          nav { display: none; }
          h2.item { break-before: page; }
          div.page-break { break-after: page; }
          h2, h3 { break-after: avoid; }
          figure, table, p.callout { break-inside: avoid; }
          a { color: inherit; }
        }
        """;

    /// <summary>The HTML text.</summary>
    public static string Render(ReportDocument document)
    {
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"").Append(Encode(document.Language)).Append("\">\n<head>\n<meta charset=\"utf-8\">\n");
        sb.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"generator\" content=\"Reshore\">\n");
        sb.Append("<title>").Append(Encode(document.Title)).Append("</title>\n<style>\n").Append(Css).Append("\n</style>\n</head>\n<body>\n<main>\n<header>\n");
        sb.Append("<h1 class=\"title\">").Append(Encode(document.Title)).Append("</h1>\n");
        sb.Append("<p class=\"subtitle\">").Append(Encode(document.Subtitle)).Append("</p>\n<nav><ol>\n");
        foreach (var h in document.Blocks.OfType<HeadingBlock>().Where(h => h.Level == 1))
            sb.Append("<li><a href=\"#").Append(Encode(h.Anchor)).Append("\">").Append(Encode(h.Text)).Append("</a></li>\n");
        sb.Append("</ol></nav>\n</header>\n");
        foreach (var block in document.Blocks)
        {
            switch (block)
            {
                case HeadingBlock h:
                    var tag = h.Level == 1 ? "h2" : "h3";
                    sb.Append('<').Append(tag).Append(" id=\"").Append(Encode(h.Anchor)).Append('"').Append(h.Level == 1 && h.Anchor.StartsWith("item-", StringComparison.Ordinal) ? " class=\"item\"" : "")
                        .Append('>').Append(Encode(h.Text)).Append("</").Append(tag).Append(">\n");
                    break;
                case ParagraphBlock p:
                    sb.Append(p.Style switch { ParagraphStyle.Callout => "<p class=\"callout\">", ParagraphStyle.Note => "<p class=\"note\">", _ => "<p>" })
                        .Append(Encode(p.Text)).Append("</p>\n");
                    break;
                case ListBlock l:
                    if (l.Title is not null) sb.Append("<p><strong>").Append(Encode(l.Title)).Append("</strong></p>\n");
                    sb.Append("<ul>\n");
                    foreach (var i in l.Items) sb.Append("<li>").Append(Encode(i)).Append("</li>\n");
                    sb.Append("</ul>\n");
                    break;
                case TableBlock t:
                    sb.Append(Tables.HtmlTables.Table(t));
                    break;
                case VerdictBlock v:
                    sb.Append(Tables.HtmlTables.Card(v.Card, compact: true));
                    break;
                case PageBreakBlock:
                    sb.Append("<div class=\"page-break\"></div>\n");
                    break;
                case ChartBlock ch:
                    sb.Append("<figure id=\"").Append(Encode(ch.Chart.Id)).Append("\" aria-label=\"").Append(Encode(ch.Chart.Title)).Append("\">\n");
                    sb.Append(ch.Chart.Svg(height: ch.Height)).Append('\n');
                    if (ch.Caption is not null) sb.Append("<figcaption>").Append(Encode(ch.Caption)).Append("</figcaption>\n");
                    sb.Append("</figure>\n");
                    break;
            }
        }
        sb.Append("</main>\n</body>\n</html>\n");
        return sb.ToString();
    }

    /// <summary>Escapes the five HTML-special characters; other characters stay as they are (the file is UTF-8).</summary>
    public static string Encode(string text)
    {
        var sb = new StringBuilder(text.Length + 16);
        foreach (var ch in text)
            sb.Append(ch switch { '&' => "&amp;", '<' => "&lt;", '>' => "&gt;", '"' => "&quot;", '\'' => "&#39;", _ => ch.ToString() });
        return sb.ToString();
    }
}
