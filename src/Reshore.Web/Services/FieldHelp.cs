using System.Text.Json.Nodes;
using Reshore.Data.CaseFiles;

namespace Reshore.Web.Services;

/// <summary>What a case field means, from the case-file JSON Schema (the same descriptions as docs/case.schema.json).</summary>
public static class FieldHelp
{
    private static readonly Lazy<JsonNode> Schema = new(() => JsonNode.Parse(CaseSchemaGenerator.Generate())!);

    /// <summary>
    /// The description of the field at a JSON path ($.items[0].options[1].production.unitPrice) in <paramref name="culture"/> (English
    /// when not given), or null.
    /// </summary>
    public static string? Describe(string path, System.Globalization.CultureInfo? culture = null)
    {
        var steps = CaseForm.Parse(path);
        if (steps is null) return null;
        culture ??= System.Globalization.CultureInfo.InvariantCulture;
        JsonNode? node = Schema.Value;
        var record = "ReshoringCase";
        string? description = null;
        foreach (var step in steps)
        {
            node = Structural(node, ref record);
            if (step is string key && node?["properties"]?[key] is { } property)
            {
                node = property;
                // A named field describes itself; an entry of a map or list keeps the description of the map or list.
                if (property["description"]?.GetValue<string>() is { } english) description = Reshore.Core.Localization.InputText.Help(record, key, english, culture);
                continue;
            }
            node = step is string ? (node?["additionalProperties"] is JsonObject a ? a : null) : node?["items"];
            if (node is null) return null;
        }
        return description;
    }

    /// <summary>
    /// The fields the case schema defines for the elements of the array at <paramref name="arrayPath"/> ($.items[0].options), as paths
    /// relative to an element, in the schema's order: every scalar (a number, a text, a choice, a number-or-distribution), nested objects
    /// flattened ("production.unitPrice") and lists of records opened at their first element ("logistics.legs[0].mode"). Empty when
    /// the path is not an array of records in the schema.
    /// </summary>
    public static IReadOnlyList<string> Catalogue(string arrayPath)
    {
        var node = At(arrayPath);
        if (node is null) return [];
        var element = Structural(Structural(node)?["items"]);
        var rows = new List<string>();
        if (element?["properties"] is JsonObject) Leaves(element, "", 3, rows);
        return rows;
    }

    /// <summary>True when the schema has a list of records (objects with fields) at <paramref name="path"/> ($.items[0].options).</summary>
    public static bool IsRecordList(string path) => At(path) is { } node && Structural(Structural(node)?["items"])?["properties"] is JsonObject;

    /// <summary>True when the field at <paramref name="path"/> is text (a name, a code, a choice) rather than a number.</summary>
    public static bool IsText(string path) => At(path)?["type"]?.GetValue<string>() is "string";

    /// <summary>
    /// The names of the scalar fields (numbers, texts, choices, yes/no, numbers that may be distributions) of the object at
    /// <paramref name="objectPath"/> ($.items[0], $), in the schema's order; empty when the path is not an object in the schema.
    /// </summary>
    public static IReadOnlyList<string> ScalarFields(string objectPath)
    {
        var node = objectPath == "$" ? Schema.Value : At(objectPath);
        if (Structural(node)?["properties"] is not JsonObject properties) return [];
        return properties.Where(p => p.Value?["oneOf"] is JsonArray alternatives
                ? alternatives.Any(a => a?["type"]?.GetValue<string>() is "number" or "string")
                : p.Value?["type"]?.GetValue<string>() is "string" or "number" or "integer" or "boolean")
            .Select(p => p.Key).ToList();
    }

    // The schema of the value at a case path (unresolved: a $ref or a oneOf stays as written), or null.
    private static JsonNode? At(string path)
    {
        var steps = CaseForm.Parse(path);
        if (steps is null) return null;
        JsonNode? node = Schema.Value;
        foreach (var step in steps)
        {
            node = Structural(node);
            node = step is string key ? node?["properties"]?[key] ?? (node?["additionalProperties"] as JsonObject) : node?["items"];
            if (node is null) return null;
        }
        return node;
    }

    private static void Leaves(JsonNode node, string prefix, int depth, List<string> rows)
    {
        if (node["properties"] is not JsonObject properties) return;
        foreach (var (key, raw) in properties)
        {
            var path = prefix.Length == 0 ? key : $"{prefix}.{key}";
            var resolved = Structural(raw);
            // A number that may also be a distribution is one field; its distribution is edited as JSON.
            var numberOrDistribution = raw?["oneOf"] is JsonArray alternatives && alternatives.Any(a => a?["type"]?.GetValue<string>() is "number" or "string");
            if (numberOrDistribution || resolved is null) { rows.Add(path); continue; }
            if (resolved["properties"] is JsonObject)
            {
                if (depth > 0) Leaves(resolved, path, depth - 1, rows);
                continue;
            }
            if (resolved["items"] is { } items)
            {
                // A list of numbers (each may be a distribution, e.g. a ramp-up curve) is one list field, not a record to open.
                if (items["oneOf"] is JsonArray numbers && numbers.Any(a => a?["type"]?.GetValue<string>() is "number" or "string")) continue;
                var element = Structural(items);
                if (element?["properties"] is JsonObject && depth > 0) Leaves(element, path + "[0]", depth - 1, rows);
                continue;
            }
            if (resolved["additionalProperties"] is JsonObject) continue;
            rows.Add(path);
        }
    }

    private static JsonNode? Structural(JsonNode? node)
    {
        var record = "";
        return Structural(node, ref record);
    }

    // Follows $ref (noting the record type it names) and, for "a number or a distribution" (oneOf), the alternative that has fields or
    // elements.
    private static JsonNode? Structural(JsonNode? node, ref string record)
    {
        for (var guard = 0; node is not null && guard < 10; guard++)
        {
            if (node["$ref"]?.GetValue<string>() is { } reference && reference.StartsWith("#/", StringComparison.Ordinal))
            {
                JsonNode? target = Schema.Value;
                foreach (var part in reference[2..].Split('/')) target = target?[part];
                record = reference[(reference.LastIndexOf('/') + 1)..];
                node = target;
                continue;
            }
            if (node["properties"] is null && node["items"] is null && node["additionalProperties"] is not JsonObject && node["oneOf"] is JsonArray alternatives)
            {
                var next = alternatives.FirstOrDefault(a => a?["properties"] is not null || a?["items"] is not null || a?["$ref"] is not null || a?["additionalProperties"] is JsonObject);
                if (next is null) return node;
                node = next;
                continue;
            }
            return node;
        }
        return node;
    }
}
