using System.CommandLine;
using Reshore.Cli.Output;
using Reshore.Core.Decision;
using Reshore.Core.MarketData;
using Reshore.Data.CaseFiles;
using Reshore.Data.Output;
using Reshore.Data.ReferenceData;

namespace Reshore.Cli.Commands;

/// <summary>`reshore evaluate CASE`: the side-by-side TCO comparison, business case and recommendation.</summary>
public static class EvaluateCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliContext ctx)
    {
        var caseArg = new Argument<string>("case") { Description = "Case file (.json, .yaml or .yml)." };
        var format = new Option<string>("--format") { Description = "table, json or markdown.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json", "markdown");
        var output = new Option<string?>("--output", "-o") { Description = "Write to this file instead of standard output." };
        var reference = ReferenceDataOption();
        var simulateRisk = new Option<int?>("--simulate-risk") { Description = "Simulate N scenarios per item (e.g. 500; 0: none). Default: the case's risk settings, as the report and the web page do, so the verdict is the same everywhere." };
        var command = new Command("evaluate", "Evaluate a case: TCO per option, business case over the horizon, CO2e, scorecard and a recommendation.")
        {
            caseArg, format, output, reference, simulateRisk,
        };
        command.SetAction(parse =>
        {
            var (document, market) = ReadCaseWithMarket(parse.GetValue(caseArg)!, parse.GetValue(reference));
            var reshoringCase = document.Case;
            var n = parse.GetValue(simulateRisk);
            if (n is < 0 or > 100_000 || n is > 0 and < 10) throw new UserInputException("--simulate-risk takes 0 (no simulation) or a number of scenarios from 10 to 100,000.");
            var evaluation = CaseReviewer.Review(reshoringCase, document.Uncertain, market, ctx.Culture, new ReviewOptions { Scenarios = n }).Evaluation;
            var file = parse.GetValue(output);
            var text = parse.GetValue(format) switch
            {
                "json" => EvaluationJson.Serialize(evaluation, ctx.Culture),
                "markdown" => EvaluationMarkdownRenderer.Render(evaluation, ctx.Culture),
                _ => ConsoleFactory.Render(console => EvaluationTableRenderer.Render(console, evaluation, ctx.Culture), file is null && ConsoleFactory.IsTerminal(ctx.Out)),
            };
            OutputWriter.Write(text, file, ctx.Out);
            return CommandLineRunner.Ok;
        });
        return command;
    }

    /// <summary>The --reference-data option shared by commands that use reference data.</summary>
    public static Option<string?> ReferenceDataOption() =>
        new("--reference-data") { Description = "Folder with reference-data CSV files to use instead of the bundled set." };

    /// <summary>
    /// Reads a case file while the reference data load on another thread: both are mostly first-call compilation at start-up, so on
    /// two cores they overlap (docs/performance.md, "Start-up"). A missing file or folder fails as a user error.
    /// </summary>
    public static (CaseDocument Document, MarketSnapshot Market) ReadCaseWithMarket(string path, string? referenceDirectory)
    {
        if (referenceDirectory is not null && !Directory.Exists(referenceDirectory)) throw new UserInputException($"Reference data folder not found: {referenceDirectory}");
        if (!File.Exists(path)) throw new UserInputException($"Case file not found: {path}");
        var loading = Task.Run(() => LoadMarket(referenceDirectory));
        MarketSnapshot Market() => loading.GetAwaiter().GetResult();
        try
        {
            var document = CaseFileReader.ReadDocumentFile(path, Market);
            return (document, Market());
        }
        finally
        {
            // A case that fails to parse must not leave a reference-data error unobserved (or hide it when it is the first problem).
            _ = loading.ContinueWith(t => _ = t.Exception, TaskContinuationOptions.OnlyOnFaulted);
        }
    }

    /// <summary>Loads the bundled reference data, or a folder's.</summary>
    public static MarketSnapshot LoadMarket(string? directory)
    {
        if (directory is null) return ReferenceDataLoader.Embedded();
        if (!Directory.Exists(directory)) throw new UserInputException($"Reference data folder not found: {directory}");
        try
        {
            return ReferenceDataLoader.FromDirectory(directory);
        }
        catch (Exception e) when (e is FormatException or FileNotFoundException or KeyNotFoundException)
        {
            throw new UserInputException($"Invalid reference data in {directory}: {e.Message}");
        }
    }
}
