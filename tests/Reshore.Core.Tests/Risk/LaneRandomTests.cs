using System.Runtime.Intrinsics;
using Reshore.Core.Risk;

namespace Reshore.Core.Tests.Risk;

/// <summary>The vectorised generator and elementary functions of the kernel's demand draws against their scalar references.</summary>
public sealed class LaneRandomTests
{
    [Fact]
    public void Each_lane_produces_the_stream_of_its_scenario()
    {
        var lanes = new LaneRandom();
        lanes.Reseed(2027, 5, 40);
        var scalar = Enumerable.Range(0, LaneRandom.Lanes).Select(l => new StreamRandom(2027, 5, 40 + l)).ToArray();
        for (var draw = 0; draw < 100; draw++)
        {
            var u = lanes.NextDouble();
            for (var l = 0; l < LaneRandom.Lanes; l++) Assert.Equal(scalar[l].NextDouble(), u[l]);
        }
    }

    private static IEnumerable<double> Uniforms(int n, int seed)
    {
        var r = new StreamRandom(seed, 0, 0);
        for (var i = 0; i < n; i++) yield return r.NextDouble();
    }

    private static void AssertClose(double expected, double actual, double relative, string what) =>
        Assert.True(Math.Abs(expected - actual) <= relative * Math.Max(Math.Abs(expected), 1e-300), $"{what}: Math {expected:R}, vectorised {actual:R}");

    [Fact]
    public void Log_agrees_with_Math_Log_to_a_few_ulps()
    {
        // The whole range Box–Muller sees, (0, 1], including the smallest draw 2^−53, plus values above 1.
        var xs = Uniforms(4000, 1).Select(u => 1 - u).Concat([1.0, Math.Pow(2, -53), 1e-300, 0.5, Math.Sqrt(0.5), 2, 10, 1e10, 1 - 1e-16, 1 + 1e-15]).ToArray();
        for (var i = 0; i + 8 <= xs.Length; i += 8)
        {
            var v = LaneMath.Log(Vector512.Create(xs.AsSpan(i, 8)));
            for (var l = 0; l < 8; l++)
            {
                var x = xs[i + l];
                var expected = Math.Log(x);
                Assert.True(Math.Abs(expected - v[l]) <= 4e-16 * Math.Max(Math.Abs(expected), 1e-3), $"ln {x:R}: Math {expected:R}, vectorised {v[l]:R}");
            }
        }
    }

    [Fact]
    public void Sine_and_cosine_of_two_pi_u_agree_with_Math()
    {
        var us = Uniforms(4000, 2).Concat([0, 0.125, 0.25, 0.375, 0.5, 0.625, 0.75, 0.875, 1 - 1e-16, 0.1]).Take(4008).ToArray();
        for (var i = 0; i + 8 <= us.Length; i += 8)
        {
            LaneMath.SinCosTwoPi(Vector512.Create(us.AsSpan(i, 8)), out var sin, out var cos);
            for (var l = 0; l < 8; l++)
            {
                var angle = 2 * Math.PI * us[i + l];
                Assert.True(Math.Abs(Math.Sin(angle) - sin[l]) <= 1e-15, $"sin 2π·{us[i + l]:R}: Math {Math.Sin(angle):R}, vectorised {sin[l]:R}");
                Assert.True(Math.Abs(Math.Cos(angle) - cos[l]) <= 1e-15, $"cos 2π·{us[i + l]:R}: Math {Math.Cos(angle):R}, vectorised {cos[l]:R}");
            }
        }
    }

    [Fact]
    public void Exp_agrees_with_Math_Exp_to_a_few_ulps()
    {
        var xs = Uniforms(4000, 3).Select(u => (u - 0.5) * 20).Concat([0, 1, -1, 0.5 * Math.Log(2), -0.5 * Math.Log(2), 700, -700, 1e-10, 3.3, -3.3]).Take(4008).ToArray();
        for (var i = 0; i + 8 <= xs.Length; i += 8)
        {
            var v = LaneMath.Exp(Vector512.Create(xs.AsSpan(i, 8)));
            for (var l = 0; l < 8; l++) AssertClose(Math.Exp(xs[i + l]), v[l], 1e-15, $"exp {xs[i + l]:R}");
        }
    }

    [Fact]
    public void Box_Muller_draws_are_standard_normal()
    {
        // Mean 0, variance 1, and the normal's probabilities of |z| > 1, 2 and 3 within four standard errors; KS distance at α = 0.001.
        var lanes = new LaneRandom();
        lanes.Reseed(7, 0, 0);
        const int pairs = 25_000;
        var z = new double[2 * pairs * LaneRandom.Lanes];
        var n = 0;
        for (var p = 0; p < pairs; p++)
        {
            LaneMath.BoxMuller(lanes.NextDouble(), lanes.NextDouble(), out var z1, out var z2);
            for (var l = 0; l < LaneRandom.Lanes; l++) { z[n++] = z1[l]; z[n++] = z2[l]; }
        }
        var mean = z.Average();
        var variance = z.Sum(x => (x - mean) * (x - mean)) / (z.Length - 1);
        Assert.True(Math.Abs(mean) < 4 / Math.Sqrt(z.Length), $"mean {mean}");
        Assert.True(Math.Abs(variance - 1) < 4 * Math.Sqrt(2.0 / z.Length), $"variance {variance}");
        foreach (var (k, tail) in new[] { (1.0, 0.31731050786291415), (2.0, 0.04550026389635842), (3.0, 0.0026997960632601866) })
        {
            var share = z.Count(x => Math.Abs(x) > k) / (double)z.Length;
            Assert.True(Math.Abs(share - tail) < 4 * Math.Sqrt(tail * (1 - tail) / z.Length), $"P(|z| > {k}) = {share}, normal {tail}");
        }
        Array.Sort(z);
        var d = 0.0;
        for (var i = 0; i < z.Length; i++)
        {
            var cdf = MathNet.Numerics.Distributions.Normal.CDF(0, 1, z[i]);
            d = Math.Max(d, Math.Max(Math.Abs(cdf - (double)i / z.Length), Math.Abs(cdf - (i + 1.0) / z.Length)));
        }
        Assert.True(d < 1.95 / Math.Sqrt(z.Length), $"KS distance {d}");
    }

    [Theory]
    [InlineData(0.01)]
    [InlineData(0.3)]
    [InlineData(2.5)]
    [InlineData(29)]
    public void A_stream_has_no_Poisson_event_exactly_when_its_first_uniform_is_below_e_to_the_minus_lambda(double lambda)
    {
        // The kernel's shortcut for scenarios without events (Disruptions.ExpectedEvents) relies on this property of Math.NET's sampler.
        for (var s = 0; s < 5000; s++)
        {
            var none = MathNet.Numerics.Distributions.Poisson.Sample(new StreamRandom(3, 17, s), lambda) == 0;
            Assert.Equal(none, new StreamRandom(3, 17, s).NextDouble() < Math.Exp(-lambda));
        }
    }
}
