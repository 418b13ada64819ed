using System.CommandLine;
using Microsoft.Extensions.Hosting;
using Reshore.Core.Localization;
using Reshore.Persistence;
using Reshore.Web;

namespace Reshore.Cli.Commands;

/// <summary>`reshore serve`: the web application (pages and REST API) on SQLite by default, or PostgreSQL.</summary>
public static class ServeCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliContext ctx)
    {
        var urls = new Option<string>("--urls") { Description = $"Address(es) to listen on, e.g. http://127.0.0.1:5080 (default). Use http://0.0.0.0:5080 to serve the network.", DefaultValueFactory = _ => ReshoreWebHost.DefaultUrl };
        var database = new Option<string?>("--database") { Description = $"An SQLite file path, or a PostgreSQL connection string (Host=…;Database=…;Username=…;Password=…). Default: {DatabaseTarget.DefaultSqlitePath()}" };
        var noExamples = new Option<bool>("--no-examples") { Description = "Do not load the bundled example cases into a new database." };
        var noWorker = new Option<bool>("--no-worker") { Description = "Serve pages and the API only; jobs run in `reshore worker` processes on the same (PostgreSQL) database." };
        var command = new Command("serve", "Run the Reshore web application: cases, results with charts, Excel in and out, reports and the REST API; by default it also runs jobs (an in-process worker).") { urls, database, noExamples, noWorker };
        command.SetAction(async (parse, cancellation) =>
        {
            var args = new List<string> { "--urls", parse.GetValue(urls)! };
            if (parse.GetValue(database) is { Length: > 0 } db) args.AddRange(["--Reshore:Database", db]);
            if (parse.GetValue(noExamples)) args.AddRange(["--Reshore:SeedExamples", "false"]);
            if (parse.GetValue(noWorker)) args.AddRange(["--Reshore:Jobs:Worker", "false"]);
            var target = DatabaseTarget.Resolve(parse.GetValue(database));
            Microsoft.AspNetCore.Builder.WebApplication app;
            try
            {
                app = await ReshoreWebHost.BuildAsync(args.ToArray());
            }
            catch (ReshoreConfigurationException e)
            {
                throw new UserInputException(e.Message);
            }
            catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException { InnerException: System.Data.Common.DbException } or System.Net.Sockets.SocketException)
            {
                // A wrong connection string, an unreachable server or an unwritable file is the user's to fix.
                throw new UserInputException($"Cannot open the database ({target.Describe()}): {(e.InnerException ?? e).Message}");
            }
            var address = parse.GetValue(urls)!.Split(';')[0];
            ctx.Out.WriteLine(Text.Format(ctx.Culture, "Serve_Running", "Reshore is running at {0} (database: {1}). Press Ctrl+C to stop.", address, target.Describe()));
            ctx.Out.WriteLine(Text.Format(ctx.Culture, "Serve_FirstRun", "On the first start, open {0}/setup on this machine to create the administrator account.", address.TrimEnd('/')));
            await app.StartAsync(cancellation);
            await app.WaitForShutdownAsync(cancellation);
            return CliApp.Ok;
        });
        return command;
    }
}
