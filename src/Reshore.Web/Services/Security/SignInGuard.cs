using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Caching.Memory;

namespace Reshore.Web.Services.Security;

/// <summary>The outcome of a password sign-in.</summary>
public enum SignInOutcome
{
    /// <summary>Signed in.</summary>
    Succeeded,
    /// <summary>Unknown e-mail address or wrong password (the caller cannot tell which).</summary>
    Failed,
    /// <summary>Too many failed attempts for this account from this address; try again later.</summary>
    Throttled,
}

/// <summary>
/// Password sign-in for the sign-in page, the token endpoint and first-run setup. Instead of Identity's lock-out, which anyone who
/// knows an e-mail address could trigger to lock its owner out, failures are counted per account and client address: after
/// <see cref="ReshoreLimits.FailedSignInsPerAccountAndAddress"/> failures within <see cref="ReshoreLimits.FailedSignInWindowMinutes"/>
/// that pair is refused without checking the password, while the owner signs in from elsewhere as usual. Attempts per address
/// are limited by the rate limiter (<see cref="RateLimits.SignIn"/>). An unknown e-mail address costs the same password hash as a
/// known one, so the answer time does not tell whether an account exists.
/// </summary>
public sealed class SignInGuard(ReshoreLimits limits, IPasswordHasher<IdentityUser> hasher) : IDisposable
{
    // One entry per account and address with recent failures; bounded so that a flood of made-up names cannot fill the memory.
    private readonly MemoryCache _failures = new(new MemoryCacheOptions { SizeLimit = 100_000 });
    private readonly Lazy<string> _dummyHash = new(() => hasher.HashPassword(new IdentityUser(), Guid.NewGuid().ToString("N")));
    private static readonly IdentityUser Nobody = new();

    /// <summary>Longest password checked at all (longer ones fail at once; no account can have one).</summary>
    public const int MaxPasswordLength = 1024;

    /// <summary>Checks the password and, when it is right, signs in with the scheme <paramref name="scheme"/>.</summary>
    public async Task<SignInOutcome> PasswordSignInAsync(SignInManager<IdentityUser> signIn, string? email, string? password, string scheme, bool persistent, HttpContext http)
    {
        var key = $"{email?.Trim().ToUpperInvariant()}|{http.Connection.RemoteIpAddress}";
        if (_failures.TryGetValue(key, out int failures) && failures >= limits.FailedSignInsPerAccountAndAddress) return SignInOutcome.Throttled;
        if (string.IsNullOrEmpty(email) || string.IsNullOrEmpty(password) || password.Length > MaxPasswordLength) return Fail(key);
        var user = await signIn.UserManager.FindByNameAsync(email.Trim()) ?? await signIn.UserManager.FindByEmailAsync(email.Trim());
        if (user is null)
        {
            // Spend the time a real check takes.
            hasher.VerifyHashedPassword(Nobody, _dummyHash.Value, password);
            return Fail(key);
        }
        signIn.AuthenticationScheme = scheme;
        var result = await signIn.PasswordSignInAsync(user, password, persistent, lockoutOnFailure: false);
        if (!result.Succeeded) return Fail(key);
        _failures.Remove(key);
        return SignInOutcome.Succeeded;
    }

    private SignInOutcome Fail(string key)
    {
        var count = _failures.TryGetValue(key, out int failures) ? failures + 1 : 1;
        _failures.Set(key, count, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(limits.FailedSignInWindowMinutes) });
        return SignInOutcome.Failed;
    }

    /// <inheritdoc />
    public void Dispose() => _failures.Dispose();
}
