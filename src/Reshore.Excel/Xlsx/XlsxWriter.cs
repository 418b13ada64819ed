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

/// <summary>One series of a chart: its name and the A1 range of its values (on the chart's sheet).</summary>
internal sealed record ChartSeries(string Name, string Values);

/// <summary>A native Excel chart placed on a sheet: column (clustered or stacked) or line, over a category range.</summary>
internal sealed record ChartSpec(string Title, string Kind, string Categories, IReadOnlyList<ChartSeries> Series, int FromRow, int FromColumn, int ToRow, int ToColumn, string NumberFormat = "#,##0");

/// <summary>A sheet being built: cells by (row, column), widths, validations, frozen rows.</summary>
internal sealed class SheetBuilder(string name)
{
    public string Name { get; } = name;
    public bool Hidden { get; set; }
    public int FrozenRows { get; set; }
    public SortedDictionary<int, SortedDictionary<int, (object Value, CellStyle Style)>> Rows { get; } = [];
    public Dictionary<int, double> Widths { get; } = [];
    public HashSet<int> HiddenColumns { get; } = [];
    public List<ChartSpec> Charts { get; } = [];
    public List<(string Range, string Formula, string? Prompt, bool Strict)> ListValidations { get; } = [];

    /// <summary>Sets a cell (1-based row and column); null leaves it empty. Strings, doubles, ints and bools are typed.</summary>
    public void Set(int row, int column, object? value, CellStyle style = CellStyle.Default)
    {
        if (value is null) return;
        if (!Rows.TryGetValue(row, out var cells)) Rows[row] = cells = [];
        cells[column] = (value, style);
    }

    public void Width(int column, double width) => Widths[column] = width;

