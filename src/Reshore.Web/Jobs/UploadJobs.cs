using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Reshore.Core.MarketData;
using Reshore.Data.Dependencies;
using Reshore.Data.Output;
using Reshore.Monitor;
using Reshore.Persistence;
using Reshore.Persistence.Jobs;
using Reshore.Persistence.Monitor;
using Reshore.Web.Services;
using Reshore.Web.Services.Monitor;

namespace Reshore.Web.Jobs;

/// <summary>Settings of a sector screen of trade flows; the files themselves are the job's <see cref="JobFile"/>s (trade, codes, ecosystems, parameters).</summary>
public sealed record TradeScreeningParameters
{
    /// <summary>The country screened (ISO alpha-2 or alpha-3).</summary>
    public string Country { get; init; } = "BE";
    /// <summary>The year (null: the latest in the file).</summary>
    public int? Year { get; init; }
    /// <summary>Share of far imports moved near in the what-if, %.</summary>
    public double ShiftPct { get; init; } = 20;
    /// <summary>Currency units per value unit of the file (BACI: 1,000).</summary>
    public double ValueScale { get; init; } = 1000;
    /// <summary>Report malformed lines and screen the rest (default: refuse the file).</summary>
    public bool SkipBadRows { get; init; }

    /// <summary>The upload fields of the files, the trade flows first (required).</summary>
    public static readonly string[] FileFields = ["trade", "codes", "ecosystems", "parameters"];

    /// <summary>Reads a job's parameters.</summary>
    public static TradeScreeningParameters Of(JobRecord job) =>
        JsonSerializer.Deserialize<TradeScreeningParameters>(job.Parameters, JobQueue.Json) ?? throw new JobInputException("The job has no parameters.");

