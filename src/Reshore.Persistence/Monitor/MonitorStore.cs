using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Reshore.Core.Localization;
using Reshore.Monitor;

namespace Reshore.Persistence.Monitor;

/// <summary>
/// Stores monitor cases and their audit trail, for the web app and the CLI alike. Every change goes through
/// <see cref="MonitorWorkflow"/> (rights, validation, audit entry) and is saved together with its audit entry; edits and status
/// changes are guarded by the case's version (optimistic concurrency: the UPDATE is conditional on the version read).
/// With <paramref name="twoPersonRule"/> nobody publishes a case they drafted (<see cref="MonitorWorkflow"/>), nor imports cases as
/// published or withdrawn.
/// </summary>
public sealed class MonitorStore(ReshoreDbContext db, TimeProvider clock, bool twoPersonRule = false)
{
    private readonly MonitorWorkflow _workflow = new(clock, twoPersonRule);

    /// <summary>True when publishing needs a second person.</summary>
    public bool TwoPersonRule => twoPersonRule;

    /// <summary>Adds the <see cref="MonitorSeed.Cases"/> that are not in the database yet (by their fixed ids); returns how many were added.</summary>
    public static async Task<int> SeedAsync(ReshoreDbContext db, CancellationToken ct = default)
    {
        var ids = MonitorSeed.Cases.Select(c => c.Id).ToList();
        var present = await db.MonitorCases.Where(c => ids.Contains(c.Id)).Select(c => c.Id).ToListAsync(ct);
        var missing = MonitorSeed.Cases.Where(c => !present.Contains(c.Id)).ToList();
        if (missing.Count == 0) return 0;
        var now = DateTime.UtcNow;
        foreach (var c in missing)
        {
            var record = MonitorCaseMapping.ToRecord(c);
            record.CreatedUtc = record.UpdatedUtc = now;
            db.MonitorCases.Add(record);
            db.MonitorAudit.Add(MonitorCaseMapping.ToRecord(new AuditEntry(c.Id, c.Version, "seed", MonitorRole.Admin, new DateTimeOffset(now), WorkflowAction.Create,
                null, c.Status, MonitorWorkflow.Diff(null, c), "SERV study seed case")));
        }
        await db.SaveChangesAsync(ct);
        return missing.Count;
    }

    /// <summary>All cases, by company name.</summary>
    public async Task<IReadOnlyList<MonitorCase>> AllAsync(CancellationToken ct = default) =>
        (await db.MonitorCases.AsNoTracking().ToListAsync(ct)).Select(MonitorCaseMapping.ToCase)
            .OrderBy(c => c.CompanyName, StringComparer.OrdinalIgnoreCase).ThenBy(c => c.Id).ToList();

    /// <summary>The cases a viewer may see (<see cref="MonitorWorkflow.VisibleTo"/>); published only for anonymous viewers.</summary>
    public async Task<IReadOnlyList<MonitorCase>> VisibleAsync(MonitorActor viewer, CancellationToken ct = default)
    {
        if (viewer.Role is MonitorRole.Anonymous)
        {
            var published = CaseStatus.Published.ToString();
            return (await db.MonitorCases.AsNoTracking().Where(c => c.Status == published).ToListAsync(ct)).Select(MonitorCaseMapping.ToCase)
                .OrderBy(c => c.CompanyName, StringComparer.OrdinalIgnoreCase).ThenBy(c => c.Id).ToList();
        }
        return MonitorWorkflow.VisibleTo(await AllAsync(ct), viewer).ToList();
    }

