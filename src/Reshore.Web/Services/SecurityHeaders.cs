namespace Reshore.Web.Services;

/// <summary>Security headers on every response: no sniffing, no framing, no referrer leaks, a strict content policy.</summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    /// <summary>Middleware entry.</summary>
    public Task InvokeAsync(HttpContext context)
    {
        var h = context.Response.Headers;
        h["X-Content-Type-Options"] = "nosniff";
        h["X-Frame-Options"] = "DENY";
        h["Referrer-Policy"] = "no-referrer";
        h["Cross-Origin-Opener-Policy"] = "same-origin";
        // Inline styles are needed by the SVG charts; scripts only from this site.
        h["Content-Security-Policy"] = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'";
        return next(context);
    }
}
