using Microsoft.AspNetCore.Antiforgery;

namespace Reshore.Web.Services.Security;

/// <summary>
/// A browser sends the sign-in cookie with any request, including one another site makes it send (a form posted to
/// /api/cases/{id}/simulations with no body would start a job). So an API request that changes something (POST, PUT, PATCH,
/// DELETE) and is signed in by cookie must carry the page's anti-forgery token in the RequestVerificationToken header (the
/// site's own script does); requests with a bearer token, which a foreign page cannot add, need none.
/// </summary>
public sealed class ApiAntiforgery(RequestDelegate next)
{
    /// <summary>Middleware entry; runs after <see cref="CurrentUserCheck"/>.</summary>
    public async Task InvokeAsync(HttpContext http, IAntiforgery antiforgery)
    {
        if (http.Request.Path.StartsWithSegments("/api") && !HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method)
            && !HttpMethods.IsOptions(http.Request.Method) && http.User.Identity?.IsAuthenticated == true && !HasBearerToken(http.Request)
            && !await antiforgery.IsRequestValidAsync(http))
        {
            await Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Missing anti-forgery token",
                detail: "A request signed in by cookie must carry the page's anti-forgery token (header RequestVerificationToken, or form field __RequestVerificationToken for uploads); API clients use a bearer token.")
                .ExecuteAsync(http);
            return;
        }
        await next(http);
    }

    /// <summary>
    /// True when the request authenticates with a bearer token: Identity's default scheme reads the Authorization header when it
    /// holds one, and the sign-in cookie otherwise.
    /// </summary>
    public static bool HasBearerToken(HttpRequest request) => request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);
}
