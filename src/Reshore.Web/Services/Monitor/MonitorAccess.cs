using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Reshore.Monitor;
using Reshore.Persistence;
using Reshore.Persistence.Monitor;

namespace Reshore.Web.Services.Monitor;

/// <summary>Identity role names of the monitor; the site admin (<see cref="Roles.SiteAdmin"/>) counts as monitor admin.</summary>
public static class MonitorRoles
{
    /// <summary>Creates drafts, edits and submits own drafts.</summary>
    public const string Editor = "monitor-editor";
    /// <summary>Publishes, sends back, withdraws.</summary>
    public const string Reviewer = "monitor-reviewer";
    /// <summary>Everything on the monitor.</summary>
    public const string Admin = "monitor-admin";

    /// <summary>The monitor roles, weakest first.</summary>
    public static IReadOnlyList<string> All { get; } = [Editor, Reviewer, Admin];

    /// <summary>The strongest monitor role among Identity role names.</summary>
    public static MonitorRole FromRoleNames(IEnumerable<string> names)
    {
        var set = names.ToHashSet(StringComparer.Ordinal);
        return set.Contains(Roles.SiteAdmin) || set.Contains(Admin) ? MonitorRole.Admin
            : set.Contains(Reviewer) ? MonitorRole.Reviewer
            : set.Contains(Editor) ? MonitorRole.Editor
            : MonitorRole.Anonymous;
    }
}

/// <summary>The current user as a monitor actor, and the store for the request (web pages and API).</summary>
public static class MonitorAccess
{
    /// <summary>
    /// The signed-in user with their monitor role read from the database (so a role granted or taken away applies at once,
    /// not only after the next sign-in); <see cref="MonitorActor.Anonymous"/> when not signed in. A signed-in user without a
    /// monitor role acts as <see cref="MonitorRole.Anonymous"/> with their user id: they see published cases only.
    /// </summary>
    public static async Task<MonitorActor> ActorAsync(HttpContext http)
    {
        if (http.User.Identity?.IsAuthenticated != true || http.User.FindFirstValue(ClaimTypes.NameIdentifier) is not { } userId) return MonitorActor.Anonymous;
        var users = http.RequestServices.GetRequiredService<UserManager<IdentityUser>>();
        var user = await users.FindByIdAsync(userId);
        if (user is null) return MonitorActor.Anonymous;
        return new MonitorActor(userId, MonitorRoles.FromRoleNames(await users.GetRolesAsync(user)));
    }

    /// <summary>The monitor store on the request's database context, with the deployment's two-person rule.</summary>
    public static MonitorStore Store(HttpContext http) =>
        new(http.RequestServices.GetRequiredService<ReshoreDbContext>(), http.RequestServices.GetService<TimeProvider>() ?? TimeProvider.System, TwoPersonRule(http));

    /// <summary>
    /// The two-person rule (nobody publishes a case they drafted, an admin included): configuration key Monitor:TwoPersonRule,
    /// on unless set to false.
    /// </summary>
    public static bool TwoPersonRule(HttpContext http) =>
        !string.Equals(http.RequestServices.GetRequiredService<IConfiguration>()["Monitor:TwoPersonRule"], "false", StringComparison.OrdinalIgnoreCase);

    /// <summary>Creates the monitor roles and seeds <see cref="MonitorSeed.Cases"/> (once; seeding is idempotent by id).</summary>
    public static async Task InitializeAsync(ReshoreDbContext db, RoleManager<IdentityRole> roles, ILogger log)
    {
        foreach (var role in MonitorRoles.All)
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole(role));
        var added = await MonitorStore.SeedAsync(db);
        if (added > 0) log.LogInformation("Loaded {Count} seed cases into the reshoring monitor", added);
    }
}
