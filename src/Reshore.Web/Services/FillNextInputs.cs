using System.Globalization;
using System.Text.Json.Nodes;
using Reshore.Core.Costing;
using Reshore.Core.Decision;
using Reshore.Core.Localization;
using Reshore.Core.MarketData;
using Reshore.Core.Validation;
using Reshore.Data.CaseFiles;

namespace Reshore.Web.Services;

/// <summary>One item's "fill next" list.</summary>
/// <param name="ItemId">Item.</param>
/// <param name="Entries">Ranked inputs, most valuable first.</param>
public sealed record FillNextList(string ItemId, IReadOnlyList<FillNextEntry> Entries);

/// <summary>
/// Finds the inputs of a stored case that the user has not given — cost factors not assessed, and values taken from the reference data —
/// evaluates each option's present cost at both ends of each input's range (two runs of the cost engine, as the break-even engine does),
/// and lets <see cref="FillNextRanker"/> order them by value of information. The ranges are the screening ranges of docs/model.md §20.
/// </summary>
public sealed class FillNextInputs
{
    /// <summary>A not-assessed factor and the field that assesses it, with its screening range.</summary>
    /// <param name="Factor">Cost factor id.</param>
    /// <param name="Field">Field relative to the option.</param>
    /// <param name="High">High end of the range (the low end is 0: nothing, as counted today).</param>
    /// <param name="Unit">Unit.</param>
    /// <param name="OfTcoPerUnit">True when <paramref name="High"/> is a share of the option's year-1 TCO per unit rather than a value.</param>
    private sealed record Rule(string Factor, string Field, double High, string Unit, bool OfTcoPerUnit = false);

    private static readonly Rule[] NotAssessedRules =
    [
        new("packaging", "production.packagingPerUnit", 0.05, "", OfTcoPerUnit: true),
        new("overhead", "production.overheadPct", 30, "%"),
        new("cargoInsurance", "logistics.insuranceRatePct", 0.5, "%"),
        new("obsolescence", "inventory.obsolescenceRatePct", 10, "%/yr"),
        new("defects", "quality.defectRatePct", 5, "%"),
        new("currency", "risk.currencyRiskPct", 10, "%"),
        new("innovationDistance", "strategic.innovationDistancePct", 5, "%"),
    ];

