using Reshore.Core.Domain;
using Reshore.Core.Values;

namespace Reshore.Monitor;

/// <summary>
/// One reshoring case of the monitor: one company moving one business function from one or more origins to one destination
/// (as in Eurofound's Monitor, a company moving several functions or to several destinations is several cases).
/// Countries are ISO 3166-1 alpha-2 codes in upper case, held as strings so the record serialises plainly; origins may also be
/// one of the <see cref="MonitorLocations.Regions"/> when the source names only a region ("Asia", "low-wage countries").
/// <see cref="MonitorCaseValidator"/> checks every field. Change with <c>with</c>, through <see cref="MonitorWorkflow"/>.
/// </summary>
public sealed record MonitorCase
{
    /// <summary>Identity, stable across versions.</summary>
    public Guid Id { get; init; }
    /// <summary>Workflow status; only <see cref="CaseStatus.Published"/> cases are public.</summary>
    public CaseStatus Status { get; init; } = CaseStatus.Draft;
    /// <summary>1 for a new draft; <see cref="MonitorWorkflow"/> adds 1 on every change (optimistic concurrency for the store).</summary>
    public int Version { get; init; } = 1;
    /// <summary>True for the cases taken from the SERV study by <see cref="MonitorSeed"/>.</summary>
    public bool IsSeed { get; init; }
    /// <summary>User id of the editor who created the case (editors may only edit their own drafts).</summary>
    public string? CreatedBy { get; init; }

    /// <summary>Company name as reported. Required.</summary>
    public required string CompanyName { get; init; }
    /// <summary>Number of employees, when known; <see cref="SizeClass"/> follows from it.</summary>
    public int? Employees { get; init; }
    /// <summary>Size class; when <see cref="Employees"/> is given it must agree with <see cref="CompanySize.FromEmployees"/>. Null = unknown.</summary>
    public CompanySizeClass? SizeClass { get; init; }
    /// <summary>Home country of the company (for a subsidiary: the country of the reporting entity, as Eurofound records it). Required.</summary>
    public required string HomeCountry { get; init; }
    /// <summary>NACE Rev.2 code: a section letter (A–U) or a letter plus division ("C26"); see <see cref="NaceSectors"/>. Null = unknown.</summary>
    public string? NaceCode { get; init; }
    /// <summary>The function relocated.</summary>
    public BusinessFunction Function { get; init; } = BusinessFunction.Production;
    /// <summary>Announcement date; null when the source gives none. <see cref="AnnouncementYearOnly"/> marks dates known to the year only (stored as 1 January).</summary>
    public DateOnly? AnnouncementDate { get; init; }
    /// <summary>True when only the year of <see cref="AnnouncementDate"/> is known.</summary>
    public bool AnnouncementYearOnly { get; init; }
    /// <summary>Countries or regions the activity leaves; at least one.</summary>
    public IReadOnlyList<string> Origins { get; init; } = [];
    /// <summary>Country the activity goes to. Required.</summary>
    public required string Destination { get; init; }
    /// <summary>Manual override of the derived type; null = derive with <see cref="ReshoringTypeRule"/>.</summary>
    public ReshoringType? TypeOverride { get; init; }
    /// <summary>Governance model (SERV Tabel 1): one of the four reshoring models; null = unknown.</summary>
    public GovernanceModel? Governance { get; init; }
    /// <summary>Motive codes of <see cref="MotiveTaxonomy"/>.</summary>
    public IReadOnlyList<string> Motives { get; init; } = [];
    /// <summary>Jobs created at the destination; null = not reported.</summary>
    public int? JobsCreated { get; init; }
    /// <summary>Investment announced, when reported.</summary>
    public Money? Investment { get; init; }
    /// <summary>Public support received (amount), when reported.</summary>
    public Money? PublicSupport { get; init; }
    /// <summary>Public support in words (scheme, grant type), when reported.</summary>
    public string? PublicSupportNote { get; init; }
    /// <summary>Sources; a published case has at least one.</summary>
    public IReadOnlyList<CaseSource> Sources { get; init; } = [];
    /// <summary>Free notes.</summary>
    public string? Notes { get; init; }

