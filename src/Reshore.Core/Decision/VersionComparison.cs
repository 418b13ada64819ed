using System.Globalization;
using System.Text.Json.Nodes;
using Reshore.Core.Costing;

namespace Reshore.Core.Decision;

/// <summary>One input that differs between two versions of a case: its case-file path and the value before and after (null when absent).</summary>
/// <param name="Path">Case-file path with list rows named by id where they have one, e.g. items[led].options[pl].production.unitPrice.</param>
/// <param name="Before">The value in the older version as written in the case file, or null when the field was absent.</param>
/// <param name="After">The value in the newer version, or null when the field was removed.</param>
public sealed record InputChange(string Path, string? Before, string? After)
{
    /// <summary>added, removed or changed.</summary>
    public string Kind => Before is null ? "added" : After is null ? "removed" : "changed";
}

/// <summary>What a version's evaluation says about one option: the figures a comparison follows.</summary>
/// <param name="OptionId">Option id.</param>
/// <param name="TcoPerUnit">Total cost of ownership per unit (first full year).</param>
/// <param name="PvCost">Present cost over the horizon.</param>
/// <param name="NpvSavingVsStatusQuo">Net present value of the saving against the status quo (positive: cheaper).</param>
public sealed record OptionOutcome(string OptionId, double TcoPerUnit, double PvCost, double NpvSavingVsStatusQuo);

/// <summary>What a version's evaluation says about one item: the options' figures and the verdict (the recommended option).</summary>
public sealed record ItemOutcome(string ItemId, string RecommendedOptionId, IReadOnlyList<OptionOutcome> Options);

/// <summary>The figures of one evaluated version of a case that a comparison follows.</summary>
public sealed record CaseOutcome(IReadOnlyList<ItemOutcome> Items)
{
    /// <summary>The figures of a deterministic evaluation.</summary>
    public static CaseOutcome From(CaseEvaluation evaluation) => new(evaluation.Items.Select(i =>
        new ItemOutcome(i.Id, i.RecommendedOptionId, i.Options.Select(o => new OptionOutcome(o.Id, o.TcoPerUnit, o.PvCost, o.NpvSavingVsStatusQuo)).ToList())).ToList());
}

/// <summary>How one option's figures moved; a side is null when the option exists in one version only.</summary>
public sealed record OptionMove(string ItemId, string OptionId, OptionOutcome? Before, OptionOutcome? After)
{
    /// <summary>TCO per unit after minus before; null when the option is missing on a side.</summary>
    public double? TcoPerUnitDelta => Before is null || After is null ? null : After.TcoPerUnit - Before.TcoPerUnit;
    /// <summary>Present cost after minus before.</summary>
    public double? PvCostDelta => Before is null || After is null ? null : After.PvCost - Before.PvCost;
    /// <summary>NPV of the saving against the status quo, after minus before.</summary>
    public double? NpvDelta => Before is null || After is null ? null : After.NpvSavingVsStatusQuo - Before.NpvSavingVsStatusQuo;
}

/// <summary>The verdict of one item in both versions; null on a side where the item does not exist.</summary>
public sealed record VerdictMove(string ItemId, string? Before, string? After)
{
    /// <summary>True when the recommended option differs.</summary>
    public bool Changed => !string.Equals(Before, After, StringComparison.Ordinal);
}

/// <summary>The difference between two versions of a case: inputs changed, each option's TCO, present cost and NPV, and each item's verdict.</summary>
public sealed record VersionComparison(IReadOnlyList<InputChange> Inputs, IReadOnlyList<OptionMove> Options, IReadOnlyList<VerdictMove> Verdicts)
{
    /// <summary>True when neither an input nor a figure moved.</summary>
    public bool IsEmpty => Inputs.Count == 0 && Verdicts.All(v => !v.Changed) && Options.All(o => o.Before is not null && o.After is not null && o.TcoPerUnitDelta == 0 && o.PvCostDelta == 0 && o.NpvDelta == 0);

