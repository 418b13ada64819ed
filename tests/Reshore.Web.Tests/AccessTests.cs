using Microsoft.EntityFrameworkCore;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Reshore.Data.Examples;

namespace Reshore.Web.Tests;

/// <summary>Nothing but the sign-in, setup, language switch, static assets and API description is reachable without login.</summary>
public sealed partial class AccessTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private static readonly HashSet<string> Anonymous = new(StringComparer.Ordinal)
    {
        "/login", "/setup", "/account/login", "/account/setup", "/api/auth/token", "/lang/{culture}", "/assets/{file}", "/openapi/{documentName}.json", "/api-docs", "/not-found",
        // Probes for a load balancer or systemd: "ok" or "not ready", no data (docs/deploy.md).
        "/health/live", "/health/ready",
    };

    // Monitor pages and API that are public by design (published cases and statistics only); tested in the monitor tests.
    private static bool IsPublicMonitor(string route) => route.StartsWith("/api/monitor/public", StringComparison.Ordinal) || route is "/monitor" or "/monitor/map" or "/monitor/trends" || route.StartsWith("/monitor/public", StringComparison.Ordinal);

    [Fact]
    public async Task Every_endpoint_and_page_refuses_anonymous_requests()
    {
        // A real workspace and case, so that the ids in the URLs exist.
        var owner = await app.NewUserClientAsync();
        var ws = (await (await owner.PostAsJsonAsync("/api/workspaces", new { name = "Secret" })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var created = await owner.PostAsJsonAsync($"/api/workspaces/{ws}/cases", new { text = ExampleCatalog.Find("led-lamps")!.Text, format = "yaml" });
        var caseId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var anonymous = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        var checkedCount = 0;
        foreach (var endpoint in endpoints)
        {
            var route = endpoint.RoutePattern.RawText ?? "";
            if (Anonymous.Contains(route) || IsPublicMonitor(route) || route.Contains("_framework", StringComparison.Ordinal)) continue;
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            foreach (var id in new[] { caseId, ws })
            foreach (var method in methods)
            {
                var url = Parameter().Replace(route, m => m.Groups[1].Value.ToLowerInvariant() switch
                {
                    "id" => id.ToString(),
                    "userid" => "someone",
                    _ => "x",
                });
                var request = new HttpRequestMessage(new HttpMethod(method), url);
                if (method is "POST" or "PUT") request.Content = JsonContent.Create(new { version = 1, text = "name: x" });
                var response = await anonymous.SendAsync(request);
                var body = await response.Content.ReadAsStringAsync();
                if (url.StartsWith("/api/", StringComparison.Ordinal))
                    Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{method} {url}: {(int)response.StatusCode}");
                else
                    // Authorization runs before anti-forgery, so even a post without a token must be sent to the login page.
                    Assert.True(response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.ToString().Contains("/login", StringComparison.Ordinal),
                        $"{method} {url}: {(int)response.StatusCode} {response.Headers.Location}");
                Assert.DoesNotContain("Lumen Vlaanderen", body);
                Assert.DoesNotContain("Secret", body);
                checkedCount++;
            }
        }
        Assert.True(checkedCount > 40, $"only {checkedCount} requests checked");
    }

    [Fact]
    public async Task A_cross_site_upload_with_only_the_cookie_is_refused_and_stores_nothing()
    {
        var email = $"csrf-{Guid.NewGuid():N}@example.org";
        var api = await app.NewUserClientAsync(email);
        var ws = (await (await api.PostAsJsonAsync("/api/workspaces", new { name = "Target" })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var browser = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var login = await browser.GetStringAsync("/login");
        var token = Regex.Match(login, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        await browser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["email"] = email, ["password"] = "Secret12345" }));
        // What a foreign page can send: a multipart form with the cookie, without the anti-forgery token.
        var form = new MultipartFormDataContent { { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(ExampleCatalog.Find("led-lamps")!.Text)), "file", "planted.yaml" } };
        var response = await browser.PostAsync($"/api/workspaces/{ws}/cases/import", form);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("anti-forgery", await response.Content.ReadAsStringAsync());
        Assert.Empty((await api.GetFromJsonAsync<JsonElement>($"/api/workspaces/{ws}/cases")).EnumerateArray());
        var monitor = await browser.PostAsync("/api/monitor/import", new MultipartFormDataContent { { new ByteArrayContent("companyName\nX"u8.ToArray()), "file", "x.csv" } });
        Assert.Equal(HttpStatusCode.BadRequest, monitor.StatusCode);
        // Signing out also needs the token.
        Assert.Equal(HttpStatusCode.BadRequest, (await browser.PostAsync("/account/logout", new FormUrlEncodedContent([]))).StatusCode);
    }

    [Fact]
    public async Task Mistyped_query_values_on_pages_give_a_page_not_an_error()
    {
        var email = $"query-{Guid.NewGuid():N}@example.org";
        var api = await app.NewUserClientAsync(email);
        var ws = (await (await api.PostAsJsonAsync("/api/workspaces", new { name = "Q" })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var id = (await (await api.PostAsJsonAsync($"/api/workspaces/{ws}/cases", new { text = ExampleCatalog.Find("led-lamps")!.Text })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var browser = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var login = await browser.GetStringAsync("/login");
        var token = Regex.Match(login, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        await browser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["email"] = email, ["password"] = "Secret12345" }));
        foreach (var url in new[] { $"/cases/{id}/optimize?run=true&alpha=abc", $"/cases/{id}/optimize?run=true&scenarios=99999999999", $"/cases/{id}/simulate?job=abc", "/reference?case=abc" })
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(url)).StatusCode);
        Assert.Contains("is not a number", await browser.GetStringAsync($"/cases/{id}/optimize?run=true&alpha=abc"));
    }

    [Fact]
    public async Task Stopping_the_app_stops_its_running_jobs_and_hands_them_back_for_a_rerun()
    {
        // Changed with durable jobs (issue 16): a stopping app no longer drops its jobs as cancelled; it stops them and
        // leaves them queued (Quartz keeps a recovery trigger), so that the next start or another worker runs them again.
        var local = new SqliteApp();
        var client = await local.NewUserClientAsync();
        var ws = (await (await client.PostAsJsonAsync("/api/workspaces", new { name = "Stop" })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var id = (await (await client.PostAsJsonAsync($"/api/workspaces/{ws}/cases", new { text = ExampleCatalog.Find("led-lamps")!.Text })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var jobId = (await (await client.PostAsJsonAsync($"/api/cases/{id}/simulations", new { scenarios = 1_000_000 })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        for (var i = 0; i < 600 && (await client.GetFromJsonAsync<JsonElement>($"/api/jobs/{jobId}")).GetProperty("status").GetString() != "running"; i++) await Task.Delay(100);
        await local.DisposeAsync();
        await using var db = Reshore.Persistence.DatabaseTarget.Resolve(local.Database).CreateContext();
        var job = await db.Jobs.AsNoTracking().SingleAsync(j => j.Id == jobId);
        Assert.Equal("queued", job.Status);
        Assert.Contains("runs again", job.Note);
        Assert.True(job.Done < job.Total);
    }

    [Fact]
    public async Task An_invalid_bearer_token_is_refused()
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", "not-a-token");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/workspaces")).StatusCode);
    }

    [Fact]
    public async Task Responses_carry_security_headers_and_pages_follow_the_browser_language()
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("nl-BE,nl;q=0.9,en;q=0.5");
        var response = await client.GetAsync("/login");
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("default-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Contains("<html lang=\"nl\"", html);
        Assert.Contains("Aanmelden", html);

        var english = app.CreateClient();
        english.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-GB");
        Assert.Contains("Sign in", await english.GetStringAsync("/login"));

        // The user's choice (cookie) wins over the browser's language.
        var chooser = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        chooser.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var switched = await chooser.GetAsync("/lang/nl-BE?returnUrl=/login");
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal("/login", switched.Headers.Location!.ToString());
        var cookie = switched.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("reshore.lang", StringComparison.Ordinal)).Split(';')[0];
        var request = new HttpRequestMessage(HttpMethod.Get, "/login");
        request.Headers.Add("Cookie", cookie);
        Assert.Contains("Aanmelden", await (await chooser.SendAsync(request)).Content.ReadAsStringAsync());

        // No open redirect through the language switch.
        var away = await chooser.GetAsync("/lang/en?returnUrl=//evil.example/");
        Assert.Equal("/", away.Headers.Location!.ToString());
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_api()
    {
        var doc = await app.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = doc.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/cases/{id}/evaluate", out _));
        Assert.True(paths.TryGetProperty("/api/workspaces/{id}/cases", out _));
        Assert.Equal("Reshore API", doc.GetProperty("info").GetProperty("title").GetString());
    }

    [GeneratedRegex(@"\{(\w+)(?::[^}]*)?\}")]
    private static partial Regex Parameter();
}

/// <summary>The first administrator can be created only from the machine itself.</summary>
public sealed class RemoteSetupTests : IClassFixture<RemoteSetupTests.RemoteApp>
{
    private readonly RemoteApp _app;

    public RemoteSetupTests(RemoteApp app) => _app = app;

    /// <summary>The app as seen from another machine (every request comes from 203.0.113.7).</summary>
    public sealed class RemoteApp : ReshoreApp
    {
        public override string Database { get; } = Path.Combine(Path.GetTempPath(), "reshore-web-tests-" + Guid.NewGuid().ToString("N")[..8], "reshore.db");

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(s => s.AddSingleton<IStartupFilter, RemoteAddress>());
        }

        private sealed class RemoteAddress : IStartupFilter
        {
            public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
            {
                app.Use((ctx, n) => { ctx.Connection.RemoteIpAddress = IPAddress.Parse("203.0.113.7"); return n(ctx); });
                next(app);
            };
        }
    }

    [Fact]
    public async Task Setup_through_a_local_reverse_proxy_is_refused()
    {
        await using var local = new SqliteApp();
        var client = local.CreateClient();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "198.51.100.4");
        var page = await client.GetStringAsync("/setup");
        Assert.Contains("only be created from the machine", page);
    }

    [Fact]
    public async Task Setup_from_another_machine_is_refused()
    {
        var client = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var page = await client.GetStringAsync("/setup");
        Assert.Contains("only be created from the machine", page);
        Assert.DoesNotContain("name=\"password\"", page);
        var token = System.Text.RegularExpressions.Regex.Match(await client.GetStringAsync("/login"), "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var post = await client.PostAsync("/account/setup", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["email"] = "intruder@example.org", ["password"] = "Secret12345",
        }));
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        await using var scope = _app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Microsoft.AspNetCore.Identity.IdentityUser>>();
        Assert.Null(await users.FindByEmailAsync("intruder@example.org"));
    }
}
