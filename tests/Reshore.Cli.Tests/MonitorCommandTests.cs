using System.Text.Json;
using Reshore.Cli;
using Reshore.Monitor;

namespace Reshore.Cli.Tests;

/// <summary>`reshore monitor import|export|stats` on a temporary SQLite database.</summary>
public sealed class MonitorCommandTests
{
    private const string Header = "company,homeCountry,origins,destination,nace,announcementDate,motives,jobs,status,sourceTitle";

    private static string TempDatabase() => Path.Combine(Path.GetTempPath(), $"reshore-mon-{Guid.NewGuid():N}", "reshore.db");

    [Fact]
    public void A_new_database_is_seeded_and_stats_count_the_published_cases()
    {
        var db = TempDatabase();
        var result = CliRunner.Run("monitor", "stats", "--by", "homeCountry", "--format", "json", "--database", db);
        Assert.True(result.ExitCode == CliApp.Ok, result.Error);
        var json = JsonDocument.Parse(result.Out).RootElement;
        Assert.Equal(MonitorSeed.Cases.Count, json.GetProperty("cases").GetInt32());
        Assert.Equal(8, json.GetProperty("counts").GetProperty("homeCountry").EnumerateArray().Single(r => r.GetProperty("key").GetString() == "BE").GetProperty("count").GetInt32());
        // Seeding twice adds nothing.
        var again = CliRunner.Run("monitor", "stats", "--format", "json", "--database", db);
        Assert.Equal(MonitorSeed.Cases.Count, JsonDocument.Parse(again.Out).RootElement.GetProperty("cases").GetInt32());
        var table = CliRunner.Run("monitor", "stats", "--by", "year", "--database", db);
        Assert.Contains("2018", table.Out);
        Assert.Contains("160", table.Out);
    }

    [Fact]
    public void Stats_by_quadrant_place_the_seed_motives_as_the_study_does_and_give_the_net_balance()
    {
        var db = TempDatabase();
        var result = CliRunner.Run("monitor", "stats", "--by", "quadrant", "--format", "json", "--database", db);
        Assert.True(result.ExitCode == CliApp.Ok, result.Error);
        var json = JsonDocument.Parse(result.Out).RootElement;
        var quadrants = json.GetProperty("counts").GetProperty("quadrant").EnumerateArray().ToDictionary(r => r.GetProperty("key").GetString()!, r => r.GetProperty("count").GetInt32());
        // Seed motives by hand: external × customer value — Continental (knowHowSkills), Sylvania (ipProtection, poorQuality, ethics), Atkore (localEconomy);
        // internal × customer value — IVC (qualityControl, environmentalFootprint, innovation, customerProximity), ED&A (customerProximity, qualityControl),
        // Atkore (flexibility, environmentalFootprint); hybrid customer value — Sylvania (deliveryTimes); hybrid cost efficiency — Atkore (logisticsCosts).
        Assert.Equal(3, quadrants["ExternalCustomerValue"]);
        Assert.Equal(3, quadrants["InternalCustomerValue"]);
        Assert.Equal(1, quadrants["HybridCustomerValue"]);
        Assert.Equal(1, quadrants["HybridCostEfficiency"]);
        // internal × cost efficiency: Continental, Metes, Corbeo, ED&A (automation), Barco (overheadAndScale), Sylvania (coordination), IVC and Atkore (hiddenCosts).
        Assert.Equal(8, quadrants["InternalCostEfficiency"]);
        var balance = json.GetProperty("balance");
        Assert.Equal((160, 0, 160), (balance.GetProperty("reshoringJobs").GetInt32(), balance.GetProperty("offshoringJobs").GetInt32(), balance.GetProperty("netJobs").GetInt32()));
        var year2017 = balance.GetProperty("groups").GetProperty("year").EnumerateArray().Single(r => r.GetProperty("key").GetString() == "2017");
        Assert.Equal(160, year2017.GetProperty("netJobs").GetInt32());
        Assert.True(balance.GetProperty("groups").TryGetProperty("quadrant", out _));
        Assert.Contains(json.GetProperty("benchmarks").EnumerateArray(), b => b.GetProperty("figure").GetProperty("id").GetString() == "ermCases");
    }

    [Fact]
    public void Import_with_a_bad_row_exits_2_lists_row_and_column_and_stores_nothing()
    {
        var db = TempDatabase();
        var csv = CliRunner.TempFile(Header + "\nCli One NV,BE,CN,BE,C26,2020,automation,10,Published,Press\nCli Two NV,BE,CN,BE,C99,2020,automation,10,Published,Press\n", ".csv");
        var result = CliRunner.Run("monitor", "import", csv, "--database", db);
        Assert.Equal(CliApp.InvalidInput, result.ExitCode);
        Assert.Contains("row 3, column nace", result.Error);
        Assert.Contains("Nothing was stored", result.Error);
        var export = CliRunner.Run("monitor", "export", "--all", "--database", db);
        Assert.DoesNotContain("Cli One NV", export.Out);
    }

