using System.Globalization;
using System.Text;
using Reshore.Core.Validation;
using Reshore.Excel;
using Reshore.Persistence;
using Reshore.Reports;
using Reshore.Web.Services;
using Reshore.Web.Services.Security;

namespace Reshore.Web.Api;

/// <summary>Files: the case (JSON, workbook), the results workbook, the business-case report (HTML, PDF), the Excel template, and imports.</summary>
public static class DownloadEndpoints
{
    /// <summary>Maps the endpoints under /api.</summary>
    public static void Map(WebApplication app)
    {
        var api = app.MapGroup("/api").RequireAuthorization().WithTags("Files");
        api.MapGet("/excel/case-template.xlsx", (string? layout, CaseAnalysis analysis) =>
            Simple(layout)
                ? Results.File(CaseTemplate.Empty(analysis.Market, CultureInfo.CurrentUICulture), Xlsx, "reshore-case-template-simple.xlsx")
                : Results.File(CaseWorkbook.Template(analysis.Market, CultureInfo.CurrentUICulture), Xlsx, "reshore-case-template.xlsx"))
            .WithSummary("The case template workbook in the request's language: ?layout=simple gives factors as rows and options as columns; the default (advanced) one sheet per entity. Both have drop-down lists.");

        api.MapGet("/cases/{id:guid}/case.json", async (Guid id, WorkspaceAccess access, CancellationToken ct) =>
            await access.CaseAsync(id, ct) is { } c
                ? Results.File(Encoding.UTF8.GetBytes(c.Case.Json), "application/json", FileName(c.Case.Name, "json"))
                : ApiEndpoints.NotFound("case", id)).WithSummary("The case file (JSON), as the CLI reads it.");
        api.MapGet("/cases/{id:guid}/case.xlsx", async (Guid id, string? layout, WorkspaceAccess access, CaseAnalysis analysis, CancellationToken ct) =>
            await WithDocument(id, access, analysis, ct, (c, doc) => Simple(layout)
                ? Results.File(CaseTemplate.FromCase(c.Json, "case.json", c.Id.ToString(), analysis.MarketOf(doc), CultureInfo.CurrentUICulture), Xlsx, FileName(c.Name, "xlsx"))
                : Results.File(CaseWorkbook.FromCase(doc, analysis.MarketOf(doc), CultureInfo.CurrentUICulture), Xlsx, FileName(c.Name, "xlsx"))))
            .WithSummary("The case as a filled workbook (edit it in Excel and import it again). ?layout=simple: factors × options with the case id, so importing it into the workspace updates this case.");
        api.MapGet("/cases/{id:guid}/results.xlsx", async (Guid id, WorkspaceAccess access, CaseAnalysis analysis, Jobs.JobQueue jobs, CancellationToken ct) =>
        {
            var latest = await jobs.LatestSimulationAsync(id, access.UserId, ct);
            return await WithDocument(id, access, analysis, ct, (c, doc) =>
            {
                var culture = CultureInfo.CurrentUICulture;
                var simulation = latest is { CaseVersion: var v } && v == c.Version ? Jobs.SimulationJobHandler.Read(latest) : null;
                return Results.File(ResultsWorkbook.Export(analysis.Evaluate(doc, culture), culture, simulation), Xlsx, FileName(c.Name + "-results", "xlsx"));
            });
        }).RequireRateLimiting(RateLimits.Expensive).WithSummary("Results workbook: comparison, cost lines with formulas and sources, horizon, business case (and your latest simulation of this version).");
        api.MapGet("/cases/{id:guid}/report.html", async (Guid id, int? scenarios, WorkspaceAccess access, CaseAnalysis analysis, Jobs.JobQueue jobs, CancellationToken ct) =>
            await WithReport(id, scenarios, access, analysis, jobs, ct, (c, doc, n) =>
                Results.Text(BusinessCaseReport.Html(Report(doc, analysis, n, c, ct), CultureInfo.CurrentUICulture), "text/html; charset=utf-8")))
            .RequireRateLimiting(RateLimits.Expensive).WithSummary("The business-case report as one self-contained HTML page (?scenarios=N sets the risk simulation; 0 leaves it out).");
        api.MapGet("/cases/{id:guid}/report.pdf", async (Guid id, int? scenarios, WorkspaceAccess access, CaseAnalysis analysis, Jobs.JobQueue jobs, CancellationToken ct) =>
            await WithReport(id, scenarios, access, analysis, jobs, ct, (c, doc, n) =>
                Results.File(BusinessCaseReport.Pdf(Report(doc, analysis, n, c, ct), CultureInfo.CurrentUICulture), "application/pdf", FileName(c.Name, "pdf"))))
            .RequireRateLimiting(RateLimits.Expensive).WithSummary("The business-case report as PDF, charts as vector graphics.");

        api.MapPost("/workspaces/{id:guid}/cases/import", async (Guid id, IFormFile file, WorkspaceAccess access, CaseStore store, CaseAnalysis analysis, ReshoreLimits limits, CancellationToken ct) =>
        {
            if (await access.RoleInAsync(id, ct) is not { } role) return ApiEndpoints.NotFound("workspace", id);
            if (role < WorkspaceRole.Analyst) return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: "Viewers cannot create cases.");
            return await Import(id, null, file, access, store, analysis, limits, ct);
        }).DisableAntiforgery().RequireRateLimiting(RateLimits.Expensive).WithSummary("Imports a case from a workbook (.xlsx) or a case file (.yaml, .json); every problem is reported by sheet and cell (or line), and nothing is stored on error. A simple-layout workbook that carries the id of a case in this workspace updates that case (200, with the comparison) instead of creating another (201).");
        api.MapPost("/cases/{id:guid}/import", async (Guid id, IFormFile file, WorkspaceAccess access, CaseStore store, CaseAnalysis analysis, ReshoreLimits limits, CancellationToken ct) =>
        {
            if (await access.CaseAsync(id, ct) is not { } c) return ApiEndpoints.NotFound("case", id);
            if (c.Role < WorkspaceRole.Analyst) return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: "Viewers cannot change cases.");
            return await Import(c.Case.WorkspaceId, id, file, access, store, analysis, limits, ct);
        }).DisableAntiforgery().RequireRateLimiting(RateLimits.Expensive).WithSummary("Updates this case from a workbook or case file as a new version; answers with what changed (inputs, each option's TCO and NPV, the verdict). Nothing is stored on error.");

        api.MapGet("/cases/{id:guid}/versions", async (Guid id, WorkspaceAccess access, CaseStore store, CancellationToken ct) =>
            await access.CaseAsync(id, ct) is { } c
                ? Results.Ok((await store.VersionsAsync(id, ct)).Select(v => new { version = v.Version, name = v.Name, savedUtc = v.SavedUtc, savedBy = v.SavedBy, note = v.Note }))
                : ApiEndpoints.NotFound("case", id)).WithSummary("The saved versions of a case, newest first.");
        api.MapGet("/cases/{id:guid}/compare", async (Guid id, int? from, int? to, WorkspaceAccess access, CaseStore store, CaseAnalysis analysis, CancellationToken ct) =>
        {
            if (await access.CaseAsync(id, ct) is not { } c) return ApiEndpoints.NotFound("case", id);
            var newer = to ?? c.Case.Version;
            var older = from ?? newer - 1;
            var comparison = await CaseComparisons.CompareAsync(store, analysis, await access.MarketAsync(c.Case.WorkspaceId, ct), id, older, newer, CultureInfo.CurrentUICulture, ct);
            return comparison is null
                ? Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"Version {older} or {newer} of this case was not kept.")
                : Results.Ok(CaseComparisons.ToJson(id, older, newer, comparison));
        }).WithSummary("Compares two versions of a case (?from=&to=, default: the previous and the current): inputs changed, each option's TCO per unit, present cost and NPV against the status quo, and the verdict.");
    }

    private static bool Simple(string? layout) => string.Equals(layout, "simple", StringComparison.OrdinalIgnoreCase);

    private static async Task<IResult> Import(Guid workspaceId, Guid? caseId, IFormFile file, WorkspaceAccess access, CaseStore store, CaseAnalysis analysis, ReshoreLimits limits, CancellationToken ct)
    {
        try
        {
            var outcome = await CaseImport.ImportOrUpdateAsync(store, analysis, workspaceId, file, access.UserName, limits, caseId);
            var record = outcome.Record;
            if (outcome.PreviousVersion is not { } previous)
                return Results.Created($"/api/cases/{record.Id}", new { id = record.Id, name = record.Name, version = record.Version, updated = false });
            var comparison = await CaseComparisons.CompareAsync(store, analysis, await access.MarketAsync(workspaceId, ct), record.Id, previous, record.Version, CultureInfo.CurrentUICulture, ct);
            return Results.Ok(new { id = record.Id, name = record.Name, version = record.Version, updated = true, previousVersion = previous,
                comparison = comparison is null ? null : CaseComparisons.ToJson(record.Id, previous, record.Version, comparison) });
        }
        catch (CaseImportException e)
        {
            return Results.ValidationProblem(e.Errors.GroupBy(x => x.Location).ToDictionary(g => g.Key, g => g.Select(x => x.Message).ToArray()),
                title: "The file could not be imported", detail: $"{e.Errors.Count} problem(s) in {e.FileName}; nothing was stored.");
        }
    }

    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static ReportInput Report(Reshore.Data.CaseFiles.CaseDocument doc, CaseAnalysis analysis, int scenarios, CaseRecord c, CancellationToken ct) =>
        ReportBuilder.Build(doc, analysis.MarketOf(doc), CultureInfo.CurrentUICulture, new ReportOptions { Scenarios = scenarios }, c.Name, ct);

    // A report simulates the case's risk: the scenarios (asked for, or the case's own risk.scenarios) × items must stay
    // within the limit of an awaited answer, and a viewer needs the workspace's leave to run it.
    private static async Task<IResult> WithReport(Guid id, int? scenarios, WorkspaceAccess access, CaseAnalysis analysis, Jobs.JobQueue jobs, CancellationToken ct,
        Func<CaseRecord, Reshore.Data.CaseFiles.CaseDocument, int, IResult> run)
    {
        if (await access.CaseAsync(id, ct) is not { } c) return ApiEndpoints.NotFound("case", id);
        return await WithDocument(id, access, analysis, ct, (record, doc) =>
        {
            var n = Math.Max(0, scenarios ?? doc.Case.Risk?.Scenarios ?? Core.Risk.RiskAnalyzer.DefaultScenarios);
            if (n > 0 && JobEndpoints.MayNotRun(c) is { } refused) return refused;
            if (JobEndpoints.TooLargeForRequest((long)n * doc.Case.Items.Count, jobs.Limits.MaxScenariosInRequest, $"/api/cases/{id}/reports", "scenarios × items") is { } tooLarge) return tooLarge;
            return run(record, doc, n);
        });
    }

    private static async Task<IResult> WithDocument(Guid id, WorkspaceAccess access, CaseAnalysis analysis, CancellationToken ct, Func<CaseRecord, Reshore.Data.CaseFiles.CaseDocument, IResult> run)
    {
        if (await access.CaseAsync(id, ct) is not { } c) return ApiEndpoints.NotFound("case", id);
        try
        {
            return run(c.Case, analysis.Read(c.Case.Json, await access.MarketAsync(c.Case.WorkspaceId, ct)));
        }
        catch (CaseValidationException e)
        {
            return ApiEndpoints.CaseProblem(e);
        }
    }

    /// <summary>A safe download name from a case name.</summary>
    public static string FileName(string name, string extension)
    {
        var safe = new string(name.Select(ch => char.IsLetterOrDigit(ch) || ch is '-' or '_' ? ch : '-').ToArray()).Trim('-');
        while (safe.Contains("--", StringComparison.Ordinal)) safe = safe.Replace("--", "-", StringComparison.Ordinal);
        if (safe.Length > 80) safe = safe[..80].TrimEnd('-');
        return (safe.Length == 0 ? "case" : safe) + "." + extension;
    }
}
