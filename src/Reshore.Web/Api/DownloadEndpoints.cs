using System.Text;
using Reshore.Web.Services;

namespace Reshore.Web.Api;

/// <summary>File downloads for the pages: the case file, the workbooks and the report.</summary>
public static class DownloadEndpoints
{
    /// <summary>Maps /downloads/….</summary>
    public static void Map(WebApplication app)
    {
        var downloads = app.MapGroup("/downloads").RequireAuthorization().ExcludeFromDescription();
        downloads.MapGet("/cases/{id:guid}/case.json", async (Guid id, WorkspaceAccess access, CancellationToken ct) =>
            await access.CaseAsync(id, ct) is { } c
                ? Results.File(Encoding.UTF8.GetBytes(c.Case.Json), "application/json", FileName(c.Case.Name, "json"))
                : ApiEndpoints.NotFound("case", id));
    }

    /// <summary>A safe download name from a case name.</summary>
    public static string FileName(string name, string extension)
    {
        var safe = new string(name.Select(ch => char.IsLetterOrDigit(ch) || ch is '-' or '_' ? ch : '-').ToArray()).Trim('-');
        while (safe.Contains("--", StringComparison.Ordinal)) safe = safe.Replace("--", "-", StringComparison.Ordinal);
        if (safe.Length > 80) safe = safe[..80];
        return (safe.Length == 0 ? "case" : safe) + "." + extension;
    }
}
