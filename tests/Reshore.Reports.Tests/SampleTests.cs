using Reshore.Core.Risk;

namespace Reshore.Reports.Tests;

/// <summary>StrategyResult.AnnualCostSamples: one per scenario, sorted, consistent with the statistics.</summary>
[Collection(ReportCollection.Name)]
public sealed class SampleTests(ReportFixture f)
{
    [Fact]
    public void Samples_are_sorted_and_one_per_scenario()
    {
        var result = new RiskAnalyzer().Simulate(f.Document.Case, f.Document.Uncertain, f.Market, 120, 5);
        Assert.Equal(120, result.Scenarios);
        foreach (var s in result.Items.SelectMany(i => i.Strategies))
        {
            Assert.Equal(result.Scenarios, s.AnnualCostSamples.Count);
            for (var k = 1; k < s.AnnualCostSamples.Count; k++) Assert.True(s.AnnualCostSamples[k - 1] <= s.AnnualCostSamples[k], $"{s.Id}: sample {k} out of order");
            // The mean of 120 values of about 10^6 agrees with the statistics' mean to rounding (relative 1e-12).
            Assert.Equal(s.AnnualCost.Mean, s.AnnualCostSamples.Average(), 1e-12 * s.AnnualCost.Mean);
            Assert.Equal(s.AnnualCost.P50, CostStatistics.Percentile([.. s.AnnualCostSamples], 0.5), 1e-9 * s.AnnualCost.Mean);
        }
    }
}
