using System.Text;

namespace Reshore.Monitor;

/// <summary>Minimal RFC 4180 CSV: comma-separated, double-quoted fields with "" for a quote, CRLF or LF line ends, UTF-8.</summary>
internal static class Csv
{
    /// <summary>Reads rows; stops after <paramref name="maxRows"/> rows (the rest of the input is not read).</summary>
    public static List<List<string>> Read(TextReader reader, int maxRows = int.MaxValue)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        bool quoted = false, any = false;
        int ch;
        while ((ch = reader.Read()) != -1)
        {
            var c = (char)ch;
            any = true;
            if (quoted)
            {
                if (c == '"')
                {
                    if (reader.Peek() == '"') { field.Append('"'); reader.Read(); }
                    else quoted = false;
                }
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { row.Add(Unprotect(field.ToString())); field.Clear(); }
            else if (c is '\n' or '\r')
            {
                if (c == '\r' && reader.Peek() == '\n') reader.Read();
                row.Add(Unprotect(field.ToString()));
                field.Clear();
                rows.Add(row);
                if (rows.Count >= maxRows) return rows;
                row = [];
                any = false;
            }
            else field.Append(c);
        }
        if (any) { row.Add(Unprotect(field.ToString())); rows.Add(row); }
        return rows;
    }

    public static string Escape(string s)
    {
        s = Protect(s);
        return s.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;
    }

    private static bool StartsLikeFormula(string s) => s.Length > 0 && s[0] is '=' or '+' or '-' or '@' or '\t' or '\r';

    // A text cell that starts like a formula (=HYPERLINK(…), +cmd…) would run when the CSV is opened in a spreadsheet
    // (CSV injection, OWASP): it is written with a leading apostrophe, which spreadsheets show as text and the import
    // removes again. Numbers such as -5 are left alone.
    private static string Protect(string s) =>
        StartsLikeFormula(s) && !double.TryParse(s, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _) ? "'" + s : s;

    private static string Unprotect(string s) => s.Length > 1 && s[0] == '\'' && StartsLikeFormula(s[1..]) ? s[1..] : s;

    public static void WriteRow(TextWriter w, IEnumerable<string> fields)
    {
        w.Write(string.Join(",", fields.Select(Escape)));
        w.Write("\r\n");
    }
}
