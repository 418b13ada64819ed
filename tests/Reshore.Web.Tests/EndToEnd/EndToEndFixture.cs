using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;
using Reshore.Persistence;
using Reshore.Web.Services;

namespace Reshore.Web.Tests.EndToEnd;

/// <summary>
/// The end-to-end tests run one after another (each class starts its own server and browser; running them side by side
/// would only make them compete for the CPU) and after the other, parallel test collections.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EndToEndCollection
{
    /// <summary>The collection name.</summary>
    public const string Name = "EndToEnd";
}

/// <summary>
/// One test class's world: the web app on a real Kestrel port (fresh SQLite file and data directory) and one headless
/// Chromium. Tests open their own browser contexts (cookies, language) on the shared browser.
/// </summary>
public sealed class EndToEndFixture : IAsyncLifetime
{
    /// <summary>Generous, because CI machines are slow; Playwright waits only as long as needed.</summary>
    public const float Timeout = 60_000;

    /// <summary>The password of every account the tests create.</summary>
    public const string Password = "Secret12345";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "reshore-e2e-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly SemaphoreSlim _adminLock = new(1, 1);
    private WebApplication? _app;
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private string? _admin;

    /// <summary>The server's base address, without a trailing slash (http://127.0.0.1:port).</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>The shared browser.</summary>
    public IBrowser Browser => _browser ?? throw new InvalidOperationException("Not started.");

    /// <summary>The app's services (to create accounts and cases without going through the pages).</summary>
    public IServiceProvider Services => _app?.Services ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        _app = await ReshoreWebHost.BuildAsync(
            ["--urls", "http://127.0.0.1:0", "--Reshore:Database", Path.Combine(_directory, "reshore.db"), "--Reshore:DataDirectory", _directory,
                .. ReshoreApp.TestLimits.SelectMany(l => new[] { $"--Reshore:Limits:{l.Key}", l.Value })],
            b => b.Logging.SetMinimumLevel(LogLevel.Warning));
        await _app.StartAsync();
        var addresses = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.First(a => a.StartsWith("http://", StringComparison.Ordinal)).TrimEnd('/');

        Assertions.SetDefaultExpectTimeout(Timeout);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        _adminLock.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    /// <summary>An absolute URL on the server.</summary>
    public string Url(string path) => BaseUrl + path;

