using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Reshore.Persistence;

namespace Reshore.Web.Tests;

/// <summary>
/// The job system across processes, as deployed: `reshore serve --no-worker` web instances and `reshore worker` processes
/// on one PostgreSQL database (and the embedded default: one `reshore serve` on SQLite). Processes are real (the built CLI),
/// killed with SIGKILL where the test says so. Slow: run with --filter Category=MultiProcess, skip with Category!=MultiProcess.
/// </summary>
[Trait("Category", "MultiProcess")]
public sealed class MultiProcessJobTests : IDisposable
{
    private readonly List<Process> _processes = [];
    private static readonly System.Text.StringBuilder _log = new();

    private static string Log()
    {
        lock (_log) return _log.Length > 6000 ? _log.ToString(_log.Length - 6000, 6000) : _log.ToString();
    }
    private readonly string _shared = Path.Combine(Path.GetTempPath(), "reshore-mp-" + Guid.NewGuid().ToString("N")[..8]);

    public MultiProcessJobTests() => Directory.CreateDirectory(_shared);

    [Fact]
    public async Task Two_web_instances_and_two_workers_share_jobs_survive_a_killed_worker_cancel_anywhere_and_keep_history()
    {
        var db = PostgresServer.CreateDatabase();
        var (email, caseId) = await PrepareAsync(db);
        var a = StartWeb(db);
        var b = StartWeb(db);
        var w1 = StartWorker(db, "w1");
        var w2 = StartWorker(db, "w2");
        using var clientA = await SignInAsync(a.Url, email);
        using var clientB = await SignInAsync(b.Url, email);

        // Started through A, run on a worker, killed there mid-job, finished by the other worker, read through B.
        var started = await clientA.PostAsJsonAsync($"/api/cases/{caseId}/simulations", new { scenarios = 40000, seed = 7 });
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var id = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var running = await WaitAsync(clientB, id!, j => j.GetProperty("status").GetString() == "running" && j.GetProperty("node").GetString() is "w1" or "w2");
        var victim = running.GetProperty("node").GetString() == "w1" ? w1 : w2;
        victim.Kill(entireProcessTree: true);
        var done = await WaitAsync(clientB, id!, j => j.GetProperty("status").GetString() is "completed" or "failed" or "cancelled", TimeSpan.FromMinutes(4));
        Assert.Equal("completed", done.GetProperty("status").GetString());
        Assert.NotEqual(running.GetProperty("node").GetString(), done.GetProperty("node").GetString());
        Assert.Equal(2, done.GetProperty("attempts").GetInt32());
        Assert.Contains("Rerun from the start", done.GetProperty("note").GetString());
        var result = await clientB.GetFromJsonAsync<JsonElement>($"/api/jobs/{id}/result");
        Assert.Equal(40000, result.GetProperty("scenarios").GetInt32());

        // Started through B, cancelled through A: the surviving worker stops it. Large enough that it cannot finish before the cancel
        // reaches the worker (100,000 scenarios once did, on a loaded machine, after the engine got faster).
        var second = await (await clientB.PostAsJsonAsync($"/api/cases/{caseId}/simulations", new { scenarios = 500000, seed = 8 })).Content.ReadFromJsonAsync<JsonElement>();
        var secondId = second.GetProperty("id").GetString()!;
        await WaitAsync(clientA, secondId, j => j.GetProperty("status").GetString() == "running");
        Assert.Equal(HttpStatusCode.Accepted, (await clientA.DeleteAsync($"/api/jobs/{secondId}")).StatusCode);
        var cancelled = await WaitAsync(clientB, secondId, j => j.GetProperty("status").GetString() is "completed" or "failed" or "cancelled", TimeSpan.FromMinutes(2));
        Assert.Equal("cancelled", cancelled.GetProperty("status").GetString());
        Assert.True(cancelled.GetProperty("done").GetInt64() < cancelled.GetProperty("total").GetInt64());
        Assert.Equal(JsonValueKind.Null, cancelled.GetProperty("result").ValueKind);

        // A restarted web instance still lists both jobs and serves the result.
        a.Process.Kill(entireProcessTree: true);
        var a2 = StartWeb(db);
        using var clientA2 = await SignInAsync(a2.Url, email);
        var workspace = (await clientA2.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}")).GetProperty("workspaceId").GetString();
        var history = await clientA2.GetFromJsonAsync<JsonElement>($"/api/workspaces/{workspace}/jobs");
        var statuses = history.EnumerateArray().ToDictionary(j => j.GetProperty("id").GetString()!, j => j.GetProperty("status").GetString());
        Assert.Equal("completed", statuses[id!]);
        Assert.Equal("cancelled", statuses[secondId]);
        Assert.Equal(HttpStatusCode.OK, (await clientA2.GetAsync($"/api/jobs/{id}/result")).StatusCode);
        GC.KeepAlive(b);
    }

