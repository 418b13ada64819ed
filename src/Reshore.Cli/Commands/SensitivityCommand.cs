using System.CommandLine;
using System.Text.Json;
using Reshore.Cli.Output;
using Reshore.Core.Risk;
using Reshore.Data.CaseFiles;
using Reshore.Data.Output;
using Spectre.Console;
using Text = Reshore.Core.Localization.Text;

namespace Reshore.Cli.Commands;

/// <summary>`reshore sensitivity CASE --item ID`: tornado of the saving versus the status quo over the uncertain inputs.</summary>
public static class SensitivityCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliContext ctx)
    {
        var caseArg = new Argument<string>("case") { Description = "Case file." };
        var item = new Option<string>("--item") { Description = "Item id.", Required = true };
        var format = new Option<string>("--format") { Description = "table or json.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var reference = EvaluateCommand.ReferenceDataOption();
        var command = new Command("sensitivity", "Tornado: how the saving versus the status quo moves when each uncertain input goes from its p10 to its p90.") { caseArg, item, format, reference };
        command.SetAction(parse =>
        {
            var market = EvaluateCommand.LoadMarket(parse.GetValue(reference));
            var document = ReadCase(parse.GetValue(caseArg)!, market);
            var itemId = parse.GetValue(item)!;
            TornadoResult result;
            try { result = new SensitivityAnalyzer().Tornado(document.Case, document.Uncertain, market, itemId); }
            catch (ArgumentException e) { throw new UserInputException(e.Message); }
            if (result.Bars.Count == 0)
                throw new UserInputException("The case has no uncertain inputs: give some inputs as distributions, e.g. unitPrice: {distribution: triangular, min: 0.6, mode: 0.68, max: 0.8}.");
            var c = ctx.Culture;
            string text;
            if (parse.GetValue(format) == "json")
            {
                text = JsonSerializer.Serialize(new
                {
                    item = result.ItemId, statusQuoOptionId = result.StatusQuoOptionId, comparedOptionId = result.ComparedOptionId, baseSaving = result.BaseSaving,
                    bars = result.Bars.Select(b => new { input = b.Path, low = b.Low, high = b.High, savingAtLow = b.SavingAtLow, savingAtHigh = b.SavingAtHigh, swing = b.Swing }),
                }, EvaluationJson.Options);
            }
            else
            {
                text = ConsoleFactory.Render(console =>
                {
                    console.MarkupLine(Markup.Escape(Text.Format(c, "Sens_Header", "Present-value saving of {0} versus the status quo {1}: {2:N0} with every input at its mean.", result.ComparedOptionId, result.StatusQuoOptionId, result.BaseSaving)));
                    var max = result.Bars.Max(b => Math.Max(Math.Abs(b.SavingAtLow - result.BaseSaving), Math.Abs(b.SavingAtHigh - result.BaseSaving)));
                    var table = new Table().Border(TableBorder.Simple);
                    foreach (var h in new[] { Text.Get(c, "Sens_Input", "Input"), "p10", "p90", Text.Get(c, "Sens_AtLow", "Saving at p10"), Text.Get(c, "Sens_AtHigh", "Saving at p90"), Text.Get(c, "Sens_Swing", "Swing"), "" })
                        table.AddColumn(h);
                    foreach (var b in result.Bars)
                    {
                        var width = max <= 0 ? 0 : (int)Math.Round(20 * b.Swing / (2 * max));
                        table.AddRow(Markup.Escape(b.Path), b.Low.ToString("G4", c), b.High.ToString("G4", c), b.SavingAtLow.ToString("N0", c), b.SavingAtHigh.ToString("N0", c), b.Swing.ToString("N0", c), new string('█', b.Swing > 0 ? Math.Max(1, width) : 0));
                    }
                    console.Write(table);
                }, ConsoleFactory.IsTerminal(ctx.Out));
            }
            OutputWriter.Write(text, null, ctx.Out);
            return CliApp.Ok;
        });
        return command;
    }

    /// <summary>Reads a case file or fails as a user error.</summary>
    public static CaseDocument ReadCase(string path, Core.MarketData.MarketSnapshot market)
    {
        if (!File.Exists(path)) throw new UserInputException($"Case file not found: {path}");
        return CaseFileReader.ReadDocumentFile(path, market);
    }
}
