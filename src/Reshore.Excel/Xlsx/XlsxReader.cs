using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Reshore.Excel.Xlsx;

/// <summary>The cells of one sheet: numbers as double, text as string, booleans as bool.</summary>
internal sealed class SheetCells(string name, IReadOnlyDictionary<(int Row, int Column), object> cells)
{
    public string Name { get; } = name;
    public IReadOnlyDictionary<(int Row, int Column), object> Cells { get; } = cells;
    public int LastRow { get; } = cells.Count == 0 ? 0 : cells.Keys.Max(k => k.Row);
    public int LastColumn { get; } = cells.Count == 0 ? 0 : cells.Keys.Max(k => k.Column);

    public object? Get(int row, int column) => Cells.TryGetValue((row, column), out var v) ? v : null;

    /// <summary>The cell as trimmed text; numbers in invariant culture; null when empty.</summary>
    public string? Text(int row, int column) => Get(row, column) switch
    {
        null => null,
        string s => string.IsNullOrWhiteSpace(s) ? null : s.Trim(),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        var o => o.ToString(),
    };
}

/// <summary>
/// Reads every sheet of an .xlsx workbook into <see cref="SheetCells"/>; formula cells give their cached value. Sheets and the
/// shared strings are streamed row by row (only one row's XML is in memory at a time); callers check the workbook against
/// <see cref="Reshore.Data.Workbooks.WorkbookLimits"/> first.
/// </summary>
internal static class XlsxReader
{
    /// <summary>Largest total unpacked size of a workbook's parts; a larger one (e.g. a zip bomb) is refused before it is parsed.</summary>
    public const long MaxUnpackedBytes = 200L * 1024 * 1024;

    public static IReadOnlyList<SheetCells> Read(Stream stream)
    {
        if (!stream.CanSeek)
        {
            var copy = new MemoryStream();
            stream.CopyTo(copy);
            copy.Position = 0;
            stream = copy;
        }
        var start = stream.Position;
        using (var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Read, leaveOpen: true))
        {
            long total = 0;
            foreach (var entry in zip.Entries)
            {
                total += entry.Length;
                if (total > MaxUnpackedBytes) throw new InvalidDataException($"The workbook unpacks to more than {MaxUnpackedBytes / (1024 * 1024)} MB.");
            }
        }
        stream.Position = start;
        using var doc = SpreadsheetDocument.Open(stream, false);
        var wb = doc.WorkbookPart ?? throw new InvalidDataException("The file has no workbook.");
        var shared = SharedStrings(wb.SharedStringTablePart);
        var result = new List<SheetCells>();
        foreach (var sheet in wb.Workbook.Sheets?.Elements<Sheet>() ?? [])
        {
            if (sheet.Id?.Value is not { } id || wb.GetPartById(id) is not WorksheetPart part) continue;
            var cells = new Dictionary<(int, int), object>();
            var rowIndex = 0;
            using var reader = OpenXmlReader.Create(part);
            while (reader.Read())
            {
                if (reader.ElementType != typeof(Row) || !reader.IsStartElement) continue;
                var row = (Row)reader.LoadCurrentElement()!;
                // The row number as written: RowIndex.Value throws on a number beyond uint (found by the fuzz test of issue 20).
                rowIndex = row.RowIndex?.InnerText is { } ri
                    ? int.TryParse(ri, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= CellRef.MaxRow ? n : throw new InvalidDataException($"Row number {ri} is outside a sheet.")
                    : rowIndex + 1;
                var colIndex = 0;
                foreach (var cell in row.Elements<Cell>())
                {
                    var (r, c) = cell.CellReference?.Value is { } reference ? CellRef.Parse(reference) : (rowIndex, colIndex + 1);
                    colIndex = c;
                    if (Value(cell, shared) is { } v) cells[(r, c)] = v;
                }
            }
            result.Add(new SheetCells(sheet.Name?.Value ?? "", cells));
        }
        return result;
    }

    private static string[] SharedStrings(SharedStringTablePart? part)
    {
        if (part is null) return [];
        var list = new List<string>();
        using var reader = OpenXmlReader.Create(part);
        while (reader.Read())
            if (reader.ElementType == typeof(SharedStringItem) && reader.IsStartElement) list.Add(reader.LoadCurrentElement()!.InnerText);
        return list.ToArray();
    }

    private static object? Value(Cell cell, string[] shared)
    {
        var type = cell.DataType?.Value;
        if (type == CellValues.InlineString) return cell.InlineString?.InnerText;
        var text = cell.CellValue?.Text;
        if (text is null) return null;
        if (type == CellValues.SharedString)
            return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) && i >= 0 && i < shared.Length ? shared[i] : null;
        if (type == CellValues.Boolean) return text == "1" || text.Equals("true", StringComparison.OrdinalIgnoreCase);
        if (type == CellValues.String || type == CellValues.Error) return text;
        // 1e999 or NaN is no number a case can hold (and JSON cannot write): kept as text, it is reported at its cell.
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) ? d : text;
    }
}
