using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Reshore.Core.MarketData;
using Reshore.Core.Screening;
using Reshore.Core.Values;
using Reshore.Data.Output;
using Reshore.Data.Screening;
using Reshore.Persistence;
using Reshore.Persistence.Jobs;

namespace Reshore.Web.Jobs;

/// <summary>Parameters of a portfolio run or a screening: the parts list as uploaded and the run's settings.</summary>
public sealed record PortfolioParameters
{
    /// <summary>File name (its extension says .csv or .xlsx).</summary>
    public required string FileName { get; init; }
    /// <summary>The file, base64.</summary>
    public required string FileBase64 { get; init; }
    /// <summary>Home country.</summary>
    public string Home { get; init; } = "BE";
    /// <summary>Candidate locations besides home.</summary>
    public List<string> Candidates { get; init; } = ["PL", "RO", "CZ", "PT", "TR"];
    /// <summary>Keep the N most attractive parts (null: all).</summary>
    public int? Top { get; init; }
    /// <summary>Scenarios per part.</summary>
    public int Scenarios { get; init; } = 200;
    /// <summary>Seed.</summary>
    public int Seed { get; init; } = 1;
    /// <summary>Business-case horizon, years.</summary>
    public int HorizonYears { get; init; } = 5;
    /// <summary>Discount rate, %.</summary>
    public double DiscountRatePct { get; init; } = 8;
    /// <summary>Hours per full-time job and year.</summary>
    public double HoursPerJob { get; init; } = PortfolioSettings.DefaultHoursPerJob;
    /// <summary>Parts per shard.</summary>
    public int ShardSize { get; init; } = 25;

    /// <summary>The problems with the parameters, as (field, message).</summary>
    public IEnumerable<(string Field, string Message)> Problems(MarketSnapshot market, JobLimits limits)
    {
        var ext = Path.GetExtension(FileName).ToLowerInvariant();
        if (ext is not (".csv" or ".xlsx" or ".txt")) yield return ("file", $"parts lists are .csv or .xlsx, not '{ext}'");
        foreach (var (field, code) in Candidates.Select(c => ("candidates", c)).Prepend(("home", Home)))
            if (!CountryCode.TryParse(code, out var cc) || !market.Countries.ContainsKey(cc)) yield return (field, $"'{code}' is not a country with reference data");
        if (Candidates.Count == 0) yield return ("candidates", "name at least one country");
        if (Top is { } t && (t < 1 || t > limits.MaxPortfolioParts)) yield return ("top", $"must be between 1 and {limits.MaxPortfolioParts:N0}");
        if (Scenarios < 10 || Scenarios > limits.MaxPortfolioScenarios) yield return ("scenarios", $"must be between 10 and {limits.MaxPortfolioScenarios:N0}");
        if (HorizonYears is < 1 or > 30) yield return ("horizonYears", "must be between 1 and 30");
        if (!(DiscountRatePct >= 0 && DiscountRatePct <= 50)) yield return ("discountRatePct", "must be between 0 and 50");
        if (!(HoursPerJob >= 100 && HoursPerJob <= 4000)) yield return ("hoursPerJob", "must be between 100 and 4,000");
        if (ShardSize is < 1 or > 1000) yield return ("shardSize", "must be between 1 and 1,000");
    }

    /// <summary>The engine's settings.</summary>
    public PortfolioSettings ToSettings(CultureInfo culture) => new()
    {
        Screening = new ScreeningOptions { Culture = culture, Home = CountryCode.Parse(Home), Candidates = Candidates.Select(CountryCode.Parse).ToList() },
        Top = Top, Scenarios = Scenarios, Seed = Seed, HorizonYears = HorizonYears, DiscountRatePct = DiscountRatePct, HoursPerJob = HoursPerJob, ShardSize = ShardSize,
    };

    /// <summary>Reads a job's parameters.</summary>
    public static PortfolioParameters Of(JobRecord job) =>
        JsonSerializer.Deserialize<PortfolioParameters>(job.Parameters, JobQueue.Json) ?? throw new JobInputException("The job has no parameters.");

