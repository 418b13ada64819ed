using System.Globalization;
using System.Text.Json.Nodes;
using Reshore.Core.Localization;
using Reshore.Core.MarketData;
using Reshore.Core.Risk;
using Reshore.Data.CaseFiles;
using Reshore.Excel.Xlsx;

namespace Reshore.Excel;

/// <summary>
/// The case workbook as Excel users lay one out: a Case sheet with the general settings, and per item a sheet with the
/// cost factors as rows and the options as columns, each row with its unit and help text and drop-down lists where the
/// values are fixed. Column A (hidden) holds each row's field key, so labels and sheet names can be in any language and
/// rows may be reordered; the workbook imports into the same case model as the advanced (one sheet per table) layout.
/// Lists inside an option (transport legs, one-off costs, incentives, other costs) get numbered slots of rows.
/// </summary>
public static class CaseTemplate
{
    internal const string CaseMarker = "#case";
    internal const string ItemMarker = "#item";
    internal const string CaseIdKey = "#caseId";
    internal const string OptionIdKey = "option.id";
    internal const string ItemIdKey = "item.id";
    internal const int KeyColumn = 1, LabelColumn = 2, UnitColumn = 3, HelpColumn = 4, FirstValueColumn = 5;

    internal static TableLayout Items => CaseLayout.All.First(t => t.Sheet == "Items");
    internal static TableLayout Options => CaseLayout.All.First(t => t.Sheet == "Options");

    /// <summary>Lists of records inside an option that the template shows as numbered slots (legs 1–3, …), with the slots an empty template offers.</summary>
    internal static IEnumerable<(TableLayout Table, int Slots)> OptionLists =>
        Options.Children.Where(c => !c.IsMap && c.Children.Count == 0).Select(c => (c, c.Sheet is "Legs" or "OneOffCosts" ? 3 : 2));

    /// <summary>An empty template: one item with a status quo and one alternative.</summary>
    public static byte[] Empty(MarketSnapshot market, CultureInfo culture)
    {
        var root = new JsonObject
        {
            ["schemaVersion"] = 1, ["currency"] = "EUR", ["homeCountry"] = "BE",
            ["items"] = new JsonArray(new JsonObject
            {
                ["id"] = "item-1",
                ["options"] = new JsonArray(new JsonObject { ["id"] = "status-quo" }, new JsonObject { ["id"] = "alternative-1" }),
            }),
        };
        return Write(root, null, market, culture);
    }

    /// <summary>
    /// A filled template of a validated case. <paramref name="caseId"/>, when given (the web app's case id), is written
    /// on the Case sheet so that importing the workbook again updates that case.
    /// </summary>
    public static byte[] FromCase(CaseDocument document, string? caseId, MarketSnapshot market, CultureInfo culture) =>
        Write(CaseTree.FromDocument(document), caseId, market, culture);

    /// <summary>A filled template of a case file's text (JSON or YAML), keeping its values as written.</summary>
    public static byte[] FromCase(string caseText, string fileName, string? caseId, MarketSnapshot market, CultureInfo culture)
    {
        var format = CaseFileReader.FormatOf(fileName);
        CaseFileReader.ReadDocument(caseText, format, fileName, market);
        if (format == CaseFormat.Unknown) format = caseText.TrimStart().StartsWith('{') ? CaseFormat.Json : CaseFormat.Yaml;
        var node = format == CaseFormat.Json ? JsonNodeReader.Read(caseText) : YamlNodeReader.Read(caseText);
        return Write((JsonObject)CaseTree.FromNode(node)!, caseId, market, culture);
    }

    /// <summary>True when the workbook uses this layout (a sheet starts with the template's marker).</summary>
    internal static bool IsTemplate(IEnumerable<SheetCells> sheets) => sheets.Any(s => s.Text(1, KeyColumn) is CaseMarker or ItemMarker);