    /// <summary>A default-driven input: the start of the default's name, the field that overrides it, and its screening band (±).</summary>
    private static readonly (string NamePrefix, string Field, double Band)[] DefaultRules =
    [
        ("labour cost per hour", "production.labourCostPerHour", 0.25),
        ("electricity price", "production.electricityPricePerKwh", 0.25),
    ];

    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string Json, string Culture, MarketSnapshot Market), IReadOnlyList<FillNextList>> _cache = new();

    /// <summary>The ranked lists of every item of the stored case <paramref name="json"/>, evaluated as <paramref name="evaluation"/>.</summary>
    public IReadOnlyList<FillNextList> For(string json, CaseEvaluation evaluation, MarketSnapshot market, CultureInfo culture)
    {
        if (_cache.Count > 64) _cache.Clear();
        return _cache.GetOrAdd((json, culture.Name, market), _ => Compute(json, evaluation, market, culture));
    }

    private static IReadOnlyList<FillNextList> Compute(string json, CaseEvaluation evaluation, MarketSnapshot market, CultureInfo culture)
    {
        if (JsonNode.Parse(json) is not JsonObject root || root["items"] is not JsonArray items) return [];
        var lists = new List<FillNextList>();
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is not JsonObject itemJson || itemJson["options"] is not JsonArray options) continue;
            var itemId = itemJson["id"]?.ToString();
            var item = evaluation.Items.FirstOrDefault(x => x.Id == itemId);
            if (item is null || item.Options.Count < 2) continue;
            var candidates = new List<FillNextCandidate>();
            for (var j = 0; j < options.Count; j++)
            {
                var optionId = options[j]?["id"]?.ToString();
                var option = item.Options.FirstOrDefault(o => o.Id == optionId);
                if (option is null) continue;
                var prefix = $"$.items[{i}].options[{j}].";
                foreach (var rule in NotAssessedRules.Where(r => option.NotAssessed.Contains(r.Factor)))
                {
                    var high = rule.OfTcoPerUnit ? Math.Round(rule.High * option.TcoPerUnit, 4) : rule.High;
                    var unit = rule.OfTcoPerUnit ? evaluation.Currency.Value + "/unit" : rule.Unit;
                    var source = rule.OfTcoPerUnit
                        ? Text.Format(culture, "FillNext_RangeShare", "screening range 0 to {0:0.#} % of the option's TCO per unit", rule.High * 100)
                        : Text.Get(culture, "FillNext_RangeScreening", "screening range (docs/model.md §20)");
                    if (Candidate(root, market, itemId!, prefix + rule.Field, FillNextReason.NotAssessed, 0, 0, high, unit, source, culture) is { } c)
                        candidates.Add(c);
                }
                // A default in another currency than the case's would need converting before it is written into the case: those stay out.
                if (evaluation.Currency.Value != "EUR") continue;
                foreach (var (namePrefix, field, band) in DefaultRules)
                {
                    if (option.DefaultsUsed.FirstOrDefault(d => d.Name.StartsWith(namePrefix, StringComparison.Ordinal)) is not { } used || used.Value <= 0) continue;
                    var source = Text.Format(culture, "FillNext_RangeDefault", "default {0} ± {1:0} % ({2})", used.Value.ToString("G4", culture), band * 100, used.Source);
                    if (Candidate(root, market, itemId!, prefix + field, FillNextReason.Default, used.Value, used.Value * (1 - band), used.Value * (1 + band), used.Unit, source, culture) is { } c)
                        candidates.Add(c);
                }
            }
            lists.Add(new FillNextList(item.Id, FillNextRanker.Rank(item.RecommendedOptionId, candidates)));
        }
        return lists;
    }

    private static FillNextCandidate? Candidate(JsonObject root, MarketSnapshot market, string itemId, string path, FillNextReason reason, double current,
        double low, double high, string unit, string source, CultureInfo culture)
    {
        if (!(high > low)) return null;
        var atLow = PresentCosts(root, market, itemId, path, low);
        var atHigh = PresentCosts(root, market, itemId, path, high);
        if (atLow is null || atHigh is null) return null;
        return new FillNextCandidate(path, Label(root, path, culture), reason, current, low, high, unit, source, atLow, atHigh);
    }

    /// <summary>An option's input in words with the option's name ("packaging per unit · Supplier, Guayaquil"); the field's words otherwise.</summary>
    public static string Label(JsonObject root, string path, CultureInfo culture)
    {
        var words = InputText.Describe(path, null, culture);
        var steps = CaseForm.Parse(path);
        if (steps is not { Count: > 4 } || steps[0] is not "items" || steps[1] is not int i || steps[2] is not "options" || steps[3] is not int o) return words;
        var option = root["items"]?[i]?["options"] is JsonArray options && o < options.Count ? options[o] : null;
        var name = option?["name"]?.ToString() ?? option?["id"]?.ToString();
        return name is null ? words : $"{words} · {name}";
    }

    // Every option's present cost with the input at path set to value; null when the case does not validate that way.
    private static Dictionary<string, double>? PresentCosts(JsonObject root, MarketSnapshot market, string itemId, string path, double value)
    {
        var edited = CaseForm.Apply(root, [KeyValuePair.Create(path, value.ToString("R", CultureInfo.InvariantCulture))], new HashSet<string>());
        try
        {
            var document = CaseFileReader.ReadDocument(edited.ToJsonString(), CaseFormat.Json, "case.json", market);
            var c = document.Case with { Items = document.Case.Items.Where(x => x.Id == itemId).ToList() };
            var item = new CaseEvaluator().Evaluate(c, market, CultureInfo.InvariantCulture).Items.Single();
            return item.Options.ToDictionary(o => o.Id, o => o.PvCost);
        }
        catch (CaseValidationException)
        {
            return null;
        }
    }
}
