using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Reshore.Monitor;
using Reshore.Persistence;
using Reshore.Persistence.Monitor;
using Reshore.Web.Services;
using Reshore.Web.Services.Monitor;
using Reshore.Web.Services.Security;

namespace Reshore.Web.Api;

/// <summary>
/// The reshoring monitor's REST API under /api/monitor: public, read-only figures and published cases; for signed-in users the
/// cases their monitor role may see, drafts, edits (versioned: 409 on conflict), workflow transitions (403 with the refusal text),
/// history, import (all rows or none), export and news screening. Site admins assign monitor roles with PUT /api/users/{id}/roles.
/// </summary>
public static class MonitorEndpoints
{
    private static CultureInfo Culture => CultureInfo.CurrentUICulture;

    /// <summary>Maps the endpoints.</summary>
    public static void Map(WebApplication app)
    {
        var pub = app.MapGroup("/api/monitor/public").AllowAnonymous().WithTags("Monitor");
        pub.MapGet("/cases", async (HttpContext http, CancellationToken ct) =>
        {
            var problems = new Dictionary<string, string[]>();
            var filter = MonitorQuery.Filter(http.Request.Query, problems).AsPublic();
            if (problems.Count > 0) return Results.ValidationProblem(problems);
            var cases = (await MonitorAccess.Store(http).VisibleAsync(MonitorActor.Anonymous, ct)).Where(filter.Matches).ToList();
            return http.Request.Query["format"].ToString() switch
            {
                "csv" => File(s => MonitorExport.WriteCasesCsv(s, cases), "text/csv; charset=utf-8", "monitor-cases.csv"),
                "erm" => File(s => MonitorExport.WriteCasesErmCsv(s, cases), "text/csv; charset=utf-8", "monitor-cases-erm.csv"),
                "" or "json" => Results.Ok(cases.Select(c => MonitorQuery.Dto(c, withOwner: false))),
                _ => Results.ValidationProblem(new Dictionary<string, string[]> { ["format"] = ["must be json, csv or erm"] }),
            };
        }).WithSummary("Published cases (filters as for /stats, plus q for full-text search); format=json (default), csv (the import columns) or erm (the European Reshoring Monitor layout).");
        pub.MapGet("/charts/{name}", async (string name, string? format, HttpContext http, CancellationToken ct) =>
        {
            var problems = new Dictionary<string, string[]>();
            var filter = MonitorQuery.Filter(http.Request.Query, problems).AsPublic();
            if (!MonitorPublicCharts.IsKnown(name)) problems["name"] = ["a chart: dim-{dimension}, trend-cases, trend-jobs or map"];
            if (format is not (null or "png" or "csv" or "svg")) problems["format"] = ["must be png, csv or svg"];
            if (problems.Count > 0) return Results.ValidationProblem(problems);
            var all = await MonitorAccess.Store(http).VisibleAsync(MonitorActor.Anonymous, ct);
            var result = MonitorStatistics.Compute(all, filter, Culture);
            var cases = all.Where(filter.AnyDirection().Matches).ToList();
            return format switch
            {
                "csv" => Results.File(new System.Text.UTF8Encoding(true).GetPreamble().Concat(System.Text.Encoding.UTF8.GetBytes(MonitorPublicCharts.Csv(MonitorPublicCharts.Data(name, result, cases, Culture)))).ToArray(),
                    "text/csv; charset=utf-8", $"monitor-{name}.csv"),
                "svg" => Results.Text(MonitorPublicCharts.Svg(name, result, cases, Culture), "image/svg+xml; charset=utf-8"),
                _ => Results.File(MonitorPublicCharts.Png(name, result, cases, Culture), "image/png", $"monitor-{name}.png"),
            };
        }).WithSummary("A chart of the public monitor as PNG (default), SVG, or its data as CSV: dim-{dimension} (e.g. dim-quadrant), trend-cases, trend-jobs, map; filters as for /stats.");
        pub.MapGet("/cases/{id:guid}", async (Guid id, HttpContext http, CancellationToken ct) =>
            await MonitorAccess.Store(http).FindAsync(id, ct) is { Status: CaseStatus.Published } c ? Results.Ok(MonitorQuery.Dto(c, withOwner: false)) : NotFound(id))
            .WithSummary("One published case.");
        pub.MapGet("/stats", async (string? by, string? format, HttpContext http, CancellationToken ct) =>
        {
            var problems = new Dictionary<string, string[]>();
            var filter = MonitorQuery.Filter(http.Request.Query, problems).AsPublic();
            var dims = MonitorQuery.Dimensions(by, problems);
            if (problems.Count > 0) return Results.ValidationProblem(problems);
            var cases = await MonitorAccess.Store(http).VisibleAsync(MonitorActor.Anonymous, ct);
            return Statistics(MonitorQuery.Only(MonitorStatistics.Compute(cases, filter, Culture), dims), format);
        }).WithSummary("Counts of published cases by dimension (by=year,homeCountry,origin,…), jobs and job bands; filters: from, to, homeCountry, origin, destination, sector, sizeClass, function, governance, type, motive, quadrant, seed; format=json|csv|xlsx.");

        var api = app.MapGroup("/api/monitor").RequireAuthorization().WithTags("Monitor");
        api.MapGet("/cases", async (HttpContext http, CancellationToken ct) =>
        {
            var problems = new Dictionary<string, string[]>();
            var filter = MonitorQuery.Filter(http.Request.Query, problems);
            if (problems.Count > 0) return Results.ValidationProblem(problems);
            var actor = await MonitorAccess.ActorAsync(http);
            var cases = await MonitorAccess.Store(http).VisibleAsync(actor, ct);
            return Results.Ok(cases.Where(filter.Matches).Select(c => MonitorQuery.Dto(c, actor.Role != MonitorRole.Anonymous)));
        }).WithSummary("The cases your monitor role may see (editors, reviewers and admins: all; others: published), with filters (status=Draft,InReview,…).");
        api.MapGet("/cases/{id:guid}", async (Guid id, HttpContext http, CancellationToken ct) =>
        {
            var actor = await MonitorAccess.ActorAsync(http);
            return await MonitorAccess.Store(http).FindAsync(id, ct) is { } c && MonitorWorkflow.IsVisible(c, actor)
                ? Results.Ok(MonitorQuery.Dto(c, actor.Role != MonitorRole.Anonymous)) : NotFound(id);
        }).WithSummary("One case.");
        api.MapPost("/cases", async (JsonElement body, HttpContext http, CancellationToken ct) =>
        {
            var actor = await MonitorAccess.ActorAsync(http);
            if (!MonitorWorkflow.IsAllowed(actor, WorkflowAction.Create, null)) return Forbidden(NoRole());
            if (Read(body, out var problems) is not { } draft) return Results.ValidationProblem(problems);
            var outcome = await MonitorAccess.Store(http).CreateAsync(actor, draft.Case, Culture, ct);
            if (!outcome.Succeeded) return Refused(outcome);
            return Results.Created($"/api/monitor/cases/{outcome.Case!.Id}", new
            {
                @case = MonitorQuery.Dto(outcome.Case, withOwner: true),
                duplicates = outcome.Duplicates.Select(MonitorQuery.Dto),
            });
        }).WithSummary("Creates a draft from the columns (company, homeCountry, origins, destination, …); the answer lists possible duplicates.");
        api.MapPut("/cases/{id:guid}", async (Guid id, JsonElement body, HttpContext http, CancellationToken ct) =>
        {
            var actor = await MonitorAccess.ActorAsync(http);
            if (Read(body, out var problems) is not { } edited) return Results.ValidationProblem(problems);
            if (!edited.HasVersion)
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["version"] = ["give the version you edited so that no one's changes are overwritten"] });
            var store = MonitorAccess.Store(http);
            if (await store.FindAsync(id, ct) is not { } current || !MonitorWorkflow.IsVisible(current, actor)) return NotFound(id);
            var outcome = await store.EditAsync(actor, id, edited.Case, edited.Case.Version, Culture, edited.Comment, ct);
            if (outcome.Refusal == Reshore.Core.Localization.Text.Get(Culture, "Mon_Wf_NoChange", "Nothing was changed.")) return Results.Ok(MonitorQuery.Dto(current, withOwner: true));
            return outcome.Succeeded ? Results.Ok(MonitorQuery.Dto(outcome.Case!, withOwner: true)) : Refused(outcome);
        }).WithSummary("Replaces a case's fields if the version matches (409 otherwise); editors only their own drafts.");
        api.MapPost("/cases/{id:guid}/transitions", async (Guid id, TransitionInput input, HttpContext http, CancellationToken ct) =>
        {
            if (MonitorQuery.Action(input.Action) is not { } action)
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["action"] = ["must be submit, publish, sendBack, withdraw or republish"] });
            var actor = await MonitorAccess.ActorAsync(http);
            var store = MonitorAccess.Store(http);
            if (await store.FindAsync(id, ct) is not { } current || !MonitorWorkflow.IsVisible(current, actor)) return NotFound(id);
            var outcome = await store.ApplyAsync(actor, id, action, input.Version, Culture, input.Comment, ct);
            return outcome.Succeeded ? Results.Ok(MonitorQuery.Dto(outcome.Case!, withOwner: true)) : Refused(outcome);
        }).WithSummary("A workflow step: {\"action\": \"submit|publish|sendBack|withdraw|republish\", \"version\": n, \"comment\": \"…\"}; 403 with the reason when your role may not.");
        api.MapGet("/cases/{id:guid}/history", async (Guid id, HttpContext http, ReshoreDbContext db, CancellationToken ct) =>
        {
            var actor = await MonitorAccess.ActorAsync(http);
            if (actor.Role == MonitorRole.Anonymous) return Forbidden(NoRole());
            var store = MonitorAccess.Store(http);
            if (await store.FindAsync(id, ct) is null) return NotFound(id);
            var history = await store.HistoryAsync(id, ct);
            var names = await UserNamesAsync(db, history.Select(h => h.UserId), ct);
            return Results.Ok(history.Select(h => MonitorQuery.Dto(h, names.GetValueOrDefault(h.UserId))));
        }).WithSummary("The audit trail of a case: who, when, action, status from → to, changed fields.");
        api.MapGet("/stats", async (string? by, string? format, HttpContext http, CancellationToken ct) =>
        {
            var problems = new Dictionary<string, string[]>();
            var filter = MonitorQuery.Filter(http.Request.Query, problems);
            var dims = MonitorQuery.Dimensions(by, problems);
            if (problems.Count > 0) return Results.ValidationProblem(problems);
            var actor = await MonitorAccess.ActorAsync(http);
            if (actor.Role == MonitorRole.Anonymous) filter = filter.AsPublic();
            var cases = await MonitorAccess.Store(http).VisibleAsync(actor, ct);
            return Statistics(MonitorQuery.Only(MonitorStatistics.Compute(cases, filter, Culture), dims), format);
        }).WithSummary("Counts over the cases you may see (with status=… for drafts and cases in review).");
        api.MapPost("/import", async (bool? dryRun, HttpContext http, CancellationToken ct) =>
        {
            var actor = await MonitorAccess.ActorAsync(http);
            if (!MonitorWorkflow.IsAllowed(actor, WorkflowAction.Create, null)) return Forbidden(NoRole());
            if (!http.Request.HasFormContentType || http.Request.Form.Files.FirstOrDefault() is not { Length: > 0 } file)
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["file"] = ["upload a CSV or xlsx file as multipart/form-data (field \"file\")"] });
            var jobs = http.RequestServices.GetRequiredService<Jobs.JobQueue>();
            if (JobEndpoints.FileTooLargeForRequest("file", file.Length, jobs.Limits.MaxMonitorImportBytesInRequest, "/api/monitor/import-jobs") is { } tooLarge) return tooLarge;
            var outcome = await ImportAsync(http, actor, file, dryRun ?? false, ct);
            if (outcome is null)
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["file"] = ["must be a .csv or .xlsx file"] });
            return ImportResponse(outcome, dryRun ?? false);
        }).DisableAntiforgery().RequireRateLimiting(RateLimits.Expensive).WithSummary("Imports cases from CSV or xlsx (multipart, field \"file\"); ?dryRun=true checks only. Any bad row: 400 with every row, column and reason, and nothing is stored. Files above Reshore:Limits:MaxMonitorImportBytesInRequest (1 MB) get 413: import them with POST /api/monitor/import-jobs.");
        api.MapPost("/import-jobs", async (bool? dryRun, HttpContext http, Jobs.JobQueue jobs, CancellationToken ct) =>
        {
            var actor = await MonitorAccess.ActorAsync(http);
            if (!MonitorWorkflow.IsAllowed(actor, WorkflowAction.Create, null)) return Forbidden(NoRole());
            if (!http.Request.HasFormContentType || (await http.Request.ReadFormAsync(ct)).Files.GetFile("file") is not { Length: > 0 } file)
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["file"] = ["upload a CSV or xlsx file as multipart/form-data (field \"file\")"] });
            if (Jobs.MonitorImportParameters.IsCsv(file.FileName, file.ContentType) is null)
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["file"] = ["must be a .csv or .xlsx file"] });
            if (JobEndpoints.FileTooLargeForJob("file", file.Length, jobs.Limits.MaxJobFileBytes) is { } tooLarge) return tooLarge;
            return await StartImportJobAsync(http, jobs, file, dryRun ?? false, ct);
        }).DisableAntiforgery().RequireRateLimiting(RateLimits.Expensive)
            .WithSummary("Imports cases from CSV or xlsx in the background (multipart, field \"file\"; ?dryRun=true checks only): 202 with the job; poll /api/jobs/{id}. The result is the body POST /api/monitor/import gives (succeeded false with every row, column and reason when nothing was stored). Who may import, and who sees the job, follow the monitor's roles.");
        api.MapGet("/jobs", async (HttpContext http, Jobs.JobQueue jobs, CancellationToken ct) =>
        {
            var actor = await MonitorAccess.ActorAsync(http);
            if (!MayFollowImportJobs(actor)) return Forbidden(NoRole());
            return Results.Ok((await jobs.ListOutsideWorkspacesAsync(Jobs.JobKinds.MonitorImport, 200, ct)).Select(j => JobEndpoints.Dto(j, null)));
        }).WithSummary("The monitor's import jobs, newest first (the last 200), for monitor editors, reviewers and admins.");
        api.MapGet("/export", async (string? format, string? what, HttpContext http, CancellationToken ct) =>
        {
            var problems = new Dictionary<string, string[]>();
            var filter = MonitorQuery.Filter(http.Request.Query, problems);
            if (format is not (null or "csv" or "xlsx" or "json")) problems["format"] = ["must be csv, xlsx or json"];
            if (what is not (null or "cases" or "stats")) problems["what"] = ["must be cases or stats"];
            if (problems.Count > 0) return Results.ValidationProblem(problems);
            var actor = await MonitorAccess.ActorAsync(http);
            if (actor.Role == MonitorRole.Anonymous) filter = filter.AsPublic();
            var cases = (await MonitorAccess.Store(http).VisibleAsync(actor, ct)).Where(filter.Matches).ToList();
            if (what == "stats") return Statistics(MonitorStatistics.Compute(cases, new MonitorFilter(), Culture), format ?? "csv", download: true);
            return ExportCases(cases, format ?? "csv");
        }).WithSummary("The cases you may see (what=cases) or their statistics (what=stats) as format=csv|xlsx|json, with the filters of /stats.");
        api.MapPost("/screen", (ScreenInput input, HttpContext http, IHostApplicationLifetime lifetime) =>
        {
            if (string.IsNullOrWhiteSpace(input.Text)) return Results.ValidationProblem(new Dictionary<string, string[]> { ["text"] = ["paste the news text"] });
            if (NewsScreener.IsTooLong(input.Text))
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["text"] = [$"the text has {input.Text.Length:N0} characters; at most {NewsScreener.MaxTextLength:N0} are screened"] });
            // Stops when the client leaves or the server shuts down.
            using var cts = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, lifetime.ApplicationStopping);
            var r = NewsScreener.Screen(input.Text, Culture, cts.Token);
            return Results.Ok(new
            {
                isLikelyReshoring = r.IsLikelyReshoring, score = r.Score, threshold = NewsScreener.Threshold, cues = r.Cues, company = r.Company, origins = r.Origins,
                destination = r.Destination, explanation = r.Explanation, draft = MonitorQuery.Dto(r.Draft, withOwner: false),
            });
        }).RequireRateLimiting(RateLimits.Expensive).WithSummary("Screens a news text for a reshoring announcement: flag, score, cues and a pre-filled draft (POST it to /api/monitor/cases).");

        api.MapPost("/screen/batch", async (HttpContext http, IHostApplicationLifetime lifetime) =>
        {
            if (!http.Request.HasFormContentType || http.Request.Form.Files.Count == 0)
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["files"] = ["upload an RSS or Atom feed (.xml, .rss, .atom) or text files (.txt, .html) as multipart/form-data"] });
            using var cts = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, lifetime.ApplicationStopping);
            var items = new List<NewsItem>();
            foreach (var file in http.Request.Form.Files.Take(NewsBatch.MaxItems))
            {
                var ext = Path.GetExtension(file.FileName).ToLowerInvariant();
                await using var stream = file.OpenReadStream();
                try
                {
                    if (ext is ".xml" or ".rss" or ".atom") items.AddRange(NewsBatch.ReadFeed(stream, file.FileName));
                    else if (ext is ".txt" or ".md" or ".html" or ".htm")
                    {
                        using var reader = new StreamReader(stream);
                        var buffer = new char[NewsScreener.MaxTextLength];
                        var n = await reader.ReadBlockAsync(buffer, cts.Token);
                        var text = new string(buffer, 0, n);
                        if (ext is ".html" or ".htm") text = NewsBatch.StripHtml(text);
                        items.Add(new NewsItem(file.FileName, null, text, null, null));
                    }
                    else return Results.ValidationProblem(new Dictionary<string, string[]> { [file.FileName] = ["must be .xml, .rss, .atom, .txt, .md or .html"] });
                }
                catch (InvalidDataException e)
                {
                    return Results.ValidationProblem(new Dictionary<string, string[]> { [file.FileName] = [e.Message] });
                }
            }
            var ranked = NewsBatch.Screen(items, Culture, cts.Token);
            return Results.Ok(ranked.Select(r => new
            {
                rank = r.Rank, source = r.Item.Source, title = r.Item.Title, url = r.Item.Url, isLikelyReshoring = r.Result.IsLikelyReshoring, score = r.Result.Score,
                company = r.Result.Company, destination = r.Result.Destination, origins = r.Result.Origins, jobs = r.Result.Draft.JobsCreated,
                investment = r.Result.Draft.Investment?.ToString(), explanation = r.Result.Explanation, draft = MonitorQuery.Dto(r.Result.Draft, withOwner: false),
            }));
        }).DisableAntiforgery()
            .WithSummary("Screens a batch of articles (an RSS or Atom feed, or text files; multipart) and ranks them, likely reshoring announcements first, each with a pre-filled draft.");

        app.MapPut("/api/users/{id}/roles", async (string id, RolesInput input, HttpContext http, UserManager<IdentityUser> users) =>
        {
            if (await users.FindByIdAsync(id) is not { } user)
                return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"No user {id}.");
            var known = MonitorRoles.All.Append(Roles.SiteAdmin).ToList();
            var wanted = (input.Roles ?? []).Select(r => r.Trim()).ToHashSet(StringComparer.Ordinal);
            if (wanted.Except(known).ToList() is { Count: > 0 } bad)
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["roles"] = [$"unknown role(s) {string.Join(", ", bad)}; roles: {string.Join(", ", known)}"] });
            var me = users.GetUserId(http.User);
            if (id == me && !wanted.Contains(Roles.SiteAdmin))
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["roles"] = ["you cannot take the site administrator role from yourself"] });
            // Another user's sessions and tokens end when a role is taken away; your own stay (you cannot take your admin role away).
            var errors = await SetRolesAsync(users, user, wanted, endSessions: id != me);
            return errors.Count > 0 ? Results.ValidationProblem(new Dictionary<string, string[]> { ["roles"] = errors.ToArray() })
                : Results.Ok(new { id = user.Id, email = user.Email, roles = (await users.GetRolesAsync(user)).Order(StringComparer.Ordinal) });
        }).RequireAuthorization(Roles.SiteAdmin).WithTags("Reshore").WithSummary("Sets a user's roles: admin, monitor-editor, monitor-reviewer, monitor-admin (site admin).");
    }

    /// <summary>
    /// Gives the user exactly the <paramref name="wanted"/> roles among the site and monitor roles; returns Identity's errors.
    /// Roles are read from the database on every request (<see cref="Services.Security.CurrentUserCheck"/>), so a change applies at
    /// once; with <paramref name="endSessions"/>, taking a role away also ends the user's sessions and tokens (they sign in again).
    /// </summary>
    public static async Task<List<string>> SetRolesAsync(UserManager<IdentityUser> users, IdentityUser user, IReadOnlySet<string> wanted, bool endSessions = true)
    {
        var known = MonitorRoles.All.Append(Roles.SiteAdmin).ToList();
        var current = (await users.GetRolesAsync(user)).Where(known.Contains).ToList();
        var errors = new List<string>();
        var remove = current.Where(r => !wanted.Contains(r)).ToList();
        var add = wanted.Where(r => !current.Contains(r)).ToList();
        if (remove.Count > 0) errors.AddRange((await users.RemoveFromRolesAsync(user, remove)).Errors.Select(e => e.Description));
        if (add.Count > 0) errors.AddRange((await users.AddToRolesAsync(user, add)).Errors.Select(e => e.Description));
        if (endSessions && remove.Count > 0) await users.UpdateSecurityStampAsync(user);
        return errors;
    }

    /// <summary>Parses and stores (unless a dry run) an uploaded file; null when it is neither CSV nor xlsx.</summary>
    internal static async Task<ImportOutcome?> ImportAsync(HttpContext http, MonitorActor actor, IFormFile file, bool dryRun, CancellationToken ct)
    {
        var store = MonitorAccess.Store(http);
        var limits = http.RequestServices.GetRequiredService<ReshoreLimits>();
        if (Jobs.MonitorImportParameters.IsCsv(file.FileName, file.ContentType) is not { } csv) return null;
        if (file.Length > limits.MaxUploadBytes)
            return await store.ImportAsync(actor, new ImportResult(0, [], [new Reshore.Monitor.ImportError(1, "", $"The file is larger than {limits.MaxUploadBytes / (1024 * 1024):N0} MB.")], []), Culture, dryRun, ct);
        await using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        return await Jobs.MonitorImportParameters.ImportAsync(store, actor, buffer.ToArray(), csv, dryRun, Culture, limits.Workbook, ct: ct);
    }

    /// <summary>Whether the actor sees the monitor's import jobs: as for draft cases, every monitor role.</summary>
    internal static bool MayFollowImportJobs(MonitorActor actor) => actor.Role is MonitorRole.Editor or MonitorRole.Reviewer or MonitorRole.Admin;

    /// <summary>Queues a monitor import with its file stored in the database (the user's monitor role is checked again when it runs).</summary>
    internal static async Task<IResult> StartImportJobAsync(HttpContext http, Jobs.JobQueue jobs, IFormFile file, bool dryRun, CancellationToken ct)
    {
        await using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        var access = http.RequestServices.GetRequiredService<WorkspaceAccess>();
        var start = await jobs.StartAsync(new Jobs.JobSubmission
        {
            Kind = Jobs.JobKinds.MonitorImport, OwnerId = access.UserId, OwnerName = access.UserName, Title = Path.GetFileName(file.FileName), Culture = Culture.Name,
            Parameters = new Jobs.MonitorImportParameters { DryRun = dryRun }, Total = 2, Files = [new Jobs.JobFileInput("file", Path.GetFileName(file.FileName), buffer.ToArray())],
        }, ct);
        return JobEndpoints.Started(start);
    }

    private static IResult ImportResponse(ImportOutcome outcome, bool dryRun)
    {
        var r = outcome.Result;
        if (!r.Succeeded)
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The import has errors; nothing was stored", detail: MonitorImport.Summary(r, dryRun, Culture),
                extensions: new Dictionary<string, object?> { ["rowsRead"] = r.RowsRead, ["invalidRows"] = r.InvalidRows, ["errors"] = r.Errors.Select(e => new { row = e.Row, column = e.Column, reason = e.Reason }).ToList() });
        return ApiEndpoints.Json(JsonSerializer.Serialize(Jobs.MonitorImportParameters.Document(outcome, dryRun, Culture), Reshore.Data.Output.EvaluationJson.Options));
    }

    private static IResult Statistics(MonitorStatisticsResult result, string? format, bool download = false)
    {
        switch (format ?? "json")
        {
            case "csv":
                return File(s => MonitorExport.WriteStatisticsCsv(s, result), "text/csv; charset=utf-8", "monitor-statistics.csv");
            case "xlsx":
                return File(s => MonitorExport.WriteStatisticsXlsx(s, result), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "monitor-statistics.xlsx");
            case "json":
                return download ? File(s => { using var w = new StreamWriter(s, leaveOpen: true); w.Write(MonitorExport.StatisticsJson(result)); }, "application/json; charset=utf-8", "monitor-statistics.json")
                    : ApiEndpoints.Json(MonitorExport.StatisticsJson(result));
            default:
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["format"] = ["must be json, csv or xlsx"] });
        }
    }

    private static IResult ExportCases(IReadOnlyList<MonitorCase> cases, string format) => format switch
    {
        "xlsx" => File(s => MonitorExport.WriteCasesXlsx(s, cases), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "monitor-cases.xlsx"),
        "json" => File(s => MonitorExport.WriteCasesJson(s, cases), "application/json; charset=utf-8", "monitor-cases.json"),
        _ => File(s => MonitorExport.WriteCasesCsv(s, cases), "text/csv; charset=utf-8", "monitor-cases.csv"),
    };

    private static IResult File(Action<Stream> write, string contentType, string name)
    {
        var buffer = new MemoryStream();
        write(buffer);
        return Results.File(buffer.ToArray(), contentType, name);
    }

    private static async Task<Dictionary<string, string?>> UserNamesAsync(ReshoreDbContext db, IEnumerable<string> ids, CancellationToken ct)
    {
        var list = ids.Distinct().ToList();
        return await db.Users.Where(u => list.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Email ?? u.UserName, ct);
    }

    private sealed record Input(MonitorCase Case, bool HasVersion, string? Comment);

    private static Input? Read(JsonElement body, out Dictionary<string, string[]> problems)
    {
        problems = [];
        var row = MonitorQuery.Row(body, problems);
        var errors = new List<MonitorError>();
        var c = problems.Count == 0 ? MonitorColumns.FromRow(row, Culture, errors) : null;
        foreach (var g in errors.GroupBy(e => e.Field)) problems[g.Key] = g.Select(e => e.Message).ToArray();
        if (c is not null && c.CompanyName.Length > 300) problems[MonitorColumns.Company] = ["must be at most 300 characters"];
        if (c is null || problems.Count > 0) return null;
        var comment = body.TryGetProperty("comment", out var cm) && cm.ValueKind == JsonValueKind.String ? cm.GetString() : null;
        return new Input(c, row.ContainsKey(MonitorColumns.Version) && row[MonitorColumns.Version] is { Length: > 0 }, comment);
    }

    private static string NoRole() => Reshore.Core.Localization.Text.Get(Culture, "Mon_Web_NoRole",
        "You have no monitor role: ask the site administrator to make you a monitor editor or reviewer.");

    private static IResult Refused(MonitorOutcome o) =>
        o.NotFound ? Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: "No such monitor case.")
        : o.Conflict ? Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Edit conflict",
            detail: $"The case was changed after the version you edited; it is now at version {o.Case?.Version}. Reload it, apply your changes again and save.",
            extensions: new Dictionary<string, object?> { ["currentVersion"] = o.Case?.Version })
        : o.Forbidden ? Forbidden(o.Refusal!)
        : o.Errors.Count > 0 ? Results.ValidationProblem(MonitorQuery.Problems(o.Errors), title: "The case is not valid", detail: o.Refusal)
        : Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Refused", detail: o.Refusal);

    private static IResult Forbidden(string detail) => Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: detail);

    private static IResult NotFound(Guid id) => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"No monitor case {id} that you may see.");
}

/// <summary>A workflow step.</summary>
public sealed record TransitionInput(string? Action, int? Version, string? Comment);

/// <summary>News text to screen.</summary>
public sealed record ScreenInput(string? Text);

/// <summary>A user's roles.</summary>
public sealed record RolesInput(IReadOnlyList<string>? Roles);
