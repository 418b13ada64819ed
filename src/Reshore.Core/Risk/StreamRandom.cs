namespace Reshore.Core.Risk;

/// <summary>
/// xoshiro256** (Blackman and Vigna, "Scrambled linear pseudorandom number generators", ACM TOMS 47(4), 2021) behind
/// <see cref="Random"/>, so Math.NET's distributions can draw from it. Seeding runs SplitMix64 over (seed, stream,
/// scenario): every scenario has its own reproducible stream, and <see cref="Reseed"/> re-targets an instance without
/// allocating — the simulator keeps one per thread.
/// </summary>
public sealed class StreamRandom : Random
{
    private ulong _s0, _s1, _s2, _s3;

    /// <summary>A generator positioned at the start of stream (seed, stream, scenario).</summary>
    public StreamRandom(int seed, int stream, int scenario) => Reseed(seed, stream, scenario);

    /// <summary>Moves to the start of stream (seed, stream, scenario).</summary>
    public void Reseed(int seed, int stream, int scenario) => InitialState(seed, stream, scenario, out _s0, out _s1, out _s2, out _s3);

    /// <summary>The state at the start of stream (seed, stream, scenario): SplitMix64 over the three numbers (also used by <see cref="LaneRandom"/>).</summary>
    internal static void InitialState(int seed, int stream, int scenario, out ulong s0, out ulong s1, out ulong s2, out ulong s3)
    {
        unchecked
        {
            var x = (ulong)(uint)seed << 32 ^ (ulong)(uint)stream * 0xC2B2AE3D27D4EB4FUL ^ (ulong)(uint)scenario * 0x165667B19E3779F9UL;
            s0 = SplitMix(ref x);
            s1 = SplitMix(ref x);
            s2 = SplitMix(ref x);
            s3 = SplitMix(ref x);
        }
    }

    private static ulong SplitMix(ref ulong x)
    {
        unchecked
        {
            var z = x += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        unchecked
        {
            var result = ulong.RotateLeft(_s1 * 5, 7) * 9;
            var t = _s1 << 17;
            _s2 ^= _s0;
            _s3 ^= _s1;
            _s1 ^= _s2;
            _s0 ^= _s3;
            _s2 ^= t;
            _s3 = ulong.RotateLeft(_s3, 45);
            return result;
        }
    }

    /// <summary>Uniform in [0, 1) with 53 random bits.</summary>
    public override double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <inheritdoc />
    protected override double Sample() => NextDouble();

    /// <inheritdoc />
    public override int Next() => (int)(NextUInt64() >> 33);

    /// <inheritdoc />
    public override int Next(int maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxValue);
        return (int)(NextDouble() * maxValue);
    }

    /// <inheritdoc />
    public override int Next(int minValue, int maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minValue, maxValue);
        return minValue + (int)(NextDouble() * ((long)maxValue - minValue));
    }

    /// <inheritdoc />
    public override void NextBytes(byte[] buffer) => NextBytes(buffer.AsSpan());

    /// <inheritdoc />
    public override void NextBytes(Span<byte> buffer)
    {
        for (var i = 0; i < buffer.Length; i++) buffer[i] = (byte)(NextUInt64() >> 56);
    }
}
