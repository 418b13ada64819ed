using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Reshore.Excel.Xlsx;

/// <summary>Cell styles of the workbooks we write.</summary>
internal enum CellStyle : uint
{
    Default = 0,
    Header = 1,
    Note = 2,
    Number = 3,
    Integer = 4,
    PerUnit = 5,
    Wrap = 6,
    Title = 7,
    Percent = 8,
    Decimals3 = 9,
    OneDecimal = 10,
    PercentWhole = 11,
    TwoDecimals = 12,
}

/// <summary>A live formula (without the leading =) and the value it gives, stored so the workbook shows it before Excel recalculates.</summary>
internal sealed record Formula(string Expression, double Cached);

/// <summary>A sheet being built: cells by (row, column), widths, validations, frozen rows.</summary>
internal sealed class SheetBuilder(string name)
{
    public string Name { get; } = name;
    public bool Hidden { get; set; }
    public int FrozenRows { get; set; }
    public SortedDictionary<int, SortedDictionary<int, (object Value, CellStyle Style)>> Rows { get; } = [];
    public Dictionary<int, double> Widths { get; } = [];
    public HashSet<int> HiddenColumns { get; } = [];
    public List<(string Range, string Formula, string? Prompt)> ListValidations { get; } = [];

    /// <summary>Sets a cell (1-based row and column); null leaves it empty. Strings, doubles, ints and bools are typed.</summary>
    public void Set(int row, int column, object? value, CellStyle style = CellStyle.Default)
    {
        if (value is null) return;
        if (!Rows.TryGetValue(row, out var cells)) Rows[row] = cells = [];
        cells[column] = (value, style);
    }

    public void Width(int column, double width) => Widths[column] = width;

    public void ListValidation(string range, string formula, string? prompt = null) => ListValidations.Add((range, formula, prompt));
}

/// <summary>Writes an .xlsx workbook with the Open XML SDK: inline strings, numbers with formats, list validations, defined names.</summary>
internal sealed class XlsxWriter
{
    private readonly List<SheetBuilder> _sheets = [];
    private readonly List<(string Name, string Reference)> _names = [];

    public SheetBuilder Add(string name)
    {
        var sheet = new SheetBuilder(name);
        _sheets.Add(sheet);
        return sheet;
    }

    public void DefineName(string name, string reference) => _names.Add((name, reference));

