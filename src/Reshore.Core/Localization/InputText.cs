using System.Globalization;
using System.Text;
using Reshore.Core.Domain;
using Reshore.Core.Values;

namespace Reshore.Core.Localization;

/// <summary>
/// Words for case fields, for people who do not read field paths: <c>$.assumptions.wageGrowthPct.CN</c> is "wage growth in China",
/// <c>$.items[0].options[1].production.unitPrice</c> is "unit price of Supplier near Łódź". The path stays available as a link target
/// (the web editor) and in the JSON.
/// </summary>
public static class InputText
{
    /// <summary>A plain-language name of the input at <paramref name="path"/> in case <paramref name="c"/> (or the bare field name without a case).</summary>
    public static string Describe(string path, ReshoringCase? c, CultureInfo culture)
    {
        if (!CasePath.TryParse(path, out var steps, out _)) return path;
        Item? item = null;
        SourcingOption? option = null;
        string? owner = null;
        var fields = new List<string>();
        for (var i = 0; i < steps.Count; i++)
        {
            if (steps[i] is "items" && i + 1 < steps.Count && steps[i + 1] is int ii)
            {
                item = c is not null && ii < c.Items.Count ? c.Items[ii] : null;
                i++;
                continue;
            }
            if (steps[i] is "options" && i + 1 < steps.Count && steps[i + 1] is int oi)
            {
                option = item is not null && oi < item.Options.Count ? item.Options[oi] : null;
                i++;
                continue;
            }
            if (steps[i] is "events" && i + 1 < steps.Count && steps[i + 1] is int ei)
            {
                owner = c?.Risk?.Events is { } events && ei < events.Count ? events[ei].Description ?? events[ei].Id : null;
                i++;
                continue;
            }
            if (steps[i] is string s) fields.Add(s);
        }
        if (fields.Count == 0) return path;
        // A map keyed by country ("wageGrowthPct.CN") or currency names the key after the field.
        var last = fields[^1];
        string text;
        if (fields.Count >= 2 && IsoCountries.Names.ContainsKey(last) && last.Length == 2 && last.All(char.IsUpper))
            text = Text.Format(culture, "Input_InCountry", "{0} in {1}", Field(fields[^2], culture), CountryText.Name(last, culture));
        else if (fields.Count >= 2 && last.Length == 3 && last.All(char.IsUpper))
            text = Text.Format(culture, "Input_ForCurrency", "{0} for {1}", Field(fields[^2], culture), last);
        else
            text = Field(last, culture);
        var of = option is not null ? option.Name ?? option.Id : owner;
        if (of is not null) text = Text.Format(culture, "Input_Of", "{0} of {1}", text, of);
        else if (item is not null && c!.Items.Count > 1) text = Text.Format(culture, "Input_Of", "{0} of {1}", text, item.Name ?? item.Id);
        return text;
    }

    /// <summary>
    /// The name of a cost line's input in words: a name that starts with a field path ("production.priceEscalationPct (e)") gets the
    /// field's words ("price escalation (e)"); other names (symbols, reference-data labels) stay as they are.
    /// </summary>
    public static string InputName(string name, CultureInfo culture)
    {
        var space = name.IndexOf(' ', StringComparison.Ordinal);
        var head = space < 0 ? name : name[..space];
        if (!head.Contains('.', StringComparison.Ordinal) || !char.IsLower(head[0]) || head.Any(char.IsWhiteSpace)) return name;
        return Describe(head, null, culture) + (space < 0 ? "" : name[space..]);
    }

    /// <summary>The name of a field: its translation (key "Field_{name}") or its words ("demandVolatilityPct" → "demand volatility").</summary>
    public static string Field(string name, CultureInfo culture) => Text.Get(culture, "Field_" + name, Words(name));

    /// <summary>
    /// What a field means, in <paramref name="culture"/>: the text under key "Help_{Record}_{field}" (the record type that declares the
    /// field, e.g. Help_TransportLeg_rate), else <paramref name="english"/> (the field's description attribute). Keyed by record because
    /// the same name means different things in different records (an event's eventsPerYear, an option's disruption.eventsPerYear).
    /// </summary>
    public static string Help(string record, string field, string english, CultureInfo culture) => Text.Get(culture, $"Help_{record}_{field}", english);

    private static string Words(string name)
    {
        var trimmed = name;
        foreach (var unit in new[] { "Pct", "PerUnit", "Days", "Weeks", "Kg", "M3" })
            if (trimmed.Length > unit.Length && trimmed.EndsWith(unit, StringComparison.Ordinal)) trimmed = trimmed[..^unit.Length];
        var sb = new StringBuilder();
        foreach (var ch in trimmed)
        {
            if (char.IsUpper(ch) && sb.Length > 0) sb.Append(' ');
            sb.Append(char.ToLowerInvariant(ch));
        }
        return sb.ToString();
    }
}
