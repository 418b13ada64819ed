using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Reshore.Data.CaseFiles;

/// <summary>Converts a case file in JSON or YAML to canonical indented JSON, the form in which the web app stores cases.</summary>
public static class CaseJson
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Parses case text (JSON or YAML) into a JSON tree; syntax errors surface as <see cref="CaseSyntaxException"/>.</summary>
    public static JsonNode ToNode(string text, CaseFormat format)
    {
        if (format == CaseFormat.Unknown) format = text.TrimStart().StartsWith('{') ? CaseFormat.Json : CaseFormat.Yaml;
        var root = format == CaseFormat.Json ? JsonNodeReader.Read(text) : YamlNodeReader.Read(text);
        return Convert(root) ?? new JsonObject();
    }

    /// <summary>Case text (JSON or YAML) as canonical indented JSON.</summary>
    public static string ToJson(string text, CaseFormat format) => Write(ToNode(text, format));

    /// <summary>Writes a JSON tree as indented JSON.</summary>
    public static string Write(JsonNode node) => node.ToJsonString(Indented);

    private static JsonNode? Convert(CaseNode node) => node switch
    {
        MappingNode m => new JsonObject(m.Entries.Select(e => KeyValuePair.Create(e.Key.Text, Convert(e.Value)))),
        SequenceNode s => new JsonArray(s.Items.Select(Convert).ToArray()),
        ScalarNode { Kind: ScalarKind.Null } => null,
        ScalarNode { Kind: ScalarKind.Boolean } b => JsonValue.Create(b.Text.Trim().Equals("true", StringComparison.OrdinalIgnoreCase)),
        ScalarNode { Kind: ScalarKind.Number } n => Number(n),
        ScalarNode s => JsonValue.Create(s.Text),
        _ => null,
    };

    private static JsonNode Number(ScalarNode n)
    {
        var t = n.Text.Trim().Replace("_", "", StringComparison.Ordinal);
        if (long.TryParse(t, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l)) return JsonValue.Create(l);
        // 1e999 parses as infinity, which JSON cannot hold: the user's mistake, not the server's.
        if (!double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) || !double.IsFinite(d))
            throw new CaseSyntaxException($"The number {n.Text} is out of range.", n.Line, n.Column);
        return JsonValue.Create(d);
    }
}
