using System.Globalization;
using Reshore.Core.Costing;
using Reshore.Core.Decision;
using Reshore.Core.Domain;
using Reshore.Core.Localization;
using Reshore.Core.Scorecard;

namespace Reshore.Reports.Tables;

/// <summary>
/// The one definition of each results table: the option comparison, the cost lines, the scorecard, the views side by side and the flips.
/// Every front end draws these (CLI, Markdown, HTML and PDF report, web page, results workbook); adding a metric touches only this builder.
/// </summary>
public static class ResultTables
{
    /// <summary>Mark of the recommended option (the decision's verdict).</summary>
    public const string VerdictMark = "★";
    /// <summary>Mark of the status quo.</summary>
    public const string StatusQuoMark = "●";
    /// <summary>Mark of a score judged by the user.</summary>
    public const string JudgedMark = "(j)";
    /// <summary>A value that does not apply to this column (the status quo's saving, for example).</summary>
    public const string Dash = "—";
    /// <summary>A line not assessed or a score missing.</summary>
    public const string Missing = "–";

    private static ResultCell Num(double v, string format, CultureInfo c) => new(v.ToString(format, c), v, format);

    private static ResultCell Text(string s) => new(s);

    private static ResultCell Mark(string s, string? title = null) => new(s, Muted: true, Title: title);

    /// <summary>The header of an option column: its name with the verdict and status-quo marks.</summary>
    public static string OptionHeader(ItemEvaluation item, OptionEvaluation o) =>
        (o.Name ?? o.Id) + (o.Id == item.VerdictOptionId ? " " + VerdictMark : "") + (o.Id == item.StatusQuoOptionId ? " " + StatusQuoMark : "");

    private static List<ResultColumn> OptionColumns(ItemEvaluation item, string first, params string[] more) =>
    [
        new(first, false), .. more.Select(m => new ResultColumn(m, false)),
        .. item.Options.Select(o => new ResultColumn(OptionHeader(item, o), true, o.Id)),
    ];

    /// <summary>The option comparison: one column per option, one row per metric (year 1 and over the horizon).</summary>
    public static ResultTable Comparison(CaseEvaluation e, ItemEvaluation item, CultureInfo c)
    {
        string T(string key, string en) => Core.Localization.Text.Get(c, key, en);
        string F(string key, string en, params object?[] args) => Core.Localization.Text.Format(c, key, en, args);
        var cur = e.Currency.Value;
        var rows = new List<ResultRow>();
        bool Sq(OptionEvaluation o) => o.Id == item.StatusQuoOptionId;
        void Row(string key, string label, Func<OptionEvaluation, ResultCell> cell, bool emphasis = false) =>
            rows.Add(new ResultRow([Text(label), .. item.Options.Select(cell)], emphasis, key));
        Row("country", T("Report_Country", "Country"), o => Text(CountryText.Name(o.Country.Value, c)));
        Row("governance", T("Cli_Governance", "Governance"), o => Text(GovernanceText(o, c)));
        Row("tcoPerUnit", F("Report_TcoPerUnit", "TCO per unit, year 1 ({0})", cur), o => Num(o.TcoPerUnit, "N4", c));
        foreach (var kind in Enum.GetValues<CostKind>())
            Row("tcoPerUnit." + kind, "  " + FactorText.Kind(kind, c), o => Num(o.TcoPerUnitByKind[kind], "N4", c));
        Row("tcoPerYear", F("Report_TcoPerYear", "TCO per year, year 1 ({0})", cur), o => Num(o.TcoPerYear, "N0", c));
        Row("pvCost", F("Report_PvCost", "Present cost over {0} years ({1})", e.HorizonYears, cur), o => Num(o.PvCost, "N0", c), true);
        Row("npvSaving", F("Table_NpvSaving", "Saving against the status quo, present value ({0})", cur), o => Sq(o) ? Mark(Dash) : Num(o.NpvSavingVsStatusQuo, "N0", c), true);
        Row("oneOff", F("Report_OneOff", "One-off costs ({0})", cur), o => Num(o.OneOffCostsTotal, "N0", c));
        Row("incentives", F("Report_Incentives", "Incentives ({0})", cur), o => Num(o.IncentivesTotal, "N0", c));
        Row("payback", T("Cli_Payback", "Payback (years)"), o => Sq(o) ? Mark(Dash) : o.PaybackYears is { } p ? Num(p, "0.0", c) : Mark(OptionFacts.Payback(o, false, c)));
        Row("irr", T("Table_Irr", "Internal rate of return of switching"), o => Sq(o) ? Mark(Dash) : o.IrrPct is { } r ? new ResultCell((r / 100).ToString("P1", c), r / 100, "P1") : Mark(T("Table_None", "none")));
        Row("co2e", T("Cli_Co2e", "CO2e per unit, kg (transport + production)"),
            o => new ResultCell($"{OptionFacts.Co2e(o, c)} ({o.TransportCo2eKgPerUnit.ToString("N3", c)} + {OptionFacts.ProductionCo2e(o, c)})", o.Co2eComplete ? o.Co2eKgPerUnit : null, "N3"));
        Row("leadTime", T("Report_LeadTime", "Lead time (days)"), o => o.LeadTimeKnown ? Num(o.LeadTimeDays, "N0", c) : Mark(OptionFacts.LeadTime(o, c)));
        Row("notAssessed", T("Table_NotAssessed", "Cost factors not assessed"), o => Num(o.NotAssessed.Count, "N0", c));
        Row("coverage", T("Table_Coverage", "Applicable cost factors assessed"), o => new ResultCell(
            Core.Localization.Text.Format(c, "Table_CoverageCell", "{0} of {1}", o.Coverage.Assessed + o.Coverage.Partial, o.Coverage.Applicable), o.Coverage.Share, "P0"));
        return new ResultTable("comparison-" + item.Id, T("Report_Comparison", "Option comparison"), OptionColumns(item, T("Cli_Metric", "Metric")), rows,
            T("Table_Legend", "★ recommended · ● status quo · — does not apply"));
    }

