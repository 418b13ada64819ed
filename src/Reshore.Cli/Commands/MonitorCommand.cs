using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Reshore.Cli.Output;
using Reshore.Monitor;
using Reshore.Persistence;
using Reshore.Persistence.Monitor;
using Spectre.Console;
using Text = Reshore.Core.Localization.Text;

namespace Reshore.Cli.Commands;

/// <summary>
/// `reshore monitor import|export|stats`: the reshoring monitor in a database (default: the SQLite file that `reshore serve`
/// uses). The database is migrated and seeded with the study's cases first, as the web app does. The command line acts as
/// monitor admin: whoever can open the database file can change it anyway.
/// </summary>
public static class MonitorCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliContext ctx)
    {
        var command = new Command("monitor", "The reshoring monitor: import cases from CSV or xlsx, export them, and count them.");
        command.Subcommands.Add(Import(ctx));
        command.Subcommands.Add(Export(ctx));
        command.Subcommands.Add(Stats(ctx));
        command.Subcommands.Add(Screen(ctx));
        return command;
    }

    private static Option<string?> DatabaseOption() =>
        new("--database") { Description = $"An SQLite file path, or a PostgreSQL connection string (Host=…). Default: {DatabaseTarget.DefaultSqlitePath()}" };

    private static MonitorActor Actor => new("cli:" + Environment.UserName, MonitorRole.Admin);

    /// <summary>Opens the database, brings it to the latest migration and seeds the monitor (idempotent).</summary>
    internal static async Task<ReshoreDbContext> OpenAsync(string? database, CancellationToken ct)
    {
        var target = DatabaseTarget.Resolve(database);
        target.RestrictSqliteFile();
        var db = target.CreateContext();
        await db.Database.MigrateAsync(ct);
        await MonitorStore.SeedAsync(db, ct);
        return db;
    }

    private static Command Import(CliContext ctx)
    {
        var file = new Argument<string>("file") { Description = "Cases as CSV or xlsx, with the columns of docs/monitor.md (company, homeCountry, origins, destination, …)." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Check every row and report, but store nothing." };
        var database = DatabaseOption();
        var command = new Command("import", "Import cases: every row is checked; any error stores nothing and lists each row, column and reason.") { file, dryRun, database };
        command.SetAction(async (parse, ct) =>
        {
            var c = ctx.Culture;
            var path = parse.GetValue(file)!;
            if (!File.Exists(path)) throw new UserInputException($"File not found: {path}");
            var ext = Path.GetExtension(path).ToLowerInvariant();
            if (ext is not (".csv" or ".xlsx")) throw new UserInputException($"The file must be .csv or .xlsx: {path}");
            await using var db = await OpenAsync(parse.GetValue(database), ct);
            var store = new MonitorStore(db, TimeProvider.System);
            var existing = await store.AllAsync(ct);
            ImportResult parsed;
            await using (var stream = File.OpenRead(path))
                parsed = ext == ".csv" ? MonitorImport.ParseCsv(stream, c, existing) : MonitorImport.ParseXlsx(stream, c, existing);
            var outcome = await store.ImportAsync(Actor, parsed, c, parse.GetValue(dryRun), ct);
            var r = outcome.Result;
            if (!r.Succeeded)
            {
                ctx.Error.WriteLine(MonitorImport.Summary(r, parse.GetValue(dryRun), c));
                foreach (var e in r.Errors)
                    ctx.Error.WriteLine("  " + Text.Format(c, "Mon_Cli_ImportError", "row {0}, column {1}: {2}", e.Row == 0 ? "–" : e.Row, e.Column.Length == 0 ? "–" : e.Column, e.Reason));
                return CliApp.InvalidInput;
            }
            ctx.Out.WriteLine(MonitorImport.Summary(r, parse.GetValue(dryRun), c));
            foreach (var w in r.Warnings)
                ctx.Out.WriteLine("  " + Text.Format(c, "Mon_Cli_Duplicate", "row {0}: possible duplicate of {1} ({2})", w.Row, w.Match.Existing.CompanyName, string.Join(" ", w.Match.Reasons)));
            if (!parse.GetValue(dryRun)) ctx.Out.WriteLine(Text.Format(c, "Mon_Cli_Stored", "{0} cases stored in {1}.", outcome.Stored, DatabaseTarget.Resolve(parse.GetValue(database)).Describe()));
            return CliApp.Ok;
        });
        return command;
    }

    private static Command Export(CliContext ctx)
    {
        var format = new Option<string?>("--format") { Description = "csv, xlsx or json (default: from the -o extension, else csv)." };
        format.AcceptOnlyFromAmong("csv", "xlsx", "json");
        var output = new Option<string?>("--output", "-o") { Description = "File to write (default: standard output; xlsx needs a file)." };
        var all = new Option<bool>("--all") { Description = "Every case, whatever its status (default: published cases only)." };
        var database = DatabaseOption();
        var command = new Command("export", "Export the monitor's cases with the import columns (CSV, xlsx or JSON).") { format, output, all, database };
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(output);
            var fmt = parse.GetValue(format) ?? (path is null ? "csv" : Path.GetExtension(path).TrimStart('.').ToLowerInvariant() switch { "xlsx" => "xlsx", "json" => "json", _ => "csv" });
            if (fmt == "xlsx" && path is null) throw new UserInputException("xlsx needs a file: give -o FILE.xlsx.");
            await using var db = await OpenAsync(parse.GetValue(database), ct);
            var cases = (await new MonitorStore(db, TimeProvider.System).AllAsync(ct)).Where(x => parse.GetValue(all) || x.Status == CaseStatus.Published).ToList();
            using var buffer = new MemoryStream();
            switch (fmt)
            {
                case "xlsx": MonitorExport.WriteCasesXlsx(buffer, cases); break;
                case "json": MonitorExport.WriteCasesJson(buffer, cases); break;
                default: MonitorExport.WriteCasesCsv(buffer, cases); break;
            }
            if (path is null)
            {
                ctx.Out.Write(System.Text.Encoding.UTF8.GetString(buffer.ToArray()).TrimStart('\uFEFF'));
                return CliApp.Ok;
            }
            await File.WriteAllBytesAsync(path, buffer.ToArray(), ct);
            ctx.Out.WriteLine(Text.Format(ctx.Culture, "Mon_Cli_Exported", "{0} cases written to {1}.", cases.Count, path));
            return CliApp.Ok;
        });
        return command;
    }

    private static Command Screen(CliContext ctx)
    {
        var path = new Argument<string>("path") { Description = "A folder of articles (.txt, .md, .html) or an RSS or Atom feed file." };
        var format = new Option<string>("--format") { Description = "table, json or csv.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json", "csv");
        var drafts = new Option<bool>("--create-drafts") { Description = "Store a draft for every flagged article that names a company and a country." };
        var database = DatabaseOption();
        var command = new Command("screen", "Screen a batch of news articles for reshoring announcements, ranked, each with a pre-filled draft.") { path, format, drafts, database };
        command.SetAction(async (parse, ct) =>
        {
            var c = ctx.Culture;
            IReadOnlyList<NewsItem> items;
            try
            {
                items = NewsBatch.Read(parse.GetValue(path)!);
            }
            catch (Exception e) when (e is FileNotFoundException or InvalidDataException)
            {
                throw new UserInputException(e.Message);
            }
            var ranked = NewsBatch.Screen(items, c, ct);
            var stored = 0;
            if (parse.GetValue(drafts))
            {
                await using var db = await OpenAsync(parse.GetValue(database), ct);
                var store = new MonitorStore(db, TimeProvider.System);
                foreach (var r in ranked.Where(r => r.Result.IsLikelyReshoring))
                    if ((await store.CreateAsync(Actor, r.Result.Draft, c, ct)).Succeeded) stored++;
            }
            switch (parse.GetValue(format))
            {
                case "json":
                    ctx.Out.WriteLine(System.Text.Json.JsonSerializer.Serialize(ranked.Select(r => new
                    {
                        rank = r.Rank, source = r.Item.Source, title = r.Item.Title, url = r.Item.Url, isLikelyReshoring = r.Result.IsLikelyReshoring, score = r.Result.Score,
                        company = r.Result.Company, destination = r.Result.Destination, origins = r.Result.Origins, jobs = r.Result.Draft.JobsCreated,
                        investment = r.Result.Draft.Investment?.ToString(), explanation = r.Result.Explanation,
                    }), Reshore.Data.Output.EvaluationJson.Options));
                    break;
                case "csv":
                    using (var buffer = new MemoryStream())
                    {
                        using (var w = new StreamWriter(buffer, new System.Text.UTF8Encoding(false), leaveOpen: true))
                        {
                            MonitorExport.WriteRow(w, ["rank", "source", "title", "flagged", "score", "company", "destination", "origins", "jobs", "investment", "url"]);
                            foreach (var r in ranked)
                                MonitorExport.WriteRow(w, [r.Rank.ToString(System.Globalization.CultureInfo.InvariantCulture), r.Item.Source, r.Item.Title ?? "", r.Result.IsLikelyReshoring ? "true" : "false",
                                    r.Result.Score.ToString(System.Globalization.CultureInfo.InvariantCulture), r.Result.Company ?? "", r.Result.Destination ?? "", string.Join(";", r.Result.Origins),
                                    r.Result.Draft.JobsCreated?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "", r.Result.Draft.Investment?.ToString() ?? "", r.Item.Url ?? ""]);
                        }
                        ctx.Out.Write(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
                    }
                    break;
                default:
                    var text = ConsoleFactory.Render(console =>
                    {
                        var table = new Table().Border(TableBorder.Simple);
                        foreach (var h in new[] { "#", Text.Get(c, "Mon_Web_Score_Col", "Score"), Text.Get(c, "Mon_Web_Company", "Company"), "→", Text.Get(c, "Mon_Web_Jobs", "Jobs"), Text.Get(c, "Mon_Web_Source_Col", "Article") })
                            table.AddColumn(h);
                        foreach (var r in ranked)
                            table.AddRow((r.Result.IsLikelyReshoring ? "* " : "  ") + r.Rank.ToString(c), r.Result.Score.ToString(c), Markup.Escape(r.Result.Company ?? ""),
                                Markup.Escape(string.Join(",", r.Result.Origins) + " → " + (r.Result.Destination ?? "?")), r.Result.Draft.JobsCreated?.ToString(c) ?? "",
                                Markup.Escape(r.Item.Title ?? r.Item.Source));
                        console.Write(table);
                        console.WriteLine(Text.Format(c, "Mon_Cli_Screened", "{0} articles screened, {1} flagged (*).", ranked.Count, ranked.Count(r => r.Result.IsLikelyReshoring)));
                    }, ConsoleFactory.IsTerminal(ctx.Out));
                    OutputWriter.Write(text, null, ctx.Out);
                    break;
            }
            if (parse.GetValue(drafts)) ctx.Out.WriteLine(Text.Format(c, "Mon_Cli_DraftsStored", "{0} drafts stored.", stored));
            return CliApp.Ok;
        });
        return command;
    }

    private static Command Stats(CliContext ctx)
    {
        var by = new Option<string>("--by") { Description = $"Dimension: {string.Join(", ", MonitorStatistics.Dimensions)} (default: year).", DefaultValueFactory = _ => "year" };
        by.AcceptOnlyFromAmong([.. MonitorStatistics.Dimensions]);
        var format = new Option<string>("--format") { Description = "table or json.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var all = new Option<bool>("--all") { Description = "Count every case, whatever its status (default: published cases only, as the public figures)." };
        var database = DatabaseOption();
        var command = new Command("stats", "Count the monitor's cases by a dimension, with jobs created (published cases unless --all).") { by, format, all, database };
        command.SetAction(async (parse, ct) =>
        {
            var c = ctx.Culture;
            await using var db = await OpenAsync(parse.GetValue(database), ct);
            var cases = await new MonitorStore(db, TimeProvider.System).AllAsync(ct);
            var dimension = parse.GetValue(by)!;
            var result = MonitorStatistics.Compute(cases, parse.GetValue(all) ? new MonitorFilter() : MonitorFilter.Public, c, [dimension]);
            if (parse.GetValue(format) == "json")
            {
                ctx.Out.WriteLine(MonitorExport.StatisticsJson(result with { Counts = new Dictionary<string, IReadOnlyList<CountRow>> { [dimension] = result.Counts[dimension] } }));
                return CliApp.Ok;
            }
            var text = ConsoleFactory.Render(console =>
            {
                var table = new Table().Border(TableBorder.Simple);
                table.AddColumn(dimension);
                table.AddColumn(Text.Get(c, "Cli_Name", "Name"));
                table.AddColumn(new TableColumn(Text.Get(c, "Mon_Web_Cases", "Cases")).RightAligned());
                foreach (var row in result.Counts[dimension]) table.AddRow(Markup.Escape(row.Key), Markup.Escape(row.Label), row.Count.ToString(c));
                console.Write(table);
                console.WriteLine(Text.Format(c, "Mon_Cli_Totals", "{0} cases; {1} jobs created in the {2} cases that report jobs.", result.Cases, result.Jobs.TotalJobs, result.Jobs.CasesWithKnownJobs));
                if (result.Balance is { } b)
                    console.WriteLine(Text.Format(c, "Mon_Cli_Balance", "Net balance: {0} reshoring and {1} offshoring cases (net {2}); jobs {3} in, {4} out (net {5}).",
                        b.ReshoringCases, b.OffshoringCases, b.NetCases, b.ReshoringJobs, b.OffshoringJobs, b.NetJobs));
            }, ConsoleFactory.IsTerminal(ctx.Out));
            OutputWriter.Write(text, null, ctx.Out);
            return CliApp.Ok;
        });
        return command;
    }
}
