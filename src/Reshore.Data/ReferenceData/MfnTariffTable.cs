using System.Collections;
using System.Collections.Concurrent;
using System.Text;
using Reshore.Core.MarketData;

namespace Reshore.Data.ReferenceData;

/// <summary>
/// The bundled tariff rows: those of tariffs.csv, read at start, then the MFN table's (tariff_mfn.csv, 6,000 rows), each read when a
/// code asks for it. At start only the table's line ends are found and its codes put in order (one pass over its bytes, nothing
/// decoded); <see cref="WithPrefix"/> and <see cref="Below"/> find their lines by binary search and map each line once. Enumerating
/// the list reads every row, in the files' order, as the eager reader does (a test holds the two equal).
/// </summary>
internal sealed class MfnTariffTable : IPrefixTariffRows
{
    private readonly IReadOnlyList<TariffEntry> _listed;
    private readonly ReadOnlyMemory<byte> _table;
    private readonly string _fileName;
    private readonly Func<IReadOnlyDictionary<string, string>, TariffEntry> _map;
    private readonly string _header;
    // The data lines: start and length in _table, their row number in the file, and the order of their codes.
    private readonly int[] _start, _length, _rowNumber, _byCode;
    private readonly TariffEntry?[] _read;
    private readonly Lazy<List<TariffEntry>> _all;

    /// <summary>
    /// The table over <paramref name="table"/> (the MFN file's bytes), or null when its layout does not let a code be found in place:
    /// the first column must be <c>hs_code</c> and every code plain digits (no quotes, no spaces), as the bundled file is. The caller
    /// then reads the file whole, which trims and unquotes.
    /// </summary>
    public static MfnTariffTable? TryCreate(IReadOnlyList<TariffEntry> listed, ReadOnlyMemory<byte> table, string fileName, Func<IReadOnlyDictionary<string, string>, TariffEntry> map)
    {
        var created = new MfnTariffTable(listed, table, fileName, map);
        if (!created._header.StartsWith("hs_code,", StringComparison.Ordinal)) return null;
        for (var line = 0; line < created._start.Length; line++)
            if (created.Code(line) is var code && (code.IsEmpty || code.ContainsAnyExceptInRange((byte)'0', (byte)'9'))) return null;
        return created;
    }

    private MfnTariffTable(IReadOnlyList<TariffEntry> listed, ReadOnlyMemory<byte> table, string fileName, Func<IReadOnlyDictionary<string, string>, TariffEntry> map)
    {
        _listed = listed;
        _table = table;
        _fileName = fileName;
        _map = map;
        var bytes = table.Span;
        var lines = Lines(bytes);
        if (lines.Count == 0) throw new FormatException($"{fileName}: empty file.");
        _header = Encoding.UTF8.GetString(bytes.Slice(lines[0].Start, lines[0].Length));
        var data = lines.Skip(1).Where(l => l.Length > 0).ToArray();
        _start = data.Select(l => l.Start).ToArray();
        _length = data.Select(l => l.Length).ToArray();
        _rowNumber = data.Select(l => l.Number).ToArray();
        _byCode = Enumerable.Range(0, data.Length).ToArray();
        // The file is kept in code order; should it not be, the index is sorted (stably: rows of one code keep the file's order).
        if (!InCodeOrder()) _byCode = _byCode.OrderBy(i => i, Comparer<int>.Create((a, b) => Code(a).SequenceCompareTo(Code(b)))).ToArray();
        _read = new TariffEntry?[data.Length];
        _all = new Lazy<List<TariffEntry>>(() => [.. _listed, .. Enumerable.Range(0, _read.Length).Select(Row)]);
    }

    /// <remarks>
    /// The engine asks for the prefixes of a few codes thousands of times (every option, year and search step): answers are kept, up to
    /// <see cref="KeptAnswers"/> prefixes (a web server shares this table for its whole life, and users type codes).
    /// </remarks>
    public IReadOnlyList<TariffEntry> WithPrefix(string prefix)
    {
        if (_answers.TryGetValue(prefix, out var known)) return known;
        var rows = Find(prefix);
        if (_answers.Count < KeptAnswers) _answers.TryAdd(prefix, rows);
        return rows;
    }

