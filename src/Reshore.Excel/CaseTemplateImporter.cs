using System.Globalization;
using System.Text.Json.Nodes;
using Reshore.Excel.Xlsx;

namespace Reshore.Excel;

/// <summary>Reading the template layout (<see cref="CaseTemplate"/>): rows by the field key in column A, values from column E on.</summary>
internal sealed partial class CaseWorkbookImporter
{
    private (JsonObject Root, string? CaseId) ReadTemplate(JsonObject? baseCase)
    {
        // An update starts from the stored case, so what the template does not show (events, strategies, scorecard…) is kept.
        var root = baseCase?.DeepClone().AsObject() ?? new JsonObject { ["schemaVersion"] = 1 };
        _root = root;
        string? caseId = null;
        var caseSheets = _sheets.Values.Where(s => s.Text(1, CaseTemplate.KeyColumn) == CaseTemplate.CaseMarker).ToList();
        var itemSheets = _sheets.Values.Where(s => s.Text(1, CaseTemplate.KeyColumn) == CaseTemplate.ItemMarker).ToList();
        if (caseSheets.Count != 1)
        {
            Add(caseSheets.Count == 0 ? "Case" : caseSheets[1].Name, null, caseSheets.Count == 0 ? "The Case sheet is missing (cell A1 \"#case\")." : "There are two Case sheets; keep one.");
            return (root, null);
        }
        var caseSheet = caseSheets[0];
        var caseRows = KeyRows(caseSheet);
        _locs[root] = new Loc(caseSheet.Name, null, CaseLayout.Root, k => caseRows.TryGetValue(k, out var r) ? CellRef.Name(r, CaseTemplate.FirstValueColumn) : null, "");
        if (caseRows.TryGetValue(CaseTemplate.CaseIdKey, out var idRow)) caseId = caseSheet.Text(idRow, CaseTemplate.FirstValueColumn);
        foreach (var field in CaseLayout.Root.Fields)
            if (caseRows.TryGetValue(field.Key, out var r))
                SetTemplateField(root, field, caseSheet, r, CaseTemplate.FirstValueColumn, "");
        UnknownKeys(caseSheet, caseRows, CaseLayout.Root.Fields.Select(f => f.Key).Append(CaseTemplate.CaseIdKey));

        if (itemSheets.Count == 0)
        {
            Add(caseSheet.Name, null, "The workbook has no Item sheet (cell A1 \"#item\"): a case needs at least one item.");
            return (root, caseId);
        }
        var baseItems = (root["items"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        var items = new JsonArray();
        var seenItems = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var sheet in itemSheets)
        {
            if (ReadItemSheet(sheet, baseItems, seenItems) is { } item) items.Add(item);
        }
        root["items"] = items;
        return (root, caseId);
    }

    private JsonObject? ReadItemSheet(SheetCells sheet, List<JsonObject> baseItems, Dictionary<string, string> seenItems)
    {
        var rows = KeyRows(sheet);
        var col = CaseTemplate.FirstValueColumn;
        var id = rows.TryGetValue(CaseTemplate.ItemIdKey, out var idRow) ? sheet.Text(idRow, col) : null;
        if (id is null)
        {
            Add(sheet.Name, idRow > 0 ? CellRef.Name(idRow, col) : null, "Missing item id: give the item a short id (e.g. frame).");
            return null;
        }
        if (!seenItems.TryAdd(id, sheet.Name))
        {
            Add(sheet.Name, CellRef.Name(idRow, col), $"Item '{id}' is also on sheet {seenItems[id]}; item ids must be unique.");
            return null;
        }
        var baseItem = baseItems.FirstOrDefault(i => i["id"]?.ToString() == id);
        var item = baseItem?.DeepClone().AsObject() ?? new JsonObject();
        _locs[item] = new Loc(sheet.Name, CellRef.Name(idRow, col), CaseTemplate.Items, k => rows.TryGetValue("item." + k, out var r) ? CellRef.Name(r, col) : null, "");
        foreach (var field in CaseTemplate.Items.Fields)
            if (rows.TryGetValue("item." + field.Key, out var r))
                SetTemplateField(item, field, sheet, r, col, $"items[{id}]");

        var known = CaseTemplate.Items.Fields.Select(f => "item." + f.Key).Concat(CaseTemplate.Options.Fields.Select(f => "option." + f.Key)).ToHashSet(StringComparer.Ordinal);
        var slotKeys = new Dictionary<string, (TableLayout Table, int Slot, ColumnLayout Field)>(StringComparer.Ordinal);
        foreach (var (table, _) in CaseTemplate.OptionLists)
            foreach (var key in rows.Keys.Where(k => k.StartsWith($"option.{table.PathFromParent}[", StringComparison.Ordinal)))
            {
                var rest = key[$"option.{table.PathFromParent}[".Length..];
                var close = rest.IndexOf(']', StringComparison.Ordinal);
                if (close > 0 && int.TryParse(rest[..close], NumberStyles.None, CultureInfo.InvariantCulture, out var slot) && rest.Length > close + 2
                    && table.Fields.FirstOrDefault(f => f.Key == rest[(close + 2)..]) is { } f)
                {
                    slotKeys[key] = (table, slot, f);
                    known.Add(key);
                }
            }
        UnknownKeys(sheet, rows, known.Append(CaseTemplate.ItemIdKey));

        // Options: every column from E with an id or any value.
        var optionRows = rows.Where(r => r.Key.StartsWith("option.", StringComparison.Ordinal)).Select(r => r.Value).ToList();
        var baseOptions = (item["options"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        var options = new JsonArray();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        var optionIdRow = rows.GetValueOrDefault(CaseTemplate.OptionIdKey);
        for (var c = col; c <= sheet.LastColumn; c++)
        {
            var hasValue = optionRows.Any(r => sheet.Text(r, c) is not null);
            if (!hasValue) continue;
            var optionId = optionIdRow > 0 ? sheet.Text(optionIdRow, c) : null;
            if (optionId is null)
            {
                Add(sheet.Name, optionIdRow > 0 ? CellRef.Name(optionIdRow, c) : null, "Missing option id: this column has values but no id (e.g. taiwan, genk).");
                continue;
            }
            if (!seen.TryAdd(optionId, CellRef.Name(optionIdRow, c)))
            {
                Add(sheet.Name, CellRef.Name(optionIdRow, c), $"Option '{optionId}' is given twice (also in {seen[optionId]}).");
                continue;
            }
            var option = baseOptions.FirstOrDefault(o => o["id"]?.ToString() == optionId)?.DeepClone().AsObject() ?? new JsonObject();
            var column = c;
            _locs[option] = new Loc(sheet.Name, CellRef.Name(optionIdRow, c), CaseTemplate.Options, k => rows.TryGetValue("option." + k, out var r) ? CellRef.Name(r, column) : null, "");
            var optionPath = $"items[{id}].options[{optionId}]";
            foreach (var field in CaseTemplate.Options.Fields)
                if (rows.TryGetValue("option." + field.Key, out var r))
                    SetTemplateField(option, field, sheet, r, c, optionPath);
            foreach (var group in slotKeys.GroupBy(s => s.Value.Table))
            {
                var table = group.Key;
                var list = new JsonArray();
                foreach (var slot in group.GroupBy(s => s.Value.Slot).OrderBy(g => g.Key))
                {
                    if (slot.All(s => sheet.Text(rows[s.Key], c) is null)) continue;
                    var element = new JsonObject();
                    var slotRows = slot.ToDictionary(s => s.Value.Field.Key, s => rows[s.Key]);
                    _locs[element] = new Loc(sheet.Name, CellRef.Name(slotRows.Values.Min(), c), table, k => slotRows.TryGetValue(k, out var r) ? CellRef.Name(r, column) : null, "");
                    foreach (var s in slot)
                        SetTemplateField(element, s.Value.Field, sheet, rows[s.Key], c, $"{optionPath}.{table.PathFromParent}[{list.Count.ToString(CultureInfo.InvariantCulture)}]");
                    list.Add(element);
                }
                var (holder, name) = CaseTree.Ensure(option, table.PathFromParent);
                if (list.Count > 0) holder[name] = list;
                else holder.Remove(name);
            }
            options.Add(option);
        }
        item["options"] = options;
        return item;
    }

    /// <summary>Rows by their key in column A (from row 3); a key given twice is an error.</summary>
    private Dictionary<string, int> KeyRows(SheetCells sheet)
    {
        var rows = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var r = 3; r <= sheet.LastRow; r++)
        {
            var key = sheet.Text(r, CaseTemplate.KeyColumn);
            if (key is null) continue;
            if (!rows.TryAdd(key, r)) Add(sheet.Name, CellRef.Name(r, CaseTemplate.KeyColumn), $"Field key '{key}' is given twice (also on row {rows[key]}).");
        }
        return rows;
    }

    private void UnknownKeys(SheetCells sheet, Dictionary<string, int> rows, IEnumerable<string> known)
    {
        var set = known.ToHashSet(StringComparer.Ordinal);
        foreach (var (key, r) in rows)
            if (!set.Contains(key) && sheet.Text(r, CaseTemplate.FirstValueColumn) is not null)
                Add(sheet.Name, CellRef.Name(r, CaseTemplate.KeyColumn), $"Unknown field key '{key}' in column A: it was changed; restore it from a fresh template.");
    }

    /// <summary>Sets (or, when the cell is empty, removes) one field from a template cell; a distribution may be written in the cell.</summary>
    private void SetTemplateField(JsonObject record, ColumnLayout field, SheetCells sheet, int row, int column, string rowPath)
    {
        var (owner, name) = CaseTree.Ensure(record, field.Key);
        owner.Remove(name);
        var raw = sheet.Get(row, column);
        var cell = CellRef.Name(row, column);
        if (field.MayBeUncertain && field.Kind != ColumnKind.Map && raw is string text && DistributionText.Looks(text))
        {
            var distribution = DistributionText.Parse(text, out var error);
            if (distribution is null)
            {
                Add(sheet.Name, cell, error!);
                return;
            }
            _locs[distribution] = new Loc(sheet.Name, cell, null, null, "");
            owner[name] = distribution;
            return;
        }
        SetField(record, field, raw, sheet.Name, cell, rowPath);
        // Nested groups left empty by removals (production: {}) are dropped so they do not read as "given".
        if (owner.Count == 0 && !ReferenceEquals(owner, record)) RemoveEmpty(record, field.Key);
    }

    private static void RemoveEmpty(JsonObject record, string dotted)
    {
        var parts = dotted.Split('.');
        for (var depth = parts.Length - 1; depth >= 1; depth--)
        {
            var parentPath = string.Join('.', parts.Take(depth - 1));
            var parent = depth == 1 ? record : CaseTree.Get(record, parentPath) as JsonObject;
            if (parent?[parts[depth - 1]] is JsonObject { Count: 0 }) parent.Remove(parts[depth - 1]);
            else break;
        }
    }
}
