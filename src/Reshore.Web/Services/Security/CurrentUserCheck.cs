using Microsoft.EntityFrameworkCore;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Reshore.Web.Services.Security;

/// <summary>
/// Checks every signed-in request against the database: the account must still exist, its security stamp must be the one
/// the cookie or bearer token was issued with (the stamp changes on sign-out, on a password change, when the user revokes
/// their sessions and when an administrator changes their roles), and the roles the request acts with are the account's
/// roles now, not the ones in the token. A request that fails the check goes on as anonymous (401, or the sign-in page), and a
/// stale cookie is removed.
/// </summary>
public sealed class CurrentUserCheck(RequestDelegate next)
{
    /// <summary>Middleware entry; runs after authentication and before authorisation.</summary>
    public async Task InvokeAsync(HttpContext http, Reshore.Persistence.ReshoreDbContext db, IOptions<IdentityOptions> identityOptions)
    {
        if (http.User.Identity?.IsAuthenticated == true)
        {
            var current = await CurrentAsync(http.User, db, identityOptions.Value.ClaimsIdentity, http.RequestAborted);
            if (current is null)
            {
                http.User = new ClaimsPrincipal(new ClaimsIdentity());
                if (!ApiAntiforgery.HasBearerToken(http.Request)) await http.SignOutAsync(IdentityConstants.ApplicationScheme);
            }
            else http.User = current;
        }
        await next(http);
    }

    /// <summary>
    /// The principal with the account's current roles, or null when the account is gone or its stamp has changed. The account's stamp
    /// and roles come in one query (it runs on every signed-in request; UserManager would take two).
    /// </summary>
    public static async Task<ClaimsPrincipal?> CurrentAsync(ClaimsPrincipal principal, Reshore.Persistence.ReshoreDbContext db, ClaimsIdentityOptions claims,
        CancellationToken ct = default)
    {
        if (principal.FindFirstValue(claims.UserIdClaimType) is not { } id) return null;
        var account = await db.Users.AsNoTracking().Where(u => u.Id == id)
            .Select(u => new
            {
                u.SecurityStamp,
                Roles = (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == u.Id select r.Name).ToList(),
            })
            .FirstOrDefaultAsync(ct);
        // Fails closed: an account without a stamp (a row not written through Identity) is never taken as current.
        if (account?.SecurityStamp is not { Length: > 0 } stamp || principal.FindFirstValue(claims.SecurityStampClaimType) != stamp) return null;
        var source = (ClaimsIdentity)principal.Identity!;
        var identity = new ClaimsIdentity(source.Claims.Where(c => c.Type != claims.RoleClaimType), source.AuthenticationType, source.NameClaimType, claims.RoleClaimType);
        foreach (var role in account.Roles) if (role is not null) identity.AddClaim(new Claim(claims.RoleClaimType, role));
        return new ClaimsPrincipal(identity);
    }
}
