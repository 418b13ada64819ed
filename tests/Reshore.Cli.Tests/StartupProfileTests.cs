using System.Diagnostics;

namespace Reshore.Cli.Tests;

/// <summary>Multicore JIT profiles (docs/performance.md, "Start-up"): one per command, in the user's cache folder, never in the way.</summary>
public sealed class StartupProfileTests
{
    [Theory]
    [InlineData("evaluate", true)]
    [InlineData("workbook", true)]
    [InlineData("lead-time", true)]
    [InlineData("--help", false)]
    [InlineData("../evil", false)]
    [InlineData("examples/led-lamps.yaml", false)]
    [InlineData("Evaluate", false)]
    [InlineData("", false)]
    public void Only_a_command_word_names_a_profile_file(string word, bool accepted) => Assert.Equal(accepted, StartupProfile.IsCommandName(word));

    [Fact]
    public void A_command_leaves_its_profile_in_the_cache_folder_and_an_unwritable_folder_changes_nothing()
    {
        var cache = Directory.CreateTempSubdirectory("reshore-jit-cache-").FullName;
        try
        {
            var run = Reshore("--version", cache);
            Assert.Equal(0, run.ExitCode);
            Assert.True(File.Exists(Path.Combine(cache, "reshore", "jit-profiles", "reshore.profile")), string.Join(", ", Directory.GetFiles(cache, "*", SearchOption.AllDirectories)));

            // A cache "folder" that is a file: no profile, same answer.
            var blocked = Path.Combine(cache, "not-a-folder");
            File.WriteAllText(blocked, "");
            var again = Reshore("--version", blocked);
            Assert.Equal(0, again.ExitCode);
            Assert.Equal(run.Out, again.Out);
            Assert.Equal("", again.Error);

            // A relative cache folder would land wherever the command runs: no profile at all.
            var working = Directory.CreateDirectory(Path.Combine(cache, "work")).FullName;
            var relative = Reshore("--version", "relative-cache", working);
            Assert.Equal(0, relative.ExitCode);
            Assert.Empty(Directory.GetFileSystemEntries(working));
        }
        finally
        {
            Directory.Delete(cache, true);
        }
    }

    private static (int ExitCode, string Out, string Error) Reshore(string args, string cacheHome, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo("dotnet", $"\"{Path.Combine(AppContext.BaseDirectory, "reshore.dll")}\" {args}")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        start.Environment["XDG_CACHE_HOME"] = cacheHome;
        start.Environment.Remove("RESHORE_JIT_PROFILE");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, output.Result, error.Result);
    }
}
