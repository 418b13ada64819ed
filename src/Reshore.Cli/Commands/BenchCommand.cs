using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Reshore.Cli.Output;
using Reshore.Core.Costing;
using Reshore.Core.Risk;
using Reshore.Data.CaseFiles;
using Reshore.Data.Examples;
using Reshore.Data.Output;

namespace Reshore.Cli.Commands;

/// <summary>
/// `reshore bench`: throughput of the weekly simulation on a fixed synthetic workload (item-strategy-scenario-weeks per
/// second) and of the TCO evaluation on the bundled examples. Measured, never asserted.
/// </summary>
public static class BenchCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliContext ctx)
    {
        var quick = new Option<bool>("--quick") { Description = "A small workload (50 items × 4 strategies × 500 scenarios × 52 weeks) instead of 1,000 × 4 × 2,000 × 52." };
        var format = new Option<string>("--format") { Description = "table or json.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var command = new Command("bench", "Measure simulation throughput (stepsPerSecond) and evaluation throughput.") { quick, format };
        command.SetAction(parse =>
        {
            var isQuick = parse.GetValue(quick);
            var (items, scenarios) = isQuick ? (50, 500) : (1000, 2000);
            const int weeks = 52;
            // Warm up, as BenchmarkDotNet would, so the timing is the engine's: at least three full-size items and half a second, which lets
            // tiered compilation promote the hot library methods (the vector maths) that a short run would otherwise time unoptimised.
            var warmUp = Stopwatch.StartNew();
            for (var w = 0; w < 3 || warmUp.ElapsedMilliseconds < 500; w++) WeeklySimulator.Run(SyntheticWorkload.Item(w, weeks), scenarios, 1, w);
            var models = Enumerable.Range(0, items).Select(i => SyntheticWorkload.Item(i, weeks)).ToArray();
            var process = Process.GetCurrentProcess();
            var cpuStart = process.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            var checksum = 0.0;
            for (var i = 0; i < items; i++) checksum += WeeklySimulator.Run(models[i], scenarios, 1, i).AnnualCost[0][0];
            var seconds = watch.Elapsed.TotalSeconds;
            process.Refresh();
            var cpuSeconds = (process.TotalProcessorTime - cpuStart).TotalSeconds;
            var steps = (double)items * SyntheticWorkload.StrategiesPerItem * scenarios * weeks;
            var first = WeeklySimulator.Run(models[0], scenarios, 1, 0);
            var numpy = NumpyBaseline.Run(isQuick ? 4 : 20, scenarios, weeks);
            var evaluation = EvaluationThroughput(isQuick ? 20 : 200);
            var (screenParts, screenSeconds) = ScreeningThroughput(isQuick ? 10_000 : 100_000);
            var doc = new
            {
                stepsPerSecond = steps / seconds,
                steps,
                seconds,
                items,
                strategies = SyntheticWorkload.StrategiesPerItem,
                scenarios,
                weeks,
                threads = Environment.ProcessorCount,
                evaluationsPerSecond = evaluation,
                screeningPartsPerSecond = screenParts / screenSeconds,
                screeningParts = screenParts,
                screeningLocations = 6,
                screeningSeconds = screenSeconds,
                runtime = $".NET {Environment.Version}",
                checksum,
                vectorLanes = ScenarioBlockKernel.Lanes,
                meanAnnualCost = first.AnnualCost.Select(c => c.Average()).ToArray(),
                numpyStepsPerSecond = numpy.StepsPerSecond,
                numpyRatio = numpy.StepsPerSecond is > 0 and var n ? steps / seconds / n : (double?)null,
                // On a shared machine wall-clock rates follow the load; CPU-time rates compare the engines' work per core.
                cpuSeconds,
                stepsPerCpuSecond = steps / cpuSeconds,
                numpyStepsPerCpuSecond = numpy.StepsPerCpuSecond,
                numpyRatioPerCore = numpy.StepsPerCpuSecond is > 0 and var c ? steps / cpuSeconds / c : (double?)null,
                loadAverage = LoadAverage(),
                numpySteps = numpy.Steps,
                numpySeconds = numpy.Seconds,
                numpyMeanAnnualCost = numpy.MeanAnnualCost,
                numpyVersion = numpy.Version,
                numpyNote = numpy.Note,
            };
            var text = parse.GetValue(format) == "json"
                ? JsonSerializer.Serialize(doc, EvaluationJson.Options)
                : string.Create(CultureInfo.InvariantCulture,
                    $"simulation: {steps:N0} steps ({items} items × {SyntheticWorkload.StrategiesPerItem} strategies × {scenarios} scenarios × {weeks} weeks) in {seconds:N2} s = {steps / seconds:N0} steps/s on {Environment.ProcessorCount} threads\nnumpy (same model, one thread): {(numpy.StepsPerSecond is { } rate ? $"{rate:N0} steps/s, ratio {steps / seconds / rate:N1}" : numpy.Note)}\nevaluation: {evaluation:N1} example cases/s (TCO, business case, explanation)\nscreening: {screenParts:N0} parts × 6 locations in {screenSeconds:N2} s = {screenParts / screenSeconds:N0} parts/s (parsed from CSV, streamed)");
            OutputWriter.Write(text, null, ctx.Out);
            return CliApp.Ok;
        });
        return command;
    }

    /// <summary>The 1-minute load average (Linux), so a reader can tell an idle machine from a shared one; null elsewhere.</summary>
    private static double? LoadAverage()
    {
        try
        {
            var text = File.ReadAllText("/proc/loadavg").Split(' ')[0];
            return double.Parse(text, CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return null;
        }
    }

    /// <summary>Screens the bundled parts list repeated to <paramref name="count"/> rows, read from a CSV file as users do.</summary>
    private static (int Parts, double Seconds) ScreeningThroughput(int count)
    {
        var market = EvaluateCommand.LoadMarket(null);
        var source = ExampleCatalog.All.First(e => e.FileName == "parts-list.csv").Text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var path = Path.Combine(Path.GetTempPath(), $"reshore-bench-parts-{Guid.NewGuid():N}.csv");
        try
        {
            using (var writer = new StreamWriter(path))
            {
                writer.WriteLine(source[0]);
                for (var i = 0; i < count; i++) writer.WriteLine(source[1 + i % (source.Length - 1)]);
            }
            var options = new Core.Screening.ScreeningOptions();
            var watch = Stopwatch.StartNew();
            var ranked = new Core.Screening.PortfolioScreener(market, options).ScreenAndRank(new Data.Screening.PartsReader(market).Read(path));
            return (ranked.Count, watch.Elapsed.TotalSeconds);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static double EvaluationThroughput(int runs)
    {
        var market = EvaluateCommand.LoadMarket(null);
        var cases = ExampleCatalog.All.Where(e => e.IsCase).Select(e => CaseFileReader.Read(e.Text, CaseFileReader.FormatOf(e.FileName), e.FileName, market)).ToList();
        var evaluator = new CaseEvaluator();
        var culture = CultureInfo.GetCultureInfo("en");
        foreach (var c in cases) evaluator.Evaluate(c, market, culture);
        var watch = Stopwatch.StartNew();
        for (var r = 0; r < runs; r++) evaluator.Evaluate(cases[r % cases.Count], market, culture);
        return runs / watch.Elapsed.TotalSeconds;
    }
}
