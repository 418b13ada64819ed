using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Reshore.Cli.Output;
using Reshore.Core.MarketData;
using Reshore.Core.Values;
using Reshore.Data.ReferenceData;
using Spectre.Console;

namespace Reshore.Cli.Commands;

/// <summary>
/// `reshore reference countries|energy|lanes|emissions|carbon|tariffs|fx [--format json]`: browse the reference data with
/// sources and years; `reshore reference check`: validate the bundled set or a user's folder.
/// </summary>
public static class ReferenceCommand
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <summary>Builds the command.</summary>
    public static Command Create(CliContext ctx)
    {
        var what = new Argument<string>("table") { Description = "countries, energy, lanes, emissions, carbon, tariffs, fx, or check (validate the data set)." };
        what.AcceptOnlyFromAmong("countries", "energy", "lanes", "emissions", "carbon", "tariffs", "fx", "check");
        var sources = new Option<bool>("--sources") { Description = "Show the source of every value (table format)." };
        var format = new Option<string>("--format") { Description = "table or json.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var stale = new Option<int>("--stale-years") { Description = "check: list values older than this many years before the data set's date (default 3).", DefaultValueFactory = _ => 3 };
        var reference = EvaluateCommand.ReferenceDataOption();
        var hs = new Option<string?>("--hs") { Description = "tariffs: only rows for this HS/CN code or prefix (e.g. 8539 or 8537 10 98)." };
        var origin = new Option<string?>("--origin") { Description = "tariffs: only regimes and extra duties of this origin (ISO code)." };
        var command = new Command("reference", "Show the bundled reference data with sources and years, or check a data set.") { what, sources, format, stale, reference, hs, origin };
        command.SetAction(parse =>
        {
            var m = EvaluateCommand.LoadMarket(parse.GetValue(reference));
            var table = parse.GetValue(what)!;
            var json = parse.GetValue(format) == "json";
            if (table == "tariffs")
            {
                OutputWriter.Write(ReferenceTariffs.Render(m, parse.GetValue(reference), parse.GetValue(format)!, parse.GetValue(hs), parse.GetValue(origin), parse.GetValue(sources), ctx.Culture, ConsoleFactory.IsTerminal(ctx.Out)), null, ctx.Out);
                return CliApp.Ok;
            }
            if (table == "check")
            {
                var report = ReferenceChecker.Run(m, staleYears: parse.GetValue(stale));
                OutputWriter.Write(json ? JsonSerializer.Serialize(CheckJson(m, report), Json) : CheckText(m, report, ctx), null, ctx.Out);
                return report.Passed ? CliApp.Ok : CliApp.InvalidInput;
            }
            var text = json
                ? JsonSerializer.Serialize(new { version = m.Version, asOf = m.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), table, rows = Rows(m, table) }, Json)
                : ConsoleFactory.Render(console => console.Write(Table(m, table, parse.GetValue(sources), ctx.Culture)), ConsoleFactory.IsTerminal(ctx.Out));
            OutputWriter.Write(text, null, ctx.Out);
            return CliApp.Ok;
        });
        return command;
    }

    private static object? Sourced(SourcedValue? v, string unit) =>
        v is null ? null : new { value = v.Value, unit, year = v.Year, source = v.Source };

    private static object Band(EnergyBandPrice b) => new { band = b.Band, value = b.Price.Value, unit = "EUR/kWh", year = b.Price.Year, source = b.Price.Source };

    /// <summary>The rows of a table as JSON-ready objects (field names are a public contract: add, never rename).</summary>
    private static IEnumerable<object> Rows(MarketSnapshot m, string table) => table switch
    {
        "countries" => m.Countries.Values.OrderBy(p => p.Code.Value, StringComparer.Ordinal).Select(p => (object)new
        {
            iso2 = p.Code.Value, name = p.Name, currency = p.Currency.Value, euMember = p.EuMember, tradeRegime = p.TradeRegime.ToString(), tradeAgreement = p.TradeAgreement,
            labourCost = Sourced(p.LabourCostEurPerHour, "EUR/h"), labourCostScope = p.LabourCostScope,
            wageGrowth = Sourced(p.WageGrowthPct, "%/yr"),
            productivity = Sourced(p.ProductivityIndex, "index, BE = 100"),
            electricity = p.ElectricityBands.Count > 0 ? null : Sourced(p.ElectricityEurPerKwh, "EUR/kWh"),
            electricityBands = p.ElectricityBands.Select(Band),
            gasBands = p.GasBands.Select(Band),
            gridIntensity = Sourced(p.GridGCo2ePerKwh, "g CO2e/kWh"),
            exchangeRate = m.Fx.Has(p.Currency) ? Sourced(m.Fx.EurPerUnit(p.Currency), "EUR per unit") : null,
            governance = p.Governance is { } g ? new { politicalStability = Sourced(g.PoliticalStability, "WGI estimate"), governmentEffectiveness = Sourced(g.GovernmentEffectiveness, "WGI estimate"), ruleOfLaw = Sourced(g.RuleOfLaw, "WGI estimate") } : null,
        }),
        "energy" => m.Countries.Values.OrderBy(p => p.Code.Value, StringComparer.Ordinal)
            .SelectMany(p => p.ElectricityBands.Select(b => (p, carrier: "electricity", b)).Concat(p.GasBands.Select(b => (p, carrier: "gas", b))))
            .Select(x => (object)new { iso2 = x.p.Code.Value, x.carrier, band = x.b.Band, value = x.b.Price.Value, unit = "EUR/kWh", year = x.b.Price.Year, source = x.b.Price.Source }),
        "lanes" => m.Lanes.Values.OrderBy(l => l.Origin.Value, StringComparer.Ordinal).ThenBy(l => l.Mode).ThenBy(l => l.Id, StringComparer.Ordinal).Select(l => (object)new
        {
            id = l.Id, origin = l.Origin.Value, originPlace = l.OriginPlace, destinationPlace = l.DestinationPlace, mode = l.Mode.ToString(), isDefault = l.IsDefault,
            distance = Sourced(l.DistanceKm, "km"), transit = Sourced(l.TransitDays, "days"),
            rate = l.Rate is { } r ? new { value = r.Value, currency = l.RateCurrency.Value, unit = l.RateUnit.ToString(), year = r.Year, source = r.Source } : null,
            emissionFactor = m.EmissionFactorFor(l, l.Mode) is var f ? new { id = f.Id, value = f.GramsPerTonneKm.Value, unit = "g CO2e/t·km", matchedToLane = f.Id == l.EmissionFactorId } : null,
        }),
        "emissions" => m.EmissionFactors.Select(f => (object)new
        {
            id = f.Id, defaultFor = f.DefaultFor?.ToString(), vehicleClass = f.VehicleClass, value = f.GramsPerTonneKm.Value, unit = "g CO2e/t·km", year = f.GramsPerTonneKm.Year, source = f.GramsPerTonneKm.Source,
        }),
        "carbon" => m.EtsPriceEurPerTonne.OrderBy(kv => kv.Key).Select(kv => (object)new
        {
            year = kv.Key, etsPrice = Sourced(kv.Value, "EUR/t CO2e"), cbamFactor = m.CbamFactorPct.TryGetValue(kv.Key, out var c) ? Sourced(c, "% of free allocation") : null,
        }),
        _ => m.Fx.Currencies.Concat(m.FxHistory.Keys).Distinct().OrderBy(c => c.Value, StringComparer.Ordinal).Select(c => (object)new
        {
            currency = c.Value,
            eurPerUnit = m.Fx.Has(c) ? Sourced(m.Fx.EurPerUnit(c), "EUR per unit") : null,
            history = m.FxHistory.TryGetValue(c, out var h) ? h.OrderBy(kv => kv.Key).Select(kv => Sourced(kv.Value, "EUR per unit")) : [],
            observedDrift = Trend(m, c) is { } t ? new { from = t.From, to = t.To, value = t.Drift * 100, unit = "%/yr", note = "compound annual change of the euro value of the currency; the default assumptions.currencyDriftPct stays 0" } : null,
        }),
    };

    /// <summary>The observed drift of a currency over up to five complete years ending at its default rate's year.</summary>
    private static (int From, int To, double Drift)? Trend(MarketSnapshot m, CurrencyCode c) =>
        m.FxHistory.TryGetValue(c, out var h) && m.Fx.Has(c) && m.Fx.EurPerUnit(c).Year is { } last ? FxTrend.Observed(h, last) : null;

    private static string V(SourcedValue? v, string format, CultureInfo c) =>
        v is null ? "–" : $"{v.Value.ToString(format, c)} ({v.Year?.ToString(CultureInfo.InvariantCulture) ?? "?"})";

    private static Table Table(MarketSnapshot m, string what, bool showSources, CultureInfo c)
    {
        var table = new Table().Border(TableBorder.Simple);
        void Sources(int columns, params SourcedValue?[] values)
        {
            if (!showSources) return;
            var cells = new string[columns];
            Array.Fill(cells, "");
            cells[1] = Markup.Escape(string.Join("\n", values.Where(v => v is not null).Select(v => "· " + v!.Source)));
            table.AddRow(cells);
        }
        switch (what)
        {
            case "countries":
                foreach (var h in new[] { "ISO", "Country", "EU", "Regime", "Labour EUR/h", "Wage growth %/yr", "Productivity (BE=100)", "Electricity EUR/kWh", "Gas EUR/kWh", "Grid g/kWh" }) table.AddColumn(h);
                foreach (var p in m.Countries.Values.OrderBy(p => p.Code.Value, StringComparer.Ordinal))
                {
                    var electricity = p.ElectricityBands.Count > 0
                        ? string.Join(" ", p.ElectricityBands.Where(b => b.Band is "IB" or "ID" or "IF").Select(b => $"{b.Band} {b.Price.Value.ToString("0.000", c)}")) + $" ({p.ElectricityBands[0].Price.Year})"
                        : V(p.ElectricityEurPerKwh, "0.000", c);
                    var gas = p.GasBands.Count > 0 ? string.Join(" ", p.GasBands.Where(b => b.Band is "I2" or "I4").Select(b => $"{b.Band} {b.Price.Value.ToString("0.000", c)}")) : "–";
                    table.AddRow(p.Code.Value, Markup.Escape(p.Name), p.EuMember ? "yes" : "no", p.TradeRegime.ToString(), V(p.LabourCostEurPerHour, "0.00", c), V(p.WageGrowthPct, "0.0", c),
                        V(p.ProductivityIndex, "0.0", c), electricity, gas, V(p.GridGCo2ePerKwh, "0", c));
                    Sources(10, p.LabourCostEurPerHour, p.WageGrowthPct, p.ProductivityIndex, p.ElectricityEurPerKwh, p.GridGCo2ePerKwh);
                }
                break;
            case "energy":
                foreach (var h in new[] { "ISO", "Carrier", "Band", "EUR/kWh", "Year" }) table.AddColumn(h);
                foreach (var p in m.Countries.Values.OrderBy(p => p.Code.Value, StringComparer.Ordinal))
                    foreach (var (carrier, b) in p.ElectricityBands.Select(b => ("electricity", b)).Concat(p.GasBands.Select(b => ("gas", b))))
                    {
                        table.AddRow(p.Code.Value, carrier, b.Band, b.Price.Value.ToString("0.0000", c), b.Price.Year?.ToString(CultureInfo.InvariantCulture) ?? "");
                        Sources(5, b.Price);
                    }
                break;
            case "lanes":
                foreach (var h in new[] { "Lane", "Mode", "From", "To", "km", "Days", "Rate", "Default", "g CO2e/t·km" }) table.AddColumn(h);
                foreach (var l in m.Lanes.Values.OrderBy(l => l.Origin.Value, StringComparer.Ordinal).ThenBy(l => l.Mode))
                {
                    var factor = m.EmissionFactorFor(l, l.Mode);
                    table.AddRow(l.Id, l.Mode.ToString(), Markup.Escape(l.OriginPlace), Markup.Escape(l.DestinationPlace), l.DistanceKm.Value.ToString("N0", c),
                        l.TransitDays.Value.ToString("0", c), l.Rate is { } r ? $"{r.Value.ToString("N2", c)} {l.RateCurrency} {l.RateUnit}" : "– (give a rate)", l.IsDefault ? "yes" : "",
                        $"{factor.GramsPerTonneKm.Value.ToString("0.##", c)} {factor.Id}");
                    Sources(9, l.DistanceKm, l.Rate);
                }
                break;
            case "emissions":
                foreach (var h in new[] { "Factor", "Default for", "Class", "g CO2e/t·km" }) table.AddColumn(h);
                foreach (var f in m.EmissionFactors)
                {
                    table.AddRow(f.Id, f.DefaultFor?.ToString() ?? "", Markup.Escape(f.VehicleClass), f.GramsPerTonneKm.Value.ToString("0.##", c));
                    Sources(4, f.GramsPerTonneKm);
                }
                break;
            case "fx":
                foreach (var h in new[] { "Currency", "EUR per unit", "Year", "Units per EUR", "Observed drift %/yr" }) table.AddColumn(h);
                foreach (var cur in m.Fx.Currencies.OrderBy(x => x.Value, StringComparer.Ordinal))
                {
                    var rate = m.Fx.EurPerUnit(cur);
                    var trend = Trend(m, cur) is { } t ? $"{(t.Drift * 100).ToString("0.0", c)} ({t.From}–{t.To})" : "–";
                    table.AddRow(cur.Value, rate.Value.ToString("G6", c), rate.Year?.ToString(CultureInfo.InvariantCulture) ?? "", (1 / rate.Value).ToString("G6", c), trend);
                    Sources(5, rate);
                }
                break;
            default:
                foreach (var h in new[] { "Year", "EU ETS EUR/t", "CBAM factor %", "Source" }) table.AddColumn(h);
                foreach (var (year, price) in m.EtsPriceEurPerTonne.OrderBy(kv => kv.Key))
                    table.AddRow(year.ToString(CultureInfo.InvariantCulture), price.Value.ToString("0.00", c),
                        m.CbamFactorPct.TryGetValue(year, out var f) ? f.Value.ToString("0.0", c) : "", Markup.Escape(showSources ? price.Source : price.Source.Split(':')[0]));
                break;
        }
        return table;
    }

    private static object CheckJson(MarketSnapshot m, ReferenceCheckReport r) => new
    {
        version = m.Version,
        asOf = m.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        passed = r.Passed,
        errors = r.Errors,
        warnings = r.Warnings,
        findings = r.Findings.Select(f => new { severity = f.Severity.ToString().ToLowerInvariant(), check = f.Check, file = f.File, key = f.Key, field = f.Field, message = f.Message }),
    };

    private static string CheckText(MarketSnapshot m, ReferenceCheckReport r, CliContext ctx) =>
        ConsoleFactory.Render(console =>
        {
            var table = new Table().Border(TableBorder.Simple);
            foreach (var h in new[] { "", "Check", "File", "Row", "Field", "Finding" }) table.AddColumn(h);
            foreach (var f in r.Findings)
                table.AddRow(f.Severity == FindingSeverity.Error ? "ERROR" : "warn", f.Check, f.File, Markup.Escape(f.Key), Markup.Escape(f.Field), Markup.Escape(f.Message));
            if (r.Findings.Count > 0) console.Write(table);
            console.WriteLine($"Reference data {m.Version} ({m.AsOf:yyyy-MM-dd}): {(r.Passed ? "passed" : "FAILED")} — {r.Errors} error(s), {r.Warnings} warning(s).");
        }, ConsoleFactory.IsTerminal(ctx.Out));
}
