using System.Globalization;
using Reshore.Core.Optimization;
using Reshore.Data.CaseFiles;
using Reshore.Data.Examples;
using Reshore.Data.ReferenceData;

namespace Reshore.Web.Tests;

/// <summary>The optimiser reports each solver step and stops between steps when cancelled (what the web's background jobs rely on).</summary>
public sealed class OptimizationProgressTests
{
    private static CaseDocument LedLamps() =>
        CaseFileReader.ReadDocument(ExampleCatalog.Find("led-lamps")!.Text, CaseFormat.Yaml, "led-lamps.yaml", ReferenceDataLoader.Embedded());

    private sealed class Collect : IProgress<(string Item, int Done, int Total)>
    {
        public List<(string Item, int Done, int Total)> Reports { get; } = [];
        public void Report((string Item, int Done, int Total) value) => Reports.Add(value);
    }

    [Fact]
    public void Every_solver_step_is_reported_once_in_order()
    {
        var doc = LedLamps();
        var progress = new Collect();
        new OptimizationService().Optimize(doc.Case, doc.Uncertain, ReferenceDataLoader.Embedded(), CultureInfo.InvariantCulture, scenarios: 30, outOfSampleScenarios: 200, progress: progress);
        var steps = OptimizationService.Steps(doc.Case.Items[0].Options.Count, frontier: false);
        Assert.Equal(5, steps);
        Assert.Equal(Enumerable.Range(1, steps), progress.Reports.Select(r => r.Done));
        Assert.All(progress.Reports, r => Assert.Equal(steps, r.Total));
    }

    [Fact]
    public void A_cancelled_optimisation_stops_with_OperationCanceledException()
    {
        var doc = LedLamps();
        using var cancel = new CancellationTokenSource();
        var progress = new Collect();
        var reporting = new Progress(r => { progress.Report(r); cancel.Cancel(); });
        Assert.ThrowsAny<OperationCanceledException>(() => new OptimizationService().Optimize(doc.Case, doc.Uncertain, ReferenceDataLoader.Embedded(),
            CultureInfo.InvariantCulture, frontier: true, scenarios: 30, progress: reporting, cancellation: cancel.Token));
        Assert.Single(progress.Reports);
    }

    private sealed class Progress(Action<(string Item, int Done, int Total)> report) : IProgress<(string Item, int Done, int Total)>
    {
        public void Report((string Item, int Done, int Total) value) => report(value);
    }
}
