using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Reshore.Core.MarketData;
using Reshore.Persistence;
using Reshore.Web.Services;

namespace Reshore.Web.Api;

/// <summary>
/// A workspace's own reference data under /api/workspaces/{id}/reference: countries, lanes and HS codes that its cases use
/// instead of (or besides) the bundled values. Members read; analysts and admins write.
/// </summary>
public static class ReferenceEndpoints
{
    /// <summary>Maps the endpoints.</summary>
    public static void Map(WebApplication app)
    {
        var reference = app.MapGroup("/api/workspaces/{id:guid}/reference").RequireAuthorization().WithTags("Reference data");

        reference.MapGet("/", async (Guid id, WorkspaceAccess access, WorkspaceReference store, CancellationToken ct) =>
        {
            if (await access.RoleInAsync(id, ct) is null) return ApiEndpoints.NotFound("workspace", id);
            var entries = await store.ListAsync(id, ct);
            object Rows(string kind) => entries.Where(e => e.Record.Kind == kind).Select(e => Dto(e.Record, e.Entry)).ToList();
            return Results.Ok(new { countries = Rows("country"), lanes = Rows("lane"), hsCodes = Rows("hsCode") });
        }).WithSummary("The workspace's own countries, lanes and HS codes (with source and year).");

        reference.MapPut("/{kind}", async (Guid id, string kind, [FromBody] JsonElement body, WorkspaceAccess access, WorkspaceReference store, CancellationToken ct) =>
        {
            if (await access.RoleInAsync(id, ct) is not { } role) return ApiEndpoints.NotFound("workspace", id);
            if (!WorkspaceReference.Kinds.TryGetValue(kind, out var k)) return UnknownKind(kind);
            if (role < WorkspaceRole.Analyst) return ApiEndpoints.Forbidden("Viewers cannot change the workspace's reference data.");
            ReferenceEntry entry;
            try
            {
                entry = WorkspaceReference.Parse(k, body.GetRawText());
            }
            catch (JsonException e)
            {
                return Results.ValidationProblem(new Dictionary<string, string[]> { [e.Path ?? "$"] = [e.Message] }, title: "The entry could not be read");
            }
            if (store.Problems(entry) is { Count: > 0 } problems)
                return Results.ValidationProblem(problems.GroupBy(p => p.Field).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray()),
                    title: "The entry is not valid", detail: "Nothing was stored.");
            var record = await store.SaveAsync(id, entry, access.UserName, ct);
            return Results.Ok(Dto(record, entry));
        }).WithSummary("Adds or replaces a country (kind countries), lane (lanes) or HS code (hs-codes) of the workspace; the body is the entry with its source and year.");

        reference.MapDelete("/{kind}/{key}", async (Guid id, string kind, string key, WorkspaceAccess access, WorkspaceReference store, CancellationToken ct) =>
        {
            if (await access.RoleInAsync(id, ct) is not { } role) return ApiEndpoints.NotFound("workspace", id);
            if (!WorkspaceReference.Kinds.TryGetValue(kind, out var k)) return UnknownKind(kind);
            if (role < WorkspaceRole.Analyst) return ApiEndpoints.Forbidden("Viewers cannot change the workspace's reference data.");
            return await store.DeleteAsync(id, k, k == "country" ? key.ToUpperInvariant() : key, ct)
                ? Results.NoContent()
                : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"The workspace has no {kind} entry {key}.");
        }).WithSummary("Removes a workspace entry: its cases use the bundled value again (or, for an added country, no longer find it).");
    }

    private static IResult UnknownKind(string kind) =>
        Results.ValidationProblem(new Dictionary<string, string[]> { ["kind"] = [$"'{kind}' is not a kind of reference data: use countries, lanes or hs-codes"] });

    private static object Dto(WorkspaceReferenceOverride record, ReferenceEntry entry) => new
    {
        kind = record.Kind,
        key = record.Key,
        entry = JsonSerializer.SerializeToElement(entry, entry.GetType(), WorkspaceReference.Json),
        updatedUtc = record.UpdatedUtc,
        updatedBy = record.UpdatedBy,
    };
}
