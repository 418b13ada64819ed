using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.EntityFrameworkCore;
using Reshore.Core.Localization;
using Reshore.Data.ReferenceData;
using Reshore.Persistence;
using Reshore.Web.Api;
using Reshore.Web.Components;
using Reshore.Web.Jobs;
using Reshore.Web.Services;
using Reshore.Web.Services.Security;

namespace Reshore.Web;

/// <summary>
/// Builds the Reshore web application: Blazor pages (server-rendered), the REST API under /api, Identity accounts,
/// workspaces and cases in SQLite (default) or PostgreSQL. Configuration keys: Reshore:Database (a path or connection
/// string), Reshore:DataDirectory (keys and the default database), Reshore:SeedExamples (true).
/// </summary>
public static class ReshoreWebHost
{
    /// <summary>The default address: loopback only, so a first start never exposes the setup page to the network.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>Builds the app and brings the database up to date (migrations, bundled examples).</summary>
    public static async Task<WebApplication> BuildAsync(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ApplicationName = typeof(ReshoreWebHost).Assembly.GetName().Name });
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
            builder.WebHost.UseUrls(DefaultUrl);
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
        configure?.Invoke(builder);
        ConfigureServices(builder);
        var app = builder.Build();
        ConfigurePipeline(app);
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        return app;
    }

    private static void ConfigureServices(WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var config = builder.Configuration;
        var target = DatabaseTarget.Resolve(config["Reshore:Database"]);
        target.Register(services);
        services.AddSingleton(target);
        var dataDirectory = config["Reshore:DataDirectory"] is { Length: > 0 } d ? d
            : target.Provider == DatabaseProvider.Sqlite ? Path.GetDirectoryName(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(target.ConnectionString).DataSource)!
            : Path.GetDirectoryName(DatabaseTarget.DefaultSqlitePath())!;
        ReshoreLimits limits;
        try
        {
            limits = config.GetSection(ReshoreLimits.Section).Get<ReshoreLimits>() ?? new ReshoreLimits();
        }
        catch (InvalidOperationException e)
        {
            // "Failed to convert configuration value 'lots' at 'Reshore:Limits:…' to type 'System.Int32'."
            throw new ReshoreConfigurationException(e.Message);
        }
        if (limits.Problems().ToList() is { Count: > 0 } wrong) throw new ReshoreConfigurationException(string.Join(" ", wrong));
        services.AddSingleton(limits);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = limits.MaxRequestBodyBytes);
        services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(o =>
        {
            o.MultipartBodyLengthLimit = limits.MaxRequestBodyBytes;
            o.ValueCountLimit = limits.MaxFormValues;
        });
        ConfigureProxy(services, config);
        // The keys sign cookies and tokens: readable by the owner only.
        KeepPrivate(Path.Combine(dataDirectory, "keys"));
        services.AddDataProtection().SetApplicationName("Reshore").PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataDirectory, "keys")));

        // No lock-out after failed sign-ins (anyone could lock the administrator out): SignInGuard throttles failures per account
        // and address instead, and the rate limiter attempts per address.
        services.AddIdentityApiEndpoints<IdentityUser>(o =>
            {
                o.Password.RequiredLength = 10;
                o.Password.RequireNonAlphanumeric = false;
                o.User.RequireUniqueEmail = true;
            })
            .AddRoles<IdentityRole>()
            .AddPasswordValidator<PasswordPolicy>()
            .AddEntityFrameworkStores<ReshoreDbContext>();
        services.AddSingleton<SignInGuard>();
        services.AddSingleton<MemberLookupGuard>();
        RateLimits.Add(services, limits);
        // Pages challenge with the sign-in cookie (redirect to /login); the API answers 401 (see ApiOrRedirect).
        services.AddAuthentication(o =>
        {
            o.DefaultChallengeScheme = IdentityConstants.ApplicationScheme;
            o.DefaultForbidScheme = IdentityConstants.ApplicationScheme;
        });
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "reshore.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            // Secure on HTTPS, also behind a TLS proxy (X-Forwarded-Proto from a trusted proxy makes the request HTTPS).
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.LoginPath = "/login";
            o.AccessDeniedPath = "/login";
            o.SlidingExpiration = true;
            o.Events = new CookieAuthenticationEvents
            {
                // The API answers 401/403; only pages redirect to the login page.
                OnRedirectToLogin = ctx => ApiOrRedirect(ctx, StatusCodes.Status401Unauthorized),
                OnRedirectToAccessDenied = ctx => ApiOrRedirect(ctx, StatusCodes.Status403Forbidden),
            };
        });
        services.AddAuthorization(o =>
        {
            // Nothing is reachable without login unless it says [AllowAnonymous].
            o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
            o.AddPolicy(Roles.SiteAdmin, p => p.RequireRole(Roles.SiteAdmin));
        });
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "reshore.af";
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        // A request body that cannot be read (bad JSON, a wrong type) is the client's mistake: 400 with what and where
        // (the JSON path), not a bare status.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.Configure<ExceptionHandlerOptions>(o => o.StatusCodeSelector = e => e is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError);
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            if (ctx.Exception is not BadHttpRequestException bad) return;
            ctx.ProblemDetails.Status = bad.StatusCode;
            ctx.ProblemDetails.Title = "The request could not be read";
            ctx.ProblemDetails.Detail = bad.InnerException is System.Text.Json.JsonException json ? $"{bad.Message} {json.Message}" : bad.Message;
        });
        services.AddOpenApi(o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "Reshore API";
            doc.Info.Description = "Workspaces, cases, evaluation, simulation and optimisation. Results use the same JSON as the reshore CLI.";
            return Task.CompletedTask;
        }));
        services.AddRazorComponents();
        services.AddHttpContextAccessor();
        services.AddSingleton(ReferenceDataLoader.Embedded());
        services.AddScoped<WorkspaceReference>();
        services.AddReshoreJobs(config, target);
        services.AddScoped<WorkspaceAccess>();
        services.AddScoped<CaseStore>();
        services.AddScoped<DatabaseInitializer>();
        services.AddSingleton<CaseAnalysis>();
        services.AddSingleton<FillNextInputs>();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            // Texts come in English (en) and Dutch (nl-BE); English pages format dates and numbers the British way
            // (27/11/2026, 24-hour clock), as a Flemish reader of English expects, not the American way.
            o.DefaultRequestCulture = new RequestCulture(EnglishFormats, "en");
            o.SupportedCultures = [CultureInfo.GetCultureInfo(EnglishFormats), CultureInfo.GetCultureInfo("nl-BE")];
            o.SupportedUICultures = Text.Supported.ToList();
            o.FallBackToParentCultures = true;
            o.FallBackToParentUICultures = true;
            // Query (?culture=nl-BE), then the user's choice (cookie), then the browser's Accept-Language.
            o.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider { CookieName = LanguageCookie }, new LanguageHeaderProvider()];
        });
    }

    /// <summary>The culture that formats numbers and dates on English pages.</summary>
    public const string EnglishFormats = "en-GB";

    /// <summary>The request culture for a language: formats and texts.</summary>
    public static RequestCulture CultureFor(string language)
    {
        var ui = Text.Culture(language).Name;
        return ui == "en" ? new RequestCulture(EnglishFormats, "en") : new RequestCulture(ui, ui);
    }

    /// <summary>The cookie that keeps the user's language choice.</summary>
    public const string LanguageCookie = "reshore.lang";

    private static Task ApiOrRedirect(RedirectContext<CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api"))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }

    // Behind a reverse proxy the client's address and scheme come from X-Forwarded-For and X-Forwarded-Proto, trusted only from
    // loopback (a proxy on the same machine) and from the addresses and networks in Reshore:Proxy:KnownProxies and
    // Reshore:Proxy:KnownNetworks (comma-separated, e.g. "10.0.0.5" and "10.0.0.0/24").
    private static void ConfigureProxy(IServiceCollection services, IConfiguration config)
    {
        static IEnumerable<string> List(string? value) => (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var proxies = new List<IPAddress>();
        foreach (var p in List(config["Reshore:Proxy:KnownProxies"]))
            proxies.Add(IPAddress.TryParse(p, out var ip) ? ip : throw new ReshoreConfigurationException($"Reshore:Proxy:KnownProxies: '{p}' is not an IP address."));
        var networks = new List<System.Net.IPNetwork>();
        foreach (var n in List(config["Reshore:Proxy:KnownNetworks"]))
            networks.Add(System.Net.IPNetwork.TryParse(n, out var net) ? net : throw new ReshoreConfigurationException($"Reshore:Proxy:KnownNetworks: '{n}' is not a network such as 10.0.0.0/24."));
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var ip in proxies) o.KnownProxies.Add(ip);
            foreach (var net in networks) o.KnownIPNetworks.Add(net);
        });
    }

    // Creates the directory readable by its owner only, or takes group and other access away from an existing one.
    private static void KeepPrivate(string directory)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory);
            return;
        }
        const UnixFileMode owner = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        if (!Directory.Exists(directory)) Directory.CreateDirectory(directory, owner);
        else if ((File.GetUnixFileMode(directory) & ~owner) != 0) File.SetUnixFileMode(directory, File.GetUnixFileMode(directory) & owner);
    }

    private static void ConfigurePipeline(WebApplication app)
    {
        app.UseForwardedHeaders();
        // First, so that its headers are on every response, error pages included.
        app.UseMiddleware<SecurityHeaders>();
        app.UseExceptionHandler();
        // Problem details for the API only: pages render their own not-found text.
        app.UseWhen(ctx => ctx.Request.Path.StartsWithSegments("/api"), api => api.UseStatusCodePages());
        // An address that matches no page shows the not-found page (with its 404); routing runs after this so the
        // re-executed request finds that page.
        app.UseWhen(ctx => HttpMethods.IsGet(ctx.Request.Method) && !ctx.Request.Path.StartsWithSegments("/api"),
            pages => pages.UseStatusCodePagesWithReExecute("/not-found"));
        app.UseRouting();
        app.UseRequestLocalization();
        app.UseAuthentication();
        app.UseMiddleware<CurrentUserCheck>();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseMiddleware<FormReadGuard>();
        app.UseMiddleware<ApiAntiforgery>();
        app.UseAntiforgery();

        Assets.Map(app);
        Health.Map(app);
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        AccountEndpoints.Map(app);
        ApiEndpoints.Map(app);
        DownloadEndpoints.Map(app);
        MonitorEndpoints.Map(app);
        ReferenceEndpoints.Map(app);
        app.MapRazorComponents<App>();
    }

    /// <summary>
    /// True for a first-run setup request from this machine itself: a loopback address and no proxy headers (behind a
    /// reverse proxy on the same machine every visitor would look local).
    /// </summary>
    public static bool IsLocalSetupRequest(HttpContext context) =>
        IsLoopback(context) && !new[] { "X-Forwarded-For", "Forwarded", "X-Real-IP", "X-Original-For", "X-Forwarded-Proto", "X-Original-Proto" }.Any(context.Request.Headers.ContainsKey);

    /// <summary>True when the request comes from this machine.</summary>
    public static bool IsLoopback(HttpContext context) =>
        context.Connection.RemoteIpAddress is not { } ip || IPAddress.IsLoopback(ip);
}

/// <summary>Maps an Accept-Language header to en or nl-BE (nl, nl-NL, nl-BE all give Dutch).</summary>
internal sealed class LanguageHeaderProvider : RequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        var header = httpContext.Request.Headers.AcceptLanguage.ToString();
        if (string.IsNullOrWhiteSpace(header)) return NullProviderCultureResult;
        var first = header.Split(',').Select(p => p.Split(';')[0].Trim()).FirstOrDefault(p => p.StartsWith("nl", StringComparison.OrdinalIgnoreCase) || p.StartsWith("en", StringComparison.OrdinalIgnoreCase));
        if (first is null) return NullProviderCultureResult;
        var culture = ReshoreWebHost.CultureFor(first);
        return Task.FromResult<ProviderCultureResult?>(new ProviderCultureResult(culture.Culture.Name, culture.UICulture.Name));
    }
}

/// <summary>A configuration value that cannot be used; the message names the key and what is expected.</summary>
public sealed class ReshoreConfigurationException(string message) : Exception(message);

/// <summary>Site-wide role names.</summary>
public static class Roles
{
    /// <summary>Manages user accounts.</summary>
    public const string SiteAdmin = "admin";
}
