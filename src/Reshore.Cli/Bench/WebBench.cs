using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Reshore.Data.Examples;
using Reshore.Persistence;
using Reshore.Web;

namespace Reshore.Cli.Bench;

/// <summary>
/// Web throughput (issue 17): the app started in this process on a free loopback port with a fresh SQLite database, one user, one case
/// (examples/led-lamps.yaml), and <see cref="Clients"/> concurrent HTTP clients hitting the results page `GET /cases/{id}` (signed in with
/// the cookie) and the API `POST /api/cases/{id}/evaluate` (bearer token) in turn for a fixed time each. The rate limits are raised for the
/// run (a single address would otherwise be throttled by design: docs/security.md). Server and clients share the machine's cores, so the
/// figures are a lower bound of what the server alone does.
/// </summary>
public static partial class WebBench
{
    /// <summary>Concurrent clients.</summary>
    public const int Clients = 16;

    /// <summary>One endpoint's figures; processor time per request counts server and clients (both in this process).</summary>
    public sealed record Endpoint(string Name, int Requests, int Failures, double Seconds, double RequestsPerSecond, double P50Milliseconds, double P99Milliseconds,
        double MaxMilliseconds, double FirstRequestMilliseconds, long ResponseBytes, double CpuMillisecondsPerRequest);

    /// <summary>The run: both endpoints, clients, processor seconds of the process during the load, the load average.</summary>
    public sealed record Result(int Clients, double SecondsPerEndpoint, IReadOnlyList<Endpoint> Endpoints, double CpuSeconds);

