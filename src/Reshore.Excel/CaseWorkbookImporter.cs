using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Reshore.Core.MarketData;
using Reshore.Core.Validation;
using Reshore.Data.CaseFiles;
using Reshore.Data.Workbooks;
using Reshore.Excel.Xlsx;

namespace Reshore.Excel;

/// <summary>
/// Reads a case workbook into a case-file JSON tree, remembering the cell of every value; writes the tree as JSON with one
/// value per line and validates it with the case-file reader, so binder and validator errors map back from their line to
/// the cell they came from.
/// </summary>
internal sealed partial class CaseWorkbookImporter(string fileName, MarketSnapshot market)
{
    private sealed record Loc(string Sheet, string? Cell, TableLayout? Table, Func<string, string?>? FieldCell, string Prefix);

    private sealed class UncertainEntry(JsonObject distribution, int row)
    {
        public JsonObject Distribution { get; } = distribution;
        public int Row { get; } = row;
        public bool Used { get; set; }
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly List<WorkbookError> _errors = [];
    private readonly Dictionary<JsonNode, Loc> _locs = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, UncertainEntry> _uncertain = new(StringComparer.Ordinal);
    private readonly Dictionary<TableLayout, Dictionary<string, (JsonObject Row, string Path)>> _registry = [];
    private readonly HashSet<(string Sheet, string Key)> _missingColumns = [];
    private Dictionary<string, SheetCells> _sheets = new(StringComparer.OrdinalIgnoreCase);

