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
        api.MapGet("/excel/case-template.xlsx", (CaseAnalysis analysis) =>
            Results.File(CaseWorkbook.Template(analysis.Market, CultureInfo.CurrentUICulture), Xlsx, "reshore-case-template.xlsx"))
            .WithSummary("The case template workbook (one sheet per entity, drop-down lists for countries, modes, governance models…), in the request's language.");

        api.MapGet("/cases/{id:guid}/case.json", async (Guid id, WorkspaceAccess access, CancellationToken ct) =>
            await access.CaseAsync(id, ct) is { } c
                ? Results.File(Encoding.UTF8.GetBytes(c.Case.Json), "application/json", FileName(c.Case.Name, "json"))
                : ApiEndpoints.NotFound("case", id)).WithSummary("The case file (JSON), as the CLI reads it.");
        api.MapGet("/cases/{id:guid}/case.xlsx", async (Guid id, WorkspaceAccess access, CaseAnalysis analysis, CancellationToken ct) =>
            await WithDocument(id, access, analysis, ct, (c, doc) =>
                Results.File(CaseWorkbook.FromCase(doc, analysis.MarketOf(doc), CultureInfo.CurrentUICulture), Xlsx, FileName(c.Name, "xlsx"))))
            .WithSummary("The case as a filled workbook (edit it in Excel and import it again).");
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
            try
            {
                var record = await CaseImport.ImportAsync(store, analysis, id, file, access.UserName, limits);
                return Results.Created($"/api/cases/{record.Id}", new { id = record.Id, name = record.Name, version = record.Version });
            }
            catch (CaseImportException e)
            {
                return Results.ValidationProblem(e.Errors.GroupBy(x => x.Location).ToDictionary(g => g.Key, g => g.Select(x => x.Message).ToArray()),
                    title: "The file could not be imported", detail: $"{e.Errors.Count} problem(s) in {e.FileName}; nothing was stored.");
            }
        }).DisableAntiforgery().RequireRateLimiting(RateLimits.Expensive).WithSummary("Imports a case from a workbook (.xlsx) or a case file (.yaml, .json); every problem is reported by sheet and cell (or line), and nothing is stored on error.");
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
