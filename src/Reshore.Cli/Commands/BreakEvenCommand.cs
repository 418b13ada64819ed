using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Reshore.Cli.Output;
using Reshore.Core.Risk;
using Reshore.Data.Output;
using Text = Reshore.Core.Localization.Text;

namespace Reshore.Cli.Commands;

/// <summary>`reshore breakeven CASE --item ID --input PATH --between A B`: the input value at which two options cost the same.</summary>
public static class BreakEvenCommand
{
    private static string Unit(Core.Domain.ReshoringCase c, string path) => CasePaths.CurrencyAt(c, path) is { } cur ? " " + cur : "";

    /// <summary>Builds the command.</summary>
    public static Command Create(CliContext ctx)
    {
        var caseArg = new Argument<string>("case") { Description = "Case file." };
        var item = new Option<string>("--item") { Description = "Item id.", Required = true };
        var input = new Option<string>("--input") { Description = "Path of the input, e.g. items[led].options[cn-cm].production.unitPrice or assumptions.wageGrowthPct.CN.", Required = true };
        var between = new Option<double[]>("--between") { Description = "Search range: two numbers, low and high.", Required = true, Arity = new ArgumentArity(2, 2), AllowMultipleArgumentsPerToken = true };
        var options = new Option<string[]?>("--options") { Description = "The two options to compare, as two words or 'a,b' (default: status quo and the recommended or best alternative).", Arity = new ArgumentArity(1, 2), AllowMultipleArgumentsPerToken = true };
        var format = new Option<string>("--format") { Description = "table or json.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var reference = EvaluateCommand.ReferenceDataOption();
        var command = new Command("breakeven", "Find the value of one input at which two options have the same present cost.") { caseArg, item, input, between, options, format, reference };
        command.SetAction(parse =>
        {
            var market = EvaluateCommand.LoadMarket(parse.GetValue(reference));
            var document = SensitivityCommand.ReadCase(parse.GetValue(caseArg)!, market);
            var range = parse.GetValue(between)!;
            var pair = parse.GetValue(options)?.SelectMany(o => o.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToArray();
            if (pair is { Length: not 0 and not 2 }) throw new UserInputException("--options takes two option ids, e.g. --options cn-cm pl-supplier.");
            BreakEvenResult r;
            try
            {
                var path = CasePaths.ResolveIds(document.Case, parse.GetValue(input)!);
                _ = CasePaths.Get(document.Case, path);
                // Both ends of the range must make a valid case (a known country key, a price of zero or more, …).
                foreach (var end in new[] { range[0], range[1] })
                {
                    var problems = Core.Validation.CaseChecks.All(CasePaths.With(document.Case, path, end), document.Uncertain, market);
                    if (problems.Count > 0)
                        throw new UserInputException($"--between {end.ToString(System.Globalization.CultureInfo.InvariantCulture)}: {string.Join("; ", problems.Select(p => p.ToString()))}");
                }
                r = new SensitivityAnalyzer().BreakEven(document.Case, market, parse.GetValue(item)!, path, range[0], range[1], pair is { Length: 2 } ? pair[0] : null, pair is { Length: 2 } ? pair[1] : null);
            }
            catch (ArgumentException e) { throw new UserInputException(e.Message); }
            var c = ctx.Culture;
            var message = r.BreakEven is { } v
                ? Text.Format(c, "Be_Found", "{0} and {1} cost the same at {2} = {3} (now {4}).", r.OptionA, r.OptionB, r.Path,
                    v.ToString("G6", c) + Unit(document.Case, r.Path), (r.CurrentValue?.ToString("G6", c) ?? "not set") + Unit(document.Case, r.Path))
                : Text.Format(c, "Be_None", "No break-even in range: between {0:G6} and {1:G6} the present cost of {2} minus {3} goes from {4:N0} to {5:N0} without changing sign.", r.From, r.To, r.OptionA, r.OptionB, r.DifferenceAtFrom, r.DifferenceAtTo);
            var text = parse.GetValue(format) == "json"
                ? JsonSerializer.Serialize(new
                {
                    item = r.ItemId, input = r.Path, between = new[] { r.From, r.To }, optionA = r.OptionA, optionB = r.OptionB,
                    breakEvenValue = r.BreakEven, currentValue = r.CurrentValue, pvDifferenceAtLow = r.DifferenceAtFrom, pvDifferenceAtHigh = r.DifferenceAtTo, message,
                }, EvaluationJson.Options)
                : message;
            OutputWriter.Write(text, null, ctx.Out);
            return CliApp.Ok;
        });
        return command;
    }
}
