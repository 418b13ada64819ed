using System.Globalization;
using System.Text.Json;
using Reshore.Core.Validation;
using Reshore.Data.CaseFiles;
using Reshore.Persistence;
using Reshore.Persistence.Jobs;
using Reshore.Web.Jobs;
using Reshore.Web.Services;

namespace Reshore.Web.Api;

/// <summary>
/// Background jobs in the API: start (simulations, optimisations, reports, portfolio runs, screenings), list per workspace,
/// progress, result, cancel. Jobs follow the access rules of their workspace: its members see them; the owner and the
/// workspace's admins cancel them; viewers start them only where the workspace allows it.
/// </summary>
public static class JobEndpoints
{
    /// <summary>A 403 when the member may not start expensive work in the case's workspace; null when they may.</summary>
    public static IResult? MayNotRun((CaseRecord Case, WorkspaceRole Role) c) => MayNotRun(c.Role, c.Case.Workspace);

    /// <summary>A 403 when the role may not start expensive work in the workspace; null when it may.</summary>
    public static IResult? MayNotRun(WorkspaceRole role, Workspace? workspace) =>
        role >= WorkspaceRole.Analyst || workspace?.ViewersMayRunJobs == true
            ? null
            : ApiEndpoints.Forbidden("Viewers cannot start simulations, optimisations, reports or portfolio runs in this workspace; a workspace admin can allow it.");

