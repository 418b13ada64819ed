using System.ComponentModel.DataAnnotations;

namespace Reshore.Persistence.Monitor;

/// <summary>
/// A stored reshoring-monitor case: the fields of <see cref="Reshore.Monitor.MonitorCase"/> as columns. Multi-valued fields
/// (origins, motives, sources) are JSON text columns, so one schema works on SQLite and PostgreSQL; enums are stored by name;
/// amounts as "2500000 EUR". <see cref="MonitorCaseMapping"/> converts both ways.
/// </summary>
public sealed class MonitorCaseRecord
{
    /// <summary>Key (the case's id).</summary>
    public Guid Id { get; set; }
    /// <summary>Workflow status (enum name).</summary>
    [MaxLength(20)]
    public required string Status { get; set; }
    /// <summary>Incremented on every change; a save that starts from an older version is refused.</summary>
    [ConcurrencyCheck]
    public int Version { get; set; } = 1;
    /// <summary>True for the SERV study's seed cases.</summary>
    public bool IsSeed { get; set; }
    /// <summary>User id of the creator ("seed" for seed cases).</summary>
    [MaxLength(450)]
    public string? CreatedBy { get; set; }
    /// <summary>Company name.</summary>
    [MaxLength(300)]
    public required string CompanyName { get; set; }
    /// <summary>Employees, when known.</summary>
    public int? Employees { get; set; }
    /// <summary>Size class (enum name), when known.</summary>
    [MaxLength(20)]
    public string? SizeClass { get; set; }
    /// <summary>Home country, ISO alpha-2 (empty in an incomplete draft).</summary>
    [MaxLength(8)]
    public required string HomeCountry { get; set; }
    /// <summary>NACE code.</summary>
    [MaxLength(8)]
    public string? NaceCode { get; set; }
    /// <summary>Function (enum name).</summary>
    [MaxLength(20)]
    public required string Function { get; set; }
    /// <summary>Announcement date.</summary>
    public DateOnly? AnnouncementDate { get; set; }
    /// <summary>Only the year of the date is known.</summary>
    public bool AnnouncementYearOnly { get; set; }
    /// <summary>Origins, JSON array of codes.</summary>
    public required string OriginsJson { get; set; }
    /// <summary>Destination, ISO alpha-2.</summary>
    [MaxLength(8)]
    public required string Destination { get; set; }
    /// <summary>Type override (enum name).</summary>
    [MaxLength(20)]
    public string? TypeOverride { get; set; }
    /// <summary>Governance model (enum name).</summary>
    [MaxLength(40)]
    public string? Governance { get; set; }
    /// <summary>Motive codes, JSON array.</summary>
    public required string MotivesJson { get; set; }
    /// <summary>Jobs created, when reported.</summary>
    public int? JobsCreated { get; set; }
    /// <summary>Investment, "2500000 EUR".</summary>
    [MaxLength(60)]
    public string? Investment { get; set; }
    /// <summary>Public support, "2500000 EUR".</summary>
    [MaxLength(60)]
    public string? PublicSupport { get; set; }
    /// <summary>Public support in words.</summary>
    public string? PublicSupportNote { get; set; }
    /// <summary>Sources, JSON array of objects.</summary>
    public required string SourcesJson { get; set; }
    /// <summary>Notes.</summary>
    public string? Notes { get; set; }
    /// <summary>Reshoring or Offshoring (enum name).</summary>
    [MaxLength(20)]
    public string Direction { get; set; } = "Reshoring";
    /// <summary>Parent company or group.</summary>
    [MaxLength(300)]
    public string? ParentCompany { get; set; }
    /// <summary>Province or region at home (NUTS 2 code for Belgium).</summary>
    [MaxLength(100)]
    public string? Region { get; set; }
    /// <summary>Eurostat kind override (enum name).</summary>
    [MaxLength(20)]
    public string? EurostatKindOverride { get; set; }
    /// <summary>Partial reshoring.</summary>
    public bool IsPartial { get; set; }
    /// <summary>Functions or steps moved.</summary>
    public string? MovedActivities { get; set; }
    /// <summary>Functions or steps that stayed.</summary>
    public string? StayedActivities { get; set; }
    /// <summary>Social-economy partner.</summary>
    [MaxLength(300)]
    public string? SocialEconomyPartner { get; set; }
    /// <summary>Expected and achieved outcomes per criterion, JSON array.</summary>
    public string OutcomesJson { get; set; } = "[]";
    /// <summary>Reversed or Abandoned (enum name).</summary>
    [MaxLength(20)]
    public string? Reversal { get; set; }
    /// <summary>When reversed or abandoned.</summary>
    public DateOnly? ReversalDate { get; set; }
    /// <summary>Only the year of the reversal is known.</summary>
    public bool ReversalYearOnly { get; set; }
    /// <summary>Creation time, UTC.</summary>
    public DateTime CreatedUtc { get; set; }
    /// <summary>Last change, UTC.</summary>
    public DateTime UpdatedUtc { get; set; }
}

/// <summary>One line of a monitor case's audit trail (<see cref="Reshore.Monitor.AuditEntry"/>).</summary>
public sealed class MonitorAuditRecord
{
    /// <summary>Key.</summary>
    public Guid Id { get; set; } = Guid.NewGuid();
    /// <summary>The case.</summary>
    public Guid CaseId { get; set; }
    /// <summary>The case's version after the step.</summary>
    public int Version { get; set; }
    /// <summary>Who (user id).</summary>
    [MaxLength(450)]
    public required string UserId { get; set; }
    /// <summary>Their monitor role (enum name).</summary>
    [MaxLength(20)]
    public required string Role { get; set; }
    /// <summary>When, UTC.</summary>
    public DateTime AtUtc { get; set; }
    /// <summary>Action (enum name).</summary>
    [MaxLength(20)]
    public required string Action { get; set; }
    /// <summary>Status before (null on creation).</summary>
    [MaxLength(20)]
    public string? FromStatus { get; set; }
    /// <summary>Status after.</summary>
    [MaxLength(20)]
    public required string ToStatus { get; set; }
    /// <summary>Changed fields with before and after text, JSON array.</summary>
    public required string ChangesJson { get; set; }
    /// <summary>Comment.</summary>
    public string? Comment { get; set; }
}
