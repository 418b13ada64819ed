using System.CommandLine;
using Reshore.Cli.Output;
using Reshore.Core.Localization;
using Reshore.Core.Risk;
using Reshore.Data.CaseFiles;
using Reshore.Data.Output;
using Spectre.Console;
using Text = Reshore.Core.Localization.Text;

namespace Reshore.Cli.Commands;

/// <summary>`reshore simulate CASE`: Monte Carlo comparison of sourcing strategies on cost, tail risk, service and survival.</summary>
public static class SimulateCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliContext ctx)
    {
        var caseArg = new Argument<string>("case") { Description = "Case file (.json, .yaml or .yml)." };
        var scenarios = new Option<int?>("--scenarios") { Description = "Scenarios per item (default: risk.scenarios in the case, else 2,000)." };
        var seed = new Option<int?>("--seed") { Description = "Random seed (default: risk.seed in the case, else 1)." };
        var item = new Option<string?>("--item") { Description = "Simulate only this item." };
        var format = new Option<string>("--format") { Description = "table or json.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var output = new Option<string?>("--output", "-o") { Description = "Write to this file instead of standard output." };
        var reference = EvaluateCommand.ReferenceDataOption();
        var command = new Command("simulate", "Simulate demand, uncertain inputs and disruptions week by week, and compare strategies on expected cost, tail risk and service.")
        {
            caseArg, scenarios, seed, item, format, output, reference,
        };
        command.SetAction((parse, cancellation) =>
        {
            var path = parse.GetValue(caseArg)!;
            var (document, market) = EvaluateCommand.ReadCaseWithMarket(path, parse.GetValue(reference));
            var n = parse.GetValue(scenarios);
            if (n is < 10 or > 1_000_000) throw new UserInputException("--scenarios must be between 10 and 1,000,000.");
            var itemId = parse.GetValue(item);
            if (itemId is not null && document.Case.Items.All(i => i.Id != itemId))
                throw new UserInputException($"Unknown item '{itemId}'; items: {string.Join(", ", document.Case.Items.Select(i => i.Id))}.");
            var result = WithProgress(ctx, progress => new RiskAnalyzer(ctx.Culture).Simulate(document.Case, document.Uncertain, market, n, parse.GetValue(seed), itemId, progress, cancellation));
            var file = parse.GetValue(output);
            var text = parse.GetValue(format) == "json"
                ? EvaluationJson.Serialize(SimulationJson.ToDocument(result, document.Case))
                : ConsoleFactory.Render(console => Render(console, result, document.Case.Currency?.Value ?? "EUR", ctx), file is null && ConsoleFactory.IsTerminal(ctx.Out));
            OutputWriter.Write(text, file, ctx.Out);
            return Task.FromResult(CommandLineRunner.Ok);
        });
        return command;
    }

    /// <summary>Runs <paramref name="work"/> with a progress bar on standard error when it is a terminal.</summary>
    public static T WithProgress<T>(CliContext ctx, Func<IProgress<(string Item, int Done, int Total)>?, T> work)
    {
        if (Console.IsErrorRedirected || !ReferenceEquals(ctx.Error, Console.Error)) return work(null);
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        T result = default!;
        console.Progress().AutoClear(true).Start(p =>
        {
            var tasks = new Dictionary<string, ProgressTask>();
            var progress = new SynchronousProgress(report =>
            {
                lock (tasks)
                {
                    if (!tasks.TryGetValue(report.Item, out var task)) tasks[report.Item] = task = p.AddTask(Markup.Escape(report.Item), maxValue: report.Total);
                    task.Value = report.Done;
                }
            });
            result = work(progress);
        });
        return result;
    }

    private sealed class SynchronousProgress(Action<(string Item, int Done, int Total)> report) : IProgress<(string Item, int Done, int Total)>
    {
        public void Report((string Item, int Done, int Total) value) => report(value);
    }

    private static void Render(IAnsiConsole console, SimulationResult result, string currency, CliContext ctx)
    {
        var c = ctx.Culture;
        string T(string key, string en) => Text.Get(c, key, en);
        console.MarkupLine(Markup.Escape(Text.Format(c, "Sim_Header", "{0} scenarios per item, seed {1}; annual cost in {2}.", result.Scenarios, result.Seed, currency)));
        foreach (var item in result.Items)
        {
            console.WriteLine();
            console.Write(new Rule($"[bold]{Markup.Escape(item.ItemName ?? item.ItemId)}[/] ({Markup.Escape(item.ItemId)}, {item.Weeks / 52} {T("Sim_Years", "years")})").LeftJustified());
            var table = new Table().Border(TableBorder.Rounded);
            foreach (var h in new[] { T("Sim_Strategy", "Strategy"), T("Sim_Shares", "Shares"), T("Sim_Buffer", "Buffer wk"), T("Sim_Mean", "Mean ± s.e."), "P5", "P50", "P95",
                         T("Sim_Cvar", "CVaR95 ± s.e."), T("Sim_CvarOneYear", "CVaR95, one year"), T("Sim_Fill", "Fill rate"), T("Sim_Lost", "Lost units/yr"), T("Sim_Cheapest", "P(cheapest)") })
                table.AddColumn(new TableColumn(Markup.Escape(h)).RightAligned());
            var best = item.Strategies.MinBy(s => s.AnnualCost.Mean)!;
            foreach (var s in item.Strategies)
            {
                var a = s.AnnualCost;
                var name = (s.Id == best.Id ? "★ " : "") + s.Id;
                table.AddRow(Markup.Escape(name), Markup.Escape(string.Join(" + ", s.Shares.Select(kv => $"{kv.Value:P0} {kv.Key}"))), s.BufferWeeks.ToString("0.#", c),
                    $"{a.Mean.ToString("N0", c)} ± {a.StdError.ToString("N0", c)}", a.P5.ToString("N0", c), a.P50.ToString("N0", c), a.P95.ToString("N0", c),
                    $"{a.Cvar95.ToString("N0", c)} ± {a.Cvar95StdError.ToString("N0", c)}", s.SingleYearCvar95?.ToString("N0", c) ?? "–",
                    s.FillRate.ToString("P2", c), s.ExpectedLostUnitsPerYear.ToString("N0", c),
                    $"{s.ProbabilityCheapest.ToString("P1", c)} ± {(s.ProbabilityCheapestStdError * 100).ToString("0.0", c)}");
            }
            console.Write(table);
            console.MarkupLine(Markup.Escape(Text.Format(c, "Sim_CostBasis",
                "Equivalent annual cost: each scenario's yearly costs discounted at {0:P1} and spread evenly over {1} years as an annuity. CVaR95 is the tail of that {1}-year average; \"CVaR95, one year\" is the tail of a single year's cost, weighted over the years like the mean.",
                item.DiscountRate, item.Weeks / 52)));
            var survival = new Table().Border(TableBorder.Simple).Title(Markup.Escape(T("Sim_SurvivalTitle", "Time to survive (TTS) against time to recover (TTR), weeks")));
            survival.AddColumn(T("Sim_Strategy", "Strategy"));
            survival.AddColumn(T("Sim_Option", "Option lost"));
            survival.AddColumn(new TableColumn("TTS").RightAligned());
            survival.AddColumn(new TableColumn("TTR").RightAligned());
            survival.AddColumn("");
            foreach (var s in item.Strategies)
                foreach (var o in s.Options)
                    survival.AddRow(Markup.Escape(s.Id), Markup.Escape(o.OptionId), o.TimeToSurviveWeeks?.ToString("0.0", c) ?? "∞", o.TimeToRecoverWeeks?.ToString("0.#", c) ?? "–",
                        o.AtRisk ? $"[red]{Markup.Escape(T("Sim_AtRisk", "TTS < TTR + lead time: mitigate"))}[/]" : "");
            console.Write(survival);
            foreach (var w in item.Warnings) console.MarkupLine($"[yellow]{Markup.Escape(w)}[/]");
            if (item.UncertainInputs.Count > 0)
                console.MarkupLine(Markup.Escape(Text.Format(c, "Sim_Uncertain", "Uncertain inputs drawn per scenario: {0}", string.Join(", ", item.UncertainInputs))));
        }
    }
}
