using Reshore.Core.Risk;
using Reshore.Data.CaseFiles;
using Reshore.Data.ReferenceData;

namespace Reshore.Core.Tests.Risk;

/// <summary>The compiled cost evaluator of the simulation against the full TCO engine (docs/model.md 8.14).</summary>
public sealed class ScenarioCostEvaluatorTests
{
    private static readonly Lazy<Reshore.Core.MarketData.MarketSnapshot> Market = new(ReferenceDataLoader.Embedded);

    private static string Example(string name)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Reshore.slnx"))) dir = dir.Parent;
        return Path.Combine(dir!.FullName, "examples", name);
    }

    [Theory]
    [InlineData("led-lamps.yaml")]
    [InlineData("electronics-china.yaml")]
    [InlineData("assembly-romania.yaml")]
    public void The_compiled_costs_equal_the_full_engine_on_every_example_and_on_random_inputs(string file)
    {
        var document = CaseFileReader.ReadDocumentFile(Example(file), Market.Value);
        var c = document.Case;
        var analyzer = new RiskAnalyzer();
        for (var item = 0; item < c.Items.Count; item++)
        {
            var model = analyzer.Compile(c, item, Market.Value, document.Uncertain, out _, RiskAnalyzer.AnnualisedOneOffCosts(c, item, Market.Value));
            var inputs = RiskAnalyzer.ScenarioInputs(document.Uncertain, item);
            Assert.NotEmpty(inputs);
            var evaluator = analyzer.CompileCosts(c, item, inputs, Market.Value, model);
            Assert.NotNull(evaluator);
            var sampler = new ScenarioSampler(inputs, c.Risk);
            var uniform = new StreamRandom(99, item, 0);
            var compiled = new double[evaluator!.Cells];
            for (var trial = 0; trial < 60; trial++)
            {
                var x = new double[inputs.Count];
                // Draws as the simulation makes them (correlated through their drivers), and independent points across each input's whole range.
                if (trial % 2 == 0) sampler.Draw(new StreamRandom(trial, 5, item), x);
                else for (var k = 0; k < x.Length; k++) x[k] = inputs[k].Quantile(0.0005 + 0.999 * uniform.NextDouble());
                var expected = analyzer.EngineUnitCosts(c, item, inputs, x, Market.Value, model);
                Assert.NotNull(expected);
                evaluator.Evaluate(x, compiled);
                for (var j = 0; j < compiled.Length; j++)
                    Assert.True(Math.Abs(compiled[j] - expected![j]) <= 1e-9 * Math.Max(1, Math.Abs(expected[j])),
                        $"{file} item {item}, cell {j}, inputs [{string.Join(", ", x)}]: compiled {compiled[j]:R}, engine {expected[j]:R}");
            }
        }
    }

    [Fact]
    public void A_closed_form_is_recovered_and_a_kink_is_refused()
    {
        var price = UncertainValue.Create(DistributionKind.Uniform, 5, null, 15, null, null, null, out _)!;
        var growth = UncertainValue.Create(DistributionKind.Triangular, 0, 3, 8, null, null, null, out _)!;
        UncertainInput[] inputs = [new("$.a", price, null), new("$.b", growth, null)];
        // c_y = 2 + 0.7 p + 0.5 p (1 + g/100)^(y + 4) + 3 (1 + g/100)^(y + 4): a price partly escalating with an index, and an index on its own.
        double[] Smooth(double[] x) => Enumerable.Range(0, 3).Select(y => 2 + 0.7 * x[0] + 0.5 * x[0] * Math.Pow(1 + x[1] / 100, y + 4) + 3 * Math.Pow(1 + x[1] / 100, y + 4)).ToArray();
        var evaluator = ScenarioCostEvaluator.TryCompile(inputs, Smooth);
        Assert.NotNull(evaluator);
        var cost = new double[3];
        evaluator!.Evaluate([12.5, 7.25], cost);
        Assert.Equal(Smooth([12.5, 7.25]), cost, (a, b) => Math.Abs(a - b) < 1e-10);
        // A threshold (duty only above a price) is not of the flat form: the engine stays in charge.
        Assert.Null(ScenarioCostEvaluator.TryCompile(inputs, x => [x[0] > 9 ? x[0] * 1.1 : x[0]]));
        // Three inputs multiplied together are not either.
        UncertainInput[] three = [.. inputs, new("$.c", price, null)];
        Assert.Null(ScenarioCostEvaluator.TryCompile(three, x => [x[0] * x[1] * x[2]]));
    }

    [Theory]
    [InlineData("$.items[0].annualVolumeUnits", false)]
    [InlineData("$.items[0].options[1].capacityFlexibilityPct", false)]
    [InlineData("$.items[0].options[0].logistics.legs[0].transitDays", false)]
    [InlineData("$.risk.events[0].eventsPerYear", false)]
    [InlineData("$.assumptions.wageGrowthPct.CN", true)]
    [InlineData("$.items[0].options[0].production.unitPrice", true)]
    public void Only_inputs_that_change_nothing_but_costs_are_compiled(string path, bool costOnly) =>
        Assert.Equal(costOnly, RiskAnalyzer.CostOnlyInput(path));
}
