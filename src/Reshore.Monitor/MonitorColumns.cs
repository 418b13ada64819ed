using System.Globalization;
using Reshore.Core.Domain;
using Reshore.Core.Localization;
using Reshore.Core.Values;

namespace Reshore.Monitor;

/// <summary>
/// The flat, one-row-per-case form of a <see cref="MonitorCase"/>: the column names of CSV and xlsx import and export, and the
/// field names of the audit trail's diffs. Multi-valued columns (origins, motives and the source columns) separate values
/// with ';'; the n-th values of the source columns together make the n-th source. Dates are ISO (2018-05-31, or 2018 when only
/// the year is known); amounts are "2500000 EUR" (a number with a dot, then an ISO 4217 code; EUR when omitted).
/// </summary>
public static class MonitorColumns
{
#pragma warning disable CS1591 // the names are their own documentation; docs/monitor.md describes each column.
    public const string Id = "id";
    public const string Status = "status";
    public const string IsSeed = "isSeed";
    public const string Version = "version";
    public const string Company = "company";
    public const string Employees = "employees";
    public const string SizeClass = "sizeClass";
    public const string HomeCountry = "homeCountry";
    public const string Nace = "nace";
    public const string Function = "function";
    public const string AnnouncementDate = "announcementDate";
    public const string Origins = "origins";
    public const string Destination = "destination";
    public const string TypeOverride = "typeOverride";
    public const string Type = "type";
    public const string Governance = "governance";
    public const string Motives = "motives";
    public const string Jobs = "jobs";
    public const string Investment = "investment";
    public const string PublicSupport = "publicSupport";
    public const string PublicSupportNote = "publicSupportNote";
    public const string SourceTitle = "sourceTitle";
    public const string SourcePublisher = "sourcePublisher";
    public const string SourceDate = "sourceDate";
    public const string SourceUrl = "sourceUrl";
    public const string SourceLanguage = "sourceLanguage";
    public const string SourceLines = "sourceLines";
    public const string Notes = "notes";
    public const string Direction = "direction";
    public const string ParentCompany = "parentCompany";
    public const string Region = "region";
    public const string EurostatKindOverride = "eurostatKindOverride";
    public const string EurostatKind = "eurostatKind";
    public const string Partial = "partial";
    public const string MovedActivities = "movedActivities";
    public const string StayedActivities = "stayedActivities";
    public const string SocialEconomyPartner = "socialEconomyPartner";
    public const string Outcomes = "outcomes";
    public const string Reversal = "reversal";
    public const string ReversalDate = "reversalDate";
#pragma warning restore CS1591

    /// <summary>
    /// All columns in export order. <see cref="Type"/> and <see cref="EurostatKind"/> (the effective values) are written on export and
    /// ignored on import. <see cref="Outcomes"/> is "criterion:expected/achieved" per criterion, ';'-separated
    /// ("quality:Better/Better;cost:Better/"; either side may be empty).
    /// </summary>
    public static IReadOnlyList<string> All { get; } =
    [
        Id, Status, IsSeed, Version, Direction, Company, ParentCompany, Employees, SizeClass, HomeCountry, Region, Nace, Function, AnnouncementDate,
        Origins, Destination, TypeOverride, Type, Governance, EurostatKindOverride, EurostatKind, Partial, MovedActivities, StayedActivities,
        SocialEconomyPartner, Motives, Jobs, Investment, PublicSupport, PublicSupportNote, Outcomes, Reversal, ReversalDate,
        SourceTitle, SourcePublisher, SourceDate, SourceUrl, SourceLanguage, SourceLines, Notes,
    ];

    /// <summary>Columns an import file must have.</summary>
    public static IReadOnlyList<string> Required { get; } = [Company, HomeCountry, Origins, Destination];

    private static readonly string[] ReadOnlyColumns = [Type, EurostatKind];

