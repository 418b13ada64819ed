using System.Buffers;

namespace Reshore.Core.Risk;

/// <summary>
/// Sorts doubles ascending by their bits: a least-significant-digit radix sort, eight passes of one byte each (a pass whose byte is
/// the same for every value is skipped). The simulation's statistics sort a column of costs per strategy and year (20,000 values and
/// more); comparison sorts spent a quarter of a `simulate` there, and a native build has no specialised comparison sort for doubles.
/// The result equals <see cref="Array.Sort{T}(T[])"/>'s, except that −0 comes before +0 (Array.Sort leaves equal values in any order);
/// a sample with a NaN, or a short one, is sorted by Array.Sort.
/// </summary>
public static class DoubleRadixSort
{
    /// <summary>Shorter samples go to the comparison sort, which is faster there.</summary>
    public const int MinLength = 256;

    private const ulong SignBit = 1UL << 63;

    /// <summary>Sorts <paramref name="values"/> ascending, in place.</summary>
    public static void Sort(double[] values) => Sort(values.AsSpan());

    /// <summary>Sorts <paramref name="values"/> ascending, in place.</summary>
    public static void Sort(Span<double> values)
    {
        var n = values.Length;
        if (n < MinLength)
        {
            values.Sort();
            return;
        }
        var pool = ArrayPool<ulong>.Shared;
        var keys = pool.Rent(n);
        var scratch = pool.Rent(n);
        try
        {
            Span<int> counts = stackalloc int[8 * 256];
            counts.Clear();
            for (var i = 0; i < n; i++)
            {
                var value = values[i];
                if (double.IsNaN(value))
                {
                    values.Sort();
                    return;
                }
                var key = OrderedKey(value);
                keys[i] = key;
                for (var b = 0; b < 8; b++) counts[(b << 8) | (int)((key >> (b << 3)) & 0xFF)]++;
            }
            var source = keys.AsSpan(0, n);
            var target = scratch.AsSpan(0, n);
            Span<int> next = stackalloc int[256];
            for (var b = 0; b < 8; b++)
            {
                var shift = b << 3;
                var digitCounts = counts.Slice(b << 8, 256);
                if (digitCounts[(int)((source[0] >> shift) & 0xFF)] == n) continue; // every value has this byte: nothing moves
                var offset = 0;
                for (var d = 0; d < 256; d++)
                {
                    next[d] = offset;
                    offset += digitCounts[d];
                }
                foreach (var key in source) target[next[(int)((key >> shift) & 0xFF)]++] = key;
                var swap = source;
                source = target;
                target = swap;
            }
            for (var i = 0; i < n; i++) values[i] = FromOrderedKey(source[i]);
        }
        finally
        {
            pool.Return(keys);
            pool.Return(scratch);
        }
    }

    /// <summary>The bits of <paramref name="value"/> mapped so that unsigned order is numeric order: negatives inverted, positives with the sign bit set.</summary>
    public static ulong OrderedKey(double value)
    {
        var bits = BitConverter.DoubleToUInt64Bits(value);
        return (bits & SignBit) != 0 ? ~bits : bits | SignBit;
    }

    /// <summary>The inverse of <see cref="OrderedKey"/>.</summary>
    public static double FromOrderedKey(ulong key) =>
        BitConverter.UInt64BitsToDouble((key & SignBit) != 0 ? key & ~SignBit : ~key);
}