    private static byte[] Write(JsonObject root, string? caseId, MarketSnapshot market, CultureInfo culture)
    {
        string T(string key, string english) => Text.Get(culture, key, english);
        var xlsx = new XlsxWriter();
        var readme = xlsx.Add(T("Xt_ReadmeSheet", "Read me"));
        var caseSheet = xlsx.Add(T("Xt_CaseSheet", "Case"));
        var items = root["items"] as JsonArray ?? [];
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { readme.Name, caseSheet.Name, CaseWorkbook.ListsSheet };
        var itemSheets = items.OfType<JsonObject>().Select((item, i) => (item, sheet: xlsx.Add(ResultsWorkbook.SheetName($"{T("Xt_ItemSheet", "Item")} {Id(item) ?? (i + 1).ToString(CultureInfo.InvariantCulture)}", used)))).ToList();
        var lists = xlsx.Add(CaseWorkbook.ListsSheet);
        lists.Hidden = true;
        var listNames = CaseWorkbook.WriteLists(xlsx, lists, market);

        WriteReadme(readme, culture);

        // Case sheet: one value column.
        Frame(caseSheet, CaseMarker, T("Xt_CaseTitle", "Case: general settings"), [T("Xt_Value", "Value")], culture);
        var r = 3;
        caseSheet.Set(r, KeyColumn, CaseIdKey);
        caseSheet.Set(r, LabelColumn, T("Xt_CaseId", "Case id (keep it: importing this workbook again updates that case)"));
        if (caseId is not null) caseSheet.Set(r, FirstValueColumn, caseId);
        r++;
        r = Rows(caseSheet, r, CaseLayout.Root.Fields.Where(f => f.Key != "schemaVersion"), "", [root], listNames, culture);

        foreach (var (item, sheet) in itemSheets)
        {
            var options = (item["options"] as JsonArray ?? []).OfType<JsonObject>().ToList();
            var capacity = Math.Max(options.Count + 2, 4);
            Frame(sheet, ItemMarker, $"{T("Xt_ItemTitle", "Item")}: {(item["name"] ?? item["id"])?.ToString()}",
                Enumerable.Range(1, capacity).Select(k => Text.Format(culture, "Xt_OptionN", "Option {0}", k)).ToList(), culture);
            var row = 3;
            Section(sheet, row++, T("Xt_ItemSection", "The item (column E)"));
            row = Rows(sheet, row, Items.Fields.Where(f => f.Key != "id").Prepend(Items.Fields.First(f => f.Key == "id")), "item.", [item], listNames, culture);
            Section(sheet, row++, T("Xt_OptionsSection", "Options: one column each; the first is the status quo unless the item says otherwise"));
            var optionFields = Options.Fields.Where(f => f.Key != "id").Prepend(Options.Fields.First(f => f.Key == "id")).ToList();
            string? group = null;
            foreach (var field in optionFields)
            {
                var g = field.Key.Contains('.', StringComparison.Ordinal) ? field.Key[..field.Key.IndexOf('.', StringComparison.Ordinal)] : null;
                if (g is not null && g != group) Section(sheet, row++, Text.Get(culture, "Xt_Group_" + g, Capitalised(InputText.Field(g, culture), culture)));
                group = g ?? group;
                row = Rows(sheet, row, [field], "option.", options, listNames, culture, capacity);
            }
            foreach (var (table, slots) in OptionLists)
            {
                var counts = options.Select(o => (CaseTree.Get(o, table.PathFromParent) as JsonArray)?.Count ?? 0).DefaultIfEmpty(0).Max();
                for (var k = 0; k < Math.Max(slots, counts); k++)
                {
                    Section(sheet, row++, Text.Format(culture, "Xt_Slot_" + table.Sheet, Capitalised(InputText.Field(table.PathFromParent[(table.PathFromParent.LastIndexOf('.') + 1)..], culture), culture) + " {0}", k + 1));
                    var rows = options.Select(o => (CaseTree.Get(o, table.PathFromParent) as JsonArray) is { } a && k < a.Count && a[k] is JsonObject e ? e : new JsonObject()).ToList();
                    row = Rows(sheet, row, table.Fields, $"option.{table.PathFromParent}[{k.ToString(CultureInfo.InvariantCulture)}].", rows, listNames, culture, capacity);
                }
            }
        }
        return xlsx.ToBytes();
    }