    /// <summary>Runs the load for <paramref name="seconds"/> per endpoint.</summary>
    public static async Task<Result> RunAsync(double seconds, CancellationToken ct = default)
    {
        var directory = Path.Combine(Path.GetTempPath(), "reshore-bench-web-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(directory);
        WebApplication? app = null;
        try
        {
            app = await ReshoreWebHost.BuildAsync(
            [
                "--urls", "http://127.0.0.1:0", "--Reshore:Database", Path.Combine(directory, "bench.db"), "--Reshore:DataDirectory", directory,
                "--Reshore:SeedExamples", "false", "--Reshore:Jobs:Worker", "false",
                "--Reshore:Limits:SignInAttemptsPerMinute", "100000", "--Reshore:Limits:ExpensiveRequestsPerMinute", "10000000",
                "--Reshore:Limits:ExpensiveRequestsInParallel", "1000",
            ], builder => Output.HostLogging.ToStandardError(builder.Logging));
            await app.StartAsync(ct);
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            var (page, api, caseId) = await SeedAsync(app, new Uri(address), ct);
            var endpoints = new List<Endpoint>();
            var process = Process.GetCurrentProcess();
            var cpu = process.TotalProcessorTime;
            endpoints.Add(await LoadAsync("GET /cases/{id}", page, () => new HttpRequestMessage(HttpMethod.Get, $"/cases/{caseId}"), seconds, ct));
            endpoints.Add(await LoadAsync("POST /api/cases/{id}/evaluate", api, () => new HttpRequestMessage(HttpMethod.Post, $"/api/cases/{caseId}/evaluate"), seconds, ct));
            process.Refresh();
            return new Result(Clients, seconds, endpoints, (process.TotalProcessorTime - cpu).TotalSeconds);
        }
        finally
        {
            if (app is not null)
            {
                await app.StopAsync(CancellationToken.None);
                await app.DisposeAsync();
            }
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(directory, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>A user, a workspace with the LED case, a cookie-signed-in page client and a bearer-token API client.</summary>
    private static async Task<(HttpClient Page, HttpClient Api, Guid CaseId)> SeedAsync(WebApplication app, Uri address, CancellationToken ct)
    {
        var email = "bench@example.org";
        const string password = "Bench-Secret-12345";
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var (_, errors) = await Web.Api.Accounts.CreateUserAsync(scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>(),
                scope.ServiceProvider.GetRequiredService<ReshoreDbContext>(), email, password, isAdmin: false);
            if (errors.Count > 0) throw new InvalidOperationException(string.Join("; ", errors.SelectMany(e => e.Value)));
        }
        var handler = new SocketsHttpHandler { MaxConnectionsPerServer = Clients, UseCookies = true, CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
        var page = new HttpClient(handler) { BaseAddress = address };
        page.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var api = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Clients }) { BaseAddress = address };
        api.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var token = await api.PostAsJsonAsync("/api/auth/token", new { email, password }, ct);
        token.EnsureSuccessStatusCode();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            (await token.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("accessToken").GetString());
        var workspace = await api.PostAsJsonAsync("/api/workspaces", new { name = "Bench" }, ct);
        workspace.EnsureSuccessStatusCode();
        var ws = (await workspace.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetGuid();
        var created = await api.PostAsJsonAsync($"/api/workspaces/{ws}/cases", new { text = ExampleCatalog.Find("led-lamps")!.Text, format = "yaml" }, ct);
        created.EnsureSuccessStatusCode();
        var caseId = (await created.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetGuid();
        var login = await page.GetStringAsync("/login", ct);
        var signIn = await page.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = email, ["password"] = password, ["__RequestVerificationToken"] = Token().Match(login).Groups[1].Value,
        }), ct);
        if (signIn.StatusCode != HttpStatusCode.Redirect || signIn.Headers.Location?.ToString() != "/")
            throw new InvalidOperationException($"The bench could not sign in to the pages ({(int)signIn.StatusCode}).");
        return (page, api, caseId);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    /// <summary>
    /// One request first (the cold cost: the case version's analysis), then <see cref="Clients"/> loops for <paramref name="seconds"/>, each
    /// sending its next request when the previous answer is read.
    /// </summary>
    private static async Task<Endpoint> LoadAsync(string name, HttpClient client, Func<HttpRequestMessage> request, double seconds, CancellationToken ct)
    {
        var first = Stopwatch.StartNew();
        using (var response = await client.SendAsync(request(), ct))
        {
            await response.Content.ReadAsByteArrayAsync(ct);
            if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{name} answered {(int)response.StatusCode} on the first request.");
        }
        var firstMs = first.Elapsed.TotalMilliseconds;
        // Warm-up: the same load, not counted, so that the measured window sees the steady state (the JIT's optimised tier) and not
        // the start-up compilation, which the first request's time already shows.
        await RunClientsAsync(client, request, TimeSpan.FromSeconds(Math.Min(WarmUpSeconds, seconds)), new List<double>[Clients], ct);
        var latencies = new List<double>[Clients];
        var watch = Stopwatch.StartNew();
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var (failures, bytes) = await RunClientsAsync(client, request, TimeSpan.FromSeconds(seconds), latencies, ct);
        var elapsed = watch.Elapsed.TotalSeconds;
        process.Refresh();
        var cpuMs = (process.TotalProcessorTime - cpu).TotalMilliseconds;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        double Percentile(double q) => all.Length == 0 ? double.NaN : all[Math.Clamp((int)Math.Ceiling(q * all.Length) - 1, 0, all.Length - 1)];
        return new Endpoint(name, all.Length, failures, elapsed, all.Length / elapsed, Percentile(0.5), Percentile(0.99), all.Length > 0 ? all[^1] : double.NaN, firstMs,
            all.Length > 0 ? bytes / all.Length : 0, all.Length > 0 ? cpuMs / all.Length : double.NaN);
    }

    /// <summary>Seconds of load before each measured window (at most the window's own length).</summary>
    public const double WarmUpSeconds = 2;

    /// <summary>
    /// <see cref="Clients"/> loops for <paramref name="duration"/>, each sending its next request when the previous answer is read; the
    /// answers are read into one reused buffer per client, so the clients (in this process) add as little as they can to the measure.
    /// </summary>
    private static async Task<(int Failures, long Bytes)> RunClientsAsync(HttpClient client, Func<HttpRequestMessage> request, TimeSpan duration,
        List<double>[] latencies, CancellationToken ct)
    {
        var failures = 0;
        long bytes = 0;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, latencies.Length).Select(c => Task.Run(async () =>
        {
            var mine = latencies[c] = [];
            var buffer = new byte[64 * 1024];
            while (watch.Elapsed < duration)
            {
                var start = Stopwatch.GetTimestamp();
                using var response = await client.SendAsync(request(), HttpCompletionOption.ResponseHeadersRead, ct);
                await using var body = await response.Content.ReadAsStreamAsync(ct);
                long length = 0;
                for (int read; (read = await body.ReadAsync(buffer, ct)) > 0;) length += read;
                mine.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                Interlocked.Add(ref bytes, length);
                if (!response.IsSuccessStatusCode) Interlocked.Increment(ref failures);
            }
        }, ct)));
        return (failures, bytes);
    }
}
