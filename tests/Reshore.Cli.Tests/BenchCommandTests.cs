using System.Text.Json;

namespace Reshore.Cli.Tests;

/// <summary>The shapes of `reshore bench --optimizer`, `--screening` and `--web` in JSON (their timings are reported, never asserted).</summary>
public sealed class BenchCommandTests
{
    [Fact]
    public void Optimizer_bench_reports_the_frontier_and_its_proven_gap()
    {
        var r = CliRunner.Run("bench", "--optimizer", "--quick", "--format", "json");
        Assert.True(r.ExitCode == 0, r.Error);
        using var doc = JsonDocument.Parse(r.Out);
        var o = doc.RootElement.GetProperty("optimizer");
        Assert.Equal(10, o.GetProperty("options").GetInt32());
        Assert.Equal(200, o.GetProperty("scenarios").GetInt32());
        Assert.Equal(8, o.GetProperty("frontierPoints").GetInt32());
        Assert.Equal("cutting-plane", o.GetProperty("method").GetString());
        Assert.True(o.GetProperty("allProvenOptimal").GetBoolean());
        Assert.True(o.GetProperty("worstRelativeGap").GetDouble() <= 1e-6);
        Assert.Equal(8, o.GetProperty("frontierObjectives").GetArrayLength());
        Assert.True(o.GetProperty("cpuSeconds").GetDouble() >= 0 && o.GetProperty("seconds").GetDouble() > 0);
    }

    [Theory]
    [InlineData("--portfolio-parts", "-5")]
    [InlineData("--optimizer-scenarios", "-1")]
    public void A_negative_size_is_refused_with_its_option_named(string option, string value)
    {
        var r = CliRunner.Run("bench", "--optimizer", "--quick", option, value);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(option, r.Error);
        Assert.Equal("", r.Out);
    }

    [Fact]
    public void Screening_bench_reports_each_size_with_the_memory_it_holds()
    {
        var r = CliRunner.Run("bench", "--screening", "--quick", "--format", "json");
        Assert.True(r.ExitCode == 0, r.Error);
        using var doc = JsonDocument.Parse(r.Out);
        var sizes = doc.RootElement.GetProperty("screening").EnumerateArray().ToList();
        Assert.Equal(new[] { 10_000, 20_000 }, sizes.Select(s => s.GetProperty("parts").GetInt32()));
        Assert.All(sizes, s =>
        {
            Assert.Equal(6, s.GetProperty("locations").GetInt32());
            Assert.Equal(100, s.GetProperty("top").GetInt32());
            Assert.True(s.GetProperty("partsPerSecond").GetDouble() > 0);
            Assert.True(s.TryGetProperty("retainedBytes", out _) && s.TryGetProperty("allocatedBytes", out _) && s.TryGetProperty("readSeconds", out _));
        });
    }

    [Fact]
    [Trait("Category", "LongRunning")]
    public void Web_bench_serves_both_endpoints_to_sixteen_clients()
    {
        var r = CliRunner.Run("bench", "--web", "--quick", "--format", "json");
        Assert.True(r.ExitCode == 0, r.Error);
        using var doc = JsonDocument.Parse(r.Out);
        var web = doc.RootElement.GetProperty("web");
        Assert.Equal(16, web.GetProperty("clients").GetInt32());
        var endpoints = web.GetProperty("endpoints").EnumerateArray().ToList();
        Assert.Equal(new[] { "GET /cases/{id}", "POST /api/cases/{id}/evaluate" }, endpoints.Select(e => e.GetProperty("name").GetString()));
        Assert.All(endpoints, e =>
        {
            Assert.True(e.GetProperty("requests").GetInt32() > 0);
            Assert.Equal(0, e.GetProperty("failures").GetInt32());
            Assert.True(e.GetProperty("requestsPerSecond").GetDouble() > 0);
            Assert.True(e.GetProperty("p50Milliseconds").GetDouble() <= e.GetProperty("p99Milliseconds").GetDouble());
            Assert.True(e.GetProperty("responseBytes").GetInt64() > 1000);
        });
    }
}
