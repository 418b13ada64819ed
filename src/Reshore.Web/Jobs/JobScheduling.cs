using Microsoft.Extensions.DependencyInjection.Extensions;
using Quartz;
using Reshore.Persistence;

namespace Reshore.Web.Jobs;

/// <summary>
/// Registers the job system: Quartz.NET with its ADO.NET job store in the application database (clustered on PostgreSQL, so
/// that any number of web and worker processes share the work and a dead worker's jobs run elsewhere; single-process on
/// SQLite), the queue that web pages and the API use, and the job handlers.
/// </summary>
public static class JobScheduling
{
    /// <summary>The Quartz scheduler name every Reshore process shares.</summary>
    public const string SchedulerName = "reshore";

    /// <summary>The Quartz job group of Reshore's jobs.</summary>
    public const string Group = "reshore";

    /// <summary>Adds the job system. <paramref name="worker"/> overrides Reshore:Jobs:Worker.</summary>
    public static void AddReshoreJobs(this IServiceCollection services, IConfiguration config, DatabaseTarget target, bool? worker = null)
    {
        var settings = config.GetSection("Reshore:Jobs").Get<JobSettings>() ?? new JobSettings();
        if (worker is { } w) settings.Worker = w;
        services.TryAddSingleton(Microsoft.Extensions.Options.Options.Create(settings));
        services.Configure<JobLimits>(config.GetSection("Reshore:Limits"));
        var properties = new Dictionary<string, string?>
        {
            ["quartz.scheduler.instanceName"] = SchedulerName,
            ["quartz.scheduler.instanceId"] = settings.NodeName is { Length: > 0 } n ? n : "AUTO",
            // A stopping process asks its running jobs to stop and waits for them; a job that stops this way is handed back
            // (RecoverFiringsCancelledByShutdown) and runs again on another worker, or here after a restart.
            ["quartz.scheduler.interruptJobsOnShutdown"] = "true",
            ["quartz.scheduler.idleWaitTime"] = Math.Max(1000, (int)(settings.IdleWaitSeconds * 1000)).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["quartz.scheduler.interruptJobsOnShutdownWithWait"] = "true",
        };
        services.AddQuartz(properties, q =>
        {
            q.UseDefaultThreadPool(Math.Max(1, settings.Concurrency));
            q.UsePersistentStore(store =>
            {
                if (target.Provider == DatabaseProvider.PostgreSql)
                {
                    store.UsePostgres(target.ConnectionString);
                    store.UseClustering(c =>
                    {
                        c.CheckinInterval = TimeSpan.FromSeconds(settings.ClusterCheckinSeconds);
                        c.CheckinMisfireThreshold = TimeSpan.FromSeconds(settings.ClusterCheckinSeconds * 2);
                    });
                }
                else
                {
                    // SQLite serialises writers inside one process only: the embedded default is one process (serve with its
                    // in-process worker); jobs a crash interrupted are recovered when it starts again.
                    store.UseSqlite(target.ConnectionString);
                }
                store.ConfigureStore(o => o.RecoverFiringsCancelledByShutdown = true);
            });
        });
        services.AddQuartzHostedService(o =>
        {
            o.AutoStart = settings.Worker;
            o.WaitForJobsToComplete = true;
        });
        services.AddSingleton<JobQueue>();
        // Case jobs read their case with the workspace's reference data (added countries, lanes, HS codes), in a worker too.
        services.TryAddScoped<Services.WorkspaceReference>();
        services.AddSingleton<IJobHandler, SimulationJobHandler>();
        services.AddSingleton<IJobHandler, OptimizationJobHandler>();
        services.AddSingleton<IJobHandler, ReportJobHandler>();
        services.AddSingleton<IJobHandler, ScreeningJobHandler>();
        services.AddSingleton<IJobHandler, PortfolioJobHandler>();
        services.AddSingleton<IJobHandler, PortfolioShardJobHandler>();
        services.AddSingleton<IJobHandler, TradeScreeningJobHandler>();
        services.AddSingleton<IJobHandler, MonitorImportJobHandler>();
    }
}