    /// <summary>A 400 pointing to the job endpoint when the work asked for is over the limit of an awaited answer.</summary>
    public static IResult? TooLargeForRequest(long steps, long limit, string jobEndpoint, string measure) =>
        steps <= limit ? null : Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Too large for a direct answer; use a job",
            detail: $"This run needs {steps:N0} {measure}, more than the {limit:N0} answered directly. Start it as a background job: POST {jobEndpoint} with the same body.",
            extensions: new Dictionary<string, object?> { ["useJob"] = jobEndpoint, ["steps"] = steps, ["limit"] = limit });

    /// <summary>A validation problem naming the field when an uploaded file is larger than a job accepts; null when it fits.</summary>
    public static IResult? FileTooLargeForJob(string field, long bytes, long limit) =>
        bytes <= limit ? null : Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [$"the file has {bytes:N0} bytes; at most {limit:N0} are accepted"] });

    /// <summary>
    /// A 413 when an uploaded file is larger than a synchronous endpoint answers directly: the message names the job endpoint
    /// that takes the same form. Null when the file is small enough.
    /// </summary>
    public static IResult? FileTooLargeForRequest(string field, long bytes, long limit, string jobEndpoint) =>
        bytes <= limit ? null : Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Too large for a direct answer; use a job",
            detail: $"The {field} file has {bytes:N0} bytes, more than the {limit:N0} answered directly. Start it as a background job: POST {jobEndpoint} with the same form, then poll /api/jobs/{{id}}.",
            extensions: new Dictionary<string, object?> { ["useJob"] = jobEndpoint, ["field"] = field, ["bytes"] = bytes, ["limit"] = limit });

    /// <summary>Maps the endpoints.</summary>
    public static void Map(RouteGroupBuilder api)
    {
        var cases = api.MapGroup("/cases");
        cases.MapPost("/{id:guid}/simulations", async (Guid id, SimulateRequest? request, WorkspaceAccess access, CaseAnalysis analysis, JobQueue jobs, CancellationToken ct) =>
        {
            request ??= new SimulateRequest();
            if (ApiEndpoints.Problems(request.Problems(jobs.Limits)) is { } p) return p;
            return await StartCaseJob(id, JobKinds.Simulation, request.Item, access, analysis, jobs, ct, (doc, name) =>
            {
                // The case's own risk.scenarios is held to the same limit as the request's.
                var scenarios = request.EffectiveScenarios(doc);
                if (scenarios > jobs.Limits.MaxScenarios)
                    return (null, Results.ValidationProblem(new Dictionary<string, string[]> { ["scenarios"] = [$"the case asks for {scenarios:N0} scenarios (risk.scenarios); at most {jobs.Limits.MaxScenarios:N0} are allowed: give a smaller scenarios value"] }));
                return (new CaseJobParameters { CaseJson = "", CaseName = name, Simulate = request }, null);
            }, doc => request.Steps(doc));
        }).RequireRateLimiting(Services.Security.RateLimits.Expensive).WithSummary("Starts a simulation in the background; poll /api/jobs/{id} for progress.");
        cases.MapPost("/{id:guid}/optimizations", async (Guid id, OptimizeRequest? request, WorkspaceAccess access, CaseAnalysis analysis, JobQueue jobs, CancellationToken ct) =>
        {
            request ??= new OptimizeRequest();
            if (ApiEndpoints.Problems(request.Problems(jobs.Limits)) is { } p) return p;
            return await StartCaseJob(id, JobKinds.Optimization, request.Item, access, analysis, jobs, ct,
                (_, name) => (new CaseJobParameters { CaseJson = "", CaseName = name, Optimize = request }, null),
                doc => doc.Case.Items.Where(i => request.Item is null || i.Id == request.Item).Sum(i => Core.Optimization.OptimizationService.Steps(i.Options.Count, request.Frontier)));
        }).RequireRateLimiting(Services.Security.RateLimits.Expensive).WithSummary("Starts an optimisation in the background (a frontier sweep takes a while); poll /api/jobs/{id} for progress.");
        cases.MapPost("/{id:guid}/reports", async (Guid id, ReportRequest? request, WorkspaceAccess access, CaseAnalysis analysis, JobQueue jobs, CancellationToken ct) =>
        {
            request ??= new ReportRequest();
            return await StartCaseJob(id, JobKinds.Report, null, access, analysis, jobs, ct, (doc, name) =>
            {
                var scenarios = request.Scenarios ?? doc.Case.Risk?.Scenarios ?? Core.Risk.RiskAnalyzer.DefaultScenarios;
                if (request.Scenarios is < 0 || scenarios > jobs.Limits.MaxScenarios)
                    return (null, Results.ValidationProblem(new Dictionary<string, string[]> { ["scenarios"] = [$"must be between 0 and {jobs.Limits.MaxScenarios:N0} (the case asks for {scenarios:N0})"] }));
                return (new CaseJobParameters { CaseJson = "", CaseName = name, Report = request }, null);
            }, _ => 1);
        }).RequireRateLimiting(Services.Security.RateLimits.Expensive).WithSummary("Renders the PDF business-case report in the background; its result is the PDF.");

        var workspaces = api.MapGroup("/workspaces");
        workspaces.MapGet("/{id:guid}/jobs", async (Guid id, Guid? caseId, WorkspaceAccess access, JobQueue jobs, CancellationToken ct) =>
        {
            if (await access.RoleInAsync(id, ct) is null) return ApiEndpoints.NotFound("workspace", id);
            return Results.Ok((await jobs.ListAsync(id, 200, caseId, ct)).Select(j => Dto(j, null)));
        }).WithSummary("The workspace's jobs, newest first (the last 200): history with status, progress, owner and worker.");
        workspaces.MapPost("/{id:guid}/portfolios", async (Guid id, HttpRequest http, WorkspaceAccess access, JobQueue jobs, CaseAnalysis analysis, CancellationToken ct) =>
            await StartPartsJob(id, JobKinds.Portfolio, http, access, jobs, analysis, ct))
            .DisableAntiforgery().RequireRateLimiting(Services.Security.RateLimits.Expensive)
            .WithSummary("Starts a portfolio run from a parts list (multipart: file, and optional home, candidates, top, scenarios, seed, horizonYears, discountRatePct, hoursPerJob, shardSize): screens it, takes the top N, builds, evaluates and simulates a case per part in shard jobs, and aggregates.");
        workspaces.MapPost("/{id:guid}/screenings", async (Guid id, HttpRequest http, WorkspaceAccess access, JobQueue jobs, CaseAnalysis analysis, CancellationToken ct) =>
            await StartPartsJob(id, JobKinds.Screening, http, access, jobs, analysis, ct))
            .DisableAntiforgery().RequireRateLimiting(Services.Security.RateLimits.Expensive)
            .WithSummary("Screens a parts list in the background (multipart: file, home, candidates, top): the JSON of `reshore screen --format json`.");

        workspaces.MapPost("/{id:guid}/trade-screenings", async (Guid id, HttpRequest http, WorkspaceAccess access, JobQueue jobs, CancellationToken ct) =>
        {
            if (await access.WorkspaceAsync(id, ct) is not { } w) return ApiEndpoints.NotFound("workspace", id);
            if (MayNotRun(w.Role, w.Workspace) is { } refused) return refused;
            var (p, files, problem) = await ReadTradeForm(http, jobs.Limits.MaxJobFileBytes, ct);
            if (problem is not null) return problem;
            var start = await jobs.StartAsync(new JobSubmission
            {
                Kind = JobKinds.TradeScreening, WorkspaceId = id, OwnerId = access.UserId, OwnerName = access.UserName, Title = files!["trade"].FileName,
                Culture = CultureInfo.CurrentUICulture.Name, Parameters = p!, Total = 1, Files = files.Select(f => new JobFileInput(f.Key, f.Value.FileName, f.Value.Content)).ToList(),
            }, ct);
            return Started(start);
        }).DisableAntiforgery().RequireRateLimiting(Services.Security.RateLimits.Expensive)
            .WithSummary("Screens trade flows for a country's sectors in the background (multipart: trade, and optional codes, ecosystems, parameters files; country, year, shift, valueScale, skipBadRows): the JSON of `reshore dependencies sectors --format json`. The files are stored with the job.");
        api.MapPost("/sectors/screen", async (HttpRequest http, JobQueue jobs, CaseAnalysis analysis, CancellationToken ct) =>
        {
            var (p, files, problem) = await ReadTradeForm(http, jobs.Limits.MaxJobFileBytes, ct, jobs.Limits.MaxTradeFileBytesInRequest);
            if (problem is not null) return problem;
            try
            {
                return ApiEndpoints.Json(TradeScreeningParameters.Document(p!.Run(files!, analysis.Market, cancellation: ct)));
            }
            catch (Data.Dependencies.TradeFileException e)
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The trade files cannot be screened", detail: e.Message);
            }
        }).DisableAntiforgery().RequireRateLimiting(Services.Security.RateLimits.Expensive)
            .WithSummary("Screens trade flows for a country's sectors and answers at once (multipart as for /api/workspaces/{id}/trade-screenings). Files above Reshore:Limits:MaxTradeFileBytesInRequest (2 MB) get 413: screen them with a job.");

        api.MapGet("/jobs/{id:guid}", async (Guid id, JobQueue jobs, WorkspaceAccess access, CancellationToken ct) =>
        {
            if (await Visible(id, jobs, access, ct) is not { } v) return ApiEndpoints.NotFound("job", id);
            return Results.Ok(Dto(v.Job, v.Job.Kind == JobKinds.Portfolio ? await jobs.ChildrenAsync(id, ct) : null));
        }).WithSummary("A job: status, progress, owner, worker, attempts and what happened (note).");
        api.MapGet("/jobs/{id:guid}/result", async (Guid id, JobQueue jobs, WorkspaceAccess access, CaseAnalysis analysis, CancellationToken ct) =>
        {
            if (await Visible(id, jobs, access, ct) is not { } v) return ApiEndpoints.NotFound("job", id);
            return await Result(v.Job, jobs, analysis, ct) ?? ApiEndpoints.NotFound("job result", id);
        }).WithSummary("A job's result: the JSON of the matching CLI command (simulate, optimize, screen, portfolio), or the PDF of a report. A running portfolio gives its partial result (complete: false).");
        api.MapDelete("/jobs/{id:guid}", async (Guid id, JobQueue jobs, WorkspaceAccess access, CancellationToken ct) =>
        {
            if (await Visible(id, jobs, access, ct) is not { } v) return ApiEndpoints.NotFound("job", id);
            if (v.Job.OwnerId != access.UserId && !v.MayCancelOthers) return ApiEndpoints.Forbidden("Only who started a job, or a workspace admin (the monitor's admin for a monitor import), can cancel it.");
            await jobs.CancelAsync(id, access.UserName, ct);
            return Results.Accepted($"/api/jobs/{id}", Dto((await jobs.FindAsync(id, ct))!, null));
        }).WithSummary("Cancels a job, on whichever worker runs it.");
    }

    // A job is visible to the members of its workspace (shards through their portfolio); a monitor import, which belongs to no
    // workspace, to the monitor's editors, reviewers and admins, as its draft cases are. Cancelling another's job takes a
    // workspace admin, or the monitor's admin.
    private static async Task<(JobRecord Job, bool MayCancelOthers)?> Visible(Guid id, JobQueue jobs, WorkspaceAccess access, CancellationToken ct)
    {
        var job = await jobs.FindAsync(id, ct);
        if (job is null || job.ParentId is not null) return null;
        if (job.WorkspaceId is not { } ws)
        {
            if (job.Kind != JobKinds.MonitorImport || access.Http is not { } http) return null;
            var actor = await Services.Monitor.MonitorAccess.ActorAsync(http);
            return MonitorEndpoints.MayFollowImportJobs(actor) ? (job, actor.Role == Reshore.Monitor.MonitorRole.Admin) : null;
        }
        return await access.RoleInAsync(ws, ct) is { } role ? (job, role >= WorkspaceRole.Admin) : null;
    }

    // The form of a sector screen: the files (trade required) and the settings; with requestLimit, the trade file's limit of a direct answer.
    private static async Task<(TradeScreeningParameters? Parameters, Dictionary<string, (string FileName, byte[] Content)>? Files, IResult? Problem)> ReadTradeForm(
        HttpRequest http, long fileLimit, CancellationToken ct, long? requestLimit = null)
    {
        static IResult Bad(string field, string message) => Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });
        if (!http.HasFormContentType) return (null, null, Bad("trade", "send the files as multipart/form-data with the trade flows in a field named trade"));
        var form = await http.ReadFormAsync(ct);
        if (form.Files.GetFile("trade") is not { Length: > 0 } trade) return (null, null, Bad("trade", "give the trade flows (BACI CSV) in the field named trade"));
        if (requestLimit is { } limit && FileTooLargeForRequest("trade", trade.Length, limit, "/api/workspaces/{workspaceId}/trade-screenings") is { } tooLarge) return (null, null, tooLarge);
        var files = new Dictionary<string, (string FileName, byte[] Content)>(StringComparer.Ordinal);
        foreach (var field in TradeScreeningParameters.FileFields)
        {
            if (form.Files.GetFile(field) is not { Length: > 0 } file) continue;
            if (FileTooLargeForJob(field, file.Length, fileLimit) is { } tooLargeForJob) return (null, null, tooLargeForJob);
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, ct);
            files[field] = (Path.GetFileName(file.FileName), buffer.ToArray());
        }
        var problems = new List<(string, string)>();
        var defaults = new TradeScreeningParameters();
        var p = new TradeScreeningParameters
        {
            Country = form["country"].ToString() is { Length: > 0 } c ? c.Trim() : defaults.Country, Year = FormInt(form, "year", null, problems),
            ShiftPct = FormNumber(form, "shift", defaults.ShiftPct, problems), ValueScale = FormNumber(form, "valueScale", defaults.ValueScale, problems),
            SkipBadRows = form["skipBadRows"].ToString() is "true" or "on" or "1",
        };
        if (p.ShiftPct is < 0 or > 100) problems.Add(("shift", "must be between 0 and 100"));
        if (!(p.ValueScale > 0)) problems.Add(("valueScale", "must be positive"));
        if (p.Country.Length is not (2 or 3)) problems.Add(("country", $"'{p.Country}' is not an ISO country code"));
        return ApiEndpoints.Problems(problems) is { } bad ? (null, null, bad) : (p, files, null);
    }

    private static async Task<IResult?> Result(JobRecord job, JobQueue jobs, CaseAnalysis analysis, CancellationToken ct)
    {
        if (job.Kind == JobKinds.Portfolio && job.Result is null)
        {
            if (job.Status is JobStatus.Queued) return null;
            return ApiEndpoints.Json(PortfolioJobs.PartialResult(job, await jobs.ChildrenAsync(job.Id, ct)));
        }
        if (job.Result is null) return null;
        switch (job.ResultType)
        {
            case "application/pdf":
                var p = CaseJobParameters.Of(job);
                return Results.File(Convert.FromBase64String(job.Result), "application/pdf", DownloadEndpoints.FileName(p.CaseName, "pdf"));
            case SimulationJobHandler.ResultType:
            {
                var c = CaseJobParameters.Of(job);
                return ApiEndpoints.Json(CaseAnalysis.SimulationJsonText(SimulationJobHandler.Read(job)!, analysis.Read(c.CaseJson)));
            }
            case OptimizationJobHandler.ResultType:
            {
                var c = CaseJobParameters.Of(job);
                return ApiEndpoints.Json(CaseAnalysis.OptimizationJsonText(OptimizationJobHandler.Read(job)!, c.Optimize ?? new OptimizeRequest(), analysis.Read(c.CaseJson)));
            }
            default:
                return ApiEndpoints.Json(job.Result);
        }
    }

    // The checks every case job goes through: the case is the user's, they may run work there, it validates, the item exists;
    // then the queue checks the user's and the installation's limits atomically.
    private static async Task<IResult> StartCaseJob(Guid id, string kind, string? item, WorkspaceAccess access, CaseAnalysis analysis, JobQueue jobs, CancellationToken ct,
        Func<CaseDocument, string, (CaseJobParameters? Parameters, IResult? Problem)> parameters, Func<CaseDocument, long> total)
    {
        if (await access.CaseAsync(id, ct) is not { } c) return ApiEndpoints.NotFound("case", id);
        if (MayNotRun(c) is { } refused) return refused;
        CaseDocument doc;
        try
        {
            doc = analysis.Read(c.Case.Json);
        }
        catch (CaseValidationException e)
        {
            return ApiEndpoints.CaseProblem(e);
        }
        if (ApiEndpoints.UnknownItem(doc, item) is { } bad) return bad;
        var (p, problem) = parameters(doc, c.Case.Name);
        if (problem is not null) return problem;
        var start = await jobs.StartAsync(new JobSubmission
        {
            Kind = kind, WorkspaceId = c.Case.WorkspaceId, CaseId = id, CaseVersion = c.Case.Version, OwnerId = access.UserId, OwnerName = access.UserName,
            Title = c.Case.Name, Culture = CultureInfo.CurrentUICulture.Name, Parameters = p! with { CaseJson = c.Case.Json }, Total = total(doc),
        }, ct);
        return Started(start);
    }

    /// <summary>202 with the job, or the queue's refusal (429).</summary>
    internal static IResult Started(JobStart start) => start.Job is { } job
        ? Results.Accepted($"/api/jobs/{job.Id}", Dto(job, null))
        : Results.Problem(statusCode: start.Status, title: start.Title, detail: start.Detail);

    private static async Task<IResult> StartPartsJob(Guid id, string kind, HttpRequest http, WorkspaceAccess access, JobQueue jobs, CaseAnalysis analysis, CancellationToken ct)
    {
        if (await access.WorkspaceAsync(id, ct) is not { } w) return ApiEndpoints.NotFound("workspace", id);
        if (MayNotRun(w.Role, w.Workspace) is { } refused) return refused;
        if (!http.HasFormContentType)
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["file"] = ["send the parts list as multipart/form-data with a field named file"] });
        var form = await http.ReadFormAsync(ct);
        if (form.Files.GetFile("file") is not { Length: > 0 } file)
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["file"] = ["give a parts list (.csv or .xlsx) in the field named file"] });
        if (FileTooLargeForJob("file", file.Length, jobs.Limits.MaxPartsFileBytes) is { } tooLarge) return tooLarge;
        var problems = new List<(string, string)>();
        int? Int(string name, int? fallback) => FormInt(form, name, fallback, problems);
        double Num(string name, double fallback) => FormNumber(form, name, fallback, problems);
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        var defaults = new PortfolioParameters { FileName = "", FileBase64 = "" };
        var candidates = form["candidates"].ToString();
        var p = new PortfolioParameters
        {
            FileName = Path.GetFileName(file.FileName), FileBase64 = Convert.ToBase64String(buffer.ToArray()),
            Home = form["home"].ToString() is { Length: > 0 } h ? h.Trim().ToUpperInvariant() : defaults.Home,
            Candidates = candidates.Length > 0 ? candidates.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(x => x.ToUpperInvariant()).ToList() : defaults.Candidates,
            Top = Int("top", null), Scenarios = Int("scenarios", defaults.Scenarios)!.Value, Seed = Int("seed", defaults.Seed)!.Value,
            HorizonYears = Int("horizonYears", defaults.HorizonYears)!.Value, DiscountRatePct = Num("discountRatePct", defaults.DiscountRatePct),
            HoursPerJob = Num("hoursPerJob", defaults.HoursPerJob), ShardSize = Int("shardSize", defaults.ShardSize)!.Value,
        };
        problems.AddRange(p.Problems(analysis.Market, jobs.Limits));
        if (ApiEndpoints.Problems(problems) is { } bad) return bad;
        var start = await jobs.StartAsync(new JobSubmission
        {
            Kind = kind, WorkspaceId = id, OwnerId = access.UserId, OwnerName = access.UserName, Title = p.FileName,
            Culture = CultureInfo.CurrentUICulture.Name, Parameters = p, Total = p.Top ?? 0,
        }, ct);
        return Started(start);
    }

    // A whole number from a form field (the fallback when empty), or a problem naming the field.
    private static int? FormInt(IFormCollection form, string name, int? fallback, List<(string, string)> problems)
    {
        var text = form[name].ToString();
        if (string.IsNullOrWhiteSpace(text)) return fallback;
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v)) return v;
        problems.Add((name, $"'{text}' is not a whole number"));
        return fallback;
    }

    // A finite number from a form field (the fallback when empty), or a problem naming the field.
    private static double FormNumber(IFormCollection form, string name, double fallback, List<(string, string)> problems)
    {
        var text = form[name].ToString();
        if (string.IsNullOrWhiteSpace(text)) return fallback;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v)) return v;
        problems.Add((name, $"'{text}' is not a number"));
        return fallback;
    }

    /// <summary>A job as the API shows it.</summary>
    public static object Dto(JobRecord j, IReadOnlyList<JobRecord>? shards)
    {
        long done = j.Done, total = j.Total;
        if (shards is { Count: > 0 } && !JobStatus.IsFinal(j.Status))
        {
            done = shards.Sum(s => s.Done);
            total = shards.Sum(s => s.Total);
        }
        return new
        {
            id = j.Id, kind = j.Kind, workspaceId = j.WorkspaceId, caseId = j.CaseId, caseVersion = j.CaseVersion, title = j.Title, owner = j.OwnerName,
            status = j.Status, done, total, percent = total == 0 ? 0 : Math.Min(100, Math.Round(100.0 * done / total, 1)),
            error = j.Error, note = j.Note, node = j.Node, attempts = j.Attempts, cancelRequested = j.CancelRequested, cancelledBy = j.CancelledBy,
            createdUtc = j.CreatedUtc, startedUtc = j.StartedUtc, finishedUtc = j.FinishedUtc,
            shards = shards is null ? null : new
            {
                total = shards.Count, completed = shards.Count(s => s.Status == JobStatus.Completed), running = shards.Count(s => s.Status == JobStatus.Running),
                rerun = shards.Count(s => s.Attempts > 1), nodes = shards.Where(s => s.Node is not null).Select(s => s.Node!).Distinct().Order().ToList(),
            },
            result = j.Status == JobStatus.Completed || (j.Kind == JobKinds.Portfolio && j.Status != JobStatus.Queued) ? $"/api/jobs/{j.Id}/result" : null,
        };
    }
}
