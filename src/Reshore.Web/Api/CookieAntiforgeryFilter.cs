using Microsoft.AspNetCore.Antiforgery;

namespace Reshore.Web.Api;

/// <summary>
/// Upload endpoints take multipart forms, which another site could post with the user's sign-in cookie. A request signed in
/// by cookie must therefore carry the page's anti-forgery token; API clients send a bearer token, which a foreign page
/// cannot add, and need none.
/// </summary>
public sealed class CookieAntiforgeryFilter : IEndpointFilter
{
    /// <inheritdoc />
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var bearer = http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);
        if (!bearer && !await http.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(http))
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Missing anti-forgery token",
                detail: "An upload signed in by cookie must carry the page's anti-forgery token (form field __RequestVerificationToken or header RequestVerificationToken); API clients use a bearer token.");
        return await next(context);
    }
}
