using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using MiniExcelLibs;

namespace Reshore.Monitor;

/// <summary>
/// Writes cases and statistics to streams the caller opens: CSV (UTF-8 with BOM, so Excel reads accents; the columns of
/// <see cref="MonitorColumns"/>, which <see cref="MonitorImport"/> reads back), xlsx and JSON. The streams are left open.
/// </summary>
public static class MonitorExport
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Cases as CSV, one row per case.</summary>
    public static void WriteCasesCsv(Stream output, IEnumerable<MonitorCase> cases)
    {
        using var w = new StreamWriter(output, new UTF8Encoding(true), leaveOpen: true);
        Csv.WriteRow(w, MonitorColumns.All);
        foreach (var c in cases) Csv.WriteRow(w, MonitorColumns.ToRow(c).Select(kv => kv.Value));
    }

    /// <summary>Cases as CSV in the layout of the European Reshoring Monitor's factsheets (<see cref="ErmLayout"/>), which import reads back.</summary>
    public static void WriteCasesErmCsv(Stream output, IEnumerable<MonitorCase> cases)
    {
        using var w = new StreamWriter(output, new UTF8Encoding(true), leaveOpen: true);
        Csv.WriteRow(w, ErmLayout.Columns);
        foreach (var c in cases) Csv.WriteRow(w, ErmLayout.ToErmRow(c));
    }

    /// <summary>Cases as an xlsx workbook with one sheet "cases", same columns as the CSV.</summary>
    public static void WriteCasesXlsx(Stream output, IEnumerable<MonitorCase> cases)
    {
        var rows = cases.Select(c => MonitorColumns.ToRow(c).ToDictionary(kv => kv.Key, kv => (object)kv.Value)).ToList();
        if (rows.Count == 0) rows.Add(MonitorColumns.All.ToDictionary(k => k, _ => (object)""));
        output.SaveAs(rows, sheetName: "cases", excelType: ExcelType.XLSX);
    }

    /// <summary>Cases as a JSON array: one object per case whose properties are the columns of <see cref="MonitorColumns"/> (the CSV text of each field).</summary>
    public static void WriteCasesJson(Stream output, IEnumerable<MonitorCase> cases)
    {
        var rows = cases.Select(c => MonitorColumns.ToRow(c).ToDictionary(kv => kv.Key, kv => kv.Value)).ToList();
        JsonSerializer.Serialize(output, rows, Json);
    }

    /// <summary>Writes one CSV row (RFC 4180, text that starts like a formula protected with an apostrophe).</summary>
    public static void WriteRow(TextWriter writer, IEnumerable<string> fields) => Csv.WriteRow(writer, fields);

    /// <summary>Statistics as JSON.</summary>
    public static string StatisticsJson(MonitorStatisticsResult result) => JsonSerializer.Serialize(result, Json);

    /// <summary>The flat rows of a statistics result: dimension, key, label, cases; then the job bands as dimension "jobs".</summary>
    public static IEnumerable<(string Dimension, string Key, string Label, int Count, int? Jobs)> StatisticsRows(MonitorStatisticsResult result)
    {
        yield return ("total", "cases", "cases", result.Cases, result.Jobs.TotalJobs);
        yield return ("total", "casesWithKnownJobs", "cases with known jobs", result.Jobs.CasesWithKnownJobs, result.Jobs.TotalJobs);
        foreach (var (d, rows) in result.Counts)
            foreach (var r in rows) yield return (d, r.Key, r.Label, r.Count, null);
        foreach (var b in result.Jobs.Bands) yield return ("jobBand", b.Band, b.Band, b.Cases, b.Jobs);
    }

    /// <summary>Statistics as CSV with columns dimension, key, label, cases, jobs.</summary>
    public static void WriteStatisticsCsv(Stream output, MonitorStatisticsResult result)
    {
        using var w = new StreamWriter(output, new UTF8Encoding(true), leaveOpen: true);
        Csv.WriteRow(w, ["dimension", "key", "label", "cases", "jobs"]);
        foreach (var r in StatisticsRows(result))
            Csv.WriteRow(w, [r.Dimension, r.Key, r.Label, r.Count.ToString(CultureInfo.InvariantCulture), r.Jobs?.ToString(CultureInfo.InvariantCulture) ?? ""]);
    }

    /// <summary>Statistics as xlsx: a sheet "summary" and one sheet per dimension, plus "jobs".</summary>
    public static void WriteStatisticsXlsx(Stream output, MonitorStatisticsResult result)
    {
        var sheets = new Dictionary<string, object>
        {
            ["summary"] = new[]
            {
                new Dictionary<string, object> { ["measure"] = "cases", ["value"] = result.Cases },
                new Dictionary<string, object> { ["measure"] = "totalJobs", ["value"] = result.Jobs.TotalJobs },
                new Dictionary<string, object> { ["measure"] = "casesWithKnownJobs", ["value"] = result.Jobs.CasesWithKnownJobs },
            },
        };
        foreach (var (d, rows) in result.Counts)
            sheets[d] = rows.Count == 0
                ? new[] { new Dictionary<string, object> { ["key"] = "", ["label"] = "", ["cases"] = 0 } }
                : rows.Select(r => new Dictionary<string, object> { ["key"] = r.Key, ["label"] = r.Label, ["cases"] = r.Count }).ToArray();
        sheets["jobs"] = result.Jobs.Bands.Select(b => new Dictionary<string, object> { ["band"] = b.Band, ["cases"] = b.Cases, ["jobs"] = b.Jobs }).ToArray();
        output.SaveAs(sheets, excelType: ExcelType.XLSX);
    }
}
