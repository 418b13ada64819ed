using System.Globalization;
using System.Text.Json.Nodes;
using Reshore.Core.Domain;
using Reshore.Core.Localization;
using Reshore.Core.MarketData;
using Reshore.Core.Risk;
using Reshore.Core.Validation;
using Reshore.Data.CaseFiles;
using Reshore.Data.Workbooks;
using Reshore.Excel.Xlsx;

namespace Reshore.Excel;

/// <summary>
/// Cases as Excel workbooks: an empty template with drop-down lists, a filled workbook of an existing case, and the
/// import of a filled workbook back to a validated case file. Row 1 of each sheet holds the stable field names of the
/// case-file format (the same in every language); row 2 explains them in the workbook's language; data start at row 3.
/// </summary>
public static class CaseWorkbook
{
    /// <summary>First data row on list sheets.</summary>
    internal const int FirstDataRow = 3;
    /// <summary>Last row covered by drop-down lists.</summary>
    internal const int LastValidatedRow = 1000;
    internal const string UncertainSheet = "Uncertain";
    internal const string ListsSheet = "Lists";
    internal const string ReadmeSheet = "Readme";
    internal static readonly string[] UncertainColumns = ["path", "distribution", "min", "mode", "max", "mean", "sd", "driver", "currency"];

    /// <summary>An empty case workbook: every sheet with its header rows, drop-down lists and the instructions sheet.</summary>
    public static byte[] Template(MarketSnapshot market, CultureInfo culture)
    {
        var root = new JsonObject { ["schemaVersion"] = 1, ["currency"] = "EUR", ["homeCountry"] = "BE" };
        return Write(root, market, culture);
    }

    /// <summary>A filled workbook of a validated case document; amounts in the case currency are numbers, others text such as "2.10 USD".</summary>
    public static byte[] FromCase(CaseDocument document, MarketSnapshot market, CultureInfo culture) =>
        Write(CaseTree.FromDocument(document), market, culture);

    /// <summary>A filled workbook of a case file's text (JSON or YAML), keeping its values as written; the case is validated first.</summary>
    public static byte[] FromCase(string caseText, string fileName, MarketSnapshot market, CultureInfo culture)
    {
        var format = CaseFileReader.FormatOf(fileName);
        CaseFileReader.ReadDocument(caseText, format, fileName, market);
        if (format == CaseFormat.Unknown) format = caseText.TrimStart().StartsWith('{') ? CaseFormat.Json : CaseFormat.Yaml;
        var node = format == CaseFormat.Json ? JsonNodeReader.Read(caseText) : YamlNodeReader.Read(caseText);
        return Write((JsonObject)CaseTree.FromNode(node)!, market, culture);
    }

    /// <summary>
    /// Reads a filled workbook, converts it to a case file and validates it. Throws <see cref="WorkbookImportException"/>
    /// listing every problem with its sheet and cell; nothing partial is returned. The workbook is checked against
    /// <paramref name="limits"/> (default <see cref="WorkbookLimits.Default"/>) before it is read; <paramref name="workbook"/> must be seekable.
    /// </summary>
    public static ImportedCase Import(Stream workbook, string fileName, MarketSnapshot market, WorkbookLimits? limits = null) =>
        new CaseWorkbookImporter(fileName, market).Import(workbook, limits: limits);

    /// <summary>
    /// Reads a filled workbook in either layout as an update of <paramref name="existingCase"/> (the stored case file as
    /// JSON): the fields a template workbook shows replace the case's, and what it does not show (events, strategies,
    /// scorecard…) is kept. An advanced-layout workbook holds the whole case and replaces it.
    /// </summary>
    public static ImportedCase Import(Stream workbook, string fileName, MarketSnapshot market, string? existingCase, WorkbookLimits? limits = null) =>
        new CaseWorkbookImporter(fileName, market).Import(workbook, existingCase is null ? null : JsonNode.Parse(existingCase) as JsonObject, limits);

