using System.CommandLine;
using Reshore.Cli.Output;
using Reshore.Data.CaseFiles;

namespace Reshore.Cli.Commands;

/// <summary>`reshore schema`: the JSON Schema of case files (the same schema serves YAML).</summary>
public static class SchemaCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliContext ctx)
    {
        var output = new Option<string?>("--output", "-o") { Description = "Write to this file instead of standard output." };
        var command = new Command("schema", "Print the JSON Schema of case files (docs/case.schema.json).") { output };
        command.SetAction(parse =>
        {
            OutputWriter.Write(CaseSchemaGenerator.Generate(), parse.GetValue(output), ctx.Out);
            return CliApp.Ok;
        });
        return command;
    }
}