    /// <summary>A drop-down list on <paramref name="range"/>; a list that is not <paramref name="strict"/> (reference lanes, which a workspace may add to) warns about other values but accepts them.</summary>
    public void ListValidation(string range, string formula, string? prompt = null, bool strict = true) => ListValidations.Add((range, formula, prompt, strict));
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
                if (s.Charts.Count > 0) AddCharts(part, s);
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
            foreach (var (range, formula, prompt, strict) in s.ListValidations)
            {
                var v = new DataValidation
                {
                    Type = DataValidationValues.List, AllowBlank = true, ShowErrorMessage = true,
                    ErrorStyle = strict ? null : DataValidationErrorStyleValues.Information,
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

    private const string ChartNs = "http://schemas.openxmlformats.org/drawingml/2006/chart";
    private const string DrawingNs = "http://schemas.openxmlformats.org/drawingml/2006/main";
    private const string RelNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    /// <summary>Native charts: a drawing part on the sheet with one chart part per chart, whose series refer to the sheet's cells (so they follow edits).</summary>
    private static void AddCharts(WorksheetPart sheetPart, SheetBuilder s)
    {
        var drawing = sheetPart.AddNewPart<DrawingsPart>();
        var anchors = new System.Text.StringBuilder();
        var n = 0;
        foreach (var chart in s.Charts)
        {
            n++;
            var chartPart = drawing.AddNewPart<ChartPart>();
            using (var w = new StreamWriter(chartPart.GetStream(FileMode.Create), new System.Text.UTF8Encoding(false))) w.Write(ChartXml(s.Name, chart));
            anchors.Append(System.Globalization.CultureInfo.InvariantCulture, $"""
                <xdr:twoCellAnchor><xdr:from><xdr:col>{chart.FromColumn - 1}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>{chart.FromRow - 1}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>{chart.ToColumn - 1}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>{chart.ToRow - 1}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="{n + 1}" name="Chart {n}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="{ChartNs}"><c:chart xmlns:c="{ChartNs}" r:id="{drawing.GetIdOfPart(chartPart)}"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>
                """);
        }
        using (var w = new StreamWriter(drawing.GetStream(FileMode.Create), new System.Text.UTF8Encoding(false)))
            w.Write($"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="{DrawingNs}" xmlns:r="{RelNs}">{anchors}</xdr:wsDr>""");
        sheetPart.Worksheet.Append(new Drawing { Id = sheetPart.GetIdOfPart(drawing) });
    }

    private static string ChartXml(string sheet, ChartSpec chart)
    {
        static string Esc(string text) => System.Security.SecurityElement.Escape(text);
        var quoted = "'" + sheet.Replace("'", "''", StringComparison.Ordinal) + "'!";
        var series = new System.Text.StringBuilder();
        for (var i = 0; i < chart.Series.Count; i++)
        {
            var marker = chart.Kind == "line" ? "<c:marker><c:symbol val=\"none\"/></c:marker>" : "<c:invertIfNegative val=\"0\"/>";
            series.Append(System.Globalization.CultureInfo.InvariantCulture,
                $"<c:ser><c:idx val=\"{i}\"/><c:order val=\"{i}\"/><c:tx><c:v>{Esc(chart.Series[i].Name)}</c:v></c:tx>{marker}<c:cat><c:strRef><c:f>{Esc(quoted + chart.Categories)}</c:f></c:strRef></c:cat><c:val><c:numRef><c:f>{Esc(quoted + chart.Series[i].Values)}</c:f></c:numRef></c:val>{(chart.Kind == "line" ? "<c:smooth val=\"0\"/>" : "")}</c:ser>");
        }
        var plot = chart.Kind switch
        {
            "line" => $"<c:lineChart><c:grouping val=\"standard\"/><c:varyColors val=\"0\"/>{series}<c:marker val=\"1\"/><c:axId val=\"1\"/><c:axId val=\"2\"/></c:lineChart>",
            "stacked" => $"<c:barChart><c:barDir val=\"col\"/><c:grouping val=\"stacked\"/><c:varyColors val=\"0\"/>{series}<c:gapWidth val=\"80\"/><c:overlap val=\"100\"/><c:axId val=\"1\"/><c:axId val=\"2\"/></c:barChart>",
            _ => $"<c:barChart><c:barDir val=\"col\"/><c:grouping val=\"clustered\"/><c:varyColors val=\"0\"/>{series}<c:gapWidth val=\"80\"/><c:axId val=\"1\"/><c:axId val=\"2\"/></c:barChart>",
        };
        return $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><c:chartSpace xmlns:c="{ChartNs}" xmlns:a="{DrawingNs}" xmlns:r="{RelNs}"><c:chart><c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>{Esc(chart.Title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>{plot}<c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:numFmt formatCode="General" sourceLinked="1"/><c:tickLblPos val="low"/><c:crossAx val="2"/></c:catAx><c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:majorGridlines/><c:numFmt formatCode="{Esc(chart.NumberFormat)}" sourceLinked="0"/><c:crossAx val="1"/></c:valAx></c:plotArea><c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/></c:chart></c:chartSpace>""";
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

    /// <summary>Largest row and column of a sheet (Excel's limits: 1,048,576 rows, column XFD).</summary>
    public const int MaxRow = 1_048_576, MaxColumn = 16_384;

    public static (int Row, int Column) Parse(string reference) =>
        TryParse(reference, out var cell) ? cell : throw new InvalidDataException($"'{reference}' is not a cell reference such as B7.");

    /// <summary>Parses A1-style references within the sheet's limits (at most three letters A–Z, then the row number).</summary>
    public static bool TryParse(string reference, out (int Row, int Column) cell)
    {
        cell = default;
        int col = 0, i = 0;
        for (; i < reference.Length && i < 4 && char.ToUpperInvariant(reference[i]) is >= 'A' and <= 'Z'; i++) col = col * 26 + (char.ToUpperInvariant(reference[i]) - 'A' + 1);
        if (i == 0 || col > MaxColumn || !int.TryParse(reference.AsSpan(i), NumberStyles.None, CultureInfo.InvariantCulture, out var row) || row is < 1 or > MaxRow) return false;
        cell = (row, col);
        return true;
    }
}
