using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Reshore.Core.Validation;
using Reshore.Data.CaseFiles;
using Reshore.Persistence;
using Reshore.Web.Services;
using Reshore.Web.Services.Security;

namespace Reshore.Web.Api;

/// <summary>The REST API under /api. Results are the CLI's JSON; errors are ProblemDetails, field errors keyed by JSON path.</summary>
public static class ApiEndpoints
{
    /// <summary>Maps the endpoints.</summary>
    public static void Map(WebApplication app)
    {
        var api = app.MapGroup("/api").RequireAuthorization().WithTags("Reshore");

        api.MapGet("/me", (HttpContext http, WorkspaceAccess access) => Results.Ok(new
        {
            userName = access.UserName,
            isAdmin = http.User.IsInRole(Roles.SiteAdmin),
            language = CultureInfo.CurrentUICulture.Name,
        })).WithSummary("The signed-in user.");

        var workspaces = api.MapGroup("/workspaces");
        workspaces.MapGet("/", async (WorkspaceAccess access, CancellationToken ct) =>
            Results.Ok((await access.MineAsync(ct)).Select(w => WorkspaceDto(w.Workspace, w.Role, w.Cases))))
            .WithSummary("The workspaces you belong to.");
        workspaces.MapPost("/", async (WorkspaceInput input, WorkspaceAccess access, ReshoreDbContext db, CancellationToken ct) =>
        {
            if (input.Problems() is { Count: > 0 } problems) return Results.ValidationProblem(problems);
            var ws = new Workspace { Name = input.Name!.Trim(), Description = input.Description };
            ws.Members.Add(new WorkspaceMember { UserId = access.UserId!, Role = WorkspaceRole.Admin });
            db.Workspaces.Add(ws);
            await db.SaveChangesAsync(ct);
            return Results.Created($"/api/workspaces/{ws.Id}", WorkspaceDto(ws, WorkspaceRole.Admin, 0));
        }).WithSummary("Creates a workspace; you become its admin.");
        workspaces.MapGet("/{id:guid}", async (Guid id, WorkspaceAccess access, CancellationToken ct) =>
            await access.WorkspaceAsync(id, ct) is { } w ? Results.Ok(WorkspaceDto(w.Workspace, w.Role, null)) : NotFound("workspace", id))
            .WithSummary("One workspace.");
        workspaces.MapPut("/{id:guid}", async (Guid id, WorkspaceInput input, WorkspaceAccess access, ReshoreDbContext db, CancellationToken ct) =>
        {
            if (await access.RoleInAsync(id, ct) is not { } role) return NotFound("workspace", id);
            if (role < WorkspaceRole.Admin) return Forbidden("Only a workspace admin can rename a workspace.");
            if (input.Problems() is { Count: > 0 } problems) return Results.ValidationProblem(problems);
            var ws = await db.Workspaces.FirstAsync(w => w.Id == id, ct);
            ws.Name = input.Name!.Trim();
            ws.Description = input.Description;
            if (input.ViewersMayRunJobs is { } allow) ws.ViewersMayRunJobs = allow;
            await db.SaveChangesAsync(ct);
            return Results.Ok(WorkspaceDto(ws, role, null));
        }).WithSummary("Renames a workspace (workspace admin).");
        workspaces.MapDelete("/{id:guid}", async (Guid id, WorkspaceAccess access, ReshoreDbContext db, CancellationToken ct) =>
        {
            if (await access.RoleInAsync(id, ct) is not { } role) return NotFound("workspace", id);
            if (role < WorkspaceRole.Admin) return Forbidden("Only a workspace admin can delete a workspace.");
            await db.Workspaces.Where(w => w.Id == id).ExecuteDeleteAsync(ct);
            return Results.NoContent();
        }).WithSummary("Deletes a workspace and its cases (workspace admin).");

        workspaces.MapGet("/{id:guid}/members", async (Guid id, WorkspaceAccess access, ReshoreDbContext db, CancellationToken ct) =>
        {
            if (await access.RoleInAsync(id, ct) is null) return NotFound("workspace", id);
            var members = await (from m in db.WorkspaceMembers
                                 join u in db.Users on m.UserId equals u.Id
                                 where m.WorkspaceId == id
                                 select new { userId = u.Id, email = u.Email, role = m.Role }).ToListAsync(ct);
            return Results.Ok(members.Select(m => new { m.userId, m.email, role = RoleName(m.role) }));
        }).WithSummary("Members of a workspace.");
        workspaces.MapPost("/{id:guid}/members", async (Guid id, MemberInput input, WorkspaceAccess access, ReshoreDbContext db, UserManager<IdentityUser> users,
            MemberLookupGuard lookups, ClaimsPrincipal caller, CancellationToken ct) =>
        {
            if (await access.RoleInAsync(id, ct) is not { } role) return NotFound("workspace", id);
            if (role < WorkspaceRole.Admin) return Forbidden("Only a workspace admin can manage members.");
            if (!TryRole(input.Role, out var newRole)) return Results.ValidationProblem(new Dictionary<string, string[]> { ["role"] = ["must be viewer, analyst or admin"] });
            var lookup = await lookups.FindAsync(users, access.UserId!, caller.IsInRole(Roles.SiteAdmin), input.Email);
            if (lookup.Throttled)
                return Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many unknown e-mail addresses",
                    detail: "You tried too many e-mail addresses without an account; try again in an hour or ask a site administrator.");
            if (lookup.User is not { } user) return Results.ValidationProblem(new Dictionary<string, string[]> { ["email"] = ["no account with this e-mail address"] });
            if (!await WorkspaceRules.SetRoleAsync(db, id, user.Id, newRole, ct))
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["role"] = [WorkspaceRules.LastAdminMessage] });
            return Results.Ok(new { userId = user.Id, email = user.Email, role = RoleName(newRole) });
        }).RequireRateLimiting(RateLimits.Expensive).WithSummary("Adds a member or changes their role (workspace admin).");
        workspaces.MapDelete("/{id:guid}/members/{userId}", async (Guid id, string userId, WorkspaceAccess access, ReshoreDbContext db, Jobs.JobQueue jobs, CancellationToken ct) =>
        {
            if (await access.RoleInAsync(id, ct) is not { } role) return NotFound("workspace", id);
            if (role < WorkspaceRole.Admin) return Forbidden("Only a workspace admin can manage members.");
            if (await WorkspaceRules.IsLastAdminAsync(db, id, userId, ct))
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["userId"] = [WorkspaceRules.LastAdminMessage] });
            await db.WorkspaceMembers.Where(m => m.WorkspaceId == id && m.UserId == userId).ExecuteDeleteAsync(ct);
            // A removed member's jobs stop: nobody would be left to see or cancel them.
            await jobs.CancelOwnedAsync(id, userId, $"{access.UserName} (member removed)", ct);
            return Results.NoContent();
        }).WithSummary("Removes a member (workspace admin).");

        workspaces.MapGet("/{id:guid}/cases", async (Guid id, WorkspaceAccess access, ReshoreDbContext db, CancellationToken ct) =>
        {
            if (await access.RoleInAsync(id, ct) is null) return NotFound("workspace", id);
            var cases = await db.Cases.AsNoTracking().Where(c => c.WorkspaceId == id).ToListAsync(ct);
            return Results.Ok(cases.OrderBy(c => c.Name, StringComparer.CurrentCultureIgnoreCase).Select(c => CaseSummary(c)));
        }).WithSummary("Cases of a workspace.");
        workspaces.MapPost("/{id:guid}/cases", async (Guid id, CaseInput input, WorkspaceAccess access, CaseStore store, CancellationToken ct) =>
        {
            if (await access.RoleInAsync(id, ct) is not { } role) return NotFound("workspace", id);
            if (role < WorkspaceRole.Analyst) return Forbidden("Viewers cannot create cases.");
            if (!input.TryGetText(out var text, out var format, out var problem)) return Results.ValidationProblem(problem!);
            try
            {
                var record = await store.CreateAsync(id, text, format, "case", access.UserName, ct);
                return Results.Created($"/api/cases/{record.Id}", CaseDto(record));
            }
            catch (CaseValidationException e)
            {
                return CaseProblem(e);
            }
        }).WithSummary("Creates a case from {\"case\": {...}} or {\"text\": \"...\", \"format\": \"yaml\"}.");

        var cases = api.MapGroup("/cases");
        cases.MapGet("/{id:guid}", async (Guid id, WorkspaceAccess access, CancellationToken ct) =>
            await access.CaseAsync(id, ct) is { } c ? Results.Ok(CaseDto(c.Case)) : NotFound("case", id))
            .WithSummary("One case with its content and version.");
        cases.MapPut("/{id:guid}", async (Guid id, CaseInput input, HttpRequest request, WorkspaceAccess access, CaseStore store, CancellationToken ct) =>
        {
            if (await access.CaseAsync(id, ct) is not { } c) return NotFound("case", id);
            if (c.Role < WorkspaceRole.Analyst) return Forbidden("Viewers cannot edit cases.");
            var version = input.Version ?? IfMatchVersion(request);
            if (version is null)
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["version"] = ["give the version you edited (field \"version\" or an If-Match header) so that no one's changes are overwritten"] });
            if (!input.TryGetText(out var text, out var format, out var problem)) return Results.ValidationProblem(problem!);
            try
            {
                var outcome = await store.UpdateAsync(id, text, format, version.Value, access.UserName, ct);
                if (outcome.Conflict) return Conflict(outcome.Record, version.Value);
                return Results.Ok(CaseDto(outcome.Record));
            }
            catch (CaseValidationException e)
            {
                return CaseProblem(e);
            }
        }).WithSummary("Replaces a case's content if the version matches (409 otherwise).");
        cases.MapDelete("/{id:guid}", async (Guid id, WorkspaceAccess access, CaseStore store, CancellationToken ct) =>
        {
            if (await access.CaseAsync(id, ct) is not { } c) return NotFound("case", id);
            if (c.Role < WorkspaceRole.Analyst) return Forbidden("Viewers cannot delete cases.");
            await store.DeleteAsync(id, ct);
            return Results.NoContent();
        }).WithSummary("Deletes a case.");

        cases.MapPost("/{id:guid}/evaluate", async (Guid id, WorkspaceAccess access, CaseAnalysis analysis, CancellationToken ct) =>
            await WithCase(id, access, analysis, ct, doc =>
            {
                var culture = CultureInfo.CurrentUICulture;
                return Results.Bytes(analysis.Utf8Of(analysis.EvaluationJsonCached(analysis.Evaluate(doc, culture), culture)), "application/json; charset=utf-8");
            })).RequireRateLimiting(RateLimits.Expensive).WithSummary("Evaluates a case: the JSON of `reshore evaluate --format json`, with items[].decision.")
            .Produces<Reshore.Data.Output.EvaluationDocument>(StatusCodes.Status200OK, "application/json");
        cases.MapPost("/{id:guid}/simulate", async (Guid id, SimulateRequest? request, WorkspaceAccess access, CaseAnalysis analysis, Jobs.JobQueue jobs, CancellationToken ct) =>
        {
            request ??= new SimulateRequest();
            if (Problems(request.Problems(jobs.Limits, inRequest: true)) is { } p) return p;
            if (await access.CaseAsync(id, ct) is not { } c) return NotFound("case", id);
            if (JobEndpoints.MayNotRun(c) is { } refused) return refused;
            return await WithCase(id, access, analysis, ct, doc =>
            {
                if (UnknownItem(doc, request.Item) is { } bad) return bad;
                // The case's own risk.scenarios counts too: a case cannot carry the request past the limit.
                if (JobEndpoints.TooLargeForRequest(request.Steps(doc), jobs.Limits.MaxScenariosInRequest, $"/api/cases/{id}/simulations", "scenarios × items") is { } tooLarge) return tooLarge;
                var result = analysis.Simulate(doc, CultureInfo.CurrentUICulture, request.Scenarios, request.Seed, request.Item, null, ct);
                return Json(CaseAnalysis.SimulationJsonText(result, doc));
            });
        }).RequireRateLimiting(RateLimits.Expensive).WithSummary("Simulates a case and waits for the answer: the JSON of `reshore simulate --format json`. Up to Reshore:Limits:MaxScenariosInRequest scenarios × items (100,000 by default); larger runs answer 400 with useJob: start a background simulation.");
        cases.MapPost("/{id:guid}/optimize", async (Guid id, OptimizeRequest? request, WorkspaceAccess access, CaseAnalysis analysis, Jobs.JobQueue jobs, CancellationToken ct) =>
        {
            request ??= new OptimizeRequest();
            if (Problems(request.Problems(jobs.Limits)) is { } p) return p;
            if (await access.CaseAsync(id, ct) is not { } c) return NotFound("case", id);
            if (JobEndpoints.MayNotRun(c) is { } refused) return refused;
            return await WithCase(id, access, analysis, ct, doc =>
            {
                if (UnknownItem(doc, request.Item) is { } bad) return bad;
                if (JobEndpoints.TooLargeForRequest(request.Steps(doc), jobs.Limits.MaxOptimizerScenariosInRequest, $"/api/cases/{id}/optimizations", "scenarios × items (× 11 with a frontier)") is { } tooLarge) return tooLarge;
                var result = analysis.Optimize(doc, CultureInfo.CurrentUICulture, request, null, ct);
                return Json(CaseAnalysis.OptimizationJsonText(result, request, doc));
            });
        }).RequireRateLimiting(RateLimits.Expensive).WithSummary("Optimises the sourcing mix and waits for the answer: the JSON of `reshore optimize --format json`. Up to Reshore:Limits:MaxOptimizerScenariosInRequest scenarios × items (1,000 by default, a frontier counts 11 times); larger runs answer 400 with useJob.");

        JobEndpoints.Map(api);

        var users = api.MapGroup("/users").RequireAuthorization(Roles.SiteAdmin);
        users.MapGet("/", async (UserManager<IdentityUser> um, CancellationToken ct) =>
        {
            var list = await um.Users.OrderBy(u => u.Email).ToListAsync(ct);
            var admins = (await um.GetUsersInRoleAsync(Roles.SiteAdmin)).Select(u => u.Id).ToHashSet();
            return Results.Ok(list.Select(u => new { id = u.Id, email = u.Email, isAdmin = admins.Contains(u.Id) }));
        }).WithSummary("User accounts (site admin).");
        users.MapPost("/", async (UserInput input, UserManager<IdentityUser> um, ReshoreDbContext db) =>
        {
            var result = await Accounts.CreateUserAsync(um, db, input.Email, input.Password, input.IsAdmin);
            return result.Errors.Count > 0 ? Results.ValidationProblem(result.Errors) : Results.Created($"/api/users/{result.User!.Id}", new { id = result.User.Id, email = result.User.Email, isAdmin = input.IsAdmin });
        }).WithSummary("Creates a local account (site admin).");
        users.MapPost("/{id}/revoke", async (string id, UserManager<IdentityUser> um) =>
        {
            if (await um.FindByIdAsync(id) is not { } user) return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"No user {id}.");
            await um.UpdateSecurityStampAsync(user);
            return Results.NoContent();
        }).WithSummary("Ends every session and bearer token of a user (site admin).");
    }

    internal static IResult Json(string json) => Results.Text(json, "application/json; charset=utf-8");

    internal static IResult? Problems(IEnumerable<(string Field, string Message)> problems)
    {
        var list = problems.ToList();
        return list.Count == 0 ? null : Results.ValidationProblem(list.GroupBy(p => p.Field).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray()));
    }

    internal static IResult? UnknownItem(CaseDocument doc, string? item) =>
        item is not null && doc.Case.Items.All(i => i.Id != item)
            ? Results.ValidationProblem(new Dictionary<string, string[]> { ["item"] = [$"unknown item '{item}'; items: {string.Join(", ", doc.Case.Items.Select(i => i.Id))}"] })
            : null;

    private static async Task<IResult> WithCase(Guid id, WorkspaceAccess access, CaseAnalysis analysis, CancellationToken ct, Func<CaseDocument, IResult> run)
    {
        if (await access.CaseAsync(id, ct) is not { } c) return NotFound("case", id);
        try
        {
            return run(analysis.Read(c.Case.Json, await access.MarketAsync(c.Case.WorkspaceId, ct)));
        }
        catch (CaseValidationException e)
        {
            return CaseProblem(e);
        }
    }

    internal static IResult NotFound(string what, Guid id) => NotFound(what, id.ToString());

    private static IResult NotFound(string what, string id) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"No {what} {id} in your workspaces.");

    internal static IResult Forbidden(string detail) => Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: detail);

    private static IResult Conflict(CaseRecord current, int yours) => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Edit conflict",
        detail: $"The case was changed by {current.UpdatedBy} at {current.UpdatedUtc:u} (version {current.Version}) after the version you edited ({yours}). Reload it, apply your changes again and save.",
        extensions: new Dictionary<string, object?> { ["currentVersion"] = current.Version, ["updatedBy"] = current.UpdatedBy });

    /// <summary>A 400 with every case error keyed by its JSON path, with line and column when known.</summary>
    internal static IResult CaseProblem(CaseValidationException e) => Results.ValidationProblem(
        e.Errors.GroupBy(x => x.Path).ToDictionary(g => g.Key, g => g.Select(x => x.Line is { } l ? $"{x.Message} (line {l}, column {x.Column})" : x.Message).ToArray()),
        title: "The case is not valid", detail: $"{e.Errors.Count} problem(s) in the case; nothing was stored.");

    private static int? IfMatchVersion(HttpRequest request) =>
        int.TryParse(request.Headers.IfMatch.ToString().Trim('"', 'W', '/'), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : null;

    private static object WorkspaceDto(Workspace w, WorkspaceRole role, int? cases) => new
    {
        id = w.Id, name = w.Name, description = w.Description, isExamples = w.IsExamples, role = RoleName(role), cases, viewersMayRunJobs = w.ViewersMayRunJobs,
    };

    private static object CaseSummary(CaseRecord c) => new { id = c.Id, workspaceId = c.WorkspaceId, name = c.Name, version = c.Version, updatedUtc = c.UpdatedUtc, updatedBy = c.UpdatedBy };

    private static object CaseDto(CaseRecord c) => new
    {
        id = c.Id, workspaceId = c.WorkspaceId, name = c.Name, version = c.Version, createdUtc = c.CreatedUtc, updatedUtc = c.UpdatedUtc, updatedBy = c.UpdatedBy,
        @case = JsonNode.Parse(c.Json),
    };

    internal static string RoleName(WorkspaceRole role) => role.ToString().ToLowerInvariant();

    internal static bool TryRole(string? text, out WorkspaceRole role) =>
        Enum.TryParse(text, ignoreCase: true, out role) && Enum.IsDefined(role);
}

