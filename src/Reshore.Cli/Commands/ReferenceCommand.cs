using System.CommandLine;
using System.Globalization;
using Reshore.Cli.Output;
using Spectre.Console;

namespace Reshore.Cli.Commands;

/// <summary>`reshore reference countries|lanes|emissions|carbon|tariffs`: browse the reference data with sources and years.</summary>
public static class ReferenceCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliContext ctx)
    {
        var what = new Argument<string>("table") { Description = "countries, lanes, emissions, carbon or tariffs." };
        what.AcceptOnlyFromAmong("countries", "lanes", "emissions", "carbon", "tariffs");
        var sources = new Option<bool>("--sources") { Description = "Show the source of every value." };
        var reference = EvaluateCommand.ReferenceDataOption();
        var format = new Option<string>("--format") { Description = "table or json (json: tariffs).", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var hs = new Option<string?>("--hs") { Description = "tariffs: only rows for this HS/CN code or prefix (e.g. 8539 or 8537 10 98)." };
        var origin = new Option<string?>("--origin") { Description = "tariffs: only regimes and extra duties of this origin (ISO code)." };
        var command = new Command("reference", "Show the bundled reference data with sources and years.") { what, sources, reference, format, hs, origin };
        command.SetAction(parse =>
        {
            var m = EvaluateCommand.LoadMarket(parse.GetValue(reference));
            var c = ctx.Culture;
            var showSources = parse.GetValue(sources);
            if (parse.GetValue(what) == "tariffs")
            {
                OutputWriter.Write(ReferenceTariffs.Render(m, parse.GetValue(reference), parse.GetValue(format)!, parse.GetValue(hs), parse.GetValue(origin), showSources, c, ConsoleFactory.IsTerminal(ctx.Out)), null, ctx.Out);
                return CliApp.Ok;
            }
            if (parse.GetValue(format) == "json")
                throw new UserInputException($"--format json is available for tariffs on this release; {parse.GetValue(what)} prints a table.");
            var text = ConsoleFactory.Render(console =>
            {
                var table = new Table().Border(TableBorder.Simple);
                switch (parse.GetValue(what))
                {
                    case "countries":
                        foreach (var h in new[] { "ISO", "Country", "EU", "Regime", "Labour EUR/h", "Wage growth %", "Productivity (BE=100)", "Electricity EUR/kWh", "Grid g/kWh" }) table.AddColumn(h);
                        foreach (var p in m.Countries.Values.OrderBy(p => p.Code))
                        {
                            table.AddRow(p.Code.Value, Markup.Escape(p.Name), p.EuMember ? "yes" : "no", p.TradeRegime.ToString(),
                                $"{p.LabourCostEurPerHour.Value.ToString("0.00", c)} ({p.LabourCostEurPerHour.Year})", $"{p.WageGrowthPct.Value.ToString("0.0", c)} ({p.WageGrowthPct.Year})",
                                $"{p.ProductivityIndex.Value.ToString("0.0", c)} ({p.ProductivityIndex.Year})", $"{p.ElectricityEurPerKwh.Value.ToString("0.0000", c)} ({p.ElectricityEurPerKwh.Year})",
                                $"{p.GridGCo2ePerKwh.Value.ToString("0", c)} ({p.GridGCo2ePerKwh.Year})");
                            if (showSources)
                                table.AddRow("", Markup.Escape(string.Join("\n", new[] { p.LabourCostEurPerHour, p.WageGrowthPct, p.ProductivityIndex, p.ElectricityEurPerKwh, p.GridGCo2ePerKwh }.Select(v => "· " + v.Source))), "", "", "", "", "", "", "");
                        }
                        break;
                    case "lanes":
                        foreach (var h in new[] { "Lane", "Mode", "From", "To", "km", "Days", "Rate", "Default" }) table.AddColumn(h);
                        foreach (var l in m.Lanes.Values.OrderBy(l => l.Origin).ThenBy(l => l.Mode))
                        {
                            table.AddRow(l.Id, l.Mode.ToString(), Markup.Escape(l.OriginPlace), Markup.Escape(l.DestinationPlace), l.DistanceKm.Value.ToString("N0", c),
                                l.TransitDays.Value.ToString("0", c), $"{l.Rate.Value.ToString("N2", c)} {l.RateCurrency} {l.RateUnit}", l.IsDefault ? "yes" : "");
                            if (showSources) table.AddRow("", Markup.Escape("· " + l.DistanceKm.Source + "\n· " + l.Rate.Source), "", "", "", "", "", "");
                        }
                        break;
                    case "emissions":
                        foreach (var h in new[] { "Factor", "Default for", "Class", "g CO2e/t·km" }) table.AddColumn(h);
                        foreach (var f in m.EmissionFactors)
                        {
                            table.AddRow(f.Id, f.DefaultFor?.ToString() ?? "", Markup.Escape(f.VehicleClass), f.GramsPerTonneKm.Value.ToString("0.##", c));
                            if (showSources) table.AddRow("", "", Markup.Escape("· " + f.GramsPerTonneKm.Source), "");
                        }
                        break;
                    default:
                        foreach (var h in new[] { "Year", "EU ETS EUR/t", "CBAM factor %", "Source" }) table.AddColumn(h);
                        foreach (var (year, price) in m.EtsPriceEurPerTonne.OrderBy(kv => kv.Key))
                            table.AddRow(year.ToString(CultureInfo.InvariantCulture), price.Value.ToString("0.00", c),
                                m.CbamFactorPct.TryGetValue(year, out var f) ? f.Value.ToString("0.0", c) : "", Markup.Escape(showSources ? price.Source : price.Source.Split(':')[0]));
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