    private static string? Id(JsonObject o) => o["id"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static void Frame(SheetBuilder sheet, string marker, string title, IReadOnlyList<string> valueHeaders, CultureInfo culture)
    {
        sheet.Set(1, KeyColumn, marker);
        sheet.Set(1, LabelColumn, title, CellStyle.Title);
        sheet.Set(2, KeyColumn, "#header");
        sheet.Set(2, LabelColumn, Text.Get(culture, "Xt_Factor", "Factor"), CellStyle.Header);
        sheet.Set(2, UnitColumn, Text.Get(culture, "Xt_Unit", "Unit"), CellStyle.Header);
        sheet.Set(2, HelpColumn, Text.Get(culture, "Xt_Help", "Help"), CellStyle.Header);
        for (var k = 0; k < valueHeaders.Count; k++)
        {
            sheet.Set(2, FirstValueColumn + k, valueHeaders[k], CellStyle.Header);
            sheet.Width(FirstValueColumn + k, 20);
        }
        sheet.FrozenRows = 2;
        sheet.Width(KeyColumn, 30);
        sheet.HiddenColumns.Add(KeyColumn);
        sheet.Width(LabelColumn, 42);
        sheet.Width(UnitColumn, 12);
        sheet.Width(HelpColumn, 60);
    }

    private static void Section(SheetBuilder sheet, int row, string text) => sheet.Set(row, LabelColumn, text, CellStyle.Header);

    /// <summary>Writes one row per field: key, label, unit, help and the value of each record in its column; returns the next row.</summary>
    private static int Rows(SheetBuilder sheet, int row, IEnumerable<ColumnLayout> fields, string keyPrefix, IReadOnlyList<JsonObject> records, Dictionary<string, string> lists, CultureInfo culture, int capacity = 1)
    {
        foreach (var field in fields)
        {
            sheet.Set(row, KeyColumn, keyPrefix + field.Key);
            sheet.Set(row, LabelColumn, Label(field.Key, culture));
            sheet.Set(row, UnitColumn, Unit(field, culture));
            sheet.Set(row, HelpColumn, Hint(field, culture), CellStyle.Note);
            // Yes/no in the user's language (the import reads ja/nee and true/false alike).
            var dutchYesNo = field.Kind == ColumnKind.Boolean && culture.TwoLetterISOLanguageName == "nl";
            for (var k = 0; k < records.Count; k++)
                if (CaseTree.Get(records[k], field.Key) is { } value && CellOf(field, value) is { } cell)
                    sheet.Set(row, FirstValueColumn + k, dutchYesNo && cell is bool yes ? (yes ? "ja" : "nee") : cell, field.Key == "id" ? CellStyle.Header : CellStyle.Default);
            if ((dutchYesNo ? lists["booleanNl"] : CaseWorkbook.ListFor(field, lists)) is { } list)
                sheet.ListValidation($"{CellRef.Name(row, FirstValueColumn)}:{CellRef.Name(row, FirstValueColumn + Math.Max(capacity, records.Count) - 1)}", list, strict: !CaseWorkbook.IsLane(field));
            row++;
        }
        return row;
    }

    private static object? CellOf(ColumnLayout field, JsonNode value) => value switch
    {
        JsonObject o when CaseTree.IsDistribution(o) => DistributionText.Format(o),
        JsonObject o when field.Kind == ColumnKind.Map => string.Join("; ", o.Select(e => $"{e.Key}: {(e.Value is JsonObject d && CaseTree.IsDistribution(d) ? DistributionText.Format(d) : CellText.FormatMap(new JsonObject { ["k"] = e.Value?.DeepClone() })[3..])}")),
        JsonArray a => CellText.FormatList(a),
        JsonObject => null,
        _ => CaseWorkbook.CellValueOf(value),
    };

    /// <summary>
    /// The field's words: the translation of its last name ("logistics.shipmentsPerYear" → "Shipments per year"); below a nested record
    /// with the record's name, so that rows of the same name stay apart ("risk.ipLoss.annualProbabilityPct" → "IP loss: annual
    /// probability", "jobs.hiringLeadTimeWeeks.operators" → "Hiring lead time: operators"). The first segment is the sheet's section.
    /// </summary>
    internal static string Label(string key, CultureInfo culture)
    {
        var segments = System.Text.RegularExpressions.Regex.Replace(key, @"\[\d+\]", "").Split('.');
        var text = InputText.Field(segments[^1], culture);
        if (segments.Length >= 3) text = $"{InputText.Field(segments[^2], culture)}: {text}";
        return Capitalised(text, culture);
    }

    private static string Capitalised(string text, CultureInfo culture) => text.Length == 0 ? text : char.ToUpper(text[0], culture) + text[1..];

    /// <summary>
    /// The help of a row: what to type (a number, or a distribution written in the cell; an amount, optionally with its currency; a
    /// choice from the list…) and what the field means, in the user's language.
    /// </summary>
    internal static string Hint(ColumnLayout field, CultureInfo culture)
    {
        var dutch = culture.TwoLetterISOLanguageName == "nl";
        var kind = field.Kind switch
        {
            ColumnKind.Number => Text.Get(culture, "Xt_KindNumber", "a number, or a distribution such as triangular(1; 2; 4)"),
            ColumnKind.Integer => Text.Get(culture, "Xt_KindInteger", "a whole number"),
            ColumnKind.Money => Text.Get(culture, "Xt_KindMoney", "an amount in the case currency, or with its currency (\"2.10 USD\"), or a distribution"),
            ColumnKind.Boolean => dutch ? Text.Get(culture, "Xt_KindYesNo", "yes or no (list)") : Text.Get(culture, "Xt_KindBoolean", "true or false (list)"),
            ColumnKind.Country => Text.Get(culture, "Xt_KindCountry", "country code (list)"),
            ColumnKind.Currency => Text.Get(culture, "Xt_KindCurrency", "currency code (list)"),
            ColumnKind.Enum => Text.Get(culture, "Xt_KindChoice", "a choice from the list"),
            ColumnKind.List => Text.Get(culture, "Xt_KindList", "a list, separated by commas"),
            ColumnKind.Map => Text.Get(culture, "Xt_KindMap", "pairs key: value, separated by semicolons"),
            _ when CaseWorkbook.IsLane(field) => Text.Get(culture, "Xt_KindLane", "a reference lane (list)"),
            _ => Text.Get(culture, "Xt_KindText", "text"),
        };
        var required = field.Required ? Text.Get(culture, "Xl_Required", "Required.") + " " : "";
        return $"{required}{Capitalised(kind, culture)}. {field.DescriptionIn(culture)}";
    }

    /// <summary>The unit a field is entered in, from its type and the convention of its name (…Pct in %, …Days in days).</summary>
    internal static string Unit(ColumnLayout field, CultureInfo culture)
    {
        var name = field.Key[(field.Key.LastIndexOf('.') + 1)..];
        if (field.Kind == ColumnKind.Money)
        {
            // An amount per what: the end of its name ("costPerTrip" → amount per trip).
            foreach (var (suffix, key, english) in MoneyPer)
                if (name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)) return Text.Get(culture, key, english);
            return Text.Get(culture, "Xt_UnitMoney", "amount");
        }
        foreach (var (suffix, key, english) in OtherUnits)
            if (name.EndsWith(suffix, StringComparison.Ordinal)) return Text.Get(culture, key, english);
        if (name.EndsWith("Pct", StringComparison.Ordinal)) return "%";
        if (name.EndsWith("Days", StringComparison.Ordinal)) return Text.Get(culture, "Xt_UnitDays", "days");
        if (name.EndsWith("Weeks", StringComparison.Ordinal)) return Text.Get(culture, "Xt_UnitWeeks", "weeks");
        if (name.EndsWith("Years", StringComparison.Ordinal) || name is "year" or "baseYear") return Text.Get(culture, "Xt_UnitYears", "year");
        if (name.EndsWith("Kg", StringComparison.Ordinal)) return "kg";
        if (name.EndsWith("M3", StringComparison.Ordinal)) return "m³";
        if (name.EndsWith("Km", StringComparison.Ordinal)) return "km";
        if (name.EndsWith("Kwh", StringComparison.Ordinal) || name.EndsWith("PerKwh", StringComparison.Ordinal)) return "kWh";
        if (name.EndsWith("Hours", StringComparison.Ordinal)) return Text.Get(culture, "Xt_UnitHours", "hours");
        return field.Kind switch
        {
            ColumnKind.Boolean => Text.Get(culture, "Xt_UnitYesNo", "yes/no"),
            ColumnKind.Country => Text.Get(culture, "Xt_UnitCountry", "country"),
            ColumnKind.Currency => Text.Get(culture, "Xt_UnitCurrency", "currency"),
            ColumnKind.Enum => Text.Get(culture, "Xt_UnitChoice", "choice"),
            _ => "",
        };
    }

