using System.Globalization;
using System.Text.RegularExpressions;

namespace Reshore.Web.Services;

/// <summary>
/// Numbers as people type them in their language: "9,5" and "1.234,5" in Dutch, "9.5" and "1,234.5" in English. Thousand separators are
/// accepted only in groups of three ("1,5" is not fifteen in English: it is refused, so the field is named rather than a value guessed).
/// A Dutch field also takes a lone decimal point ("9.5") when it cannot be a thousands group, as numbers pasted from English sources are.
/// </summary>
public static partial class LocalNumber
{
    /// <summary>Parses <paramref name="text"/> as typed in <paramref name="culture"/>; false when it is not a number.</summary>
    public static bool TryParse(string text, CultureInfo culture, out double value)
    {
        value = 0;
        var t = text.Trim().Replace('\u00A0', ' ').Replace('\u202F', ' ').Replace(" ", "", StringComparison.Ordinal).Replace('−', '-');
        if (t.Length == 0 || t.StartsWith('+')) return false;
        var nf = culture.NumberFormat;
        var dec = nf.NumberDecimalSeparator;
        var group = nf.NumberGroupSeparator;
        if (Grouped(dec, group).IsMatch(t))
            return double.TryParse(t.Replace(group, "", StringComparison.Ordinal).Replace(dec, ".", StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out value);
        // A decimal point in a language with a decimal comma, when it is not a valid group of thousands ("9.5", "0.86", "1.5e3").
        if (dec != "." && !t.Contains(dec, StringComparison.Ordinal) && InvariantNumber().IsMatch(t))
            return double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
        return false;
    }

    /// <summary>A number for an input field in <paramref name="culture"/>: all its digits, thousand separators from 10,000 up (years stay 2027).</summary>
    public static string Format(double value, CultureInfo culture)
    {
        if (!double.IsFinite(value)) return value.ToString(CultureInfo.InvariantCulture);
        var plain = value.ToString("R", CultureInfo.InvariantCulture);
        if (plain.Contains('E', StringComparison.Ordinal)) return value.ToString("R", culture);
        var decimals = plain.Contains('.', StringComparison.Ordinal) ? plain.Length - plain.IndexOf('.', StringComparison.Ordinal) - 1 : 0;
        return value.ToString((Math.Abs(value) >= 10_000 ? "N" : "F") + decimals.ToString(CultureInfo.InvariantCulture), culture);
    }

    private static Regex Grouped(string dec, string group)
    {
        var d = Regex.Escape(dec);
        var g = Regex.Escape(group);
        return new Regex($@"^-?(\d+|\d{{1,3}}({g}\d{{3}})+)({d}\d+)?([eE][-+]?\d+)?$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    [GeneratedRegex(@"^-?\d+(\.\d+)?([eE][-+]?\d+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex InvariantNumber();
}
