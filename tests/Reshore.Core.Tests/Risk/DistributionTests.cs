using Reshore.Core.Domain;
using Reshore.Core.Risk;

namespace Reshore.Core.Tests.Risk;

/// <summary>Uncertain inputs: closed-form means, quantiles, validation messages and correlated draws.</summary>
public sealed class DistributionTests
{
    private static UncertainValue Make(DistributionKind kind, double? min = null, double? mode = null, double? max = null, double? mean = null, double? sd = null, string? driver = null) =>
        UncertainValue.Create(kind, min, mode, max, mean, sd, driver, out var error) ?? throw new InvalidOperationException(error);

    [Fact]
    public void Means_match_the_closed_forms()
    {
        Assert.Equal((1 + 2 + 6) / 3.0, Make(DistributionKind.Triangular, 1, 2, 6).Mean, 12);
        Assert.Equal((1 + 4 * 2 + 6) / 6.0, Make(DistributionKind.Pert, 1, 2, 6).Mean, 12);
        Assert.Equal(3.5, Make(DistributionKind.Uniform, 1, max: 6).Mean, 12);
        Assert.Equal(5, Make(DistributionKind.Lognormal, mean: 5, sd: 2).Mean, 12);
    }

    [Fact]
    public void Quantiles_match_closed_forms()
    {
        // Triangular(0, 1, 2): F(x) = x²/2 on [0, 1], so the median is 1 and the 12.5% quantile is 0.5.
        var t = Make(DistributionKind.Triangular, 0, 1, 2);
        Assert.Equal(1, t.Quantile(0.5), 9);
        Assert.Equal(0.5, t.Quantile(0.125), 9);
        Assert.Equal(2.5, Make(DistributionKind.Uniform, 2, max: 3).Quantile(0.5), 12);
        Assert.Equal(10 + 2 * 1.2815515655446004, Make(DistributionKind.Normal, mean: 10, sd: 2).Quantile(0.9), 9);
        // Lognormal with mean 5, sd 2: σ² = ln(1 + 0.16), median = 5 ÷ √1.16.
        Assert.Equal(5 / Math.Sqrt(1.16), Make(DistributionKind.Lognormal, mean: 5, sd: 2).Quantile(0.5), 9);
        // PERT symmetric about its mode has the mode as median.
        Assert.Equal(3, Make(DistributionKind.Pert, 1, 3, 5).Quantile(0.5), 9);
    }

    [Fact]
    public void Sampled_means_fall_within_four_standard_errors()
    {
        var p = Make(DistributionKind.Pert, 2, 3, 10);
        var random = new StreamRandom(1, 0, 0);
        var draws = Enumerable.Range(0, 20_000).Select(_ => p.Quantile(random.NextDouble())).ToArray();
        var mean = draws.Average();
        var se = Math.Sqrt(draws.Sum(d => (d - mean) * (d - mean)) / (draws.Length - 1) / draws.Length);
        Assert.True(Math.Abs(mean - p.Mean) < 4 * se, $"mean {mean}, expected {p.Mean} ± 4 × {se}");
    }

    [Theory]
    [InlineData(DistributionKind.Triangular, 5.0, 3.0, 8.0, null, null, "min (5) must not exceed mode (3)")]
    [InlineData(DistributionKind.Triangular, 1.0, 9.0, 8.0, null, null, "mode (9) must not exceed max (8)")]
    [InlineData(DistributionKind.Normal, null, null, null, 1.0, -0.5, "sd (-0.5) must not be negative")]
    [InlineData(DistributionKind.Lognormal, null, null, null, -1.0, 0.5, "positive mean")]
    [InlineData(DistributionKind.Uniform, 4.0, null, 4.0, null, null, "must be below max")]
    [InlineData(DistributionKind.Pert, 1.0, null, 4.0, null, null, "needs min, mode and max")]
    public void Invalid_parameters_are_rejected_with_a_message(DistributionKind kind, double? min, double? mode, double? max, double? mean, double? sd, string message)
    {
        Assert.Null(UncertainValue.Create(kind, min, mode, max, mean, sd, null, out var error));
        Assert.Contains(message, error);
    }

    [Fact]
    public void Inputs_on_correlated_drivers_move_together()
    {
        var settings = new RiskSettings
        {
            Drivers = [new RiskDriver { Id = "a" }, new RiskDriver { Id = "b" }],
            Correlations = [new DriverCorrelation { A = "a", B = "b", Rho = 0.8 }],
        };
        var inputs = new[]
        {
            new UncertainInput("$.x", Make(DistributionKind.Normal, mean: 0, sd: 1, driver: "a"), null),
            new UncertainInput("$.y", Make(DistributionKind.Normal, mean: 0, sd: 1, driver: "b"), null),
            new UncertainInput("$.z", Make(DistributionKind.Normal, mean: 0, sd: 1), null),
        };
        var sampler = new ScenarioSampler(inputs, settings);
        var random = new StreamRandom(3, 0, 0);
        var values = new double[3];
        var xs = new List<double>(); var ys = new List<double>(); var zs = new List<double>();
        for (var i = 0; i < 20_000; i++)
        {
            sampler.Draw(random, values);
            xs.Add(values[0]); ys.Add(values[1]); zs.Add(values[2]);
        }
        Assert.InRange(MathNet.Numerics.Statistics.Correlation.Pearson(xs, ys), 0.77, 0.83);
        Assert.InRange(MathNet.Numerics.Statistics.Correlation.Pearson(xs, zs), -0.03, 0.03);
    }

    [Fact]
    public void Inconsistent_correlations_are_rejected()
    {
        var settings = new RiskSettings
        {
            Drivers = [new RiskDriver { Id = "a" }, new RiskDriver { Id = "b" }, new RiskDriver { Id = "c" }],
            Correlations = [new DriverCorrelation { A = "a", B = "b", Rho = 0.9 }, new DriverCorrelation { A = "b", B = "c", Rho = 0.9 }, new DriverCorrelation { A = "a", B = "c", Rho = -0.9 }],
        };
        var e = Assert.Throws<ArgumentException>(() => new ScenarioSampler([], settings));
        Assert.Contains("not positive definite", e.Message);
    }
}
