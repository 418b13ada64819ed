using System.Globalization;
using System.Text;
using MiniExcelLibs;
using Reshore.Core.MarketData;
using Reshore.Core.Screening;
using Reshore.Core.Values;
using Reshore.Data.Workbooks;

namespace Reshore.Data.Screening;

/// <summary>A rejected row of a parts list: where and why.</summary>
/// <param name="Row">Row number in the file (the header is row 1).</param>
/// <param name="Column">Column name.</param>
/// <param name="Message">What is wrong.</param>
public sealed record RowError(int Row, string Column, string Message);

/// <summary>A parts list that cannot be read at all (missing required column, unreadable file).</summary>
public sealed class PartsFileException(string message) : Exception(message);

/// <summary>
/// Streams a parts list from CSV or Excel (.xlsx): one <see cref="PartRecord"/> per valid row, and a <see cref="RowError"/> for each
/// problem in an invalid row (which is then skipped). Headers are matched case-insensitively, with spaces and dashes read as '_'.
/// </summary>
public sealed class PartsReader(MarketSnapshot market)
{
    private static readonly Dictionary<string, string[]> Aliases = new()
    {
        ["id"] = ["part_id", "id", "part", "part_number"],
        ["description"] = ["description", "desc", "name"],
        ["annual_volume"] = ["annual_volume", "annual_volume_units", "volume"],
        ["unit_price"] = ["unit_price", "price"],
        ["currency"] = ["currency"],
        ["unit_weight_kg"] = ["unit_weight_kg", "unit_weight", "weight_kg"],
        ["hs_code"] = ["hs_code", "hs", "cn_code"],
        ["current_country"] = ["current_country", "supplier_country", "country"],
        ["lead_time_days"] = ["lead_time_days", "current_lead_time_days", "lead_time"],
        ["series_size"] = ["series_size"],
        ["complexity"] = ["complexity"],
        ["knowledge_intensity"] = ["knowledge_intensity"],
        ["customisation"] = ["customisation", "customization"],
        ["labour_share_pct"] = ["labour_share_pct", "labor_share_pct", "labour_share"],
    };

    private static readonly string[] Required = ["id", "annual_volume", "unit_price", "currency", "unit_weight_kg", "current_country", "lead_time_days"];

    /// <summary>Errors found so far.</summary>
    public List<RowError> Errors { get; } = [];

    /// <summary>Rows read so far (valid or not).</summary>
    public int RowsRead { get; private set; }

