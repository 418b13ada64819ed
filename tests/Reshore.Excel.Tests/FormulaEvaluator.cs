using Reshore.Excel.Xlsx;
using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Reshore.Excel.Tests;

/// <summary>
/// Recomputes the formulas of one sheet from its cells, ignoring the values stored with them: numbers, same-sheet
/// references ($ allowed), SUM over a range, + − × ÷ ^, unary minus and parentheses — what the results workbook uses.
/// </summary>
public sealed class FormulaEvaluator
{
    private readonly Dictionary<string, string> _formulas = new(StringComparer.Ordinal);
    private readonly Dictionary<string, double> _values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, double> _computed = new(StringComparer.Ordinal);

    public FormulaEvaluator(byte[] workbook, string sheet)
    {
        using var doc = SpreadsheetDocument.Open(new MemoryStream(workbook), false);
        var wb = doc.WorkbookPart!;
        var part = (WorksheetPart)wb.GetPartById(wb.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == sheet).Id!);
        foreach (var cell in part.Worksheet.Descendants<Cell>())
        {
            var reference = cell.CellReference!.Value!;
            if (cell.CellFormula is { } f) _formulas[reference] = f.Text;
            else if (cell.DataType is null && cell.CellValue is { } v) _values[reference] = double.Parse(v.Text, CultureInfo.InvariantCulture);
        }
    }

    /// <summary>Every formula cell and its formula.</summary>
    public IReadOnlyDictionary<string, string> Formulas => _formulas;

    public double Value(string reference)
    {
        reference = reference.Replace("$", "", StringComparison.Ordinal);
        if (_computed.TryGetValue(reference, out var done)) return done;
        if (!_formulas.TryGetValue(reference, out var formula)) return _values.GetValueOrDefault(reference);
        var value = new Parser(formula, this).Parse();
        _computed[reference] = value;
        return value;
    }

    private sealed class Parser(string text, FormulaEvaluator sheet)
    {
        private int _i;

        public double Parse()
        {
            var v = Sum();
            if (_i != text.Length) throw new FormatException($"Unexpected '{text[_i..]}' in {text}");
            return v;
        }

        private double Sum()
        {
            var v = Product();
            while (_i < text.Length && text[_i] is '+' or '-') v = text[_i++] == '+' ? v + Product() : v - Product();
            return v;
        }

        private double Product()
        {
            var v = Power();
            while (_i < text.Length && text[_i] is '*' or '/') v = text[_i++] == '*' ? v * Power() : v / Power();
            return v;
        }

        private double Power()
        {
            var v = Unary();
            if (_i < text.Length && text[_i] == '^')
            {
                _i++;
                v = Math.Pow(v, Unary());
            }
            return v;
        }

        private double Unary()
        {
            if (text[_i] == '-')
            {
                _i++;
                return -Unary();
            }
            return Atom();
        }

        private double Atom()
        {
            if (text[_i] == '(')
            {
                _i++;
                var v = Sum();
                _i++;
                return v;
            }
            if (text.AsSpan(_i).StartsWith("SUM(", StringComparison.Ordinal))
            {
                _i += 4;
                var from = Reference();
                _i++; // ':'
                var to = Reference();
                _i++; // ')'
                var (r1, c1) = CellRef.Parse(from);
                var (r2, c2) = CellRef.Parse(to);
                var total = 0.0;
                for (var r = r1; r <= r2; r++)
                    for (var c = c1; c <= c2; c++) total += sheet.Value(CellRef.Name(r, c));
                return total;
            }
            if (char.IsDigit(text[_i]) || text[_i] == '.')
            {
                var start = _i;
                while (_i < text.Length && (char.IsDigit(text[_i]) || text[_i] == '.')) _i++;
                return double.Parse(text[start.._i], CultureInfo.InvariantCulture);
            }
            return sheet.Value(Reference());
        }

        private string Reference()
        {
            var start = _i;
            while (_i < text.Length && (char.IsLetterOrDigit(text[_i]) || text[_i] == '$')) _i++;
            return text[start.._i].Replace("$", "", StringComparison.Ordinal);
        }
    }
}