    // Units of amounts by the end of the field's name, most specific first.
    private static readonly (string Suffix, string Key, string English)[] MoneyPer =
    [
        ("PerUnit", "Xt_UnitMoneyPerUnit", "amount per unit"), ("unitPrice", "Xt_UnitMoneyPerUnit", "amount per unit"), ("PerYear", "Xt_UnitMoneyPerYear", "amount per year"),
        ("PerKwh", "Xt_UnitMoneyPerKwh", "amount per kWh"), ("PerKg", "Xt_UnitMoneyPerKg", "amount per kg"),
        ("PerTonne", "Xt_UnitMoneyPerTonne", "amount per tonne"), ("PerShipment", "Xt_UnitMoneyPerShipment", "amount per shipment"),
        ("PerHour", "Xt_UnitMoneyPerHour", "amount per hour"), ("PerTrip", "Xt_UnitMoneyPerTrip", "amount per trip"),
        ("PerCell", "Xt_UnitMoneyPerCell", "amount per cell"), ("PerDefect", "Xt_UnitMoneyPerDefect", "amount per defective unit"),
        ("PerReturn", "Xt_UnitMoneyPerReturn", "amount per return"), ("PerLostUnit", "Xt_UnitMoneyPerLostUnit", "amount per unit short"),
        ("PerChangeWeek", "Xt_UnitMoneyPerChangeWeek", "amount per change and week"),
    ];