    /// <summary>Reads a .csv or .xlsx file lazily.</summary>
    public IEnumerable<PartRecord> Read(string path) =>
        Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".xlsx" => ReadExcel(path),
            ".csv" or ".txt" => ReadCsv(path),
            var other => throw new PartsFileException($"{path}: parts lists are .csv or .xlsx, not '{other}'."),
        };

    private IEnumerable<PartRecord> ReadCsv(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8);
        string[]? header = null;
        Dictionary<string, int>? map = null;
        foreach (var (fields, line) in CsvRecords(reader))
        {
            if (header is null)
            {
                header = fields;
                map = MapHeader(header.Select((h, i) => (h, i)), path);
                continue;
            }
            if (fields.Length == 1 && fields[0].Length == 0) continue;
            RowsRead++;
            var row = line;
            string? Get(string key) => map!.TryGetValue(key, out var i) && i < fields.Length ? fields[i] : null;
            if (fields.Length != header.Length)
            {
                Errors.Add(new RowError(row, "*", $"has {fields.Length} fields, the header has {header.Length}"));
                continue;
            }
            var part = Parse(row, Get);
            if (part is not null) yield return part;
        }
        if (header is null) throw new PartsFileException($"{path} is empty.");
    }

    private IEnumerable<PartRecord> ReadExcel(string path)
    {
        // Read whole inside the try (the guard bounds its size): MiniExcel reads lazily, and a damaged sheet fails midway.
        List<IDictionary<string, object>> rows;
        try
        {
            using (var file = File.OpenRead(path)) WorkbookGuard.Check(file);
            rows = MiniExcel.Query(path, useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        }
        catch (WorkbookRejectedException e)
        {
            throw new PartsFileException($"{path}: {e.Message}");
        }
        catch (Exception e) when (DamagedWorkbook.Is(e))
        {
            throw new PartsFileException($"{path}: cannot read the workbook: {e.Message}");
        }
        Dictionary<string, string>? map = null;
        var row = 1;
        foreach (var record in rows)
        {
            row++;
            if (map is null)
            {
                var byIndex = MapHeader(record.Keys.Select((h, i) => (h, i)), path);
                var keys = record.Keys.ToList();
                map = byIndex.ToDictionary(kv => kv.Key, kv => keys[kv.Value]);
            }
            if (record.Values.All(v => v is null || v.ToString()!.Length == 0)) continue;
            RowsRead++;
            string? Get(string key) => map.TryGetValue(key, out var column) && record.TryGetValue(column, out var v) && v is not null
                ? Convert.ToString(v, CultureInfo.InvariantCulture) : null;
            var part = Parse(row, Get);
            if (part is not null) yield return part;
        }
    }

    private static Dictionary<string, int> MapHeader(IEnumerable<(string Name, int Index)> header, string path)
    {
        var normal = header.ToDictionary(h => Normalize(h.Name), h => h.Index);
        var map = new Dictionary<string, int>();
        foreach (var (key, aliases) in Aliases)
            if (aliases.FirstOrDefault(normal.ContainsKey) is { } found) map[key] = normal[found];
        var missing = Required.Where(r => !map.ContainsKey(r)).ToList();
        if (missing.Count > 0)
            throw new PartsFileException($"{path}: missing required column(s) {string.Join(", ", missing)}. Columns: {string.Join(", ", Aliases.Keys)} (traits optional).");
        return map;
    }

    private static string Normalize(string s) => s.Trim().ToLowerInvariant().Replace(' ', '_').Replace('-', '_');

    private PartRecord? Parse(int row, Func<string, string?> get)
    {
        var before = Errors.Count;
        string Text(string column)
        {
            var v = get(column)?.Trim();
            if (string.IsNullOrEmpty(v)) Errors.Add(new RowError(row, column, "is empty"));
            return v ?? "";
        }
        double Number(string column, double min, double max, bool required = true)
        {
            var v = get(column)?.Trim();
            if (string.IsNullOrEmpty(v))
            {
                if (required) Errors.Add(new RowError(row, column, "is empty"));
                return double.NaN;
            }
            if (!double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) || !double.IsFinite(d))
            {
                Errors.Add(new RowError(row, column, $"'{v}' is not a number (use a dot as decimal separator)"));
                return double.NaN;
            }
            if (d < min || d > max) Errors.Add(new RowError(row, column, $"{v} is out of range {min.ToString(CultureInfo.InvariantCulture)}–{max.ToString(CultureInfo.InvariantCulture)}"));
            return d;
        }
        double? Optional(string column, double min, double max) => Number(column, min, max, required: false) is var d && double.IsNaN(d) ? null : d;

        var id = Text("id");
        var volume = Number("annual_volume", 1e-9, 1e12);
        var price = Number("unit_price", 0, 1e9);
        var currencyText = Text("currency");
        var weight = Number("unit_weight_kg", 1e-9, 1e6);
        var countryText = Text("current_country");
        var lead = Number("lead_time_days", 0, 3650);
        var currency = default(CurrencyCode);
        if (currencyText.Length > 0 && (!CurrencyCode.TryParse(currencyText, out currency) || !market.Fx.Has(currency)))
            Errors.Add(new RowError(row, "currency", $"'{currencyText}' is not a currency with a reference exchange rate"));
        var country = default(CountryCode);
        if (countryText.Length > 0 && (!CountryCode.TryParse(countryText, out country) || !market.Countries.ContainsKey(country)))
            Errors.Add(new RowError(row, "current_country", $"'{countryText}' is not a country with reference data"));
        var series = Optional("series_size", 1, 5);
        var complexity = Optional("complexity", 1, 5);
        var knowledge = Optional("knowledge_intensity", 1, 5);
        var custom = Optional("customisation", 1, 5);
        var labour = Optional("labour_share_pct", 0, 100);
        if (Errors.Count > before) return null;
        return new PartRecord
        {
            Row = row, Id = id, Description = get("description"), AnnualVolume = volume, UnitPrice = price, Currency = currency, UnitWeightKg = weight,
            HsCode = get("hs_code") is { } hs ? new string(hs.Where(char.IsDigit).ToArray()) : null, CurrentCountry = country, LeadTimeDays = lead,
            SeriesSize = series, Complexity = complexity, KnowledgeIntensity = knowledge, Customisation = custom, LabourSharePct = labour,
        };
    }

    /// <summary>
    /// RFC 4180 records from a reader, one at a time, with the line each starts on. Lines without quotes are split directly
    /// (the common case, and fast); a quoted field may contain commas, doubled quotes and line breaks.
    /// </summary>
    public static IEnumerable<(string[] Fields, int Line)> CsvRecords(TextReader reader) =>
        CsvLines(reader).Select(r => (r.Fields ?? r.Plain!.Split(','), r.Line));

    /// <summary>
    /// The records of <see cref="CsvRecords"/>, with a line without quotes given whole (<c>Plain</c>, not yet split) for a reader that
    /// cuts its fields itself (the trade screening reads ten million of them), and a quoted record as its fields.
    /// </summary>
    public static IEnumerable<(string? Plain, string[]? Fields, int Line)> CsvLines(TextReader reader)
    {
        var lineNumber = 0;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNumber++;
            var start = lineNumber;
            if (!line.Contains('"'))
            {
                yield return (line, null, start);
                continue;
            }
            // Quoted fields: keep reading lines while a quote is open.
            var record = new StringBuilder(line);
            while (CountQuotes(record) % 2 == 1 && (line = reader.ReadLine()) is not null)
            {
                lineNumber++;
                record.Append('\n').Append(line);
            }
            yield return (null, SplitQuoted(record.ToString()), start);
        }
    }

    private static int CountQuotes(StringBuilder sb)
    {
        var n = 0;
        for (var i = 0; i < sb.Length; i++) if (sb[i] == '"') n++;
        return n;
    }

    private static string[] SplitQuoted(string text)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var inQuotes = false;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (inQuotes)
            {
                if (ch == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (ch == '"') inQuotes = false;
                else field.Append(ch);
            }
            else if (ch == '"') inQuotes = true;
            else if (ch == ',') { fields.Add(field.ToString()); field.Clear(); }
            else field.Append(ch);
        }
        fields.Add(field.ToString());
        return fields.ToArray();
    }
}
