using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Reshore.Excel;

/// <summary>Writes a JSON tree as block-style YAML (strings double-quoted, so nothing is read back as another type).</summary>
internal static class CaseYaml
{
    public static string Write(JsonNode root)
    {
        var sb = new StringBuilder();
        if (root is JsonObject o) Mapping(sb, o, 0);
        else sb.Append(Scalar(root)).Append('\n');
        return sb.ToString();
    }

    private static void Mapping(StringBuilder sb, JsonObject o, int indent)
    {
        foreach (var (key, value) in o)
        {
            sb.Append(' ', indent).Append(Key(key)).Append(':');
            Value(sb, value, indent);
        }
    }

    private static void Value(StringBuilder sb, JsonNode? value, int indent)
    {
        switch (value)
        {
            case JsonObject { Count: 0 }: sb.Append(" {}\n"); break;
            case JsonArray { Count: 0 }: sb.Append(" []\n"); break;
            case JsonObject child:
                sb.Append('\n');
                Mapping(sb, child, indent + 2);
                break;
            case JsonArray list:
                sb.Append('\n');
                foreach (var item in list)
                {
                    sb.Append(' ', indent + 2).Append('-');
                    if (item is JsonObject { Count: > 0 } element)
                    {
                        // First key on the dash line, the rest aligned under it.
                        var first = true;
                        foreach (var (key, v) in element)
                        {
                            if (first) sb.Append(' ');
                            else sb.Append(' ', indent + 4);
                            first = false;
                            sb.Append(Key(key)).Append(':');
                            Value(sb, v, indent + 4);
                        }
                    }
                    else Value(sb, item, indent + 2);
                }
                break;
            default:
                sb.Append(' ').Append(Scalar(value)).Append('\n');
                break;
        }
    }

    private static string Key(string key) =>
        key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.') && key.Length > 0 && char.IsAsciiLetter(key[0]) && key is not ("true" or "false" or "null" or "yes" or "no" or "on" or "off" or "y" or "n")
            ? key : Quote(key);

    private static string Scalar(JsonNode? node) => node switch
    {
        null => "null",
        JsonValue v when v.TryGetValue<string>(out var s) => Quote(s),
        JsonValue v when v.TryGetValue<bool>(out var b) => b ? "true" : "false",
        JsonValue v when v.TryGetValue<double>(out var d) => d.ToString("R", CultureInfo.InvariantCulture),
        _ => node.ToJsonString(),
    };

    private static string Quote(string s) => JsonSerializer.Serialize(s, new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}
