using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Reshore.Persistence;
using Reshore.Web;
using Reshore.Web.Services;

namespace Reshore.Web.Tests;

/// <summary>The web app on a fresh database of one provider, hosted in memory (TestServer).</summary>
public abstract class ReshoreApp : WebApplicationFactory<Program>
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "reshore-web-tests-" + Guid.NewGuid().ToString("N")[..8]);

    /// <summary>The --database value.</summary>
    public abstract string Database { get; }

    /// <summary>
    /// The monitor's two-person rule (on by default in a deployment). Off for the tests written around one person's workflow;
    /// <see cref="SqliteTwoPersonApp"/> turns it on.
    /// </summary>
    protected virtual bool TwoPersonRule => false;

    /// <summary>The provider, for test names.</summary>
    public DatabaseProvider Provider => DatabaseTarget.Resolve(Database).Provider;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(_dataDirectory);
        builder.UseSetting("Reshore:Database", Database);
        builder.UseSetting("Reshore:DataDirectory", _dataDirectory);
        builder.UseSetting("Monitor:TwoPersonRule", TwoPersonRule ? "true" : "false");
        // The tests sign in and compute far faster than people do; the limits themselves are tested in SecurityTests.
        foreach (var (key, value) in Limits) builder.UseSetting($"Reshore:Limits:{key}", value);
        builder.UseEnvironment("Testing");
    }

    /// <summary>Rate limits high enough for the tests' pace (each test class shares one app and one client address).</summary>
    public static readonly IReadOnlyDictionary<string, string> TestLimits = new Dictionary<string, string>
    {
        ["SignInAttemptsPerMinute"] = "100000", ["ExpensiveRequestsPerMinute"] = "100000", ["ExpensiveRequestsInParallel"] = "1000",
    };

    /// <summary>The limits this app runs with (<see cref="TestLimits"/> unless a test app needs the shipped ones).</summary>
    protected virtual IReadOnlyDictionary<string, string> Limits => TestLimits;

    /// <summary>Creates an account directly (the tests do not go through the admin page for every user).</summary>
    public async Task<string> CreateUserAsync(string email, string password = "Secret12345", bool admin = false, bool joinExamples = false)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var db = scope.ServiceProvider.GetRequiredService<ReshoreDbContext>();
        var (user, errors) = await Api.Accounts.CreateUserAsync(users, db, email, password, admin);
        Assert.True(errors.Count == 0, string.Join("; ", errors.SelectMany(e => e.Value)));
        if (joinExamples) await DatabaseInitializer.JoinExamplesAsync(db, user!.Id, WorkspaceRole.Analyst);
        return user!.Id;
    }

    /// <summary>An API client signed in with a bearer token.</summary>
    /// <param name="timeout">How long a request may take (HttpClient's default is 100 s).</param>
    public async Task<HttpClient> ApiClientAsync(string email, string password = "Secret12345", string language = "en", TimeSpan? timeout = null)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (timeout is { } t) client.Timeout = t;
        var response = await client.PostAsJsonAsync("/api/auth/token", new { email, password });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return client;
    }

    /// <summary>A new user with their own client.</summary>
    public async Task<HttpClient> NewUserClientAsync(string? email = null, string language = "en", TimeSpan? timeout = null)
    {
        email ??= $"user-{Guid.NewGuid():N}@example.org";
        await CreateUserAsync(email);
        return await ApiClientAsync(email, language: language, timeout: timeout);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        // Pooled SQLite connections keep the file open (docs/performance.md): closed before the folder goes.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { }
    }
}

/// <summary>On a fresh SQLite file.</summary>
public sealed class SqliteApp : ReshoreApp
{
    public override string Database { get; } = Path.Combine(Path.GetTempPath(), "reshore-web-tests-" + Guid.NewGuid().ToString("N")[..8], "reshore.db");
}

/// <summary>On a fresh SQLite file, with the monitor's two-person rule on as in a default deployment.</summary>
public sealed class SqliteTwoPersonApp : ReshoreApp
{
    public override string Database { get; } = Path.Combine(Path.GetTempPath(), "reshore-web-tests-" + Guid.NewGuid().ToString("N")[..8], "reshore.db");
    protected override bool TwoPersonRule => true;
}

/// <summary>On a fresh PostgreSQL database of a real server.</summary>
public sealed class PostgresApp : ReshoreApp
{
    public override string Database { get; } = PostgresServer.CreateDatabase();
}
