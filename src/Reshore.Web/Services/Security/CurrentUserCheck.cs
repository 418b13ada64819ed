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
    public async Task InvokeAsync(HttpContext http, UserManager<IdentityUser> users, IOptions<IdentityOptions> identityOptions)
    {
        if (http.User.Identity?.IsAuthenticated == true)
        {
            var current = await CurrentAsync(http.User, users, identityOptions.Value.ClaimsIdentity);
            if (current is null)
            {
                http.User = new ClaimsPrincipal(new ClaimsIdentity());
                if (!ApiAntiforgery.HasBearerToken(http.Request)) await http.SignOutAsync(IdentityConstants.ApplicationScheme);
            }
            else http.User = current;
        }
        await next(http);
    }

    /// <summary>The principal with the account's current roles, or null when the account is gone or its stamp has changed.</summary>
    public static async Task<ClaimsPrincipal?> CurrentAsync(ClaimsPrincipal principal, UserManager<IdentityUser> users, ClaimsIdentityOptions claims)
    {
        if (principal.FindFirstValue(claims.UserIdClaimType) is not { } id || await users.FindByIdAsync(id) is not { } user) return null;
        if (users.SupportsUserSecurityStamp && principal.FindFirstValue(claims.SecurityStampClaimType) != await users.GetSecurityStampAsync(user)) return null;
        var source = (ClaimsIdentity)principal.Identity!;
        var identity = new ClaimsIdentity(source.Claims.Where(c => c.Type != claims.RoleClaimType), source.AuthenticationType, source.NameClaimType, claims.RoleClaimType);
        foreach (var role in await users.GetRolesAsync(user)) identity.AddClaim(new Claim(claims.RoleClaimType, role));
        return new ClaimsPrincipal(identity);
    }
}
