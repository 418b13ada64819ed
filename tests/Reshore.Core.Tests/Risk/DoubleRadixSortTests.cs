using Reshore.Core.Risk;

namespace Reshore.Core.Tests.Risk;

public class DoubleRadixSortTests
{
    public static TheoryData<int, int> Samples => new() { { 0, 1 }, { 1, 2 }, { 255, 3 }, { 256, 4 }, { 1000, 5 }, { 20_000, 6 }, { 65_537, 7 } };

    [Theory]
    [MemberData(nameof(Samples))]
    public void Sorts_like_Array_Sort(int length, int seed)
    {
        var random = new Random(seed);
        var values = new double[length];
        for (var i = 0; i < length; i++)
            values[i] = (i % 7) switch
            {
                0 => random.NextDouble() * 1e6,                  // costs
                1 => -random.NextDouble() * 1e3,                 // negative (a saving)
                2 => Math.Round(random.NextDouble() * 10),       // many ties
                3 => random.NextDouble() * double.Epsilon * 1e3, // subnormal
                4 => i % 2 == 0 ? double.PositiveInfinity : double.NegativeInfinity,
                5 => 1e300 * (random.NextDouble() - 0.5),
                _ => random.NextDouble(),
            };
        var expected = (double[])values.Clone();
        Array.Sort(expected);
        DoubleRadixSort.Sort(values);
        Assert.Equal(expected, values);
    }

    [Fact]
    public void Puts_a_NaN_first_as_Array_Sort_does()
    {
        var values = Enumerable.Range(0, 1000).Select(i => (double)(1000 - i)).ToArray();
        values[500] = double.NaN;
        DoubleRadixSort.Sort(values);
        Assert.True(double.IsNaN(values[0]));
        Assert.Equal(1.0, values[1]);
        Assert.Equal(1000.0, values[^1]);
    }

    [Fact]
    public void Negative_zero_sorts_before_positive_zero()
    {
        var values = Enumerable.Repeat(0.0, 300).Concat(Enumerable.Repeat(-0.0, 300)).ToArray();
        DoubleRadixSort.Sort(values);
        Assert.True(double.IsNegative(values[299]));
        Assert.False(double.IsNegative(values[300]));
    }

    [Theory]
    [InlineData(-1.5)]
    [InlineData(0.0)]
    [InlineData(3e-310)]
    [InlineData(double.MaxValue)]
    public void Keys_round_trip_and_keep_order(double value)
    {
        Assert.Equal(value, DoubleRadixSort.FromOrderedKey(DoubleRadixSort.OrderedKey(value)));
        Assert.True(DoubleRadixSort.OrderedKey(value) < DoubleRadixSort.OrderedKey(Math.BitIncrement(value)));
    }
}
