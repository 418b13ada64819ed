using System.Collections.Concurrent;
using System.Globalization;
using System.Resources;

namespace Reshore.Core.Localization;

/// <summary>
/// User-facing text in English (neutral) and Dutch (nl-BE), from the Strings resource files.
/// Each call site gives the key and the English text; the English text is the neutral resource and the
/// fallback, so a key missing from Strings.resx shows in English rather than as a bare key.
/// </summary>
public static class Text
{
    private static readonly ResourceManager Resources = new("Reshore.Core.Resources.Strings", typeof(Text).Assembly);

    /// <summary>The two supported cultures.</summary>
    public static IReadOnlyList<CultureInfo> Supported { get; } = [CultureInfo.GetCultureInfo("en"), CultureInfo.GetCultureInfo("nl-BE")];

    /// <summary>Resolves "nl", "nl-BE", "en", "en-GB"… to a supported culture; English otherwise.</summary>
    public static CultureInfo Culture(string? language) =>
        language is not null && language.StartsWith("nl", StringComparison.OrdinalIgnoreCase)
            ? CultureInfo.GetCultureInfo("nl-BE")
            : CultureInfo.GetCultureInfo("en");

    // ResourceManager.GetString takes a lock on every call; the simulation re-costs options from many threads, so resolved
    // texts are cached (the key set is small and fixed).
    private static readonly ConcurrentDictionary<(string Culture, string Key), string?> Cache = new();

    /// <summary>The text for <paramref name="key"/> in <paramref name="culture"/>.</summary>
    public static string Get(CultureInfo culture, string key, string english) =>
        Cache.GetOrAdd((culture.Name, key), static k => Lookup(k.Key, CultureInfo.GetCultureInfo(k.Culture))) ?? english;

    private static string? Lookup(string key, CultureInfo culture)
    {
        try
        {
            return Resources.GetString(key, culture);
        }
        catch (MissingManifestResourceException)
        {
            return null;
        }
    }

    /// <summary>The formatted text for <paramref name="key"/>; numbers are formatted in the culture.</summary>
    public static string Format(CultureInfo culture, string key, string english, params object?[] args) =>
        string.Format(culture, Get(culture, key, english), args);
}
