using System.CommandLine;
using Reshore.Cli.Output;
using Reshore.Reports;
using Text = Reshore.Core.Localization.Text;

namespace Reshore.Cli.Commands;

/// <summary>`reshore report CASE`: the board-ready business case as a self-contained HTML page or a PDF with vector charts.</summary>
public static class ReportCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliContext ctx)
    {
        var caseArg = new Argument<string>("case") { Description = "Case file (.json, .yaml or .yml)." };
        var format = new Option<string>("--format") { Description = "html or pdf (default: from the extension of -o, else html).", };
        format.AcceptOnlyFromAmong("html", "pdf");
        var output = new Option<string?>("--output", "-o") { Description = "Write to this file (required for pdf); html goes to standard output without it." };
        var scenarios = new Option<int?>("--scenarios") { Description = "Simulate N scenarios per item for the risk section (default: risk.scenarios when the case has risk settings; 0 leaves risk out)." };
        var seed = new Option<int?>("--seed") { Description = "Random seed (default: risk.seed in the case, else 1)." };
        var optimize = new Option<bool>("--optimize") { Description = "Also run the optimiser with its efficient frontier (slower)." };
        var reference = EvaluateCommand.ReferenceDataOption();
        var command = new Command("report", "Write the business case for a board: recommendation, option comparison, charts, risk, CO2e, sensitivity, scorecard, assumptions with sources.")
        {
            caseArg, format, output, scenarios, seed, optimize, reference,
        };
        command.SetAction((parse, cancellation) =>
        {
            var c = ctx.Culture;
            var file = parse.GetValue(output);
            var kind = parse.GetValue(format) ?? (file is not null && file.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase) ? "pdf" : "html");
            if (kind == "pdf" && file is null)
                throw new UserInputException(Text.Get(c, "Report_PdfNeedsOutput", "A PDF is binary: give a file with -o, e.g. -o business-case.pdf."));
            var n = parse.GetValue(scenarios);
            if (n is < 0 or > 1_000_000 || n is > 0 and < 10) throw new UserInputException("--scenarios must be 0 (no risk section) or between 10 and 1,000,000.");
            var path = parse.GetValue(caseArg)!;
            var (document, market) = EvaluateCommand.ReadCaseWithMarket(path, parse.GetValue(reference));
            var options = new ReportOptions { Scenarios = n, Seed = parse.GetValue(seed), Optimize = parse.GetValue(optimize) };
            var input = ReportBuilder.Build(document, market, ctx.Culture, options, Path.GetFileName(path), cancellation);
            if (kind == "pdf")
                WriteBytes(BusinessCaseReport.Pdf(input, ctx.Culture), file!);
            else
                OutputWriter.Write(BusinessCaseReport.Html(input, ctx.Culture), file, ctx.Out);
            if (file is not null) ctx.Error.WriteLine(Text.Format(c, "Report_Written", "Report written to {0}.", file));
            return Task.FromResult(CliApp.Ok);
        });
        return command;
    }

    /// <summary>Writes bytes atomically: via a temporary file in the same folder, so a failure never leaves half a PDF.</summary>
    private static void WriteBytes(byte[] content, string path)
    {
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(directory)) throw new UserInputException($"The folder of --output does not exist: {directory}");
        var temp = Path.Combine(directory, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            File.WriteAllBytes(temp, content);
            File.Move(temp, full, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            if (File.Exists(temp)) File.Delete(temp);
            throw new UserInputException($"Cannot write {full}: {e.Message}");
        }
    }
}
