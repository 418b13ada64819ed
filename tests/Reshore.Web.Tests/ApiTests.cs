using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Reshore.Core.Costing;
using Reshore.Data.CaseFiles;
using Reshore.Data.Examples;
using Reshore.Data.Output;
using Reshore.Data.ReferenceData;
using Reshore.Persistence;

namespace Reshore.Web.Tests;

/// <summary>The REST API, run against each database provider (the subclasses at the end).</summary>
public abstract class ApiTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : ReshoreApp
{
    private static string LedLamps => ExampleCatalog.Find("led-lamps")!.Text;

    private static async Task<JsonElement> Json(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode} {response.StatusCode}, expected {expected}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    private static async Task<Guid> CreateWorkspace(HttpClient client, string name = "Client A")
    {
        var ws = await Json(await client.PostAsJsonAsync("/api/workspaces", new { name }), HttpStatusCode.Created);
        return ws.GetProperty("id").GetGuid();
    }

    private static async Task<JsonElement> CreateCase(HttpClient client, Guid workspace, string? text = null) =>
        await Json(await client.PostAsJsonAsync($"/api/workspaces/{workspace}/cases", new { text = text ?? LedLamps, format = "yaml" }), HttpStatusCode.Created);

    [Fact]
    public async Task Creates_reads_updates_and_deletes_a_case_with_versions()
    {
        var client = await app.NewUserClientAsync();
        var ws = await CreateWorkspace(client);
        var created = await CreateCase(client, ws);
        var id = created.GetProperty("id").GetGuid();
        Assert.Equal(1, created.GetProperty("version").GetInt32());
        Assert.StartsWith("LED lamps", created.GetProperty("name").GetString());

        var list = await Json(await client.GetAsync($"/api/workspaces/{ws}/cases"), HttpStatusCode.OK);
        Assert.Single(list.EnumerateArray());

        var fetched = await Json(await client.GetAsync($"/api/cases/{id}"), HttpStatusCode.OK);
        var content = System.Text.Json.Nodes.JsonNode.Parse(fetched.GetProperty("case").GetRawText())!;
        Assert.Equal(10, (int)content["horizonYears"]!);
        content["horizonYears"] = 8;
        var updated = await Json(await client.PutAsJsonAsync($"/api/cases/{id}", new { version = 1, @case = content }), HttpStatusCode.OK);
        Assert.Equal(2, updated.GetProperty("version").GetInt32());
        Assert.Equal(8, updated.GetProperty("case").GetProperty("horizonYears").GetInt32());

        await Json(await client.DeleteAsync($"/api/cases/{id}"), HttpStatusCode.NoContent);
        await Json(await client.GetAsync($"/api/cases/{id}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_second_save_from_an_old_version_gets_a_conflict_and_changes_nothing()
    {
        var client = await app.NewUserClientAsync();
        var ws = await CreateWorkspace(client);
        var id = (await CreateCase(client, ws)).GetProperty("id").GetGuid();
        var first = LedLamps.Replace("horizonYears: 10", "horizonYears: 7", StringComparison.Ordinal);
        var second = LedLamps.Replace("horizonYears: 10", "horizonYears: 5", StringComparison.Ordinal);
        await Json(await client.PutAsJsonAsync($"/api/cases/{id}", new { version = 1, text = first, format = "yaml" }), HttpStatusCode.OK);
        var conflict = await Json(await client.PutAsJsonAsync($"/api/cases/{id}", new { version = 1, text = second, format = "yaml" }), HttpStatusCode.Conflict);
        Assert.Equal(2, conflict.GetProperty("currentVersion").GetInt32());
        Assert.Contains("version", conflict.GetProperty("detail").GetString());
        var stored = await Json(await client.GetAsync($"/api/cases/{id}"), HttpStatusCode.OK);
        Assert.Equal(7, stored.GetProperty("case").GetProperty("horizonYears").GetInt32());

        // If-Match carries the version too.
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/cases/{id}") { Content = JsonContent.Create(new { text = second, format = "yaml" }) };
        request.Headers.TryAddWithoutValidation("If-Match", "\"2\"");
        await Json(await client.SendAsync(request), HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_database_refuses_a_save_based_on_a_version_that_changed_in_between()
    {
        // Two sessions read version 1; the first saves; the second's UPDATE must not overwrite (optimistic concurrency in the database).
        var client = await app.NewUserClientAsync();
        var id = (await CreateCase(client, await CreateWorkspace(client))).GetProperty("id").GetGuid();
        await using var scopeA = app.Services.CreateAsyncScope();
        await using var scopeB = app.Services.CreateAsyncScope();
        var a = scopeA.ServiceProvider.GetRequiredService<ReshoreDbContext>();
        var b = scopeB.ServiceProvider.GetRequiredService<ReshoreDbContext>();
        var recordA = await a.Cases.SingleAsync(c => c.Id == id);
        var recordB = await b.Cases.SingleAsync(c => c.Id == id);
        recordA.Name = "A";
        recordA.Version++;
        await a.SaveChangesAsync();
        recordB.Name = "B";
        recordB.Version++;
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => b.SaveChangesAsync());
    }

    [Fact]
    public async Task An_invalid_case_is_refused_with_field_errors_by_json_path_and_nothing_is_stored()
    {
        var client = await app.NewUserClientAsync();
        var ws = await CreateWorkspace(client);
        var bad = LedLamps.Replace("discountRatePct: 8", "discountRatePct: eight", StringComparison.Ordinal).Replace("homeCountry: BE", "homeCountry: XX", StringComparison.Ordinal);
        var problem = await Json(await client.PostAsJsonAsync($"/api/workspaces/{ws}/cases", new { text = bad, format = "yaml" }), HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("$.discountRatePct", out var rate), errors.GetRawText());
        Assert.Contains("line", rate[0].GetString());
        Assert.True(errors.TryGetProperty("$.homeCountry", out _), errors.GetRawText());
        Assert.Empty((await Json(await client.GetAsync($"/api/workspaces/{ws}/cases"), HttpStatusCode.OK)).EnumerateArray());
    }

    [Fact]
    public async Task A_second_user_cannot_see_or_touch_the_first_users_workspace()
    {
        var first = await app.NewUserClientAsync();
        var second = await app.NewUserClientAsync();
        var ws = await CreateWorkspace(first, "Confidential client");
        var id = (await CreateCase(first, ws)).GetProperty("id").GetGuid();

        var theirs = await Json(await second.GetAsync("/api/workspaces"), HttpStatusCode.OK);
        Assert.DoesNotContain(theirs.EnumerateArray(), w => w.GetProperty("id").GetGuid() == ws);
        await Json(await second.GetAsync($"/api/workspaces/{ws}"), HttpStatusCode.NotFound);
        await Json(await second.GetAsync($"/api/workspaces/{ws}/cases"), HttpStatusCode.NotFound);
        await Json(await second.GetAsync($"/api/cases/{id}"), HttpStatusCode.NotFound);
        await Json(await second.PostAsync($"/api/cases/{id}/evaluate", null), HttpStatusCode.NotFound);
        await Json(await second.PutAsJsonAsync($"/api/cases/{id}", new { version = 1, text = LedLamps }), HttpStatusCode.NotFound);
        await Json(await second.DeleteAsync($"/api/cases/{id}"), HttpStatusCode.NotFound);
        await Json(await second.GetAsync($"/api/cases/{id}/case.json"), HttpStatusCode.NotFound);
        foreach (var url in new[] { $"/api/cases/{id}/case.xlsx", $"/api/cases/{id}/results.xlsx", $"/api/cases/{id}/report.html", $"/api/cases/{id}/report.pdf", $"/api/workspaces/{ws}/members" })
            await Json(await second.GetAsync(url), HttpStatusCode.NotFound);
        await Json(await second.PostAsJsonAsync($"/api/cases/{id}/simulate", new { scenarios = 10 }), HttpStatusCode.NotFound);
        await Json(await second.PostAsJsonAsync($"/api/cases/{id}/optimize", new { scenarios = 10 }), HttpStatusCode.NotFound);
        await Json(await second.PostAsJsonAsync($"/api/cases/{id}/simulations", new { scenarios = 10 }), HttpStatusCode.NotFound);
        await Json(await second.PostAsJsonAsync($"/api/cases/{id}/optimizations", new { scenarios = 10 }), HttpStatusCode.NotFound);
        await Json(await second.PutAsJsonAsync($"/api/workspaces/{ws}", new { name = "Mine now" }), HttpStatusCode.NotFound);
        await Json(await second.PostAsJsonAsync($"/api/workspaces/{ws}/members", new { email = "x@example.org", role = "admin" }), HttpStatusCode.NotFound);
        await Json(await second.PostAsync($"/api/workspaces/{ws}/cases/import",
            new MultipartFormDataContent { { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(LedLamps)), "file", "x.yaml" } }), HttpStatusCode.NotFound);
        await Json(await second.DeleteAsync($"/api/workspaces/{ws}"), HttpStatusCode.NotFound);
        Assert.Equal("Confidential client", (await Json(await first.GetAsync($"/api/workspaces/{ws}"), HttpStatusCode.OK)).GetProperty("name").GetString());
        await Json(await first.GetAsync($"/api/cases/{id}"), HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_viewer_reads_and_evaluates_but_cannot_edit()
    {
        var owner = await app.NewUserClientAsync();
        var viewerEmail = $"viewer-{Guid.NewGuid():N}@example.org";
        var viewer = await app.NewUserClientAsync(viewerEmail);
        var ws = await CreateWorkspace(owner);
        var id = (await CreateCase(owner, ws)).GetProperty("id").GetGuid();
        await Json(await owner.PostAsJsonAsync($"/api/workspaces/{ws}/members", new { email = viewerEmail, role = "viewer" }), HttpStatusCode.OK);

        await Json(await viewer.GetAsync($"/api/cases/{id}"), HttpStatusCode.OK);
        await Json(await viewer.PostAsync($"/api/cases/{id}/evaluate", null), HttpStatusCode.OK);
        await Json(await viewer.PutAsJsonAsync($"/api/cases/{id}", new { version = 1, text = LedLamps }), HttpStatusCode.Forbidden);
        await Json(await viewer.PostAsJsonAsync($"/api/workspaces/{ws}/cases", new { text = LedLamps }), HttpStatusCode.Forbidden);
        await Json(await viewer.PostAsJsonAsync($"/api/workspaces/{ws}/members", new { email = viewerEmail, role = "admin" }), HttpStatusCode.Forbidden);
        await Json(await viewer.DeleteAsync($"/api/cases/{id}"), HttpStatusCode.Forbidden);
        await Json(await viewer.DeleteAsync($"/api/workspaces/{ws}"), HttpStatusCode.Forbidden);
        await Json(await viewer.PostAsync($"/api/workspaces/{ws}/cases/import",
            new MultipartFormDataContent { { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(LedLamps)), "file", "x.yaml" } }), HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync($"/api/cases/{id}/report.html?scenarios=0")).StatusCode);
    }

    [Fact]
    public async Task Evaluate_returns_exactly_the_CLI_json_in_the_requested_language()
    {
        var client = await app.NewUserClientAsync(language: "nl-BE");
        var id = (await CreateCase(client, await CreateWorkspace(client))).GetProperty("id").GetGuid();
        var response = await client.PostAsync($"/api/cases/{id}/evaluate", null);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var market = ReferenceDataLoader.Embedded();
        var nl = CultureInfo.GetCultureInfo("nl-BE");
        var document = CaseFileReader.ReadDocument(LedLamps, CaseFormat.Yaml, "led-lamps.yaml", market);
        var cli = EvaluationJson.Serialize(Core.Decision.CaseReviewer.Review(document.Case, document.Uncertain, market, nl).Evaluation, nl);
        Assert.Equal(cli, body);
        Assert.Equal("nl", JsonDocument.Parse(body).RootElement.GetProperty("language").GetString());
        Assert.Equal("depends-on-estimates", JsonDocument.Parse(body).RootElement.GetProperty("items")[0].GetProperty("decision").GetProperty("confidence").GetString());
    }

    [Fact]
    public async Task The_openapi_document_describes_the_evaluation_result_with_its_decision()
    {
        var doc = await app.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var ok = doc.GetProperty("paths").GetProperty("/api/cases/{id}/evaluate").GetProperty("post").GetProperty("responses").GetProperty("200");
        Assert.Contains("EvaluationDocument", ok.GetProperty("content").GetProperty("application/json").GetProperty("schema").GetRawText());
        var schemas = doc.GetProperty("components").GetProperty("schemas");
        Assert.True(schemas.GetProperty("ItemDocument").GetProperty("properties").TryGetProperty("decision", out _));
        var decision = schemas.GetProperty("DecisionDocument").GetProperty("properties");
        foreach (var field in new[] { "verdict", "basis", "confidence", "flips", "views", "reconciliation" })
            Assert.True(decision.TryGetProperty(field, out _), field);
        var flip = schemas.GetProperty("FlipDocument").GetProperty("properties");
        foreach (var field in new[] { "input", "current", "flipsAt", "option" })
            Assert.True(flip.TryGetProperty(field, out _), field);
    }

    [Fact]
    public async Task Simulate_and_optimize_return_the_CLI_json_and_check_their_parameters()
    {
        var client = await app.NewUserClientAsync();
        var id = (await CreateCase(client, await CreateWorkspace(client))).GetProperty("id").GetGuid();
        var sim = await Json(await client.PostAsJsonAsync($"/api/cases/{id}/simulate", new { scenarios = 100, seed = 7 }), HttpStatusCode.OK);
        Assert.Equal(100, sim.GetProperty("scenarios").GetInt32());
        Assert.NotEmpty(sim.GetProperty("items")[0].GetProperty("strategies").EnumerateArray());

        var bad = await Json(await client.PostAsJsonAsync($"/api/cases/{id}/simulate", new { scenarios = 5 }), HttpStatusCode.BadRequest);
        Assert.True(bad.GetProperty("errors").TryGetProperty("scenarios", out _));
        var unknown = await Json(await client.PostAsJsonAsync($"/api/cases/{id}/simulate", new { scenarios = 100, item = "nope" }), HttpStatusCode.BadRequest);
        Assert.True(unknown.GetProperty("errors").TryGetProperty("item", out _));

        var opt = await Json(await client.PostAsJsonAsync($"/api/cases/{id}/optimize", new { scenarios = 50 }), HttpStatusCode.OK);
        Assert.Equal(50, opt.GetProperty("scenarios").GetInt32());
        Assert.NotEmpty(opt.GetProperty("items").EnumerateArray());
        await Json(await client.PostAsJsonAsync($"/api/cases/{id}/optimize", new { alpha = 1.5 }), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_background_simulation_reports_progress_and_completes_or_is_cancelled()
    {
        var client = await app.NewUserClientAsync();
        var id = (await CreateCase(client, await CreateWorkspace(client))).GetProperty("id").GetGuid();
        var job = await Json(await client.PostAsJsonAsync($"/api/cases/{id}/simulations", new { scenarios = 200 }), HttpStatusCode.Accepted);
        var jobId = job.GetProperty("id").GetGuid();
        JsonElement state;
        var polls = 0;
        do
        {
            await Task.Delay(100);
            state = await Json(await client.GetAsync($"/api/jobs/{jobId}"), HttpStatusCode.OK);
        } while (state.GetProperty("status").GetString() is "running" or "queued" && ++polls < 1200);
        Assert.Equal("completed", state.GetProperty("status").GetString());
        Assert.Equal(state.GetProperty("total").GetInt32(), state.GetProperty("done").GetInt32());
        var result = await Json(await client.GetAsync($"/api/jobs/{jobId}/result"), HttpStatusCode.OK);
        Assert.Equal(200, result.GetProperty("scenarios").GetInt32());

        var big = await Json(await client.PostAsJsonAsync($"/api/cases/{id}/simulations", new { scenarios = 1_000_000 }), HttpStatusCode.Accepted);
        var bigId = big.GetProperty("id").GetGuid();
        var cancel = await client.DeleteAsync($"/api/jobs/{bigId}");
        Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
        polls = 0;
        do
        {
            await Task.Delay(100);
            state = await Json(await client.GetAsync($"/api/jobs/{bigId}"), HttpStatusCode.OK);
        } while (state.GetProperty("status").GetString() is "running" or "queued" && ++polls < 1200);
        Assert.Equal("cancelled", state.GetProperty("status").GetString());

        // Another user cannot see the job.
        var other = await app.NewUserClientAsync();
        await Json(await other.GetAsync($"/api/jobs/{jobId}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_background_optimisation_reports_its_solver_steps_and_returns_the_CLI_json()
    {
        var client = await app.NewUserClientAsync();
        var id = (await CreateCase(client, await CreateWorkspace(client))).GetProperty("id").GetGuid();
        var job = await Json(await client.PostAsJsonAsync($"/api/cases/{id}/optimizations", new { scenarios = 40, frontier = true }), HttpStatusCode.Accepted);
        Assert.Equal("optimization", job.GetProperty("kind").GetString());
        // Optimum, three options alone, the out-of-sample check and eight frontier points.
        Assert.Equal(1 + 3 + 1 + 8, job.GetProperty("total").GetInt32());
        var jobId = job.GetProperty("id").GetGuid();
        JsonElement state;
        var polls = 0;
        do
        {
            await Task.Delay(100);
            state = await Json(await client.GetAsync($"/api/jobs/{jobId}"), HttpStatusCode.OK);
        } while (state.GetProperty("status").GetString() == "running" && ++polls < 3000);
        Assert.Equal("completed", state.GetProperty("status").GetString());
        Assert.Equal(13, state.GetProperty("done").GetInt32());
        var background = await (await client.GetAsync($"/api/jobs/{jobId}/result")).Content.ReadAsStringAsync();
        var direct = await (await client.PostAsJsonAsync($"/api/cases/{id}/optimize", new { scenarios = 40, frontier = true })).Content.ReadAsStringAsync();
        Assert.Equal(direct, background);
        await Json(await client.PostAsJsonAsync($"/api/cases/{id}/optimizations", new { alpha = 2 }), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Unreadable_bodies_and_non_numbers_are_400_with_the_field_named()
    {
        var client = await app.NewUserClientAsync();
        var id = (await CreateCase(client, await CreateWorkspace(client))).GetProperty("id").GetGuid();
        var wrongType = await Json(await client.PostAsync($"/api/cases/{id}/simulate", new StringContent("{\"scenarios\":\"many\"}", System.Text.Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest);
        Assert.Contains("$.scenarios", wrongType.GetProperty("detail").GetString());
        var broken = await Json(await client.PostAsync($"/api/cases/{id}/simulate", new StringContent("{bad", System.Text.Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest);
        Assert.Equal("The request could not be read", broken.GetProperty("title").GetString());
        foreach (var body in new[] { "{\"alpha\":\"NaN\"}", "{\"riskAversion\":\"Infinity\"}" })
        {
            var nan = await client.PostAsync($"/api/cases/{id}/optimize", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.BadRequest, nan.StatusCode);
        }
        var tooMany = await Json(await client.PostAsJsonAsync($"/api/cases/{id}/simulate", new { scenarios = 500_000 }), HttpStatusCode.BadRequest);
        Assert.Contains("background", tooMany.GetProperty("errors").GetProperty("scenarios")[0].GetString());
    }

    [Fact]
    public async Task A_user_runs_at_most_two_background_jobs_and_loses_them_with_access()
    {
        var owner = await app.NewUserClientAsync();
        var memberEmail = $"member-{Guid.NewGuid():N}@example.org";
        var member = await app.NewUserClientAsync(memberEmail);
        var ws = await CreateWorkspace(owner);
        var id = (await CreateCase(owner, ws)).GetProperty("id").GetGuid();
        await Json(await owner.PostAsJsonAsync($"/api/workspaces/{ws}/members", new { email = memberEmail, role = "viewer" }), HttpStatusCode.OK);
        // A viewer starts background work only where the workspace allows it (issue 20 item 4).
        await Json(await owner.PutAsJsonAsync($"/api/workspaces/{ws}", new { name = "Jobs", viewersMayRunJobs = true }), HttpStatusCode.OK);
        var jobs = new List<Guid>();
        try
        {
            for (var i = 0; i < 2; i++)
                jobs.Add((await Json(await member.PostAsJsonAsync($"/api/cases/{id}/simulations", new { scenarios = 1_000_000 }), HttpStatusCode.Accepted)).GetProperty("id").GetGuid());
            await Json(await member.PostAsJsonAsync($"/api/cases/{id}/simulations", new { scenarios = 1_000_000 }), (HttpStatusCode)429);
        }
        finally
        {
            // Stop the heavy work at once: it would starve the other tests of CPU.
            foreach (var job in jobs) await member.DeleteAsync($"/api/jobs/{job}");
        }
        await Json(await member.GetAsync($"/api/jobs/{jobs[0]}"), HttpStatusCode.OK);
        // Removed from the workspace, the member no longer sees the jobs they started (nor their results).
        var memberId = (await Json(await owner.GetAsync($"/api/workspaces/{ws}/members"), HttpStatusCode.OK)).EnumerateArray().Single(m => m.GetProperty("email").GetString() == memberEmail).GetProperty("userId").GetString();
        await Json(await owner.DeleteAsync($"/api/workspaces/{ws}/members/{memberId}"), HttpStatusCode.NoContent);
        await Json(await member.GetAsync($"/api/jobs/{jobs[0]}"), HttpStatusCode.NotFound);
        await Json(await member.GetAsync($"/api/jobs/{jobs[0]}/result"), HttpStatusCode.NotFound);
        await Json(await member.DeleteAsync($"/api/jobs/{jobs[1]}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_last_admin_of_a_workspace_cannot_leave_or_step_down()
    {
        var ownerEmail = $"owner-{Guid.NewGuid():N}@example.org";
        var owner = await app.NewUserClientAsync(ownerEmail);
        var ws = await CreateWorkspace(owner);
        var me = (await Json(await owner.GetAsync($"/api/workspaces/{ws}/members"), HttpStatusCode.OK))[0].GetProperty("userId").GetString();
        await Json(await owner.DeleteAsync($"/api/workspaces/{ws}/members/{me}"), HttpStatusCode.BadRequest);
        await Json(await owner.PostAsJsonAsync($"/api/workspaces/{ws}/members", new { email = ownerEmail, role = "viewer" }), HttpStatusCode.BadRequest);
        Assert.Equal("admin", (await Json(await owner.GetAsync($"/api/workspaces/{ws}"), HttpStatusCode.OK)).GetProperty("role").GetString());
    }

    [Fact]
    public async Task Problem_details_for_missing_version_and_bad_workspace_input()
    {
        var client = await app.NewUserClientAsync();
        var ws = await CreateWorkspace(client);
        var id = (await CreateCase(client, ws)).GetProperty("id").GetGuid();
        var noVersion = await Json(await client.PutAsJsonAsync($"/api/cases/{id}", new { text = LedLamps }), HttpStatusCode.BadRequest);
        Assert.True(noVersion.GetProperty("errors").TryGetProperty("version", out _));
        var noName = await Json(await client.PostAsJsonAsync("/api/workspaces", new { name = "" }), HttpStatusCode.BadRequest);
        Assert.True(noName.GetProperty("errors").TryGetProperty("name", out _));
        var noCase = await Json(await client.PostAsJsonAsync($"/api/workspaces/{ws}/cases", new { }), HttpStatusCode.BadRequest);
        Assert.True(noCase.GetProperty("errors").TryGetProperty("case", out _));
    }

    [Fact]
    public async Task Only_a_site_admin_manages_accounts()
    {
        var user = await app.NewUserClientAsync();
        await Json(await user.GetAsync("/api/users"), HttpStatusCode.Forbidden);
        var adminEmail = $"admin-{Guid.NewGuid():N}@example.org";
        await app.CreateUserAsync(adminEmail, admin: true);
        var admin = await app.ApiClientAsync(adminEmail);
        var created = await Json(await admin.PostAsJsonAsync("/api/users", new { email = $"new-{Guid.NewGuid():N}@example.org", password = "Another12345", isAdmin = false }), HttpStatusCode.Created);
        Assert.False(created.GetProperty("isAdmin").GetBoolean());
        var weak = await Json(await admin.PostAsJsonAsync("/api/users", new { email = $"weak-{Guid.NewGuid():N}@example.org", password = "short" }), HttpStatusCode.BadRequest);
        Assert.True(weak.GetProperty("errors").TryGetProperty("password", out _));
    }

    [Fact]
    public async Task The_bundled_examples_are_loaded_on_first_start()
    {
        var email = $"ex-{Guid.NewGuid():N}@example.org";
        await app.CreateUserAsync(email, joinExamples: true);
        var client = await app.ApiClientAsync(email);
        var workspaces = await Json(await client.GetAsync("/api/workspaces"), HttpStatusCode.OK);
        var examples = workspaces.EnumerateArray().Single(w => w.GetProperty("isExamples").GetBoolean());
        var cases = await Json(await client.GetAsync($"/api/workspaces/{examples.GetProperty("id").GetGuid()}/cases"), HttpStatusCode.OK);
        Assert.Equal(ExampleCatalog.All.Count(e => e.IsCase), cases.GetArrayLength());
    }
}

/// <summary>The API on SQLite.</summary>
public sealed class SqliteApiTests(SqliteApp app) : ApiTests<SqliteApp>(app);

/// <summary>The API on PostgreSQL.</summary>
public sealed class PostgresApiTests(PostgresApp app) : ApiTests<PostgresApp>(app);