    /// <summary>
    /// Compares two versions: their case trees (the case file as JSON) and, when both were evaluated, their outcomes.
    /// Rows of a list are matched by their "id" where every row has one (so reordering options is no change), otherwise by position.
    /// </summary>
    public static VersionComparison Compare(JsonNode? beforeCase, JsonNode? afterCase, CaseOutcome? before, CaseOutcome? after)
    {
        var inputs = new List<InputChange>();
        Diff(beforeCase, afterCase, "", inputs);
        var options = new List<OptionMove>();
        var verdicts = new List<VerdictMove>();
        if (before is not null && after is not null)
        {
            foreach (var itemId in Union(before.Items.Select(i => i.ItemId), after.Items.Select(i => i.ItemId)))
            {
                var b = before.Items.FirstOrDefault(i => i.ItemId == itemId);
                var a = after.Items.FirstOrDefault(i => i.ItemId == itemId);
                verdicts.Add(new VerdictMove(itemId, b?.RecommendedOptionId, a?.RecommendedOptionId));
                foreach (var optionId in Union((b?.Options ?? []).Select(o => o.OptionId), (a?.Options ?? []).Select(o => o.OptionId)))
                    options.Add(new OptionMove(itemId, optionId, b?.Options.FirstOrDefault(o => o.OptionId == optionId), a?.Options.FirstOrDefault(o => o.OptionId == optionId)));
            }
        }
        return new VersionComparison(inputs, options, verdicts);
    }

    private static IEnumerable<string> Union(IEnumerable<string> first, IEnumerable<string> second) => first.Concat(second).Distinct(StringComparer.Ordinal);

    private static void Diff(JsonNode? before, JsonNode? after, string path, List<InputChange> changes)
    {
        switch (before, after)
        {
            case (null, null):
                return;
            case (JsonObject b, JsonObject a):
                foreach (var key in Union(b.Select(e => e.Key), a.Select(e => e.Key)))
                    Diff(b[key], a[key], path.Length == 0 ? key : $"{path}.{key}", changes);
                return;
            case (JsonArray b, JsonArray a) when Ids(b) is { } bIds && Ids(a) is { } aIds:
                foreach (var id in Union(bIds, aIds))
                {
                    var bi = bIds.IndexOf(id);
                    var ai = aIds.IndexOf(id);
                    Diff(bi < 0 ? null : b[bi], ai < 0 ? null : a[ai], $"{path}[{id}]", changes);
                }
                return;
            case (JsonArray b, JsonArray a) when b.All(IsScalar) && a.All(IsScalar):
                if (!b.Select(Scalar).SequenceEqual(a.Select(Scalar))) changes.Add(new InputChange(path, Scalar(b), Scalar(a)));
                return;
            case (JsonArray b, JsonArray a):
                for (var i = 0; i < Math.Max(b.Count, a.Count); i++)
                    Diff(i < b.Count ? b[i] : null, i < a.Count ? a[i] : null, $"{path}[{i.ToString(CultureInfo.InvariantCulture)}]", changes);
                return;
            case (JsonObject or JsonArray, _) or (_, JsonObject or JsonArray):
                // A structure on one side only (a row added or removed, or a number that became a distribution): list its leaves.
                if (before is JsonObject or JsonArray && after is JsonObject or JsonArray) break;
                if (before is JsonObject or JsonArray) Leaves(before, path, changes, removed: true, other: after);
                else Leaves(after!, path, changes, removed: false, other: before);
                return;
        }
        var bs = Scalar(before);
        var @as = Scalar(after);
        if (!string.Equals(bs, @as, StringComparison.Ordinal)) changes.Add(new InputChange(path, bs, @as));
    }

    private static void Leaves(JsonNode node, string path, List<InputChange> changes, bool removed, JsonNode? other)
    {
        // A scalar replaced by a structure (or the reverse) counts as one change of that path.
        if (other is not null)
        {
            changes.Add(removed ? new InputChange(path, Scalar(node), Scalar(other)) : new InputChange(path, Scalar(other), Scalar(node)));
            return;
        }
        if (node is JsonArray list && list.All(IsScalar))
        {
            changes.Add(removed ? new InputChange(path, Scalar(node), null) : new InputChange(path, null, Scalar(node)));
            return;
        }
        if (removed) Diff(node, Empty(node), path, changes);
        else Diff(Empty(node), node, path, changes);
    }

    private static JsonNode Empty(JsonNode like) => like is JsonArray ? new JsonArray() : new JsonObject();

    private static List<string>? Ids(JsonArray list)
    {
        var ids = new List<string>();
        foreach (var element in list)
        {
            if (element is not JsonObject o || o["id"] is not JsonValue v || !v.TryGetValue<string>(out var id) || ids.Contains(id)) return null;
            ids.Add(id);
        }
        return ids;
    }

    private static bool IsScalar(JsonNode? node) => node is null or JsonValue;

    private static string? Scalar(JsonNode? node) => node switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v when v.TryGetValue<bool>(out var b) => b ? "true" : "false",
        JsonValue v when v.TryGetValue<double>(out var d) => d.ToString("R", CultureInfo.InvariantCulture),
        JsonArray a => string.Join(", ", a.Select(Scalar)),
        _ => node.ToJsonString(),
    };
}
