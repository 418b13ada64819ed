using System.Text.Json;

namespace Reshore.Cli.Tests;

/// <summary>`reshore portfolio` (issue 16's contract: parts[] and aggregate) in-process and as a job, and the scale-out bench.</summary>
public sealed class PortfolioCommandTests
{
    private static string PartsList => Path.Combine(CliRunner.RepoRoot, "examples", "parts-list.csv");

    [Fact]
    public void The_parts_list_gives_per_part_and_aggregate_results_in_process_and_as_a_job_on_sqlite()
    {
        var direct = CliRunner.Run("portfolio", PartsList, "--top", "12", "--scenarios", "50", "--shard-size", "5", "--format", "json");
        Assert.True(direct.ExitCode == 0, direct.Error);
        var d = JsonDocument.Parse(direct.Out).RootElement;
        Assert.Equal(12, d.GetProperty("parts").GetArrayLength());
        Assert.Equal(12, d.GetProperty("aggregate").GetProperty("parts").GetInt32());

        // The same run as shard jobs on a database, with this process as the worker: the same parts.
        var folder = Directory.CreateTempSubdirectory("reshore-portfolio-test-");
        try
        {
            var job = CliRunner.Run("portfolio", PartsList, "--top", "12", "--scenarios", "50", "--shard-size", "5", "--format", "json", "--database", Path.Combine(folder.FullName, "jobs.db"));
            Assert.True(job.ExitCode == 0, job.Error);
            var j = JsonDocument.Parse(job.Out).RootElement;
            Assert.Equal(d.GetProperty("parts").EnumerateArray().Select(p => p.GetProperty("partId").GetString()),
                j.GetProperty("parts").EnumerateArray().Select(p => p.GetProperty("partId").GetString()));
            Assert.Equal(d.GetProperty("aggregate").GetProperty("expectedSaving").GetDouble(), j.GetProperty("aggregate").GetProperty("expectedSaving").GetDouble(), 6);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }
}

/// <summary>`reshore bench --portfolio`: starts one, then two `reshore worker` processes itself. Slow; never asserts on time or ratio.</summary>
[Trait("Category", "MultiProcess")]
public sealed class PortfolioBenchTests
{
    [Fact]
    public void Bench_reports_portfolio_parts_per_second_with_one_and_two_worker_processes()
    {
        var r = CliRunner.Run("bench", "--portfolio", "--portfolio-parts", "10", "--format", "json");
        Assert.True(r.ExitCode == 0, r.Error);
        var doc = JsonDocument.Parse(r.Out).RootElement;
        Assert.True(doc.GetProperty("portfolioPartsPerSecondOneWorker").GetDouble() > 0);
        Assert.True(doc.GetProperty("portfolioPartsPerSecondTwoWorkers").GetDouble() > 0);
        Assert.True(doc.GetProperty("workerScaleOut").GetDouble() > 0);
        Assert.Equal(10, doc.GetProperty("portfolio").GetProperty("parts").GetInt32());
        Assert.Equal("SQLite", doc.GetProperty("portfolio").GetProperty("database").GetString());
    }
}
