using System.Globalization;
using Reshore.Core.Localization;

namespace Reshore.Web.Services;

/// <summary>Page text in the request's language (English or Dutch), from the shared resource files.</summary>
public static class L
{
    /// <summary>The text for a key in the current UI culture.</summary>
    public static string T(string key, string english) => Text.Get(CultureInfo.CurrentUICulture, key, english);

    /// <summary>Formatted text in the current UI culture.</summary>
    public static string F(string key, string english, params object?[] args) => Text.Format(CultureInfo.CurrentUICulture, key, english, args);

    /// <summary>A number in the current culture.</summary>
    public static string N(double value, string format = "N0") => double.IsFinite(value) ? value.ToString(format, CultureInfo.CurrentCulture) : "–";
}