    public ImportedCase Import(Stream stream, JsonObject? baseCase = null, WorkbookLimits? limits = null)
    {
        try
        {
            WorkbookGuard.Check(stream, limits);
            _sheets = XlsxReader.Read(stream).GroupBy(s => s.Name, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        }
        catch (WorkbookRejectedException e)
        {
            throw new WorkbookImportException(fileName, [new WorkbookError(Path.GetFileName(fileName), null, e.Message)]);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or DocumentFormat.OpenXml.Packaging.OpenXmlPackageException or FormatException or InvalidOperationException or ArgumentException or System.Xml.XmlException)
        {
            throw new WorkbookImportException(fileName, [new WorkbookError(Path.GetFileName(fileName), null, $"Not a readable .xlsx workbook: {e.Message}")]);
        }
        var template = CaseTemplate.IsTemplate(_sheets.Values);
        JsonObject root;
        string? caseId = null;
        if (template) (root, caseId) = ReadTemplate(baseCase);
        else
        {
            ReadUncertain();
            root = new JsonObject();
            ReadCaseSheet(root);
            foreach (var table in CaseLayout.All.Skip(1)) ReadTable(table);
        }
        foreach (var (path, entry) in _uncertain.Where(u => !u.Value.Used))
            Add(CaseWorkbook.UncertainSheet, $"A{entry.Row}", $"No number field at '{path}': check the ids and the field name (e.g. items[ITEM].options[OPTION].production.unitPrice).");

        var (json, lines) = Serialize(root);
        CaseDocument? document = null;
        try
        {
            document = CaseFileReader.ReadDocument(json, CaseFormat.Json, fileName, market);
        }
        catch (CaseValidationException e)
        {
            foreach (var error in e.Errors) MapError(error, lines);
        }
        if (_errors.Count > 0 || document is null)
            throw new WorkbookImportException(fileName, Sorted());
        return new ImportedCase(json, document) { CaseId = caseId, Layout = template ? WorkbookLayout.Template : WorkbookLayout.Advanced };
    }

    private void Add(string sheet, string? cell, string message) => _errors.Add(new WorkbookError(sheet, cell, message));

    private List<WorkbookError> Sorted()
    {
        var order = CaseLayout.All.Select(t => t.Sheet).Append(CaseWorkbook.UncertainSheet).ToList();
        return _errors.Distinct().Select((e, i) => (e, i))
            .OrderBy(x => order.IndexOf(x.e.Sheet) is var o && o < 0 ? int.MaxValue : o)
            .ThenBy(x => x.e.Cell is null ? 0 : CellRef.Parse(x.e.Cell).Row)
            .ThenBy(x => x.e.Cell is null ? 0 : CellRef.Parse(x.e.Cell).Column)
            .ThenBy(x => x.i).Select(x => x.e).ToList();
    }

    // ---- Sheets ----------------------------------------------------------------------------------------------------

    private void ReadUncertain()
    {
        if (!_sheets.TryGetValue(CaseWorkbook.UncertainSheet, out var sheet)) return;
        var columns = Header(sheet, CaseWorkbook.UncertainColumns, CaseWorkbook.UncertainSheet);
        for (var r = CaseWorkbook.FirstDataRow; r <= sheet.LastRow; r++)
        {
            if (RowEmpty(sheet, r)) continue;
            var path = columns.TryGetValue("path", out var pc) ? sheet.Text(r, pc) : null;
            if (path is null)
            {
                Add(sheet.Name, $"A{r}", "Missing path: which field this distribution is for.");
                continue;
            }
            var dist = new JsonObject();
            _locs[dist] = new Loc(sheet.Name, $"A{r}", null, k => columns.TryGetValue(k, out var c) ? CellRef.Name(r, c) : null, "");
            foreach (var name in CaseWorkbook.UncertainColumns.Skip(1))
            {
                if (!columns.TryGetValue(name, out var c) || sheet.Get(r, c) is not { } raw || sheet.Text(r, c) is null) continue;
                var kind = name is "distribution" or "driver" or "currency" ? ColumnKind.Text : ColumnKind.Number;
                var node = Convert(kind, typeof(double), raw, sheet.Name, CellRef.Name(r, c));
                if (node is null) continue;
                _locs[node] = new Loc(sheet.Name, CellRef.Name(r, c), null, null, "");
                dist[name] = node;
            }
            if (!_uncertain.TryAdd(path, new UncertainEntry(dist, r)))
                Add(sheet.Name, $"A{r}", $"'{path}' is given twice (also on row {_uncertain[path].Row}).");
        }
    }

    private void ReadCaseSheet(JsonObject root)
    {
        var table = CaseLayout.Root;
        var rows = new Dictionary<string, int>(StringComparer.Ordinal);
        _locs[root] = new Loc(table.Sheet, null, table, k => rows.TryGetValue(k, out var r) ? $"B{r}" : null, "");
        if (!_sheets.TryGetValue(table.Sheet, out var sheet))
        {
            Add(table.Sheet, null, "The sheet is missing.");
            return;
        }
        for (var r = 2; r <= sheet.LastRow; r++)
        {
            var key = sheet.Text(r, 1);
            if (key is null) continue;
            var field = table.Fields.FirstOrDefault(f => f.Key == key) ?? table.Fields.FirstOrDefault(f => f.Key.Equals(key, StringComparison.OrdinalIgnoreCase));
            if (field is null)
            {
                var suggestion = CaseBinder.Suggest(key, table.Fields.Select(f => f.Key));
                Add(sheet.Name, $"A{r}", $"Unknown field '{key}'{(suggestion is null ? "" : $"; did you mean '{suggestion}'?")}");
                continue;
            }
            if (!rows.TryAdd(field.Key, r))
            {
                Add(sheet.Name, $"A{r}", $"'{field.Key}' is given twice (also on row {rows[field.Key]}).");
                continue;
            }
        }
        foreach (var field in table.Fields)
        {
            var r = rows.TryGetValue(field.Key, out var row) ? row : 0;
            SetField(root, field, r == 0 ? null : sheet.Get(r, 2), sheet.Name, r == 0 ? null : $"B{r}", "");
        }
    }

    private Dictionary<string, int> Header(SheetCells sheet, IReadOnlyList<string> allowed, string sheetName)
    {
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var c = 1; c <= sheet.LastColumn; c++)
        {
            var text = sheet.Text(1, c);
            if (text is null) continue;
            var key = allowed.FirstOrDefault(a => a == text) ?? allowed.FirstOrDefault(a => a.Equals(text, StringComparison.OrdinalIgnoreCase));
            if (key is null)
            {
                var suggestion = CaseBinder.Suggest(text, allowed);
                Add(sheetName, CellRef.Name(1, c), $"Unknown column '{text}'{(suggestion is null ? "" : $"; did you mean '{suggestion}'?")}");
            }
            else if (!columns.TryAdd(key, c)) Add(sheetName, CellRef.Name(1, c), $"Column '{key}' appears twice.");
        }
        return columns;
    }

