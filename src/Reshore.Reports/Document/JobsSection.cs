using System.Globalization;
using System.Text;
using Reshore.Core.Costing;
using Reshore.Core.Costing.Formulas;
using Reshore.Core.Jobs;
using Reshore.Core.Localization;

namespace Reshore.Reports.Document;

/// <summary>
/// The jobs section of an item (docs/model.md §15–16), as report blocks that the PDF, the HTML report, the web results page, the
/// terminal and Markdown all draw: FTE per option and year at home and abroad with the net change against the status quo, skills and
/// hiring, the markets each option serves, and the automation scenario on its own. Unknown values are shown as unknown, never as 0.
/// </summary>
public static class JobsSection
{
    /// <summary>The blocks of one item (a level-2 heading and its tables and notes); empty when no option has jobs.</summary>
    public static IReadOnlyList<ReportBlock> Blocks(ItemEvaluation item, string currency, CultureInfo c, string anchor)
    {
        string T(string key, string en) => Text.Get(c, key, en);
        string F(string key, string en, params object?[] args) => Text.Format(c, key, en, args);
        string Fte(double? v) => v is { } x ? x.ToString("N1", c) : T("Fact_Unknown", "unknown");
        string Signed(double? v) => v is { } x ? (Math.Abs(x) < 0.05 ? 0.0.ToString("N1", c) : x.ToString("+#,##0.0;−#,##0.0", c)) : T("Fact_Unknown", "unknown");
        string Money(double? v) => v is { } x ? x.ToString("N0", c) : "–";
        var options = item.Options.Where(o => o.Jobs is not null).ToList();
        if (options.Count == 0) return [];
        var blocks = new List<ReportBlock> { new HeadingBlock(2, T("Jobs_Title", "Jobs and skills"), anchor + "-jobs") };

        // FTE per option and year: rows home, abroad and net home change; columns the calendar years.
        var years = options[0].Jobs!.Years;
        var header = new List<string> { T("Jobs_OptionPlace", "Option · FTE") };
        header.AddRange(years.Select(y => y.CalendarYear.ToString(CultureInfo.InvariantCulture)));
        var rows = new List<TableRow>();
        foreach (var o in options)
        {
            var name = o.Name ?? o.Id;
            var statusQuo = o.Id == item.StatusQuoOptionId;
            rows.Add(new TableRow([F("Jobs_RowHome", "{0}: at home", name), .. o.Jobs!.Years.Select(y => Fte(y.FteHome))], o.Id == item.RecommendedOptionId));
            rows.Add(new TableRow([F("Jobs_RowAbroad", "{0}: abroad", name), .. o.Jobs.Years.Select(y => Fte(y.FteAbroad))]));
            if (!statusQuo)
                rows.Add(new TableRow([F("Jobs_RowNet", "{0}: net at home vs status quo", name), .. o.Jobs.Years.Select(y => Signed(y.NetFteVsStatusQuo.Home))]));
        }
        blocks.Add(new TableBlock(header, rows, [false, .. years.Select(_ => true)],
            T("Jobs_FteCaption", "Full-time equivalents per year: labour hours ÷ hours worked per FTE of each country (support staff as given); unknown where the hours or the hours per FTE are not known.")));

        // Skills and hiring at home.
        List<string> skillHeader = [T("Jobs_Measure", "Measure"), .. options.Select(o => o.Name ?? o.Id)];
        string Skills(SkillFte? s) => s is null ? T("Fact_Unknown", "unknown") : $"{s.Operators.ToString("N1", c)} / {s.Technicians.ToString("N1", c)} / {s.Engineers.ToString("N1", c)}";
        var skillRows = new List<TableRow>
        {
            new([F("Jobs_SkillsHomeYear", "Skills at home {0} (operators / technicians / engineers)", years[0].CalendarYear), .. options.Select(o => Skills(o.Jobs!.Years[0].SkillMix.Home))]),
            new([F("Jobs_SkillsHomeYear", "Skills at home {0} (operators / technicians / engineers)", years[^1].CalendarYear), .. options.Select(o => Skills(o.Jobs!.Years[^1].SkillMix.Home))]),
            new([F("Jobs_SkillsAbroadYear", "Skills abroad {0} (operators / technicians / engineers)", years[0].CalendarYear), .. options.Select(o => Skills(o.Jobs!.Years[0].SkillMix.Abroad))]),
            new([T("Jobs_Hires", "Hires at home, FTE (largest shortfall against the status quo)"), .. options.Select(o => o.Jobs!.HiresHome is { } h ? h.Total.ToString("N1", c) : T("Fact_Unknown", "unknown"))]),
            new([T("Jobs_LeadTime", "Hiring lead time, weeks"), .. options.Select(o => o.Jobs!.HiringLeadTimeWeeks is { } w ? w.ToString("N0", c) : "–")]),
            new([T("Jobs_TrainingHours", "Training need, hours"), .. options.Select(o => o.Jobs!.TrainingHours is { } t ? t.ToString("N0", c) : T("Fact_Unknown", "unknown"))]),
            new([F("Jobs_RecruitmentOneOff", "Recruitment one-offs ({0})", currency), .. options.Select(o => Money(o.Jobs!.RecruitmentOneOff))]),
            new([F("Jobs_TrainingOneOff", "Training one-offs ({0})", currency), .. options.Select(o => Money(o.Jobs!.TrainingOneOff))]),
        };
        blocks.Add(new TableBlock(skillHeader, skillRows, [false, .. options.Select(_ => true)], T("Jobs_SkillsCaption", "Skills, hiring and training at home")));
        var first = options[0].Jobs!;
        blocks.Add(new ParagraphBlock(first.LabourMarketTight switch
        {
            true => F("Jobs_MarketTight", "Labour market at home ({0}): tight — job vacancy rate {1}, at least 1.5 times the EU's.", first.HomeRegion, first.JobVacancyRatePct is { } r ? r.Value.ToString("0.0", c) + "%" : "–"),
            false => F("Jobs_MarketNotTight", "Labour market at home ({0}): not tight — job vacancy rate {1}.", first.HomeRegion, first.JobVacancyRatePct is { } r ? r.Value.ToString("0.0", c) + "%" : "–"),
            null => F("Jobs_MarketUnknown", "Labour market at home ({0}): no job vacancy rate to judge it (give jobs.jobVacancyRatePct).", first.HomeRegion),
        }, ParagraphStyle.Note));
        var notes = options.SelectMany(o => o.Jobs!.Notes.Select(n => $"{o.Name ?? o.Id}: {n}"))
            .Concat(options.Where(o => o.Jobs!.Missing.Count > 0).Select(o => F("Jobs_MissingNote", "{0}: FTE unknown — give {1}.", o.Name ?? o.Id, string.Join(", ", o.Jobs!.Missing)))).ToList();
        if (notes.Count > 0) blocks.Add(new ListBlock(notes));

        // Markets.
        if (options.Any(o => o.Markets.Count > 0))
        {
            var markets = options.First(o => o.Markets.Count > 0).Markets;
            var marketRows = options.Select(o => new TableRow([o.Name ?? o.Id, .. markets.Select(m =>
            {
                var s = o.Markets.Single(x => x.MarketId == m.MarketId);
                return $"{s.TcoPerUnit.ToString("N2", c)} · {s.ServedByOptionId} ({s.ServedFrom}, {T("Delivery_" + s.Delivery, s.Delivery.ToString())})";
            })])).ToList();
            blocks.Add(new TableBlock([T("Jobs_MarketOption", "Option"), .. markets.Select(m => $"{m.Name ?? m.MarketId} ({m.SharePct.ToString("0.#", c)}%)")], marketRows,
                [false, .. markets.Select(_ => true)], F("Jobs_MarketsCaption", "Markets: year-1 TCO per unit ({0}) and who serves each market, from where and how", currency)));
        }

        // Automation on its own.
        foreach (var o in item.Options.Where(o => o.Automation is not null))
        {
            var a = o.Automation!;
            var payback = a.Payback switch
            {
                { Years: { } y } => y.ToString("0.0", c),
                { Status: PaybackStatus.LostAgain, LossFromYear: { } l } => F("Fact_PaybackLost", "lost from year {0}", l),
                null => T("Fact_Unknown", "unknown"),
                _ => T("Fact_PaybackNone", "none in horizon"),
            };
            var autoRows = new List<TableRow>
            {
                new([T("Auto_Where", "Cells"), $"{a.Cells} × {T("Equipment_" + (a.Equipment?.ToString() ?? "Other"), a.Equipment?.ToString() ?? "other")} · {a.Step ?? o.Name ?? o.Id} ({a.Site})"]),
                new([F("Auto_Capex", "Capex ({0})", currency), a.Capex.ToString("N0", c)]),
                new([T("Auto_Payback", "Payback of the cells on their own, years"), payback]),
                new([T("Auto_SimplePayback", "Simple payback at full performance, years"), a.SimplePaybackYears is { } sp ? sp.ToString("0.0", c) : "–"]),
                new([F("Auto_Npv", "NPV of the cells on their own ({0})", currency), a.Npv is { } npv ? npv.ToString("N0", c) : T("Fact_Unknown", "unknown")]),
                new([T("Auto_Utilisation", "Capacity use in the peak year"), a.Capacity is { } cap ? F("Auto_UtilisationYear", "{0:P0} (year {1})", cap.Utilisation, cap.Year) : "–"]),
                new([T("Auto_GapClosed", "Labour-cost gap closed (study: about half)"), a.GapClosed is { } g ? g.ToString("P0", c) : "–"]),
            };
            blocks.Add(new TableBlock([F("Auto_Title", "Automation of {0}", o.Name ?? o.Id), T("Auto_Value", "Value")], autoRows, [false, true]));
            if (a.Checks.Count > 0) blocks.Add(new ListBlock(a.Checks));
        }
        return blocks;
    }

    /// <summary>The blocks as an HTML fragment (tables with class "grid", notes with class "hint"), for the web results page.</summary>
    public static string Html(IEnumerable<ReportBlock> blocks)
    {
        var sb = new StringBuilder();
        foreach (var block in blocks)
        {
            switch (block)
            {
                case HeadingBlock h:
                    sb.Append(h.Level == 1 ? "<h2" : "<h3").Append(" id=\"").Append(HtmlRenderer.Encode(h.Anchor)).Append("\">").Append(HtmlRenderer.Encode(h.Text)).Append(h.Level == 1 ? "</h2>" : "</h3>").Append('\n');
                    break;
                case ParagraphBlock p:
                    sb.Append(p.Style == ParagraphStyle.Normal ? "<p>" : "<p class=\"hint\">").Append(HtmlRenderer.Encode(p.Text)).Append("</p>\n");
                    break;
                case ListBlock l:
                    sb.Append("<ul class=\"notes\">");
                    foreach (var i in l.Items) sb.Append("<li>").Append(HtmlRenderer.Encode(i)).Append("</li>");
                    sb.Append("</ul>\n");
                    break;
                case TableBlock t:
                    sb.Append("<table class=\"grid\">");
                    if (t.Caption is not null) sb.Append("<caption>").Append(HtmlRenderer.Encode(t.Caption)).Append("</caption>");
                    sb.Append("<thead><tr>");
                    for (var k = 0; k < t.Header.Count; k++) sb.Append(Num(t, k) ? "<th class=\"num\">" : "<th>").Append(HtmlRenderer.Encode(t.Header[k])).Append("</th>");
                    sb.Append("</tr></thead><tbody>");
                    foreach (var row in t.Rows)
                    {
                        sb.Append(row.Emphasis ? "<tr class=\"em\">" : "<tr>");
                        for (var k = 0; k < row.Cells.Count; k++) sb.Append(Num(t, k) ? "<td class=\"num\">" : "<td>").Append(HtmlRenderer.Encode(row.Cells[k])).Append("</td>");
                        sb.Append("</tr>");
                    }
                    sb.Append("</tbody></table>\n");
                    break;
            }
        }
        return sb.ToString();
    }

    private static bool Num(TableBlock t, int column) => column < t.Numeric.Count && t.Numeric[column];
}
