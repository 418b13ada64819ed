using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Reshore.Data.Examples;
using Reshore.Persistence;
using Reshore.Web.Services.Monitor;

namespace Reshore.Web.Tests;

/// <summary>
/// Trade screenings and monitor imports as durable jobs (issue 16): the file stored with the job in the database, the same
/// result as the synchronous endpoint, the access rules of workspaces (trade) and of the monitor (imports), cancel, and the
/// synchronous endpoints' 413 above their limit that names the job endpoint.
/// </summary>
public abstract class UploadJobTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : ReshoreApp
{
    private const string MonitorHeader = "company,homeCountry,origins,destination,nace,announcementDate,motives,jobs,status,sourceTitle";

    private static async Task<JsonElement> Json(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode} {response.StatusCode}, expected {expected}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    private static async Task<JsonElement> WaitAsync(HttpClient client, string id)
    {
        JsonElement last = default;
        for (var i = 0; i < 1200; i++)
        {
            last = await Json(await client.GetAsync($"/api/jobs/{id}"), HttpStatusCode.OK);
            if (last.GetProperty("status").GetString() is "completed" or "cancelled" or "failed") return last;
            await Task.Delay(100);
        }
        throw new TimeoutException($"job {id}: {last}");
    }

    private static MultipartFormDataContent TradeForm(string? trade = null)
    {
        var form = new MultipartFormDataContent { { new StringContent("BE"), "country" }, { new StringContent("30"), "shift" } };
        foreach (var (field, name) in new[] { ("trade", "trade-baci-sample.csv"), ("codes", "baci-country-codes.csv"), ("ecosystems", "hs6-ecosystems.csv"), ("parameters", "ecosystem-parameters.csv") })
        {
            var content = new ByteArrayContent(Encoding.UTF8.GetBytes(field == "trade" && trade is not null ? trade : ExampleCatalog.Find(name)!.Text));
            content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            form.Add(content, field, name);
        }
        return form;
    }

    private static MultipartFormDataContent ImportForm(string csv)
    {
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return new MultipartFormDataContent { { file, "file", "cases.csv" } };
    }

