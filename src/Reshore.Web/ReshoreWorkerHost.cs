using Microsoft.EntityFrameworkCore;
using Reshore.Data.ReferenceData;
using Reshore.Persistence;
using Reshore.Web.Jobs;
using Reshore.Web.Services;

namespace Reshore.Web;

/// <summary>
/// A worker process (`reshore worker`): runs jobs from the shared database and serves no pages. Any number of workers
/// and web instances share one PostgreSQL database.
/// </summary>
public static class ReshoreWorkerHost
{
    /// <summary>Builds the worker and brings the database up to date.</summary>
    public static async Task<IHost> BuildAsync(string[] args, Action<HostApplicationBuilder>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ApplicationName = typeof(ReshoreWorkerHost).Assembly.GetName().Name });
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
        configure?.Invoke(builder);
        var target = DatabaseTarget.Resolve(builder.Configuration["Reshore:Database"]);
        target.Register(builder.Services);
        builder.Services.AddSingleton(target);
        builder.Services.AddSingleton(ReferenceDataLoader.Embedded());
        builder.Services.AddSingleton<CaseAnalysis>();
        builder.Services.AddReshoreJobs(builder.Configuration, target, worker: true);
        var host = builder.Build();
        await using (var scope = host.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<ReshoreDbContext>().Database.MigrateAsync();
        return host;
    }
}
