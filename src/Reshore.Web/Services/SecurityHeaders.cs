using System.Globalization;

namespace Reshore.Web.Services;

/// <summary>
/// Security headers on every response, error pages included (they are set when the response starts, after the exception handler
/// has cleared the failed one): no sniffing, no framing, no referrer leaks, a strict content policy, and on HTTPS (directly or
/// behind a trusted TLS proxy) Strict-Transport-Security.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next, ReshoreLimits limits)
{
    /// <summary>Middleware entry; runs first in the pipeline.</summary>
    public Task InvokeAsync(HttpContext context)
    {
        // Decided now, after the forwarded headers of a trusted proxy have been applied.
        var https = context.Request.IsHttps;
        context.Response.OnStarting(() =>
        {
            var h = context.Response.Headers;
            h["X-Content-Type-Options"] = "nosniff";
            h["X-Frame-Options"] = "DENY";
            h["Referrer-Policy"] = "no-referrer";
            h["Cross-Origin-Opener-Policy"] = "same-origin";
            // Inline styles are needed by the SVG charts; scripts only from this site.
            h["Content-Security-Policy"] = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'";
            if (https && limits.HstsDays > 0)
                h.StrictTransportSecurity = "max-age=" + (limits.HstsDays * 86_400L).ToString(CultureInfo.InvariantCulture);
            return Task.CompletedTask;
        });
        return next(context);
    }
}
