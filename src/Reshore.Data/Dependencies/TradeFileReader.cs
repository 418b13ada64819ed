using System.Globalization;
using Reshore.Core.Dependencies;
using Reshore.Core.Values;
using Reshore.Data.Screening;

namespace Reshore.Data.Dependencies;

/// <summary>A malformed line of a trade file.</summary>
/// <param name="Line">Line number (the header is line 1).</param>
/// <param name="Column">Column name.</param>
/// <param name="Reason">What is wrong.</param>
public sealed record TradeRowError(int Line, string Column, string Reason);

/// <summary>A trade file that cannot be read (unknown layout, missing country codes, too many bad rows).</summary>
public sealed class TradeFileException(string message) : Exception(message);

/// <summary>
/// Streams trade flows from a CSV in BACI's layout (<c>t,i,j,k,v,q</c>: year, exporter and importer as BACI numeric codes,
/// HS6, value in thousand USD, quantity in tonnes; codes resolved through BACI's country-code file) or a simple layout
/// (<c>year,exporter,importer,hs6,value</c> with ISO alpha-2 or alpha-3 codes). Countries become ISO alpha-3; HS6 codes get
/// back the leading zeros a spreadsheet may have dropped. Bad lines are collected with line, column and reason.
/// </summary>
public sealed class TradeFileReader
{
    private readonly Dictionary<string, string>? _baciCodes;
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _baciLookup;
    // HS6 codes as written → with their leading zeros: a year of BACI has 5,000 codes in ten million rows.
    private readonly Dictionary<string, string> _hs6 = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _hs6Lookup;

