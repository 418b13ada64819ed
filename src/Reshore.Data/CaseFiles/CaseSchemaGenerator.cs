using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Reshore.Core.Domain;
using Reshore.Core.Validation;
using Reshore.Core.Values;

namespace Reshore.Data.CaseFiles;

/// <summary>
/// Generates the JSON Schema (draft 2020-12) of case files from the same domain records and attributes the
/// binder uses, so the published schema cannot drift from what the reader accepts.
/// </summary>
public static class CaseSchemaGenerator
{
    /// <summary>The schema as indented JSON.</summary>
    public static string Generate()
    {
        var defs = new JsonObject();
        var root = ObjectSchema(typeof(ReshoringCase), defs);
        root["$schema"] = "https://json-schema.org/draft/2020-12/schema";
        root["$id"] = "https://github.com/reshore/reshore/docs/case.schema.json";
        root["title"] = "Reshore case";
        root["description"] = "A sourcing decision compared by Reshore: items with their sourcing options. The same schema applies to YAML case files.";
        root["$defs"] = defs;
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
    }

    private static JsonObject ObjectSchema(Type type, JsonObject defs)
    {
        var props = new JsonObject();
        var required = new JsonArray();
        foreach (var p in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            var name = CaseValidator.JsonName(p.Name);
            var schema = TypeSchema(p.PropertyType, defs);
            if (p.GetCustomAttribute<DescriptionAttribute>() is { } d) schema["description"] = d.Description;
            if (p.GetCustomAttribute<RangeAttribute>() is { } r)
            {
                schema["minimum"] = Convert.ToDouble(r.Minimum, CultureInfo.InvariantCulture);
                schema["maximum"] = Convert.ToDouble(r.Maximum, CultureInfo.InvariantCulture);
            }
            props[name] = schema;
            if (p.GetCustomAttribute<RequiredAttribute>() is not null) required.Add(name);
        }
        var o = new JsonObject { ["type"] = "object", ["properties"] = props, ["additionalProperties"] = false };
        if (required.Count > 0) o["required"] = required;
        return o;
    }

    /// <summary>An uncertain input: any number (or amount) may be given as a distribution; its mean is used outside the simulation.</summary>
    private static JsonObject Distribution(JsonObject defs)
    {
        if (!defs.ContainsKey("Distribution"))
        {
            JsonObject Num(string d) => new() { ["type"] = "number", ["description"] = d };
            defs["Distribution"] = new JsonObject
            {
                ["type"] = "object",
                ["description"] = "An uncertain value. triangular and pert need min, mode, max; uniform needs min, max; normal and lognormal need mean and sd (of the value itself). The deterministic evaluation uses the mean; reshore simulate draws it once per scenario.",
                ["properties"] = new JsonObject
                {
                    ["distribution"] = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray("triangular", "pert", "uniform", "normal", "lognormal") },
                    ["min"] = Num("Lowest value."), ["mode"] = Num("Most likely value."), ["max"] = Num("Highest value."),
                    ["mean"] = Num("Mean."), ["sd"] = Num("Standard deviation, zero or more."),
                    ["driver"] = new JsonObject { ["type"] = "string", ["description"] = "Id of a risk.drivers entry: inputs on one driver move together; drivers may be correlated." },
                    ["currency"] = new JsonObject { ["type"] = "string", ["pattern"] = "^[A-Za-z]{3}$", ["description"] = "Currency of an amount (default: the case currency)." },
                },
                ["required"] = new JsonArray("distribution"),
                ["additionalProperties"] = false,
            };
        }
        return new JsonObject { ["$ref"] = "#/$defs/Distribution" };
    }

    private static JsonObject TypeSchema(Type type, JsonObject defs)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (t == typeof(string)) return new JsonObject { ["type"] = "string" };
        if (t == typeof(double)) return new JsonObject { ["oneOf"] = new JsonArray(new JsonObject { ["type"] = "number" }, Distribution(defs)) };
        if (t == typeof(int)) return new JsonObject { ["type"] = "integer" };
        if (t == typeof(bool)) return new JsonObject { ["type"] = "boolean" };
        if (t == typeof(CountryCode)) return new JsonObject { ["type"] = "string", ["pattern"] = "^[A-Za-z]{2}$" };
        if (t == typeof(CurrencyCode)) return new JsonObject { ["type"] = "string", ["pattern"] = "^[A-Za-z]{3}$" };
        if (t == typeof(Money))
            return new JsonObject
            {
                ["oneOf"] = new JsonArray(
                    new JsonObject { ["type"] = "number", ["minimum"] = 0 },
                    new JsonObject { ["type"] = "string", ["pattern"] = "^\\s*[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?(\\s+[A-Za-z]{3})?\\s*$" },
                    Distribution(defs)),
            };
        if (t.IsEnum) return new JsonObject { ["type"] = "string", ["enum"] = new JsonArray(Enum.GetNames(t).Select(n => (JsonNode)CaseValidator.JsonName(n)).ToArray()) };
        if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
            return new JsonObject { ["type"] = "array", ["items"] = TypeSchema(t.GetGenericArguments()[0], defs) };
        if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>))
            return new JsonObject { ["type"] = "object", ["additionalProperties"] = TypeSchema(t.GetGenericArguments()[1], defs) };
        var name = t.Name;
        if (!defs.ContainsKey(name))
        {
            defs[name] = new JsonObject();
            defs[name] = ObjectSchema(t, defs);
        }
        return new JsonObject { ["$ref"] = $"#/$defs/{name}" };
    }
}