    /// <summary>One case, or null.</summary>
    public async Task<MonitorCase?> FindAsync(Guid id, CancellationToken ct = default) =>
        await db.MonitorCases.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct) is { } r ? MonitorCaseMapping.ToCase(r) : null;

    /// <summary>The audit trail of a case, oldest first.</summary>
    public async Task<IReadOnlyList<AuditEntry>> HistoryAsync(Guid id, CancellationToken ct = default) =>
        (await db.MonitorAudit.AsNoTracking().Where(a => a.CaseId == id).ToListAsync(ct))
            .OrderBy(a => a.Version).ThenBy(a => a.AtUtc).Select(MonitorCaseMapping.ToEntry).ToList();

    /// <summary>Possible duplicates of a case among the stored ones.</summary>
    public async Task<IReadOnlyList<DuplicateMatch>> DuplicatesAsync(MonitorCase candidate, CultureInfo culture, CancellationToken ct = default) =>
        new DuplicateDetector().Find(candidate, await AllAsync(ct), culture);

    /// <summary>Creates a draft (<see cref="MonitorWorkflow.Create"/>) and stores it with its audit entry; duplicates are returned as warnings.</summary>
    public async Task<MonitorOutcome> CreateAsync(MonitorActor actor, MonitorCase draft, CultureInfo culture, CancellationToken ct = default)
    {
        if (!MonitorWorkflow.IsAllowed(actor, WorkflowAction.Create, null)) return Forbidden(_workflow.Create(actor, draft, culture));
        var result = _workflow.Create(actor, draft, culture);
        if (!result.Succeeded) return new MonitorOutcome { Refusal = result.Refusal, Errors = result.Errors };
        if (await db.MonitorCases.AnyAsync(c => c.Id == result.Case!.Id, ct))
            return new MonitorOutcome { Refusal = Text.Format(culture, "Mon_Web_IdExists", "A case with id {0} already exists.", result.Case!.Id), Errors = [new(MonitorColumns.Id, Text.Format(culture, "Mon_Web_IdExists", "A case with id {0} already exists.", result.Case!.Id))] };
        var duplicates = await DuplicatesAsync(result.Case!, culture, ct);
        Add(result);
        await db.SaveChangesAsync(ct);
        return new MonitorOutcome { Case = result.Case, Audit = result.Audit, Duplicates = duplicates };
    }

    /// <summary>Edits a case if it is still at <paramref name="expectedVersion"/> (<see cref="MonitorWorkflow.Edit"/>).</summary>
    public Task<MonitorOutcome> EditAsync(MonitorActor actor, Guid id, MonitorCase edited, int expectedVersion, CultureInfo culture, string? comment = null, CancellationToken ct = default) =>
        ChangeAsync(id, expectedVersion, current => MonitorWorkflow.IsAllowed(actor, WorkflowAction.Edit, current), current => _workflow.Edit(actor, current, edited, culture, comment), ct);

    /// <summary>Applies a status action if the case is still at <paramref name="expectedVersion"/> (null = whatever version is stored).</summary>
    public Task<MonitorOutcome> ApplyAsync(MonitorActor actor, Guid id, WorkflowAction action, int? expectedVersion, CultureInfo culture, string? comment = null, CancellationToken ct = default) =>
        ChangeAsync(id, expectedVersion, current => MonitorWorkflow.Target(action, current.Status) is null || MonitorWorkflow.IsAllowed(actor, action, current),
            current => _workflow.Apply(actor, current, action, culture, comment), ct);

    private async Task<MonitorOutcome> ChangeAsync(Guid id, int? expectedVersion, Func<MonitorCase, bool> allowed, Func<MonitorCase, WorkflowResult> step, CancellationToken ct)
    {
        var record = await db.MonitorCases.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (record is null) return new MonitorOutcome { NotFound = true };
        var current = MonitorCaseMapping.ToCase(record);
        if (expectedVersion is { } v && v != current.Version) return new MonitorOutcome { Case = current, Conflict = true };
        var result = step(current);
        if (!allowed(current) || result.BlockedByTwoPersonRule) return Forbidden(result);
        if (!result.Succeeded) return new MonitorOutcome { Case = current, Refusal = result.Refusal, Errors = result.Errors };
        MonitorCaseMapping.ToRecord(result.Case!, record);
        record.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        db.Entry(record).Property(r => r.Version).OriginalValue = current.Version;
        db.MonitorAudit.Add(MonitorCaseMapping.ToRecord(result.Audit!));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new MonitorOutcome { Case = await FindAsync(id, ct), Conflict = true };
        }
        return new MonitorOutcome { Case = result.Case, Audit = result.Audit };
    }

    /// <summary>
    /// Stores every case of a successful import, or none: refused when the import has errors, when a case's id is already stored,
    /// or when the actor may not create a case in the status the file gives (<see cref="MayImport"/>). One SaveChanges, one transaction.
    /// </summary>
    public async Task<ImportOutcome> ImportAsync(MonitorActor actor, ImportResult import, CultureInfo culture, bool dryRun, CancellationToken ct = default)
    {
        var errors = new List<ImportError>(import.Errors);
        if (import.Succeeded)
        {
            var ids = import.Cases.Select(c => c.Id).ToList();
            var existing = (await db.MonitorCases.Where(c => ids.Contains(c.Id)).Select(c => c.Id).ToListAsync(ct)).ToHashSet();
            for (var i = 0; i < import.Cases.Count; i++)
            {
                var c = import.Cases[i];
                if (existing.Contains(c.Id))
                    errors.Add(new ImportError(0, MonitorColumns.Id, Text.Format(culture, "Mon_Web_ImportIdExists", "Case {0} ({1}) is already in the monitor; import adds new cases only.", c.Id, c.CompanyName)));
                if (MayImport(actor, c) is { } why) errors.Add(new ImportError(0, MonitorColumns.Status, $"{c.CompanyName}: {why}"));
                else if (twoPersonRule && c.Status is CaseStatus.Published or CaseStatus.Withdrawn)
                    errors.Add(new ImportError(0, MonitorColumns.Status, $"{c.CompanyName}: " + Text.Get(culture, "Mon_Import_TwoPerson",
                        "Two-person rule: imported cases cannot be published by the person who imports them; import them as Draft or InReview.")));
            }
        }
        if (errors.Count > 0 || dryRun) return new ImportOutcome(import with { Errors = errors, Cases = errors.Count > 0 ? [] : import.Cases }, Stored: 0);
        var now = clock.GetUtcNow();
        var records = new List<MonitorCaseRecord>(import.Cases.Count);
        var audit = new List<MonitorAuditRecord>(import.Cases.Count);
        foreach (var c in import.Cases)
        {
            var stored = c with { Version = 1, CreatedBy = actor.UserId, IsSeed = c.IsSeed && actor.Role == MonitorRole.Admin };
            var record = MonitorCaseMapping.ToRecord(stored);
            record.CreatedUtc = record.UpdatedUtc = now.UtcDateTime;
            records.Add(record);
            audit.Add(MonitorCaseMapping.ToRecord(new AuditEntry(stored.Id, 1, actor.UserId, actor.Role, now, WorkflowAction.Create, null, stored.Status,
                MonitorWorkflow.Diff(null, stored), "import")));
        }
        // All rows or none: one transaction around multi-row INSERTs (the change tracker would make 20,000 rows take minutes).
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await BulkInsert.InsertAsync(db, records, ct);
            await BulkInsert.InsertAsync(db, audit, ct);
            await transaction.CommitAsync(ct);
        });
        return new ImportOutcome(import, import.Cases.Count);
    }

    /// <summary>Why the actor may not import a case in its status (null when allowed): drafts need the right to create,
    /// in-review cases the right to submit, published and withdrawn cases the right to publish or withdraw.</summary>
    public static string? MayImport(MonitorActor actor, MonitorCase c)
    {
        var own = c with { CreatedBy = actor.UserId, Status = CaseStatus.Draft };
        var ok = c.Status switch
        {
            CaseStatus.Draft => MonitorWorkflow.IsAllowed(actor, WorkflowAction.Create, null),
            CaseStatus.InReview => MonitorWorkflow.IsAllowed(actor, WorkflowAction.Submit, own),
            CaseStatus.Published => MonitorWorkflow.IsAllowed(actor, WorkflowAction.Publish, own),
            _ => MonitorWorkflow.IsAllowed(actor, WorkflowAction.Withdraw, own),
        };
        return ok ? null : $"{actor.Role} may not import a case with status {c.Status}.";
    }

    private void Add(WorkflowResult result)
    {
        var record = MonitorCaseMapping.ToRecord(result.Case!);
        record.CreatedUtc = record.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        db.MonitorCases.Add(record);
        db.MonitorAudit.Add(MonitorCaseMapping.ToRecord(result.Audit!));
    }

    private static MonitorOutcome Forbidden(WorkflowResult refused) => new() { Forbidden = true, Refusal = refused.Refusal };
}

