using System.Globalization;
using System.Text.Json.Nodes;
using Reshore.Core.Decision;
using Reshore.Core.Validation;

namespace Reshore.Web.Services;

/// <summary>Compares two saved versions of a case: the inputs that changed and, when both still validate, how each option's TCO, NPV and the verdict moved.</summary>
public static class CaseComparisons
{
    /// <summary>The comparison, or null when a version does not exist. A version that no longer validates is compared on its inputs only.</summary>
    public static async Task<VersionComparison?> CompareAsync(CaseStore store, CaseAnalysis analysis, Core.MarketData.MarketSnapshot market, Guid caseId, int from, int to, CultureInfo culture, CancellationToken ct = default)
    {
        var before = await store.VersionJsonAsync(caseId, from, ct);
        var after = await store.VersionJsonAsync(caseId, to, ct);
        if (before is null || after is null) return null;
        return VersionComparison.Compare(JsonNode.Parse(before), JsonNode.Parse(after), Outcome(analysis, market, before, culture), Outcome(analysis, market, after, culture));
    }

    private static CaseOutcome? Outcome(CaseAnalysis analysis, Core.MarketData.MarketSnapshot market, string json, CultureInfo culture)
    {
        try
        {
            return CaseOutcome.From(analysis.Evaluate(analysis.Read(json, market), culture, json));
        }
        catch (CaseValidationException)
        {
            return null;
        }
    }

    /// <summary>The comparison in the API's JSON shape.</summary>
    public static object ToJson(Guid caseId, int from, int to, VersionComparison c) => new
    {
        caseId, from, to,
        inputs = c.Inputs.Select(i => new { path = i.Path, kind = i.Kind, before = i.Before, after = i.After }),
        options = c.Options.Select(o => new
        {
            item = o.ItemId, option = o.OptionId,
            tcoPerUnit = new { before = o.Before?.TcoPerUnit, after = o.After?.TcoPerUnit, delta = o.TcoPerUnitDelta },
            pvCost = new { before = o.Before?.PvCost, after = o.After?.PvCost, delta = o.PvCostDelta },
            npvSavingVsStatusQuo = new { before = o.Before?.NpvSavingVsStatusQuo, after = o.After?.NpvSavingVsStatusQuo, delta = o.NpvDelta },
        }),
        verdicts = c.Verdicts.Select(v => new { item = v.ItemId, before = v.Before, after = v.After, changed = v.Changed }),
    };
}
