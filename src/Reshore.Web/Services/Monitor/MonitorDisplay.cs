using System.Globalization;
using Reshore.Monitor;

namespace Reshore.Web.Services.Monitor;

/// <summary>
/// How the monitor pages show a case: field labels and values in the page language (motives with their quadrant, NACE code and
/// label, countries by code and name, enum values by their labels), dates and times in the request culture's short date and a
/// 24-hour clock, and the audit trail's changes with the same labels.
/// </summary>
public static class MonitorDisplay
{
    private static CultureInfo Ui => CultureInfo.CurrentUICulture;

    /// <summary>The label of a column of <see cref="MonitorColumns"/> in the page language.</summary>
    public static string FieldLabel(string column) => column switch
    {
        MonitorColumns.Id => L.T("Mon_Web_Field_Id", "Id"),
        MonitorColumns.Status => MonitorCharts.DimensionLabel("status"),
        MonitorColumns.IsSeed => L.T("Mon_Web_SeedCase", "From the SERV study"),
        MonitorColumns.Version => L.T("Web_Version", "Version"),
        MonitorColumns.Company => L.T("Mon_Web_Company", "Company"),
        MonitorColumns.Employees => L.T("Mon_Web_Employees", "Employees"),
        MonitorColumns.SizeClass => MonitorCharts.DimensionLabel("sizeClass"),
        MonitorColumns.HomeCountry => MonitorCharts.DimensionLabel("homeCountry"),
        MonitorColumns.Nace => MonitorCharts.DimensionLabel("sector"),
        MonitorColumns.Function => MonitorCharts.DimensionLabel("function"),
        MonitorColumns.AnnouncementDate => L.T("Mon_Web_Date", "Announcement date"),
        MonitorColumns.Origins => MonitorCharts.DimensionLabel("origin"),
        MonitorColumns.Destination => MonitorCharts.DimensionLabel("destination"),
        MonitorColumns.TypeOverride => L.T("Mon_Web_Field_TypeOverride", "Type of move (set by hand)"),
        MonitorColumns.Type => MonitorCharts.DimensionLabel("type"),
        MonitorColumns.Governance => MonitorCharts.DimensionLabel("governance"),
        MonitorColumns.Motives => L.T("Mon_Web_Field_Motives", "Motives"),
        MonitorColumns.Jobs => L.T("Mon_Web_JobsCreated", "Jobs created"),
        MonitorColumns.Investment => L.T("Mon_Web_Investment", "Investment"),
        MonitorColumns.PublicSupport => L.T("Mon_Web_PublicSupport", "Public support"),
        MonitorColumns.PublicSupportNote => L.T("Mon_Web_PublicSupportNote", "Public support in words"),
        MonitorColumns.SourceTitle => L.T("Mon_Web_SourceTitle", "Source titles"),
        MonitorColumns.SourcePublisher => L.T("Mon_Web_SourcePublisher", "Source publishers"),
        MonitorColumns.SourceDate => L.T("Mon_Web_SourceDate", "Source dates"),
        MonitorColumns.SourceUrl => L.T("Mon_Web_SourceUrl", "Source URLs"),
        MonitorColumns.SourceLanguage => L.T("Mon_Web_SourceLanguage", "Source languages"),
        MonitorColumns.SourceLines => L.T("Mon_Web_Field_SourceLines", "Source lines"),
        MonitorColumns.Notes => L.T("Mon_Web_Notes", "Notes"),
        MonitorColumns.Direction => MonitorCharts.DimensionLabel("direction"),
        MonitorColumns.ParentCompany => L.T("Mon_Web_ParentCompany", "Parent company or group"),
        MonitorColumns.Region => MonitorCharts.DimensionLabel("region"),
        MonitorColumns.EurostatKindOverride => L.T("Mon_Web_EurostatOverride", "Backshoring or home-shoring (set by hand)"),
        MonitorColumns.EurostatKind => MonitorCharts.DimensionLabel("eurostatKind"),
        MonitorColumns.Partial => L.T("Mon_Web_Partial", "Partial reshoring"),
        MonitorColumns.MovedActivities => L.T("Mon_Web_Moved", "What moved"),
        MonitorColumns.StayedActivities => L.T("Mon_Web_Stayed", "What stayed abroad"),
        MonitorColumns.SocialEconomyPartner => L.T("Mon_Web_SocialPartner", "Social-economy partner"),
        MonitorColumns.Outcomes => L.T("Mon_Web_Outcomes", "Expected and achieved outcomes"),
        MonitorColumns.Reversal => MonitorCharts.DimensionLabel("reversal"),
        MonitorColumns.ReversalDate => L.T("Mon_Web_ReversalDate", "Reversed or abandoned on"),
        _ => column,
    };

