using Reshore.Cli;
using Reshore.Cli.Commands;

// The native CLI: the commands that need only the engines, case files and reference data. Every other command is the .NET CLI's
// (tools/install-cli.sh installs both; its launcher picks).
return CommandLineRunner.Run(args, Console.Out, Console.Error, context => [EvaluateCommand.Create(context), SimulateCommand.Create(context)]);
