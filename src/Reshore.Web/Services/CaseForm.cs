using System.Globalization;
using System.Text.Json.Nodes;

namespace Reshore.Web.Services;

/// <summary>
/// The case editor's model: a case (JSON) laid out as sections of fields, each field named by its JSON path
/// ($.items[0].options[1].unitPrice), so that validation errors, which carry the same paths, show next to their field.
/// Arrays of objects (items' options, disruption events, drivers…) become grids with one column per element.
/// </summary>
public static class CaseForm
{
    /// <summary>A field: its JSON path, label and current text.</summary>
    public sealed record Field(string Path, string Label, string Value, bool IsList);

    /// <summary>A group of fields under one object.</summary>
    public sealed record Section(string Path, string Title, IReadOnlyList<Field> Fields, IReadOnlyList<Section> Children, Grid? Grid);

    /// <summary>
    /// An array of objects: columns are elements, rows are relative field paths. <see cref="Lists"/> holds, for the lists of records
    /// inside an element (an option's "logistics.legs", "transition.oneOffCosts"…), how many entries each column has.
    /// </summary>
    public sealed record Grid(string Path, IReadOnlyList<string> Columns, IReadOnlyList<string> Rows, IReadOnlyDictionary<(int Column, string Row), Field> Cells)
    {
        public IReadOnlyDictionary<(int Column, string List), int> Lists { get; init; } = new Dictionary<(int, string), int>();
    }

    /// <summary>Lays out a case, numbers written as in <paramref name="culture"/> (invariant when not given).</summary>
    public static Section Layout(JsonObject root, CultureInfo? culture = null, bool catalogue = false)
    {
        var previous = (_display, _catalogue);
        (_display, _catalogue) = (culture ?? CultureInfo.InvariantCulture, catalogue);
        try { return LayoutObject(root, "$", ""); }
        finally { (_display, _catalogue) = previous; }
    }

    // The culture numbers are written in, and whether grids list every field of the schema, while a layout is built (one layout per
    // request thread).
    [ThreadStatic] private static CultureInfo? _display;
    [ThreadStatic] private static bool _catalogue;

    /// <summary>The model group of a grid row: its first segment ("production", "logistics", … or "" for the option's own fields).</summary>
    public static string GroupOf(string row)
    {
        var dot = row.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? "" : row[..dot];
    }

    /// <summary>The separator of list fields in <paramref name="culture"/>: a semicolon where the comma is the decimal separator.</summary>
    public static string ListSeparator(CultureInfo culture) => culture.NumberFormat.NumberDecimalSeparator == "," ? ";" : ",";