    private static bool RowEmpty(SheetCells sheet, int row)
    {
        for (var c = 1; c <= sheet.LastColumn; c++) if (sheet.Text(row, c) is not null) return false;
        return true;
    }

    private void ReadTable(TableLayout table)
    {
        var registry = table.KeyName is null ? null : _registry[table] = new Dictionary<string, (JsonObject, string)>(StringComparer.Ordinal);
        if (!_sheets.TryGetValue(table.Sheet, out var sheet)) return;
        var columns = Header(sheet, table.ColumnKeys, sheet.Name);
        var hasData = Enumerable.Range(CaseWorkbook.FirstDataRow, Math.Max(0, sheet.LastRow - CaseWorkbook.FirstDataRow + 1)).Any(r => !RowEmpty(sheet, r));
        if (!hasData) return;
        var keyColumns = table.ParentKeys.Concat(table.OwnKeys).ToList();
        foreach (var key in keyColumns.Concat(table.Fields.Where(f => f.Required).Select(f => f.Key)))
            if (!columns.ContainsKey(key))
            {
                Add(sheet.Name, null, $"Required column '{key}' is missing from row 1.");
                _missingColumns.Add((sheet.Name, key));
            }
        if (keyColumns.Any(k => !columns.ContainsKey(k))) return;
        for (var r = CaseWorkbook.FirstDataRow; r <= sheet.LastRow; r++)
        {
            if (RowEmpty(sheet, r)) continue;
            var keys = new List<string>();
            var ok = true;
            foreach (var k in keyColumns)
            {
                var v = sheet.Text(r, columns[k]);
                if (v is null)
                {
                    Add(sheet.Name, CellRef.Name(r, columns[k]), $"Missing {k}: {(table.OwnKeys.Contains(k) ? $"the {k} this row is for" : $"the id of the {k} this row belongs to")}.");
                    ok = false;
                }
                keys.Add(v ?? "");
            }
            if (!ok) continue;
            var parentKeys = keys.Take(table.ParentKeys.Count).ToList();
            JsonObject parent;
            string parentPath;
            if (table.Parent!.Parent is null) (parent, parentPath) = (RootOf(), "");
            else if (_registry.TryGetValue(table.Parent, out var parents) && parents.TryGetValue(string.Join('\u001f', parentKeys), out var found)) (parent, parentPath) = found;
            else
            {
                var last = table.ParentKeys[^1];
                var owner = table.ParentKeys.Count > 1 ? $" of {table.ParentKeys[^2]} '{parentKeys[^2]}'" : "";
                Add(sheet.Name, CellRef.Name(r, columns[last]), $"Unknown {last} '{parentKeys[^1]}'{owner}: it is not on the {table.Parent.Sheet} sheet.");
                continue;
            }
            var row = new JsonObject();
            var rowNumber = r;
            _locs[row] = new Loc(sheet.Name, $"A{r}", table, k => columns.TryGetValue(k, out var c) ? CellRef.Name(rowNumber, c) : null, "");
            string rowPath;
            var basePath = CaseTree.Join(parentPath, table.PathFromParent);
            var (holder, name) = CaseTree.Ensure(parent, table.PathFromParent);
            if (table.IsMap)
            {
                var ownKeys = keys.Skip(table.ParentKeys.Count).ToList();
                rowPath = basePath + "." + string.Join('.', ownKeys);
                if (holder[name] is not JsonObject map) holder[name] = map = new JsonObject();
                for (var i = 0; i < ownKeys.Count - 1; i++)
                {
                    if (map[ownKeys[i]] is not JsonObject next) map[ownKeys[i]] = next = new JsonObject();
                    map = next;
                }
                if (map.ContainsKey(ownKeys[^1]))
                {
                    Add(sheet.Name, CellRef.Name(r, columns[table.OwnKeys[^1]]), $"{string.Join(" / ", ownKeys)} is given twice.");
                    continue;
                }
                map[ownKeys[^1]] = row;
            }
            else
            {
                if (holder[name] is not JsonArray list) holder[name] = list = new JsonArray();
                var id = columns.TryGetValue("id", out var idc) ? sheet.Text(r, idc) : null;
                rowPath = $"{basePath}[{(table.KeyName is not null && id is not null ? id : list.Count.ToString(CultureInfo.InvariantCulture))}]";
                list.Add(row);
                if (registry is not null && id is not null) registry.TryAdd(string.Join('\u001f', parentKeys.Append(id)), (row, rowPath));
            }
            foreach (var field in table.Fields)
            {
                var c = columns.TryGetValue(field.Key, out var col) ? col : 0;
                SetField(row, field, c == 0 ? null : sheet.Get(r, c), sheet.Name, c == 0 ? null : CellRef.Name(r, c), rowPath);
            }
        }
    }

