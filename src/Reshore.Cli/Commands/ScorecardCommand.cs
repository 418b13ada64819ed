using System.CommandLine;
using System.Text.Json;
using Reshore.Cli.Output;
using Reshore.Core.Scorecard;
using Reshore.Data.Output;
using Spectre.Console;
using Text = Reshore.Core.Localization.Text;

namespace Reshore.Cli.Commands;

/// <summary>
/// `reshore scorecard criteria|motives|barriers [--format table|json]`: the ids a case's scorecard and checklist use. Motives
/// come with their quadrant or hybrid zone of Eurofound's framework (the keys `reshore monitor stats --by quadrant` uses), the
/// study lines that name them and the Eurofound counts the study gives.
/// </summary>
public static class ScorecardCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliContext ctx)
    {
        var what = new Argument<string>("list") { Description = "criteria, motives or barriers." };
        what.AcceptOnlyFromAmong("criteria", "motives", "barriers");
        var format = new Option<string>("--format") { Description = "table or json (an array of objects with id and label, and for motives quadrant, context, goal, hybrid, studyLines, eurofoundCases).", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var command = new Command("scorecard", "List the scorecard criteria, the motives (with their quadrant or hybrid zone of Eurofound's framework) and the barriers, with the ids case files and the monitor use.") { what, format };
        command.SetAction(parse =>
        {
            var c = ctx.Culture;
            var list = parse.GetValue(what);
            if (parse.GetValue(format) == "json")
            {
                object rows = list switch
                {
                    "criteria" => ScorecardEvaluator.CriterionIds.Select(id => new { id, label = Text.Get(c, "Crit_" + id, id) }).ToList(),
                    "motives" => ReshoringMotives.All.Select(m => new
                    {
                        id = m.Id, label = m.Label(c), quadrant = m.Zone.ToString(), quadrantLabel = ReshoringMotives.ZoneLabel(c, m.Zone), context = m.Context, goal = m.Goal,
                        hybrid = m.IsHybrid, inStudy = m.InStudy, studyLines = m.StudyLines, eurofoundCases = m.EurofoundCases, eurofoundTopThree = m.EurofoundTopThree,
                    }).ToList(),
                    _ => ReshoringBarriers.All.Select(b => new { id = b.Id, label = b.Label(c), studyLines = b.StudyLines }).ToList(),
                };
                ctx.Out.WriteLine(JsonSerializer.Serialize(rows, EvaluationJson.Options));
                return CliApp.Ok;
            }
            var text = ConsoleFactory.Render(console =>
            {
                var table = new Table().Border(TableBorder.Simple);
                table.AddColumn("id");
                table.AddColumn(Text.Get(c, "Cli_Name", "Name"));
                switch (list)
                {
                    case "criteria":
                        foreach (var id in ScorecardEvaluator.CriterionIds) table.AddRow(id, Markup.Escape(Text.Get(c, "Crit_" + id, id)));
                        break;
                    case "motives":
                        table.AddColumn(Text.Get(c, "Cli_Quadrant", "Quadrant"));
                        table.AddColumn(Text.Get(c, "Cli_StudyLines", "Study lines"));
                        table.AddColumn(new TableColumn(Text.Get(c, "Cli_EurofoundCases", "Eurofound cases")).RightAligned());
                        foreach (var m in ReshoringMotives.All)
                            table.AddRow(m.Id, Markup.Escape(m.Label(c)), Markup.Escape(ReshoringMotives.ZoneLabel(c, m.Zone)), m.StudyLines ?? "—",
                                m.EurofoundCases?.ToString(c) ?? (m.EurofoundTopThree ? Text.Get(c, "Cli_TopThree", "top 3") : ""));
                        break;
                    default:
                        table.AddColumn(Text.Get(c, "Cli_StudyLines", "Study lines"));
                        foreach (var b in ReshoringBarriers.All) table.AddRow(b.Id, Markup.Escape(b.Label(c)), b.StudyLines);
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