    /// <summary>The fields of a case to show on its page, as (column, label, value), blank fields and the sources left out (the page lists those apart).</summary>
    public static IReadOnlyList<(string Column, string Label, string Value)> Fields(MonitorCase c)
    {
        var rows = new List<(string, string, string)>();
        void Add(string column, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value)) rows.Add((column, FieldLabel(column), value));
        }
        Add(MonitorColumns.Company, c.CompanyName);
        if (c.Direction == CaseDirection.Offshoring) Add(MonitorColumns.Direction, Label("direction", c.Direction.ToString()));
        Add(MonitorColumns.ParentCompany, c.ParentCompany);
        Add(MonitorColumns.Region, c.Region is { } r ? MonitorRegions.Name(r) + (MonitorRegions.BelgianRegion(r) is { } belgianRegion ? $" ({belgianRegion})" : "") : null);
        Add(MonitorColumns.HomeCountry, Location(c.HomeCountry));
        Add(MonitorColumns.Origins, string.Join(", ", c.Origins.Select(Location)));
        Add(MonitorColumns.Destination, Location(c.Destination));
        if (MonitorLocations.IsCountry(c.HomeCountry) && MonitorLocations.IsCountry(c.Destination) || c.TypeOverride is not null)
            Add(MonitorColumns.Type, Label("type", c.Type.ToString()) + (c.TypeOverride is null ? "" : " " + L.T("Mon_Web_SetByHand", "(set by hand)")));
        Add(MonitorColumns.Function, Label("function", c.Function.ToString()));
        Add(MonitorColumns.Nace, c.NaceCode is { } n ? Nace(n) : null);
        Add(MonitorColumns.Employees, c.Employees is { } e ? e.ToString("N0", CultureInfo.CurrentCulture) : null);
        Add(MonitorColumns.SizeClass, c.EffectiveSizeClass is { } s ? Label("sizeClass", s.ToString()) : null);
        Add(MonitorColumns.Governance, c.Governance is { } g ? Label("governance", g.ToString()) : null);
        Add(MonitorColumns.EurostatKind, c.EurostatKind is { } k ? Label("eurostatKind", k.ToString()) + (c.EurostatKindOverride is null ? "" : " " + L.T("Mon_Web_SetByHand", "(set by hand)")) : null);
        if (c.IsPartial) Add(MonitorColumns.Partial, L.T("Mon_Web_Yes", "yes"));
        Add(MonitorColumns.MovedActivities, c.MovedActivities);
        Add(MonitorColumns.StayedActivities, c.StayedActivities);
        Add(MonitorColumns.SocialEconomyPartner, c.SocialEconomyPartner);
        Add(MonitorColumns.AnnouncementDate, Date(c.AnnouncementDate, c.AnnouncementYearOnly));
        Add(MonitorColumns.Motives, string.Join("; ", c.Motives.Select(Motive)));
        Add(MonitorColumns.Jobs, c.JobsCreated?.ToString("N0", CultureInfo.CurrentCulture));
        Add(MonitorColumns.Investment, c.Investment is { } i ? Money(i) : null);
        Add(MonitorColumns.PublicSupport, c.PublicSupport is { } p ? Money(p) : null);
        Add(MonitorColumns.PublicSupportNote, c.PublicSupportNote);
        Add(MonitorColumns.Outcomes, string.Join("; ", c.Outcomes.Select(o =>
            $"{Reshore.Core.Localization.Text.Get(Ui, "Crit_" + o.Criterion, o.Criterion)}: {Effect(o.Expected)} → {Effect(o.Achieved)}")));
        Add(MonitorColumns.Reversal, c.Reversal is { } rv ? Label("reversal", rv.ToString()) + (c.ReversalDate is { } rd ? " " + Date(rd, c.ReversalYearOnly) : "") : null);
        Add(MonitorColumns.Notes, c.Notes);
        return rows;
    }

    private static string Effect(OutcomeEffect? e) => e switch
    {
        OutcomeEffect.Better => L.T("Mon_Web_Better", "better"),
        OutcomeEffect.Worse => L.T("Mon_Web_Worse", "worse"),
        OutcomeEffect.Unchanged => L.T("Mon_Web_Unchanged", "unchanged"),
        _ => "?",
    };

    /// <summary>A motive's label with its Eurofound quadrant: "delivery and lead times (external × customer value)".</summary>
    public static string Motive(string code) =>
        MotiveTaxonomy.Find(code) is { } m ? $"{m.Label(Ui)} ({MotiveTaxonomy.QuadrantLabel(Ui, m.Zone)})" : code;

    /// <summary>A NACE code with its label: "C26 – Manufacture of computer, electronic and optical products".</summary>
    public static string Nace(string code) => NaceSectors.Label(Ui, code) is var label && label != code ? $"{code} – {label}" : code;

    /// <summary>A country or region code with its name when known: "CN (China)".</summary>
    public static string Location(string code)
    {
        if (string.IsNullOrEmpty(code)) return "";
        var name = MonitorLocations.Name(Ui, code);
        return name == code ? code : $"{code} ({name})";
    }

    /// <summary>An amount in the request culture with its currency: "3,500,000 EUR".</summary>
    public static string Money(Reshore.Core.Values.Money money) =>
        money.Amount.ToString(money.Amount % 1 == 0 ? "N0" : "N2", CultureInfo.CurrentCulture) + " " + money.Currency;

    /// <summary>A date in the request culture's short date format, or the year alone when only the year is known; "" for none.</summary>
    public static string Date(DateOnly? date, bool yearOnly = false) =>
        date is not { } d ? "" : yearOnly ? d.Year.ToString(CultureInfo.InvariantCulture) : d.ToString(CultureInfo.CurrentCulture.DateTimeFormat.ShortDatePattern, CultureInfo.CurrentCulture);

    /// <summary>A moment in the server's local time: the request culture's short date and a 24-hour time ("14/03/2025 15:07").</summary>
    public static string DateTime(DateTimeOffset at)
    {
        var culture = CultureInfo.CurrentCulture;
        var local = at.ToLocalTime();
        return local.ToString(culture.DateTimeFormat.ShortDatePattern, culture) + " " + local.ToString("HH:mm", culture);
    }

    /// <summary>The changes of an audit entry to show: none for a creation or a status move (the action and status columns say it), else the changed fields.</summary>
    public static IEnumerable<FieldChange> ShownChanges(AuditEntry entry) =>
        entry.Action is WorkflowAction.Edit
            ? entry.Changes.Where(c => c.Field is not (MonitorColumns.Id or MonitorColumns.Version or MonitorColumns.Status))
            : [];

    /// <summary>One change as "Label: before → after" (or "Label: after"), values shown as on the case page.</summary>
    public static string Change(FieldChange change)
    {
        var after = Value(change.Field, change.After);
        if (string.IsNullOrEmpty(change.Before)) return $"{FieldLabel(change.Field)}: {after}";
        return $"{FieldLabel(change.Field)}: {Value(change.Field, change.Before)} → {(after.Length == 0 ? "–" : after)}";
    }

    /// <summary>A column's text (as <see cref="MonitorColumns.ToRow"/> writes it) for display.</summary>
    public static string Value(string column, string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        IEnumerable<string> Parts() => text.Split(';').Select(p => p.Trim()).Where(p => p.Length > 0);
        return column switch
        {
            MonitorColumns.Status when Enum.TryParse<CaseStatus>(text, out var s) => MonitorCharts.Status(s),
            MonitorColumns.IsSeed => text == "true" ? L.T("Mon_Web_Yes", "yes") : L.T("Mon_Web_No", "no"),
            MonitorColumns.SizeClass when Enum.TryParse<CompanySizeClass>(text, out _) => Label("sizeClass", text),
            MonitorColumns.Function when Enum.TryParse<BusinessFunction>(text, out _) => Label("function", text),
            MonitorColumns.TypeOverride or MonitorColumns.Type when Enum.TryParse<ReshoringType>(text, out _) => Label("type", text),
            MonitorColumns.Governance => Label("governance", text),
            MonitorColumns.Motives => string.Join("; ", Parts().Select(Motive)),
            MonitorColumns.Nace => Nace(text),
            MonitorColumns.HomeCountry or MonitorColumns.Destination => Location(text),
            MonitorColumns.Origins => string.Join(", ", Parts().Select(Location)),
            MonitorColumns.AnnouncementDate => IsoDate(text),
            MonitorColumns.SourceDate => string.Join("; ", text.Split(';').Select(p => IsoDate(p.Trim()))),
            _ => text,
        };
    }

    private static string IsoDate(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? Date(d) : text;

    private static string Label(string dimension, string key) => MonitorStatistics.Label(Ui, dimension, key);
}
