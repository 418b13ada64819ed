using System.Globalization;
using System.Text.RegularExpressions;
using Reshore.Core.Values;

namespace Reshore.Monitor;

/// <summary>
/// A layout compatible with Eurofound's European Reshoring Monitor factsheets (company, parent company, sector, announcement
/// date, reshoring country, country the activity came from, type of reshoring, business function, company size, jobs,
/// motivations, description, source), so an analyst can load historical ERM data sets and compare, and export the monitor for
/// the same tools. Import recognises the layout by its "Reshoring country" column and maps each row onto the monitor's columns:
/// the reshoring country is the destination and, as ERM records the reporting entity there, the home country (a near-reshoring
/// row gets the type set by hand to nearshoring); countries may be ISO codes or English, Dutch, French or German names;
/// motivations are matched to motive ids by id, by label or by the wording Eurofound uses ("Delivery time", "Global
/// reorganisation of the company"…), and what does not match is kept in the notes rather than lost; a jobs range ("50-100") is
/// kept in the notes too. Rows become drafts.
/// </summary>
public static class ErmLayout
{
#pragma warning disable CS1591 // the ERM column names
    public const string Company = "Company";
    public const string Parent = "Parent company";
    public const string Sector = "Sector (NACE)";
    public const string Date = "Announcement date";
    public const string ReshoringCountry = "Reshoring country";
    public const string From = "Reshored from";
    public const string Type = "Type";
    public const string Function = "Business function";
    public const string Size = "Company size";
    public const string Jobs = "Number of jobs";
    public const string Motivations = "Motivations";
    public const string Description = "Description";
    public const string Source = "Source";
    public const string SourceUrl = "Source URL";
    public const string SourceDate = "Source date";
#pragma warning restore CS1591

    /// <summary>The columns in order.</summary>
    public static IReadOnlyList<string> Columns { get; } =
        [Company, Parent, Sector, Date, ReshoringCountry, From, Type, Function, Size, Jobs, Motivations, Description, Source, SourceUrl, SourceDate];

    // Eurofound's wording of its most cited motivations (Eurofound 2019, as the SERV study quotes them, lines 538–608).
    private static readonly Dictionary<string, string> EurofoundWording = new(StringComparer.OrdinalIgnoreCase)
    {
        ["global reorganisation of the company"] = "globalReorganisation", ["global reorganization of the company"] = "globalReorganisation",
        ["global reorganisation"] = "globalReorganisation", ["delivery time"] = "deliveryTimes", ["delivery times"] = "deliveryTimes",
        ["automation of production processes"] = "automation", ["automation"] = "automation", ["poor quality of offshored production"] = "poorQuality",
        ["proximity to customers"] = "customerProximity", ["made in effect"] = "madeIn", ["'made in' effect"] = "madeIn", ["made in"] = "madeIn",
        ["implementation of strategies based on product/process innovation"] = "innovation", ["labour costs' gap reduction"] = "labourCostGap",
        ["labour costs gap reduction"] = "labourCostGap", ["labour cost gap reduction"] = "labourCostGap", ["economic crisis"] = "economicCrisis",
        ["logistics costs"] = "logisticsCosts", ["know-how and skills"] = "knowHowSkills", ["hidden costs"] = "hiddenCosts",
    };

    /// <summary>True when a header row is in this layout (it has the "Reshoring country" column).</summary>
    public static bool Matches(IEnumerable<string> header) => header.Any(h => string.Equals(h.Trim(), ReshoringCountry, StringComparison.OrdinalIgnoreCase));

