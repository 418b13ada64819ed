using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Reshore.Cli.Output;
using Reshore.Core.Costing.Formulas;
using Reshore.Core.Localization;
using Reshore.Data.Output;

namespace Reshore.Cli.Commands;

/// <summary>`reshore leadtime`: the Cost Differential Frontier — what a long lead time is worth.</summary>
public static class LeadTimeCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliContext ctx)
    {
        var price = new Option<double>("--price") { Description = "Selling price p.", Required = true };
        var costShort = new Option<double>("--cost-short") { Description = "Unit cost c_S of the short (zero) lead-time supplier.", Required = true };
        var salvage = new Option<double>("--salvage") { Description = "Salvage value s of an unsold unit.", Required = true };
        var volatility = new Option<double>("--volatility") { Description = "Annual log-volatility σ of demand (e.g. 0.6).", Required = true };
        var weeks = new Option<double>("--lead-time-weeks") { Description = "Decision lead time of the long supplier, weeks.", Required = true };
        var format = new Option<string>("--format") { Description = "table or json.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var command = new Command("leadtime", "Break-even cost of a long-lead-time supplier (lognormal newsvendor, Cost Differential Frontier).")
        {
            price, costShort, salvage, volatility, weeks, format,
        };
        command.SetAction(parse =>
        {
            var p = parse.GetValue(price);
            var cs = parse.GetValue(costShort);
            var s = parse.GetValue(salvage);
            var sigma = parse.GetValue(volatility);
            var w = parse.GetValue(weeks);
            if (!(s < cs && cs < p)) throw new UserInputException($"Need --salvage < --cost-short < --price; got {s.ToString(CultureInfo.InvariantCulture)}, {cs.ToString(CultureInfo.InvariantCulture)}, {p.ToString(CultureInfo.InvariantCulture)}.");
            if (sigma < 0 || !double.IsFinite(sigma)) throw new UserInputException($"--volatility must be zero or more, not {sigma.ToString(CultureInfo.InvariantCulture)}.");
            if (w < 0 || !double.IsFinite(w)) throw new UserInputException($"--lead-time-weeks must be zero or more, not {w.ToString(CultureInfo.InvariantCulture)}.");
            var years = w / 52;
            var cl = LeadTimeValuation.BreakEvenLongCost(p, cs, s, sigma, years);
            var advantage = (cs - cl) / cs;
            var premium = cs / cl - 1;
            if (parse.GetValue(format) == "json")
            {
                var doc = new
                {
                    price = p, costShort = cs, salvage = s, volatility = sigma, leadTimeWeeks = w, leadTimeYears = years,
                    criticalFractile = (p - cs) / (p - s),
                    breakEvenLongCost = cl, requiredCostAdvantage = advantage, justifiedPremium = premium,
                    formula = "c_L = p − (p − s) Φ(Φ⁻¹((p − c_S)/(p − s)) + σ√L)",
                };
                OutputWriter.Write(JsonSerializer.Serialize(doc, EvaluationJson.Options), null, ctx.Out);
                return CliApp.Ok;
            }
            var c = ctx.Culture;
            ctx.Out.WriteLine(Text.Format(c, "Cli_LeadTimeBreakEven", "Break-even unit cost of the long-lead-time supplier: {0:N2}", cl));
            ctx.Out.WriteLine(Text.Format(c, "Cli_LeadTimeAdvantage", "Required cost advantage: {0:P1}", advantage));
            ctx.Out.WriteLine(Text.Format(c, "Cli_LeadTimePremium", "Premium justified for the short lead time: {0:P1}", premium));
            ctx.Out.WriteLine(Text.Format(c, "Cli_LeadTimeFormula", "c_L = p − (p − s) Φ(Φ⁻¹((p − c_S)/(p − s)) + σ√L), L = {0:0.###} years (de Treville et al.; lognormal newsvendor with driftless demand).", years));
            return CliApp.Ok;
        });
        return command;
    }
}
