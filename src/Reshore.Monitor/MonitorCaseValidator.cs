using System.Globalization;
using Reshore.Core.Domain;
using Reshore.Core.Localization;

namespace Reshore.Monitor;

/// <summary>
/// Checks a <see cref="MonitorCase"/>. Drafts may be incomplete (<see cref="ValidateDraft"/> checks only what is filled in);
/// submitting, publishing and importing require a complete case (<see cref="ValidateComplete"/>). Field names are the
/// column names of <see cref="MonitorColumns"/>, so import errors and form errors name the same thing.
/// </summary>
public static class MonitorCaseValidator
{
    /// <summary>Errors in the fields that are filled in.</summary>
    public static IReadOnlyList<MonitorError> ValidateDraft(MonitorCase c, CultureInfo culture) => Validate(c, culture, complete: false);

    /// <summary>Errors of a case that is to be reviewed or published: required fields present, every field valid, at least one source.</summary>
    public static IReadOnlyList<MonitorError> ValidateComplete(MonitorCase c, CultureInfo culture) => Validate(c, culture, complete: true);

    private static List<MonitorError> Validate(MonitorCase c, CultureInfo culture, bool complete)
    {
        var e = new List<MonitorError>();
        void Add(string field, string message) => e.Add(new(field, message));
        string Required() => Text.Get(culture, "Mon_Err_Required", "A value is required.");

        if (string.IsNullOrWhiteSpace(c.CompanyName)) Add(MonitorColumns.Company, Required());
        if (c.Employees is < 0) Add(MonitorColumns.Employees, Text.Format(culture, "Mon_Err_Negative", "{0} must be zero or more.", c.Employees));
        if (c.Employees is { } n and >= 0 && c.SizeClass is { } s && CompanySize.FromEmployees(n) != s)
            Add(MonitorColumns.SizeClass, Text.Format(culture, "Mon_Err_SizeMismatch", "Size class {0} does not match {1} employees (small < 50, medium 50–249, large ≥ 250).", s, n));
        CheckCountry(MonitorColumns.HomeCountry, c.HomeCountry);
        // An offshoring case may go to a region ("to Asia"); a reshoring case lands in a country.
        if (c.Direction == CaseDirection.Offshoring && MonitorLocations.IsLocation(c.Destination)) { }
        else CheckCountry(MonitorColumns.Destination, c.Destination);
        if (c.TypeOverride == ReshoringType.Offshoring)
            Add(MonitorColumns.TypeOverride, Text.Get(culture, "Mon_Err_TypeOffshoring", "An offshoring case is recorded with direction Offshoring, not with the type."));
        if (c.ReversalDate is not null && c.Reversal is null)
            Add(MonitorColumns.ReversalDate, Text.Get(culture, "Mon_Err_ReversalDateAlone", "A reversal date needs a reversal (Reversed or Abandoned)."));
        if (c.ReversalDate is { } rd && c.AnnouncementDate is { } ad && rd.Year < ad.Year)
            Add(MonitorColumns.ReversalDate, Text.Get(culture, "Mon_Err_ReversalBeforeAnnouncement", "The reversal cannot come before the announcement."));
        if (c.Outcomes.GroupBy(o => o.Criterion).Any(g => g.Count() > 1))
            Add(MonitorColumns.Outcomes, Text.Get(culture, "Mon_Err_DuplicateOutcome", "A criterion is listed twice in the outcomes."));
        foreach (var o in c.Outcomes.Where(o => !Reshore.Core.Scorecard.ScorecardEvaluator.CriterionIds.Contains(o.Criterion)))
            Add(MonitorColumns.Outcomes, Text.Format(culture, "Mon_Err_Outcome", "'{0}' is not criterion:expected/achieved with a criterion of {1} and effects Worse, Unchanged or Better.",
                o.Criterion, string.Join(", ", Reshore.Core.Scorecard.ScorecardEvaluator.CriterionIds)));
        foreach (var (field, text, max) in new[] { (MonitorColumns.ParentCompany, c.ParentCompany, 300), (MonitorColumns.Region, c.Region, 100), (MonitorColumns.SocialEconomyPartner, c.SocialEconomyPartner, 300),
                     (MonitorColumns.MovedActivities, c.MovedActivities, 2000), (MonitorColumns.StayedActivities, c.StayedActivities, 2000) })
            if (text is { Length: var len } && len > max)
                Add(field, Text.Format(culture, "Mon_Err_TooLong", "At most {0} characters.", max));
        if (c.NaceCode is not null && !NaceSectors.IsValid(c.NaceCode))
            Add(MonitorColumns.Nace, Text.Format(culture, "Mon_Err_Nace", "'{0}' is not a NACE Rev.2 section (A–U) or manufacturing division (C10–C33).", c.NaceCode));
        else if (complete && c.NaceCode is null) Add(MonitorColumns.Nace, Required());
        if (complete && c.Origins.Count == 0) Add(MonitorColumns.Origins, Required());
        foreach (var o in c.Origins)
        {
            if (!MonitorLocations.IsLocation(o))
                Add(MonitorColumns.Origins, Text.Format(culture, "Mon_Err_Location", "'{0}' is neither an ISO 3166-1 alpha-2 country code nor a region code ({1}).", o, string.Join(", ", MonitorLocations.Regions)));
            else if (o == c.Destination)
                Add(MonitorColumns.Origins, Text.Format(culture, "Mon_Err_OriginIsDestination", "{0} is both an origin and the destination.", o));
        }
        if (c.Origins.Distinct(StringComparer.Ordinal).Count() != c.Origins.Count)
            Add(MonitorColumns.Origins, Text.Get(culture, "Mon_Err_DuplicateOrigin", "An origin is listed twice."));
        if (c.Direction == CaseDirection.Offshoring && c.Governance is not (null or GovernanceModel.Offshoring))
            Add(MonitorColumns.Governance, Text.Get(culture, "Mon_Err_OffshoringGovernance", "An offshoring case has governance Offshoring or none."));
        else if (c.Direction == CaseDirection.Reshoring && c.Governance is GovernanceModel.StatusQuo or GovernanceModel.Offshoring)
            Add(MonitorColumns.Governance, Text.Format(culture, "Mon_Err_Governance", "'{0}' is not a reshoring governance model; use InHouseReshoring, ReshoringForOutsourcing, ReshoringForInsourcing or OutsourcedReshoring.", c.Governance));
        foreach (var m in c.Motives)
            if (!MotiveTaxonomy.IsKnown(m))
                Add(MonitorColumns.Motives, Text.Format(culture, "Mon_Err_Motive", "Unknown motive '{0}'; see the motive taxonomy (docs/monitor.md).", m));
        if (c.Motives.Distinct(StringComparer.Ordinal).Count() != c.Motives.Count)
            Add(MonitorColumns.Motives, Text.Get(culture, "Mon_Err_DuplicateMotive", "A motive is listed twice."));
        if (c.JobsCreated is < 0) Add(MonitorColumns.Jobs, Text.Format(culture, "Mon_Err_Negative", "{0} must be zero or more.", c.JobsCreated));
        if (c.Investment is { } inv && !(inv.Amount >= 0)) Add(MonitorColumns.Investment, Text.Format(culture, "Mon_Err_Negative", "{0} must be zero or more.", inv));
        if (c.PublicSupport is { } ps && !(ps.Amount >= 0)) Add(MonitorColumns.PublicSupport, Text.Format(culture, "Mon_Err_Negative", "{0} must be zero or more.", ps));
        if (c.AnnouncementDate is { Year: < 1950 } d)
            Add(MonitorColumns.AnnouncementDate, Text.Format(culture, "Mon_Err_DateRange", "{0} is before 1950.", d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        if (complete && c.Sources.Count == 0) Add(MonitorColumns.SourceTitle, Text.Get(culture, "Mon_Err_NoSource", "A case needs at least one source."));
        foreach (var src in c.Sources)
        {
            if (string.IsNullOrWhiteSpace(src.Title)) Add(MonitorColumns.SourceTitle, Required());
            if (src.Url is { Length: > 0 } url && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)))
                Add(MonitorColumns.SourceUrl, Text.Format(culture, "Mon_Err_Url", "'{0}' is not an absolute http(s) URL.", url));
        }
        return e;

        void CheckCountry(string field, string? code)
        {
            if (string.IsNullOrWhiteSpace(code)) { if (complete) Add(field, Required()); return; }
            if (!MonitorLocations.IsCountry(code))
                Add(field, Text.Format(culture, "Mon_Err_Country", "'{0}' is not an ISO 3166-1 alpha-2 country code.", code));
        }
    }
}
