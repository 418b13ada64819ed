using System.CommandLine;
using System.Text.Json;
using Reshore.Cli.Output;
using Reshore.Core.Optimization;
using Reshore.Data.Output;
using Spectre.Console;
using Text = Reshore.Core.Localization.Text;

namespace Reshore.Cli.Commands;

/// <summary>`reshore optimize CASE`: the best mix of options and buffer stock for a risk appetite, with frontier and out-of-sample check.</summary>
public static class OptimizeCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliContext ctx)
    {
        var caseArg = new Argument<string>("case") { Description = "Case file." };
        var item = new Option<string?>("--item") { Description = "Optimise only this item." };
        var lambda = new Option<double?>("--risk-aversion") { Description = "λ: objective = expected cost + λ × CVaR (default: the case's, else 0)." };
        var alpha = new Option<double?>("--alpha") { Description = "CVaR level α, e.g. 0.95 (default: the case's, else 0.95)." };
        var frontier = new Option<bool>("--frontier") { Description = "Sweep λ and return the efficient frontier (expected cost against CVaR)." };
        var scenarios = new Option<int>("--scenarios") { Description = "Scenarios in the stochastic program (default 200).", DefaultValueFactory = _ => 200 };
        var seed = new Option<int?>("--seed") { Description = "Random seed (default: the case's risk.seed, else 1)." };
        var format = new Option<string>("--format") { Description = "table or json.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var output = new Option<string?>("--output", "-o") { Description = "Write to this file instead of standard output." };
        var reference = EvaluateCommand.ReferenceDataOption();
        var command = new Command("optimize", "Find the mix of options and buffer stock that minimises expected cost + λ × CVaR under your constraints (Google OR-Tools).")
        {
            caseArg, item, lambda, alpha, frontier, scenarios, seed, format, output, reference,
        };
        command.SetAction(parse =>
        {
            var market = EvaluateCommand.LoadMarket(parse.GetValue(reference));
            var document = SensitivityCommand.ReadCase(parse.GetValue(caseArg)!, market);
            var n = parse.GetValue(scenarios);
            if (n is < 10 or > 5000) throw new UserInputException("--scenarios must be between 10 and 5,000 for the optimiser.");
            if (parse.GetValue(alpha) is { } a && a is <= 0.5 or >= 1) throw new UserInputException("--alpha must be between 0.5 and 1, e.g. 0.95.");
            if (parse.GetValue(lambda) is < 0) throw new UserInputException("--risk-aversion must be zero or more.");
            var itemId = parse.GetValue(item);
            if (itemId is not null && document.Case.Items.All(i => i.Id != itemId))
                throw new UserInputException($"Unknown item '{itemId}'; items: {string.Join(", ", document.Case.Items.Select(i => i.Id))}.");
            var seedValue = parse.GetValue(seed) ?? document.Case.Risk?.Seed ?? 1;
            var results = new OptimizationService().Optimize(document.Case, document.Uncertain, market, ctx.Culture, itemId, parse.GetValue(lambda), parse.GetValue(alpha),
                parse.GetValue(frontier), n, seedValue);
            var file = parse.GetValue(output);
            var text = parse.GetValue(format) == "json"
                ? JsonSerializer.Serialize(OptimizationJson.ToDocument(results, n, seedValue), EvaluationJson.Options)
                : ConsoleFactory.Render(console => Render(console, results, ctx), file is null && ConsoleFactory.IsTerminal(ctx.Out));
            OutputWriter.Write(text, file, ctx.Out);
            // Constraints that cannot all hold are a user error (2); a solver that stops without an answer (time limit) is not (1).
            if (results.Any(r => r.Optimum is null && r.Status == "INFEASIBLE")) return CliApp.InvalidInput;
            return results.Any(r => r.Optimum is null) ? CliApp.InternalError : CliApp.Ok;
        });
        return command;
    }

    /// <summary>"optimal" for a proven optimum; otherwise the status with the proven gap, or "gap unknown".</summary>
    private static string SolveStatus(Core.Optimization.OptimizedStrategy s, System.Globalization.CultureInfo c) =>
        s.ProvenOptimal ? Text.Get(c, "Opt_StatusOptimal", "optimal")
        : s.RelativeGap is { } gap ? Text.Format(c, "Opt_StatusGap", "{0}, gap {1:P3}", s.Status, gap) : Text.Format(c, "Opt_StatusNoGap", "{0}, gap unknown", s.Status);

    private static void Render(IAnsiConsole console, IReadOnlyList<ItemOptimization> results, CliContext ctx)
    {
        var c = ctx.Culture;
        foreach (var r in results)
        {
            console.Write(new Rule($"[bold]{Markup.Escape(r.ItemName ?? r.ItemId)}[/] ({Markup.Escape(r.ItemId)})").LeftJustified());
            console.Write(new Panel(Markup.Escape(r.Explanation)).Header(Text.Get(c, "Opt_Title", "Optimal mix")).Border(BoxBorder.Rounded));
            foreach (var w in r.Warnings) console.MarkupLine($"[yellow]{Markup.Escape(w)}[/]");
            if (r.Optimum is null) continue;
            var table = new Table().Border(TableBorder.Simple);
            foreach (var h in new[] { Text.Get(c, "Opt_Strategy", "Strategy"), Text.Get(c, "Sim_Shares", "Shares"), Text.Get(c, "Sim_Buffer", "Buffer wk"), Text.Get(c, "Opt_Expected", "Expected cost"),
                         $"CVaR {r.Alpha.ToString("P0", c)}", Text.Get(c, "Sim_Fill", "Fill rate"), Text.Get(c, "Opt_EmergencyUnits", "Emergency units/yr"), Text.Get(c, "Opt_SolveStatus", "Solver status") })
                table.AddColumn(new TableColumn(Markup.Escape(h)).RightAligned());
            void Row(string name, Core.Optimization.OptimizedStrategy s) => table.AddRow(Markup.Escape(name),
                Markup.Escape(string.Join(" + ", r.OptionIds.Zip(s.Shares).Where(x => x.Second > 1e-6).Select(x => $"{x.Second.ToString("P0", c)} {x.First}"))),
                s.BufferWeeks.ToString("0.#", c), s.ExpectedCost.ToString("N0", c), s.Cvar.ToString("N0", c), s.FillRate.ToString("P2", c), s.ExpectedEmergencyUnitsPerYear.ToString("N0", c),
                Markup.Escape(SolveStatus(s, c)));
            Row("★ " + (r.Optimum.ProvenOptimal ? Text.Get(c, "Opt_Optimal", "optimal (in sample)") : Text.Get(c, "Opt_BestFound", "best found, not proven optimal (in sample)")), r.Optimum);
            foreach (var (s, i) in r.SingleSource.Select((s, i) => (s, i)))
                if (s is not null) Row(Text.Format(c, "Opt_Only", "only {0}", r.OptionIds[i]), s);
            if (r.OutOfSample is { } o)
                table.AddRow(Markup.Escape(Text.Get(c, "Opt_OutOfSample", "optimal, out of sample")), Markup.Escape(string.Join(" + ", o.Shares.Select(x => $"{x.Value.ToString("P0", c)} {x.Key}"))), o.BufferWeeks.ToString("0.#", c),
                    $"{o.AnnualCost.Mean.ToString("N0", c)} ± {o.AnnualCost.StdError.ToString("N0", c)}", $"{(r.OutOfSampleCvar ?? o.AnnualCost.Cvar95).ToString("N0", c)} ± {(r.OutOfSampleCvarStdError ?? o.AnnualCost.Cvar95StdError).ToString("N0", c)}",
                    o.FillRate.ToString("P2", c), o.ExpectedEmergencyUnitsPerYear.ToString("N0", c), "");
            console.Write(table);
            console.MarkupLine(Markup.Escape(Text.Format(c, "Opt_CostBasis", "Equivalent annual costs at a discount rate of {0:P1}. In sample: one representative year; out of sample: the whole horizon, whose CVaR is the tail of the horizon's average.", r.DiscountRate)));
            if (r.Frontier is { Count: > 0 } frontier)
            {
                var f = new Table().Border(TableBorder.Simple).Title(Markup.Escape(Text.Get(c, "Opt_Frontier", "Efficient frontier")));
                foreach (var h in new[] { "λ", Text.Get(c, "Opt_Expected", "Expected cost"), "CVaR", Text.Get(c, "Sim_Shares", "Shares"), Text.Get(c, "Sim_Buffer", "Buffer wk"), Text.Get(c, "Opt_SolveStatus", "Solver status") })
                    f.AddColumn(new TableColumn(Markup.Escape(h)).RightAligned());
                foreach (var s in frontier)
                    f.AddRow(s.RiskAversion.ToString("0.##", c), s.ExpectedCost.ToString("N0", c), s.Cvar.ToString("N0", c),
                        Markup.Escape(string.Join(" + ", r.OptionIds.Zip(s.Shares).Where(x => x.Second > 1e-6).Select(x => $"{x.Second.ToString("P0", c)} {x.First}"))), s.BufferWeeks.ToString("0.#", c),
                        Markup.Escape(SolveStatus(s, c)));
                console.Write(f);
            }
        }
    }
}
