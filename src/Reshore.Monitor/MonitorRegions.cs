namespace Reshore.Monitor;

/// <summary>
/// Regions of a case at home. Belgian provinces and the Brussels region are stored as their NUTS 2 codes (Eurostat NUTS 2021:
/// BE10 Brussels, BE21 Antwerpen … BE35 Namur) and recognised by code or by their Dutch, French or English name; any other text
/// (a German Land, a French région) is kept as written. Each province also falls in one of the three Belgian regions (Flanders,
/// Wallonia, Brussels), the level the Flemish government reports on.
/// </summary>
public static class MonitorRegions
{
    private static readonly (string Code, string Region, string[] Names)[] Provinces =
    [
        ("BE10", "Brussels", ["Brussel", "Bruxelles", "Brussels", "Brussels Hoofdstedelijk Gewest", "Région de Bruxelles-Capitale"]),
        ("BE21", "Flanders", ["Antwerpen", "Anvers", "Antwerp", "Provincie Antwerpen"]),
        ("BE22", "Flanders", ["Limburg", "Limbourg", "Provincie Limburg"]),
        ("BE23", "Flanders", ["Oost-Vlaanderen", "Flandre-Orientale", "East Flanders"]),
        ("BE24", "Flanders", ["Vlaams-Brabant", "Brabant flamand", "Flemish Brabant"]),
        ("BE25", "Flanders", ["West-Vlaanderen", "Flandre-Occidentale", "West Flanders"]),
        ("BE31", "Wallonia", ["Waals-Brabant", "Brabant wallon", "Walloon Brabant"]),
        ("BE32", "Wallonia", ["Henegouwen", "Hainaut"]),
        ("BE33", "Wallonia", ["Luik", "Liège", "Liege"]),
        ("BE34", "Wallonia", ["Luxemburg", "Luxembourg (province)", "Province de Luxembourg"]),
        ("BE35", "Wallonia", ["Namen", "Namur"]),
    ];

    private static readonly Dictionary<string, string> ByName = Provinces
        .SelectMany(p => p.Names.Append(p.Code).Select(n => (n, p.Code)))
        .ToDictionary(x => x.n, x => x.Code, StringComparer.OrdinalIgnoreCase);

    /// <summary>The NUTS 2 codes of the Belgian provinces and Brussels.</summary>
    public static IReadOnlyList<string> Codes { get; } = Provinces.Select(p => p.Code).ToList();

    /// <summary>The code for a Belgian province's name or code; other text trimmed as it is; null for blank.</summary>
    public static string? Normalize(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : ByName.TryGetValue(text.Trim(), out var code) ? code : text.Trim();

    /// <summary>The Dutch name of a Belgian province code (the study's language), or the text itself.</summary>
    public static string Name(string region) =>
        Provinces.FirstOrDefault(p => p.Code == region) is { Code: not null } p ? p.Names[0] : region;

    /// <summary>Flanders, Wallonia or Brussels for a Belgian province code; null otherwise.</summary>
    public static string? BelgianRegion(string? region) =>
        region is null ? null : Provinces.FirstOrDefault(p => p.Code == region) is { Code: not null } p ? p.Region : null;
}
