using System.CommandLine;
using Reshore.Core.Costing;
using Reshore.Core.Decision;
using Reshore.Core.Localization;
using Reshore.Core.Risk;
using Reshore.Data.CaseFiles;
using Reshore.Excel;

namespace Reshore.Cli.Commands;

/// <summary>`reshore workbook template|import|export|case`: cases and results as Excel workbooks.</summary>
public static class WorkbookCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliContext ctx)
    {
        var command = new Command("workbook", "Cases and results as Excel workbooks: an empty template, a case as a filled workbook, the import of a filled workbook, and the results.");
        command.Subcommands.Add(Template(ctx));
        command.Subcommands.Add(Import(ctx));
        command.Subcommands.Add(Export(ctx));
        command.Subcommands.Add(CaseAsWorkbook(ctx));
        return command;
    }

    private static Option<string?> OutputOption(string description) => new("--output", "-o") { Description = description };

    private static Option<string> LayoutOption()
    {
        var option = new Option<string>("--layout")
        {
            Description = "simple: factors as rows and options as columns, one sheet per item (as Excel users lay out a comparison); advanced: one sheet per table of the case file, every field.",
            DefaultValueFactory = _ => "advanced",
        };
        option.AcceptOnlyFromAmong("simple", "advanced");
        return option;
    }

    private static bool IsSimple(string? layout) => string.Equals(layout, "simple", StringComparison.OrdinalIgnoreCase);

    private static Command Template(CliContext ctx)
    {
        var output = OutputOption("Workbook to write (default: case-template.xlsx).");
        var reference = EvaluateCommand.ReferenceDataOption();
        var layout = LayoutOption();
        var command = new Command("template", "Write an empty case workbook with drop-down lists and instructions (in the --lang language).") { output, reference, layout };
        command.SetAction(parse =>
        {
            var market = EvaluateCommand.LoadMarket(parse.GetValue(reference));
            var path = parse.GetValue(output) ?? "case-template.xlsx";
            WriteBytes(path, IsSimple(parse.GetValue(layout)) ? CaseTemplate.Empty(market, ctx.Culture) : CaseWorkbook.Template(market, ctx.Culture));
            ctx.Out.WriteLine(Text.Format(ctx.Culture, "Xl_Wrote", "Wrote {0}", path));
            return CliApp.Ok;
        });
        return command;
    }

    private static Command Import(CliContext ctx)
    {
        var file = new Argument<string>("workbook") { Description = "Filled case workbook (.xlsx)." };
        var output = OutputOption("Case file to write: .yaml, .yml or .json (default: the workbook's name with .yaml).");
        var reference = EvaluateCommand.ReferenceDataOption();
        var into = new Option<string?>("--into")
        {
            Description = "Existing case file to update (in place unless -o is given): a simple-layout workbook replaces the fields it shows and keeps the rest; prints what changed (inputs, each option's TCO and NPV, the verdict).",
        };
        var command = new Command("import", "Check a filled case workbook and write it as a case file; lists every problem with its sheet and cell, and writes nothing then.") { file, output, reference, into };
        command.SetAction(parse =>
        {
            var market = EvaluateCommand.LoadMarket(parse.GetValue(reference));
            var path = parse.GetValue(file)!;
            if (!File.Exists(path)) throw new UserInputException($"Workbook not found: {path}");
            var existingPath = parse.GetValue(into);
            CaseDocument? existing = null;
            string? existingJson = null;
            if (existingPath is not null)
            {
                if (!File.Exists(existingPath)) throw new UserInputException($"Case file not found: {existingPath}");
                var existingText = File.ReadAllText(existingPath);
                existing = CaseFileReader.ReadDocument(existingText, CaseFileReader.FormatOf(existingPath), existingPath, market);
                existingJson = CaseJson.ToJson(existingText, CaseFileReader.FormatOf(existingPath));
            }
            var target = parse.GetValue(output) ?? existingPath ?? Path.ChangeExtension(path, ".yaml");
            var format = CaseFileReader.FormatOf(target);
            if (format == CaseFormat.Unknown) throw new UserInputException($"-o must end in .yaml, .yml or .json: {target}");
            ImportedCase imported;
            try
            {
                using var stream = File.OpenRead(path);
                imported = CaseWorkbook.Import(stream, path, market, existingJson);
            }
            catch (WorkbookImportException e)
            {
                ctx.Error.WriteLine(Text.Format(ctx.Culture, "Xl_ImportProblems", "{0} problem(s) in {1}; nothing was written:", e.Errors.Count, path));
                foreach (var error in e.Errors) ctx.Error.WriteLine("  " + error);
                return CliApp.InvalidInput;
            }
            File.WriteAllText(target, format == CaseFormat.Json ? imported.Json : imported.ToYaml());
            if (existing is null)
            {
                ctx.Out.WriteLine(Text.Format(ctx.Culture, "Xl_Wrote", "Wrote {0}", target));
                return CliApp.Ok;
            }
            ctx.Out.WriteLine(Text.Format(ctx.Culture, "Xl_Updated", "Updated {0}", target));
            var before = new CaseEvaluator().Evaluate(existing.Case, market, ctx.Culture);
            var after = new CaseEvaluator().Evaluate(imported.Document.Case, market, ctx.Culture);
            var comparison = VersionComparison.Compare(System.Text.Json.Nodes.JsonNode.Parse(existingJson!), System.Text.Json.Nodes.JsonNode.Parse(imported.Json), CaseOutcome.From(before), CaseOutcome.From(after));
            foreach (var line in ComparisonText.Lines(comparison, ctx.Culture)) ctx.Out.WriteLine(line);
            return CliApp.Ok;
        });
        return command;
    }

    private static Command Export(CliContext ctx)
    {
        var caseArg = new Argument<string>("case") { Description = "Case file (.json, .yaml or .yml)." };
        var output = OutputOption("Workbook to write (default: the case's name with -results.xlsx).");
        var simulate = new Option<int?>("--simulate") { Description = "Also simulate this many scenarios per item and add the simulation sheet." };
        var reference = EvaluateCommand.ReferenceDataOption();
        var command = new Command("export", "Write the evaluation of a case as a results workbook: comparison, cost lines, horizon, business case (and simulation).") { caseArg, output, simulate, reference };
        command.SetAction((parse, cancellation) =>
        {
            var market = EvaluateCommand.LoadMarket(parse.GetValue(reference));
            var path = parse.GetValue(caseArg)!;
            if (!File.Exists(path)) throw new UserInputException($"Case file not found: {path}");
            var document = CaseFileReader.ReadDocumentFile(path, market);
            var evaluation = new CaseEvaluator().Evaluate(document.Case, market, ctx.Culture);
            SimulationResult? simulation = null;
            if (parse.GetValue(simulate) is { } n)
            {
                if (n is < 10 or > 1_000_000) throw new UserInputException("--simulate must be between 10 and 1,000,000.");
                simulation = new RiskAnalyzer(ctx.Culture).Simulate(document.Case, document.Uncertain, market, n, cancellation: cancellation);
            }
            var target = parse.GetValue(output) ?? Path.ChangeExtension(path, null) + "-results.xlsx";
            WriteBytes(target, ResultsWorkbook.Export(evaluation, ctx.Culture, simulation));
            ctx.Out.WriteLine(Text.Format(ctx.Culture, "Xl_Wrote", "Wrote {0}", target));
            return Task.FromResult(CliApp.Ok);
        });
        return command;
    }

    private static Command CaseAsWorkbook(CliContext ctx)
    {
        var caseArg = new Argument<string>("case") { Description = "Case file (.json, .yaml or .yml)." };
        var output = OutputOption("Workbook to write (default: the case's name with .xlsx).");
        var reference = EvaluateCommand.ReferenceDataOption();
        var layout = LayoutOption();
        var command = new Command("case", "Write a case file as a filled case workbook, which 'reshore workbook import' reads back.") { caseArg, output, reference, layout };
        command.SetAction(parse =>
        {
            var market = EvaluateCommand.LoadMarket(parse.GetValue(reference));
            var path = parse.GetValue(caseArg)!;
            if (!File.Exists(path)) throw new UserInputException($"Case file not found: {path}");
            var bytes = IsSimple(parse.GetValue(layout))
                ? CaseTemplate.FromCase(File.ReadAllText(path), path, null, market, ctx.Culture)
                : CaseWorkbook.FromCase(File.ReadAllText(path), path, market, ctx.Culture);
            var target = parse.GetValue(output) ?? Path.ChangeExtension(path, ".xlsx");
            WriteBytes(target, bytes);
            ctx.Out.WriteLine(Text.Format(ctx.Culture, "Xl_Wrote", "Wrote {0}", target));
            return CliApp.Ok;
        });
        return command;
    }

    private static void WriteBytes(string path, byte[] bytes)
    {
        try
        {
            if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } dir) Directory.CreateDirectory(dir);
            File.WriteAllBytes(path, bytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserInputException($"Cannot write {path}: {e.Message}");
        }
    }
}
