namespace Reshore.Web.Jobs;

/// <summary>How this process takes part in running jobs (configuration section Reshore:Jobs).</summary>
public sealed class JobSettings
{
    /// <summary>Whether this process runs jobs (a worker); `serve --no-worker` turns it off, `reshore worker` on.</summary>
    public bool Worker { get; set; } = true;
    /// <summary>Jobs this process runs at a time (default: all cores but one, at least one).</summary>
    public int Concurrency { get; set; } = Math.Max(1, Environment.ProcessorCount - 1);
    /// <summary>Name of this node in the cluster (default: host name and a unique suffix).</summary>
    public string? NodeName { get; set; }
    /// <summary>How often a worker tells the cluster it is alive, seconds; a worker silent for about twice as long is taken for dead and its jobs run elsewhere.</summary>
    public double ClusterCheckinSeconds { get; set; } = 5;
    /// <summary>
    /// How long an idle worker waits before it looks in the database for new work, seconds. Work queued in the same process
    /// wakes it at once; work queued by another process (a web instance, a worker that split a portfolio into shards) is found
    /// at the next look, so this is the longest such a job waits for an idle worker. Quartz's own default is 30 s; at least 1 s.
    /// </summary>
    public double IdleWaitSeconds { get; set; } = 2;
    /// <summary>How often a running job writes its progress and looks for a cancel request, seconds.</summary>
    public double ProgressSeconds { get; set; } = 1;
    /// <summary>Parts per portfolio shard job.</summary>
    public int PortfolioShardSize { get; set; } = 25;
}

/// <summary>Limits an administrator sets (configuration section Reshore:Limits); see docs/security.md and docs/deploy.md.</summary>
public sealed class JobLimits
{
    /// <summary>Jobs one user may have queued or running at once.</summary>
    public int MaxActiveJobsPerUser { get; set; } = 2;
    /// <summary>Jobs queued or running in the whole installation.</summary>
    public int MaxActiveJobs { get; set; } = 200;
    /// <summary>Most scenarios per item in a background simulation (from the request or the case's own risk.scenarios).</summary>
    public int MaxScenarios { get; set; } = 1_000_000;
    /// <summary>Most scenarios × items in a synchronous simulation or report; above it the answer is "use a job".</summary>
    public int MaxScenariosInRequest { get; set; } = 100_000;
    /// <summary>Most scenarios in the optimiser's stochastic program.</summary>
    public int MaxOptimizerScenarios { get; set; } = 5_000;
    /// <summary>Most optimiser scenarios × items in a synchronous optimisation (a frontier counts eleven times); above it "use a job".</summary>
    public int MaxOptimizerScenariosInRequest { get; set; } = 1_000;
    /// <summary>Most parts in a portfolio run.</summary>
    public int MaxPortfolioParts { get; set; } = 20_000;
    /// <summary>Most scenarios per part in a portfolio run.</summary>
    public int MaxPortfolioScenarios { get; set; } = 5_000;
    /// <summary>Largest parts list upload, bytes.</summary>
    public long MaxPartsFileBytes { get; set; } = 20 * 1024 * 1024;
    /// <summary>Largest trade file a synchronous sector screen (POST /api/sectors/screen, the sector page's upload) reads; above it "use a job".</summary>
    public long MaxTradeFileBytesInRequest { get; set; } = 2 * 1024 * 1024;
    /// <summary>Largest file a synchronous monitor import (POST /api/monitor/import, the import page) reads; above it "use a job".</summary>
    public long MaxMonitorImportBytesInRequest { get; set; } = 1024 * 1024;
    /// <summary>Largest file a trade-screening or monitor-import job accepts (each file; MaxRequestBodyBytes limits the whole upload too).</summary>
    public long MaxJobFileBytes { get; set; } = 16 * 1024 * 1024;
}

/// <summary>Job kinds.</summary>
public static class JobKinds
{
    /// <summary>A risk simulation of a case.</summary>
    public const string Simulation = "simulation";
    /// <summary>An optimisation of a case's sourcing mix.</summary>
    public const string Optimization = "optimization";
    /// <summary>A PDF business-case report.</summary>
    public const string Report = "report";
    /// <summary>A portfolio run: screens a parts list and plans its shards.</summary>
    public const string Portfolio = "portfolio";
    /// <summary>A slice of a portfolio run's parts.</summary>
    public const string PortfolioShard = "portfolio-shard";
    /// <summary>A screening of a parts list.</summary>
    public const string Screening = "screening";
    /// <summary>A sector screen of trade flows (BACI files): `reshore dependencies sectors` as a job.</summary>
    public const string TradeScreening = "trade-screening";
    /// <summary>An import of cases into the reshoring monitor (all rows or none).</summary>
    public const string MonitorImport = "monitor-import";
}
