using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Reshore.Core.Localization;
using Reshore.Persistence;
using Reshore.Web.Services;
using Reshore.Web.Services.Security;

namespace Reshore.Web.Api;

/// <summary>Sign-in, sign-out, first-run setup, API tokens and the language switch.</summary>
public static class AccountEndpoints
{
    /// <summary>Maps the endpoints.</summary>
    public static void Map(WebApplication app)
    {
        app.MapPost("/account/login", async ([FromForm] string? email, [FromForm] string? password, [FromForm] string? returnUrl, HttpContext http, SignInManager<IdentityUser> signIn, SignInGuard guard) =>
        {
            var outcome = await guard.PasswordSignInAsync(signIn, email, password, IdentityConstants.ApplicationScheme, persistent: true, http);
            if (outcome != SignInOutcome.Succeeded)
                return Results.LocalRedirect((outcome == SignInOutcome.Throttled ? "/login?error=wait" : "/login?error=1") + (LocalUrl(returnUrl) is { } r ? "&returnUrl=" + Uri.EscapeDataString(r) : ""));
            return Results.LocalRedirect(LocalUrl(returnUrl) ?? "/");
        }).AllowAnonymous().RequireRateLimiting(RateLimits.SignIn);

        app.MapPost("/account/logout", async (HttpContext http, SignInManager<IdentityUser> signIn, Microsoft.AspNetCore.Antiforgery.IAntiforgery antiforgery) =>
        {
            // The form carries a token; without it another site could sign the user out.
            if (!await antiforgery.IsRequestValidAsync(http)) return Results.BadRequest();
            await EndSessionsAsync(signIn.UserManager, http.User);
            await signIn.SignOutAsync();
            return Results.LocalRedirect("/login");
        });

        app.MapPost("/account/setup", async ([FromForm] string? email, [FromForm] string? password, HttpContext http, UserManager<IdentityUser> users, SignInManager<IdentityUser> signIn, ReshoreDbContext db) =>
        {
            if (!ReshoreWebHost.IsLocalSetupRequest(http) || await users.Users.AnyAsync()) return Results.NotFound();
            var created = await Accounts.CreateUserAsync(users, db, email, password, isAdmin: true);
            if (created.Errors.Count > 0)
                return Results.LocalRedirect("/setup?error=" + Uri.EscapeDataString(string.Join(" ", created.Errors.SelectMany(e => e.Value))));
            await DatabaseInitializer.JoinExamplesAsync(db, created.User!.Id, WorkspaceRole.Admin);
            signIn.AuthenticationScheme = IdentityConstants.ApplicationScheme;
            await signIn.SignInAsync(created.User, isPersistent: true);
            return Results.LocalRedirect("/");
        }).AllowAnonymous().RequireRateLimiting(RateLimits.SignIn);

        // API clients exchange e-mail and password for a bearer token (Authorization: Bearer …).
        app.MapPost("/api/auth/token", async Task<Results<EmptyHttpResult, ProblemHttpResult>> (LoginInput login, HttpContext http, SignInManager<IdentityUser> signIn, SignInGuard guard) =>
            await guard.PasswordSignInAsync(signIn, login.Email, login.Password, IdentityConstants.BearerScheme, persistent: false, http) switch
            {
                SignInOutcome.Succeeded => TypedResults.Empty,
                SignInOutcome.Throttled => TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many failed sign-ins",
                    detail: "Too many failed sign-ins for this account from your address; wait and try again."),
                _ => TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed", detail: "Unknown e-mail address or wrong password."),
            }).AllowAnonymous().RequireRateLimiting(RateLimits.SignIn).WithTags("Reshore")
            .WithSummary("Exchanges e-mail and password for a bearer token ({tokenType, accessToken, expiresIn, refreshToken}); 429 after too many failures.");

        app.MapPost("/api/auth/revoke", async (HttpContext http, UserManager<IdentityUser> users) =>
        {
            await EndSessionsAsync(users, http.User);
            return Results.NoContent();
        }).RequireAuthorization().WithTags("Reshore").WithSummary("Ends every session and bearer token of the signed-in user, this one included.");

        app.MapPost("/api/auth/password", async (PasswordChange input, HttpContext http, UserManager<IdentityUser> users) =>
        {
            if (await users.GetUserAsync(http.User) is not { } user) return Results.Unauthorized();
            if (string.IsNullOrEmpty(input.CurrentPassword) || string.IsNullOrEmpty(input.NewPassword))
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["newPassword"] = ["give currentPassword and newPassword"] });
            var result = await users.ChangePasswordAsync(user, input.CurrentPassword, input.NewPassword);
            // Identity renews the security stamp on a password change, which ends every other session and token.
            return result.Succeeded ? Results.NoContent()
                : Results.ValidationProblem(new Dictionary<string, string[]> { [result.Errors.Any(e => e.Code == "PasswordMismatch") ? "currentPassword" : "newPassword"] = result.Errors.Select(e => e.Description).ToArray() });
        }).RequireAuthorization().RequireRateLimiting(RateLimits.SignIn).WithTags("Reshore")
            .WithSummary("Changes the signed-in user's password ({currentPassword, newPassword}); every session and token, this one included, ends.");

        app.MapGet("/lang/{culture}", (string culture, string? returnUrl, HttpContext http) =>
        {
            http.Response.Cookies.Append(ReshoreWebHost.LanguageCookie, CookieRequestCultureProvider.MakeCookieValue(ReshoreWebHost.CultureFor(culture)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true, Secure = http.Request.IsHttps });
            return Results.LocalRedirect(LocalUrl(returnUrl) ?? "/");
        }).AllowAnonymous();
    }

    /// <summary>A return URL only when it stays on this site (the same test as LocalRedirect, so a redirect never throws).</summary>
    public static string? LocalUrl(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && RedirectHttpResult.IsLocalUrl(url) ? url : null;

    /// <summary>Ends every session and token of the signed-in user by renewing their security stamp (see <see cref="CurrentUserCheck"/>).</summary>
    public static async Task EndSessionsAsync(UserManager<IdentityUser> users, System.Security.Claims.ClaimsPrincipal principal)
    {
        if (await users.GetUserAsync(principal) is { } user) await users.UpdateSecurityStampAsync(user);
    }
}

/// <summary>E-mail and password.</summary>
public sealed record LoginInput(string? Email, string? Password);

/// <summary>A password change.</summary>
public sealed record PasswordChange(string? CurrentPassword, string? NewPassword);

/// <summary>Creating accounts.</summary>
public static class Accounts
{
    /// <summary>Creates a local account; errors are keyed by field.</summary>
    public static async Task<(IdentityUser? User, Dictionary<string, string[]> Errors)> CreateUserAsync(UserManager<IdentityUser> users, ReshoreDbContext db, string? email, string? password, bool isAdmin)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(email) || !email.Contains('@')) errors["email"] = ["a valid e-mail address is required"];
        if (string.IsNullOrEmpty(password)) errors["password"] = ["is required"];
        if (errors.Count > 0) return (null, errors);
        var user = new IdentityUser { UserName = email!.Trim(), Email = email.Trim(), EmailConfirmed = true };
        var result = await users.CreateAsync(user, password!);
        if (!result.Succeeded)
            return (null, new Dictionary<string, string[]> { [result.Errors.Any(e => e.Code.StartsWith("Password", StringComparison.Ordinal)) ? "password" : "email"] = result.Errors.Select(e => e.Description).ToArray() });
        if (isAdmin) await users.AddToRoleAsync(user, Roles.SiteAdmin);
        return (user, errors);
    }
}