    /// <summary>Every cost line of year 1 per unit, by category, with the status marks and the total.</summary>
    public static ResultTable CostLines(CaseEvaluation e, ItemEvaluation item, CultureInfo c)
    {
        string T(string key, string en) => Core.Localization.Text.Get(c, key, en);
        var factors = item.Options.SelectMany(o => o.Lines).Select(l => (l.Factor, l.Label, l.Category, l.Kind)).DistinctBy(x => x.Factor)
            .OrderBy(x => x.Category).ToList();
        var rows = factors.Select(f => new ResultRow(
        [
            Text(f.Label ?? FactorText.Name(f.Factor, c)), Text(FactorText.Category(f.Category, c)), Text(FactorText.Kind(f.Kind, c)),
            .. item.Options.Select(o => o.Lines.FirstOrDefault(l => l.Factor == f.Factor) is not { } line ? Text("") : line.Status switch
            {
                LineStatus.Assessed => Num(line.PerUnit, "N4", c),
                LineStatus.NotAssessed => Mark(Missing, line.Note),
                LineStatus.NotApplicable => Mark(T("Table_NotApplicable", "n/a"), line.Note),
                _ => Mark(T("Table_Included", "incl.")),
            }),
        ], Key: f.Factor)).ToList();
        rows.Add(new ResultRow([Text(T("Chart_TotalBar", "Total")), Text(""), Text(""), .. item.Options.Select(o => Num(o.TcoPerUnit, "N4", c))], true, "total"));
        return new ResultTable("lines-" + item.Id, Core.Localization.Text.Format(c, "Cli_LinesTitle", "Cost per unit by factor, year 1 ({0})", e.Currency.Value),
            OptionColumns(item, T("Cli_Factor", "Factor"), T("Cli_Category", "Category"), T("Cli_Kind", "Kind")), rows,
            T("Cli_Legend", "– not assessed (counted as zero) · n/a not applicable · incl. included in the unit price · ★ recommended · ● status quo"));
    }

    /// <summary>The scorecard: criteria with weights, a score per option (computed, judged or missing) and the weighted total with the rank.</summary>
    public static ResultTable Scorecard(ItemEvaluation item, ItemScorecard sc, CultureInfo c)
    {
        string T(string key, string en) => Core.Localization.Text.Get(c, key, en);
        var rows = sc.Criteria.Select(cr => new ResultRow(
        [
            Text(cr.Name), Num(cr.Weight, "P0", c),
            .. item.Options.Select(o =>
            {
                var s = sc.Options.Single(x => x.OptionId == o.Id).Scores.Single(x => x.Criterion == cr.Id);
                return s.Score is { } v
                    ? new ResultCell(v.ToString("0.0", c) + (s.Source == ScoreSource.Judged ? " " + JudgedMark : ""), v, "0.0", Title: s.Explanation)
                    : Mark(Missing, s.Explanation);
            }),
        ], Key: cr.Id)).ToList();
        rows.Add(new ResultRow(
        [
            Text(T("Web_WeightedTotal", "Weighted total (rank)")), Num(sc.Coverage, "P0", c),
            .. item.Options.Select(o => sc.Options.Single(x => x.OptionId == o.Id) is var s ? new ResultCell($"{s.WeightedTotal.ToString("0.00", c)} (#{s.Rank})", s.WeightedTotal, "0.00") : Text("")),
        ], true, "total"));
        var method = T("Weighting_" + sc.WeightingMethod, sc.WeightingMethod);
        var title = Core.Localization.Text.Format(c, "Table_ScorecardTitle", "Scorecard (scores 1–5; weights {0}{1})", method,
            sc.ConsistencyRatio is { } cr2 ? ", CR " + cr2.ToString("0.000", c) : "");
        return new ResultTable("scorecard-table-" + item.Id, title, OptionColumns(item, T("Cli_Criterion", "Criterion"), T("Cli_Weight", "Weight")), rows,
            T("Table_ScorecardLegend", "Scores 1 (poor) to 5 (good) · (j) judged by the user · – missing (not scored, never filled in) · the weighted total uses the criteria scored for every option; the weight column's total is their share"));
    }

