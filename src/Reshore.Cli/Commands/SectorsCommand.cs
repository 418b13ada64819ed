using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Reshore.Cli.Output;
using Reshore.Core.Dependencies;
using Reshore.Data.Dependencies;
using Reshore.Data.Output;
using Spectre.Console;
using Text = Reshore.Core.Localization.Text;

namespace Reshore.Cli.Commands;

/// <summary>
/// `reshore dependencies sectors`: the policy view of a country's industry (docs/model.md §22) — EU-strategic products the country is
/// a net importer of, by industrial ecosystem with the Flemish spearhead clusters, and what-if aggregates when a share of their
/// far-sourced imports moves near.
/// </summary>
public static class SectorsCommand
{
    /// <summary>Builds the subcommand.</summary>
    public static Command Create(CliContext ctx)
    {
        var file = new Argument<string>("file") { Description = "Trade flows: BACI layout (t,i,j,k,v,q) or year,exporter,importer,hs6,value." };
        var codes = new Option<string?>("--country-codes") { Description = "BACI's country-code file (needed for the BACI layout)." };
        var country = new Option<string>("--country") { Description = "The country screened, ISO code (default BE).", DefaultValueFactory = _ => "BE" };
        var year = new Option<int?>("--year") { Description = "Year to screen (default: the latest in the file)." };
        var ecosystems = new Option<string?>("--ecosystems") { Description = "HS6 → industrial ecosystem mapping (hs6,ecosystem[,sensitive])." };
        var parameters = new Option<string?>("--parameters") { Description = "Per ecosystem: labour_cost_share_pct, jobs_per_million, co2e_t_saved_per_million[, source]." };
        var shift = new Option<double>("--shift-pct") { Description = "Share of the candidates' imports from outside the EU that moves near, % (default 20).", DefaultValueFactory = _ => 20 };
        var scale = new Option<double>("--value-scale") { Description = "Currency units per unit of the file's values (BACI: thousands, 1000 — the default).", DefaultValueFactory = _ => 1000 };
        var skip = new Option<bool>("--skip-bad-rows") { Description = "Report malformed rows but screen the rest (default: fail on any)." };
        var format = new Option<string>("--format") { Description = "table or json.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var output = new Option<string?>("--output", "-o") { Description = "Write to this file instead of standard output." };
        var reference = EvaluateCommand.ReferenceDataOption();
        var command = new Command("sectors", "Sector and ecosystem screen of reshoring potential for a country: EU-strategic products it is a net importer of, by ecosystem and Flemish spearhead cluster, with what-if aggregates (jobs, CO2e, import dependence) when a share of far-sourced imports moves near.")
        {
            file, codes, country, year, ecosystems, parameters, shift, scale, skip, format, output, reference,
        };
        command.SetAction(parse =>
        {
            var market = EvaluateCommand.LoadMarket(parse.GetValue(reference));
            var request = new SectorScreenRequest(parse.GetValue(file)!, parse.GetValue(codes), parse.GetValue(ecosystems), parse.GetValue(parameters),
                parse.GetValue(country)!, parse.GetValue(year), parse.GetValue(shift), parse.GetValue(scale), parse.GetValue(skip));
            SectorScreenOutcome outcome;
            try
            {
                outcome = SectorScreenRun.Run(request, market.EcosystemClusters);
            }
            catch (TradeFileException e) { throw new UserInputException(e.Message); }
            foreach (var e in outcome.SkippedRows.Take(20)) ctx.Error.WriteLine($"  {Path.GetFileName(request.TradeFile)}: line {e.Line}, column {e.Column}: {e.Reason} (skipped)");
            var result = outcome.Result;
            var y = result.Year;
            var alpha3 = result.Country;
            var s = result.ShiftPct;
            var valueScale = result.ValueScale;
            var outFile = parse.GetValue(output);
            var c = ctx.Culture;
            if (parse.GetValue(format) == "json")
            {
                OutputWriter.Write(JsonSerializer.Serialize(SectorScreenJson.ToDocument(result, outcome.SkippedRows), EvaluationJson.Options), outFile, ctx.Out);
                return CliApp.Ok;
            }
            OutputWriter.Write(ConsoleFactory.Render(console =>
            {
                console.MarkupLine(Markup.Escape(Text.Format(c, "Sectors_Header", "{0}, {1}: {2} products imported; {3} EU-strategic (dependent at EU level), {4} of them with {1} a net importer. What-if: {5:0.#}% of their imports from outside the EU moves near.",
                    y, alpha3, result.Total.Products, result.Total.EuDependent, result.Total.Candidates, s)));
                string N(double? v, string f = "N0") => v is { } x ? x.ToString(f, c) : Text.Get(c, "Fact_Unknown", "unknown");
                var table = new Table().Border(TableBorder.Simple);
                foreach (var h in new[]
                {
                    Text.Get(c, "Sectors_Ecosystem", "Ecosystem · spearhead clusters"), Text.Get(c, "Sectors_Candidates", "Strategic ∩ net importer / products"),
                    Text.Get(c, "Sectors_FarImports", "Imports from outside the EU"), Text.Get(c, "Sectors_Dependence", "Import dependence, % now → after"),
                    Text.Get(c, "Sectors_Labour", "Labour-cost share, % · suitability"), Text.Get(c, "Sectors_Moved", "Moved near"), Text.Get(c, "Sectors_Jobs", "Jobs"), Text.Get(c, "Sectors_Co2e", "t CO2e saved"),
                })
                    table.AddColumn(Markup.Escape(h));
                foreach (var e in result.Ecosystems.Append(result.Total))
                {
                    var name = e == result.Total ? Text.Get(c, "Sectors_Total", "Total") : e.Ecosystem ?? Text.Get(c, "Sectors_NotMapped", "(no ecosystem)");
                    table.AddRow(Markup.Escape(name + (e.Clusters.Count > 0 ? " · " + string.Join(", ", e.Clusters) : "")), $"{e.Candidates} / {e.Products}", N(e.CandidateFarImports),
                        $"{N(e.ImportDependencePct, "N1")} → {N(e.ImportDependenceAfterPct, "N1")}", e.LabourCostSharePct is { } l ? $"{l.ToString("N0", c)} · {e.Suitability!.Value.ToString("+0.00;−0.00;0.00", c)}" : "–",
                        N(e.MovedNear), N(e.Jobs, "N1"), N(e.Co2eTonnesSaved, "N0"));
                }
                console.Write(table);
                console.WriteLine(Text.Format(c, "Sectors_Units", "Values in the file's unit (× {0} for currency units). Suitability: the study's labour-cost rule, clamp(−(share − 30) ÷ 30, −1, 1), positive favours production near home. Jobs and CO2e need --parameters per ecosystem; unknown without.", valueScale.ToString("N0", c)));
            }, outFile is null && ConsoleFactory.IsTerminal(ctx.Out)), outFile, ctx.Out);
            return CliApp.Ok;
        });
        return command;
    }
}
