using System.Globalization;

namespace Reshore.Data.Output;

/// <summary>
/// One CSV field as every CSV writer of Reshore writes it (RFC 4180 quoting), protected against CSV injection (OWASP): a text
/// cell that starts like a formula (=, +, -, @, tab or carriage return) would run when the file is opened in a spreadsheet, so
/// it is written with a leading apostrophe, which spreadsheets show as text and <see cref="Unprotect"/> removes on import.
/// Numbers such as -5 are left alone.
/// </summary>
public static class CsvField
{
    /// <summary>The field, protected and quoted where needed.</summary>
    public static string Escape(string? value)
    {
        var s = Protect(value ?? "");
        return s.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;
    }

    /// <summary>A field as read back: the apostrophe that <see cref="Escape"/> put before a formula-like text removed.</summary>
    public static string Unprotect(string s) => s.Length > 1 && s[0] == '\'' && StartsLikeFormula(s[1..]) ? s[1..] : s;

    private static bool StartsLikeFormula(string s) => s.Length > 0 && s[0] is '=' or '+' or '-' or '@' or '\t' or '\r';

    private static string Protect(string s) =>
        StartsLikeFormula(s) && !double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out _) ? "'" + s : s;
}