    /// <summary>The case id written on a template workbook's Case sheet, or null (advanced layout, or none written).</summary>
    public static string? CaseIdOf(Stream workbook, WorkbookLimits? limits = null)
    {
        // Checked before anything is unpacked: a zip bomb is refused here as in the import (issue 20 item 3).
        WorkbookGuard.Check(workbook, limits);
        foreach (var sheet in Xlsx.XlsxReader.Read(workbook).Where(s => s.Text(1, CaseTemplate.KeyColumn) == CaseTemplate.CaseMarker))
            for (var r = 2; r <= sheet.LastRow; r++)
                if (sheet.Text(r, CaseTemplate.KeyColumn) == CaseTemplate.CaseIdKey) return sheet.Text(r, CaseTemplate.FirstValueColumn);
        return null;
    }

    private static byte[] Write(JsonObject root, MarketSnapshot market, CultureInfo culture)
    {
        var xlsx = new XlsxWriter();
        var readme = xlsx.Add(ReadmeSheet);
        var rows = CollectRows(root);
        var uncertainRows = rows.Uncertain;
        var tableSheets = new Dictionary<TableLayout, SheetBuilder>();
        foreach (var table in CaseLayout.All) tableSheets[table] = xlsx.Add(table.Sheet);
        var uncertain = xlsx.Add(UncertainSheet);
        var lists = xlsx.Add(ListsSheet);
        lists.Hidden = true;
        var listNames = WriteLists(xlsx, lists, market);

        WriteReadme(readme, culture);
        foreach (var table in CaseLayout.All)
        {
            if (table.Parent is null) WriteCaseSheet(tableSheets[table], table, rows.Rows[table].FirstOrDefault() ?? [], culture, listNames);
            else WriteTableSheet(xlsx, tableSheets[table], table, rows.Rows[table], culture, listNames);
        }
        WriteUncertainSheet(uncertain, uncertainRows, culture, listNames);
        return xlsx.ToBytes();
    }

    // ---- Tree → rows ---------------------------------------------------------------------------------------------

    private sealed record Collected(Dictionary<TableLayout, List<Dictionary<string, JsonNode>>> Rows, List<(string Path, JsonObject Distribution)> Uncertain);

    private static Collected CollectRows(JsonObject root)
    {
        var result = new Collected(CaseLayout.All.ToDictionary(t => t, _ => new List<Dictionary<string, JsonNode>>()), []);
        CollectRow(CaseLayout.Root, root, [], "", result);
        return result;
    }

    private static void CollectRow(TableLayout table, JsonObject row, IReadOnlyList<string> keys, string rowPath, Collected result)
    {
        var cells = new Dictionary<string, JsonNode>(StringComparer.Ordinal);
        var columnKeys = table.ParentKeys.Concat(table.OwnKeys).ToList();
        for (var i = 0; i < columnKeys.Count && i < keys.Count; i++) cells[columnKeys[i]] = JsonValue.Create(keys[i]);
        foreach (var field in table.Fields)
        {
            var value = CaseTree.Get(row, field.Key);
            if (value is null) continue;
            var path = CaseTree.Join(rowPath, field.Key);
            if (CaseTree.IsDistribution(value))
            {
                result.Uncertain.Add((path, value.AsObject()));
                continue;
            }
            if (field.Kind == ColumnKind.Map && value is JsonObject map)
            {
                var plain = new JsonObject();
                foreach (var (k, v) in map)
                {
                    if (CaseTree.IsDistribution(v)) result.Uncertain.Add(($"{path}.{k}", v!.AsObject()));
                    else plain[k] = v?.DeepClone();
                }
                if (plain.Count > 0) cells[field.Key] = JsonValue.Create(CellText.FormatMap(plain));
                continue;
            }
            if (field.Kind == ColumnKind.List && value is JsonArray list)
            {
                cells[field.Key] = JsonValue.Create(CellText.FormatList(list));
                continue;
            }
            cells[field.Key] = value.DeepClone();
        }
        result.Rows[table].Add(cells);
        foreach (var child in table.Children)
        {
            var ownKeys = table.Parent is null ? keys : table.IsMap ? keys : table.KeyName is null ? keys : [.. keys, row["id"]?.ToString() ?? ""];
            var collection = CaseTree.Get(row, child.PathFromParent);
            var basePath = CaseTree.Join(rowPath, child.PathFromParent);
            if (child.IsMap)
            {
                if (collection is JsonObject m) CollectMap(child, m, ownKeys, [], basePath, result);
            }
            else if (collection is JsonArray arr)
            {
                for (var i = 0; i < arr.Count; i++)
                    if (arr[i] is JsonObject element)
                        CollectRow(child, element, ownKeys, $"{basePath}[{CaseTree.RowName(child, element, i)}]", result);
            }
        }
    }

