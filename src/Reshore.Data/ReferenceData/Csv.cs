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
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> Parse(string text, string fileName) => Stream(text, fileName).ToList();

    /// <summary>
    /// The rows of CSV text whose first row is the header, read as they are asked for: a large file (the MFN tariff) is mapped row by row,
    /// so its parsed rows are garbage before the next garbage collection instead of being copied by it. A malformed row is reported when
    /// it is reached.
    /// </summary>
    /// <param name="text">The text, header first.</param>
    /// <param name="fileName">The file's name, for messages.</param>
    /// <param name="firstRowNumber">The number messages give the first row after the header (a line read on its own is numbered as in its file).</param>
    public static IEnumerable<IReadOnlyDictionary<string, string>> Stream(string text, string fileName, int firstRowNumber = 2)
    {
        var reader = new RowReader(text);
        if (reader.Next() is not { } header) throw new FormatException($"{fileName}: empty file.");
        var columns = new Dictionary<string, int>(header.Length, StringComparer.Ordinal);
        for (var c = 0; c < header.Length; c++)
            if (!columns.TryAdd(header[c], c)) throw new FormatException($"{fileName}: the header names column '{header[c]}' twice.");
        var headerList = header.ToList();
        var number = firstRowNumber - 1;
        while (reader.Next() is { } values)
        {
            number++;
            if (values.Length == 1 && values[0].Length == 0) continue;
            if (values.Length != header.Length)
                throw new FormatException($"{fileName}: row {number} has {values.Length} fields, the header has {header.Length}.");
            for (var c = 0; c < values.Length; c++) values[c] = values[c].Trim();
            yield return new Row(columns, headerList, values);
        }
    }

    /// <summary>
    /// Reads rows as arrays of fields. A row's fields gather in one reused list and are copied out at its end, and short values that repeat
    /// down a column (dates, source ids, rates such as "0") are one string each.
    /// </summary>
    private sealed class RowReader(string text)
    {
        private readonly List<string> _row = [];
        private readonly ValuePool _pool = new();
        private int _at;
        private bool _done;

        /// <summary>The next row, or null after the last.</summary>
        public string[]? Next()
        {
            while (!_done && _at < text.Length)
            {
                var end = text.AsSpan(_at).IndexOfAny(FieldEnd);
                if (end >= 0 && text[_at + end] != '"')
                {
                    // A plain field (the common case): cut it out of the text.
                    _row.Add(_pool.Plain(text.AsSpan(_at, end)));
                    _at += end + 1;
                    if (text[_at - 1] == '\n') return Take();
                    continue;
                }
                if (end < 0)
                {
                    _row.Add(_pool.Plain(text.AsSpan(_at)));
                    _done = true;
                    return Take();
                }
                _at = QuotedField(text, _at, _row, out var rowEnded);
                if (rowEnded) return Take();
            }
            _done = true;
            // The text ends after a comma: the row's last field is empty.
            if (_row.Count == 0) return null;
            _row.Add("");
            return Take();
        }

        private string[] Take()
        {
            var fields = _row.ToArray();
            _row.Clear();
            return fields;
        }
    }

    /// <summary>One string per distinct short plain value of a file.</summary>
    private sealed class ValuePool
    {
        /// <summary>Longer values (descriptions, names) rarely repeat; looking them up would only cost.</summary>
        private const int MaxPooledLength = 16;
        private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

        public ValuePool() => _lookup = _values.GetAlternateLookup<ReadOnlySpan<char>>();

        public string Plain(ReadOnlySpan<char> field)
        {
            if (field.Length == 0) return "";
            if (field.Length > MaxPooledLength || field.Contains('\r')) return Csv.Plain(field);
            if (_lookup.TryGetValue(field, out var known)) return known;
            var value = field.ToString();
            _values.Add(value, value);
            return value;
        }
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