    /// <summary>Reads, screens and ranks the parts list: the kept parts, the rows read and the row errors.</summary>
    public (IReadOnlyList<ScreenedPart> Ranked, int RowsRead, IReadOnlyList<RowError> Errors) Screen(MarketSnapshot market, CultureInfo culture)
    {
        var folder = Directory.CreateTempSubdirectory("reshore-parts-");
        try
        {
            var path = Path.Combine(folder.FullName, "parts" + Path.GetExtension(FileName).ToLowerInvariant());
            File.WriteAllBytes(path, Convert.FromBase64String(FileBase64));
            var reader = new PartsReader(market);
            try
            {
                var ranked = PortfolioRunner.Rank(reader.Read(path), market, ToSettings(culture));
                return (ranked, reader.RowsRead, reader.Errors);
            }
            catch (PartsFileException e)
            {
                throw new JobInputException(e.Message.Replace(path, FileName, StringComparison.Ordinal));
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}

/// <summary>Parameters of a portfolio shard: the parts it evaluates (the list itself is read from the portfolio job).</summary>
public sealed record PortfolioShardParameters(Guid ParentId, List<string> PartIds);

/// <summary>Screens a parts list (`reshore screen` as a job).</summary>
public sealed class ScreeningJobHandler(MarketSnapshot market) : IJobHandler
{
    /// <inheritdoc />
    public string Kind => JobKinds.Screening;

    /// <inheritdoc />
    public Task<JobOutcome> RunAsync(JobRun run, CancellationToken cancellation) => Task.Run(() =>
    {
        var p = PortfolioParameters.Of(run.Job);
        var culture = CultureInfo.GetCultureInfo(run.Job.Culture);
        var (ranked, rows, errors) = p.Screen(market, culture);
        run.Progress.Set(rows, rows);
        var options = p.ToSettings(culture).Screening;
        return new JobOutcome(JsonSerializer.Serialize(ScreeningOutput.ToDocument(ranked, errors, rows, options), EvaluationJson.Options));
    }, cancellation);
}

/// <summary>
/// Plans a portfolio run: screens and ranks the parts list, keeps the top N and splits them into shard jobs, which workers
/// on any node run in parallel. The portfolio stays running until its last shard ends (<see cref="PortfolioJobs.TryFinishAsync"/>).
/// </summary>
public sealed class PortfolioJobHandler(MarketSnapshot market, JobQueue queue, IOptions<JobSettings> settings) : IJobHandler
{
    /// <inheritdoc />
    public string Kind => JobKinds.Portfolio;

    /// <inheritdoc />
    public async Task<JobOutcome> RunAsync(JobRun run, CancellationToken cancellation)
    {
        var existing = await queue.ChildrenAsync(run.Job.Id, cancellation);
        if (existing.Count > 0)
        {
            // Planned before its worker stopped: the shards exist; make sure each queued one is scheduled.
            foreach (var shard in existing.Where(s => s.Status == JobStatus.Queued)) await queue.ScheduleAsync(shard.Id, cancellation);
            run.Progress.Set(existing.Sum(s => s.Done), existing.Sum(s => s.Total));
            await PortfolioJobs.TryFinishAsync(run.Services, run.Job.Id, cancellation);
            return new JobOutcome(null, StaysRunning: true, Note: run.Job.Note);
        }
        var p = PortfolioParameters.Of(run.Job);
        var culture = CultureInfo.GetCultureInfo(run.Job.Culture);
        var (ranked, rows, errors) = await Task.Run(() => p.Screen(market, culture), cancellation);
        if (ranked.Count == 0)
            throw new JobInputException(errors.Count > 0
                ? $"None of the {rows} rows can be screened; first problem: row {errors[0].Row}, column {errors[0].Column}: {errors[0].Message}"
                : "The parts list has no rows.");
        var size = Math.Max(1, p.ShardSize > 0 ? p.ShardSize : settings.Value.PortfolioShardSize);
        var shards = ranked.Chunk(size).Select((chunk, i) => new JobRecord
        {
            Kind = JobKinds.PortfolioShard, ParentId = run.Job.Id, Shard = i, WorkspaceId = run.Job.WorkspaceId, OwnerId = run.Job.OwnerId, OwnerName = run.Job.OwnerName,
            Title = $"{run.Job.Title} · shard {i + 1}", Culture = run.Job.Culture, Total = chunk.Length,
            Parameters = JsonSerializer.Serialize(new PortfolioShardParameters(run.Job.Id, chunk.Select(s => s.Part.Id).ToList()), JobQueue.Json),
        }).ToList();
        cancellation.ThrowIfCancellationRequested();
        await queue.AddChildrenAsync(shards, cancellation);
        run.Progress.Set(0, ranked.Count);
        var rejected = errors.Select(e => e.Row).Distinct().Count();
        return new JobOutcome(null, StaysRunning: true,
            Note: $"{rows} rows read, {rows - rejected} screened, {rejected} rejected; {ranked.Count} parts in {shards.Count} shards.");
    }
}

/// <summary>Evaluates and simulates one shard of a portfolio's parts.</summary>
public sealed class PortfolioShardJobHandler(MarketSnapshot market, JobQueue queue) : IJobHandler
{
    /// <inheritdoc />
    public string Kind => JobKinds.PortfolioShard;

    /// <inheritdoc />
    public async Task<JobOutcome> RunAsync(JobRun run, CancellationToken cancellation)
    {
        var shard = JsonSerializer.Deserialize<PortfolioShardParameters>(run.Job.Parameters, JobQueue.Json) ?? throw new JobInputException("The shard has no parameters.");
        var parent = await queue.FindAsync(shard.ParentId, cancellation) ?? throw new JobInputException("The portfolio run of this shard no longer exists.");
        var p = PortfolioParameters.Of(parent);
        var culture = CultureInfo.GetCultureInfo(parent.Culture);
        return await Task.Factory.StartNew(() =>
        {
            var (ranked, _, _) = p.Screen(market, culture);
            var byId = ranked.ToDictionary(s => s.Part.Id, StringComparer.Ordinal);
            var parts = shard.PartIds.Where(byId.ContainsKey).Select(id => byId[id]).ToList();
            run.Progress.Set(0, parts.Count);
            var results = PortfolioRunner.RunAll(parts, market, p.ToSettings(culture), culture, done => run.Progress.Set(done, parts.Count), cancellation);
            return new JobOutcome(JsonSerializer.Serialize(results, JobQueue.Json));
        }, cancellation, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }
}

/// <summary>Finishing and reading portfolio runs.</summary>
public static class PortfolioJobs
{
    /// <summary>
    /// Ends a portfolio run once every shard has ended: completed with the aggregate, or cancelled or failed with the
    /// partial result of the shards that completed. Safe to call from several workers at once: only one update wins.
    /// </summary>
    public static async Task TryFinishAsync(IServiceProvider services, Guid parentId, CancellationToken ct)
    {
        var db = services.GetRequiredService<ReshoreDbContext>();
        var parent = await db.Jobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == parentId, ct);
        if (parent is null || parent.Kind != JobKinds.Portfolio || JobStatus.IsFinal(parent.Status)) return;
        var shards = await db.Jobs.AsNoTracking().Where(j => j.ParentId == parentId).ToListAsync(ct);
        if (shards.Count == 0)
        {
            // Not planned yet; a cancelled plan ends here.
            if (parent.CancelRequested && parent.Status == JobStatus.Queued) await End(JobStatus.Cancelled, null, null);
            return;
        }
        if (shards.Any(s => !JobStatus.IsFinal(s.Status))) return;
        var p = PortfolioParameters.Of(parent);
        var parts = Parts(shards);
        var failed = shards.FirstOrDefault(s => s.Status == JobStatus.Failed);
        var status = parent.CancelRequested ? JobStatus.Cancelled : failed is not null ? JobStatus.Failed : JobStatus.Completed;
        var json = JsonSerializer.Serialize(PortfolioJson.ToDocument(parts, p.ToSettings(CultureInfo.GetCultureInfo(parent.Culture)), status == JobStatus.Completed,
            (int)shards.Sum(s => s.Total)), EvaluationJson.Options);
        await End(status, json, failed is null ? null : $"Shard {failed.Shard + 1} failed: {failed.Error}");

        Task End(string s, string? result, string? error)
        {
            var now = DateTime.UtcNow;
            var rerun = shards.Count(x => x.Attempts > 1);
            var note = rerun > 0 ? $"{parent.Note} Resumed after a worker stopped: finished shards were kept and {rerun} shard(s) ran again from their start.".Trim() : parent.Note;
            if (note?.Length > 1000) note = note[..1000];
            long done = shards.Sum(x => x.Done), total = shards.Sum(x => x.Total);
            return db.Jobs.Where(j => j.Id == parentId && j.Status != JobStatus.Completed && j.Status != JobStatus.Cancelled && j.Status != JobStatus.Failed)
                .ExecuteUpdateAsync(u => u.SetProperty(j => j.Status, s).SetProperty(j => j.Result, result).SetProperty(j => j.ResultType, result == null ? null : "application/json")
                    .SetProperty(j => j.Error, error).SetProperty(j => j.FinishedUtc, now).SetProperty(j => j.Done, done).SetProperty(j => j.Total, total)
                    .SetProperty(j => j.Note, note), CancellationToken.None);
        }
    }

    /// <summary>The part results of the completed shards.</summary>
    public static List<PortfolioPartResult> Parts(IEnumerable<JobRecord> shards) =>
        shards.Where(s => s.Status == JobStatus.Completed && s.Result is not null)
            .SelectMany(s => JsonSerializer.Deserialize<List<PortfolioPartResult>>(s.Result!, JobQueue.Json) ?? []).OrderBy(r => r.Rank).ToList();

    /// <summary>The result so far of a running portfolio (complete: false), from the shards that completed.</summary>
    public static string PartialResult(JobRecord parent, IReadOnlyList<JobRecord> shards) =>
        JsonSerializer.Serialize(PortfolioJson.ToDocument(Parts(shards), PortfolioParameters.Of(parent).ToSettings(CultureInfo.GetCultureInfo(parent.Culture)), false,
            (int)shards.Sum(s => s.Total)), EvaluationJson.Options);
}
