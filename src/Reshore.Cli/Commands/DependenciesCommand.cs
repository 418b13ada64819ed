using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using MiniExcelLibs;
using Reshore.Cli.Output;
using Reshore.Core.Dependencies;
using Reshore.Data.Dependencies;
using Reshore.Data.Output;
using Spectre.Console;
using Text = Reshore.Core.Localization.Text;

namespace Reshore.Cli.Commands;

/// <summary>`reshore dependencies bom|trade`: multi-tier origin exposure of a case, and trade-data screening of strategic dependencies.</summary>
public static class DependenciesCommand
{
    /// <summary>Builds the command with its two subcommands.</summary>
    public static Command Create(CliContext ctx)
    {
        var command = new Command("dependencies", "Strategic dependencies: multi-tier origins of a case's items (bom) or dependent products in trade data (trade).");
        command.Subcommands.Add(Bom(ctx));
        command.Subcommands.Add(Trade(ctx));
        command.Subcommands.Add(SectorsCommand.Create(ctx));
        return command;
    }

    private static Option<string> Format(params string[] allowed)
    {
        var format = new Option<string>("--format") { Description = string.Join(", ", allowed) + ".", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong(allowed);
        return format;
    }

    private static Command Bom(CliContext ctx)
    {
        var caseArg = new Argument<string>("case") { Description = "Case file whose items carry a billOfMaterials." };
        var format = Format("table", "json");
        var reference = EvaluateCommand.ReferenceDataOption();
        var command = new Command("bom", "Value-weighted origin exposure by country across all tiers, per item and option, with HHI, critical raw materials and single-source components.") { caseArg, format, reference };
        command.SetAction(parse =>
        {
            var market = EvaluateCommand.LoadMarket(parse.GetValue(reference));
            var document = SensitivityCommand.ReadCase(parse.GetValue(caseArg)!, market);
            var items = new BomExposureAnalyzer().Analyze(document.Case, market, ctx.Culture);
            if (items.Count == 0) throw new UserInputException("No item in the case has a billOfMaterials.");
            var c = ctx.Culture;
            var text = parse.GetValue(format) == "json"
                ? JsonSerializer.Serialize(new
                {
                    schemaVersion = 1,
                    items = items.Select(i => new
                    {
                        id = i.ItemId, name = i.ItemName,
                        options = i.Options.Select(o => new
                        {
                            id = o.OptionId, country = o.Country.Value, locationClass = o.LocationClass, itemValuePerUnit = o.ItemValuePerUnit,
                            hhi = o.Hhi, topCountry = o.TopCountry.Value, topCountryShare = o.TopCountryShare, nonEuShare = o.NonEuShare, highRiskShare = o.HighRiskShare,
                            countries = o.Countries.Select(e => new { country = e.Country.Value, value = e.Value, share = e.Share, inEu = e.InEu, highRisk = e.HighRisk }),
                            criticalRawMaterials = o.CriticalRawMaterials.Select(m => new { material = m.Material, component = m.ComponentId, listedAs = m.ListedAs, critical2023 = m.Critical2023, strategic2023 = m.Strategic2023, critical2020 = m.Critical2020 }),
                            singleSourceComponents = o.SingleSourceComponents.Select(s => new { id = s.ComponentId, name = s.Name, country = s.Country.Value, reason = s.Reason }),
                            warnings = o.Warnings,
                        }),
                    }),
                }, EvaluationJson.Options)
                : ConsoleFactory.Render(console =>
                {
                    foreach (var item in items)
                    {
                        console.Write(new Rule($"[bold]{Markup.Escape(item.ItemName ?? item.ItemId)}[/]").LeftJustified());
                        var table = new Table().Border(TableBorder.Simple);
                        foreach (var h in new[] { Text.Get(c, "Dep_Option", "Option"), Text.Get(c, "Dep_MadeIn", "Made in"), "HHI", Text.Get(c, "Dep_Top", "Top origin"), Text.Get(c, "Dep_NonEu", "Non-EU"), Text.Get(c, "Dep_Origins", "Origins"), Text.Get(c, "Dep_Crm", "Critical raw materials"), Text.Get(c, "Dep_Single", "Single-source") })
                            table.AddColumn(Markup.Escape(h));
                        foreach (var o in item.Options)
                            table.AddRow(Markup.Escape(o.OptionId), o.Country.Value, o.Hhi.ToString("0.000", c), $"{o.TopCountry} {o.TopCountryShare.ToString("P0", c)}", o.NonEuShare.ToString("P0", c),
                                Markup.Escape(string.Join(", ", o.Countries.Take(5).Select(e => $"{e.Country} {e.Share.ToString("P0", c)}"))),
                                Markup.Escape(string.Join(", ", o.CriticalRawMaterials.Select(m => m.Material).Distinct())), o.SingleSourceComponents.Count.ToString(c));
                        console.Write(table);
                        foreach (var w in item.Options.SelectMany(o => o.Warnings.Select(w => $"{o.OptionId}: {w}")).Distinct())
                            console.MarkupLine($"[yellow]{Markup.Escape(w)}[/]");
                    }
                }, ConsoleFactory.IsTerminal(ctx.Out));
            OutputWriter.Write(text, null, ctx.Out);
            return CliApp.Ok;
        });
        return command;
    }

    private static Command Trade(CliContext ctx)
    {
        var file = new Argument<string>("file") { Description = "Trade flows: BACI layout (t,i,j,k,v,q) or year,exporter,importer,hs6,value." };
        var codes = new Option<string?>("--country-codes") { Description = "BACI's country-code file (needed for the BACI layout)." };
        var importers = new Option<string>("--importers") { Description = "Importer group: EU27 (default) or a list such as BE or BE,NL,LU.", DefaultValueFactory = _ => "EU27" };
        var year = new Option<int?>("--year") { Description = "Year to screen (default: the latest in the file)." };
        var ecosystems = new Option<string?>("--ecosystems") { Description = "HS6 → industrial ecosystem mapping (hs6,ecosystem[,sensitive])." };
        var skip = new Option<bool>("--skip-bad-rows") { Description = "Report malformed rows but screen the rest (default: fail on any)." };
        var hhi = new Option<double>("--hhi") { Description = "Concentration threshold (default 0.4).", DefaultValueFactory = _ => 0.4 };
        var share = new Option<double>("--extra-share") { Description = "Extra-group import share threshold (default 0.5).", DefaultValueFactory = _ => 0.5 };
        var ratio = new Option<double>("--ratio") { Description = "Import/export ratio threshold (default 1).", DefaultValueFactory = _ => 1 };
        var all = new Option<bool>("--all") { Description = "List every product, not only the dependent ones (table and csv)." };
        var format = Format("table", "json", "csv", "xlsx");
        var output = new Option<string?>("--output", "-o") { Description = "Write to this file instead of standard output (required for xlsx)." };
        var command = new Command("trade", "Screen trade data for strategic dependencies of an importer group (HHI > 0.4, extra-group share > 0.5, imports/exports > 1).")
        {
            file, codes, importers, year, ecosystems, skip, hhi, share, ratio, all, format, output,
        };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(file)!;
            if (!File.Exists(path)) throw new UserInputException($"Trade file not found: {path}");
            var fmt = parse.GetValue(format)!;
            var outFile = parse.GetValue(output);
            if (fmt == "xlsx" && outFile is null) throw new UserInputException("--format xlsx writes a workbook: give --output FILE.xlsx.");
            if (outFile is not null && Path.GetDirectoryName(Path.GetFullPath(outFile)) is { } folder && !Directory.Exists(folder))
                throw new UserInputException($"The folder of --output does not exist: {folder}");
            IReadOnlyDictionary<string, (string Ecosystem, bool Sensitive)>? map;
            TradeFileReader reader;
            IReadOnlySet<string> group;
            try
            {
                reader = new TradeFileReader(parse.GetValue(codes));
                group = TradeFileReader.Group(parse.GetValue(importers)!);
                map = parse.GetValue(ecosystems) is { } e ? TradeFileReader.ReadEcosystems(e) : null;
            }
            catch (TradeFileException e) { throw new UserInputException(e.Message); }
            var screener = new TradeDependencyScreener(group, new DependencyThresholds(parse.GetValue(hhi), parse.GetValue(share), parse.GetValue(ratio)));
            try
            {
                foreach (var flow in reader.Read(path)) screener.Add(flow);
            }
            catch (TradeFileException e) { throw new UserInputException(e.Message); }
            if (reader.Errors.Count > 0)
            {
                foreach (var e in reader.Errors.Take(20)) ctx.Error.WriteLine($"  {Path.GetFileName(path)}: line {e.Line}, column {e.Column}: {e.Reason}");
                if (reader.Errors.Count > 20) ctx.Error.WriteLine($"  … {reader.Errors.Count - 20} more");
                if (!parse.GetValue(skip))
                    throw new UserInputException(Text.Format(ctx.Culture, "Trade_BadRows", "{0} malformed line(s) in {1}; fix them or use --skip-bad-rows.", reader.Errors.Count, path));
            }
            var years = screener.Years.ToList();
            if (years.Count == 0) throw new UserInputException("The file holds no flow into or out of the importer group.");
            var y = parse.GetValue(year) ?? years[^1];
            if (!years.Contains(y)) throw new UserInputException($"No flows for {y}; years in the file: {string.Join(", ", years)}.");
            var results = screener.Results(y, map is null ? null : hs => map.TryGetValue(hs, out var v) ? (v.Ecosystem, v.Sensitive) : (null, false));
            var counts = new
            {
                products = results.Count,
                dependent = results.Count(r => r.Dependent),
                inSensitiveEcosystems = results.Count(r => r.Dependent && r.Sensitive),
                flowsRead = screener.Flows,
                malformedLines = reader.Errors.Count,
            };
            var shown = parse.GetValue(all) ? results : results.Where(r => r.Dependent).ToList();
            var c = ctx.Culture;
            switch (fmt)
            {
                case "json":
                    OutputWriter.Write(JsonSerializer.Serialize(new
                    {
                        schemaVersion = 1, year = y, importers = group.Order(StringComparer.Ordinal), thresholds = new { hhi = parse.GetValue(hhi), extraShare = parse.GetValue(share), importExportRatio = parse.GetValue(ratio) },
                        counts,
                        products = results.Select(r => new
                        {
                            hs6 = r.Hs6, hhi = r.Hhi, extraShare = r.ExtraShare, importExportRatio = double.IsPositiveInfinity(r.ImportExportRatio) ? (double?)null : r.ImportExportRatio,
                            noExtraExports = double.IsPositiveInfinity(r.ImportExportRatio), dependent = r.Dependent, topSource = r.TopSource, topSourceShare = r.TopSourceShare,
                            importValue = r.ImportValue, intraImportValue = r.IntraImportValue, exportValue = r.ExportValue, ecosystem = r.Ecosystem, sensitive = r.Sensitive,
                        }),
                        rejectedRows = reader.Errors.Select(e => new { line = e.Line, column = e.Column, reason = e.Reason }),
                    }, EvaluationJson.Options), outFile, ctx.Out);
                    break;
                case "csv":
                    OutputWriter.Write(Csv(shown), outFile, ctx.Out);
                    break;
                case "xlsx":
                    MiniExcel.SaveAs(outFile!, new Dictionary<string, object> { ["dependent products"] = Rows(results.Where(r => r.Dependent)).ToList(), ["all products"] = Rows(results).ToList() }, overwriteFile: true);
                    break;
                default:
                    OutputWriter.Write(ConsoleFactory.Render(console =>
                    {
                        console.MarkupLine(Markup.Escape(Text.Format(c, "Trade_Header", "{0}: {1} products imported by {2}; {3} dependent, {4} of them in sensitive ecosystems.", y, counts.products, group.SetEquals(TradeDependencyScreener.Eu27Alpha3) ? "EU27" : string.Join(",", group.Order()), counts.dependent, counts.inSensitiveEcosystems)));
                        var table = new Table().Border(TableBorder.Simple);
                        foreach (var h in new[] { "HS6", "HHI", Text.Get(c, "Trade_Extra", "Extra share"), Text.Get(c, "Trade_Ratio", "Imports/exports"), Text.Get(c, "Trade_Top", "Top source"), Text.Get(c, "Trade_Value", "Imports"), Text.Get(c, "Trade_Eco", "Ecosystem") })
                            table.AddColumn(Markup.Escape(h));
                        foreach (var r in shown.Take(200))
                            table.AddRow((r.Dependent ? "● " : "") + r.Hs6, r.Hhi.ToString("0.000", c), r.ExtraShare.ToString("P0", c), double.IsPositiveInfinity(r.ImportExportRatio) ? "∞" : r.ImportExportRatio.ToString("0.00", c),
                                $"{r.TopSource} {r.TopSourceShare.ToString("P0", c)}", r.ImportValue.ToString("N0", c), Markup.Escape((r.Ecosystem ?? "") + (r.Sensitive ? " (sensitive)" : "")));
                        console.Write(table);
                    }, outFile is null && ConsoleFactory.IsTerminal(ctx.Out)), outFile, ctx.Out);
                    break;
            }
            return CliApp.Ok;
        });
        return command;
    }

    private static IEnumerable<Dictionary<string, object?>> Rows(IEnumerable<ProductDependency> results) => results.Select(r => new Dictionary<string, object?>
    {
        ["hs6"] = r.Hs6, ["dependent"] = r.Dependent, ["hhi"] = r.Hhi, ["extra_share"] = r.ExtraShare,
        ["import_export_ratio"] = double.IsPositiveInfinity(r.ImportExportRatio) ? null : r.ImportExportRatio, ["top_source"] = r.TopSource, ["top_source_share"] = r.TopSourceShare,
        ["import_value"] = r.ImportValue, ["intra_import_value"] = r.IntraImportValue, ["export_value"] = r.ExportValue, ["ecosystem"] = r.Ecosystem, ["sensitive"] = r.Sensitive,
    });

    private static string Csv(IEnumerable<ProductDependency> results)
    {
        var sb = new StringBuilder("hs6,dependent,hhi,extra_share,import_export_ratio,top_source,top_source_share,import_value,intra_import_value,export_value,ecosystem,sensitive\n");
        foreach (var r in results)
            sb.AppendLine(string.Join(',', CsvField.Escape(r.Hs6), r.Dependent ? "yes" : "no", N(r.Hhi), N(r.ExtraShare), double.IsPositiveInfinity(r.ImportExportRatio) ? "inf" : N(r.ImportExportRatio),
                CsvField.Escape(r.TopSource), N(r.TopSourceShare), N(r.ImportValue), N(r.IntraImportValue), N(r.ExportValue), CsvField.Escape(r.Ecosystem), r.Sensitive ? "yes" : "no"));
        return sb.ToString();
    }

    private static string N(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
