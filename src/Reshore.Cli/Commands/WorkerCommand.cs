using System.CommandLine;
using Microsoft.Extensions.Hosting;
using Reshore.Core.Localization;
using Reshore.Persistence;
using Reshore.Web;

namespace Reshore.Cli.Commands;

/// <summary>`reshore worker`: runs jobs from the shared database without serving pages.</summary>
public static class WorkerCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliContext ctx)
    {
        var database = new Option<string?>("--database") { Description = "The database the web instances use: a PostgreSQL connection string (Host=…;Database=…;Username=…;Password=…), or an SQLite file (one process only)." };
        var concurrency = new Option<int?>("--concurrency") { Description = "Jobs this worker runs at a time (default: all cores but one)." };
        var name = new Option<string?>("--name") { Description = "This worker's name in the cluster (default: host name and a unique suffix)." };
        var command = new Command("worker", "Run jobs (simulations, optimisations, reports, portfolio shards) from the shared database; any number of workers may run on any number of machines.") { database, concurrency, name };
        command.SetAction(async (parse, cancellation) =>
        {
            var args = new List<string>();
            if (parse.GetValue(database) is { Length: > 0 } db) args.AddRange(["--Reshore:Database", db]);
            if (parse.GetValue(concurrency) is { } n)
            {
                if (n < 1) throw new UserInputException("--concurrency must be 1 or more.");
                args.AddRange(["--Reshore:Jobs:Concurrency", n.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            }
            if (parse.GetValue(name) is { Length: > 0 } nodeName) args.AddRange(["--Reshore:Jobs:NodeName", nodeName]);
            var target = DatabaseTarget.Resolve(parse.GetValue(database));
            IHost host;
            try
            {
                host = await ReshoreWorkerHost.BuildAsync(args.ToArray());
            }
            catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException { InnerException: System.Data.Common.DbException } or System.Net.Sockets.SocketException)
            {
                throw new UserInputException($"Cannot open the database ({target.Describe()}): {(e.InnerException ?? e).Message}");
            }
            ctx.Out.WriteLine(Text.Format(ctx.Culture, "Worker_Running", "Reshore worker running jobs from {0}. Press Ctrl+C to stop (running jobs are handed to another worker).", target.Describe()));
            await host.StartAsync(cancellation);
            await host.WaitForShutdownAsync(cancellation);
            return CliApp.Ok;
        });
        return command;
    }
}
