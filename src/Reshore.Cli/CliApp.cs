using System.CommandLine;
using Reshore.Cli.Commands;

namespace Reshore.Cli;

/// <summary>The `reshore` command line with every command (<see cref="CommandLineRunner"/> parses it and maps failures to exit codes).</summary>
public static class CliApp
{
    /// <summary>Exit code for success.</summary>
    public const int Ok = CommandLineRunner.Ok;
    /// <summary>Exit code for an internal error.</summary>
    public const int InternalError = CommandLineRunner.InternalError;
    /// <summary>Exit code for invalid input.</summary>
    public const int InvalidInput = CommandLineRunner.InvalidInput;

    /// <summary>Global --lang option.</summary>
    public static Option<string?> LanguageOption => CommandLineRunner.LanguageOption;

    /// <summary>Runs the command line with the given writers (tests pass StringWriters).</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) => CommandLineRunner.Run(args, stdout, stderr, Commands);

    /// <summary>Every command, in the order `reshore --help` lists them.</summary>
    public static IEnumerable<Command> Commands(CliContext context) =>
    [
        EvaluateCommand.Create(context),
        ExampleCommand.Create(context),
        FactorsCommand.Create(context),
        InstrumentsCommand.Create(context),
        LeadTimeCommand.Create(context),
        SchemaCommand.Create(context),
        ReferenceCommand.Create(context),
        BenchCommand.Create(context),
        SimulateCommand.Create(context),
        SensitivityCommand.Create(context),
        BreakEvenCommand.Create(context),
        OptimizeCommand.Create(context),
        ScreenCommand.Create(context),
        DependenciesCommand.Create(context),
        ScorecardCommand.Create(context),
        ServeCommand.Create(context),
        WorkerCommand.Create(context),
        PortfolioCommand.Create(context),
        WorkbookCommand.Create(context),
        ReportCommand.Create(context),
        MonitorCommand.Create(context),
    ];
}