    /// <summary>The case as (column, text) pairs in <see cref="All"/> order; empty text for no value.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> ToRow(MonitorCase c)
    {
        var inv = CultureInfo.InvariantCulture;
        string J(IEnumerable<string?> xs) => string.Join(";", xs.Select(x => x ?? ""));
        bool anySources = c.Sources.Count > 0;
        return
        [
            new(Id, c.Id.ToString("D", inv)),
            new(Status, c.Status.ToString()),
            new(IsSeed, c.IsSeed ? "true" : "false"),
            new(Version, c.Version.ToString(inv)),
            new(Direction, c.Direction.ToString()),
            new(Company, c.CompanyName),
            new(ParentCompany, c.ParentCompany ?? ""),
            new(Employees, c.Employees?.ToString(inv) ?? ""),
            new(SizeClass, c.EffectiveSizeClass?.ToString() ?? ""),
            new(HomeCountry, c.HomeCountry),
            new(Region, c.Region ?? ""),
            new(Nace, c.NaceCode ?? ""),
            new(Function, c.Function.ToString()),
            new(AnnouncementDate, FormatDate(c.AnnouncementDate, c.AnnouncementYearOnly)),
            new(Origins, J(c.Origins)),
            new(Destination, c.Destination),
            new(TypeOverride, c.TypeOverride?.ToString() ?? ""),
            new(Type, MonitorLocations.IsCountry(c.HomeCountry) && MonitorLocations.IsCountry(c.Destination) || c.Direction == CaseDirection.Offshoring ? c.Type.ToString() : ""),
            new(Governance, c.Governance?.ToString() ?? ""),
            new(EurostatKindOverride, c.EurostatKindOverride?.ToString() ?? ""),
            new(EurostatKind, c.EurostatKind?.ToString() ?? ""),
            new(Partial, c.IsPartial ? "true" : "false"),
            new(MovedActivities, c.MovedActivities ?? ""),
            new(StayedActivities, c.StayedActivities ?? ""),
            new(SocialEconomyPartner, c.SocialEconomyPartner ?? ""),
            new(Motives, J(c.Motives)),
            new(Jobs, c.JobsCreated?.ToString(inv) ?? ""),
            new(Investment, c.Investment?.ToString() ?? ""),
            new(PublicSupport, c.PublicSupport?.ToString() ?? ""),
            new(PublicSupportNote, c.PublicSupportNote ?? ""),
            new(Outcomes, FormatOutcomes(c.Outcomes)),
            new(Reversal, c.Reversal?.ToString() ?? ""),
            new(ReversalDate, FormatDate(c.ReversalDate, c.ReversalYearOnly)),
            new(SourceTitle, anySources ? J(c.Sources.Select(s => s.Title)) : ""),
            new(SourcePublisher, anySources ? J(c.Sources.Select(s => s.Publisher)) : ""),
            new(SourceDate, anySources ? J(c.Sources.Select(s => s.Date?.ToString("yyyy-MM-dd", inv))) : ""),
            new(SourceUrl, anySources ? J(c.Sources.Select(s => s.Url)) : ""),
            new(SourceLanguage, anySources ? J(c.Sources.Select(s => s.Language)) : ""),
            new(SourceLines, anySources ? J(c.Sources.Select(s => s.Lines)) : ""),
            new(Notes, c.Notes ?? ""),
        ];
    }

    /// <summary>"quality:Better/Better;cost:Better/" (criterion:expected/achieved, either side empty when unknown).</summary>
    public static string FormatOutcomes(IEnumerable<CaseOutcome> outcomes) =>
        string.Join(";", outcomes.Select(o => $"{o.Criterion}:{o.Expected}/{o.Achieved}"));