    private const int KeptAnswers = 10_000;
    private readonly ConcurrentDictionary<string, IReadOnlyList<TariffEntry>> _answers = new(StringComparer.Ordinal);

    private IReadOnlyList<TariffEntry> Find(string prefix)
    {
        var rows = _listed.Where(t => t.HsPrefix == prefix).ToList();
        if (!AsciiCode(prefix, out var code)) return rows;
        for (var k = LowerBound(code); k < _byCode.Length && Code(_byCode[k]).SequenceEqual(code); k++) rows.Add(Row(_byCode[k]));
        return rows;
    }

    public IEnumerable<TariffEntry> Below(string prefix)
    {
        var rows = _listed.Where(t => t.HsPrefix.Length > prefix.Length && t.HsPrefix.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        if (!AsciiCode(prefix, out var code)) return rows;
        var found = new List<int>();
        for (var k = LowerBound(code); k < _byCode.Length && Code(_byCode[k]).StartsWith(code); k++)
            if (Code(_byCode[k]).Length > code.Length) found.Add(_byCode[k]);
        found.Sort(); // the file's order
        rows.AddRange(found.Select(Row));
        return rows;
    }

    public TariffEntry this[int index] => _all.Value[index];

    public int Count => _all.Value.Count;

    public IEnumerator<TariffEntry> GetEnumerator() => _all.Value.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Data line <paramref name="line"/> as a row, read once (a race maps it twice and keeps one).</summary>
    private TariffEntry Row(int line)
    {
        if (Volatile.Read(ref _read[line]) is { } known) return known;
        var text = _header + "\n" + Encoding.UTF8.GetString(_table.Span.Slice(_start[line], _length[line]));
        var entry = _map(Csv.Stream(text, _fileName, firstRowNumber: _rowNumber[line]).Single());
        return Interlocked.CompareExchange(ref _read[line], entry, null) ?? entry;
    }

    /// <summary>The code of data line <paramref name="line"/>: its bytes before the first comma.</summary>
    private ReadOnlySpan<byte> Code(int line)
    {
        var bytes = _table.Span.Slice(_start[line], _length[line]);
        var comma = bytes.IndexOf((byte)',');
        return comma < 0 ? bytes : bytes[..comma];
    }

    private bool InCodeOrder()
    {
        for (var i = 1; i < _start.Length; i++)
            if (Code(i - 1).SequenceCompareTo(Code(i)) > 0) return false;
        return true;
    }

    /// <summary>The first position in code order whose code is not before <paramref name="code"/>.</summary>
    private int LowerBound(ReadOnlySpan<byte> code)
    {
        var (lo, hi) = (0, _byCode.Length);
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (Code(_byCode[mid]).SequenceCompareTo(code) < 0) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /// <summary>Codes are digits; a prefix with other characters matches no line of the table.</summary>
    private static bool AsciiCode(string prefix, out byte[] code)
    {
        code = Encoding.ASCII.GetBytes(prefix);
        return Ascii.IsValid(prefix);
    }

    /// <summary>
    /// The lines of the file (start, length without the line end, row number from 1): a line ends at a line feed outside quotes,
    /// and a carriage return before it is left out.
    /// </summary>
    private static List<(int Start, int Length, int Number)> Lines(ReadOnlySpan<byte> bytes)
    {
        var lines = new List<(int, int, int)>(bytes.Length / 100);
        var (start, inQuotes, at) = (0, false, 0);
        while (at < bytes.Length)
        {
            var next = bytes[at..].IndexOfAny((byte)'\n', (byte)'"');
            if (next < 0) break;
            at += next;
            if (bytes[at] == (byte)'"') inQuotes = !inQuotes;
            else if (!inQuotes)
            {
                var end = at > start && bytes[at - 1] == (byte)'\r' ? at - 1 : at;
                lines.Add((start, end - start, lines.Count + 1));
                start = at + 1;
            }
            at++;
        }
        if (start < bytes.Length) lines.Add((start, bytes.Length - start, lines.Count + 1));
        return lines;
    }
}
