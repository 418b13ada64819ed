using System.Globalization;
using Reshore.Core.Costing;
using Reshore.Core.Domain;
using Reshore.Core.Localization;
using Spectre.Console;
using Text = Reshore.Core.Localization.Text;

namespace Reshore.Cli.Output;

/// <summary>Renders an evaluation as terminal tables: per item a summary, the line-by-line comparison and the explanation.</summary>
public static class EvaluationTableRenderer
{
    private static void RenderScorecard(IAnsiConsole console, ItemEvaluation item, Core.Scorecard.ItemScorecard sc, CultureInfo c)
    {
        string T(string key, string en) => Text.Get(c, key, en);
        var title = Text.Format(c, "Cli_ScorecardTitle", "Scorecard (1–5; weights {0}{1})", T("Weighting_" + sc.WeightingMethod, sc.WeightingMethod),
            sc.ConsistencyRatio is { } cr ? $", CR {cr.ToString("0.000", c)}" : "");
        var table = new Table().Border(TableBorder.Simple).Title(Markup.Escape(title));
        table.AddColumn(T("Cli_Criterion", "Criterion"));
        table.AddColumn(new TableColumn(T("Cli_Weight", "Weight")).RightAligned());
        var ordered = sc.Options.OrderBy(o => item.Options.ToList().FindIndex(x => x.Id == o.OptionId)).ToList();
        foreach (var o in ordered) table.AddColumn(new TableColumn(Markup.Escape(o.OptionId)).RightAligned());
        foreach (var (id, name, weight) in sc.Criteria)
        {
            var cells = new List<string> { Markup.Escape(name), weight.ToString("P0", c) };
            foreach (var o in ordered)
            {
                var s = o.Scores.Single(x => x.Criterion == id);
                cells.Add(s.Score is { } v ? v.ToString("0.0", c) + (s.Source == Core.Scorecard.ScoreSource.Judged ? "ʲ" : "") : "[grey]–[/]");
            }
            table.AddRow(cells.ToArray());
        }
        table.AddRow(new[] { $"[bold]{Markup.Escape(T("Cli_WeightedTotal", "Weighted total"))}[/]", sc.Coverage.ToString("P0", c) }.Concat(ordered.Select(o => $"[bold]{o.WeightedTotal.ToString("0.00", c)} (#{o.Rank})[/]")).ToArray());
        console.Write(table);
        console.MarkupLine(Markup.Escape(T("Cli_ScorecardLegend", "– missing (judge it in scorecard.judgements; never filled in) · ʲ judged · other scores computed from the engines (see --format json for each mapping) · the weighted total uses the criteria scored for every option")));
        if (sc.Sensitivity is { } r)
            console.MarkupLine(Markup.Escape(Text.Format(c, "Cli_Sensitivity", "Ranking sensitivity: moving the weight of {0} by {1:+0.0%;−0.0%} (to {2:P1} of the weight on the scored criteria) makes {3} tie with or overtake the top option.", Text.Get(c, "Crit_" + r.Criterion, r.Criterion), r.WeightChange, r.NewWeight, r.NewTopOptionId)));
        console.MarkupLine(Markup.Escape(sc.SuitabilityExplanation));
        var open = sc.Barriers.Where(b => b.Open).Select(b => b.Name).ToList();
        if (open.Count > 0) console.MarkupLine(Markup.Escape(Text.Format(c, "Cli_OpenBarriers", "Open points (barriers not priced in the case): {0}.", string.Join(", ", open))));
        if (sc.AlternativesExplanation is { } alt) console.MarkupLine(Markup.Escape(alt));
        foreach (var w in sc.Warnings) console.MarkupLine($"[yellow]{Markup.Escape(w)}[/]");
    }

