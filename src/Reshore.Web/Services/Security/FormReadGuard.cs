using Microsoft.AspNetCore.Http.Features;

namespace Reshore.Web.Services.Security;

/// <summary>
/// Reads a posted form (multipart or URL-encoded) before anything else does, so that a malformed one (no boundary, a body cut
/// short, a part over the size limit) is the client's 400 or 413, not an exception deep in an endpoint or the anti-forgery check.
/// </summary>
public sealed class FormReadGuard(RequestDelegate next)
{
    /// <summary>Middleware entry.</summary>
    public async Task InvokeAsync(HttpContext http)
    {
        if (http.Request.HasFormContentType && http.Features.Get<IFormFeature>()?.Form is null)
        {
            try
            {
                await http.Request.ReadFormAsync(http.RequestAborted);
            }
            catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException && !http.RequestAborted.IsCancellationRequested)
            {
                var status = e is BadHttpRequestException bad ? bad.StatusCode
                    : e.Message.Contains("limit", StringComparison.OrdinalIgnoreCase) ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest;
                await Results.Problem(statusCode: status, title: "The form could not be read", detail: e.Message).ExecuteAsync(http);
                return;
            }
        }
        await next(http);
    }
}
