using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Reshore.Core.MarketData;
using Reshore.Persistence;

namespace Reshore.Web.Services;

/// <summary>
/// A workspace's own reference data: countries, lanes and HS codes added to or changed in the bundled set, each with its
/// source and year. Stored per workspace; the workspace's cases are read and evaluated with them applied
/// (<see cref="ReferenceOverlay"/>).
/// </summary>
public sealed class WorkspaceReference(ReshoreDbContext db, MarketSnapshot bundled)
{
    /// <summary>The kinds, as stored and as used in the API's addresses.</summary>
    public static IReadOnlyDictionary<string, string> Kinds { get; } = new Dictionary<string, string>
    {
        ["countries"] = "country", ["lanes"] = "lane", ["hs-codes"] = "hsCode",
    };

    /// <summary>How entries are stored and read: camelCase, enums as camelCase text (e.g. "customsUnion").</summary>
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>The bundled reference data.</summary>
    public MarketSnapshot Bundled => bundled;

    /// <summary>Reads an entry of a kind (country, lane, hsCode) from JSON; throws <see cref="JsonException"/> naming what is wrong.</summary>
    public static ReferenceEntry Parse(string kind, string json) => kind switch
    {
        "country" => (ReferenceEntry?)JsonSerializer.Deserialize<CountryEntry>(json, Json),
        "lane" => JsonSerializer.Deserialize<LaneEntry>(json, Json),
        "hsCode" => JsonSerializer.Deserialize<TariffRowEntry>(json, Json),
        _ => throw new JsonException($"unknown kind '{kind}'"),
    } ?? throw new JsonException("the body is empty (null)");

    /// <summary>The stored text of an entry.</summary>
    public static string ToJson(ReferenceEntry entry) => JsonSerializer.Serialize(entry, entry.GetType(), Json);

    /// <summary>The kind of an entry.</summary>
    public static string KindOf(ReferenceEntry entry) => entry switch { CountryEntry => "country", LaneEntry => "lane", _ => "hsCode" };

    /// <summary>The workspace's entries with their records, countries first, then lanes and HS codes, each by key.</summary>
    public async Task<IReadOnlyList<(WorkspaceReferenceOverride Record, ReferenceEntry Entry)>> ListAsync(Guid workspaceId, CancellationToken ct = default)
    {
        var rows = await db.ReferenceOverrides.AsNoTracking().Where(r => r.WorkspaceId == workspaceId).ToListAsync(ct);
        var order = new[] { "country", "lane", "hsCode" };
        return rows.OrderBy(r => Array.IndexOf(order, r.Kind)).ThenBy(r => r.Key, StringComparer.Ordinal)
            .Select(r => (r, Parse(r.Kind, r.Json))).ToList();
    }

    /// <summary>The reference data of a workspace: the bundled set with the workspace's entries applied.</summary>
    public async Task<MarketSnapshot> MarketAsync(Guid workspaceId, CancellationToken ct = default)
    {
        // Most workspaces have none: no query result to apply, the bundled snapshot itself is used.
        var entries = await ListAsync(workspaceId, ct);
        if (entries.Count == 0) return bundled;
        // One snapshot per set of entries, so the results cached per snapshot (CaseAnalysis) are found again on the next view;
        // a new snapshot per request made every view of such a workspace re-evaluate its case. Keyed by the stored entries' text.
        var key = string.Join("\n", entries.Select(e => $"{e.Record.Kind}|{e.Record.Key}|{e.Record.Json}"));
        var overlays = Overlays.GetValue(bundled, _ => new());
        if (overlays.Count > 64) overlays.Clear();
        return overlays.GetOrAdd(key, _ => new Lazy<MarketSnapshot>(() => ReferenceOverlay.Apply(bundled, entries.Select(e => e.Entry)))).Value;
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<MarketSnapshot, System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<MarketSnapshot>>> Overlays = new();

    /// <summary>The problems with an entry, as (field, message); empty when it can be saved.</summary>
    public IReadOnlyList<(string Field, string Message)> Problems(ReferenceEntry entry) => entry.Problems(bundled).ToList();

    /// <summary>Adds or replaces the workspace's entry with the same kind and key. The caller checks <see cref="Problems"/> first.</summary>
    public async Task<WorkspaceReferenceOverride> SaveAsync(Guid workspaceId, ReferenceEntry entry, string userName, CancellationToken ct = default)
    {
        var kind = KindOf(entry);
        var key = entry.Key;
        var record = await db.ReferenceOverrides.FirstOrDefaultAsync(r => r.WorkspaceId == workspaceId && r.Kind == kind && r.Key == key, ct);
        if (record is null)
        {
            record = new WorkspaceReferenceOverride { WorkspaceId = workspaceId, Kind = kind, Key = key, Json = ToJson(entry) };
            db.ReferenceOverrides.Add(record);
        }
        record.Json = ToJson(entry);
        record.UpdatedUtc = DateTime.UtcNow;
        record.UpdatedBy = userName;
        await db.SaveChangesAsync(ct);
        return record;
    }

    /// <summary>Removes an entry; false when there was none.</summary>
    public async Task<bool> DeleteAsync(Guid workspaceId, string kind, string key, CancellationToken ct = default) =>
        await db.ReferenceOverrides.Where(r => r.WorkspaceId == workspaceId && r.Kind == kind && r.Key == key).ExecuteDeleteAsync(ct) > 0;
}