    private static void CollectMap(TableLayout table, JsonObject map, IReadOnlyList<string> keys, List<string> mapKeys, string path, Collected result)
    {
        foreach (var (k, v) in map)
        {
            if (v is not JsonObject o) continue;
            List<string> next = [.. mapKeys, k];
            if (next.Count < table.OwnKeys.Count) CollectMap(table, o, keys, next, $"{path}.{k}", result);
            else CollectRow(table, o, [.. keys, .. next], $"{path}.{k}", result);
        }
    }

    // ---- Sheets ----------------------------------------------------------------------------------------------------

    internal static Dictionary<string, string> WriteLists(XlsxWriter xlsx, SheetBuilder lists, MarketSnapshot market)
    {
        var columns = new List<(string Name, IReadOnlyList<string> Values)>
        {
            ("country", market.Countries.Keys.Select(c => c.Value).Order(StringComparer.Ordinal).ToList()),
            ("currency", market.Fx.Currencies.Select(c => c.Value).Append("EUR").Distinct().Order(StringComparer.Ordinal).ToList()),
            ("boolean", ["true", "false"]),
            // Yes and no in Dutch, for the Dutch simple template (the import reads ja/nee as well as true/false).
            ("booleanNl", ["ja", "nee"]),
            ("lane", market.Lanes.Keys.Order(StringComparer.Ordinal).ToList()),
            ("distribution", Enum.GetValues<DistributionKind>().Select(UncertainValue.Name).ToList()),
        };
        foreach (var type in CaseLayout.All.SelectMany(t => t.Fields).Where(f => f.Kind == ColumnKind.Enum).Select(f => Nullable.GetUnderlyingType(f.ValueType) ?? f.ValueType).Distinct())
            columns.Add((type.Name, Enum.GetNames(type).Select(CaseValidator.JsonName).ToList()));
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var c = 0; c < columns.Count; c++)
        {
            var (name, values) = columns[c];
            if (values.Count == 0) continue;
            lists.Set(1, c + 1, name, CellStyle.Header);
            for (var r = 0; r < values.Count; r++) lists.Set(r + 2, c + 1, values[r]);
            var col = CellRef.Column(c + 1);
            var defined = "List_" + name;
            xlsx.DefineName(defined, $"{ListsSheet}!${col}$2:${col}${values.Count + 1}");
            names[name] = defined;
            lists.Width(c + 1, 22);
        }
        return names;
    }

    internal static string? ListFor(ColumnLayout field, Dictionary<string, string> lists) => field.Kind switch
    {
        ColumnKind.Text when IsLane(field) && lists.ContainsKey("lane") => lists["lane"],
        ColumnKind.Country => lists["country"],
        ColumnKind.Currency => lists["currency"],
        ColumnKind.Boolean => lists["boolean"],
        ColumnKind.Enum => lists[(Nullable.GetUnderlyingType(field.ValueType) ?? field.ValueType).Name],
        _ => null,
    };

    /// <summary>A reference-lane id field (a leg's lane, emergency air freight's lane).</summary>
    internal static bool IsLane(ColumnLayout field) => field.Key == "lane" || field.Key.EndsWith(".lane", StringComparison.Ordinal);

    private static void WriteCaseSheet(SheetBuilder sheet, TableLayout table, Dictionary<string, JsonNode> cells, CultureInfo culture, Dictionary<string, string> lists)
    {
        sheet.Set(1, 1, Text.Get(culture, "Xl_Field", "field"), CellStyle.Header);
        sheet.Set(1, 2, Text.Get(culture, "Xl_Value", "value"), CellStyle.Header);
        sheet.Set(1, 3, Text.Get(culture, "Xl_Meaning", "unit and meaning"), CellStyle.Header);
        sheet.FrozenRows = 1;
        sheet.Width(1, 34);
        sheet.Width(2, 40);
        sheet.Width(3, 100);
        var row = 2;
        foreach (var field in table.Fields)
        {
            sheet.Set(row, 1, field.Key, CellStyle.Header);
            if (cells.TryGetValue(field.Key, out var value)) sheet.Set(row, 2, CellValueOf(value), StyleOf(field));
            sheet.Set(row, 3, Hint(field, culture), CellStyle.Note);
            if (ListFor(field, lists) is { } list) sheet.ListValidation($"B{row}", list, strict: !IsLane(field));
            row++;
        }
    }

    private static void WriteTableSheet(XlsxWriter xlsx, SheetBuilder sheet, TableLayout table, List<Dictionary<string, JsonNode>> rows, CultureInfo culture, Dictionary<string, string> lists)
    {
        var keys = table.ColumnKeys;
        sheet.FrozenRows = 2;
        for (var c = 0; c < keys.Count; c++)
        {
            var key = keys[c];
            var field = table.Fields.FirstOrDefault(f => f.Key == key);
            sheet.Set(1, c + 1, key, CellStyle.Header);
            sheet.Set(2, c + 1, field is null ? KeyHint(table, key, culture) : Hint(field, culture), CellStyle.Note);
            sheet.Width(c + 1, Math.Clamp(key.Length + 4, 14, 36));
            var col = CellRef.Column(c + 1);
            var range = $"{col}{FirstDataRow}:{col}{LastValidatedRow}";
            if (field is not null && ListFor(field, lists) is { } list) sheet.ListValidation(range, list, strict: !IsLane(field));
            else if (field is null && CaseLayout.All.FirstOrDefault(t => t.KeyName == key) is { } owner)
            {
                // Parent keys pick from the parent sheet's ids.
                var idColumn = CellRef.Column(owner.ColumnKeys.ToList().IndexOf("id") + 1);
                var name = "Ids_" + key;
                if (!lists.ContainsKey(name))
                {
                    xlsx.DefineName(name, $"{owner.Sheet}!${idColumn}${FirstDataRow}:${idColumn}${LastValidatedRow}");
                    lists[name] = name;
                }
                sheet.ListValidation(range, name);
            }
            else if (field is null && key == "country") sheet.ListValidation(range, lists["country"]);
        }
        sheet.Width(1, 18);
        var r = FirstDataRow;
        foreach (var cells in rows)
        {
            for (var c = 0; c < keys.Count; c++)
                if (cells.TryGetValue(keys[c], out var value))
                    sheet.Set(r, c + 1, CellValueOf(value), table.Fields.FirstOrDefault(f => f.Key == keys[c]) is { } f ? StyleOf(f) : CellStyle.Default);
            r++;
        }
    }

    private static void WriteUncertainSheet(SheetBuilder sheet, List<(string Path, JsonObject Distribution)> rows, CultureInfo culture, Dictionary<string, string> lists)
    {
        string[] hints =
        [
            Text.Get(culture, "Xl_UncPath", "Field path, e.g. items[ITEM].options[OPTION].production.unitPrice or assumptions.wageGrowthPct.CN; leave that field's own cell empty."),
            Text.Get(culture, "Xl_UncKind", "triangular, pert, uniform, normal or lognormal."),
            Text.Get(culture, "Xl_UncMin", "Lowest value (triangular, pert, uniform)."),
            Text.Get(culture, "Xl_UncMode", "Most likely value (triangular, pert)."),
            Text.Get(culture, "Xl_UncMax", "Highest value (triangular, pert, uniform)."),
            Text.Get(culture, "Xl_UncMean", "Mean (normal, lognormal)."),
            Text.Get(culture, "Xl_UncSd", "Standard deviation (normal, lognormal)."),
            Text.Get(culture, "Xl_UncDriver", "Optional id from the Drivers sheet: inputs on one driver move together."),
            Text.Get(culture, "Xl_UncCurrency", "Optional currency of an amount (default: the case currency)."),
        ];
        sheet.FrozenRows = 2;
        for (var c = 0; c < UncertainColumns.Length; c++)
        {
            sheet.Set(1, c + 1, UncertainColumns[c], CellStyle.Header);
            sheet.Set(2, c + 1, hints[c], CellStyle.Note);
            sheet.Width(c + 1, c == 0 ? 60 : 16);
        }
        sheet.ListValidation($"B{FirstDataRow}:B{LastValidatedRow}", lists["distribution"]);
        sheet.ListValidation($"I{FirstDataRow}:I{LastValidatedRow}", lists["currency"]);
        var r = FirstDataRow;
        foreach (var (path, distribution) in rows)
        {
            sheet.Set(r, 1, path);
            for (var c = 1; c < UncertainColumns.Length; c++)
                if (distribution[UncertainColumns[c]] is { } v) sheet.Set(r, c + 1, CellValueOf(v), c is >= 2 and <= 6 ? CellStyle.Number : CellStyle.Default);
            r++;
        }
    }

    internal static object? CellValueOf(JsonNode node) => node switch
    {
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v when v.TryGetValue<bool>(out var b) => b,
        JsonValue v when v.TryGetValue<double>(out var d) => d,
        JsonValue v when v.TryGetValue<int>(out var i) => (double)i,
        _ => node.ToJsonString(),
    };

    private static CellStyle StyleOf(ColumnLayout field) => field.Kind switch
    {
        ColumnKind.Integer => CellStyle.Default,
        _ => CellStyle.Default,
    };

    private static string KeyHint(TableLayout table, string key, CultureInfo culture) =>
        table.OwnKeys.Contains(key)
            ? Text.Format(culture, "Xl_MapKeyHint", "Required: the {0} this row is for.", key)
            : Text.Format(culture, "Xl_ParentKeyHint", "Required: id of the {0} this row belongs to.", key);

    internal static string Hint(ColumnLayout field, CultureInfo culture)
    {
        var kind = field.Kind switch
        {
            ColumnKind.Number => Text.Get(culture, "Xl_KindNumber", "number (or a distribution on the Uncertain sheet)"),
            ColumnKind.Integer => Text.Get(culture, "Xl_KindInteger", "whole number"),
            ColumnKind.Money => Text.Get(culture, "Xl_KindMoney", "amount: a number in the case currency, or text such as \"2.10 USD\" (or a distribution on the Uncertain sheet)"),
            ColumnKind.Boolean => Text.Get(culture, "Xl_KindBoolean", "true or false"),
            ColumnKind.Country => Text.Get(culture, "Xl_KindCountry", "ISO country code (list)"),
            ColumnKind.Currency => Text.Get(culture, "Xl_KindCurrency", "ISO currency code (list)"),
            ColumnKind.Enum => Text.Format(culture, "Xl_KindEnum", "one of: {0}", string.Join(", ", Enum.GetNames(Nullable.GetUnderlyingType(field.ValueType) ?? field.ValueType).Select(CaseValidator.JsonName))),
            ColumnKind.List => Text.Get(culture, "Xl_KindList", "list, separated by commas"),
            ColumnKind.Map => Text.Get(culture, "Xl_KindMap", "pairs key: value, separated by semicolons"),
            _ => Text.Get(culture, "Xl_KindText", "text"),
        };
        var required = field.Required ? Text.Get(culture, "Xl_Required", "Required.") + " " : "";
        return $"{required}{kind}. {field.DescriptionIn(culture)}";
    }

    private static void WriteReadme(SheetBuilder sheet, CultureInfo culture)
    {
        sheet.Width(1, 24);
        sheet.Width(2, 120);
        sheet.Set(1, 1, Text.Get(culture, "Xl_ReadmeTitle", "Reshore case workbook"), CellStyle.Title);
        string[] lines =
        [
            Text.Get(culture, "Xl_Readme1", "Fill in this workbook and import it with 'reshore workbook import FILE.xlsx' or in the web app; the import checks every cell and lists every problem with its sheet and cell."),
            Text.Get(culture, "Xl_Readme2", "Row 1 of each sheet holds the field names of the case-file format: do not rename them. Row 2 gives the unit and meaning. Enter data from row 3; empty rows are skipped; columns you do not need may stay empty or be deleted."),
            Text.Get(culture, "Xl_Readme3", "The Case sheet holds one value per field (column B). Other sheets hold one row per item, option, transport leg, cost, event, …; a row names the item, option or event it belongs to in its first columns."),
            Text.Get(culture, "Xl_Readme4", "Amounts without a currency are in the case currency; write \"2.10 USD\" for another. Percentages are in % (8 means 8%). Lists go in one cell separated by commas (CN, VN); pairs as key: value separated by semicolons (CN: 5; VN: 6)."),
            Text.Get(culture, "Xl_Readme5", "Uncertain inputs: leave the field's cell empty and add a row on the Uncertain sheet with the field's path and its distribution."),
            Text.Get(culture, "Xl_Readme6", "Drop-down lists offer countries from the reference data, currencies, transport modes, governance models and other allowed values."),
        ];
        var r = 3;
        foreach (var line in lines) sheet.Set(r++, 2, line, CellStyle.Wrap);
        r++;
        sheet.Set(r, 1, Text.Get(culture, "Xl_Sheet", "sheet"), CellStyle.Header);
        sheet.Set(r++, 2, Text.Get(culture, "Xl_Contents", "contents"), CellStyle.Header);
        foreach (var table in CaseLayout.All)
        {
            sheet.Set(r, 1, table.Sheet);
            sheet.Set(r++, 2, SheetDescription(table, culture), CellStyle.Wrap);
        }
        sheet.Set(r, 1, UncertainSheet);
        sheet.Set(r, 2, Text.Get(culture, "Xl_SheetUncertain", "Uncertain inputs: one row per field given as a distribution."), CellStyle.Wrap);
    }

    private static string SheetDescription(TableLayout table, CultureInfo culture) => table.Sheet switch
    {
        "Case" => Text.Get(culture, "Xl_SheetCase", "The case: name, company, currency, home country, base year, horizon, discount rate, assumptions, risk and dependency settings."),
        "Items" => Text.Get(culture, "Xl_SheetItems", "One row per item (product, part or activity): volume, weight, prices, inventory and scorecard settings."),
        "Options" => Text.Get(culture, "Xl_SheetOptions", "One row per sourcing option of an item (column item): governance, country, production, logistics, trade, inventory, quality, management, risk and strategic inputs."),
        "Legs" => Text.Get(culture, "Xl_SheetLegs", "Transport legs of an option, in order (a lane from the reference data, or mode, distance and rate)."),
        "OneOffCosts" => Text.Get(culture, "Xl_SheetOneOff", "One-off transition costs of an option (investments, recruitment, training, ramp-up)."),
        "Incentives" => Text.Get(culture, "Xl_SheetIncentives", "Subsidies, tax credits and subsidised loans of an option."),
        "Events" => Text.Get(culture, "Xl_SheetEvents", "Disruption events for the simulation: rate per year and duration."),
        "EventEffects" => Text.Get(culture, "Xl_SheetEffects", "What each disruption event does to which options (by option, country or transport mode)."),
        _ => table.Description,
    };
}
