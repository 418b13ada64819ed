using System.CommandLine;
using System.Text.Json;
using Reshore.Cli.Output;
using Reshore.Core.Costing;
using Reshore.Core.Localization;
using Reshore.Data.Output;
using Spectre.Console;
using Text = Reshore.Core.Localization.Text;

namespace Reshore.Cli.Commands;

/// <summary>`reshore factors`: every cost factor with its category, kind and formula.</summary>
public static class FactorsCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliContext ctx)
    {
        var format = new Option<string>("--format") { Description = "table or json.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var command = new Command("factors", "List every cost factor with its category, kind (hard, risk, strategic) and formula.") { format };
        command.SetAction(parse =>
        {
            var c = ctx.Culture;
            if (parse.GetValue(format) == "json")
            {
                var doc = CostFactorCatalog.All.Select(f => new
                {
                    id = f.Id, name = FactorText.Name(f.Id, c), description = FactorText.Description(f.Id, c),
                    category = f.Category, categoryName = FactorText.Category(f.Category, c), kind = f.Kind, formula = f.Formula,
                });
                OutputWriter.Write(JsonSerializer.Serialize(doc, EvaluationJson.Options), null, ctx.Out);
                return CliApp.Ok;
            }
            var text = ConsoleFactory.Render(console =>
            {
                var table = new Table().Border(TableBorder.Simple);
                table.AddColumn("#");
                table.AddColumn(Text.Get(c, "Cli_Factor", "Factor"));
                table.AddColumn(Text.Get(c, "Cli_Category", "Category"));
                table.AddColumn(Text.Get(c, "Cli_Kind", "Kind"));
                table.AddColumn(Text.Get(c, "Cli_Formula", "Formula"));
                var n = 0;
                foreach (var f in CostFactorCatalog.All)
                    table.AddRow((++n).ToString(c), Markup.Escape($"{FactorText.Name(f.Id, c)} ({f.Id})\n{FactorText.Description(f.Id, c)}"), Markup.Escape(FactorText.Category(f.Category, c)), Markup.Escape(FactorText.Kind(f.Kind, c)), Markup.Escape(f.Formula));
                console.Write(table);
            }, ConsoleFactory.IsTerminal(ctx.Out));
            OutputWriter.Write(text, null, ctx.Out);
            return CliApp.Ok;
        });
        return command;
    }
}
