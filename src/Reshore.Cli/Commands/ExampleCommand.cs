using System.CommandLine;
using Reshore.Core.Localization;
using Reshore.Data.Examples;

namespace Reshore.Cli.Commands;

/// <summary>`reshore example [NAME]`: writes the bundled example cases.</summary>
public static class ExampleCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliContext ctx)
    {
        var name = new Argument<string?>("name") { Description = "Example to write; all when left out.", Arity = ArgumentArity.ZeroOrOne };
        var output = new Option<string>("--output", "-o") { Description = "Folder to write to (default: the current folder).", DefaultValueFactory = _ => "." };
        var force = new Option<bool>("--force") { Description = "Overwrite existing files." };
        var list = new Option<bool>("--list") { Description = "List the examples instead of writing them." };
        var command = new Command("example", "Write the bundled example cases.") { name, output, force, list };
        command.SetAction(parse =>
        {
            if (parse.GetValue(list))
            {
                foreach (var e in ExampleCatalog.All) ctx.Out.WriteLine($"{e.Name,-28} {e.Title}");
                return CliApp.Ok;
            }
            var wanted = parse.GetValue(name);
            var examples = wanted is null ? ExampleCatalog.All : [ExampleCatalog.Find(wanted) ?? throw new UserInputException(
                $"Unknown example '{wanted}'. Known: {string.Join(", ", ExampleCatalog.All.Select(e => e.Name))}.")];
            var dir = parse.GetValue(output)!;
            Directory.CreateDirectory(dir);
            var targets = examples.Select(e => (e, Path.Combine(dir, e.FileName))).ToList();
            if (!parse.GetValue(force) && targets.FirstOrDefault(t => File.Exists(t.Item2)) is { Item2: { } existing })
                throw new UserInputException($"{existing} exists; use --force to overwrite.");
            foreach (var (e, path) in targets)
            {
                File.WriteAllText(path, e.Text);
                ctx.Out.WriteLine(Text.Format(ctx.Culture, "Cli_Wrote", "Wrote {0}", path));
            }
            return CliApp.Ok;
        });
        return command;
    }
}
