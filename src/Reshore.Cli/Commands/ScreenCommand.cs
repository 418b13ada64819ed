using System.CommandLine;
using System.Text.Json;
using Reshore.Cli.Output;
using Reshore.Core.Screening;
using Reshore.Core.Values;
using Reshore.Data.Output;
using Reshore.Data.Screening;
using Spectre.Console;
using Text = Reshore.Core.Localization.Text;

namespace Reshore.Cli.Commands;

/// <summary>`reshore screen PARTS`: rank a parts list by reshoring attractiveness, with reasons.</summary>
public static class ScreenCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliContext ctx)
    {
        var parts = new Argument<string>("parts") { Description = "Parts list (.csv or .xlsx) with part_id, annual_volume, unit_price, currency, unit_weight_kg, current_country, lead_time_days (and optional traits)." };
        var home = new Option<string>("--home") { Description = "Home country (default BE).", DefaultValueFactory = _ => "BE" };
        var candidates = new Option<string>("--candidates") { Description = "Candidate locations besides home, comma-separated (default PL,RO,CZ,PT,TR).", DefaultValueFactory = _ => "PL,RO,CZ,PT,TR" };
        var top = new Option<int?>("--top") { Description = "Keep only the N most attractive parts." };
        var format = new Option<string>("--format") { Description = "table, json, csv or xlsx (xlsx needs --output).", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json", "csv", "xlsx");
        var output = new Option<string?>("--output", "-o") { Description = "Write to this file instead of standard output." };
        var reference = EvaluateCommand.ReferenceDataOption();
        var command = new Command("screen", "Screen a parts list against home and nearshore locations and rank the parts worth looking at first.")
        {
            parts, home, candidates, top, format, output, reference,
        };
        command.SetAction(parse =>
        {
            var market = EvaluateCommand.LoadMarket(parse.GetValue(reference));
            var path = parse.GetValue(parts)!;
            if (!File.Exists(path)) throw new UserInputException($"Parts list not found: {path}");
            var options = new ScreeningOptions { Culture = ctx.Culture, Home = Country(parse.GetValue(home)!, market, "--home"), Candidates = parse.GetValue(candidates)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(c => Country(c, market, "--candidates")).ToList() };
            if (parse.GetValue(top) is < 1) throw new UserInputException("--top must be 1 or more.");
            var fmt = parse.GetValue(format)!;
            var file = parse.GetValue(output);
            if (fmt == "xlsx" && file is null) throw new UserInputException("--format xlsx writes a workbook: give --output FILE.xlsx.");
            if (file is not null && Path.GetDirectoryName(Path.GetFullPath(file)) is { } folder && !Directory.Exists(folder))
                throw new UserInputException($"The folder of --output does not exist: {folder}");
            if (parse.GetValue(candidates)!.Trim().Length == 0) throw new UserInputException("--candidates names no country.");
            var reader = new PartsReader(market);
            IReadOnlyList<ScreenedPart> ranked;
            try
            {
                ranked = new PortfolioScreener(market, options).ScreenAndRank(reader.Read(path), parse.GetValue(top));
            }
            catch (PartsFileException e)
            {
                throw new UserInputException(e.Message);
            }
            var c = ctx.Culture;
            var rejectedRows = reader.Errors.Select(e => e.Row).Distinct().Count();
            if (reader.RowsRead > 0 && rejectedRows == reader.RowsRead)
            {
                foreach (var e in reader.Errors.Take(20)) ctx.Error.WriteLine($"  {Path.GetFileName(path)}: row {e.Row}, column {e.Column}: {e.Message}");
                throw new UserInputException(Text.Format(c, "Screen_NoValidRows", "None of the {0} rows can be screened; see the errors above.", reader.RowsRead));
            }
            ctx.Error.WriteLine(Text.Format(c, "Screen_Summary", "{0} rows read, {1} screened, {2} rejected.", reader.RowsRead, reader.RowsRead - rejectedRows, rejectedRows));
            foreach (var e in reader.Errors.Take(20)) ctx.Error.WriteLine($"  {Path.GetFileName(path)}: row {e.Row}, column {e.Column}: {e.Message}");
            if (reader.Errors.Count > 20) ctx.Error.WriteLine($"  … {reader.Errors.Count - 20} more");
            switch (fmt)
            {
                case "xlsx":
                    ScreeningOutput.WriteXlsx(file!, ranked, reader.Errors);
                    break;
                case "csv":
                    OutputWriter.Write(ScreeningOutput.ToCsv(ranked), file, ctx.Out);
                    break;
                case "json":
                    OutputWriter.Write(JsonSerializer.Serialize(ScreeningOutput.ToDocument(ranked, reader.Errors, reader.RowsRead, options), EvaluationJson.Options), file, ctx.Out);
                    break;
                default:
                    OutputWriter.Write(ConsoleFactory.Render(console => Render(console, ranked, parse.GetValue(top) ?? 25, ctx), file is null && ConsoleFactory.IsTerminal(ctx.Out)), file, ctx.Out);
                    break;
            }
            return CliApp.Ok;
        });
        return command;
    }

    private static CountryCode Country(string text, Core.MarketData.MarketSnapshot market, string option) =>
        CountryCode.TryParse(text, out var code) && market.Countries.ContainsKey(code)
            ? code
            : throw new UserInputException($"{option}: '{text}' is not a country with reference data; known: {string.Join(", ", market.Countries.Keys.Order().Select(k => k.Value))}.");

    private static void Render(IAnsiConsole console, IReadOnlyList<ScreenedPart> ranked, int rows, CliContext ctx)
    {
        var c = ctx.Culture;
        var table = new Table().Border(TableBorder.Simple);
        foreach (var h in new[] { "#", Text.Get(c, "Screen_Part", "Part"), Text.Get(c, "Screen_From", "From"), Text.Get(c, "Screen_To", "Best"), Text.Get(c, "Screen_Saving", "Saving/yr (EUR)"), Text.Get(c, "Screen_Suitability", "Near?"), Text.Get(c, "Screen_Reason", "Reason") })
            table.AddColumn(h);
        foreach (var p in ranked.Take(rows))
            table.AddRow(p.Rank.ToString(c), Markup.Escape($"{p.Part.Id} {p.Part.Description}"), p.Part.CurrentCountry.Value, p.BestLocation.Value, p.EstimatedAnnualSaving.ToString("N0", c),
                p.Suitability?.ToString("+0.00;−0.00;0", c) ?? "–", Markup.Escape(p.Reason));
        console.Write(table);
        console.MarkupLine(Markup.Escape(Text.Format(c, "Screen_Total", "{0} parts ranked; total estimated saving at the best locations {1:N0} EUR/yr. Estimates use reference defaults only: check the top parts with a full case (reshore evaluate).",
            ranked.Count, ranked.Sum(p => p.EstimatedAnnualSaving))));
    }
}