    private async Task<HttpClient> MonitorClientAsync(string? role)
    {
        var email = $"{role ?? "plain"}-{Guid.NewGuid():N}@example.org";
        var id = await app.CreateUserAsync(email);
        if (role is not null)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
            Assert.True((await users.AddToRoleAsync((await users.FindByIdAsync(id))!, role)).Succeeded);
        }
        return await app.ApiClientAsync(email);
    }

    [Fact]
    public async Task A_trade_screening_job_gives_the_synchronous_result_keeps_its_files_and_stays_in_its_workspace()
    {
        var a = await app.NewUserClientAsync();
        var ws = (await Json(await a.PostAsJsonAsync("/api/workspaces", new { name = "Trade" }), HttpStatusCode.Created)).GetProperty("id").GetGuid();

        using var direct = TradeForm();
        var expected = await Json(await a.PostAsync("/api/sectors/screen", direct), HttpStatusCode.OK);
        Assert.Equal(30, expected.GetProperty("shiftPct").GetDouble());
        Assert.True(expected.GetProperty("total").GetProperty("candidates").GetInt32() > 0);

        using var form = TradeForm();
        var started = await Json(await a.PostAsync($"/api/workspaces/{ws}/trade-screenings", form), HttpStatusCode.Accepted);
        var id = started.GetProperty("id").GetString()!;
        Assert.Equal("trade-screening", started.GetProperty("kind").GetString());
        var done = await WaitAsync(a, id);
        Assert.Equal("completed", done.GetProperty("status").GetString());
        Assert.Equal(done.GetProperty("total").GetInt64(), done.GetProperty("done").GetInt64());
        var result = await Json(await a.GetAsync($"/api/jobs/{id}/result"), HttpStatusCode.OK);
        Assert.Equal(expected.GetRawText(), result.GetRawText());

        // The upload is in the database with the job (any worker reads it there), byte for byte.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ReshoreDbContext>();
            var files = await db.JobFiles.Where(f => f.JobId == Guid.Parse(id)).ToDictionaryAsync(f => f.Field, f => f);
            Assert.Equal(["codes", "ecosystems", "parameters", "trade"], files.Keys.Order());
            Assert.Equal(ExampleCatalog.Find("trade-baci-sample.csv")!.Text, Encoding.UTF8.GetString(files["trade"].Content));
            Assert.Equal("trade-baci-sample.csv", files["trade"].FileName);
        }

        // Listed in the workspace's history; invisible, uncancellable and unstartable for someone else.
        var history = await Json(await a.GetAsync($"/api/workspaces/{ws}/jobs"), HttpStatusCode.OK);
        Assert.Contains(history.EnumerateArray(), j => j.GetProperty("id").GetString() == id && j.GetProperty("kind").GetString() == "trade-screening");
        var b = await app.NewUserClientAsync();
        await Json(await b.GetAsync($"/api/jobs/{id}"), HttpStatusCode.NotFound);
        await Json(await b.GetAsync($"/api/jobs/{id}/result"), HttpStatusCode.NotFound);
        await Json(await b.DeleteAsync($"/api/jobs/{id}"), HttpStatusCode.NotFound);
        await Json(await b.GetAsync($"/api/workspaces/{ws}/jobs"), HttpStatusCode.NotFound);
        using var other = TradeForm();
        await Json(await b.PostAsync($"/api/workspaces/{ws}/trade-screenings", other), HttpStatusCode.NotFound);

        // A bad file fails the job with the message of the synchronous path, naming the uploaded file.
        using var badDirect = TradeForm("t,i,j,k,v,q\n2022,56,x,010121,5,1\n");
        var badProblem = await Json(await a.PostAsync("/api/sectors/screen", badDirect), HttpStatusCode.BadRequest);
        using var bad = TradeForm("t,i,j,k,v,q\n2022,56,x,010121,5,1\n");
        var failed = await WaitAsync(a, (await Json(await a.PostAsync($"/api/workspaces/{ws}/trade-screenings", bad), HttpStatusCode.Accepted)).GetProperty("id").GetString()!);
        Assert.Equal("failed", failed.GetProperty("status").GetString());
        Assert.Equal(badProblem.GetProperty("detail").GetString(), failed.GetProperty("error").GetString());
        Assert.Contains("trade-baci-sample.csv", failed.GetProperty("error").GetString());
    }

    [Fact]
    public async Task The_synchronous_endpoints_answer_413_above_their_limit_and_name_the_job_endpoint()
    {
        var a = await app.NewUserClientAsync();
        // Just over the 2 MB default of a direct sector screen.
        var sample = ExampleCatalog.Find("trade-baci-sample.csv")!.Text;
        var body = sample[(sample.IndexOf('\n') + 1)..];
        var large = new StringBuilder(sample);
        while (large.Length <= 2 * 1024 * 1024) large.Append(body);
        using var form = TradeForm(large.ToString());
        var tooLarge = await Json(await a.PostAsync("/api/sectors/screen", form), HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal("/api/workspaces/{workspaceId}/trade-screenings", tooLarge.GetProperty("useJob").GetString());
        Assert.Contains("background job", tooLarge.GetProperty("detail").GetString());

        var editor = await MonitorClientAsync(MonitorRoles.Editor);
        var rows = new StringBuilder(MonitorHeader + "\n");
        for (var i = 0; rows.Length <= 1024 * 1024; i++) rows.Append($"Large Import {i} NV,BE,CN,BE,C26,2020,automation,10,Draft,Press\n");
        using var import = ImportForm(rows.ToString());
        var importTooLarge = await Json(await editor.PostAsync("/api/monitor/import?dryRun=true", import), HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal("/api/monitor/import-jobs", importTooLarge.GetProperty("useJob").GetString());
    }

    [Fact]
    public async Task A_monitor_import_job_gives_the_synchronous_result_and_follows_the_monitors_roles()
    {
        var editor = await MonitorClientAsync(MonitorRoles.Editor);
        var tag = Guid.NewGuid().ToString("N")[..6];
        var csv = MonitorHeader + $"\nJob Import {tag} One NV,BE,CN,BE,C26,2020,automation,10,Draft,Press\nJob Import {tag} Two NV,FR,IN,FR,C25,2021,labourCostGap,,Draft,Press\n";
        using (var dry = ImportForm(csv))
        {
            var expected = await Json(await editor.PostAsync("/api/monitor/import?dryRun=true", dry), HttpStatusCode.OK);
            using var dryJob = ImportForm(csv);
            var dryId = (await Json(await editor.PostAsync("/api/monitor/import-jobs?dryRun=true", dryJob), HttpStatusCode.Accepted)).GetProperty("id").GetString()!;
            Assert.Equal("completed", (await WaitAsync(editor, dryId)).GetProperty("status").GetString());
            Assert.Equal(expected.GetRawText(), (await Json(await editor.GetAsync($"/api/jobs/{dryId}/result"), HttpStatusCode.OK)).GetRawText());
        }

        using var form = ImportForm(csv);
        var id = (await Json(await editor.PostAsync("/api/monitor/import-jobs", form), HttpStatusCode.Accepted)).GetProperty("id").GetString()!;
        Assert.Equal("completed", (await WaitAsync(editor, id)).GetProperty("status").GetString());
        var result = await Json(await editor.GetAsync($"/api/jobs/{id}/result"), HttpStatusCode.OK);
        Assert.True(result.GetProperty("succeeded").GetBoolean());
        Assert.Equal(2, result.GetProperty("stored").GetInt32());
        var drafts = await Json(await editor.GetAsync("/api/monitor/cases?status=Draft"), HttpStatusCode.OK);
        Assert.Equal(2, drafts.EnumerateArray().Count(c => c.GetProperty("company").GetString()!.StartsWith($"Job Import {tag}", StringComparison.Ordinal)));

        // A bad row: the job completes and says so, with row and column; nothing is stored.
        using var badForm = ImportForm(MonitorHeader + $"\nJob Import {tag} Bad NV,XX,CN,BE,C26,2020,automation,10,Draft,Press\n");
        var badId = (await Json(await editor.PostAsync("/api/monitor/import-jobs", badForm), HttpStatusCode.Accepted)).GetProperty("id").GetString()!;
        var badJob = await WaitAsync(editor, badId);
        Assert.Contains("nothing was stored", badJob.GetProperty("note").GetString());
        var bad = await Json(await editor.GetAsync($"/api/jobs/{badId}/result"), HttpStatusCode.OK);
        Assert.False(bad.GetProperty("succeeded").GetBoolean());
        Assert.Contains(bad.GetProperty("errors").EnumerateArray(), e => e.GetProperty("row").GetInt32() == 2 && e.GetProperty("column").GetString() == "homeCountry");

        // The monitor's roles: every monitor role sees the monitor's import jobs (as it sees drafts); a user without one sees nothing and starts nothing.
        var reviewer = await MonitorClientAsync(MonitorRoles.Reviewer);
        await Json(await reviewer.GetAsync($"/api/jobs/{id}"), HttpStatusCode.OK);
        Assert.Contains((await Json(await reviewer.GetAsync("/api/monitor/jobs"), HttpStatusCode.OK)).EnumerateArray(), j => j.GetProperty("id").GetString() == id);
        // Only its owner or the monitor's admin cancels it.
        await Json(await reviewer.DeleteAsync($"/api/jobs/{id}"), HttpStatusCode.Forbidden);
        var plain = await MonitorClientAsync(null);
        await Json(await plain.GetAsync($"/api/jobs/{id}"), HttpStatusCode.NotFound);
        await Json(await plain.GetAsync($"/api/jobs/{id}/result"), HttpStatusCode.NotFound);
        await Json(await plain.GetAsync("/api/monitor/jobs"), HttpStatusCode.Forbidden);
        using var refused = ImportForm(csv);
        await Json(await plain.PostAsync("/api/monitor/import-jobs", refused), HttpStatusCode.Forbidden);
        // A workspace's history does not list it.
        var ws = (await Json(await editor.PostAsJsonAsync("/api/workspaces", new { name = "Mine" }), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        Assert.DoesNotContain((await Json(await editor.GetAsync($"/api/workspaces/{ws}/jobs"), HttpStatusCode.OK)).EnumerateArray(), j => j.GetProperty("id").GetString() == id);
    }
}

public sealed class SqliteUploadJobTests(SqliteApp app) : UploadJobTests<SqliteApp>(app);

[Trait("Category", "PostgreSQL")]
public sealed class PostgresUploadJobTests(PostgresApp app) : UploadJobTests<PostgresApp>(app);

/// <summary>The web app with one worker thread, so that a long simulation keeps later jobs queued.</summary>
public sealed class SqliteOneWorkerApp : ReshoreApp
{
    public override string Database { get; } = Path.Combine(Path.GetTempPath(), "reshore-web-tests-" + Guid.NewGuid().ToString("N")[..8], "reshore.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Reshore:Jobs:Concurrency", "1");
    }
}

/// <summary>Cancelling a queued trade screening or monitor import: it ends at once, never runs, and stores nothing.</summary>
public sealed class UploadJobCancelTests(SqliteOneWorkerApp app) : IClassFixture<SqliteOneWorkerApp>
{
    [Fact]
    public async Task Queued_trade_screenings_and_monitor_imports_are_cancelled_before_they_run()
    {
        var email = $"cancel-{Guid.NewGuid():N}@example.org";
        var userId = await app.CreateUserAsync(email);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
            Assert.True((await users.AddToRoleAsync((await users.FindByIdAsync(userId))!, MonitorRoles.Editor)).Succeeded);
        }
        var client = await app.ApiClientAsync(email);
        var ws = (await (await client.PostAsJsonAsync("/api/workspaces", new { name = "Cancel" })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var caseId = (await (await client.PostAsJsonAsync($"/api/workspaces/{ws}/cases", new { text = ExampleCatalog.Find("led-lamps")!.Text, format = "yaml" })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        // The only worker thread runs a long simulation.
        var blocker = (await (await client.PostAsJsonAsync($"/api/cases/{caseId}/simulations", new { scenarios = 1_000_000 })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        for (var i = 0; i < 600 && (await client.GetFromJsonAsync<JsonElement>($"/api/jobs/{blocker}")).GetProperty("status").GetString() != "running"; i++) await Task.Delay(100);

        var tag = Guid.NewGuid().ToString("N")[..6];
        var queued = new List<string>();
        using (var trade = new MultipartFormDataContent())
        {
            var content = new ByteArrayContent(Encoding.UTF8.GetBytes(ExampleCatalog.Find("trade-baci-sample.csv")!.Text));
            trade.Add(content, "trade", "trade.csv");
            var r = await client.PostAsync($"/api/workspaces/{ws}/trade-screenings", trade);
            Assert.Equal(HttpStatusCode.Accepted, r.StatusCode);
            queued.Add((await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!);
        }
        // The user's limit of two active jobs counts the simulation and the screening: cancel the screening first.
        Assert.Equal(HttpStatusCode.Accepted, (await client.DeleteAsync($"/api/jobs/{queued[0]}")).StatusCode);
        using (var import = new MultipartFormDataContent())
        {
            import.Add(new ByteArrayContent(Encoding.UTF8.GetBytes($"company,homeCountry,origins,destination,nace,announcementDate,motives,jobs,status,sourceTitle\nCancelled {tag} NV,BE,CN,BE,C26,2020,automation,10,Draft,Press\n")), "file", "cases.csv");
            var r = await client.PostAsync("/api/monitor/import-jobs", import);
            Assert.Equal(HttpStatusCode.Accepted, r.StatusCode);
            queued.Add((await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!);
        }
        Assert.Equal(HttpStatusCode.Accepted, (await client.DeleteAsync($"/api/jobs/{queued[1]}")).StatusCode);
        foreach (var id in queued)
        {
            var job = await client.GetFromJsonAsync<JsonElement>($"/api/jobs/{id}");
            Assert.Equal("cancelled", job.GetProperty("status").GetString());
            Assert.Equal(0, job.GetProperty("attempts").GetInt32());
            Assert.Equal(JsonValueKind.Null, job.GetProperty("result").ValueKind);
        }
        Assert.Equal(HttpStatusCode.Accepted, (await client.DeleteAsync($"/api/jobs/{blocker}")).StatusCode);
        for (var i = 0; i < 600 && (await client.GetFromJsonAsync<JsonElement>($"/api/jobs/{blocker}")).GetProperty("status").GetString() != "cancelled"; i++) await Task.Delay(100);
        // Still cancelled once the worker is free again, and the import stored nothing.
        await Task.Delay(1500);
        foreach (var id in queued) Assert.Equal(0, (await client.GetFromJsonAsync<JsonElement>($"/api/jobs/{id}")).GetProperty("attempts").GetInt32());
        var cases = await client.GetFromJsonAsync<JsonElement>("/api/monitor/cases?status=Draft");
        Assert.DoesNotContain(cases.EnumerateArray(), c => c.GetProperty("company").GetString()!.StartsWith($"Cancelled {tag}", StringComparison.Ordinal));
    }
}