    /// <summary>Renders the evaluation.</summary>
    public static void Render(IAnsiConsole console, CaseEvaluation e, CultureInfo c)
    {
        string T(string key, string en) => Text.Get(c, key, en);
        console.Write(new Rule($"[bold]{Markup.Escape(e.CaseName)}[/]").LeftJustified());
        console.MarkupLine(Markup.Escape(Text.Format(c, "Cli_CaseHeader", "{0} · home {1} · {2} · base year {3} · horizon {4} years · discount rate {5}% · reference data {6}",
            e.Company ?? "", e.HomeCountry, e.Currency, e.BaseYear, e.HorizonYears, e.DiscountRatePct, e.ReferenceDataVersion)));
        foreach (var item in e.Items)
        {
            console.WriteLine();
            console.Write(new Rule($"[bold]{Markup.Escape(item.Name ?? item.Id)}[/] ({Markup.Escape(item.Id)}, {item.AnnualVolumeUnits.ToString("N0", c)} {T("Cli_UnitsPerYear", "units/year")})").LeftJustified());
            var summary = new Table().Border(TableBorder.Rounded);
            summary.AddColumn(T("Cli_Metric", "Metric"));
            foreach (var o in item.Options)
            {
                var mark = o.Id == item.RecommendedOptionId ? " ★" : o.Id == item.StatusQuoOptionId ? " ●" : "";
                summary.AddColumn(new TableColumn($"{Markup.Escape(o.Name ?? o.Id)}{mark}\n{o.Country} · {Markup.Escape(FactorText.Governance(o.Governance, c))}").RightAligned());
            }
            void Row(string label, Func<OptionEvaluation, string> value) =>
                summary.AddRow(new[] { Markup.Escape(label) }.Concat(item.Options.Select(o => Markup.Escape(value(o)))).ToArray());
            Row(T("Cli_TcoPerUnit", "TCO per unit (year 1)"), o => o.TcoPerUnit.ToString("N4", c));
            Row(T("Cli_TcoPerYear", "TCO per year (year 1)"), o => o.TcoPerYear.ToString("N0", c));
            foreach (var kind in Enum.GetValues<CostKind>())
                Row("  " + FactorText.Kind(kind, c), o => o.TcoPerUnitByKind[kind].ToString("N4", c));
            Row(Text.Format(c, "Cli_PvCost", "Present cost over {0} years", e.HorizonYears), o => o.PvCost.ToString("N0", c));
            Row(T("Cli_OneOff", "One-off costs"), o => o.OneOffCostsTotal.ToString("N0", c));
            Row(T("Cli_Incentives", "Incentives"), o => o.IncentivesTotal.ToString("N0", c));
            Row(T("Cli_NpvSaving", "NPV saving vs status quo"), o => o.Id == item.StatusQuoOptionId ? "—" : o.NpvSavingVsStatusQuo.ToString("N0", c));
            Row(T("Cli_Payback", "Payback (years)"), o => OptionFacts.Payback(o, o.Id == item.StatusQuoOptionId, c));
            Row(T("Cli_Co2e", "CO2e per unit, kg (transport + production)"), o => $"{OptionFacts.Co2e(o, c)} ({o.TransportCo2eKgPerUnit.ToString("N3", c)} + {OptionFacts.ProductionCo2e(o, c)})");
            Row(T("Cli_LeadTime", "Lead time, days"), o => OptionFacts.LeadTime(o, c));
            Row(T("Cli_NotAssessed", "Factors not assessed"), o => o.NotAssessed.Count.ToString(c));
            console.Write(summary);

            var lines = new Table().Border(TableBorder.Simple).Title(Text.Format(c, "Cli_LinesTitle", "Cost per unit by factor, year 1 ({0})", e.Currency));
            lines.AddColumn(T("Cli_Factor", "Factor"));
            lines.AddColumn(T("Cli_Category", "Category"));
            lines.AddColumn(T("Cli_Kind", "Kind"));
            foreach (var o in item.Options) lines.AddColumn(new TableColumn(Markup.Escape(o.Id)).RightAligned());
            var factors = item.Options.SelectMany(o => o.Lines).Select(l => (l.Factor, l.Label, l.Category, l.Kind)).DistinctBy(x => x.Factor).ToList();
            foreach (var category in Enum.GetValues<CostCategory>())
            {
                foreach (var f in factors.Where(x => x.Category == category))
                {
                    var cells = new List<string> { Markup.Escape(f.Label ?? FactorText.Name(f.Factor, c)), Markup.Escape(FactorText.Category(f.Category, c)), Markup.Escape(FactorText.Kind(f.Kind, c)) };
                    foreach (var o in item.Options)
                    {
                        var line = o.Lines.FirstOrDefault(l => l.Factor == f.Factor);
                        cells.Add(line is null ? "" : line.Status switch
                        {
                            LineStatus.Assessed => line.PerUnit.ToString("N4", c),
                            LineStatus.NotAssessed => "[grey]–[/]",
                            LineStatus.NotApplicable => "[grey]n/a[/]",
                            _ => "[grey]incl.[/]",
                        });
                    }
                    lines.AddRow(cells.ToArray());
                }
            }
            lines.AddRow(new[] { $"[bold]{Markup.Escape(T("Cli_Total", "Total"))}[/]", "", "" }.Concat(item.Options.Select(o => $"[bold]{o.TcoPerUnit.ToString("N4", c)}[/]")).ToArray());
            console.Write(lines);
            console.MarkupLine(Markup.Escape(T("Cli_Legend", "– not assessed (counted as zero) · n/a not applicable · incl. included in the unit price · ★ recommended · ● status quo")));
            console.WriteLine();
            console.Write(new Panel(Markup.Escape(item.Explanation)).Header(T("Cli_Recommendation", "Recommendation")).Border(BoxBorder.Rounded));
            if (item.Scorecard is { } sc) RenderScorecard(console, item, sc, c);
            BlockRenderers.Console(console, Reports.Document.JobsSection.Blocks(item, e.Currency.Value, c, "item-" + item.Id));
            var defaults = item.Options.SelectMany(o => o.DefaultsUsed).DistinctBy(d => d.Name).ToList();
            if (defaults.Count > 0)
            {
                console.MarkupLine(Markup.Escape(Text.Format(c, "Cli_Defaults", "{0} inputs came from reference data or model defaults (see --format json, defaultsUsed, for their sources):", defaults.Count)));
                foreach (var d in defaults.Take(12))
                    console.MarkupLine(Markup.Escape($"  {d.Name} = {d.Value.ToString("G6", c)} {d.Unit}"));
                if (defaults.Count > 12) console.MarkupLine(Markup.Escape($"  … +{defaults.Count - 12}"));
            }
        }
    }
}
