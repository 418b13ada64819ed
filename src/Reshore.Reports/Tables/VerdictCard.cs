using System.Globalization;
using Reshore.Core.Costing;
using Reshore.Core.Decision;
using Reshore.Core.Localization;

namespace Reshore.Reports.Tables;

/// <summary>
/// The decision summary as format-neutral content, shown first by every output: the verdict, its confidence with the reasons, the view it
/// rests on, the headline numbers, what would flip it, the views side by side with why they differ, the main risks and open points.
/// </summary>
public sealed record VerdictCard
{
    /// <summary>The item.</summary>
    public required string ItemId { get; init; }
    /// <summary>"Verdict" in the output language.</summary>
    public required string Heading { get; init; }
    /// <summary>The verdict (option names).</summary>
    public required string Verdict { get; init; }
    /// <summary>robust, fragile or depends-on-estimates.</summary>
    public required string ConfidenceCode { get; init; }
    /// <summary>"Confidence: fragile" in the output language.</summary>
    public required string Confidence { get; init; }
    /// <summary>Why, one sentence each.</summary>
    public required IReadOnlyList<string> ConfidenceReasons { get; init; }
    /// <summary>Which view the verdict rests on and why it wins.</summary>
    public required string Basis { get; init; }
    /// <summary>Headline numbers (label, value).</summary>
    public required IReadOnlyList<(string Label, string Value)> Figures { get; init; }
    /// <summary>What would flip the cost comparison.</summary>
    public required ResultTable Flips { get; init; }
    /// <summary>The views side by side.</summary>
    public required ResultTable Views { get; init; }
    /// <summary>Why the views that differ do.</summary>
    public required IReadOnlyList<string> Reconciliation { get; init; }
    /// <summary>Main risks.</summary>
    public required IReadOnlyList<string> Risks { get; init; }
    /// <summary>Open points.</summary>
    public required IReadOnlyList<string> OpenPoints { get; init; }
    /// <summary>Labels: "What would flip it", "Why the views differ", "Main risks", "Open points".</summary>
    public required (string Flips, string Reconciliation, string Risks, string OpenPoints, string NoFlip) Labels { get; init; }

    /// <summary>The card of <paramref name="item"/>; null when the evaluation carries no decision summary.</summary>
    public static VerdictCard? For(ItemEvaluation item, CultureInfo c)
    {
        if (item.Decision is not { } d) return null;
        string T(string key, string en) => Text.Get(c, key, en);
        return new VerdictCard
        {
            ItemId = item.Id,
            Heading = T("Card_Verdict", "Verdict"),
            Verdict = d.Verdict,
            ConfidenceCode = DecisionAnalyzer.Code(d.Confidence),
            Confidence = Text.Format(c, "Card_Confidence", "Confidence: {0}", DecisionAnalyzer.Label(d.Confidence, c)),
            ConfidenceReasons = d.ConfidenceReasons,
            Basis = d.BasisReason,
            Figures = d.KeyFigures.Select(k => (k.Label, k.Text)).ToList(),
            Flips = ResultTables.Flips(item, d, c),
            Views = ResultTables.Views(item, d, c),
            Reconciliation = d.Reconciliation,
            Risks = d.Risks,
            OpenPoints = d.OpenPoints,
            Labels = (T("Card_Flips", "What would flip it"), T("Card_Reconciliation", "Why the views differ"), T("Card_Risks", "Main risks"),
                T("Card_OpenPoints", "Open points"), T("Card_NoFlip", "No top driver or main input flips the cost comparison within its range.")),
        };
    }
}
