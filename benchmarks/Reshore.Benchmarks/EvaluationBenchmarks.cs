using System.Globalization;
using BenchmarkDotNet.Attributes;
using Reshore.Core.Costing;
using Reshore.Core.Domain;
using Reshore.Core.MarketData;
using Reshore.Data.CaseFiles;
using Reshore.Data.Examples;
using Reshore.Data.ReferenceData;

namespace Reshore.Benchmarks;

/// <summary>Throughput of the TCO engine and the whole evaluation. Run: dotnet run -c Release --project benchmarks/Reshore.Benchmarks.</summary>
[MemoryDiagnoser]
public class EvaluationBenchmarks
{
    private MarketSnapshot _market = null!;
    private ReshoringCase _case = null!;
    private CaseContext _context = null!;
    private readonly CaseEvaluator _evaluator = new();
    private readonly TcoCostingEngine _engine = new();
    private static readonly CultureInfo En = CultureInfo.GetCultureInfo("en");

    /// <summary>Bundled example to measure.</summary>
    [Params("led-lamps")]
    public string Example { get; set; } = "led-lamps";

    [GlobalSetup]
    public void Setup()
    {
        _market = ReferenceDataLoader.Embedded();
        var example = ExampleCatalog.Find(Example)!;
        _case = CaseFileReader.Read(example.Text, CaseFormat.Yaml, example.FileName, _market);
        _context = new CaseContext(_case, _market);
    }

    /// <summary>One option in one year: every cost line.</summary>
    [Benchmark]
    public OptionYearResult OneOptionYear() => _engine.Calculate(_context, _case.Items[0], _case.Items[0].Options[0], 1, En);

    /// <summary>The whole case: every option and year, business case and explanation.</summary>
    [Benchmark]
    public CaseEvaluation WholeCase() => _evaluator.Evaluate(_case, _market, En);

    /// <summary>Reading and validating the case file.</summary>
    [Benchmark]
    public ReshoringCase ReadCase() => CaseFileReader.Read(ExampleCatalog.Find(Example)!.Text, CaseFormat.Yaml, "bench.yaml", _market);
}
