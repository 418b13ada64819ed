using BenchmarkDotNet.Attributes;
using Reshore.Core.MarketData;
using Reshore.Core.Screening;
using Reshore.Data.Examples;
using Reshore.Data.ReferenceData;
using Reshore.Data.Screening;

namespace Reshore.Benchmarks;

/// <summary>Screening throughput: the bundled parts list, parsed and screened against home and five candidates.</summary>
[MemoryDiagnoser]
public class ScreeningBenchmarks
{
    private MarketSnapshot _market = null!;
    private string _path = null!;
    private PartRecord[] _parts = null!;

    [GlobalSetup]
    public void Setup()
    {
        _market = ReferenceDataLoader.Embedded();
        _path = Path.Combine(Path.GetTempPath(), "reshore-bench-parts.csv");
        File.WriteAllText(_path, ExampleCatalog.Find("parts-list")!.Text);
        _parts = new PartsReader(_market).Read(_path).ToArray();
    }

    /// <summary>Screening alone (2,400 parts).</summary>
    [Benchmark]
    public IReadOnlyList<ScreenedPart> Screen() => new PortfolioScreener(_market, new ScreeningOptions()).ScreenAndRank(_parts);

    /// <summary>Parsing alone.</summary>
    [Benchmark]
    public int Parse() => new PartsReader(_market).Read(_path).Count();
}
