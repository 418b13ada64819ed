using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Reshore.Core.Localization;
using Reshore.Persistence;
using Reshore.Web.Services;

namespace Reshore.Web.Api;

/// <summary>Sign-in, sign-out, first-run setup, API tokens and the language switch.</summary>
public static class AccountEndpoints
{
    /// <summary>Maps the endpoints.</summary>
    public static void Map(WebApplication app)
    {
        app.MapPost("/account/login", async ([FromForm] string? email, [FromForm] string? password, [FromForm] string? returnUrl, SignInManager<IdentityUser> signIn) =>
        {
            signIn.AuthenticationScheme = IdentityConstants.ApplicationScheme;
            var result = email is null || password is null ? Microsoft.AspNetCore.Identity.SignInResult.Failed : await signIn.PasswordSignInAsync(email, password, isPersistent: true, lockoutOnFailure: true);
            if (!result.Succeeded) return Results.LocalRedirect("/login?error=1" + (LocalUrl(returnUrl) is { } r ? "&returnUrl=" + Uri.EscapeDataString(r) : ""));
            return Results.LocalRedirect(LocalUrl(returnUrl) ?? "/");
        }).AllowAnonymous();

        app.MapPost("/account/logout", async (HttpContext http, SignInManager<IdentityUser> signIn, Microsoft.AspNetCore.Antiforgery.IAntiforgery antiforgery) =>
        {
            // The form carries a token; without it another site could sign the user out.
            if (!await antiforgery.IsRequestValidAsync(http)) return Results.BadRequest();
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
        }).AllowAnonymous();

        // API clients exchange e-mail and password for a bearer token (Authorization: Bearer …).
        app.MapPost("/api/auth/token", async Task<Results<EmptyHttpResult, ProblemHttpResult>> (LoginInput login, SignInManager<IdentityUser> signIn) =>
        {
            signIn.AuthenticationScheme = IdentityConstants.BearerScheme;
            var result = await signIn.PasswordSignInAsync(login.Email ?? "", login.Password ?? "", isPersistent: false, lockoutOnFailure: true);
            return result.Succeeded ? TypedResults.Empty
                : TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed", detail: "Unknown e-mail address or wrong password.");
        }).AllowAnonymous().WithTags("Reshore").WithSummary("Exchanges e-mail and password for a bearer token ({tokenType, accessToken, expiresIn, refreshToken}).");

        app.MapGet("/lang/{culture}", (string culture, string? returnUrl, HttpContext http) =>
        {
            http.Response.Cookies.Append(ReshoreWebHost.LanguageCookie, CookieRequestCultureProvider.MakeCookieValue(ReshoreWebHost.CultureFor(culture)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true });
            return Results.LocalRedirect(LocalUrl(returnUrl) ?? "/");
        }).AllowAnonymous();
    }

    /// <summary>A return URL only when it stays on this site.</summary>
    public static string? LocalUrl(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal) ? url : null;
}

/// <summary>E-mail and password.</summary>
public sealed record LoginInput(string? Email, string? Password);

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
