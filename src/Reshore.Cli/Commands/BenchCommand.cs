using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Reshore.Core.Costing;
using Reshore.Core.Domain;
using Reshore.Data.CaseFiles;
using Reshore.Data.Examples;

namespace Reshore.Cli.Commands;

/// <summary>`reshore bench`: throughput of the evaluation engine on the bundled examples or a given case.</summary>
public static class BenchCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliContext ctx)
    {
        var caseOption = new Option<string?>("--case") { Description = "Case file to evaluate (default: every bundled example)." };
        var seconds = new Option<double>("--seconds") { Description = "How long to measure each case, seconds.", DefaultValueFactory = _ => 3 };
        var command = new Command("bench", "Measure evaluation throughput (cases, option-years and cost lines per second).") { caseOption, seconds };
        command.SetAction(parse =>
        {
            var market = EvaluateCommand.LoadMarket(null);
            var duration = parse.GetValue(seconds);
            if (!(duration > 0) || duration > 600) throw new UserInputException("--seconds must be between 0 and 600.");
            var cases = parse.GetValue(caseOption) is { } path
                ? [(Path.GetFileName(path), CaseFileReader.ReadFile(path, market))]
                : ExampleCatalog.All.Select(e => (e.FileName, CaseFileReader.Read(e.Text, CaseFileReader.FormatOf(e.FileName), e.FileName, market))).ToList();
            var evaluator = new CaseEvaluator();
            var culture = CultureInfo.GetCultureInfo("en");
            ctx.Out.WriteLine($"{"case",-28} {"evaluations/s",14} {"option-years/s",15} {"lines/s",12} {"ms/evaluation",14}");
            foreach (var (name, reshoringCase) in cases)
            {
                evaluator.Evaluate(reshoringCase, market, culture); // warm-up (JIT)
                var optionYears = reshoringCase.Items.Sum(i => i.Options.Count) * reshoringCase.HorizonYears;
                var watch = Stopwatch.StartNew();
                var runs = 0;
                while (watch.Elapsed.TotalSeconds < duration)
                {
                    evaluator.Evaluate(reshoringCase, market, culture);
                    runs++;
                }
                var elapsed = watch.Elapsed.TotalSeconds;
                var perSecond = runs / elapsed;
                ctx.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{name,-28} {perSecond,14:N1} {perSecond * optionYears,15:N0} {perSecond * optionYears * CostFactorCatalog.All.Count,12:N0} {1000 / perSecond,14:N3}"));
            }
            ctx.Out.WriteLine($"({Environment.ProcessorCount} cores, .NET {Environment.Version}; single-threaded)");
            return CliApp.Ok;
        });
        return command;
    }
}
