using BenchmarkDotNet.Attributes;
using Reshore.Core.Risk;

namespace Reshore.Benchmarks;

/// <summary>
/// The weekly engine on the synthetic workload of `reshore bench`: one item, four strategies, 52 weeks.
/// Steps per operation = 4 strategies × scenarios × 52 weeks.
/// </summary>
[MemoryDiagnoser]
public class SimulationBenchmarks
{
    private SimulationModel _item = null!;

    /// <summary>Scenarios per run.</summary>
    [Params(2_000)]
    public int Scenarios { get; set; }

    [GlobalSetup]
    public void Setup() => _item = SyntheticWorkload.Item(0);

    /// <summary>All threads.</summary>
    [Benchmark]
    public SimulationRawResult Parallel() => WeeklySimulator.Run(_item, Scenarios, 1, 0);

    /// <summary>One thread: the per-core cost of a step.</summary>
    [Benchmark]
    public SimulationRawResult SingleThread() => WeeklySimulator.Run(_item, Scenarios, 1, 0, maxThreads: 1);
}
