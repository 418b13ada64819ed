using System.Globalization;
using Reshore.Core.Costing;
using Reshore.Core.Localization;
using Reshore.Core.Scorecard;

namespace Reshore.Reports.Tables;

/// <summary>The sentences under the scorecard table, the same in every output: ranking sensitivity, suitability, open points, alternatives.</summary>
public static class ScorecardNotes
{
    /// <summary>The sentences, in order.</summary>
    public static IReadOnlyList<string> Lines(ItemEvaluation item, ItemScorecard sc, CultureInfo c)
    {
        string Name(string id) => item.Options.FirstOrDefault(o => o.Id == id) is { } o ? o.Name ?? o.Id : id;
        var list = new List<string>();
        list.Add(sc.Sensitivity is { } r
            ? Text.Format(c, "Cli_Sensitivity", "Ranking sensitivity: moving the weight of {0} by {1:+0.0%;−0.0%} (to {2:P1} of the weight on the scored criteria) makes {3} tie with or overtake the top option.",
                sc.Criteria.FirstOrDefault(x => x.Id == r.Criterion).Name ?? r.Criterion, r.WeightChange, r.NewWeight, Name(r.NewTopOptionId))
            : Text.Get(c, "Web_Sc_Robust", "No change of a single weight within its range changes the top option."));
        list.Add(sc.SuitabilityExplanation);
        var open = sc.Barriers.Where(b => b.Open).Select(b => b.Name).ToList();
        if (open.Count > 0) list.Add(Text.Format(c, "Cli_OpenBarriers", "Open points (barriers not priced in the case): {0}.", string.Join(", ", open)));
        if (sc.AlternativesExplanation is { } alt) list.Add(alt);
        return list;
    }
}