    private JsonObject? _root;
    private JsonObject RootOf() => _root ??= (JsonObject)_locs.Keys.First(k => _locs[k].Table == CaseLayout.Root && k is JsonObject);

    private void SetField(JsonObject row, ColumnLayout field, object? raw, string sheet, string? cell, string rowPath)
    {
        var path = CaseTree.Join(rowPath, field.Key);
        var empty = raw is null || raw is string s && string.IsNullOrWhiteSpace(s);
        if (field.MayBeUncertain && field.Kind != ColumnKind.Map && _uncertain.TryGetValue(path, out var u))
        {
            u.Used = true;
            if (!empty)
            {
                Add(sheet, cell, $"Given both here and as a distribution on {CaseWorkbook.UncertainSheet}!A{u.Row}; keep one.");
                return;
            }
            var (o, n) = CaseTree.Ensure(row, field.Key);
            o[n] = u.Distribution;
            return;
        }
        JsonNode? node = null;
        if (!empty)
        {
            node = Convert(field.Kind, field.ValueType, raw!, sheet, cell!);
            if (node is null) return;
            _locs[node] = new Loc(sheet, cell, null, null, "");
        }
        if (field.Kind == ColumnKind.Map && field.MayBeUncertain)
        {
            foreach (var (p, entry) in _uncertain.Where(e => e.Key.StartsWith(path + ".", StringComparison.Ordinal) && !e.Key[(path.Length + 1)..].Contains('.', StringComparison.Ordinal)))
            {
                node ??= new JsonObject();
                _locs.TryAdd(node, new Loc(CaseWorkbook.UncertainSheet, $"A{entry.Row}", null, null, ""));
                var key = p[(path.Length + 1)..];
                entry.Used = true;
                if (node.AsObject().ContainsKey(key)) Add(CaseWorkbook.UncertainSheet, $"A{entry.Row}", $"'{key}' is given both in {sheet}!{cell} and here; keep one.");
                else node.AsObject()[key] = entry.Distribution;
            }
        }
        if (node is null) return;
        var (owner, name) = CaseTree.Ensure(row, field.Key);
        owner[name] = node;
    }

    private static string RawText(object raw) => raw switch
    {
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        _ => (raw.ToString() ?? "").Trim(),
    };

