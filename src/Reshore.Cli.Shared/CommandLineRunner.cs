using System.CommandLine;
using System.Globalization;
using Reshore.Core.Localization;
using Reshore.Core.Validation;

namespace Reshore.Cli;

/// <summary>
/// Runs a `reshore` command line: parses it against the given commands, applies --lang and maps failures to exit codes (0 ok, 2 invalid
/// input, 1 internal error). The .NET CLI (all commands) and the native one (evaluate and simulate, docs/performance.md) share it.
/// </summary>
public static class CommandLineRunner
{
    /// <summary>Exit code for success.</summary>
    public const int Ok = 0;
    /// <summary>Exit code for an internal error.</summary>
    public const int InternalError = 1;
    /// <summary>Exit code for invalid input.</summary>
    public const int InvalidInput = 2;

    /// <summary>The root command's description.</summary>
    public const string Description = "Reshore: total cost of ownership, business case and CO2e of sourcing options — offshore, nearshore or reshored.";

    /// <summary>Global --lang option.</summary>
    public static Option<string?> LanguageOption { get; } = new("--lang") { Description = "Language of the output: en or nl (default: from LANG).", Recursive = true };

    /// <summary>Runs <paramref name="args"/> against the commands <paramref name="commands"/> makes, writing to the given writers (tests pass StringWriters).</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, Func<CliContext, IEnumerable<Command>> commands)
    {
        var root = new RootCommand(Description);
        root.Options.Add(LanguageOption);
        var context = new CliContext(stdout, stderr);
        foreach (var command in commands(context)) root.Subcommands.Add(command);
        ParseResult parse;
        try
        {
            parse = root.Parse(args);
        }
        catch (Exception e)
        {
            stderr.WriteLine($"error: {e.Message}");
            return InvalidInput;
        }
        var language = parse.GetValue(LanguageOption);
        if (language is not null && !(language.StartsWith("en", StringComparison.OrdinalIgnoreCase) || language.StartsWith("nl", StringComparison.OrdinalIgnoreCase)))
        {
            stderr.WriteLine($"error: --lang '{language}' is not supported: use en or nl.");
            return InvalidInput;
        }
        var culture = Text.Culture(language ?? Environment.GetEnvironmentVariable("LANG"));
        context.Culture = culture;
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors) stderr.WriteLine($"{Text.Get(culture, "Cli_Error", "error")}: {error.Message}");
            stderr.WriteLine(Text.Get(culture, "Cli_SeeHelp", "Run 'reshore --help' for usage."));
            return InvalidInput;
        }
        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (CaseValidationException e)
        {
            stderr.WriteLine(Text.Format(culture, "Cli_InvalidCase", "{0} problem(s) in the case:", e.Errors.Count));
            foreach (var error in e.Errors) stderr.WriteLine("  " + error);
            return InvalidInput;
        }
        catch (UserInputException e)
        {
            stderr.WriteLine($"{Text.Get(culture, "Cli_Error", "error")}: {e.Message}");
            return InvalidInput;
        }
        catch (Exception e)
        {
            stderr.WriteLine($"{Text.Get(culture, "Cli_InternalError", "internal error")}: {e.GetType().Name}: {e.Message}");
            if (Environment.GetEnvironmentVariable("RESHORE_DEBUG") == "1") stderr.WriteLine(e);
            else stderr.WriteLine(Text.Get(culture, "Cli_Debug", "Set RESHORE_DEBUG=1 for details, and report it with the case file."));
            return InternalError;
        }
    }
}

/// <summary>Writers and language shared by the commands.</summary>
public sealed class CliContext(TextWriter stdout, TextWriter stderr)
{
    /// <summary>Standard output.</summary>
    public TextWriter Out { get; } = stdout;
    /// <summary>Standard error.</summary>
    public TextWriter Error { get; } = stderr;
    /// <summary>Language of the output.</summary>
    public CultureInfo Culture { get; set; } = CultureInfo.GetCultureInfo("en");
}

/// <summary>A user mistake on the command line (exit code 2).</summary>
public sealed class UserInputException(string message) : Exception(message);