    [Fact]
    public async Task The_embedded_default_reruns_a_simulation_after_serve_was_killed_and_says_so()
    {
        var db = Path.Combine(_shared, "reshore.db");
        var (email, caseId) = await PrepareAsync(db);
        var serve = StartWeb(db, worker: true);
        using var client = await SignInAsync(serve.Url, email);
        // Large enough to be still running when serve is killed: the vectorised kernel runs 4,000 scenarios in about 2 s.
        var started = await (await client.PostAsJsonAsync($"/api/cases/{caseId}/simulations", new { scenarios = 40000, seed = 3 })).Content.ReadFromJsonAsync<JsonElement>();
        var id = started.GetProperty("id").GetString()!;
        await WaitAsync(client, id, j => j.GetProperty("status").GetString() == "running");
        serve.Process.Kill(entireProcessTree: true);
        await serve.Process.WaitForExitAsync();

        var again = StartWeb(db, worker: true, port: serve.Port);
        using var client2 = await SignInAsync(again.Url, email);
        var done = await WaitAsync(client2, id, j => j.GetProperty("status").GetString() is "completed" or "failed" or "cancelled", TimeSpan.FromMinutes(4));
        Assert.Equal("completed", done.GetProperty("status").GetString());
        Assert.Contains("Rerun from the start", done.GetProperty("note").GetString());
        Assert.Equal(HttpStatusCode.OK, (await client2.GetAsync($"/api/jobs/{id}/result")).StatusCode);
    }

    [Fact]
    public async Task Trade_screenings_and_monitor_imports_started_on_a_web_instance_run_on_a_worker_process_from_their_stored_files()
    {
        var db = PostgresServer.CreateDatabase();
        var (email, caseId) = await PrepareAsync(db, Services.Monitor.MonitorRoles.Editor);
        var web = StartWeb(db);
        StartWorker(db, "w1");
        using var client = await SignInAsync(web.Url, email);
        var workspace = (await client.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}")).GetProperty("workspaceId").GetString();

        // The web instance runs no jobs: the worker reads the uploaded files from the database.
        MultipartFormDataContent TradeForm()
        {
            var form = new MultipartFormDataContent { { new StringContent("BE"), "country" } };
            foreach (var (field, name) in new[] { ("trade", "trade-baci-sample.csv"), ("codes", "baci-country-codes.csv"), ("ecosystems", "hs6-ecosystems.csv") })
                form.Add(new StringContent(Data.Examples.ExampleCatalog.Find(name)!.Text), field, name);
            return form;
        }
        using var direct = TradeForm();
        var expected = await (await client.PostAsync("/api/sectors/screen", direct)).Content.ReadAsStringAsync();
        using var trade = TradeForm();
        var started = await client.PostAsync($"/api/workspaces/{workspace}/trade-screenings", trade);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var tradeId = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var tradeDone = await WaitAsync(client, tradeId, j => j.GetProperty("status").GetString() is "completed" or "failed" or "cancelled");
        Assert.Equal("completed", tradeDone.GetProperty("status").GetString());
        Assert.Equal("w1", tradeDone.GetProperty("node").GetString());
        Assert.Equal(expected, await client.GetStringAsync($"/api/jobs/{tradeId}/result"));

        var tag = Guid.NewGuid().ToString("N")[..6];
        using var import = new MultipartFormDataContent
        {
            { new StringContent($"company,homeCountry,origins,destination,nace,announcementDate,motives,jobs,status,sourceTitle\nWorker Import {tag} NV,BE,CN,BE,C26,2020,automation,10,Draft,Press\n"), "file", "cases.csv" },
        };
        var importStarted = await client.PostAsync("/api/monitor/import-jobs", import);
        Assert.Equal(HttpStatusCode.Accepted, importStarted.StatusCode);
        var importId = (await importStarted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var importDone = await WaitAsync(client, importId, j => j.GetProperty("status").GetString() is "completed" or "failed" or "cancelled");
        Assert.Equal("completed", importDone.GetProperty("status").GetString());
        Assert.Equal("w1", importDone.GetProperty("node").GetString());
        Assert.Equal(1, (await client.GetFromJsonAsync<JsonElement>($"/api/jobs/{importId}/result")).GetProperty("stored").GetInt32());
        var drafts = await client.GetFromJsonAsync<JsonElement>("/api/monitor/cases?status=Draft");
        Assert.Contains(drafts.EnumerateArray(), c => c.GetProperty("company").GetString() == $"Worker Import {tag} NV");
        Assert.Contains((await client.GetFromJsonAsync<JsonElement>("/api/monitor/jobs")).EnumerateArray(), j => j.GetProperty("id").GetString() == importId);
    }

    // A user who belongs to the Examples workspace (with a monitor role if given), and the id of a small example case; created
    // through the app itself (in this process, without a worker) on the database the processes will use.
    private async Task<(string Email, Guid CaseId)> PrepareAsync(string database, string? monitorRole = null)
    {
        await using var app = new FixedDatabaseApp(database, _shared);
        var email = $"mp-{Guid.NewGuid():N}@example.org";
        var userId = await app.CreateUserAsync(email, joinExamples: true);
        if (monitorRole is not null)
        {
            await using var roles = app.Services.CreateAsyncScope();
            var users = roles.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Microsoft.AspNetCore.Identity.IdentityUser>>();
            Assert.True((await users.AddToRoleAsync((await users.FindByIdAsync(userId))!, monitorRole)).Succeeded);
        }
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReshoreDbContext>();
        var caseId = await db.Cases.Where(c => c.Name.StartsWith("LED")).Select(c => c.Id).FirstAsync();
        return (email, caseId);
    }

    private sealed class FixedDatabaseApp(string database, string dataDirectory) : ReshoreApp
    {
        public override string Database => database;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Reshore:DataDirectory", dataDirectory);
            builder.UseSetting("Reshore:Jobs:Worker", "false");
        }
    }