    /// <summary>"2018-05-31", or "2018" when only the year is known, or "".</summary>
    public static string FormatDate(DateOnly? date, bool yearOnly) =>
        date is not { } d ? "" : yearOnly ? d.Year.ToString(CultureInfo.InvariantCulture) : d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// Builds a case from one row (column → text; missing columns and blank cells mean "no value"), adding an error for every
    /// cell that cannot be read; returns null when any cell failed. The case is then checked by the caller.
    /// </summary>
    public static MonitorCase? FromRow(IReadOnlyDictionary<string, string?> row, CultureInfo culture, List<MonitorError> errors)
    {
        var before = errors.Count;
        string? Cell(string col) => row.TryGetValue(col, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
        void Bad(string col, string message) => errors.Add(new(col, message));
        string NotA(string col, string what) => Text.Format(culture, "Mon_Err_Cell", "'{0}' is not {1}.", Cell(col), what);
        List<string> Split(string col) => Cell(col)?.Split(';').Select(x => x.Trim()).ToList() ?? [];

        T? ParseEnum<T>(string col) where T : struct, Enum
        {
            if (Cell(col) is not { } text) return null;
            if (Enum.TryParse<T>(text, ignoreCase: true, out var v) && !int.TryParse(text, out _)) return v;
            Bad(col, NotA(col, Text.Format(culture, "Mon_Err_OneOf", "one of {0}", string.Join(", ", Enum.GetNames<T>()))));
            return null;
        }
        int? ParseInt(string col)
        {
            if (Cell(col) is not { } text) return null;
            if (int.TryParse(text.Replace(",", "", StringComparison.Ordinal), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v >= 0) return v;
            Bad(col, NotA(col, Text.Get(culture, "Mon_Err_WholeNumber", "a whole number of zero or more")));
            return null;
        }
        Money? ParseMoney(string col)
        {
            if (Cell(col) is not { } text) return null;
            if (Money.TryParse(text, CurrencyCode.Eur, out var m, out var err)) return m;
            Bad(col, err ?? NotA(col, "an amount"));
            return null;
        }
        DateOnly? ParseDate(string col, string? text, out bool yearOnly)
        {
            yearOnly = false;
            if (string.IsNullOrWhiteSpace(text)) return null;
            text = text.Trim();
            if (text.Length == 4 && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 1 and <= 9999)
            {
                yearOnly = true;
                return new DateOnly(y, 1, 1);
            }
            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
            // Excel cells come back as DateTime text in the invariant culture.
            if (DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var dt) && text.Contains(' ', StringComparison.Ordinal)) return DateOnly.FromDateTime(dt);
            Bad(col, NotA(col, Text.Get(culture, "Mon_Err_Date", "a date (yyyy-mm-dd, or yyyy when only the year is known)")));
            return null;
        }

        List<CaseOutcome> ParseOutcomes()
        {
            var list = new List<CaseOutcome>();
            foreach (var part in Split(Outcomes).Where(x => x.Length > 0))
            {
                var colon = part.IndexOf(':', StringComparison.Ordinal);
                var criterion = colon < 0 ? part : part[..colon].Trim();
                var known = Reshore.Core.Scorecard.ScorecardEvaluator.CriterionIds.FirstOrDefault(k => string.Equals(k, criterion, StringComparison.OrdinalIgnoreCase));
                if (known is null || colon < 0)
                {
                    Bad(Outcomes, Text.Format(culture, "Mon_Err_Outcome", "'{0}' is not criterion:expected/achieved with a criterion of {1} and effects Worse, Unchanged or Better.",
                        part, string.Join(", ", Reshore.Core.Scorecard.ScorecardEvaluator.CriterionIds)));
                    continue;
                }
                var effects = part[(colon + 1)..].Split('/');
                OutcomeEffect? Effect(int k)
                {
                    if (k >= effects.Length || effects[k].Trim().Length == 0) return null;
                    if (Enum.TryParse<OutcomeEffect>(effects[k].Trim(), true, out var v) && !int.TryParse(effects[k], out _)) return v;
                    Bad(Outcomes, Text.Format(culture, "Mon_Err_Outcome", "'{0}' is not criterion:expected/achieved with a criterion of {1} and effects Worse, Unchanged or Better.",
                        part, string.Join(", ", Reshore.Core.Scorecard.ScorecardEvaluator.CriterionIds)));
                    return null;
                }
                if (effects.Length > 2) Bad(Outcomes, Text.Format(culture, "Mon_Err_Outcome", "'{0}' is not criterion:expected/achieved with a criterion of {1} and effects Worse, Unchanged or Better.",
                    part, string.Join(", ", Reshore.Core.Scorecard.ScorecardEvaluator.CriterionIds)));
                list.Add(new CaseOutcome(known, Effect(0), Effect(1)));
            }
            return list;
        }
        bool ParseBool(string col)
        {
            if (Cell(col) is not { } text) return false;
            if (bool.TryParse(text, out var b)) return b;
            if (text is "1" or "yes" or "ja") return true;
            if (text is "0" or "no" or "nee") return false;
            Bad(col, NotA(col, "true or false"));
            return false;
        }

        Guid id = Guid.Empty;
        if (Cell(Id) is { } idText && !Guid.TryParse(idText, out id)) Bad(Id, NotA(Id, "a GUID"));
        bool isSeed = false;
        if (Cell(IsSeed) is { } seedText && !bool.TryParse(seedText, out isSeed)) Bad(IsSeed, NotA(IsSeed, "true or false"));
        var status = ParseEnum<CaseStatus>(Status);
        var size = ParseEnum<CompanySizeClass>(SizeClass);
        var function = ParseEnum<BusinessFunction>(Function);
        var typeOverride = ParseEnum<ReshoringType>(TypeOverride);
        var governance = ParseEnum<GovernanceModel>(Governance);
        var employees = ParseInt(Employees);
        var jobs = ParseInt(Jobs);
        var version = ParseInt(Version);
        var investment = ParseMoney(Investment);
        var support = ParseMoney(PublicSupport);
        var date = ParseDate(AnnouncementDate, Cell(AnnouncementDate), out var yearOnly);
        var direction = ParseEnum<CaseDirection>(Direction);
        var eurostat = ParseEnum<EurostatKind>(EurostatKindOverride);
        var reversal = ParseEnum<ReversalKind>(Reversal);
        var reversalDate = ParseDate(ReversalDate, Cell(ReversalDate), out var reversalYearOnly);
        var partial = ParseBool(Partial);
        var outcomes = ParseOutcomes();

        string? nace = null;
        if (Cell(Nace) is { } naceText && (nace = NaceSectors.Normalize(naceText)) is null)
            Bad(Nace, Text.Format(culture, "Mon_Err_Nace", "'{0}' is not a NACE Rev.2 section (A–U) or manufacturing division (C10–C33).", naceText));
        var motives = new List<string>();
        foreach (var m in Split(Motives).Where(x => x.Length > 0))
        {
            if (MotiveTaxonomy.Resolve(m) is { } code) motives.Add(code);
            else Bad(Motives, Text.Format(culture, "Mon_Err_Motive", "Unknown motive '{0}'; see the motive taxonomy (docs/monitor.md).", m));
        }

        var titles = Split(SourceTitle);
        var sources = new List<CaseSource>();
        var parallel = new[] { SourcePublisher, SourceDate, SourceUrl, SourceLanguage, SourceLines }.ToDictionary(c => c, Split);
        foreach (var (col, values) in parallel)
            if (values.Count > titles.Count)
                Bad(col, Text.Format(culture, "Mon_Err_SourceCount", "{0} values but {1} source titles: give the n-th value of every source column for the n-th source.", values.Count, titles.Count));
        for (var i = 0; i < titles.Count; i++)
        {
            string? At(string col) => i < parallel[col].Count && parallel[col][i].Length > 0 ? parallel[col][i] : null;
            var sd = ParseDate(SourceDate, At(SourceDate), out _);
            sources.Add(new CaseSource { Title = titles[i], Publisher = At(SourcePublisher), Date = sd, Url = At(SourceUrl), Language = At(SourceLanguage), Lines = At(SourceLines) });
        }

        if (errors.Count > before) return null;
        return new MonitorCase
        {
            Id = id,
            Status = status ?? CaseStatus.Draft,
            IsSeed = isSeed,
            Version = version is > 0 ? version.Value : 1,
            CompanyName = Cell(Company) ?? "",
            Employees = employees,
            SizeClass = employees is null ? size : size ?? CompanySize.FromEmployees(employees.Value),
            HomeCountry = Cell(HomeCountry) is { } h ? MonitorLocations.Normalize(h) : "",
            NaceCode = nace,
            Function = function ?? BusinessFunction.Production,
            AnnouncementDate = date,
            AnnouncementYearOnly = yearOnly,
            Origins = Split(Origins).Where(x => x.Length > 0).Select(MonitorLocations.Normalize).ToList(),
            Destination = Cell(Destination) is { } d ? MonitorLocations.Normalize(d) : "",
            TypeOverride = typeOverride,
            Governance = governance,
            Motives = motives,
            JobsCreated = jobs,
            Investment = investment,
            PublicSupport = support,
            PublicSupportNote = Cell(PublicSupportNote),
            Sources = sources,
            Notes = Cell(Notes),
            Direction = direction ?? CaseDirection.Reshoring,
            ParentCompany = Cell(ParentCompany),
            Region = MonitorRegions.Normalize(Cell(Region)),
            EurostatKindOverride = eurostat,
            IsPartial = partial,
            MovedActivities = Cell(MovedActivities),
            StayedActivities = Cell(StayedActivities),
            SocialEconomyPartner = Cell(SocialEconomyPartner),
            Outcomes = outcomes,
            Reversal = reversal,
            ReversalDate = reversalDate,
            ReversalYearOnly = reversalYearOnly,
        };
    }

    /// <summary>True for a column name import understands (including the export-only <see cref="Type"/>).</summary>
    public static bool IsKnown(string column) => All.Contains(column, StringComparer.Ordinal) || ReadOnlyColumns.Contains(column, StringComparer.Ordinal);
}
