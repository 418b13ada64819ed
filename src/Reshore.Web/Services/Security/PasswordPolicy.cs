using System.Globalization;
using Microsoft.AspNetCore.Identity;

namespace Reshore.Web.Services.Security;

/// <summary>
/// Password rules on top of Identity's (at least 10 characters with upper case, lower case and a digit): at most
/// <see cref="MaxLength"/> characters, not built on a commonly used password ("Password12", "Welkom2024!") or on the e-mail
/// address, and of more than three distinct characters. NIST SP 800-63B (Digital Identity Guidelines, section 5.1.1.2) asks for
/// such a check against commonly used passwords rather than for more composition rules.
/// </summary>
public sealed class PasswordPolicy : IPasswordValidator<IdentityUser>
{
    /// <summary>Longest password accepted.</summary>
    public const int MaxLength = 128;

    // Words at the top of every published list of leaked passwords (English, Dutch, French, German), and this product's name.
    private static readonly HashSet<string> Common = new(StringComparer.Ordinal)
    {
        "password", "passw0rd", "pass", "passwort", "motdepasse", "wachtwoord", "paswoord", "welcome", "welkom", "bienvenue", "willkommen",
        "qwerty", "qwertz", "azerty", "asdf", "asdfgh", "zxcvbn", "abc", "abcd", "abcdef", "letmein", "admin", "administrator", "root", "user",
        "login", "changeme", "default", "test", "guest", "master", "iloveyou", "monkey", "dragon", "sunshine", "princess", "football", "baseball",
        "soccer", "shadow", "superman", "batman", "trustno", "starwars", "whatever", "freedom", "hello", "summer", "winter", "spring", "autumn",
        "zomer", "lente", "herfst", "january", "december", "reshore", "company",
    };

    /// <inheritdoc />
    public Task<IdentityResult> ValidateAsync(UserManager<IdentityUser> manager, IdentityUser user, string? password)
    {
        if (string.IsNullOrEmpty(password)) return Task.FromResult(IdentityResult.Success);
        var errors = new List<IdentityError>();
        if (password.Length > MaxLength)
            errors.Add(new IdentityError { Code = "PasswordTooLong", Description = $"Passwords must be at most {MaxLength} characters." });
        else if (IsCommon(password, user.Email))
            errors.Add(new IdentityError { Code = "PasswordCommon", Description = "This password is too easy to guess: it is built on a commonly used password or on your e-mail address." });
        return Task.FromResult(errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed(errors.ToArray()));
    }

    /// <summary>True for a password built on a common word or on the e-mail address, or of at most three distinct characters.</summary>
    public static bool IsCommon(string password, string? email)
    {
        var lower = password.ToLower(CultureInfo.InvariantCulture);
        if (lower.Distinct().Count() <= 3) return true;
        // The word without the digits and signs people put around it: "Password12!" → "password", "2024Welkom" → "welkom".
        var core = lower.Trim("0123456789!@#$%^&*()_+-=.,;:?/\\|'\"<>[]{}~` ".ToCharArray());
        if (core.Length == 0 || Common.Contains(core) || Common.Contains(lower)) return true;
        // The address, or its name with digits and signs around it ("Jan.Peeters2024" for jan.peeters@…).
        var address = email?.Trim().ToLower(CultureInfo.InvariantCulture);
        return !string.IsNullOrEmpty(address) && (lower.Contains(address, StringComparison.Ordinal) || core == address.Split('@')[0]);
    }
}