    // Units of other numbers by the end of the field's name, checked before the general conventions below.
    private static readonly (string Suffix, string Key, string English)[] OtherUnits =
    [
        ("PricePerTonne", "Xt_UnitMoneyPerTonne", "amount per tonne"), ("UnitsPerYear", "Xt_UnitUnitsPerYear", "units per year"), ("Units", "Xt_UnitUnits", "units"), ("KgPerUnit", "Xt_UnitKgPerUnit", "kg CO2e per unit"),
        ("KwhPerUnit", "Xt_UnitKwhPerUnit", "kWh per unit"), ("HoursPerUnit", "Xt_UnitHoursPerUnit", "hours per unit"), ("HoursSavedPerUnit", "Xt_UnitHoursPerUnit", "hours per unit"),
        ("GPerKwh", "Xt_UnitGPerKwh", "g CO2e per kWh"), ("GPerTkm", "Xt_UnitGPerTkm", "g CO2e per tonne-km"), ("TPerTonne", "Xt_UnitTPerTonne", "t CO2e per tonne"),
        ("PerYear", "Xt_UnitPerYear", "per year"), ("PerDay", "Xt_UnitPerDay", "per day"), ("PerShift", "Xt_UnitHoursPerShift", "hours"), ("Seconds", "Xt_UnitSeconds", "seconds"),
        ("Fte", "Xt_UnitFte", "FTE"), ("PerOperator", "Xt_UnitHoursPerOperator", "hours per operator"), ("unitsPerLoad", "Xt_UnitUnitsPerLoad", "units per load"),
        ("Share", "Xt_UnitFraction", "fraction (0–1)"), ("PerLoad", "Xt_UnitUnitsPerLoad", "units per load"),
    ];

