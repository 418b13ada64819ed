using System.Globalization;
using Reshore.Core.Localization;
using Reshore.Core.Values;

namespace Reshore.Monitor;

/// <summary>
/// Location codes of the monitor: ISO 3166-1 alpha-2 country codes, plus a few region codes for origins that sources name only
/// as a region. Region codes are three or more letters so they never clash with a country code.
/// </summary>
public static class MonitorLocations
{
    /// <summary>Region codes allowed as an origin: ASIA (Asia, unspecified), EEUR (Central and Eastern Europe, unspecified), LWC (low-wage countries, unspecified).</summary>
    public static IReadOnlyList<string> Regions { get; } = ["ASIA", "EEUR", "LWC"];

    /// <summary>True for an upper-case ISO country code.</summary>
    public static bool IsCountry(string? code) => code is not null && code.Length == 2 && IsoCountries.Alpha2.Contains(code);

    /// <summary>True for an ISO country code or a region code.</summary>
    public static bool IsLocation(string? code) => IsCountry(code) || (code is not null && Regions.Contains(code));

    /// <summary>Upper-cases and trims a code; returns it whether valid or not.</summary>
    public static string Normalize(string code) => code.Trim().ToUpperInvariant();

    /// <summary>Display name of a location in the culture (countries by their ISO English name).</summary>
    public static string Name(CultureInfo culture, string code) => code switch
    {
        "ASIA" => Text.Get(culture, "Mon_Region_ASIA", "Asia (unspecified)"),
        "EEUR" => Text.Get(culture, "Mon_Region_EEUR", "Central and Eastern Europe (unspecified)"),
        "LWC" => Text.Get(culture, "Mon_Region_LWC", "low-wage countries (unspecified)"),
        _ => IsoCountries.Names.TryGetValue(code, out var n) ? n : code,
    };
}
