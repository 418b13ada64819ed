using Microsoft.EntityFrameworkCore;
using Reshore.Core.Validation;
using Reshore.Data.CaseFiles;
using Reshore.Persistence;

namespace Reshore.Web.Services;

/// <summary>Stores cases: every save is validated first (nothing invalid is stored) and guarded by the case's version.</summary>
public sealed class CaseStore(ReshoreDbContext db, CaseAnalysis analysis, WorkspaceReference reference)
{
    /// <summary>Turns case text (JSON or YAML) into validated canonical JSON and the case's name; throws <see cref="CaseValidationException"/>.</summary>
    public (string Json, string Name) Validate(string text, CaseFormat format, string fileName) => Validate(text, format, fileName, analysis.Market);

    /// <summary>As <see cref="Validate(string, CaseFormat, string)"/>, against a workspace's reference data.</summary>
    public (string Json, string Name) Validate(string text, CaseFormat format, string fileName, Core.MarketData.MarketSnapshot market)
    {
        // Errors are reported against the text the user gave (its lines and JSON paths), then the canonical JSON is stored.
        var document = CaseFileReader.ReadDocument(text, format, fileName, market);
        string json;
        try
        {
            json = CaseJson.ToJson(text, format);
        }
        catch (CaseSyntaxException e)
        {
            throw new CaseValidationException([new CaseError("$", e.Message) { File = fileName, Line = e.Line, Column = e.Column }]);
        }
        return (json, document.Case.Name);
    }

    /// <summary>Creates a case in a workspace.</summary>
    public async Task<CaseRecord> CreateAsync(Guid workspaceId, string text, CaseFormat format, string fileName, string userName, CancellationToken ct = default, string? note = null)
    {
        var (json, name) = Validate(text, format, fileName, await reference.MarketAsync(workspaceId, ct));
        var record = new CaseRecord { WorkspaceId = workspaceId, Name = Trim(name), Json = json, UpdatedBy = userName };
        db.Cases.Add(record);
        db.CaseVersions.Add(new CaseVersionRecord { CaseId = record.Id, Version = record.Version, Name = record.Name, Json = json, SavedBy = userName, Note = Note(note) });
        await db.SaveChangesAsync(ct);
        return record;
    }

    /// <summary>
    /// Saves new case text if the stored version is still <paramref name="expectedVersion"/>; otherwise returns the
    /// current record as a conflict and changes nothing.
    /// </summary>
    public async Task<SaveOutcome> UpdateAsync(Guid caseId, string text, CaseFormat format, int expectedVersion, string userName, CancellationToken ct = default, string? note = null)
    {
        var workspaceId = await db.Cases.Where(c => c.Id == caseId).Select(c => (Guid?)c.WorkspaceId).FirstOrDefaultAsync(ct);
        var (json, name) = Validate(text, format, "case.json", workspaceId is { } ws ? await reference.MarketAsync(ws, ct) : analysis.Market);
        // Deleted by someone else since the caller checked access: nothing to save into.
        var record = await db.Cases.FirstOrDefaultAsync(c => c.Id == caseId, ct)
            ?? throw new CaseValidationException([new CaseError("$", "The case was deleted in the meantime; nothing was saved.")]);
        if (record.Version != expectedVersion) return new SaveOutcome(record, Conflict: true);
        // Cases stored before versions were kept get their current state as the first version, so the first change can be compared.
        if (!await db.CaseVersions.AnyAsync(v => v.CaseId == caseId, ct))
            db.CaseVersions.Add(new CaseVersionRecord { CaseId = caseId, Version = record.Version, Name = record.Name, Json = record.Json, SavedUtc = record.UpdatedUtc, SavedBy = record.UpdatedBy });
        db.CaseVersions.Add(new CaseVersionRecord { CaseId = caseId, Version = expectedVersion + 1, Name = Trim(name), Json = json, SavedBy = userName, Note = Note(note) });
        record.Json = json;
        record.Name = Trim(name);
        record.UpdatedUtc = DateTime.UtcNow;
        record.UpdatedBy = userName;
        // The UPDATE is conditional on the version read, so a save that lands between our read and our write still conflicts.
        db.Entry(record).Property(r => r.Version).OriginalValue = expectedVersion;
        record.Version = expectedVersion + 1;
        try
        {
            await db.SaveChangesAsync(ct);
            return new SaveOutcome(record, Conflict: false);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new SaveOutcome(await db.Cases.AsNoTracking().FirstAsync(c => c.Id == caseId, ct), Conflict: true);
        }
    }

    /// <summary>The case with this id in this workspace, or null.</summary>
    public Task<CaseRecord?> FindAsync(Guid caseId, Guid workspaceId, CancellationToken ct = default) =>
        db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.Id == caseId && c.WorkspaceId == workspaceId, ct);

    /// <summary>The saved versions of a case, newest first (without their case text).</summary>
    public async Task<IReadOnlyList<CaseVersionInfo>> VersionsAsync(Guid caseId, CancellationToken ct = default)
    {
        var versions = await db.CaseVersions.AsNoTracking().Where(v => v.CaseId == caseId)
            .Select(v => new CaseVersionInfo(v.Version, v.Name, v.SavedUtc, v.SavedBy, v.Note)).ToListAsync(ct);
        if (versions.Count == 0 && await db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.Id == caseId, ct) is { } current)
            versions.Add(new CaseVersionInfo(current.Version, current.Name, current.UpdatedUtc, current.UpdatedBy, null));
        return versions.OrderByDescending(v => v.Version).ToList();
    }

    /// <summary>The case text (JSON) of one saved version, or null; the current text answers for the current version of a case saved before versions were kept.</summary>
    public async Task<string?> VersionJsonAsync(Guid caseId, int version, CancellationToken ct = default) =>
        await db.CaseVersions.AsNoTracking().Where(v => v.CaseId == caseId && v.Version == version).Select(v => v.Json).FirstOrDefaultAsync(ct)
        ?? await db.Cases.AsNoTracking().Where(c => c.Id == caseId && c.Version == version).Select(c => c.Json).FirstOrDefaultAsync(ct);

    /// <summary>Deletes a case.</summary>
    public async Task DeleteAsync(Guid caseId, CancellationToken ct = default)
    {
        await db.Cases.Where(c => c.Id == caseId).ExecuteDeleteAsync(ct);
    }

    /// <summary>The reference data of a workspace (for imports that check country codes).</summary>
    public Task<Core.MarketData.MarketSnapshot> MarketAsync(Guid workspaceId, CancellationToken ct = default) => reference.MarketAsync(workspaceId, ct);

    private static string? Note(string? note) => note is null ? null : note.Length <= 300 ? note : note[..300];

    private static string Trim(string name) => name.Length <= 300 ? name : name[..300];
}

/// <summary>One saved version of a case.</summary>
public sealed record CaseVersionInfo(int Version, string Name, DateTime SavedUtc, string? SavedBy, string? Note);

/// <summary>The result of a save: the record as stored now, and whether the save was refused because someone else saved first.</summary>
public sealed record SaveOutcome(CaseRecord Record, bool Conflict);
