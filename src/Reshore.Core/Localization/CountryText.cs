using System.Globalization;
using Reshore.Core.Values;

namespace Reshore.Core.Localization;

/// <summary>Country names in the output language (key "Country_{ISO}"; the ISO 3166-1 English short name otherwise).</summary>
public static class CountryText
{
    /// <summary>The name of country <paramref name="iso2"/>.</summary>
    public static string Name(string iso2, CultureInfo culture) =>
        Text.Get(culture, "Country_" + iso2, IsoCountries.Names.TryGetValue(iso2, out var english) ? english : iso2);
}
