using System.Text;
using Reshore.Data.Output;

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

    public static string Escape(string s) => CsvField.Escape(s);

    private static string Unprotect(string s) => CsvField.Unprotect(s);

    public static void WriteRow(TextWriter w, IEnumerable<string> fields)
    {
        w.Write(string.Join(",", fields.Select(Escape)));
        w.Write("\r\n");
    }
}
