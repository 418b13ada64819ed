using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Reshore.Data.Examples;

namespace Reshore.Web.Tests;

/// <summary>Durable jobs through the API: limits (atomic, and on the case's own settings), roles, workspaces, portfolio runs.</summary>
public abstract class JobApiTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : ReshoreApp
{
    private static string LedLamps => ExampleCatalog.Find("led-lamps")!.Text;

    private static async Task<JsonElement> Json(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode} {response.StatusCode}, expected {expected}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    private static async Task<(Guid Workspace, Guid Case)> WorkspaceWithCase(HttpClient client, string? text = null)
    {
        var ws = (await Json(await client.PostAsJsonAsync("/api/workspaces", new { name = "Jobs" }), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var c = (await Json(await client.PostAsJsonAsync($"/api/workspaces/{ws}/cases", new { text = text ?? LedLamps, format = "yaml" }), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        return (ws, c);
    }

    private static async Task<JsonElement> WaitAsync(HttpClient client, string id, Func<JsonElement, bool> until)
    {
        JsonElement last = default;
        for (var i = 0; i < 1200; i++)
        {
            last = await client.GetFromJsonAsync<JsonElement>($"/api/jobs/{id}");
            if (until(last)) return last;
            await Task.Delay(100);
        }
        throw new TimeoutException($"job {id}: {last}");
    }

    private static bool Ended(JsonElement j) => j.GetProperty("status").GetString() is "completed" or "cancelled" or "failed";

    [Fact]
    public async Task Twelve_simultaneous_starts_with_a_limit_of_two_accept_exactly_two()
    {
        // On PostgreSQL some of the twelve starts can take more than HttpClient's 100 s while the two accepted simulations start on
        // this 2-core machine (seen at 481af60 too, 1 run in 3; the cause is not found yet: not the thread pool's minimum): the
        // client waits longer, the assertions are the same.
        var client = await app.NewUserClientAsync(timeout: TimeSpan.FromMinutes(10));
        var (_, caseId) = await WorkspaceWithCase(client);
        var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => client.PostAsJsonAsync($"/api/cases/{caseId}/simulations", new { scenarios = 1_000_000 })));
        Assert.Equal(2, responses.Count(r => r.StatusCode == HttpStatusCode.Accepted));
        Assert.Equal(10, responses.Count(r => r.StatusCode == HttpStatusCode.TooManyRequests));
        foreach (var r in responses.Where(r => r.StatusCode == HttpStatusCode.Accepted))
        {
            var id = (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
            await Json(await client.DeleteAsync($"/api/jobs/{id}"), HttpStatusCode.Accepted);
            Assert.Equal("cancelled", (await WaitAsync(client, id, Ended)).GetProperty("status").GetString());
        }
    }

    [Fact]
    public async Task The_cases_own_scenarios_cannot_carry_a_request_past_its_limit()
    {
        var client = await app.NewUserClientAsync();
        var (_, caseId) = await WorkspaceWithCase(client, LedLamps.Replace("scenarios: 2000", "scenarios: 1000000", StringComparison.Ordinal));
        var simulate = await Json(await client.PostAsJsonAsync($"/api/cases/{caseId}/simulate", new { }), HttpStatusCode.BadRequest);
        Assert.Equal($"/api/cases/{caseId}/simulations", simulate.GetProperty("useJob").GetString());
        var report = await Json(await client.GetAsync($"/api/cases/{caseId}/report.html"), HttpStatusCode.BadRequest);
        Assert.Equal($"/api/cases/{caseId}/reports", report.GetProperty("useJob").GetString());
        // Small enough when the request asks for fewer scenarios than the case.
        await Json(await client.PostAsJsonAsync($"/api/cases/{caseId}/simulate", new { scenarios = 50 }), HttpStatusCode.OK);
    }

    [Fact]
    public async Task Viewers_start_work_only_where_the_workspace_allows_and_removed_members_jobs_stop()
    {
        var owner = await app.NewUserClientAsync();
        var (ws, caseId) = await WorkspaceWithCase(owner);
        var viewerEmail = $"viewer-{Guid.NewGuid():N}@example.org";
        var viewer = await app.NewUserClientAsync(viewerEmail);
        var member = await Json(await owner.PostAsJsonAsync($"/api/workspaces/{ws}/members", new { email = viewerEmail, role = "viewer" }), HttpStatusCode.OK);
        await Json(await viewer.PostAsJsonAsync($"/api/cases/{caseId}/simulations", new { scenarios = 100 }), HttpStatusCode.Forbidden);
        await Json(await viewer.PostAsJsonAsync($"/api/cases/{caseId}/simulate", new { scenarios = 100 }), HttpStatusCode.Forbidden);
        await Json(await viewer.GetAsync($"/api/cases/{caseId}/report.pdf"), HttpStatusCode.Forbidden);
        await Json(await viewer.PostAsJsonAsync($"/api/cases/{caseId}/evaluate", new { }), HttpStatusCode.OK);

        await Json(await owner.PutAsJsonAsync($"/api/workspaces/{ws}", new { name = "Jobs", viewersMayRunJobs = true }), HttpStatusCode.OK);
        var job = await Json(await viewer.PostAsJsonAsync($"/api/cases/{caseId}/simulations", new { scenarios = 1_000_000 }), HttpStatusCode.Accepted);
        var id = job.GetProperty("id").GetString()!;
        // The owner (workspace admin) sees it in the workspace's history; a stranger does not see it at all.
        Assert.Contains((await owner.GetFromJsonAsync<JsonElement>($"/api/workspaces/{ws}/jobs")).EnumerateArray(), j => j.GetProperty("id").GetString() == id);
        var stranger = await app.NewUserClientAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/jobs/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.DeleteAsync($"/api/jobs/{id}")).StatusCode);

        // Removing the viewer stops their job.
        await Json(await owner.DeleteAsync($"/api/workspaces/{ws}/members/{member.GetProperty("userId").GetString()}"), HttpStatusCode.NoContent);
        var ended = await WaitAsync(owner, id, Ended);
        Assert.Equal("cancelled", ended.GetProperty("status").GetString());
        Assert.Contains("member removed", ended.GetProperty("cancelledBy").GetString());
    }

    [Fact]
    public async Task A_portfolio_run_is_split_into_shards_and_aggregates_its_parts()
    {
        var client = await app.NewUserClientAsync();
        var (ws, _) = await WorkspaceWithCase(client);
        var here = AppContext.BaseDirectory;
        var parts = File.ReadLines(Path.Combine(here[..here.IndexOf("/tests/", StringComparison.Ordinal)], "examples", "parts-list.csv")).Take(61);
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(string.Join("\n", parts)));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "parts.csv");
        form.Add(new StringContent("10"), "top");
        form.Add(new StringContent("4"), "shardSize");
        form.Add(new StringContent("20"), "scenarios");
        var started = await Json(await client.PostAsync($"/api/workspaces/{ws}/portfolios", form), HttpStatusCode.Accepted);
        var id = started.GetProperty("id").GetString()!;
        var done = await WaitAsync(client, id, Ended);
        Assert.Equal("completed", done.GetProperty("status").GetString());
        Assert.Equal(3, done.GetProperty("shards").GetProperty("total").GetInt32());
        var result = await client.GetFromJsonAsync<JsonElement>($"/api/jobs/{id}/result");
        Assert.True(result.GetProperty("complete").GetBoolean());
        Assert.Equal(10, result.GetProperty("parts").GetArrayLength());
        Assert.Equal(10, result.GetProperty("aggregate").GetProperty("parts").GetInt32());
        Assert.Equal(Enumerable.Range(1, 10), result.GetProperty("parts").EnumerateArray().Select(p => p.GetProperty("rank").GetInt32()));

        // A bad setting is a 400 naming the field, with nothing started.
        using var bad = new MultipartFormDataContent { { new ByteArrayContent([1, 2, 3]), "file", "parts.csv" }, { new StringContent("XX"), "home" } };
        var problem = await Json(await client.PostAsync($"/api/workspaces/{ws}/portfolios", bad), HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("home", out _));
    }
}

public sealed class SqliteJobApiTests(SqliteApp app) : JobApiTests<SqliteApp>(app);

[Trait("Category", "PostgreSQL")]
public sealed class PostgresJobApiTests(PostgresApp app) : JobApiTests<PostgresApp>(app);
