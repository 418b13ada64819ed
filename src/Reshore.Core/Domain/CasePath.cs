using System.Globalization;

namespace Reshore.Core.Domain;

/// <summary>
/// The one parser of case-field paths such as <c>$.items[0].options[1].production.unitPrice</c> or <c>$.assumptions.wageGrowthPct.CN</c>
/// (the leading <c>$.</c> is optional). A path is a list of steps: a field or map key (string) or a list index (int). Validation errors,
/// uncertain inputs, the editor, the workbook importer and the break-even solver all speak these paths.
/// </summary>
public static class CasePath
{
    /// <summary>The steps of <paramref name="path"/>; throws <see cref="ArgumentException"/> saying what is wrong.</summary>
    public static IReadOnlyList<object> Parse(string path) =>
        TryParse(path, out var steps, out var error) ? steps : throw new ArgumentException($"Path '{path}' is not valid: {error}.");

    /// <summary>Parses <paramref name="path"/> into steps; false with the reason when it is not such a path.</summary>
    public static bool TryParse(string path, out IReadOnlyList<object> steps, out string? error)
    {
        ArgumentNullException.ThrowIfNull(path);
        var list = new List<object>();
        steps = list;
        error = null;
        var p = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.StartsWith('$') ? path[1..] : path;
        foreach (var part in p.Split('.'))
        {
            var bracket = part.IndexOf('[', StringComparison.Ordinal);
            var key = bracket < 0 ? part : part[..bracket];
            if (key.Length > 0) list.Add(key);
            else if (bracket != 0 || list.Count == 0)
            {
                error = "a field name is empty";
                return false;
            }
            while (bracket >= 0)
            {
                var close = part.IndexOf(']', bracket);
                if (close < 0 || !int.TryParse(part.AsSpan(bracket + 1, close - bracket - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                {
                    error = $"'{part[bracket..]}' is not a list index";
                    return false;
                }
                list.Add(index);
                bracket = part.IndexOf('[', close);
                if (bracket < 0 && close != part.Length - 1)
                {
                    error = $"'{part[(close + 1)..]}' follows a list index";
                    return false;
                }
            }
        }
        if (list.Count == 0)
        {
            error = "it is empty";
            return false;
        }
        return true;
    }

    /// <summary>The path of <paramref name="steps"/>, with a leading <c>$</c>.</summary>
    public static string Format(IEnumerable<object> steps) =>
        "$" + string.Concat(steps.Select(s => s is int i ? $"[{i.ToString(CultureInfo.InvariantCulture)}]" : "." + s));
}