/// <summary>The outcome of a store operation: the case as stored now, or why nothing was stored.</summary>
public sealed record MonitorOutcome
{
    /// <summary>True when the change was stored.</summary>
    public bool Succeeded => Refusal is null && !Conflict && !NotFound && !Forbidden;
    /// <summary>The case after the change (on a conflict: as stored now).</summary>
    public MonitorCase? Case { get; init; }
    /// <summary>The audit entry stored.</summary>
    public AuditEntry? Audit { get; init; }
    /// <summary>The case does not exist.</summary>
    public bool NotFound { get; init; }
    /// <summary>Someone else changed the case after the version the caller edited.</summary>
    public bool Conflict { get; init; }
    /// <summary>The actor's role may not take this step (<see cref="Refusal"/> says why).</summary>
    public bool Forbidden { get; init; }
    /// <summary>Why the step was refused, in the user's language.</summary>
    public string? Refusal { get; init; }
    /// <summary>Field errors (column names of <see cref="MonitorColumns"/>).</summary>
    public IReadOnlyList<MonitorError> Errors { get; init; } = [];
    /// <summary>Possible duplicates (warnings on create).</summary>
    public IReadOnlyList<DuplicateMatch> Duplicates { get; init; } = [];
}

/// <summary>An import after the store's checks (its errors include ids already stored and statuses the user may not create) and how many cases were stored.</summary>
public sealed record ImportOutcome(ImportResult Result, int Stored);