    private static Section LayoutObject(JsonObject obj, string path, string title)
    {
        var fields = new List<Field>();
        var children = new List<Section>();
        foreach (var (key, value) in obj)
        {
            var p = $"{path}.{key}";
            switch (value)
            {
                case JsonObject o:
                    children.Add(LayoutObject(o, p, key));
                    break;
                // An empty list of records (an item without options yet) is an empty grid, to which elements are added.
                case JsonArray { Count: 0 } when _catalogue && FieldHelp.IsRecordList(p):
                    children.Add(new Section(p, key, [], [], new Grid(p, [], [], new Dictionary<(int, string), Field>())));
                    break;
                case JsonArray a when a.Count > 0 && a.All(x => x is JsonObject) && a.Any(x => HoldsNestedRecords((JsonObject)x!)):
                    for (var i = 0; i < a.Count; i++)
                    {
                        var element = (JsonObject)a[i]!;
                        children.Add(LayoutObject(element, $"{p}[{i}]", $"{key}: {element["id"]?.ToString() ?? element["name"]?.ToString() ?? $"#{i + 1}"}"));
                    }
                    break;
                case JsonArray a when a.Count > 0 && a.All(x => x is JsonObject):
                    children.Add(new Section(p, key, [], [], LayoutGrid(a, p)));
                    break;
                case JsonArray a:
                    fields.Add(new Field(p, key, string.Join(ListSeparator(_display ?? CultureInfo.InvariantCulture) + " ", a.Select(ScalarText)), IsList: true));
                    break;
                default:
                    fields.Add(new Field(p, key, ScalarText(value), IsList: false));
                    break;
            }
        }
        // The object's other fields, empty, so that they can be filled in without knowing their names.
        if (_catalogue)
            foreach (var key in FieldHelp.ScalarFields(path).Where(k => !obj.ContainsKey(k) && k != "schemaVersion"))
                fields.Add(new Field($"{path}.{key}", key, "", IsList: false));
        return new Section(path, title, fields, children, null);
    }

    // An element that holds a list of structured records (an item with its options) is too deep for one grid column:
    // it gets its own section, in which that list becomes a grid (options side by side).
    private static bool HoldsNestedRecords(JsonObject element) =>
        element.Any(kv => kv.Value is JsonArray inner && inner.Any(x => x is JsonObject o && o.Any(f => f.Value is JsonObject)));

    private static Grid LayoutGrid(JsonArray array, string path)
    {
        var columns = new List<string>();
        var rows = new List<string>();
        var cells = new Dictionary<(int, string), Field>();
        for (var i = 0; i < array.Count; i++)
        {
            var element = (JsonObject)array[i]!;
            columns.Add(element["id"]?.ToString() ?? element["name"]?.ToString() ?? $"#{i + 1}");
            foreach (var (relative, field) in Leaves(element, $"{path}[{i}]", ""))
            {
                if (!rows.Contains(relative)) rows.Add(relative);
                cells[(i, relative)] = field;
            }
        }
        var lists = new Dictionary<(int, string), int>();
        if (_catalogue)
        {
            var catalogue = FieldHelp.Catalogue(path);
            // Lists of records inside an element (legs, one-off costs, incentives…): every entry any column has gets the list's rows,
            // so an entry added empty can be filled in.
            foreach (var list in catalogue.Where(r => r.Contains("[0]", StringComparison.Ordinal)).Select(r => r[..r.IndexOf("[0]", StringComparison.Ordinal)]).Distinct())
            {
                for (var i = 0; i < array.Count; i++) lists[(i, list)] = Find((JsonObject)array[i]!, "$." + list) is JsonArray a ? a.Count : 0;
                var most = Enumerable.Range(0, array.Count).Select(i => lists[(i, list)]).DefaultIfEmpty(0).Max();
                foreach (var row in catalogue.Where(r => r.StartsWith(list + "[0]", StringComparison.Ordinal)))
                    for (var k = 1; k < most; k++)
                    {
                        var entryRow = $"{list}[{k.ToString(CultureInfo.InvariantCulture)}]{row[(list.Length + 3)..]}";
                        if (!rows.Contains(entryRow)) rows.Add(entryRow);
                    }
            }
            rows = WithCatalogue(rows, catalogue);
        }
        return new Grid(path, columns, rows, cells) { Lists = lists };
    }

    /// <summary>The list of records a grid row belongs to and the entry's index ("logistics.legs[1].mode" → ("logistics.legs", 1)), or null.</summary>
    public static (string List, int Index)? ListEntryOf(string row)
    {
        var m = System.Text.RegularExpressions.Regex.Match(row, @"^([^\[]+)\[(\d+)\]");
        return m.Success ? (m.Groups[1].Value, int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture)) : null;
    }

    // Every field of the schema becomes a row, empty where an element has no value, so any cost factor can be added from nothing. Rows
    // follow the schema's order, grouped as the model is; a row the schema does not list (a second leg) goes after its first one.
    private static List<string> WithCatalogue(List<string> rows, IReadOnlyList<string> schemaRows)
    {
        if (schemaRows.Count == 0) return rows;
        var catalogue = schemaRows.ToList();
        var all = catalogue.Concat(rows.Where(r => !catalogue.Contains(r))).ToList();
        int Rank(string row)
        {
            var normal = System.Text.RegularExpressions.Regex.Replace(row, @"\[\d+\]", "[0]");
            var i = catalogue.IndexOf(normal) is var exact and >= 0 ? exact : catalogue.FindIndex(c => GroupOf(c) == GroupOf(row) && GroupOf(row).Length > 0);
            return i < 0 ? int.MaxValue : i;
        }
        // An entry of a list (the second leg) keeps its fields together, after the entry before it: ranked by where the list starts,
        // then by entry, then by field.
        (int List, int Entry, int Field) Order(string row)
        {
            var field = Rank(row);
            if (ListEntryOf(row) is not { } entry) return (field, 0, field);
            var start = catalogue.FindIndex(c => c.StartsWith(entry.List + "[0]", StringComparison.Ordinal));
            return (start < 0 ? field : start, entry.Index, field);
        }
        return all.Select((row, order) => (row, order)).OrderBy(x => Order(x.row)).ThenBy(x => x.row.Contains('[', StringComparison.Ordinal) ? x.row : "").ThenBy(x => x.order).Select(x => x.row).ToList();
    }

    private static IEnumerable<(string Relative, Field Field)> Leaves(JsonObject obj, string path, string prefix)
    {
        foreach (var (key, value) in obj)
        {
            var p = $"{path}.{key}";
            var r = prefix.Length == 0 ? key : $"{prefix}.{key}";
            switch (value)
            {
                case JsonObject o:
                    foreach (var leaf in Leaves(o, p, r)) yield return leaf;
                    break;
                case JsonArray a when a.Count > 0 && a.All(x => x is JsonObject):
                    for (var i = 0; i < a.Count; i++)
                        foreach (var leaf in Leaves((JsonObject)a[i]!, $"{p}[{i}]", $"{r}[{i}]")) yield return leaf;
                    break;
                case JsonArray a:
                    yield return (r, new Field(p, r, string.Join(ListSeparator(_display ?? CultureInfo.InvariantCulture) + " ", a.Select(ScalarText)), IsList: true));
                    break;
                default:
                    yield return (r, new Field(p, r, ScalarText(value), IsList: false));
                    break;
            }
        }
    }

    /// <summary>True when a column has no value for a row and nothing below it either, so an empty input may be offered.</summary>
    /// An entry of a list inside the element is offered up to the one after the column's last (typing there adds it).
    public static bool CanAdd(Grid grid, int column, string row) =>
        !grid.Cells.ContainsKey((column, row)) && !grid.Cells.Keys.Any(k => k.Column == column && (k.Row.StartsWith(row + ".", StringComparison.Ordinal) || k.Row.StartsWith(row + "[", StringComparison.Ordinal)))
        && !(ListEntryOf(row) is { } entry && grid.Lists.TryGetValue((column, entry.List), out var count) && entry.Index > count);

    /// <summary>A grid cell's JSON path for an element that does not have that field yet.</summary>
    public static string CellPath(Grid grid, int column, string row) => grid.Cells.TryGetValue((column, row), out var f) ? f.Path : $"{grid.Path}[{column}].{row}";

    private static string ScalarText(JsonNode? node) => node switch
    {
        null => "",
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v when v.TryGetValue<bool>(out var b) => b ? "true" : "false",
        JsonValue v when v.GetValueKind() == System.Text.Json.JsonValueKind.Number && !v.TryGetValue<double>(out _) => ScalarText(JsonNode.Parse(v.ToJsonString())),
        JsonValue v when v.TryGetValue<double>(out var d) => _display is null || _display.Equals(CultureInfo.InvariantCulture) ? d.ToString("R", CultureInfo.InvariantCulture) : LocalNumber.Format(d, _display),
        _ => node.ToJsonString(),
    };

    /// <summary>
    /// Applies submitted field values (path → text) to a copy of the case. Numbers, true/false stay typed; an empty
    /// field removes the value (so the reference-data default applies); list fields are comma-separated.
    /// </summary>
    public static JsonObject Apply(JsonObject root, IEnumerable<KeyValuePair<string, string>> values, ISet<string> listPaths, CultureInfo? culture = null)
    {
        culture ??= CultureInfo.InvariantCulture;
        var copy = (JsonObject)root.DeepClone();
        foreach (var (path, text) in values)
        {
            var steps = Parse(path);
            if (steps is null) continue;
            var existing = Find(copy, path);
            // A scalar input never replaces or removes a structured value (an uncertain input given as a distribution, a
            // nested object): those are edited through their own fields.
            if (existing is JsonObject || (existing is JsonArray && !listPaths.Contains(path))) continue;
            var value = listPaths.Contains(path) ? ListValue(text, culture) : TypedLike(existing, text, culture, path);
            Set(copy, steps, value);
        }
        return copy;
    }

    /// <summary>Copies an element of an array of objects (its id gets a "-copy" suffix).</summary>
    public static JsonObject Duplicate(JsonObject root, string arrayPath, int index)
    {
        var copy = (JsonObject)root.DeepClone();
        if (Find(copy, arrayPath) is JsonArray a && index >= 0 && index < a.Count && a[index] is JsonObject element)
        {
            var clone = (JsonObject)element.DeepClone();
            if (clone["id"] is JsonValue id && id.TryGetValue<string>(out var s))
            {
                var n = 1;
                string candidate;
                do candidate = n == 1 ? $"{s}-copy" : $"{s}-copy{n}";
                while (a.Any(x => x?["id"]?.ToString() == candidate) && ++n < 1000);
                clone["id"] = candidate;
            }
            if (clone["name"] is JsonValue name && name.TryGetValue<string>(out var ns)) clone["name"] = ns + " (copy)";
            a.Insert(index + 1, clone);
        }
        return copy;
    }

    /// <summary>
    /// Adds a new element at the end of the array of records at <paramref name="arrayPath"/>, creating the array (and the objects
    /// above it) when the case has none yet. An element with an id gets a new one ("option-3"); an item gets an empty list of options.
    /// </summary>
    public static JsonObject Add(JsonObject root, string arrayPath)
    {
        var copy = (JsonObject)root.DeepClone();
        var steps = Parse(arrayPath);
        if (steps is null || steps[^1] is not string name || !FieldHelp.IsRecordList(arrayPath)) return copy;
        if (Find(copy, arrayPath) is not JsonArray array)
        {
            if (Find(copy, arrayPath) is not null) return copy;
            Set(copy, steps, new JsonArray());
            if (Find(copy, arrayPath) is not JsonArray created) return copy;
            array = created;
        }
        var element = new JsonObject();
        if (FieldHelp.ScalarFields(arrayPath + "[0]").Contains("id"))
        {
            var stem = name switch { "items" => "item", "options" => "option", "strategies" => "strategy", "events" => "event", "billOfMaterials" => "component", "steps" => "step", _ => name.TrimEnd('s') };
            var n = array.Count + 1;
            while (array.Any(x => x?["id"]?.ToString() == $"{stem}-{n}")) n++;
            element["id"] = $"{stem}-{n}";
        }
        if (name == "items") element["options"] = new JsonArray();
        array.Add(element);
        return copy;
    }

    /// <summary>
    /// Lists of records the case does not have yet but a user builds from nothing: items, each item's options and strategies, and the
    /// disruption events. (A list the case has is a grid or a run of sections with its own add button.)
    /// </summary>
    public static IReadOnlyList<string> Missing(JsonObject root)
    {
        var paths = new List<string>();
        if (root["items"] is not JsonArray { Count: > 0 } items) return ["$.items"];
        for (var i = 0; i < items.Count; i++)
            foreach (var list in new[] { "options", "strategies" })
                if (items[i] is JsonObject item && item[list] is not JsonArray) paths.Add($"$.items[{i.ToString(CultureInfo.InvariantCulture)}].{list}");
        if (root["risk"]?["events"] is not JsonArray) paths.Add("$.risk.events");
        return paths;
    }

    /// <summary>Removes an element of an array.</summary>
    public static JsonObject Remove(JsonObject root, string arrayPath, int index)
    {
        var copy = (JsonObject)root.DeepClone();
        if (Find(copy, arrayPath) is JsonArray a && index >= 0 && index < a.Count) a.RemoveAt(index);
        return copy;
    }

    private static JsonNode? Find(JsonObject root, string path)
    {
        var steps = Parse(path);
        if (steps is null) return null;
        JsonNode? node = root;
        foreach (var step in steps)
            node = step switch
            {
                string key => (node as JsonObject)?[key],
                int i => node is JsonArray a && i < a.Count ? a[i] : null,
                _ => null,
            };
        return node;
    }

    private static JsonNode? ScalarValue(string text, CultureInfo culture)
    {
        var t = text.Trim();
        if (t.Length == 0) return null;
        if (t is "true" or "false") return JsonValue.Create(t == "true");
        if (culture.Equals(CultureInfo.InvariantCulture))
        {
            if (double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && !t.StartsWith('+'))
                return t.Contains('.') || t.Contains('e') || t.Contains('E') ? JsonValue.Create(d) : long.TryParse(t, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) ? JsonValue.Create(l) : JsonValue.Create(d);
            return JsonValue.Create(t);
        }
        // Typed as the user's language writes numbers; whole numbers stay whole (a count of shipments, a year).
        if (LocalNumber.TryParse(t, culture, out var local))
            return local == Math.Floor(local) && Math.Abs(local) < 1e15 ? JsonValue.Create((long)local) : JsonValue.Create(local);
        return JsonValue.Create(t);
    }

    // A field keeps the JSON type it had: an HS code "940540" stays a string; a number that no longer parses is kept as
    // text so that validation names the field. New fields take the type their text suggests.
    private static JsonNode? TypedLike(JsonNode? existing, string text, CultureInfo culture, string path)
    {
        if (text.Trim().Length == 0) return null;
        if (existing is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.String) return JsonValue.Create(text.Trim());
        // A new text field (a name, an HS code "940540") stays text whatever it looks like.
        if (existing is null && FieldHelp.IsText(path)) return JsonValue.Create(text.Trim());
        return ScalarValue(text, culture);
    }

    private static JsonNode? ListValue(string text, CultureInfo culture)
    {
        var parts = text.Split(ListSeparator(culture)[0], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return parts.Length == 0 ? null : new JsonArray(parts.Select(p => ScalarValue(p, culture)).ToArray());
    }

    /// <summary>Parses $.a.b[2].c into steps ("a", "b", 2, "c") with the one case-path parser; null when it is not such a path.</summary>
    public static List<object>? Parse(string path) =>
        path.StartsWith("$.", StringComparison.Ordinal) && Core.Domain.CasePath.TryParse(path, out var steps, out _) ? steps.ToList() : null;

    private static void Set(JsonObject root, List<object> steps, JsonNode? value)
    {
        JsonNode node = root;
        for (var s = 0; s < steps.Count - 1; s++)
        {
            var next = steps[s + 1];
            switch (steps[s], node)
            {
                case (string key, JsonObject o):
                    if (o[key] is null)
                    {
                        if (value is null) return;
                        o[key] = next is int ? new JsonArray() : new JsonObject();
                    }
                    node = o[key]!;
                    break;
                case (int i, JsonArray a):
                    // The row after the last is a new one (an "add another" row); further ones are not.
                    if (i == a.Count && value is not null) a.Add(next is int ? new JsonArray() : new JsonObject());
                    if (i >= a.Count) return;
                    if (a[i] is null) a[i] = next is int ? new JsonArray() : new JsonObject();
                    node = a[i]!;
                    break;
                default:
                    return;
            }
        }
        switch (steps[^1], node)
        {
            case (string key, JsonObject o):
                if (value is null) o.Remove(key);
                else o[key] = value;
                break;
            case (int i, JsonArray a) when i < a.Count:
                a[i] = value;
                break;
        }
    }
}
