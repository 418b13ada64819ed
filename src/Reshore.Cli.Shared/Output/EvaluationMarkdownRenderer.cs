using System.Globalization;
using System.Text;
using Reshore.Core.Costing;
using Reshore.Core.Localization;
using Reshore.Reports.Tables;

namespace Reshore.Cli.Output;

/// <summary>Renders an evaluation as Markdown (for reports, wikis and pull requests): the verdict card first, then the shared results tables.</summary>
public static class EvaluationMarkdownRenderer
{
    /// <summary>The Markdown text.</summary>
    public static string Render(CaseEvaluation e, CultureInfo c)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"# {MarkdownTables.Escape(e.CaseName)}").AppendLine();
        sb.AppendLine(MarkdownTables.Escape(EvaluationTableRenderer.CaseHeader(e, c))).AppendLine();
        foreach (var item in e.Items)
        {
            sb.AppendLine($"## {MarkdownTables.Escape(item.Name ?? item.Id)}").AppendLine();
            if (VerdictCard.For(item, c) is { } card) MarkdownTables.Append(sb, card);
            MarkdownTables.Append(sb, ResultTables.Comparison(e, item, c));
            sb.AppendLine($"**{Text.Get(c, "Card_Explanation", "The cost comparison explained")}:** {MarkdownTables.Escape(item.Explanation)}").AppendLine();
            MarkdownTables.Append(sb, ResultTables.CostLines(e, item, c));
            if (item.Scorecard is { } sc)
            {
                MarkdownTables.Append(sb, ResultTables.Scorecard(item, sc, c));
                foreach (var line in ScorecardNotes.Lines(item, sc, c)) sb.AppendLine(MarkdownTables.Escape(line)).AppendLine();
            }
            BlockRenderers.Markdown(sb, Reports.Document.JobsSection.Blocks(item, e.Currency.Value, c, "item-" + item.Id));
            BlockRenderers.Markdown(sb, Reports.Document.SupportSection.Blocks(item, e.Currency.Value, c, "item-" + item.Id));
        }
        return sb.ToString();
    }
}