    public byte[] ToBytes()
    {
        using var stream = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var wb = doc.AddWorkbookPart();
            wb.Workbook = new Workbook();
            var styles = wb.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = Stylesheet();
            var sheets = wb.Workbook.AppendChild(new Sheets());
            uint id = 1;
            foreach (var s in _sheets)
            {
                var part = wb.AddNewPart<WorksheetPart>();
                part.Worksheet = Worksheet(s);
                sheets.Append(new Sheet
                {
                    Id = wb.GetIdOfPart(part), SheetId = id++, Name = s.Name,
                    State = s.Hidden ? SheetStateValues.Hidden : null,
                });
            }
            if (_names.Count > 0)
                wb.Workbook.Append(new DefinedNames(_names.Select(n => new DefinedName(n.Reference) { Name = n.Name })));
            // Formulas carry their value; Excel recomputes them all when the file opens.
            if (_sheets.Any(s => s.Rows.Values.Any(r => r.Values.Any(c => c.Value is Formula))))
                wb.Workbook.Append(new CalculationProperties { FullCalculationOnLoad = true });
            wb.Workbook.Save();
        }
        return stream.ToArray();
    }

    private static Worksheet Worksheet(SheetBuilder s)
    {
        var ws = new Worksheet();
        if (s.FrozenRows > 0)
        {
            var pane = new Pane
            {
                VerticalSplit = s.FrozenRows, TopLeftCell = $"A{s.FrozenRows + 1}",
                ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen,
            };
            ws.Append(new SheetViews(new SheetView(pane) { WorkbookViewId = 0 }));
        }
        if (s.Widths.Count > 0)
            ws.Append(new Columns(s.Widths.OrderBy(w => w.Key).Select(w =>
                new Column { Min = (uint)w.Key, Max = (uint)w.Key, Width = w.Value, CustomWidth = true, Hidden = s.HiddenColumns.Contains(w.Key) ? true : null })));
        var data = new SheetData();
        foreach (var (r, cells) in s.Rows)
        {
            var row = new Row { RowIndex = (uint)r };
            foreach (var (c, (value, style)) in cells) row.Append(MakeCell(CellRef.Name(r, c), value, style));
            data.Append(row);
        }
        ws.Append(data);
        if (s.ListValidations.Count > 0)
        {
            var dv = new DataValidations { Count = (uint)s.ListValidations.Count };
            foreach (var (range, formula, prompt) in s.ListValidations)
            {
                var v = new DataValidation
                {
                    Type = DataValidationValues.List, AllowBlank = true, ShowErrorMessage = true,
                    ShowInputMessage = prompt is not null, Prompt = prompt,
                    SequenceOfReferences = new ListValue<StringValue> { InnerText = range },
                };
                v.Append(new Formula1(formula));
                dv.Append(v);
            }
            ws.Append(dv);
        }
        return ws;
    }

    private static Cell MakeCell(string reference, object value, CellStyle style)
    {
        var cell = new Cell { CellReference = reference, StyleIndex = (uint)style };
        switch (value)
        {
            case double d:
                cell.CellValue = new CellValue(d.ToString("R", CultureInfo.InvariantCulture));
                break;
            case int i:
                cell.CellValue = new CellValue(i.ToString(CultureInfo.InvariantCulture));
                break;
            case Formula f:
                cell.CellFormula = new CellFormula(f.Expression);
                if (double.IsFinite(f.Cached)) cell.CellValue = new CellValue(f.Cached.ToString("R", CultureInfo.InvariantCulture));
                break;
            case bool b:
                cell.DataType = CellValues.Boolean;
                cell.CellValue = new CellValue(b ? "1" : "0");
                break;
            default:
                cell.DataType = CellValues.InlineString;
                cell.InlineString = new InlineString(new Text(Convert.ToString(value, CultureInfo.InvariantCulture) ?? "") { Space = SpaceProcessingModeValues.Preserve });
                break;
        }
        return cell;
    }

    private static Stylesheet Stylesheet() => new(
        new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "#,##0.0000" }, new NumberingFormat { NumberFormatId = 165, FormatCode = "0.0%" },
            new NumberingFormat { NumberFormatId = 166, FormatCode = "#,##0.000" }, new NumberingFormat { NumberFormatId = 167, FormatCode = "0.0" }) { Count = 4 },
        new Fonts(
            new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
            new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
            new Font(new Italic(), new FontSize { Val = 9 }, new Color { Rgb = "FF595959" }, new FontName { Val = "Calibri" }),
            new Font(new Bold(), new FontSize { Val = 14 }, new FontName { Val = "Calibri" })) { Count = 4 },
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FFDDEBF7" }) { PatternType = PatternValues.Solid })) { Count = 3 },
        new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            new CellFormat { FontId = 1, FillId = 2, ApplyFont = true, ApplyFill = true },
            new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }) { FontId = 2, ApplyFont = true, ApplyAlignment = true },
            new CellFormat { NumberFormatId = 4, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 3, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true },
            new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }) { ApplyAlignment = true },
            new CellFormat { FontId = 3, ApplyFont = true },
            new CellFormat { NumberFormatId = 165, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 166, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 167, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 9, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 2, ApplyNumberFormat = true }) { Count = 13 });
}

/// <summary>A1-style cell references.</summary>
internal static class CellRef
{
    public static string Column(int column)
    {
        var s = "";
        for (var c = column; c > 0; c = (c - 1) / 26) s = (char)('A' + (c - 1) % 26) + s;
        return s;
    }

    public static string Name(int row, int column) => Column(column) + row.ToString(CultureInfo.InvariantCulture);

    public static (int Row, int Column) Parse(string reference)
    {
        int col = 0, i = 0;
        for (; i < reference.Length && char.IsLetter(reference[i]); i++) col = col * 26 + (char.ToUpperInvariant(reference[i]) - 'A' + 1);
        return (int.Parse(reference.AsSpan(i), CultureInfo.InvariantCulture), col);
    }
}