    /// <summary>The views side by side: each view's answer, what it measures, whether it agrees with the verdict and which one the verdict rests on.</summary>
    public static ResultTable Views(ItemEvaluation item, DecisionSummary d, CultureInfo c)
    {
        string T(string key, string en) => Core.Localization.Text.Get(c, key, en);
        var rows = d.Views.Select(v => new ResultRow(
        [
            Text(Capital(DecisionAnalyzer.ViewName(v.View, c))), Text(v.Answer), Text(v.Measure),
            Text(v.IsBasis ? T("Table_Basis", "basis of the verdict") : v.Agrees ? T("Table_Agrees", "agrees") : T("Table_Disagrees", "differs")),
        ], v.IsBasis, DecisionAnalyzer.Code(v.View))).ToList();
        return new ResultTable("views-" + item.Id, T("Table_ViewsTitle", "The views side by side"),
            [new(T("Table_View", "View"), false), new(T("Table_Answer", "Answer"), false), new(T("Table_Measure", "Measure"), false), new(T("Table_Verdict", "Against the verdict"), false)], rows);
    }

    /// <summary>What would flip the cost comparison: per top driver or main input its value now, the value at which another option becomes cheapest, and which.</summary>
    public static ResultTable Flips(ItemEvaluation item, DecisionSummary d, CultureInfo c)
    {
        string T(string key, string en) => Core.Localization.Text.Get(c, key, en);
        string V(double v, string unit) => v.ToString(Math.Abs(v) >= 100 ? "N0" : "0.####", c) + (unit.Length == 0 ? "" : unit == "%" ? " %" : " " + unit);
        var rows = d.Flips.Select(f => new ResultRow(
        [
            Text(Capital(f.Label)), new ResultCell(V(f.Current, f.Unit), f.Current, Math.Abs(f.Current) >= 100 ? "N0" : "0.####"),
            new ResultCell(V(f.FlipsAt, f.Unit), f.FlipsAt, Math.Abs(f.FlipsAt) >= 100 ? "N0" : "0.####"),
            new ResultCell(((f.FlipsAt - f.Current) / Math.Max(1e-12, Math.Abs(f.Current))).ToString("+0%;−0%;0%", c), (f.FlipsAt - f.Current) / Math.Max(1e-12, Math.Abs(f.Current)), "P0"),
            Text(f.OptionName),
            f.Probability is { } p ? Num(p, "P0", c) : Mark(Dash),
        ], Key: f.Input)).ToList();
        return new ResultTable("flips-" + item.Id, T("Table_FlipsTitle", "What would flip the cost comparison"),
            [new(T("Table_Input", "Driver or input"), false), new(T("Table_Now", "Now"), true), new(T("Table_FlipsAt", "Flips at"), true), new(T("Table_Change", "Change"), true),
             new(T("Table_Then", "Then cheapest"), false), new(T("Table_Chance", "Chance (distribution)"), true)], rows,
            T("Table_FlipsLegend", "Drivers: their present-value advantage; inputs: case values moved with the break-even engine, the others held. Chance: how much of an uncertain input's distribution lies beyond the flip."));
    }

    /// <summary>The governance model in words, saying nearshoring where the option is near home rather than at home.</summary>
    public static string GovernanceText(OptionEvaluation o, CultureInfo c) =>
        o.LocationClass == LocationClass.Nearshore && o.Governance is GovernanceModel.InHouseReshoring or GovernanceModel.ReshoringForInsourcing
            or GovernanceModel.ReshoringForOutsourcing or GovernanceModel.OutsourcedReshoring
            ? Core.Localization.Text.Get(c, "GovernanceNear_" + o.Governance, o.Governance switch
            {
                GovernanceModel.InHouseReshoring => "in-house nearshoring",
                GovernanceModel.ReshoringForInsourcing => "nearshoring for insourcing",
                GovernanceModel.ReshoringForOutsourcing => "nearshoring for outsourcing",
                _ => "outsourced nearshoring",
            })
            : FactorText.Governance(o.Governance, c);

    private static string Capital(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
