using System.Globalization;
using Reshore.Core.Localization;

namespace Reshore.Monitor;

/// <summary>
/// NACE Rev.2 (Eurostat 2008): the 21 sections A–U and the 24 manufacturing divisions 10–33, with English and Dutch
/// (NACEBEL 2008) labels. Codes are a section letter ("C") or C plus a division ("C26"), as the Eurofound Monitor writes them;
/// <see cref="Normalize"/> also accepts "26", "C 26", "c26" and "C26.1" (the group is dropped).
/// </summary>
public static class NaceSectors
{
    /// <summary>All codes, sections first.</summary>
    public static IReadOnlyList<string> Codes { get; } =
    [
        "A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M", "N", "O", "P", "Q", "R", "S", "T", "U",
        "C10", "C11", "C12", "C13", "C14", "C15", "C16", "C17", "C18", "C19", "C20", "C21", "C22", "C23", "C24", "C25", "C26", "C27", "C28", "C29", "C30", "C31", "C32", "C33",
    ];

    private static readonly HashSet<string> Known = new(Codes, StringComparer.Ordinal);

    /// <summary>True for a normalised code in <see cref="Codes"/>.</summary>
    public static bool IsValid(string? code) => code is not null && Known.Contains(code);

    /// <summary>The canonical code for a text, or null when it is no section or manufacturing division.</summary>
    public static string? Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var t = text.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        var dot = t.IndexOf('.', StringComparison.Ordinal);
        if (dot > 0) t = t[..dot];
        if (t.Length == 2 && char.IsAsciiDigit(t[0]) && char.IsAsciiDigit(t[1])) t = "C" + t;
        return Known.Contains(t) ? t : null;
    }

    /// <summary>The section letter of a code ("C26" → "C").</summary>
    public static string Section(string code) => code[..1];

    /// <summary>The label of a code in the culture; the code itself when unknown.</summary>
    public static string Label(CultureInfo culture, string code) => code switch
    {
        "A" => Text.Get(culture, "Mon_Nace_A", "Agriculture, forestry and fishing"),
        "B" => Text.Get(culture, "Mon_Nace_B", "Mining and quarrying"),
        "C" => Text.Get(culture, "Mon_Nace_C", "Manufacturing"),
        "D" => Text.Get(culture, "Mon_Nace_D", "Electricity, gas, steam and air conditioning supply"),
        "E" => Text.Get(culture, "Mon_Nace_E", "Water supply; sewerage, waste management and remediation activities"),
        "F" => Text.Get(culture, "Mon_Nace_F", "Construction"),
        "G" => Text.Get(culture, "Mon_Nace_G", "Wholesale and retail trade; repair of motor vehicles and motorcycles"),
        "H" => Text.Get(culture, "Mon_Nace_H", "Transportation and storage"),
        "I" => Text.Get(culture, "Mon_Nace_I", "Accommodation and food service activities"),
        "J" => Text.Get(culture, "Mon_Nace_J", "Information and communication"),
        "K" => Text.Get(culture, "Mon_Nace_K", "Financial and insurance activities"),
        "L" => Text.Get(culture, "Mon_Nace_L", "Real estate activities"),
        "M" => Text.Get(culture, "Mon_Nace_M", "Professional, scientific and technical activities"),
        "N" => Text.Get(culture, "Mon_Nace_N", "Administrative and support service activities"),
        "O" => Text.Get(culture, "Mon_Nace_O", "Public administration and defence; compulsory social security"),
        "P" => Text.Get(culture, "Mon_Nace_P", "Education"),
        "Q" => Text.Get(culture, "Mon_Nace_Q", "Human health and social work activities"),
        "R" => Text.Get(culture, "Mon_Nace_R", "Arts, entertainment and recreation"),
        "S" => Text.Get(culture, "Mon_Nace_S", "Other service activities"),
        "T" => Text.Get(culture, "Mon_Nace_T", "Activities of households as employers; undifferentiated goods- and services-producing activities of households for own use"),
        "U" => Text.Get(culture, "Mon_Nace_U", "Activities of extraterritorial organisations and bodies"),
        "C10" => Text.Get(culture, "Mon_Nace_C10", "Manufacture of food products"),
        "C11" => Text.Get(culture, "Mon_Nace_C11", "Manufacture of beverages"),
        "C12" => Text.Get(culture, "Mon_Nace_C12", "Manufacture of tobacco products"),
        "C13" => Text.Get(culture, "Mon_Nace_C13", "Manufacture of textiles"),
        "C14" => Text.Get(culture, "Mon_Nace_C14", "Manufacture of wearing apparel"),
        "C15" => Text.Get(culture, "Mon_Nace_C15", "Manufacture of leather and related products"),
        "C16" => Text.Get(culture, "Mon_Nace_C16", "Manufacture of wood and of products of wood and cork, except furniture; manufacture of articles of straw and plaiting materials"),
        "C17" => Text.Get(culture, "Mon_Nace_C17", "Manufacture of paper and paper products"),
        "C18" => Text.Get(culture, "Mon_Nace_C18", "Printing and reproduction of recorded media"),
        "C19" => Text.Get(culture, "Mon_Nace_C19", "Manufacture of coke and refined petroleum products"),
        "C20" => Text.Get(culture, "Mon_Nace_C20", "Manufacture of chemicals and chemical products"),
        "C21" => Text.Get(culture, "Mon_Nace_C21", "Manufacture of basic pharmaceutical products and pharmaceutical preparations"),
        "C22" => Text.Get(culture, "Mon_Nace_C22", "Manufacture of rubber and plastic products"),
        "C23" => Text.Get(culture, "Mon_Nace_C23", "Manufacture of other non-metallic mineral products"),
        "C24" => Text.Get(culture, "Mon_Nace_C24", "Manufacture of basic metals"),
        "C25" => Text.Get(culture, "Mon_Nace_C25", "Manufacture of fabricated metal products, except machinery and equipment"),
        "C26" => Text.Get(culture, "Mon_Nace_C26", "Manufacture of computer, electronic and optical products"),
        "C27" => Text.Get(culture, "Mon_Nace_C27", "Manufacture of electrical equipment"),
        "C28" => Text.Get(culture, "Mon_Nace_C28", "Manufacture of machinery and equipment n.e.c."),
        "C29" => Text.Get(culture, "Mon_Nace_C29", "Manufacture of motor vehicles, trailers and semi-trailers"),
        "C30" => Text.Get(culture, "Mon_Nace_C30", "Manufacture of other transport equipment"),
        "C31" => Text.Get(culture, "Mon_Nace_C31", "Manufacture of furniture"),
        "C32" => Text.Get(culture, "Mon_Nace_C32", "Other manufacturing"),
        "C33" => Text.Get(culture, "Mon_Nace_C33", "Repair and installation of machinery and equipment"),
        _ => code,
    };
}