    private sealed record Web(Process Process, string Url, int Port);

    private Web StartWeb(string database, bool worker = false, int? port = null)
    {
        var p = port ?? FreePort();
        var args = new List<string> { "serve", "--urls", $"http://127.0.0.1:{p}", "--database", database };
        if (!worker) args.Add("--no-worker");
        return new Web(Start(args), $"http://127.0.0.1:{p}", p);
    }

    private Process StartWorker(string database, string name) => Start(["worker", "--database", database, "--concurrency", "1", "--name", name]);

    private Process Start(IEnumerable<string> args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(CliDll);
        foreach (var a in args) info.ArgumentList.Add(a);
        // Shared keys (a token from one web instance is valid on the other), quick failure detection, frequent progress.
        info.Environment["Reshore__DataDirectory"] = _shared;
        // Several serve and worker processes at once: none of them writes the user's multicore-JIT profiles.
        info.Environment["RESHORE_JIT_PROFILE"] = "0";
        info.Environment["Reshore__Jobs__ClusterCheckinSeconds"] = "1";
        info.Environment["Reshore__Jobs__ProgressSeconds"] = "0.5";
        info.Environment["Reshore__Limits__MaxActiveJobsPerUser"] = "10";
        var process = Process.Start(info)!;
        // Kept for the failure message: what a process said when it did not start or a job did not end.
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (_log) _log.AppendLine($"[{process.Id}] {e.Data}"); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_log) _log.AppendLine($"[{process.Id}!] {e.Data}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _processes.Add(process);
        return process;
    }

    private static string CliDll
    {
        get
        {
            // The CLI built next to this test assembly's configuration (the project reference builds it first).
            var here = AppContext.BaseDirectory;
            var configuration = new DirectoryInfo(here).Parent!.Name;
            var root = here[..here.IndexOf("/tests/", StringComparison.Ordinal)];
            return Path.Combine(root, "src", "Reshore.Cli", "bin", configuration, "net10.0", "reshore.dll");
        }
    }

    private static async Task<HttpClient> SignInAsync(string url, string email)
    {
        var client = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(60) };
        var deadline = DateTime.UtcNow.AddMinutes(5);
        while (true)
        {
            try
            {
                var r = await client.PostAsJsonAsync("/api/auth/token", new { email, password = "Secret12345" });
                if (r.IsSuccessStatusCode)
                {
                    var token = (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
                    client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
                    return client;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{url} did not start. Output:\n{Log()}");
            await Task.Delay(500);
        }
    }

    private static async Task<JsonElement> WaitAsync(HttpClient client, string id, Func<JsonElement, bool> until, TimeSpan? limit = null)
    {
        var deadline = DateTime.UtcNow + (limit ?? TimeSpan.FromMinutes(3));
        JsonElement last = default;
        while (DateTime.UtcNow < deadline)
        {
            last = await client.GetFromJsonAsync<JsonElement>($"/api/jobs/{id}");
            if (until(last)) return last;
            await Task.Delay(200);
        }
        throw new TimeoutException($"Job {id} never reached the state waited for; last: {last}. Output:\n{Log()}");
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public void Dispose()
    {
        foreach (var p in _processes)
        {
            try { if (!p.HasExited) p.Kill(entireProcessTree: true); p.WaitForExit(10_000); } catch (InvalidOperationException) { }
            p.Dispose();
        }
        try { Directory.Delete(_shared, recursive: true); } catch (IOException) { }
    }
}