    /// <summary>A fresh browser context (own cookies) and a page in it; the default language is English.</summary>
    public async Task<IPage> NewPageAsync(string locale = "en-GB")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            Locale = locale,
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            AcceptDownloads = true,
        });
        context.SetDefaultTimeout(Timeout);
        context.SetDefaultNavigationTimeout(Timeout);
        return await context.NewPageAsync();
    }

    /// <summary>Creates an account directly in the database.</summary>
    public async Task CreateUserAsync(string email, bool admin = false, bool joinExamples = false)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var db = scope.ServiceProvider.GetRequiredService<ReshoreDbContext>();
        var (user, errors) = await Api.Accounts.CreateUserAsync(users, db, email, Password, admin);
        Assert.True(errors.Count == 0, string.Join("; ", errors.SelectMany(e => e.Value)));
        if (joinExamples) await DatabaseInitializer.JoinExamplesAsync(db, user!.Id, WorkspaceRole.Admin);
    }

    /// <summary>The site administrator of this server (created on first use, without the setup page).</summary>
    public async Task<string> AdminAsync()
    {
        await _adminLock.WaitAsync();
        try
        {
            if (_admin is null)
            {
                const string email = "admin@example.org";
                await CreateUserAsync(email, admin: true, joinExamples: true);
                _admin = email;
            }
            return _admin;
        }
        finally
        {
            _adminLock.Release();
        }
    }

    /// <summary>Signs in through the login page and waits for the workspaces page.</summary>
    public static async Task LoginAsync(IPage page, string email, string password = Password)
    {
        await page.GotoAsync("/login");
        await page.Locator("input[name=email]").FillAsync(email);
        await page.Locator("input[name=password]").FillAsync(password);
        await page.Locator("#login").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"^http://[^/]+/$"));
    }

    /// <summary>A new page signed in as the site administrator.</summary>
    public async Task<IPage> AdminPageAsync(string locale = "en-GB")
    {
        var admin = await AdminAsync();
        var page = await NewPageAsync(locale);
        await LoginAsync(page, admin);
        return page;
    }

    /// <summary>Creates a workspace through the home page; returns its id (the page is then on the workspace).</summary>
    public static async Task<Guid> CreateWorkspaceAsync(IPage page, string name)
    {
        await page.GotoAsync("/");
        await page.Locator("#workspace-name").FillAsync(name);
        await page.Locator("#create-workspace").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/workspaces/[0-9a-f-]{36}$"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(name);
        return Guid.Parse(page.Url[^36..]);
    }

    /// <summary>Creates a case from a bundled example on the workspace page; returns its id (the page is then on the results).</summary>
    public static async Task<Guid> CreateCaseAsync(IPage page, Guid workspace, string example = "led-lamps")
    {
        await page.GotoAsync($"/workspaces/{workspace}");
        await page.Locator("#example").SelectOptionAsync(example);
        await page.Locator("#create-case").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/cases/[0-9a-f-]{36}$"));
        await Assertions.Expect(page.Locator("#case-title")).ToBeVisibleAsync();
        return Guid.Parse(page.Url[^36..]);
    }

    /// <summary>
    /// On the workspace reference page (the page is there): adds Ecuador (a country the bundled reference data lack) and a sea lane from
    /// Guayaquil, and waits until both are listed.
    /// </summary>
    public static async Task AddEcuadorAsync(IPage page, string countrySource, string laneSource)
    {
        await page.Locator("#country-code").FillAsync("EC");
        await page.Locator("#country-name").FillAsync("Ecuador");
        await page.Locator("#country-currency").FillAsync("USD");
        await page.Locator("#country-regime").SelectOptionAsync("fta");
        await page.Locator("#country-labour").FillAsync("3.1");
        await page.Locator("#country-electricity").FillAsync("0.09");
        await page.Locator("#country-grid").FillAsync("250");
        await page.Locator("#country-source").FillAsync(countrySource);
        await page.Locator("#country-year").FillAsync("2025");
        await page.Locator("#save-country").ClickAsync();
        await Assertions.Expect(page.Locator("#reference-saved")).ToContainTextAsync("EC");

        await page.Locator("#lane-id").FillAsync("EC-SEA-GUAYAQUIL");
        await page.Locator("#lane-origin").FillAsync("EC");
        await page.Locator("#lane-place").FillAsync("Guayaquil");
        await page.Locator("#lane-mode").SelectOptionAsync("sea");
        await page.Locator("#lane-distance").FillAsync("10500");
        await page.Locator("#lane-transit").FillAsync("21");
        await page.Locator("#lane-rate").FillAsync("1800");
        await page.Locator("#lane-currency").FillAsync("USD");
        await page.Locator("#lane-unit").SelectOptionAsync("per_feu");
        await page.Locator("#lane-source").FillAsync(laneSource);
        await page.Locator("#lane-year").FillAsync("2026");
        await page.Locator("#save-lane").ClickAsync();
        await Assertions.Expect(page.Locator("#entries tbody tr")).ToHaveCountAsync(2);
    }

    /// <summary>Closes the page's browser context.</summary>
    public static async Task CloseAsync(IPage page) => await page.Context.CloseAsync();
}

/// <summary>Full-page screenshots under artifacts/screenshots/ at the repository root (CI artefacts, not committed).</summary>
public static class Screenshots
{
    private static readonly Lazy<string> LazyFolder = new(() =>
    {
        var folder = Path.Combine(RepoRoot, "artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        return folder;
    });

    /// <summary>The repository root (holds Reshore.slnx), or the temporary folder outside a checkout.</summary>
    public static string RepoRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Reshore.slnx"))) dir = dir.Parent;
            return dir?.FullName ?? Path.GetTempPath();
        }
    }

    /// <summary>The screenshot folder (artifacts/screenshots).</summary>
    public static string Folder => LazyFolder.Value;

    /// <summary>Saves a PNG named <paramref name="name"/>.png (the whole page, or only what the window shows) and returns its path.</summary>
    public static async Task<string> SaveAsync(IPage page, string name, bool fullPage = true)
    {
        var path = Path.Combine(Folder, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = fullPage });
        return path;
    }
}
