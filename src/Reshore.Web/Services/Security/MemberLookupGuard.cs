using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Caching.Memory;

namespace Reshore.Web.Services.Security;

/// <summary>The outcome of looking up a new workspace member by e-mail address.</summary>
/// <param name="User">The account, or null when there is none (or the lookup was refused).</param>
/// <param name="Throttled">True when the caller tried too many addresses without an account and must wait.</param>
public readonly record struct MemberLookup(IdentityUser? User, bool Throttled);

/// <summary>
/// Adding a workspace member by e-mail address has to say when there is no such account, and so tells a workspace admin which
/// addresses have accounts (issue 20, item 9: account enumeration). Every signed-in user can create a workspace and so be its
/// admin; to keep that from becoming a search through the user list, each user (site admins excepted: they see the list anyway)
/// may try <see cref="ReshoreLimits.UnknownMemberAddressesPerHour"/> addresses without an account per hour. After that every
/// lookup is refused, with or without an account, until the hour is over, so that the refusal tells nothing either.
/// </summary>
public sealed class MemberLookupGuard(ReshoreLimits limits) : IDisposable
{
    private sealed class Misses
    {
        public int Count;
    }

    // One entry per user with recent misses, bounded like the sign-in guard's.
    private readonly MemoryCache _misses = new(new MemoryCacheOptions { SizeLimit = 100_000 });

    /// <summary>Looks up the account of <paramref name="email"/> for the user <paramref name="callerId"/>.</summary>
    public async Task<MemberLookup> FindAsync(UserManager<IdentityUser> users, string callerId, bool callerIsSiteAdmin, string? email)
    {
        if (!callerIsSiteAdmin && _misses.TryGetValue(callerId, out Misses? misses) && Volatile.Read(ref misses!.Count) >= limits.UnknownMemberAddressesPerHour)
            return new(null, Throttled: true);
        var user = string.IsNullOrWhiteSpace(email) ? null : await users.FindByEmailAsync(email.Trim());
        if (user is null && !callerIsSiteAdmin)
        {
            var entry = _misses.GetOrCreate(callerId, e =>
            {
                e.Size = 1;
                e.AbsoluteExpirationRelativeToNow = TimeSpan.FromHours(1);
                return new Misses();
            })!;
            Interlocked.Increment(ref entry.Count);
        }
        return new(user, Throttled: false);
    }

    /// <inheritdoc />
    public void Dispose() => _misses.Dispose();
}