    /// <summary>Maps one ERM row (column → text) onto the monitor's columns (<see cref="MonitorColumns"/>).</summary>
    public static Dictionary<string, string?> ToMonitorRow(IReadOnlyDictionary<string, string?> erm)
    {
        string? Get(string col) => erm.FirstOrDefault(kv => string.Equals(kv.Key.Trim(), col, StringComparison.OrdinalIgnoreCase)).Value is { } v && v.Trim().Length > 0 ? v.Trim() : null;
        var notes = new List<string>();
        if (Get(Description) is { } d) notes.Add(d);
        var row = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            [MonitorColumns.Company] = Get(Company),
            [MonitorColumns.ParentCompany] = Get(Parent),
            [MonitorColumns.Nace] = Get(Sector) is { } s ? Regex.Match(s, @"[A-Ua-u]?\s?\d{2}|^[A-Ua-u]\b").Value.Replace(" ", "", StringComparison.Ordinal) is { Length: > 0 } code ? code : s : null,
            [MonitorColumns.AnnouncementDate] = Get(Date) is { } date ? NormalizeDate(date) : null,
            [MonitorColumns.Function] = Get(Function),
            [MonitorColumns.SizeClass] = Get(Size),
            [MonitorColumns.SourceTitle] = Get(Source),
            [MonitorColumns.SourceUrl] = Get(SourceUrl),
            [MonitorColumns.SourceDate] = Get(SourceDate) is { } sd ? NormalizeDate(sd) : null,
        };
        var destination = Get(ReshoringCountry) is { } rc ? Country(rc) : null;
        row[MonitorColumns.Destination] = destination;
        row[MonitorColumns.HomeCountry] = destination;
        row[MonitorColumns.Origins] = Get(From) is { } from ? string.Join(";", from.Split([';', ',', '/'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Country)) : null;
        row[MonitorColumns.TypeOverride] = Get(Type)?.ToLowerInvariant() switch
        {
            { } t when t.Contains("near", StringComparison.Ordinal) => nameof(ReshoringType.Nearshoring),
            { } t when t.Contains("back", StringComparison.Ordinal) => nameof(ReshoringType.Backshoring),
            _ => null,
        };
        if (Get(Jobs) is { } jobs)
        {
            if (int.TryParse(jobs.Replace(",", "", StringComparison.Ordinal).Replace(".", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var n)) row[MonitorColumns.Jobs] = n.ToString(CultureInfo.InvariantCulture);
            else notes.Add("ERM jobs: " + jobs);
        }
        var motives = new List<string>();
        var unmatched = new List<string>();
        foreach (var m in (Get(Motivations) ?? "").Split([';', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (MatchMotive(m) is { } id) { if (!motives.Contains(id)) motives.Add(id); }
            else unmatched.Add(m);
        }
        row[MonitorColumns.Motives] = motives.Count == 0 ? null : string.Join(";", motives);
        if (unmatched.Count > 0) notes.Add("ERM motivations without a motive id: " + string.Join("; ", unmatched));
        row[MonitorColumns.Notes] = notes.Count == 0 ? null : string.Join("\n", notes);
        return row;
    }

    /// <summary>The motive id for an ERM motivation text (id, English or Dutch label, or Eurofound's wording), or null.</summary>
    public static string? MatchMotive(string text)
    {
        var t = text.Trim().TrimEnd('.');
        if (MotiveTaxonomy.Resolve(t) is { } id) return id;
        if (EurofoundWording.TryGetValue(t, out id)) return id;
        foreach (var culture in new[] { CultureInfo.GetCultureInfo("en"), CultureInfo.GetCultureInfo("nl") })
            if (MotiveTaxonomy.All.FirstOrDefault(m => string.Equals(m.Label(culture), t, StringComparison.OrdinalIgnoreCase)) is { } m) return m.Id;
        return null;
    }

    private static string Country(string text)
    {
        var t = text.Trim();
        if (t.Length == 2) return t.ToUpperInvariant();
        if (NewsScreener.CountryNames.TryGetValue(t, out var code)) return code;
        var iso = IsoCountries.Names.FirstOrDefault(kv => string.Equals(kv.Value, t, StringComparison.OrdinalIgnoreCase)).Key;
        return iso ?? t;
    }

    private static string NormalizeDate(string text)
    {
        var t = text.Trim();
        foreach (var format in new[] { "dd/MM/yyyy", "d/M/yyyy", "dd.MM.yyyy", "yyyy/MM/dd" })
            if (DateOnly.TryParseExact(t, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return t;
    }

    /// <summary>A case as an ERM row (English labels for size, function, type and motivations).</summary>
    public static IReadOnlyList<string> ToErmRow(MonitorCase c)
    {
        var en = CultureInfo.GetCultureInfo("en");
        var first = c.Sources.FirstOrDefault();
        return
        [
            c.CompanyName, c.ParentCompany ?? "", c.NaceCode ?? "", MonitorColumns.FormatDate(c.AnnouncementDate, c.AnnouncementYearOnly), c.Destination,
            string.Join("; ", c.Origins), c.Type switch { ReshoringType.Backshoring => "Back-reshoring", ReshoringType.Nearshoring => "Near-reshoring", ReshoringType.Offshoring => "Offshoring", _ => "Other" },
            c.Function.ToString(), c.EffectiveSizeClass?.ToString() ?? "", c.JobsCreated?.ToString(CultureInfo.InvariantCulture) ?? "",
            string.Join("; ", c.Motives.Select(m => MotiveTaxonomy.Label(en, m))), c.Notes ?? "", first?.Title ?? "", first?.Url ?? "",
            first?.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
        ];
    }
}
