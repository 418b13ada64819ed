using System.Globalization;
using System.Text;
using MiniExcelLibs;
using Reshore.Data.Workbooks;
using Reshore.Core.Localization;

namespace Reshore.Monitor;

/// <summary>
/// Bulk import of cases from CSV or xlsx (first sheet), with the columns of <see cref="MonitorColumns"/> in a header row
/// (case-insensitive, any order; <see cref="MonitorColumns.Required"/> must be present). Every row is read and validated
/// (<see cref="MonitorCaseValidator.ValidateComplete"/>); all errors are returned with row, column and reason, and then no case is
/// returned at all. Rows without an id get a new Guid; status defaults to Draft — the caller must check that the importing user
/// may create cases in the statuses the file asks for (<see cref="MonitorWorkflow.IsAllowed"/>). Existing cases, when given,
/// are checked for duplicates (warnings, not errors); duplicates within the file are warned about too.
/// </summary>
public static class MonitorImport
{
    /// <summary>Most data rows an import file may have; a longer file is refused as a whole (split it).</summary>
    public const int MaxRows = 50_000;
    /// <summary>Most errors listed (the count of the others is given); a file with many errors usually has one mistake many times.</summary>
    public const int MaxErrors = 500;
    /// <summary>Most duplicate warnings listed (the count of the others is given).</summary>
    public const int MaxWarnings = 500;

