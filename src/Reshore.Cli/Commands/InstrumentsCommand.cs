using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Reshore.Cli.Output;
using Reshore.Core.Support;
using Reshore.Data.Output;
using Spectre.Console;
using Text = Reshore.Core.Localization.Text;

namespace Reshore.Cli.Commands;

/// <summary>`reshore instruments`: the support instruments catalogue and the State-aid rules it is checked against, with sources (docs/model.md §18).</summary>
public static class InstrumentsCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliContext ctx)
    {
        var format = new Option<string>("--format") { Description = "table or json.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var reference = EvaluateCommand.ReferenceDataOption();
        var command = new Command("instruments", "List the support instruments (Flemish, federal, EU) a case can reference by id, with eligibility, intensity, ceiling, source and year, and the State-aid rules they are checked against.") { format, reference };
        command.SetAction(parse =>
        {
            var c = ctx.Culture;
            var m = EvaluateCommand.LoadMarket(parse.GetValue(reference));
            var instruments = m.Instruments.Values.OrderBy(i => i.Level, StringComparer.Ordinal).ThenBy(i => i.Id, StringComparer.Ordinal).ToList();
            var rules = m.StateAidRules.Values.OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
            if (parse.GetValue(format) == "json")
            {
                var doc = new { instruments = instruments.Select(SupportJson.Instrument), stateAidRules = rules.Select(SupportJson.Rule) };
                OutputWriter.Write(JsonSerializer.Serialize(doc, EvaluationJson.Options), null, ctx.Out);
                return CliApp.Ok;
            }
            string Pct(IReadOnlyDictionary<FirmSize, double> d, FirmSize s) => d.TryGetValue(s, out var v) ? v.ToString("0.#", c) + "%" : "–";
            var text = ConsoleFactory.Render(console =>
            {
                var table = new Table().Border(TableBorder.Simple).Title(Text.Get(c, "Instruments_Title", "Support instruments"));
                table.AddColumn(Text.Get(c, "Instruments_Id", "Id · name"));
                table.AddColumn(Text.Get(c, "Instruments_Level", "Level · type · base"));
                table.AddColumn(Text.Get(c, "Instruments_Intensity", "Intensity small / medium / large"));
                table.AddColumn(Text.Get(c, "Instruments_Ceiling", "Ceiling, EUR"));
                table.AddColumn(Text.Get(c, "Instruments_Rules", "State-aid basis"));
                table.AddColumn(Text.Get(c, "Instruments_Source", "Source (year)"));
                foreach (var i in instruments)
                {
                    var tax = i.TaxRatePct is { } t ? " " + Text.Format(c, "Instruments_TaxRate", "(deduction; tax saved at {0:0.#}%)", t) : "";
                    table.AddRow(Markup.Escape($"{i.Id}\n{i.Name}"), Markup.Escape($"{i.Level} · {i.Type} · {i.CostBase}\n{i.Region}"),
                        Markup.Escape($"{Pct(i.IntensityPct, FirmSize.Small)} / {Pct(i.IntensityPct, FirmSize.Medium)} / {Pct(i.IntensityPct, FirmSize.Large)}{tax}"),
                        Markup.Escape(i.CeilingEur is { } ce ? $"{ce.ToString("N0", c)} / {i.CeilingPer}" : "–"), Markup.Escape(string.Join(", ", i.StateAidRules)),
                        Markup.Escape($"{i.Source} ({i.Year?.ToString(CultureInfo.InvariantCulture) ?? "?"})"));
                }
                console.Write(table);
                var ruleTable = new Table().Border(TableBorder.Simple).Title(Text.Get(c, "Instruments_RulesTitle", "State-aid rules"));
                ruleTable.AddColumn(Text.Get(c, "Instruments_Id", "Id · name"));
                ruleTable.AddColumn(Text.Get(c, "Instruments_Area", "Area"));
                ruleTable.AddColumn(Text.Get(c, "Instruments_MaxIntensity", "Largest intensity small / medium / large"));
                ruleTable.AddColumn(Text.Get(c, "Instruments_Threshold", "Notification threshold or ceiling, EUR"));
                ruleTable.AddColumn(Text.Get(c, "Instruments_Source", "Source (year)"));
                foreach (var r in rules)
                    ruleTable.AddRow(Markup.Escape($"{r.Id}\n{r.Name}"), Markup.Escape(r.Area?.ToString() ?? "any"),
                        Markup.Escape($"{Pct(r.MaxIntensityPct, FirmSize.Small)} / {Pct(r.MaxIntensityPct, FirmSize.Medium)} / {Pct(r.MaxIntensityPct, FirmSize.Large)}"),
                        Markup.Escape(r.NotificationThresholdEur is { } n ? n.ToString("N0", c) : r.AmountCeilingEur is { } a ? a.ToString("N0", c) : "–"),
                        Markup.Escape($"{r.Source} ({r.Year?.ToString(CultureInfo.InvariantCulture) ?? "?"})"));
                console.Write(ruleTable);
                console.WriteLine(Text.Get(c, "Instruments_Extend", "Extend the catalogue: copy reference-data/, add rows to instruments.csv, and pass --reference-data to this and every command. A case refers to an instrument by id under options[].transition.incentives[].instrument."));
            }, ConsoleFactory.IsTerminal(ctx.Out));
            OutputWriter.Write(text, null, ctx.Out);
            return CliApp.Ok;
        });
        return command;
    }
}
