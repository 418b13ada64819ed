using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Reshore.Web.Services.Security;

/// <summary>
/// ASP.NET Core's rate limiter on sign-in and on the expensive endpoints (<see cref="ReshoreLimits"/> sets the numbers):
/// sign-in attempts per client address in a fixed one-minute window; expensive requests per user in a token bucket refilled
/// every minute, and at most <see cref="ReshoreLimits.ExpensiveRequestsInParallel"/> of them in progress per user. Beyond a
/// limit the answer is 429 with Retry-After.
/// </summary>
public static class RateLimits
{
    /// <summary>Policy of the sign-in endpoints.</summary>
    public const string SignIn = "sign-in";

    /// <summary>Policy of the endpoints that compute (evaluate, simulate, optimise, reports, imports, jobs, screening).</summary>
    public const string Expensive = "expensive";

    /// <summary>Registers the policies.</summary>
    public static void Add(IServiceCollection services, ReshoreLimits limits) => services.AddRateLimiter(o =>
    {
        o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        o.OnRejected = (context, ct) => RejectAsync(context.HttpContext, context.Lease, ct);
        o.AddPolicy(SignIn, http => RateLimitPartition.GetFixedWindowLimiter(Address(http), _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limits.SignInAttemptsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0,
        }));
        o.AddPolicy(Expensive, http => RateLimitPartition.GetTokenBucketLimiter(Caller(http), _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = limits.ExpensiveRequestsPerMinute, TokensPerPeriod = limits.ExpensiveRequestsPerMinute, ReplenishmentPeriod = TimeSpan.FromMinutes(1),
            QueueLimit = 0, AutoReplenishment = true,
        }));
        // The number in progress at once, for the same endpoints: the global limiter runs for every request, and lets through
        // all that are not expensive.
        o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
            http.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName == Expensive
                ? RateLimitPartition.GetConcurrencyLimiter(Caller(http), _ => new ConcurrencyLimiterOptions { PermitLimit = limits.ExpensiveRequestsInParallel, QueueLimit = 0 })
                : RateLimitPartition.GetNoLimiter(""));
    });

    /// <summary>The client's address (after the forwarded headers of a trusted proxy are applied).</summary>
    public static string Address(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static string Caller(HttpContext http) =>
        http.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } id ? "user:" + id : "address:" + Address(http);

    private static async ValueTask RejectAsync(HttpContext http, RateLimitLease lease, CancellationToken ct)
    {
        var retry = lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? (int)Math.Ceiling(after.TotalSeconds) : (int?)null;
        if (retry is { } seconds) http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var detail = retry is { } s
            ? $"Too many requests; try again in {s} seconds."
            : "Too many requests at once; wait for the ones in progress to finish.";
        await Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests", detail: detail).ExecuteAsync(http);
    }
}