    private static void WriteReadme(SheetBuilder sheet, CultureInfo culture)
    {
        sheet.Width(1, 4);
        sheet.Width(2, 120);
        sheet.Set(1, 2, Text.Get(culture, "Xt_ReadmeTitle", "Reshore case template"), CellStyle.Title);
        string[] lines =
        [
            Text.Get(culture, "Xt_Readme1", "Fill in the Case sheet and one Item sheet per product or part; import the workbook with 'reshore workbook import FILE.xlsx' or in the web app. Every cell is checked; problems are listed with their sheet and cell and nothing is stored until all are fixed."),
            Text.Get(culture, "Xt_Readme2", "On an Item sheet each column from E is an option (status quo, near-shore, reshore, …); each row a cost factor with its unit and help. Add an option by filling the next free column, starting with its id. Empty cells are not assessed or take the default from the reference data."),
            Text.Get(culture, "Xt_Readme3", "Amounts are in the case currency unless written as \"2.10 USD\"; percentages in % (8 means 8%); decimal comma or point. Drop-down lists offer countries, currencies, transport modes and other fixed values."),
            Text.Get(culture, "Xt_Readme4", "An uncertain value may be written as a distribution: triangular(min; mode; max), pert(min; mode; max), uniform(min; max), normal(mean; sd) or lognormal(mean; sd)."),
            Text.Get(culture, "Xt_Readme5", "Column A (hidden) holds the field names the import reads: do not change it. Rows may be moved; labels may be edited. The case id on the Case sheet links the workbook to its case: importing it again updates that case and shows what changed."),
            Text.Get(culture, "Xt_Readme6", "Events, drivers, strategies, the scorecard and country overrides are kept when a workbook updates an existing case; edit them in the web app or the advanced workbook (one sheet per table)."),
        ];
        var r = 3;
        foreach (var line in lines) sheet.Set(r++, 2, line, CellStyle.Wrap);
    }
}

/// <summary>Distributions written in one cell: triangular(1,8; 2; 2,4), normal(100; 5).</summary>
internal static class DistributionText
{
    private static readonly string[][] Parameters = [["min", "mode", "max"], ["min", "max"], ["mean", "sd"]];

    private static string[] ParametersOf(string kind) => kind switch
    {
        "uniform" => Parameters[1],
        "normal" or "lognormal" => Parameters[2],
        _ => Parameters[0],
    };

    public static string Format(JsonObject distribution)
    {
        var kind = distribution["distribution"]?.ToString() ?? "";
        var values = ParametersOf(kind).Select(p => distribution[p] is JsonValue v && v.TryGetValue<double>(out var d) ? d.ToString("R", CultureInfo.InvariantCulture) : "");
        var extra = new[] { "driver", "currency" }.Where(k => distribution[k] is not null).Select(k => $"; {k}={distribution[k]}");
        return $"{kind}({string.Join("; ", values)}{string.Concat(extra)})";
    }

    /// <summary>True when the text looks like a distribution (a known name followed by a parenthesis).</summary>
    public static bool Looks(string text)
    {
        var t = text.TrimStart();
        var open = t.IndexOf('(', StringComparison.Ordinal);
        return open > 0 && t.TrimEnd().EndsWith(')') && Enum.GetValues<DistributionKind>().Select(UncertainValue.Name).Contains(t[..open].Trim().ToLowerInvariant());
    }

    /// <summary>Parses a distribution cell; the error says what is wrong.</summary>
    public static JsonObject? Parse(string text, out string? error)
    {
        error = null;
        var t = text.Trim();
        var open = t.IndexOf('(', StringComparison.Ordinal);
        var kind = t[..open].Trim().ToLowerInvariant();
        var parts = t[(open + 1)..^1].Split(';', StringSplitOptions.TrimEntries);
        var names = ParametersOf(kind);
        var numbers = parts.Where(p => !p.Contains('=', StringComparison.Ordinal)).ToList();
        if (numbers.Count != names.Length)
        {
            error = $"{kind} takes {names.Length} numbers separated by semicolons ({string.Join("; ", names)}); found {numbers.Count}.";
            return null;
        }
        var result = new JsonObject { ["distribution"] = kind };
        for (var i = 0; i < names.Length; i++)
        {
            if (!CellText.TryNumber(numbers[i], out var v))
            {
                error = $"'{numbers[i]}' is not a number ({names[i]} of the {kind} distribution).";
                return null;
            }
            result[names[i]] = v;
        }
        foreach (var option in parts.Where(p => p.Contains('=', StringComparison.Ordinal)))
        {
            var key = option[..option.IndexOf('=', StringComparison.Ordinal)].Trim();
            if (key is not ("driver" or "currency"))
            {
                error = $"Unknown setting '{key}' (allowed: driver=…, currency=…).";
                return null;
            }
            result[key] = option[(option.IndexOf('=', StringComparison.Ordinal) + 1)..].Trim();
        }
        return result;
    }
}