    private JsonNode? Convert(ColumnKind kind, Type valueType, object raw, string sheet, string cell)
    {
        switch (kind)
        {
            case ColumnKind.Number or ColumnKind.Integer or ColumnKind.Money:
                if (raw is double d) return JsonValue.Create(d);
                var t = RawText(raw);
                return CellText.TryNumber(t, out var n) ? JsonValue.Create(n) : JsonValue.Create(t);
            case ColumnKind.Boolean:
                if (raw is bool b) return JsonValue.Create(b);
                if (raw is double bd && bd is 0 or 1) return JsonValue.Create(bd == 1);
                var bt = RawText(raw).ToLowerInvariant();
                if (bt is "true" or "yes" or "ja" or "waar" or "y" or "j") return JsonValue.Create(true);
                if (bt is "false" or "no" or "nee" or "onwaar" or "n") return JsonValue.Create(false);
                return JsonValue.Create(RawText(raw));
            case ColumnKind.List:
            {
                var element = CaseLayout.KindOf(valueType);
                var items = RawText(raw).Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                var array = new JsonArray();
                foreach (var item in items)
                {
                    var node = Convert(element, valueType, item, sheet, cell)!;
                    _locs[node] = new Loc(sheet, cell, null, null, "");
                    array.Add(node);
                }
                return array;
            }
            case ColumnKind.Map:
            {
                var element = CaseLayout.KindOf(valueType);
                var map = new JsonObject();
                foreach (var part in CellText.SplitPairs(RawText(raw)))
                {
                    var colon = part.IndexOf(':', StringComparison.Ordinal);
                    if (colon <= 0)
                    {
                        Add(sheet, cell, $"'{part}' is not a pair key: value (pairs are separated by semicolons, e.g. CN: 5; VN: 6).");
                        return null;
                    }
                    var key = part[..colon].Trim();
                    if (map.ContainsKey(key))
                    {
                        Add(sheet, cell, $"Key '{key}' is given twice.");
                        return null;
                    }
                    var valueText = part[(colon + 1)..].Trim();
                    JsonNode node;
                    if (element is ColumnKind.Number or ColumnKind.Money && DistributionText.Looks(valueText))
                    {
                        if (DistributionText.Parse(valueText, out var error) is not { } distribution)
                        {
                            Add(sheet, cell, $"{key}: {error}");
                            return null;
                        }
                        node = distribution;
                    }
                    else node = Convert(element, valueType, valueText, sheet, cell)!;
                    _locs[node] = new Loc(sheet, cell, null, null, "");
                    map[key] = node;
                }
                return map;
            }
            default:
                return JsonValue.Create(RawText(raw));
        }
    }

    // ---- JSON with a line map ------------------------------------------------------------------------------------------

    private (string Json, Dictionary<int, Loc> Lines) Serialize(JsonObject root)
    {
        var sb = new StringBuilder();
        var lines = new Dictionary<int, Loc>();
        var line = 1;
        void Write(JsonNode? node, int indent, Loc? inherited)
        {
            var loc = node is not null && _locs.TryGetValue(node, out var own) ? own : inherited;
            if (loc is not null) lines[line] = loc;
            switch (node)
            {
                case JsonObject o when o.Count > 0:
                    sb.Append('{');
                    var first = true;
                    foreach (var (key, value) in o)
                    {
                        if (!first) sb.Append(',');
                        first = false;
                        sb.Append('\n').Append(' ', indent + 2);
                        line++;
                        sb.Append(JsonSerializer.Serialize(key, JsonOptions)).Append(": ");
                        Write(value, indent + 2, loc is null ? null : loc with { Prefix = loc.Prefix + key + "." });
                    }
                    sb.Append('\n').Append(' ', indent).Append('}');
                    line++;
                    break;
                case JsonArray a when a.Count > 0:
                    sb.Append('[');
                    for (var i = 0; i < a.Count; i++)
                    {
                        if (i > 0) sb.Append(',');
                        sb.Append('\n').Append(' ', indent + 2);
                        line++;
                        Write(a[i], indent + 2, loc);
                    }
                    sb.Append('\n').Append(' ', indent).Append(']');
                    line++;
                    break;
                case JsonObject:
                    sb.Append("{}");
                    break;
                case JsonArray:
                    sb.Append("[]");
                    break;
                case null:
                    sb.Append("null");
                    break;
                default:
                    sb.Append(node.ToJsonString(JsonOptions));
                    break;
            }
        }
        Write(root, 0, null);
        sb.Append('\n');
        return (sb.ToString(), lines);
    }

    private void MapError(CaseError error, Dictionary<int, Loc> lines)
    {
        if (error.Line is not { } l || !lines.TryGetValue(l, out var loc))
        {
            Add(CaseLayout.Root.Sheet, null, $"{error.Path}: {error.Message}");
            return;
        }
        if (error.Message.StartsWith("Missing required field", StringComparison.Ordinal))
        {
            var field = error.Path[(error.Path.LastIndexOf('.') + 1)..];
            var key = loc.Prefix + field;
            if (_missingColumns.Contains((loc.Sheet, key))) return;
            if (loc.FieldCell?.Invoke(key) is { } fieldCell)
            {
                Add(loc.Sheet, fieldCell, error.Message);
                return;
            }
            if (loc.Table?.Children.FirstOrDefault(c => c.PathFromParent == key) is { } child)
            {
                Add(child.Sheet, null, error.Message);
                return;
            }
        }
        Add(loc.Sheet, loc.Cell, error.Message);
    }
}
