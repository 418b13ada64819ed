using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Reshore.Cli.Output;
using Reshore.Core.Support;
using Reshore.Data.Output;
using Spectre.Console;
using Text = Reshore.Core.Localization.Text;

namespace Reshore.Cli.Commands;

/// <summary>`reshore instruments`: the support instruments catalogue and the State-aid rules it is checked against, with sources (docs/model.md §21).</summary>
public static class InstrumentsCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliContext ctx)
    {
        var format = new Option<string>("--format") { Description = "table or json.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var reference = EvaluateCommand.ReferenceDataOption();
        var monitor = new Option<string?>("--evaluate-monitor") { Description = "Ex-post evaluation template of an instrument from monitor cases (.csv or .xlsx, the monitor import format): uptake, uptake by size, jobs per million euro, leverage." };
        var country = new Option<string>("--country") { Description = "With --evaluate-monitor: the destination country of the cases evaluated (default BE).", DefaultValueFactory = _ => "BE" };
        var instrument = new Option<string?>("--instrument") { Description = "With --evaluate-monitor: the instrument evaluated (an id of the catalogue), named in the template." };
        var command = new Command("instruments", "List the support instruments (Flemish, federal, EU) a case can reference by id, with eligibility, intensity, ceiling, source and year, and the State-aid rules they are checked against; or, with --evaluate-monitor, an ex-post evaluation template.") { format, reference, monitor, country, instrument };
        command.SetAction(parse =>
        {
            var c = ctx.Culture;
            var m = EvaluateCommand.LoadMarket(parse.GetValue(reference));
            if (parse.GetValue(monitor) is { } monitorFile)
                return Evaluation(ctx, m, monitorFile, parse.GetValue(country)!, parse.GetValue(instrument), parse.GetValue(format) == "json");
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

    /// <summary>The ex-post evaluation template (docs/model.md §21.6), after the KIET evaluation of Korea's U-turn Act the SERV study discusses.</summary>
    private static int Evaluation(CliContext ctx, Reshore.Core.MarketData.MarketSnapshot market, string path, string country, string? instrumentId, bool json)
    {
        var c = ctx.Culture;
        if (!File.Exists(path)) throw new UserInputException($"File not found: {path}");
        var ext = Path.GetExtension(path).ToLowerInvariant();
        if (ext is not (".csv" or ".xlsx")) throw new UserInputException($"The monitor file must be .csv or .xlsx: {path}");
        SupportInstrument? inst = null;
        if (instrumentId is not null && !market.Instruments.TryGetValue(instrumentId, out inst))
            throw new UserInputException($"--instrument: no instrument '{instrumentId}' (known: {string.Join(", ", market.Instruments.Keys.Order(StringComparer.Ordinal))}).");
        Reshore.Monitor.ImportResult parsed;
        using (var stream = File.OpenRead(path))
            parsed = ext == ".csv" ? Reshore.Monitor.MonitorImport.ParseCsv(stream, c) : Reshore.Monitor.MonitorImport.ParseXlsx(stream, c);
        if (!parsed.Succeeded)
        {
            foreach (var e in parsed.Errors)
                ctx.Error.WriteLine($"  {Path.GetFileName(path)}: " + Text.Format(c, "Mon_Cli_ImportError", "row {0}, column {1}: {2}", e.Row == 0 ? "–" : e.Row, e.Column.Length == 0 ? "–" : e.Column, e.Reason));
            return CliApp.InvalidInput;
        }
        var r = Reshore.Monitor.InstrumentEvaluation.Evaluate(parsed.Cases, country.Trim().ToUpperInvariant());
        if (json)
        {
            OutputWriter.Write(JsonSerializer.Serialize(new { schemaVersion = 1, instrument = instrumentId, country = country.ToUpperInvariant(), evaluation = r }, EvaluationJson.Options), null, ctx.Out);
            return CliApp.Ok;
        }
        string N(double? v, string f = "N0") => v is { } x ? x.ToString(f, c) : Text.Get(c, "Fact_Unknown", "unknown");
        var sb = new System.Text.StringBuilder();
        sb.AppendLine("# " + Text.Format(c, "Eval_Title", "Ex-post evaluation: {0}", inst?.Name ?? instrumentId ?? Text.Get(c, "Eval_AnyInstrument", "public support for reshoring")));
        sb.AppendLine();
        sb.AppendLine(Text.Format(c, "Eval_Intro", "After the ex-post evaluation of Korea's U-turn Act by KIET that the SERV study discusses (eligibility too strict: entirely new facilities, full decoupling from the host country, a focus on large firms while SMEs were interested; firms held back by high reshoring costs and hard-to-estimate full costs). Monitor cases: {0}, destination {1}.", Path.GetFileName(path), country.ToUpperInvariant()));
        sb.AppendLine();
        sb.AppendLine("## " + Text.Get(c, "Eval_Design", "1. Eligibility design"));
        if (inst is not null)
            sb.AppendLine("- " + Text.Format(c, "Eval_DesignInstrument", "Open to: {0}; region {1}; cost base {2}; entry threshold {3} EUR; large firms only in assisted areas: {4}.", string.Join(", ", inst.Sizes), inst.Region, inst.CostBase, N(inst.MinEligibleCostEur), inst.LargeOnlyInAidAreas));
        foreach (var (key, en) in new[]
        {
            ("Eval_Q1", "Does eligibility require an entirely new facility, or can an existing site be extended (partial reshoring by process step)?"),
            ("Eval_Q2", "Does it require leaving the host country altogether, or may the firm keep a plant there for its own market?"),
            ("Eval_Q3", "Can SMEs reach the entry thresholds? Compare the uptake by size class below with the size mix of the cases."),
            ("Eval_Q4", "Does the firm get help to estimate the full cost of reshoring (a TCO such as Reshore's) before applying?"),
        })
            sb.AppendLine("- [ ] " + Text.Get(c, key, en));
        sb.AppendLine();
        sb.AppendLine("## " + Text.Get(c, "Eval_Uptake", "2. Uptake"));
        sb.AppendLine(Text.Format(c, "Eval_UptakeLine", "{0} of {1} reshoring cases received public support: {2}%.", r.Supported, r.Cases, N(r.UptakePct, "N1")));
        sb.AppendLine();
        sb.AppendLine("| " + Text.Get(c, "Eval_Size", "Size class") + " | " + Text.Get(c, "Eval_CasesCol", "Cases") + " | " + Text.Get(c, "Eval_SupportedCol", "Supported") + " |");
        sb.AppendLine("| --- | ---: | ---: |");
        foreach (var s in r.BySize) sb.AppendLine($"| {s.SizeClass} | {s.Cases} | {s.Supported} |");
        sb.AppendLine();
        sb.AppendLine("## " + Text.Get(c, "Eval_Outcomes", "3. Outcomes"));
        sb.AppendLine("- " + Text.Format(c, "Eval_Support", "Support granted: {0} EUR ({1} supported case(s) in another currency not counted).", N(r.SupportEur), r.NotInEur));
        sb.AppendLine("- " + Text.Format(c, "Eval_Jobs", "Jobs announced in supported cases: {0} (in {1} case(s) reporting jobs).", r.JobsInSupportedCases, r.SupportedWithJobs));
        sb.AppendLine("- " + Text.Format(c, "Eval_JobsPerEuro", "Jobs per million euro of support: {0}; support per job: {1} EUR.", N(r.JobsPerMillionEur, "N1"), N(r.SupportPerJobEur)));
        sb.AppendLine("- " + Text.Format(c, "Eval_Leverage", "Leverage (investment per euro of support): {0}.", N(r.Leverage, "N1")));
        sb.AppendLine();
        sb.AppendLine("## " + Text.Get(c, "Eval_Additionality", "4. Additionality"));
        sb.AppendLine("- [ ] " + Text.Get(c, "Eval_Q5", "For each supported case: would the option have won without the support? Run `reshore evaluate` on the case: items[].support.options[].additionality says deadweight, additional or insufficient (docs/model.md §21.3)."));
        sb.AppendLine("- [ ] " + Text.Get(c, "Eval_Q6", "Announced jobs are not realised jobs: check them one to three years later."));
        OutputWriter.Write(sb.ToString(), null, ctx.Out);
        return CliApp.Ok;
    }
}
