using Reshore.Core.MarketData;

namespace Reshore.Core.Dependencies;

/// <summary>A raw material found in a component, with its place on the EU lists.</summary>
/// <param name="Material">As given in the case.</param>
/// <param name="ComponentId">Component that contains it.</param>
/// <param name="ListedAs">List entry it matched (2023 name, else 2020).</param>
/// <param name="Critical2023">On the 2023 list of 34 critical raw materials.</param>
/// <param name="Strategic2023">"yes", "partly" or "no" on the 2023 list of strategic raw materials.</param>
/// <param name="Critical2020">On the 2020 list of 30.</param>
public sealed record CriticalRawMaterialHit(string Material, string ComponentId, string ListedAs, bool Critical2023, string Strategic2023, bool Critical2020);

/// <summary>Matches raw-material names (elements, common names) to the EU critical raw materials lists.</summary>
public static class CriticalRawMaterials
{
    // Common names → the list names they stand for. The 2020 list says "Borate" where the 2023 list says "Boron", and
    // "rare earths" covers both the light and the heavy rare earth elements.
    private static readonly Dictionary<string, string[]> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["aluminium"] = ["bauxite"], ["aluminum"] = ["bauxite"], ["alumina"] = ["bauxite"],
        ["silicon"] = ["silicon metal"], ["graphite"] = ["natural graphite"],
        ["boron"] = ["boron", "borate"], ["borate"] = ["boron", "borate"], ["borates"] = ["boron", "borate"],
        ["phosphate"] = ["phosphate rock"], ["rubber"] = ["natural rubber"],
        ["neodymium"] = ["lree"], ["praseodymium"] = ["lree"], ["lanthanum"] = ["lree"], ["cerium"] = ["lree"], ["samarium"] = ["lree"],
        ["dysprosium"] = ["hree"], ["terbium"] = ["hree"], ["gadolinium"] = ["hree"], ["europium"] = ["hree"], ["yttrium"] = ["hree"], ["holmium"] = ["hree"], ["erbium"] = ["hree"],
        ["platinum"] = ["pgm"], ["palladium"] = ["pgm"], ["rhodium"] = ["pgm"], ["iridium"] = ["pgm"], ["ruthenium"] = ["pgm"], ["osmium"] = ["pgm"],
        ["rare earths"] = ["lree", "hree"], ["rare earth elements"] = ["lree", "hree"], ["ree"] = ["lree", "hree"],
    };

    /// <summary>The list entries (2023 and 2020) a material name matches; empty when it is not critical.</summary>
    public static IReadOnlyList<CriticalRawMaterial> Match(string material, IReadOnlyList<CriticalRawMaterial> lists)
    {
        var key = material.Trim();
        var targets = Aliases.TryGetValue(key, out var alias) ? alias : [key];
        return lists.Where(e => Names(e.Name).Any(n => targets.Any(t => n.Equals(t, StringComparison.OrdinalIgnoreCase)))).ToList();
    }

    /// <summary>Names an entry answers to: the full name, each part of "A/B/C", the words before a dash or bracket, and the abbreviation in brackets.</summary>
    private static IEnumerable<string> Names(string entry)
    {
        yield return entry;
        foreach (var part in entry.Split('/')) yield return part.Trim();
        var bracket = entry.IndexOf('(', StringComparison.Ordinal);
        if (bracket > 0)
        {
            yield return entry[..bracket].Trim();
            yield return entry[(bracket + 1)..].TrimEnd(')').Trim();
        }
        var dash = entry.IndexOf(" - ", StringComparison.Ordinal);
        if (dash > 0) yield return entry[..dash].Trim();
        var space = entry.IndexOf(' ', StringComparison.Ordinal);
        if (space > 0 && entry.EndsWith(" metal", StringComparison.OrdinalIgnoreCase)) yield return entry[..space];
    }

    /// <summary>A hit for a material in a component, or null when it is on neither list.</summary>
    public static CriticalRawMaterialHit? Hit(string material, string componentId, IReadOnlyList<CriticalRawMaterial> lists)
    {
        var matches = Match(material, lists);
        if (matches.Count == 0) return null;
        var in2023 = matches.FirstOrDefault(m => m.ListYear == 2023);
        var in2020 = matches.FirstOrDefault(m => m.ListYear == 2020);
        return new CriticalRawMaterialHit(material, componentId, (in2023 ?? in2020)!.Name, in2023 is not null, in2023?.Strategic ?? "no", in2020 is not null);
    }
}
