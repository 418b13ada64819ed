using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Reshore.Cli.Tests;

/// <summary>
/// Publishes the native CLI (Native AOT, src/Reshore.Cli.Native) once, or takes the one RESHORE_NATIVE_CLI names, for
/// <see cref="NativeCliTests"/>.
/// </summary>
public sealed class NativeCliFixture : IDisposable
{
    private readonly string? _published;

    public NativeCliFixture()
    {
        if (Environment.GetEnvironmentVariable("RESHORE_NATIVE_CLI") is { Length: > 0 } given)
        {
            Path = given;
            return;
        }
        _published = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"reshore-native-{Guid.NewGuid():N}");
        var publish = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { "publish", System.IO.Path.Combine(CliRunner.RepoRoot, "src", "Reshore.Cli.Native"), "-c", "Release", "-r", RuntimeInformation.RuntimeIdentifier, "-o", _published, "-nologo" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(publish)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(20)))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            throw new InvalidOperationException("The native publish did not end within 20 minutes.");
        }
        if (process.ExitCode != 0) throw new InvalidOperationException($"The native publish failed ({process.ExitCode}):\n{stdout.Result}\n{stderr.Result}");
        Path = System.IO.Path.Combine(_published, "reshore");
    }

    /// <summary>The native `reshore` program.</summary>
    public string Path { get; }

    public void Dispose()
    {
        if (_published is not null && Directory.Exists(_published)) Directory.Delete(_published, recursive: true);
    }
}

/// <summary>
/// The native CLI must answer exactly as the .NET one: same standard output, standard error and exit code, for every example and
/// for the user mistakes it meets first (docs/performance.md, "Native CLI").
/// </summary>
[Trait("Category", "Native")]
public sealed class NativeCliTests(NativeCliFixture native) : IClassFixture<NativeCliFixture>
{
    private const string JsonCase = InvalidInputTests.ValidJson;

    public static TheoryData<string> Examples => new(Directory.GetFiles(System.IO.Path.Combine(CliRunner.RepoRoot, "examples"), "*.yaml").Select(System.IO.Path.GetFileName).Order()!);

    [Theory]
    [MemberData(nameof(Examples))]
    public void Evaluates_every_example_as_the_dotnet_cli_does(string example)
    {
        var path = System.IO.Path.Combine(CliRunner.RepoRoot, "examples", example);
        Same("evaluate", path);
        Same("evaluate", path, "--format", "json");
        Same("--lang", "nl", "evaluate", path, "--format", "markdown");
        Same("evaluate", path, "--simulate-risk", "0", "--lang", "nl");
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Simulates_every_example_as_the_dotnet_cli_does(string example)
    {
        var path = System.IO.Path.Combine(CliRunner.RepoRoot, "examples", example);
        Same("simulate", path, "--scenarios", "300", "--format", "json");
        Same("simulate", path, "--scenarios", "200", "--seed", "7", "--lang", "nl");
    }

    [Fact]
    public void Reads_a_json_case_and_a_reference_data_folder()
    {
        var path = CliRunner.TempFile(JsonCase, ".json");
        Same("evaluate", path, "--format", "json");
        Same("evaluate", path, "--reference-data", System.IO.Path.Combine(CliRunner.RepoRoot, "reference-data"));
        Same("simulate", path, "--scenarios", "100");
    }

    [Fact]
    public void Writes_the_same_file_with_output()
    {
        var path = System.IO.Path.Combine(CliRunner.RepoRoot, "examples", "led-lamps.yaml");
        var fromNative = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"reshore-native-{Guid.NewGuid():N}.json");
        var fromDotnet = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"reshore-dotnet-{Guid.NewGuid():N}.json");
        var n = Native("evaluate", path, "--format", "json", "--output", fromNative);
        var d = CliRunner.Run("evaluate", path, "--format", "json", "--output", fromDotnet);
        Assert.Equal((d.ExitCode, d.Out, d.Error), (n.ExitCode, n.Out, n.Error));
        Assert.Equal(File.ReadAllText(fromDotnet), File.ReadAllText(fromNative));
    }

    [Fact]
    public void Reports_user_mistakes_with_the_same_message_and_exit_code()
    {
        var example = System.IO.Path.Combine(CliRunner.RepoRoot, "examples", "led-lamps.yaml");
        var broken = CliRunner.TempFile("name: broken\nbaseYear: 2027\nhorizonYears: ten\nitems: 3\n", ".yaml");
        Assert.Equal(2, Same("evaluate", "no-such-case.yaml"));
        Assert.Equal(2, Same("evaluate", broken));
        Assert.Equal(2, Same("--lang", "nl", "simulate", broken));
        Assert.Equal(2, Same("evaluate", CliRunner.TempFile(JsonCase.Replace("\"horizonYears\": 5,", "\"horizonYears\": 5,,"), ".json")));
        Assert.Equal(2, Same("evaluate", example, "--simulate-risk", "5"));
        Assert.Equal(2, Same("simulate", example, "--item", "no-such-item"));
        Assert.Equal(2, Same("simulate", example, "--scenarios", "3"));
        Assert.Equal(2, Same("evaluate", example, "--format", "pdf"));
        Assert.Equal(2, Same("evaluate", example, "--reference-data", "/no/such/folder"));
        Assert.Equal(2, Same("evaluate", example, "--output", "/no/such/folder/out.json"));
        Assert.Equal(2, Same("--lang", "fr", "evaluate", example));
    }

    /// <summary>Runs both CLIs with <paramref name="args"/>, asserts they agree and returns the exit code.</summary>
    private int Same(params string[] args)
    {
        var dotnet = CliRunner.Run(args);
        var n = Native(args);
        Assert.Equal(dotnet.Out, n.Out);
        Assert.Equal(dotnet.Error, n.Error);
        Assert.Equal(dotnet.ExitCode, n.ExitCode);
        return n.ExitCode;
    }

    private CliRunner.Result Native(params string[] args)
    {
        var start = new ProcessStartInfo(native.Path) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return new CliRunner.Result(process.ExitCode, stdout, stderr.Result);
    }
}
