using System.Globalization;
using Reshore.Core.Scorecard;

namespace Reshore.Monitor;

/// <summary>
/// The motives the monitor records: the one list of <see cref="ReshoringMotives.All"/>, which case files use too, each in a
/// quadrant or hybrid zone of Eurofound's framework (<see cref="MotiveZone"/>, SERV study §2.2.1). See docs/monitor.md for the
/// placement and the study lines of every motive.
/// </summary>
public static class MotiveTaxonomy
{
    /// <summary>All motives.</summary>
    public static IReadOnlyList<ReshoringMotive> All => ReshoringMotives.All;

    /// <summary>The motive with this code, or null.</summary>
    public static ReshoringMotive? Find(string code) => ReshoringMotives.Find(code);

    /// <summary>True when the code is a motive of the taxonomy (case-sensitive).</summary>
    public static bool IsKnown(string code) => ReshoringMotives.Find(code) is not null;

    /// <summary>Resolves a code case-insensitively (for imports); null when unknown.</summary>
    public static string? Resolve(string text) => ReshoringMotives.Resolve(text);

    /// <summary>The label of a motive in the culture; the code itself for an unknown code.</summary>
    public static string Label(CultureInfo culture, string code) => Find(code)?.Label(culture) ?? code;

    /// <summary>The label of a quadrant or hybrid zone in the culture.</summary>
    public static string QuadrantLabel(CultureInfo culture, MotiveZone zone) => ReshoringMotives.ZoneLabel(culture, zone);
}