    /// <summary>Parses a CSV stream (UTF-8, with or without BOM).</summary>
    public static ImportResult ParseCsv(Stream input, CultureInfo culture, IReadOnlyCollection<MonitorCase>? existing = null)
    {
        using var reader = new StreamReader(input, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        var rows = Csv.Read(reader, MaxRows + 2);
        if (rows.Count == 0) return Empty(culture);
        var header = rows[0];
        var erm = ErmLayout.Matches(header);
        var data = new List<(int Row, Dictionary<string, string?> Cells)>();
        for (var i = 1; i < rows.Count; i++)
        {
            if (rows[i].All(string.IsNullOrWhiteSpace)) continue;
            var cells = new Dictionary<string, string?>(StringComparer.Ordinal);
            for (var k = 0; k < header.Count && k < rows[i].Count; k++) cells[erm ? header[k] : Canonical(header[k])] = rows[i][k];
            data.Add((i + 1, erm ? ErmLayout.ToMonitorRow(cells) : cells));
        }
        if (erm) header = [.. MonitorColumns.Required, MonitorColumns.ParentCompany, MonitorColumns.Nace, MonitorColumns.AnnouncementDate, MonitorColumns.Function,
            MonitorColumns.SizeClass, MonitorColumns.TypeOverride, MonitorColumns.Jobs, MonitorColumns.Motives, MonitorColumns.Notes, MonitorColumns.SourceTitle, MonitorColumns.SourceUrl, MonitorColumns.SourceDate];
        return Build(header, data, culture, existing, rows.Skip(1).Select((r, i) => (r, i)).Where(x => x.r.Count > header.Count && x.r.Skip(header.Count).Any(c => c.Length > 0)).Select(x => x.i + 2));
    }

    /// <summary>
    /// Parses the first sheet of an xlsx stream (seekable), after checking it against <paramref name="limits"/> (default
    /// <see cref="WorkbookLimits.Default"/>): a workbook over a limit, or not a workbook, is one error on row 1.
    /// </summary>
    public static ImportResult ParseXlsx(Stream input, CultureInfo culture, IReadOnlyCollection<MonitorCase>? existing = null, WorkbookLimits? limits = null)
    {
        List<IDictionary<string, object?>> raw;
        List<string> header;
        try
        {
            WorkbookGuard.Check(input, limits);
            raw = input.Query(useHeaderRow: true, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().Take(MaxRows + 1).ToList();
            header = raw.Count > 0 ? raw[0].Keys.ToList() : input.GetColumns(useHeaderRow: true, excelType: ExcelType.XLSX)?.ToList() ?? [];
        }
        // MiniExcel's own failures on a broken sheet: an ArgumentException for two header cells with the same text, the others
        // for XML, zip or parts it cannot read.
        catch (Exception e) when (DamagedWorkbook.Is(e))
        {
            return new(0, [], [new ImportError(1, "", e is WorkbookRejectedException ? e.Message : $"Not a readable .xlsx workbook: {e.Message}")], []);
        }
        if (header.Count == 0) return Empty(culture);
        var data = new List<(int Row, Dictionary<string, string?> Cells)>();
        for (var i = 0; i < raw.Count; i++)
        {
            var cells = raw[i].ToDictionary(kv => Canonical(kv.Key), kv => CellText(kv.Value), StringComparer.Ordinal);
            if (cells.Values.All(string.IsNullOrWhiteSpace)) continue;
            data.Add((i + 2, cells));
        }
        return Build(header, data, culture, existing, []);
    }

    /// <summary>A one-paragraph summary for the CLI or web page, in the culture.</summary>
    public static string Summary(ImportResult r, bool dryRun, CultureInfo culture)
    {
        if (!r.Succeeded)
            return Text.Format(culture, "Mon_Import_Failed", "{0} rows read, {1} with errors ({2} errors in all). Nothing was stored.", r.RowsRead, r.InvalidRows, r.Errors.Count + r.ErrorsLeftOut)
                + (r.ErrorsLeftOut > 0 ? " " + Text.Format(culture, "Mon_Import_ErrorsLeftOut", "The first {0} errors are listed.", r.Errors.Count) : "");
        return dryRun
            ? Text.Format(culture, "Mon_Import_DryOk", "Dry run: {0} rows read, all valid; {1} possible duplicates. Nothing was stored.", r.RowsRead, r.Warnings.Count + r.WarningsLeftOut)
            : Text.Format(culture, "Mon_Import_Ok", "{0} rows read, all valid; {1} possible duplicates. All rows can be stored.", r.RowsRead, r.Warnings.Count + r.WarningsLeftOut);
    }

    private static ImportResult Empty(CultureInfo culture) =>
        new(0, [], [new ImportError(1, "", Text.Get(culture, "Mon_Import_Empty", "The file has no header row."))], []);

    private static string Canonical(string header) =>
        MonitorColumns.All.FirstOrDefault(c => string.Equals(c, header.Trim(), StringComparison.OrdinalIgnoreCase)) ?? header.Trim();

    private static string? CellText(object? value) => value switch
    {
        null => null,
        DateTime dt => dt.TimeOfDay == TimeSpan.Zero ? dt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : dt.ToString("O", CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private static ImportResult Build(IReadOnlyList<string> header, List<(int Row, Dictionary<string, string?> Cells)> data, CultureInfo culture,
        IReadOnlyCollection<MonitorCase>? existing, IEnumerable<int> overlongRows)
    {
        var errors = new List<ImportError>();
        var canonical = header.Select(Canonical).ToList();
        foreach (var h in canonical.Where(h => h.Length > 0 && !MonitorColumns.IsKnown(h)))
            errors.Add(new ImportError(1, h, Text.Format(culture, "Mon_Import_UnknownColumn", "Unknown column '{0}'; columns: {1}.", h, string.Join(", ", MonitorColumns.All))));
        foreach (var h in canonical.GroupBy(h => h).Where(g => g.Count() > 1))
            errors.Add(new ImportError(1, h.Key, Text.Get(culture, "Mon_Import_DuplicateColumn", "The column appears twice.")));
        foreach (var req in MonitorColumns.Required.Where(r => !canonical.Contains(r)))
            errors.Add(new ImportError(1, req, Text.Get(culture, "Mon_Import_MissingColumn", "This required column is missing.")));
        foreach (var row in overlongRows)
            errors.Add(new ImportError(row, "", Text.Get(culture, "Mon_Import_TooManyCells", "The row has more cells than the header.")));

        var cases = new List<(int Row, MonitorCase Case)>();
        var ids = new Dictionary<Guid, int>();
        var errorCount = errors.Count;
        void AddError(ImportError e)
        {
            if (errorCount++ < MaxErrors) errors.Add(e);
        }
        if (data.Count > MaxRows)
        {
            AddError(new ImportError(data[MaxRows].Row, "", Text.Format(culture, "Mon_Import_TooManyRows",
                "The file has more than {0:N0} rows; import it in parts of at most {0:N0} rows.", MaxRows)));
            data = data.Take(MaxRows).ToList();
        }
        foreach (var (rowNo, cells) in data)
        {
            var rowErrors = new List<MonitorError>();
            var c = MonitorColumns.FromRow(cells, culture, rowErrors);
            if (c is not null)
            {
                if (c.Id == Guid.Empty) c = c with { Id = Guid.NewGuid() };
                else if (ids.TryGetValue(c.Id, out var first))
                    rowErrors.Add(new(MonitorColumns.Id, Text.Format(culture, "Mon_Import_DuplicateId", "The id is also used on row {0}.", first)));
                else ids[c.Id] = rowNo;
                rowErrors.AddRange(MonitorCaseValidator.ValidateComplete(c, culture));
            }
            foreach (var e in rowErrors) AddError(new ImportError(rowNo, e.Field, e.Message));
            if (c is not null && rowErrors.Count == 0) cases.Add((rowNo, c));
        }

        // Duplicates: every row against the stored cases and the rows before it, through an index by normalised name (linear).
        var warnings = new List<ImportWarning>();
        var warningCount = 0;
        if (errorCount == 0)
        {
            var index = new DuplicateIndex(new DuplicateDetector());
            foreach (var c in existing ?? []) index.Add(c);
            foreach (var (rowNo, c) in cases)
            {
                foreach (var m in index.Find(c, culture))
                    if (warningCount++ < MaxWarnings) warnings.Add(new ImportWarning(rowNo, m));
                index.Add(c);
            }
        }
        var ordered = errors.OrderBy(e => e.Row).ToList();
        var ok = errorCount == 0;
        return new ImportResult(data.Count, ok ? cases.Select(x => x.Case).ToList() : [], ordered, ok ? warnings : [],
            ErrorsLeftOut: errorCount - ordered.Count, WarningsLeftOut: ok ? warningCount - warnings.Count : 0);
    }
}
