using System.Buffers;
using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Reshore.Data.ReferenceData;

/// <summary>
/// A minimal RFC 4180 CSV reader (quoted fields, doubled quotes, embedded newlines), returning rows as header → value maps. Each row
/// holds its values in an array and shares one header index with the other rows: the reference data (the MFN tariff alone has 6,000
/// rows) load at every start of the CLI, and a dictionary per row made them the slowest part of it.
/// </summary>
public static class Csv
{
    private static readonly SearchValues<char> FieldEnd = SearchValues.Create(",\n\"");

    /// <summary>Parses CSV text whose first row is the header.</summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> Parse(string text, string fileName)
    {
        var rows = ParseRows(text);
        if (rows.Count == 0) throw new FormatException($"{fileName}: empty file.");
        var header = rows[0];
        var columns = new Dictionary<string, int>(header.Count, StringComparer.Ordinal);
        for (var c = 0; c < header.Count; c++)
            if (!columns.TryAdd(header[c], c)) throw new FormatException($"{fileName}: the header names column '{header[c]}' twice.");
        var result = new List<IReadOnlyDictionary<string, string>>(rows.Count - 1);
        for (var i = 1; i < rows.Count; i++)
        {
            if (rows[i].Count == 1 && rows[i][0].Length == 0) continue;
            if (rows[i].Count != header.Count)
                throw new FormatException($"{fileName}: row {i + 1} has {rows[i].Count} fields, the header has {header.Count}.");
            var values = new string[header.Count];
            for (var c = 0; c < values.Length; c++) values[c] = rows[i][c].Trim();
            result.Add(new Row(columns, header, values));
        }
        return result;
    }

    private static List<List<string>> ParseRows(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var at = 0;
        while (at < text.Length)
        {
            var end = text.AsSpan(at).IndexOfAny(FieldEnd);
            if (end >= 0 && text[at + end] != '"')
            {
                // A plain field (the common case): cut it out of the text.
                row.Add(Plain(text.AsSpan(at, end)));
                at += end + 1;
                if (text[at - 1] == '\n')
                {
                    rows.Add(row);
                    row = [];
                }
                continue;
            }
            if (end < 0)
            {
                row.Add(Plain(text.AsSpan(at)));
                rows.Add(row);
                return rows;
            }
            at = QuotedField(text, at, row, out var rowEnded);
            if (rowEnded)
            {
                rows.Add(row);
                row = [];
            }
        }
        // The text ends after a comma: the row's last field is empty.
        if (row.Count > 0)
        {
            row.Add("");
            rows.Add(row);
        }
        return rows;
    }

    /// <summary>A field without quotes; carriage returns are dropped (line ends may be CRLF).</summary>
    private static string Plain(ReadOnlySpan<char> field) => field.Contains('\r') ? field.ToString().Replace("\r", "", StringComparison.Ordinal) : field.ToString();

    /// <summary>Reads a field with quotes from <paramref name="at"/> to its comma or line end; returns the position after it.</summary>
    private static int QuotedField(string text, int at, List<string> row, out bool rowEnded)
    {
        // The common form, "text" with no doubled quote inside, followed by a comma or a line end: cut it out of the text.
        if (text[at] == '"' && text.IndexOf('"', at + 1) is var close and > 0)
        {
            var after = close + 1;
            var next = after < text.Length ? text[after] : '\n';
            if (next == '\r' && after + 1 < text.Length && text[after + 1] == '\n') next = text[++after];
            if (next is ',' or '\n')
            {
                row.Add(text.Substring(at + 1, close - at - 1));
                rowEnded = next == '\n';
                return Math.Min(after + 1, text.Length);
            }
        }
        var field = new StringBuilder();
        var inQuotes = false;
        for (var i = at; i < text.Length; i++)
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
                case ',': row.Add(field.ToString()); rowEnded = false; return i + 1;
                case '\r': break;
                case '\n': row.Add(field.ToString()); rowEnded = true; return i + 1;
                default: field.Append(c); break;
            }
        }
        row.Add(field.ToString());
        rowEnded = true;
        return text.Length;
    }

    /// <summary>One data row: its values by column, through the header index the file's rows share.</summary>
    private sealed class Row(Dictionary<string, int> columns, List<string> header, string[] values) : IReadOnlyDictionary<string, string>
    {
        public string this[string key] => columns.TryGetValue(key, out var c) ? values[c] : throw new KeyNotFoundException($"The CSV has no column '{key}'.");
        public IEnumerable<string> Keys => header;
        public IEnumerable<string> Values => values;
        public int Count => values.Length;
        public bool ContainsKey(string key) => columns.ContainsKey(key);

        public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value)
        {
            if (columns.TryGetValue(key, out var c))
            {
                value = values[c];
                return true;
            }
            value = null;
            return false;
        }

        public IEnumerator<KeyValuePair<string, string>> GetEnumerator()
        {
            for (var c = 0; c < values.Length; c++) yield return new(header[c], values[c]);
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
