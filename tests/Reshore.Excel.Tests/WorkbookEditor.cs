using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Reshore.Excel.Tests;

/// <summary>Edits cells of a workbook in memory, as a user would in Excel (numbers as numbers, text as shared strings).</summary>
public sealed class WorkbookEditor : IDisposable
{
    private readonly MemoryStream _stream = new();
    private readonly SpreadsheetDocument _doc;

    public WorkbookEditor(byte[] bytes)
    {
        _stream.Write(bytes);
        _stream.Position = 0;
        _doc = SpreadsheetDocument.Open(_stream, true);
    }

    public WorksheetPart Part(string sheet)
    {
        var wb = _doc.WorkbookPart!;
        var s = wb.Workbook.Sheets!.Elements<Sheet>().Single(x => x.Name == sheet);
        return (WorksheetPart)wb.GetPartById(s.Id!);
    }

    /// <summary>Column number (1-based) of a field name in row 1.</summary>
    public int Column(string sheet, string header)
    {
        foreach (var cell in Part(sheet).Worksheet.Descendants<Row>().First(r => r.RowIndex! == 1).Elements<Cell>())
            if (cell.InnerText == header) return Letters(cell.CellReference!.Value!);
        throw new InvalidOperationException($"No column {header} on {sheet}.");
    }

    /// <summary>Row number of a field on the key/value Case sheet.</summary>
    public int CaseRow(string field) =>
        (int)Part("Case").Worksheet.Descendants<Row>().First(r => r.Elements<Cell>().FirstOrDefault()?.InnerText == field).RowIndex!.Value;

    /// <summary>Row number of a field key in hidden column A of a template sheet.</summary>
    public int KeyRow(string sheet, string key) =>
        (int)Part(sheet).Worksheet.Descendants<Row>().First(r => r.Elements<Cell>().FirstOrDefault(c => c.CellReference!.Value!.StartsWith('A'))?.InnerText == key).RowIndex!.Value;

    /// <summary>Sets the value of a field key in a template sheet's value column <paramref name="column"/> (5 is E, the first option).</summary>
    public WorkbookEditor SetKey(string sheet, string key, int column, object? value) => Set(sheet, KeyRow(sheet, key), column, value);

    /// <summary>Sheet names in order.</summary>
    public IReadOnlyList<string> SheetNames => _doc.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!).ToList();

    public static string Ref(int row, int column)
    {
        var s = "";
        for (var c = column; c > 0; c = (c - 1) / 26) s = (char)('A' + (c - 1) % 26) + s;
        return s + row.ToString(CultureInfo.InvariantCulture);
    }

    private static int Letters(string reference)
    {
        var col = 0;
        foreach (var ch in reference.TakeWhile(char.IsLetter)) col = col * 26 + (ch - 'A' + 1);
        return col;
    }

    public WorkbookEditor Set(string sheet, int row, int column, object? value)
    {
        var data = Part(sheet).Worksheet.GetFirstChild<SheetData>()!;
        var r = data.Elements<Row>().FirstOrDefault(x => x.RowIndex! == (uint)row);
        if (r is null)
        {
            r = new Row { RowIndex = (uint)row };
            var after = data.Elements<Row>().LastOrDefault(x => x.RowIndex! < (uint)row);
            if (after is null) data.PrependChild(r); else after.InsertAfterSelf(r);
        }
        var reference = Ref(row, column);
        var cell = r.Elements<Cell>().FirstOrDefault(c => c.CellReference == reference);
        if (cell is null)
        {
            cell = new Cell { CellReference = reference };
            var before = r.Elements<Cell>().FirstOrDefault(c => Letters(c.CellReference!.Value!) > column);
            if (before is null) r.Append(cell); else before.InsertBeforeSelf(cell);
        }
        cell.RemoveAllChildren();
        cell.DataType = null;
        switch (value)
        {
            case null:
                cell.Remove();
                break;
            case double or int:
                cell.CellValue = new CellValue(Convert.ToDouble(value, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture));
                break;
            default:
                cell.DataType = CellValues.InlineString;
                cell.InlineString = new InlineString(new Text(value.ToString()!));
                break;
        }
        return this;
    }

    /// <summary>Writes a number cell's stored text as is (a file from another program may hold "1e999" or "NaN").</summary>
    public WorkbookEditor SetRawNumber(string sheet, int row, int column, string storedText)
    {
        Set(sheet, row, column, 0d);
        Part(sheet).Worksheet.Descendants<Cell>().Single(c => c.CellReference == Ref(row, column)).CellValue = new CellValue(storedText);
        return this;
    }

    public WorkbookEditor Set(string sheet, string header, int row, object? value) => Set(sheet, row, Column(sheet, header), value);

    public WorkbookEditor SetCase(string field, object? value) => Set("Case", CaseRow(field), 2, value);

    public byte[] ToBytes()
    {
        _doc.Save();
        _doc.Dispose();
        return _stream.ToArray();
    }

    public void Dispose()
    {
        _doc.Dispose();
        _stream.Dispose();
    }
}