    /// <summary>
    /// Writes the files to a private temporary folder, screens, and deletes the folder: the synchronous endpoint and the job
    /// run exactly this. A user mistake is a <see cref="TradeFileException"/> that names the uploaded file, not the temporary one.
    /// </summary>
    public SectorScreenOutcome Run(IReadOnlyDictionary<string, (string FileName, byte[] Content)> files, MarketSnapshot market,
        Action<long>? linesRead = null, CancellationToken cancellation = default)
    {
        if (!files.ContainsKey("trade")) throw new TradeFileException("Give the trade flows (BACI CSV) in the field named trade.");
        var folder = Directory.CreateTempSubdirectory("reshore-trade-");
        try
        {
            var paths = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (field, (_, content)) in files)
            {
                // A name that occurs nowhere else, so that messages can be given the uploaded file's name instead.
                var path = Path.Combine(folder.FullName, $"{field}-{Guid.NewGuid():N}.csv");
                File.WriteAllBytes(path, content);
                paths[field] = path;
            }
            var request = new SectorScreenRequest(paths["trade"], paths.GetValueOrDefault("codes"), paths.GetValueOrDefault("ecosystems"), paths.GetValueOrDefault("parameters"),
                Country, Year, ShiftPct, ValueScale, SkipBadRows);
            try
            {
                return SectorScreenRun.Run(request, market.EcosystemClusters, linesRead, cancellation);
            }
            catch (TradeFileException e)
            {
                var message = e.Message;
                foreach (var (field, path) in paths)
                    message = message.Replace(path, files[field].FileName, StringComparison.Ordinal).Replace(Path.GetFileName(path), files[field].FileName, StringComparison.Ordinal);
                throw new TradeFileException(message);
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>The result document (the JSON of `reshore dependencies sectors --format json`, with the skipped lines).</summary>
    public static string Document(SectorScreenOutcome outcome) =>
        JsonSerializer.Serialize(SectorScreenJson.ToDocument(outcome.Result, outcome.SkippedRows), EvaluationJson.Options);

    /// <summary>The screen in a stored result document, for the web page.</summary>
    public static Core.Dependencies.SectorScreenResult? Read(string? json) =>
        json is null ? null : JsonSerializer.Deserialize<Core.Dependencies.SectorScreenResult>(json, JobQueue.Json);
}

/// <summary>Screens trade flows for a country's sectors (`reshore dependencies sectors` as a job) from the files stored with the job.</summary>
public sealed class TradeScreeningJobHandler(MarketSnapshot market, JobQueue queue) : IJobHandler
{
    /// <inheritdoc />
    public string Kind => JobKinds.TradeScreening;

    /// <inheritdoc />
    public async Task<JobOutcome> RunAsync(JobRun run, CancellationToken cancellation)
    {
        var p = TradeScreeningParameters.Of(run.Job);
        var files = (await queue.FilesAsync(run.Job.Id, cancellation)).ToDictionary(kv => kv.Key, kv => (kv.Value.FileName, kv.Value.Content), StringComparer.Ordinal);
        if (!files.TryGetValue("trade", out var trade)) throw new JobInputException("The job's trade file is missing.");
        // Steps are lines of the trade file.
        long lines = trade.Content.Count(b => b == (byte)'\n');
        run.Progress.Set(0, Math.Max(1, lines));
        return await Task.Factory.StartNew(() =>
        {
            try
            {
                var outcome = p.Run(files, market, done => run.Progress.Set(Math.Min(done, lines), Math.Max(1, lines)), cancellation);
                return new JobOutcome(TradeScreeningParameters.Document(outcome));
            }
            catch (TradeFileException e)
            {
                throw new JobInputException(e.Message);
            }
        }, cancellation, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }
}

/// <summary>Settings of a monitor import; the file is the job's <see cref="JobFile"/> "file".</summary>
public sealed record MonitorImportParameters
{
    /// <summary>Check only, store nothing.</summary>
    public bool DryRun { get; init; }

    /// <summary>Reads a job's parameters.</summary>
    public static MonitorImportParameters Of(JobRecord job) =>
        JsonSerializer.Deserialize<MonitorImportParameters>(job.Parameters, JobQueue.Json) ?? throw new JobInputException("The job has no parameters.");

    /// <summary>True for a .csv (or a nameless CSV upload), false for .xlsx, null for anything else.</summary>
    public static bool? IsCsv(string fileName, string? contentType = null)
    {
        var ext = Path.GetExtension(fileName).ToLowerInvariant();
        if (ext == ".csv" || (ext.Length == 0 && contentType?.Contains("csv", StringComparison.OrdinalIgnoreCase) == true)) return true;
        return ext == ".xlsx" ? false : null;
    }

    /// <summary>Parses and stores (unless a dry run) a file: all rows or none. The synchronous endpoint and the job run exactly this.</summary>
    public static async Task<ImportOutcome> ImportAsync(MonitorStore store, MonitorActor actor, byte[] content, bool csv, bool dryRun, CultureInfo culture,
        Data.Workbooks.WorkbookLimits workbook, Action? parsed = null, CancellationToken ct = default)
    {
        var existing = await store.AllAsync(ct);
        using var buffer = new MemoryStream(content, writable: false);
        var result = csv ? MonitorImport.ParseCsv(buffer, culture, existing) : MonitorImport.ParseXlsx(buffer, culture, existing, workbook);
        parsed?.Invoke();
        // A cancel that arrives while the file is parsed stops here, before anything is stored.
        ct.ThrowIfCancellationRequested();
        return await store.ImportAsync(actor, result, culture, dryRun, CancellationToken.None);
    }

    /// <summary>The answer of an import (the body of POST /api/monitor/import and a monitor-import job's result).</summary>
    public static object Document(ImportOutcome outcome, bool dryRun, CultureInfo culture)
    {
        var r = outcome.Result;
        return new
        {
            succeeded = r.Succeeded, dryRun, rowsRead = r.RowsRead, invalidRows = r.InvalidRows, stored = outcome.Stored, summary = MonitorImport.Summary(r, dryRun, culture),
            errors = r.Errors.Select(e => new { row = e.Row, column = e.Column, reason = e.Reason }).ToList(), errorsLeftOut = r.ErrorsLeftOut,
            warnings = r.Warnings.Select(w => new { row = w.Row, company = w.Match.Existing.CompanyName, reasons = w.Match.Reasons, duplicate = MonitorQuery.Dto(w.Match) }).ToList(),
            warningsLeftOut = r.WarningsLeftOut,
            cases = dryRun || !r.Succeeded ? [] : r.Cases.Select(c => c.Id).ToList(),
        };
    }
}

/// <summary>
/// Imports cases into the reshoring monitor from the file stored with the job, as the user who started it: their monitor role
/// is read again when the job runs (a role taken away in the meantime applies), and the deployment's two-person rule holds.
/// </summary>
public sealed class MonitorImportJobHandler(JobQueue queue, IConfiguration config) : IJobHandler
{
    /// <inheritdoc />
    public string Kind => JobKinds.MonitorImport;

    /// <inheritdoc />
    public async Task<JobOutcome> RunAsync(JobRun run, CancellationToken cancellation)
    {
        var p = MonitorImportParameters.Of(run.Job);
        var files = await queue.FilesAsync(run.Job.Id, cancellation);
        if (!files.TryGetValue("file", out var file)) throw new JobInputException("The job's file is missing.");
        var csv = MonitorImportParameters.IsCsv(file.FileName) ?? throw new JobInputException("The file must be a .csv or .xlsx file.");
        var db = run.Services.GetRequiredService<ReshoreDbContext>();
        var actor = await ActorAsync(db, run.Job.OwnerId, cancellation);
        if (!MonitorWorkflow.IsAllowed(actor, WorkflowAction.Create, null))
            throw new JobInputException("The user who started this import no longer has a monitor role that may add cases.");
        var culture = CultureInfo.GetCultureInfo(run.Job.Culture);
        var twoPersonRule = !string.Equals(config["Monitor:TwoPersonRule"], "false", StringComparison.OrdinalIgnoreCase);
        var store = new MonitorStore(db, run.Services.GetService<TimeProvider>() ?? TimeProvider.System, twoPersonRule);
        var workbook = (config.GetSection(ReshoreLimits.Section).Get<ReshoreLimits>() ?? new ReshoreLimits()).Workbook;
        // Steps: parse and check, then store.
        run.Progress.Set(0, 2);
        var outcome = await Task.Factory.StartNew(() => MonitorImportParameters.ImportAsync(store, actor, file.Content, csv, p.DryRun, culture, workbook,
            () => run.Progress.Set(1, 2), cancellation), cancellation, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();
        run.Progress.Set(2, 2);
        var note = outcome.Result.Succeeded ? null : "The file has errors; nothing was stored (see the result).";
        return new JobOutcome(JsonSerializer.Serialize(MonitorImportParameters.Document(outcome, p.DryRun, culture), EvaluationJson.Options), Note: note);
    }

    // The user's monitor role now, from the database (as MonitorAccess does for a request).
    private static async Task<MonitorActor> ActorAsync(ReshoreDbContext db, string? userId, CancellationToken ct)
    {
        if (userId is null) return MonitorActor.Anonymous;
        var roles = await db.UserRoles.Where(ur => ur.UserId == userId).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToListAsync(ct);
        return new MonitorActor(userId, MonitorRoles.FromRoleNames(roles));
    }
}