    /// <summary>Reshoring (the default) or offshoring; offshoring cases count in the net balance only.</summary>
    public CaseDirection Direction { get; init; } = CaseDirection.Reshoring;
    /// <summary>Parent company or group, when the reporting entity is part of one (size and home country stay those of the entity).</summary>
    public string? ParentCompany { get; init; }
    /// <summary>Province or region at home where the activity lands (Belgium: NUTS 2 code, see <see cref="MonitorRegions"/>; elsewhere free text).</summary>
    public string? Region { get; init; }
    /// <summary>Manual override of <see cref="EurostatKind"/>; null = derive from <see cref="Governance"/>.</summary>
    public EurostatKind? EurostatKindOverride { get; init; }
    /// <summary>True when only some functions or process steps came back (partial reshoring).</summary>
    public bool IsPartial { get; init; }
    /// <summary>Which functions or process steps moved (partial reshoring).</summary>
    public string? MovedActivities { get; init; }
    /// <summary>Which stayed abroad (partial reshoring).</summary>
    public string? StayedActivities { get; init; }
    /// <summary>Social-economy partner doing the work at home (a Flemish "maatwerkbedrijf"), when there is one.</summary>
    public string? SocialEconomyPartner { get; init; }
    /// <summary>Expected and achieved outcomes per scorecard criterion.</summary>
    public IReadOnlyList<CaseOutcome> Outcomes { get; init; } = [];
    /// <summary>Reversed or abandoned later; null = neither known.</summary>
    public ReversalKind? Reversal { get; init; }
    /// <summary>When it was reversed or abandoned.</summary>
    public DateOnly? ReversalDate { get; init; }
    /// <summary>True when only the year of <see cref="ReversalDate"/> is known.</summary>
    public bool ReversalYearOnly { get; init; }

    /// <summary>The type: offshoring for an offshoring case; else <see cref="TypeOverride"/> when set, else derived by <see cref="ReshoringTypeRule.Derive"/>.</summary>
    public ReshoringType Type => Direction == CaseDirection.Offshoring ? ReshoringType.Offshoring : TypeOverride ?? ReshoringTypeRule.Derive(HomeCountry, Destination, Origins);

    /// <summary>
    /// Eurostat's kind: <see cref="EurostatKindOverride"/> when set; else from the governance model — the company's own activity
    /// abroad (in-house reshoring, reshoring for outsourcing) is backshoring, a third party's (reshoring for insourcing, outsourced
    /// reshoring) home-shoring; null when the governance is unknown or the case is an offshoring case.
    /// </summary>
    public EurostatKind? EurostatKind => Direction == CaseDirection.Offshoring ? null : EurostatKindOverride ?? Governance switch
    {
        GovernanceModel.InHouseReshoring or GovernanceModel.ReshoringForOutsourcing => Monitor.EurostatKind.Backshoring,
        GovernanceModel.ReshoringForInsourcing or GovernanceModel.OutsourcedReshoring => Monitor.EurostatKind.HomeShoring,
        _ => null,
    };

    /// <summary>The size class from <see cref="Employees"/> when given, else <see cref="SizeClass"/>.</summary>
    public CompanySizeClass? EffectiveSizeClass => Employees is { } e ? CompanySize.FromEmployees(e) : SizeClass;
}

/// <summary>The expected and achieved effect of a move on one scorecard criterion (<c>ScorecardEvaluator.CriterionIds</c>).</summary>
/// <param name="Criterion">Criterion id: cost, quality, delivery, flexibility, service, innovation, environment, reputation, legislation, culture, riskMitigation.</param>
/// <param name="Expected">What the company expected; null = not reported.</param>
/// <param name="Achieved">What it achieved; null = not (yet) known.</param>
public sealed record CaseOutcome(string Criterion, OutcomeEffect? Expected, OutcomeEffect? Achieved);
