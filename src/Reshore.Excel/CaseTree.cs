using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text.Json.Nodes;
using Reshore.Core.Domain;
using Reshore.Core.Risk;
using Reshore.Core.Validation;
using Reshore.Core.Values;
using Reshore.Data.CaseFiles;

namespace Reshore.Excel;

/// <summary>Case trees as <see cref="JsonNode"/>s: from parsed case text or from a bound case, and dotted-path access.</summary>
internal static class CaseTree
{
    public static JsonNode? FromNode(CaseNode node) => node switch
    {
        MappingNode m => new JsonObject(m.Entries.Select(e => KeyValuePair.Create(e.Key.Text, FromNode(e.Value)))),
        SequenceNode s => new JsonArray(s.Items.Select(FromNode).ToArray()),
        ScalarNode { Kind: ScalarKind.Number } n => double.TryParse(n.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? JsonValue.Create(d) : JsonValue.Create(n.Text),
        ScalarNode { Kind: ScalarKind.Boolean } b => JsonValue.Create(b.Text.Equals("true", StringComparison.OrdinalIgnoreCase)),
        ScalarNode { Kind: ScalarKind.Null } => null,
        ScalarNode s => JsonValue.Create(s.Text),
        _ => null,
    };

    /// <summary>A bound case back to a tree; uncertain inputs become distributions again.</summary>
    public static JsonObject FromDocument(CaseDocument document)
    {
        var currency = document.Case.Currency ?? CurrencyCode.Eur;
        var root = (JsonObject)FromValue(document.Case, currency)!;
        foreach (var input in document.Uncertain)
        {
            var d = input.Distribution;
            var dist = new JsonObject { ["distribution"] = UncertainValue.Name(d.Kind) };
            switch (d.Kind)
            {
                case DistributionKind.Normal or DistributionKind.Lognormal:
                    dist["mean"] = d.MeanParameter;
                    dist["sd"] = d.Sd;
                    break;
                case DistributionKind.Uniform:
                    dist["min"] = d.Min;
                    dist["max"] = d.Max;
                    break;
                default:
                    dist["min"] = d.Min;
                    dist["mode"] = d.Mode;
                    dist["max"] = d.Max;
                    break;
            }
            if (d.Driver is not null) dist["driver"] = d.Driver;
            if (input.Currency is not null && input.Currency != currency.Value) dist["currency"] = input.Currency;
            SetAtCasePath(root, input.Path, dist);
        }
        return root;
    }

    private static JsonNode? FromValue(object? value, CurrencyCode currency)
    {
        switch (value)
        {
            case null: return null;
            case string s: return JsonValue.Create(s);
            case double d: return JsonValue.Create(d);
            case int i: return JsonValue.Create(i);
            case bool b: return JsonValue.Create(b);
            case Enum e: return JsonValue.Create(CaseValidator.JsonName(e.ToString()));
            case CountryCode c: return JsonValue.Create(c.Value);
            case CurrencyCode c: return JsonValue.Create(c.Value);
            case Money m:
                return m.Currency == currency ? JsonValue.Create(m.Amount) : JsonValue.Create($"{m.Amount.ToString("R", CultureInfo.InvariantCulture)} {m.Currency.Value}");
            case IDictionary dict:
            {
                var o = new JsonObject();
                foreach (DictionaryEntry entry in dict) o[(string)entry.Key] = FromValue(entry.Value, currency);
                return o;
            }
            case IEnumerable list:
                return new JsonArray(list.Cast<object?>().Select(x => FromValue(x, currency)).ToArray());
            default:
            {
                var o = new JsonObject();
                foreach (var p in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
                    if (FromValue(p.GetValue(value), currency) is { } v) o[CaseValidator.JsonName(p.Name)] = v;
                return o;
            }
        }
    }

    /// <summary>Sets the node at a binder path such as $.items[0].options[1].production.unitPrice.</summary>
    private static void SetAtCasePath(JsonObject root, string path, JsonNode value)
    {
        JsonNode current = root;
        var segments = Core.Domain.CasePath.Parse(path);
        for (var i = 0; i < segments.Count - 1; i++)
            current = segments[i] is int index ? current[index]! : current[(string)segments[i]]!;
        if (segments[^1] is int last) current[last] = value;
        else current[(string)segments[^1]] = value;
    }

    public static bool IsDistribution(JsonNode? node) => node is JsonObject o && o.ContainsKey("distribution");

    public static JsonNode? Get(JsonObject row, string dotted)
    {
        JsonNode? current = row;
        foreach (var part in dotted.Split('.'))
        {
            if (current is not JsonObject o || !o.TryGetPropertyValue(part, out current)) return null;
        }
        return current;
    }

    /// <summary>The object holding the last segment of <paramref name="dotted"/>, created as needed, and that segment.</summary>
    public static (JsonObject Owner, string Name) Ensure(JsonObject row, string dotted)
    {
        var parts = dotted.Split('.');
        var current = row;
        for (var i = 0; i < parts.Length - 1; i++)
        {
            if (current[parts[i]] is not JsonObject next)
            {
                next = new JsonObject();
                current[parts[i]] = next;
            }
            current = next;
        }
        return (current, parts[^1]);
    }

    public static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";

    /// <summary>How a row is named in an uncertain-input path: its id, or its index in the list.</summary>
    public static string RowName(TableLayout table, JsonObject row, int index) =>
        table.KeyName is not null && row["id"] is JsonValue id && id.TryGetValue<string>(out var s) ? s : index.ToString(CultureInfo.InvariantCulture);
}
