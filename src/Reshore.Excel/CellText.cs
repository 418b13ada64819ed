using System.Globalization;
using System.Text.Json.Nodes;

namespace Reshore.Excel;

/// <summary>Lists ("a, b") and maps ("k: v; k: v") of scalars in one cell.</summary>
internal static class CellText
{
    public static string FormatList(JsonArray list) => string.Join(", ", list.Select(Scalar));

    public static string FormatMap(JsonObject map) => string.Join("; ", map.Select(e => $"{e.Key}: {Scalar(e.Value)}"));

    private static string Scalar(JsonNode? node) => node switch
    {
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v when v.TryGetValue<double>(out var d) => d.ToString("R", CultureInfo.InvariantCulture),
        JsonValue v when v.TryGetValue<int>(out var i) => i.ToString(CultureInfo.InvariantCulture),
        JsonValue v when v.TryGetValue<bool>(out var b) => b ? "true" : "false",
        null => "",
        _ => node.ToJsonString(),
    };

    /// <summary>The "key: value" pairs of a map cell, split at semicolons and line breaks outside parentheses (a distribution's own semicolons stay).</summary>
    public static IEnumerable<string> SplitPairs(string text)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] == '(') depth++;
            else if (i < text.Length && text[i] == ')') depth = Math.Max(0, depth - 1);
            else if (i == text.Length || (text[i] is ';' or '\n' && depth == 0))
            {
                var part = text[start..i].Trim();
                if (part.Length > 0) yield return part;
                start = i + 1;
            }
        }
    }

    /// <summary>Numbers in invariant culture; a decimal comma is accepted too.</summary>
    public static bool TryNumber(string text, out double value)
    {
        var t = text.Trim();
        if (double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value)) return true;
        return !t.Contains('.', StringComparison.Ordinal) && t.Count(c => c == ',') == 1
               && double.TryParse(t.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
    }
}
