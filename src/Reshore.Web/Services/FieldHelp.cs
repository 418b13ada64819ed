using System.Text.Json.Nodes;
using Reshore.Data.CaseFiles;

namespace Reshore.Web.Services;

/// <summary>What a case field means, from the case-file JSON Schema (the same descriptions as docs/case.schema.json).</summary>
public static class FieldHelp
{
    private static readonly Lazy<JsonNode> Schema = new(() => JsonNode.Parse(CaseSchemaGenerator.Generate())!);

    /// <summary>The description of the field at a JSON path ($.items[0].options[1].production.unitPrice), or null.</summary>
    public static string? Describe(string path)
    {
        var steps = CaseForm.Parse(path);
        if (steps is null) return null;
        JsonNode? node = Schema.Value;
        string? description = null;
        foreach (var step in steps)
        {
            node = Structural(node);
            if (step is string key && node?["properties"]?[key] is { } property)
            {
                node = property;
                // A named field describes itself; an entry of a map or list keeps the description of the map or list.
                description = property["description"]?.GetValue<string>() ?? description;
                continue;
            }
            node = step is string ? (node?["additionalProperties"] is JsonObject a ? a : null) : node?["items"];
            if (node is null) return null;
        }
        return description;
    }

    // Follows $ref and, for "a number or a distribution" (oneOf), the alternative that has fields or elements.
    private static JsonNode? Structural(JsonNode? node)
    {
        for (var guard = 0; node is not null && guard < 10; guard++)
        {
            if (node["$ref"]?.GetValue<string>() is { } reference && reference.StartsWith("#/", StringComparison.Ordinal))
            {
                JsonNode? target = Schema.Value;
                foreach (var part in reference[2..].Split('/')) target = target?[part];
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
