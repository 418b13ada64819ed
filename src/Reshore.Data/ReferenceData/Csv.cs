using System.Text;

namespace Reshore.Data.ReferenceData;

/// <summary>A minimal RFC 4180 CSV reader (quoted fields, doubled quotes, embedded newlines), returning rows as header → value maps.</summary>
public static class Csv
{
    /// <summary>Parses CSV text whose first row is the header.</summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> Parse(string text, string fileName)
    {
        var rows = ParseRows(text);
        if (rows.Count == 0) throw new FormatException($"{fileName}: empty file.");
        var header = rows[0];
        var result = new List<IReadOnlyDictionary<string, string>>();
        for (var i = 1; i < rows.Count; i++)
        {
            if (rows[i].Count == 1 && rows[i][0].Length == 0) continue;
            if (rows[i].Count != header.Count)
                throw new FormatException($"{fileName}: row {i + 1} has {rows[i].Count} fields, the header has {header.Count}.");
            result.Add(header.Zip(rows[i]).ToDictionary(p => p.First, p => p.Second.Trim(), StringComparer.Ordinal));
        }
        return result;
    }

    private static List<List<string>> ParseRows(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var inQuotes = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (inQuotes)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') inQuotes = false;
                else field.Append(c);
                continue;
            }
            switch (c)
            {
                case '"': inQuotes = true; break;
                case ',': row.Add(field.ToString()); field.Clear(); break;
                case '\r': break;
                case '\n': row.Add(field.ToString()); field.Clear(); rows.Add(row); row = []; break;
                default: field.Append(c); break;
            }
        }
        if (field.Length > 0 || row.Count > 0) { row.Add(field.ToString()); rows.Add(row); }
        return rows;
    }
}
