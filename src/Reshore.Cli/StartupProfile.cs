using System.Runtime;

namespace Reshore.Cli;

/// <summary>
/// Multicore JIT (<see cref="ProfileOptimization"/>): each command records which methods it compiled at start into a profile
/// under the user's cache folder, and the next run of that command compiles them ahead on another core while the first one
/// works — a command of about a second is mostly first-call compilation (docs/performance.md, "Start-up"). A precompiled
/// (ReadyToRun) install compiles less and gains less. Off with RESHORE_JIT_PROFILE=0; a cache folder that cannot be written
/// only turns it off.
/// </summary>
public static class StartupProfile
{
    /// <summary>Starts recording and replaying the profile of the command named by <paramref name="args"/>' first word.</summary>
    public static void Start(string[] args)
    {
        if (Environment.GetEnvironmentVariable("RESHORE_JIT_PROFILE") == "0") return;
        var command = args.Length > 0 && IsCommandName(args[0]) ? args[0] : "reshore";
        try
        {
            var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            var cache = Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg ? xdg : Path.Combine(home, ".cache");
            // Never a folder relative to wherever the command runs (no home directory, a relative XDG_CACHE_HOME).
            if (!Path.IsPathRooted(cache)) return;
            var folder = Path.Combine(cache, "reshore", "jit-profiles");
            Directory.CreateDirectory(folder);
            ProfileOptimization.SetProfileRoot(folder);
            ProfileOptimization.StartProfile(command + ".profile");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            // No profile: the command runs as it would without one.
        }
    }

    /// <summary>A word that can name a profile file: lower-case letters and dashes, starting with a letter (a command, not a path or an option).</summary>
    public static bool IsCommandName(string word) => word.Length is > 0 and <= 32 && word[0] is >= 'a' and <= 'z' && word.All(c => c is >= 'a' and <= 'z' or '-');
}
