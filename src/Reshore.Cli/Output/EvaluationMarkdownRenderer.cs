using System.Globalization;
using System.Text;
using Reshore.Core.Costing;
using Reshore.Core.Domain;
using Reshore.Core.Localization;

namespace Reshore.Cli.Output;

/// <summary>Renders an evaluation as Markdown (for reports, wikis and pull requests).</summary>
public static class EvaluationMarkdownRenderer
{
    /// <summary>The Markdown text.</summary>
    public static string Render(CaseEvaluation e, CultureInfo c)
    {
        string T(string key, string en) => Text.Get(c, key, en);
        static string Esc(string s) => s.Replace("|", "\\|", StringComparison.Ordinal);
        var sb = new StringBuilder();
        sb.AppendLine($"# {Esc(e.CaseName)}").AppendLine();
        sb.AppendLine(Text.Format(c, "Cli_CaseHeader", "{0} · home {1} · {2} · base year {3} · horizon {4} years · discount rate {5}% · reference data {6}",
            e.Company ?? "", e.HomeCountry, e.Currency, e.BaseYear, e.HorizonYears, e.DiscountRatePct, e.ReferenceDataVersion)).AppendLine();
        foreach (var item in e.Items)
        {
            sb.AppendLine($"## {Esc(item.Name ?? item.Id)}").AppendLine();
            sb.AppendLine($"**{T("Cli_Recommendation", "Recommendation")}:** {Esc(item.Explanation)}").AppendLine();
            sb.Append("| ").Append(T("Cli_Metric", "Metric"));
            foreach (var o in item.Options) sb.Append(" | ").Append(Esc($"{o.Name ?? o.Id} ({o.Country}){(o.Id == item.RecommendedOptionId ? " ★" : "")}"));
            sb.AppendLine(" |").Append("|---").Append(string.Concat(item.Options.Select(_ => "|---:"))).AppendLine("|");
            void Row(string label, Func<OptionEvaluation, string> f) =>
                sb.Append("| ").Append(Esc(label)).Append(string.Concat(item.Options.Select(o => " | " + Esc(f(o))))).AppendLine(" |");
            Row(T("Cli_Governance", "Governance"), o => FactorText.Governance(o.Governance, c));
            Row(T("Cli_TcoPerUnit", "TCO per unit (year 1)"), o => o.TcoPerUnit.ToString("N4", c));
            Row(T("Cli_TcoPerYear", "TCO per year (year 1)"), o => o.TcoPerYear.ToString("N0", c));
            Row(Text.Format(c, "Cli_PvCost", "Present cost over {0} years", e.HorizonYears), o => o.PvCost.ToString("N0", c));
            Row(T("Cli_NpvSaving", "NPV saving vs status quo"), o => o.Id == item.StatusQuoOptionId ? "—" : o.NpvSavingVsStatusQuo.ToString("N0", c));
            Row(T("Cli_Payback", "Payback (years)"), o => OptionFacts.Payback(o, o.Id == item.StatusQuoOptionId, c));
            Row(T("Cli_Co2e", "CO2e per unit, kg (transport + production)"), o => OptionFacts.Co2e(o, c));
            sb.AppendLine();
            sb.Append("| ").Append(T("Cli_Factor", "Factor")).Append(" | ").Append(T("Cli_Kind", "Kind"));
            foreach (var o in item.Options) sb.Append(" | ").Append(Esc(o.Id));
            sb.AppendLine(" |").Append("|---|---").Append(string.Concat(item.Options.Select(_ => "|---:"))).AppendLine("|");
            foreach (var f in item.Options.SelectMany(o => o.Lines).DistinctBy(l => l.Factor))
            {
                sb.Append("| ").Append(Esc(f.Label ?? FactorText.Name(f.Factor, c))).Append(" | ").Append(FactorText.Kind(f.Kind, c));
                foreach (var o in item.Options)
                {
                    var line = o.Lines.FirstOrDefault(l => l.Factor == f.Factor);
                    sb.Append(" | ").Append(line is null ? "" : line.Status switch
                    {
                        LineStatus.Assessed => line.PerUnit.ToString("N4", c),
                        LineStatus.NotAssessed => "–",
                        LineStatus.NotApplicable => "n/a",
                        _ => "incl.",
                    });
                }
                sb.AppendLine(" |");
            }
            sb.Append("| **").Append(T("Cli_Total", "Total")).Append("** | ").Append(string.Concat(item.Options.Select(o => $" | **{o.TcoPerUnit.ToString("N4", c)}**"))).AppendLine(" |");
            sb.AppendLine().AppendLine(T("Cli_Legend", "– not assessed (counted as zero) · n/a not applicable · incl. included in the unit price · ★ recommended · ● status quo")).AppendLine();
            if (item.Scorecard is { } sc)
            {
                sb.AppendLine($"### {T("Cli_Scorecard", "Scorecard")}").AppendLine();
                sb.Append("| ").Append(T("Cli_Criterion", "Criterion")).Append(" | ").Append(T("Cli_Weight", "Weight"));
                foreach (var o in item.Options) sb.Append(" | ").Append(Esc(o.Id));
                sb.AppendLine(" |").Append("|---|---:").Append(string.Concat(item.Options.Select(_ => "|---:"))).AppendLine("|");
                foreach (var (id, name, weight) in sc.Criteria)
                {
                    sb.Append("| ").Append(Esc(name)).Append(" | ").Append(weight.ToString("P0", c));
                    foreach (var o in item.Options)
                    {
                        var s = sc.Options.Single(x => x.OptionId == o.Id).Scores.Single(x => x.Criterion == id);
                        sb.Append(" | ").Append(s.Score is { } v ? v.ToString("0.0", c) + (s.Source == Core.Scorecard.ScoreSource.Judged ? " (j)" : "") : "–");
                    }
                    sb.AppendLine(" |");
                }
                sb.Append("| **").Append(T("Cli_WeightedTotal", "Weighted total")).Append("** | ").Append(sc.Coverage.ToString("P0", c));
                foreach (var o in item.Options) sb.Append(" | **").Append(sc.Options.Single(x => x.OptionId == o.Id).WeightedTotal.ToString("0.00", c)).Append("**");
                sb.AppendLine(" |").AppendLine().AppendLine(Esc(sc.SuitabilityExplanation)).AppendLine();
                var open = sc.Barriers.Where(b => b.Open).Select(b => b.Name).ToList();
                if (open.Count > 0) sb.AppendLine(Text.Format(c, "Cli_OpenBarriers", "Open points (barriers not priced in the case): {0}.", string.Join(", ", open))).AppendLine();
                if (sc.AlternativesExplanation is { } alt) sb.AppendLine(alt).AppendLine();
            }
            BlockRenderers.Markdown(sb, Reports.Document.JobsSection.Blocks(item, e.Currency.Value, c, "item-" + item.Id));
        }
        return sb.ToString();
    }
}