    /// <summary>Creates a reader; <paramref name="baciCountryCodes"/> is the path of BACI's country_codes file, needed for the BACI layout.</summary>
    public TradeFileReader(string? baciCountryCodes)
    {
        if (baciCountryCodes is not null)
        {
            _baciCodes = new Dictionary<string, string>(ReadCountryCodes(baciCountryCodes), StringComparer.Ordinal);
            _baciLookup = _baciCodes.GetAlternateLookup<ReadOnlySpan<char>>();
        }
        _hs6Lookup = _hs6.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Bad lines found.</summary>
    public List<TradeRowError> Errors { get; } = [];

    /// <summary>Lines read (excluding the header).</summary>
    public long Lines { get; private set; }

    /// <summary>Flows from <paramref name="path"/>, lazily.</summary>
    public IEnumerable<TradeFlow> Read(string path)
    {
        using var reader = new StreamReader(path);
        var header = reader.ReadLine() ?? throw new TradeFileException($"{path} is empty.");
        var columns = header.Split(',').Select(h => h.Trim().Trim('"').ToLowerInvariant()).ToArray();
        var baci = columns.Length >= 5 && columns[..5].SequenceEqual(["t", "i", "j", "k", "v"]);
        var simple = columns.Length >= 5 && columns[..5].SequenceEqual(["year", "exporter", "importer", "hs6", "value"]);
        if (!baci && !simple)
            throw new TradeFileException($"{path}: unknown layout. The header must start with t,i,j,k,v (BACI) or year,exporter,importer,hs6,value; found: {header}");
        if (baci && _baciCodes is null)
            throw new TradeFileException($"{path} is in BACI's layout: give BACI's country-code file with --country-codes.");
        string[] names = baci ? ["t", "i", "j", "k", "v"] : ["year", "exporter", "importer", "hs6", "value"];
        var lineNumber = 1;
        foreach (var (plain, quoted, line) in PartsReader.CsvLines(reader))
        {
            lineNumber = line + 1;
            if (baci && plain is not null && BaciFlow(plain) is { } flow)
            {
                Lines++;
                yield return flow;
                continue;
            }
            // Anything the fast path does not take (the simple layout, quotes, a mistake) is read field by field, as before.
            var fields = quoted ?? plain!.Split(',');
            if (fields.Length == 1 && fields[0].Length == 0) continue;
            Lines++;
            var errorsBefore = Errors.Count;
            if (fields.Length < 5)
            {
                Errors.Add(new TradeRowError(lineNumber, "*", $"has {fields.Length} fields, expected at least 5"));
                continue;
            }
            if (!int.TryParse(fields[0].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 1900 or > 2100)
                Errors.Add(new TradeRowError(lineNumber, names[0], $"'{fields[0]}' is not a year"));
            var exporter = Country(fields[1], baci, lineNumber, names[1]);
            var importer = Country(fields[2], baci, lineNumber, names[2]);
            var hs6 = Hs6(fields[3], lineNumber, names[3]);
            if (!double.TryParse(fields[4].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value) || value < 0)
                Errors.Add(new TradeRowError(lineNumber, names[4], $"'{fields[4]}' is not a value of zero or more"));
            if (Errors.Count > errorsBefore) continue;
            yield return new TradeFlow(year, exporter!, importer!, hs6!, value);
        }
    }

    /// <summary>
    /// A valid row of BACI's layout without quotes, read from the line's text without cutting it into strings (the years, codes and values
    /// are parsed in place; the HS6 codes and countries come from lookups); null when anything is off, for the careful path to report.
    /// </summary>
    private TradeFlow? BaciFlow(string line)
    {
        var rest = line.AsSpan();
        Span<Range> cut = stackalloc Range[6];
        if (rest.Split(cut, ',') < 5) return null;
        if (!int.TryParse(rest[cut[0]].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 1900 or > 2100) return null;
        if (!_baciLookup.TryGetValue(rest[cut[1]].Trim().Trim('"'), out var exporter) || !_baciLookup.TryGetValue(rest[cut[2]].Trim().Trim('"'), out var importer)) return null;
        var code = rest[cut[3]].Trim().Trim('"');
        if (!_hs6Lookup.TryGetValue(code, out var hs6))
        {
            if (code.Length is < 1 or > 6 || code.ContainsAnyExceptInRange('0', '9')) return null;
            hs6 = _hs6[code.ToString()] = code.ToString().PadLeft(6, '0');
        }
        if (!double.TryParse(rest[cut[4]].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value) || value < 0) return null;
        return new TradeFlow(year, exporter, importer, hs6, value);
    }

    private string? Country(string text, bool baci, int line, string column)
    {
        var t = text.Trim().Trim('"');
        if (baci)
        {
            if (_baciCodes!.TryGetValue(t, out var iso3)) return iso3;
            Errors.Add(new TradeRowError(line, column, $"country code '{t}' is not in the country-code file"));
            return null;
        }
        var upper = t.ToUpperInvariant();
        if (upper.Length == 2 && IsoCountries.Alpha3.TryGetValue(upper, out var a3)) return a3;
        if (upper.Length == 3 && IsoCountries.Alpha3.Values.Contains(upper)) return upper;
        Errors.Add(new TradeRowError(line, column, $"'{t}' is not an ISO 3166-1 alpha-2 or alpha-3 code"));
        return null;
    }

    /// <summary>HS6 with leading zeros restored ("10110" → "010110"); 1–6 digits accepted.</summary>
    private string? Hs6(string text, int line, string column)
    {
        var t = text.Trim().Trim('"');
        if (t.Length is >= 1 and <= 6 && t.All(char.IsAsciiDigit)) return t.PadLeft(6, '0');
        Errors.Add(new TradeRowError(line, column, $"'{t}' is not an HS6 code (up to 6 digits)"));
        return null;
    }

    /// <summary>Reads BACI's country_codes file (country_code, …, country_iso3) into numeric code → ISO alpha-3.</summary>
    public static IReadOnlyDictionary<string, string> ReadCountryCodes(string path)
    {
        if (!File.Exists(path)) throw new TradeFileException($"Country-code file not found: {path}");
        using var reader = new StreamReader(path);
        var records = PartsReader.CsvRecords(reader).ToList();
        if (records.Count == 0) throw new TradeFileException($"{path} is empty.");
        var header = records[0].Fields.Select(h => h.Trim().ToLowerInvariant()).ToList();
        var code = header.IndexOf("country_code");
        var iso3 = header.IndexOf("country_iso3");
        if (code < 0 || iso3 < 0) throw new TradeFileException($"{path}: expected columns country_code and country_iso3 (BACI's country_codes file).");
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (fields, _) in records.Skip(1))
            if (fields.Length > Math.Max(code, iso3) && fields[iso3].Trim().Length == 3)
                map[fields[code].Trim()] = fields[iso3].Trim().ToUpperInvariant();
        return map;
    }

    /// <summary>Reads an HS6 → ecosystem mapping (hs6, ecosystem[, sensitive]).</summary>
    public static IReadOnlyDictionary<string, (string Ecosystem, bool Sensitive)> ReadEcosystems(string path)
    {
        if (!File.Exists(path)) throw new TradeFileException($"Ecosystem file not found: {path}");
        using var reader = new StreamReader(path);
        var records = PartsReader.CsvRecords(reader).ToList();
        var header = records.FirstOrDefault().Fields?.Select(h => h.Trim().ToLowerInvariant()).ToList() ?? [];
        var hs = header.IndexOf("hs6");
        var eco = header.IndexOf("ecosystem");
        var sensitive = header.IndexOf("sensitive");
        if (hs < 0 || eco < 0) throw new TradeFileException($"{path}: expected columns hs6 and ecosystem (and optionally sensitive).");
        var map = new Dictionary<string, (string, bool)>(StringComparer.Ordinal);
        foreach (var (fields, line) in records.Skip(1))
        {
            if (fields.Length <= Math.Max(hs, eco)) continue;
            var code = fields[hs].Trim();
            if (code.Length is < 1 or > 6 || !code.All(char.IsAsciiDigit)) throw new TradeFileException($"{path}: line {line}: '{code}' is not an HS6 code.");
            var name = fields[eco].Trim();
            var isSensitive = sensitive >= 0 && fields.Length > sensitive && fields[sensitive].Trim().Length > 0
                ? fields[sensitive].Trim().Equals("yes", StringComparison.OrdinalIgnoreCase) || fields[sensitive].Trim() == "1" || fields[sensitive].Trim().Equals("true", StringComparison.OrdinalIgnoreCase)
                : TradeDependencyScreener.SensitiveEcosystems.Contains(name);
            map[code.PadLeft(6, '0')] = (name, isSensitive);
        }
        return map;
    }

    /// <summary>An importer group: "EU27" or a comma-separated list of ISO alpha-2/alpha-3 codes.</summary>
    public static IReadOnlySet<string> Group(string text)
    {
        if (text.Trim().Equals("EU27", StringComparison.OrdinalIgnoreCase)) return TradeDependencyScreener.Eu27Alpha3;
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var upper = part.ToUpperInvariant();
            if (upper.Length == 2 && IsoCountries.Alpha3.TryGetValue(upper, out var a3)) set.Add(a3);
            else if (upper.Length == 3 && IsoCountries.Alpha3.Values.Contains(upper)) set.Add(upper);
            else throw new TradeFileException($"--importers: '{part}' is not EU27 or an ISO country code.");
        }
        return set.Count > 0 ? set : throw new TradeFileException("--importers names no country.");
    }

    /// <summary>
    /// Reads the what-if parameters per ecosystem: ecosystem, labour_cost_share_pct, jobs_per_million, co2e_t_saved_per_million[, source];
    /// empty cells are unknown. Errors name the line and column.
    /// </summary>
    public static IReadOnlyDictionary<string, EcosystemParameters> ReadEcosystemParameters(string path)
    {
        if (!File.Exists(path)) throw new TradeFileException($"Ecosystem parameter file not found: {path}");
        using var reader = new StreamReader(path);
        var records = PartsReader.CsvRecords(reader).ToList();
        var header = records.FirstOrDefault().Fields?.Select(h => h.Trim().ToLowerInvariant()).ToList() ?? [];
        var eco = header.IndexOf("ecosystem");
        if (eco < 0) throw new TradeFileException($"{path}: expected columns ecosystem, labour_cost_share_pct, jobs_per_million, co2e_t_saved_per_million (and optionally source).");
        int Col(string name) => header.IndexOf(name);
        var map = new Dictionary<string, EcosystemParameters>(StringComparer.OrdinalIgnoreCase);
        foreach (var (fields, line) in records.Skip(1))
        {
            if (fields.Length <= eco || fields[eco].Trim().Length == 0) continue;
            double? Num(string column)
            {
                var i = Col(column);
                if (i < 0 || i >= fields.Length || fields[i].Trim().Length == 0) return null;
                if (!double.TryParse(fields[i].Trim(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v) || v < 0)
                    throw new TradeFileException($"{path}: line {line}, column {column}: '{fields[i].Trim()}' is not a number ≥ 0.");
                return v;
            }
            var share = Num("labour_cost_share_pct");
            if (share > 100) throw new TradeFileException($"{path}: line {line}, column labour_cost_share_pct: {share} is above 100.");
            var source = Col("source") is var s && s >= 0 && s < fields.Length && fields[s].Trim().Length > 0 ? fields[s].Trim() : null;
            map[fields[eco].Trim()] = new EcosystemParameters(fields[eco].Trim(), share, Num("jobs_per_million"), Num("co2e_t_saved_per_million"), source);
        }
        return map;
    }
}
