using System.Text.Json;
using Reshore.Core.Domain;
using Reshore.Core.Values;
using Reshore.Monitor;

namespace Reshore.Persistence.Monitor;

/// <summary>Converts between <see cref="MonitorCase"/> / <see cref="AuditEntry"/> and their stored rows.</summary>
public static class MonitorCaseMapping
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    /// <summary>Copies the case's fields onto a (new or tracked) record; timestamps are the caller's.</summary>
    public static MonitorCaseRecord ToRecord(MonitorCase c, MonitorCaseRecord? into = null)
    {
        var r = into ?? new MonitorCaseRecord
        {
            Id = c.Id, Status = "", CompanyName = "", HomeCountry = "", Function = "", OriginsJson = "[]", Destination = "", MotivesJson = "[]", SourcesJson = "[]",
        };
        r.Id = c.Id;
        r.Status = c.Status.ToString();
        r.Version = c.Version;
        r.IsSeed = c.IsSeed;
        r.CreatedBy = c.CreatedBy;
        r.CompanyName = c.CompanyName;
        r.Employees = c.Employees;
        r.SizeClass = c.SizeClass?.ToString();
        r.HomeCountry = c.HomeCountry;
        r.NaceCode = c.NaceCode;
        r.Function = c.Function.ToString();
        r.AnnouncementDate = c.AnnouncementDate;
        r.AnnouncementYearOnly = c.AnnouncementYearOnly;
        r.OriginsJson = JsonSerializer.Serialize(c.Origins, Json);
        r.Destination = c.Destination;
        r.TypeOverride = c.TypeOverride?.ToString();
        r.Governance = c.Governance?.ToString();
        r.MotivesJson = JsonSerializer.Serialize(c.Motives, Json);
        r.JobsCreated = c.JobsCreated;
        r.Investment = c.Investment?.ToString();
        r.PublicSupport = c.PublicSupport?.ToString();
        r.PublicSupportNote = c.PublicSupportNote;
        r.SourcesJson = JsonSerializer.Serialize(c.Sources, Json);
        r.Notes = c.Notes;
        r.Direction = c.Direction.ToString();
        r.ParentCompany = c.ParentCompany;
        r.Region = c.Region;
        r.EurostatKindOverride = c.EurostatKindOverride?.ToString();
        r.IsPartial = c.IsPartial;
        r.MovedActivities = c.MovedActivities;
        r.StayedActivities = c.StayedActivities;
        r.SocialEconomyPartner = c.SocialEconomyPartner;
        r.OutcomesJson = JsonSerializer.Serialize(c.Outcomes, Json);
        r.Reversal = c.Reversal?.ToString();
        r.ReversalDate = c.ReversalDate;
        r.ReversalYearOnly = c.ReversalYearOnly;
        return r;
    }

    /// <summary>The case a record holds.</summary>
    public static MonitorCase ToCase(MonitorCaseRecord r) => new()
    {
        Id = r.Id,
        Status = Enum.Parse<CaseStatus>(r.Status),
        Version = r.Version,
        IsSeed = r.IsSeed,
        CreatedBy = r.CreatedBy,
        CompanyName = r.CompanyName,
        Employees = r.Employees,
        SizeClass = r.SizeClass is null ? null : Enum.Parse<CompanySizeClass>(r.SizeClass),
        HomeCountry = r.HomeCountry,
        NaceCode = r.NaceCode,
        Function = Enum.Parse<BusinessFunction>(r.Function),
        AnnouncementDate = r.AnnouncementDate,
        AnnouncementYearOnly = r.AnnouncementYearOnly,
        Origins = JsonSerializer.Deserialize<List<string>>(r.OriginsJson, Json) ?? [],
        Destination = r.Destination,
        TypeOverride = r.TypeOverride is null ? null : Enum.Parse<ReshoringType>(r.TypeOverride),
        Governance = r.Governance is null ? null : Enum.Parse<GovernanceModel>(r.Governance),
        Motives = JsonSerializer.Deserialize<List<string>>(r.MotivesJson, Json) ?? [],
        JobsCreated = r.JobsCreated,
        Investment = ParseMoney(r.Investment),
        PublicSupport = ParseMoney(r.PublicSupport),
        PublicSupportNote = r.PublicSupportNote,
        Sources = JsonSerializer.Deserialize<List<CaseSource>>(r.SourcesJson, Json) ?? [],
        Notes = r.Notes,
        Direction = Enum.Parse<CaseDirection>(r.Direction),
        ParentCompany = r.ParentCompany,
        Region = r.Region,
        EurostatKindOverride = r.EurostatKindOverride is null ? null : Enum.Parse<EurostatKind>(r.EurostatKindOverride),
        IsPartial = r.IsPartial,
        MovedActivities = r.MovedActivities,
        StayedActivities = r.StayedActivities,
        SocialEconomyPartner = r.SocialEconomyPartner,
        Outcomes = JsonSerializer.Deserialize<List<CaseOutcome>>(r.OutcomesJson, Json) ?? [],
        Reversal = r.Reversal is null ? null : Enum.Parse<ReversalKind>(r.Reversal),
        ReversalDate = r.ReversalDate,
        ReversalYearOnly = r.ReversalYearOnly,
    };

    private static Money? ParseMoney(string? text) =>
        text is null ? null
        : Money.TryParse(text, CurrencyCode.Eur, out var m, out var error) ? m
        : throw new InvalidOperationException($"Stored amount '{text}' cannot be read: {error}");

    /// <summary>The row of an audit entry.</summary>
    public static MonitorAuditRecord ToRecord(AuditEntry a) => new()
    {
        CaseId = a.CaseId,
        Version = a.Version,
        UserId = a.UserId,
        Role = a.Role.ToString(),
        AtUtc = a.At.UtcDateTime,
        Action = a.Action.ToString(),
        FromStatus = a.From?.ToString(),
        ToStatus = a.To.ToString(),
        ChangesJson = JsonSerializer.Serialize(a.Changes, Json),
        Comment = a.Comment,
    };

    /// <summary>The audit entry a row holds.</summary>
    public static AuditEntry ToEntry(MonitorAuditRecord r) => new(
        r.CaseId, r.Version, r.UserId, Enum.Parse<MonitorRole>(r.Role), new DateTimeOffset(DateTime.SpecifyKind(r.AtUtc, DateTimeKind.Utc)),
        Enum.Parse<WorkflowAction>(r.Action), r.FromStatus is null ? null : Enum.Parse<CaseStatus>(r.FromStatus), Enum.Parse<CaseStatus>(r.ToStatus),
        JsonSerializer.Deserialize<List<FieldChange>>(r.ChangesJson, Json) ?? [], r.Comment);
}
