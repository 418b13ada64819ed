using System.CommandLine;
using Reshore.Cli.Output;
using Reshore.Core.Scorecard;
using Spectre.Console;
using Text = Reshore.Core.Localization.Text;

namespace Reshore.Cli.Commands;

/// <summary>`reshore scorecard criteria|motives|barriers`: the ids a case's scorecard and checklist use.</summary>
public static class ScorecardCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliContext ctx)
    {
        var what = new Argument<string>("list") { Description = "criteria, motives or barriers." };
        what.AcceptOnlyFromAmong("criteria", "motives", "barriers");
        var command = new Command("scorecard", "List the scorecard criteria, the motives (with their Eurofound quadrant) and the barriers, with the ids case files use.") { what };
        command.SetAction(parse =>
        {
            var c = ctx.Culture;
            var text = ConsoleFactory.Render(console =>
            {
                var table = new Table().Border(TableBorder.Simple);
                table.AddColumn("id");
                table.AddColumn(Text.Get(c, "Cli_Name", "Name"));
                switch (parse.GetValue(what))
                {
                    case "criteria":
                        foreach (var id in ScorecardEvaluator.CriterionIds) table.AddRow(id, Markup.Escape(Text.Get(c, "Crit_" + id, id)));
                        break;
                    case "motives":
                        table.AddColumn(Text.Get(c, "Cli_Quadrant", "Quadrant"));
                        foreach (var (id, context, goal) in ScorecardEvaluator.MotiveCatalog) table.AddRow(id, Markup.Escape(Text.Get(c, "Motive_" + id, id)), $"{context} × {goal}");
                        break;
                    default:
                        foreach (var id in ScorecardEvaluator.BarrierCatalog) table.AddRow(id, Markup.Escape(Text.Get(c, "Barrier_" + id, id)));
                        break;
                }
                console.Write(table);
            }, ConsoleFactory.IsTerminal(ctx.Out));
            OutputWriter.Write(text, null, ctx.Out);
            return CliApp.Ok;
        });
        return command;
    }
}