/// <summary>Workspace fields.</summary>
public sealed record WorkspaceInput(string? Name, string? Description, bool? ViewersMayRunJobs = null)
{
    internal Dictionary<string, string[]> Problems()
    {
        var p = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(Name)) p["name"] = ["is required"];
        else if (Name.Length > 200) p["name"] = ["must be at most 200 characters"];
        if (Description?.Length > 2000) p["description"] = ["must be at most 2,000 characters"];
        return p;
    }
}

/// <summary>A member to add.</summary>
public sealed record MemberInput(string? Email, string? Role);

/// <summary>An account to create.</summary>
public sealed record UserInput(string? Email, string? Password, bool IsAdmin);

/// <summary>A case to store: the case as a JSON object, or case text in JSON or YAML; with the version edited for updates.</summary>
public sealed record CaseInput
{
    /// <summary>The case file as a JSON object.</summary>
    public JsonElement? Case { get; init; }
    /// <summary>Or the case file's text.</summary>
    public string? Text { get; init; }
    /// <summary>json or yaml (for text).</summary>
    public string? Format { get; init; }
    /// <summary>The version edited (updates).</summary>
    public int? Version { get; init; }

    internal bool TryGetText(out string text, out CaseFormat format, out Dictionary<string, string[]>? problem)
    {
        problem = null;
        format = CaseFormat.Json;
        text = "";
        if (Case is { ValueKind: JsonValueKind.Object } c)
        {
            text = c.GetRawText();
            return true;
        }
        if (!string.IsNullOrWhiteSpace(Text))
        {
            text = Text;
            format = Format?.ToLowerInvariant() switch { "yaml" or "yml" => CaseFormat.Yaml, "json" => CaseFormat.Json, _ => CaseFormat.Unknown };
            return true;
        }
        problem = new() { ["case"] = ["give the case as a JSON object in \"case\", or its text in \"text\" (with \"format\": \"json\" or \"yaml\")"] };
        return false;
    }
}