    [Fact]
    public void Dry_run_stores_nothing_then_import_and_export_round_trip()
    {
        var db = TempDatabase();
        var csv = CliRunner.TempFile(Header + "\nCli Three NV,BE,CN;IN,BE,C26,2020-02-01,automation,10,Published,Press\nCli Four NV,NL,PL,NL,C25,2021,,,Draft,Press\n", ".csv");
        var dry = CliRunner.Run("monitor", "import", csv, "--dry-run", "--database", db);
        Assert.True(dry.ExitCode == CliApp.Ok, dry.Error);
        Assert.Contains("Nothing was stored", dry.Out);
        Assert.DoesNotContain("Cli Three NV", CliRunner.Run("monitor", "export", "--all", "--database", db).Out);

        var real = CliRunner.Run("monitor", "import", csv, "--database", db);
        Assert.True(real.ExitCode == CliApp.Ok, real.Error);
        Assert.Contains("2 cases stored", real.Out);
        var published = CliRunner.Run("monitor", "export", "--database", db).Out;
        Assert.Contains("Cli Three NV", published);
        Assert.DoesNotContain("Cli Four NV", published);   // a draft: only with --all
        Assert.Contains("Cli Four NV", CliRunner.Run("monitor", "export", "--all", "--format", "json", "--database", db).Out);

        var xlsx = Path.Combine(Path.GetTempPath(), $"reshore-mon-{Guid.NewGuid():N}.xlsx");
        Assert.Equal(CliApp.Ok, CliRunner.Run("monitor", "export", "-o", xlsx, "--all", "--database", db).ExitCode);
        var back = MonitorImport.ParseXlsx(File.OpenRead(xlsx), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(back.Succeeded, string.Join("; ", back.Errors));
        Assert.Equal(MonitorSeed.Cases.Count + 2, back.Cases.Count);

        var stats = JsonDocument.Parse(CliRunner.Run("monitor", "stats", "--by", "origin", "--format", "json", "--database", db).Out).RootElement;
        Assert.Equal(MonitorSeed.Cases.Count + 1, stats.GetProperty("cases").GetInt32());
        Assert.Equal(1, stats.GetProperty("counts").GetProperty("origin").EnumerateArray().Single(r => r.GetProperty("key").GetString() == "IN").GetProperty("count").GetInt32());
    }

    [Fact]
    public void Export_to_xlsx_needs_a_file_and_an_unknown_dimension_is_refused()
    {
        Assert.Equal(CliApp.InvalidInput, CliRunner.Run("monitor", "export", "--format", "xlsx", "--database", TempDatabase()).ExitCode);
        Assert.Equal(CliApp.InvalidInput, CliRunner.Run("monitor", "stats", "--by", "colour", "--database", TempDatabase()).ExitCode);
        Assert.Equal(CliApp.InvalidInput, CliRunner.Run("monitor", "import", "missing.csv", "--database", TempDatabase()).ExitCode);
    }

    [Fact]
    public void Screen_ranks_a_folder_of_articles_and_stores_drafts_for_the_flagged_ones()
    {
        var folder = Directory.CreateTempSubdirectory("reshore-screen-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "1.txt"), "Markets closed higher on Monday.");
            File.WriteAllText(Path.Combine(folder.FullName, "2.txt"), "Valve maker Hydrovalve NV will bring production back from China to Belgium, creating 120 jobs.");
            var json = CliRunner.Run("monitor", "screen", folder.FullName, "--format", "json");
            Assert.True(json.ExitCode == CliApp.Ok, json.Error);
            var ranked = JsonDocument.Parse(json.Out).RootElement;
            Assert.Equal(("2.txt", true, 120), (ranked[0].GetProperty("source").GetString(), ranked[0].GetProperty("isLikelyReshoring").GetBoolean(), ranked[0].GetProperty("jobs").GetInt32()));
            var db = TempDatabase();
            var stored = CliRunner.Run("monitor", "screen", folder.FullName, "--create-drafts", "--database", db);
            Assert.True(stored.ExitCode == CliApp.Ok, stored.Error);
            Assert.Contains("1 drafts stored", stored.Out);
            Assert.Equal(CliApp.InvalidInput, CliRunner.Run("monitor", "screen", Path.Combine(folder.FullName, "missing.xml")).ExitCode);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
