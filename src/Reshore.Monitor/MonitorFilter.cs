using Reshore.Core.Domain;
using Reshore.Core.Scorecard;

namespace Reshore.Monitor;

/// <summary>
/// Which cases statistics and exports cover. Every set left null (or empty) means "any". Within a set, values are alternatives
/// (OR); different sets combine with AND. Multi-valued fields match when any of their values is in the set (a case leaving
/// CN and IN matches Origins = {IN}). Sector matches a code or its section (Sectors = {"C"} matches C26). Dates bound the
/// announcement date inclusively; a case without a date is left out whenever a date bound is set.
/// </summary>
public sealed record MonitorFilter
{
    /// <summary>Statuses to include; null = all. <see cref="Public"/> restricts to published.</summary>
    public IReadOnlySet<CaseStatus>? Statuses { get; init; }
#pragma warning disable CS1591 // each set filters the field of the same name on MonitorCase.
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public IReadOnlySet<string>? HomeCountries { get; init; }
    public IReadOnlySet<string>? Origins { get; init; }
    public IReadOnlySet<string>? Destinations { get; init; }
    public IReadOnlySet<string>? Sectors { get; init; }
    public IReadOnlySet<CompanySizeClass>? SizeClasses { get; init; }
    public IReadOnlySet<BusinessFunction>? Functions { get; init; }
    public IReadOnlySet<GovernanceModel>? Governance { get; init; }
    public IReadOnlySet<ReshoringType>? Types { get; init; }
    public IReadOnlySet<string>? Motives { get; init; }
    public IReadOnlySet<MotiveZone>? Quadrants { get; init; }
    public bool? IsSeed { get; init; }
    public IReadOnlySet<CaseDirection>? Directions { get; init; }
    public IReadOnlySet<EurostatKind>? EurostatKinds { get; init; }
    public IReadOnlySet<string>? Regions { get; init; }
#pragma warning restore CS1591
    /// <summary>Full-text search: every word must occur (ignoring case and accents) in the company, parent company, region, notes,
    /// activities, partner, motive labels, country codes, NACE code or the sources' titles and publishers.</summary>
    public string? Text { get; init; }

    /// <summary>Published cases only: what anonymous users and public statistics see.</summary>
    public static MonitorFilter Public { get; } = new() { Statuses = new HashSet<CaseStatus> { CaseStatus.Published } };

    /// <summary>This filter restricted to published cases (the other conditions kept).</summary>
    public MonitorFilter AsPublic() => this with { Statuses = new HashSet<CaseStatus> { CaseStatus.Published } };

    /// <summary>True when the case passes every condition.</summary>
    public bool Matches(MonitorCase c)
    {
        static bool Any<T>(IReadOnlySet<T>? set) => set is { Count: > 0 };
        if (Any(Statuses) && !Statuses!.Contains(c.Status)) return false;
        if ((From is not null || To is not null) && c.AnnouncementDate is null) return false;
        if (From is { } f && c.AnnouncementDate < f) return false;
        if (To is { } t && c.AnnouncementDate > t) return false;
        if (Any(HomeCountries) && !HomeCountries!.Contains(c.HomeCountry)) return false;
        if (Any(Origins) && !c.Origins.Any(Origins!.Contains)) return false;
        if (Any(Destinations) && !Destinations!.Contains(c.Destination)) return false;
        if (Any(Sectors) && (c.NaceCode is not { } n || !(Sectors!.Contains(n) || Sectors.Contains(NaceSectors.Section(n))))) return false;
        if (Any(SizeClasses) && (c.EffectiveSizeClass is not { } s || !SizeClasses!.Contains(s))) return false;
        if (Any(Functions) && !Functions!.Contains(c.Function)) return false;
        if (Any(Governance) && (c.Governance is not { } g || !Governance!.Contains(g))) return false;
        if (Any(Types) && !Types!.Contains(c.Type)) return false;
        if (Any(Motives) && !c.Motives.Any(Motives!.Contains)) return false;
        if (Any(Quadrants) && !c.Motives.Select(MotiveTaxonomy.Find).Any(m => m is not null && Quadrants!.Contains(m.Zone))) return false;
        if (IsSeed is { } seed && c.IsSeed != seed) return false;
        if (Any(Directions) && !Directions!.Contains(c.Direction)) return false;
        if (Any(EurostatKinds) && (c.EurostatKind is not { } k || !EurostatKinds!.Contains(k))) return false;
        if (Any(Regions) && (c.Region is not { } r || !Regions!.Contains(r))) return false;
        if (!string.IsNullOrWhiteSpace(Text))
        {
            var haystack = SearchText(c);
            foreach (var word in Fold(Text).Split(' ', StringSplitOptions.RemoveEmptyEntries))
                if (!haystack.Contains(word, StringComparison.Ordinal)) return false;
        }
        return true;
    }

    /// <summary>This filter without a direction condition (the net balance looks at both directions).</summary>
    public MonitorFilter AnyDirection() => this with { Directions = null };

    private static string SearchText(MonitorCase c) => Fold(string.Join(" ", new[]
    {
        c.CompanyName, c.ParentCompany, c.Region, c.Region is { } r ? MonitorRegions.Name(r) : null, c.Notes, c.MovedActivities, c.StayedActivities,
        c.SocialEconomyPartner, c.NaceCode, c.HomeCountry, c.Destination, string.Join(" ", c.Origins),
        string.Join(" ", c.Motives.Select(m => MotiveTaxonomy.Label(System.Globalization.CultureInfo.GetCultureInfo("en"), m))),
        string.Join(" ", c.Motives.Select(m => MotiveTaxonomy.Label(System.Globalization.CultureInfo.GetCultureInfo("nl"), m))),
        string.Join(" ", c.Sources.Select(s => s.Title + " " + s.Publisher)),
    }.Where(x => !string.IsNullOrEmpty(x))));

    /// <summary>Lower case without accents, for search.</summary>
    public static string Fold(string text)
    {
        var d = text.Normalize(System.Text.NormalizationForm.FormD);
        var sb = new System.Text.StringBuilder(d.Length);
        foreach (var ch in d)
            if (System.Globalization.CharUnicodeInfo.GetUnicodeCategory(ch) != System.Globalization.UnicodeCategory.NonSpacingMark) sb.Append(char.ToLowerInvariant(ch));
        return sb.ToString();
    }
}
