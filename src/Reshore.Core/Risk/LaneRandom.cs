using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Reshore.Core.Risk;

/// <summary>
/// <see cref="StreamRandom"/>'s xoshiro256** run side by side in the <see cref="Lanes"/> lanes of a 512-bit vector (docs/model.md 8.13):
/// after <see cref="Reseed"/>(seed, stream, first), lane l produces exactly the numbers of <c>new StreamRandom(seed, stream, first + l)</c>,
/// so each scenario keeps its own reproducible stream while eight scenarios draw at the cost of one. The multiplications by 5 and 9 of
/// the scrambler are shifts and adds, so the generator needs no 64-bit vector multiply.
/// </summary>
public struct LaneRandom
{
    /// <summary>Streams per vector.</summary>
    public const int Lanes = 8;

    private Vector512<ulong> _s0, _s1, _s2, _s3;

    /// <summary>Lane l moves to the start of stream (seed, stream, first + l): SplitMix64 as in <see cref="StreamRandom.InitialState"/>, on all lanes at once.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Reseed(int seed, int stream, int first)
    {
        unchecked
        {
            var scenario = Vector512.Create(0UL, 1, 2, 3, 4, 5, 6, 7) + Vector512.Create((ulong)(uint)first);
            // (uint)(first + l) for every lane: wrap around 2^32 as the scalar seeding does.
            scenario &= Vector512.Create(0xFFFFFFFFUL);
            var x = Vector512.Create((ulong)(uint)seed << 32 ^ (ulong)(uint)stream * 0xC2B2AE3D27D4EB4FUL) ^ scenario * Vector512.Create(0x165667B19E3779F9UL);
            _s0 = SplitMix(ref x);
            _s1 = SplitMix(ref x);
            _s2 = SplitMix(ref x);
            _s3 = SplitMix(ref x);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<ulong> SplitMix(ref Vector512<ulong> x)
    {
        var z = x += Vector512.Create(0x9E3779B97F4A7C15UL);
        z = (z ^ (z >>> 30)) * Vector512.Create(0xBF58476D1CE4E5B9UL);
        z = (z ^ (z >>> 27)) * Vector512.Create(0x94D049BB133111EBUL);
        return z ^ (z >>> 31);
    }

    /// <summary>The next 64 random bits of every lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector512<ulong> NextUInt64()
    {
        var s1 = _s1;
        var times5 = s1 + (s1 << 2);
        var rotated = (times5 << 7) | (times5 >>> 57);
        var result = rotated + (rotated << 3);
        var t = s1 << 17;
        _s2 ^= _s0;
        _s3 ^= s1;
        _s1 = s1 ^ _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = (_s3 << 45) | (_s3 >>> 19);
        return result;
    }

    /// <summary>Uniform in [0, 1) with 53 random bits per lane, as <see cref="StreamRandom.NextDouble"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector512<double> NextDouble() => Vector512.ConvertToDouble(NextUInt64() >>> 11) * (1.0 / (1UL << 53));
}

/// <summary>
/// The elementary functions the demand draws need, on 512-bit vectors of doubles, branch-free: a logarithm, the sine and cosine of
/// 2πu, and an exponential (docs/model.md 8.13). Each is accurate to a few units in the last place over the range the simulation uses
/// (tests compare them with <see cref="Math"/>), far below the sampling noise of any simulation.
/// </summary>
public static class LaneMath
{
    // fdlibm's e_log.c: ln 2 split in a high part with trailing zeros and a low part, and the minimax coefficients of
    // R(s²) in log(1 + f) = f − f²/2 + s (f²/2 + R), s = f / (2 + f), on [√½ − 1, √2 − 1].
    private const double Ln2Hi = 6.93147180369123816490e-01, Ln2Lo = 1.90821492927058770002e-10;
    private const double Lg1 = 6.666666666666735130e-01, Lg2 = 3.999999999940941908e-01, Lg3 = 2.857142874366239149e-01,
        Lg4 = 2.222219843214978396e-01, Lg5 = 1.818357216161805012e-01, Lg6 = 1.531383769920937332e-01, Lg7 = 1.479819860511658591e-01;

    /// <summary>ln x for positive, finite, normal x.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Log(Vector512<double> x)
    {
        // x = 2^k z with z in [√½, √2): subtract the bits of √½ so the exponent field of the difference is k.
        var bits = x.AsUInt64();
        var offset = bits - Vector512.Create(0x3FE6A09E667F3BCDUL);
        var k = Vector512.ConvertToDouble(Vector512.ShiftRightArithmetic(offset.AsInt64(), 52));
        var z = (bits - (offset & Vector512.Create(0xFFFUL << 52))).AsDouble();
        var f = z - Vector512<double>.One;
        var halfSquare = Vector512.Create(0.5) * f * f;
        var s = f / (Vector512.Create(2.0) + f);
        var s2 = s * s;
        var s4 = s2 * s2;
        var odd = s4 * Fma(s4, Fma(s4, Vector512.Create(Lg6), Vector512.Create(Lg4)), Vector512.Create(Lg2));
        var even = s2 * Fma(s4, Fma(s4, Fma(s4, Vector512.Create(Lg7), Vector512.Create(Lg5)), Vector512.Create(Lg3)), Vector512.Create(Lg1));
        var r = odd + even;
        return k * Vector512.Create(Ln2Hi) - ((halfSquare - (s * (halfSquare + r) + k * Vector512.Create(Ln2Lo))) - f);
    }

    /// <summary>sin 2πu and cos 2πu for u in [0, 1]: the angle is reduced exactly on u (to the nearest quarter turn), then Taylor polynomials of degree 15 and 16 on [−π/4, π/4].</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void SinCosTwoPi(Vector512<double> u, out Vector512<double> sin, out Vector512<double> cos)
    {
        // q = round(4u) from the low bits of 4u + 1.5 × 2^52; x = 2π (u − q/4) in [−π/4, π/4].
        var magic = Vector512.Create(6755399441055744.0);
        var shifted = Vector512.Create(4.0) * u + magic;
        var q = shifted.AsUInt64();
        var x = (u - (shifted - magic) * Vector512.Create(0.25)) * Vector512.Create(2 * Math.PI);
        var x2 = x * x;
        var s = Vector512.Create(-1.0 / 1307674368000);                 // −1/15!
        s = Fma(s, x2, Vector512.Create(1.0 / 6227020800));             // 1/13!
        s = Fma(s, x2, Vector512.Create(-1.0 / 39916800));              // −1/11!
        s = Fma(s, x2, Vector512.Create(1.0 / 362880));                 // 1/9!
        s = Fma(s, x2, Vector512.Create(-1.0 / 5040));
        s = Fma(s, x2, Vector512.Create(1.0 / 120));
        s = Fma(s, x2, Vector512.Create(-1.0 / 6));
        s = Fma(s * x2, x, x);
        var c = Vector512.Create(1.0 / 20922789888000);                  // 1/16!
        c = Fma(c, x2, Vector512.Create(-1.0 / 87178291200));           // −1/14!
        c = Fma(c, x2, Vector512.Create(1.0 / 479001600));              // 1/12!
        c = Fma(c, x2, Vector512.Create(-1.0 / 3628800));               // −1/10!
        c = Fma(c, x2, Vector512.Create(1.0 / 40320));
        c = Fma(c, x2, Vector512.Create(-1.0 / 720));
        c = Fma(c, x2, Vector512.Create(1.0 / 24));
        c = Fma(c, x2, Vector512.Create(-0.5));
        c = Fma(c, x2, Vector512<double>.One);
        // Quarter turns: q = 1 → (sin, cos) = (c, −s); q = 2 → (−s, −c); q = 3 → (−c, s).
        var swap = Vector512.Equals(q & Vector512<ulong>.One, Vector512<ulong>.One).AsDouble();
        var sinSign = ((q & Vector512.Create(2UL)) << 62).AsDouble();
        var cosSign = (((q + Vector512<ulong>.One) & Vector512.Create(2UL)) << 62).AsDouble();
        sin = Vector512.ConditionalSelect(swap, c, s) ^ sinSign;
        cos = Vector512.ConditionalSelect(swap, s, c) ^ cosSign;
    }

    /// <summary>eˣ for x in [−700, 700] (clamped there): x = k ln 2 + r with |r| ≤ ½ ln 2, a Taylor polynomial of degree 13 in r, times 2^k.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Exp(Vector512<double> x)
    {
        x = Vector512.Min(Vector512.Max(x, Vector512.Create(-700.0)), Vector512.Create(700.0));
        var magic = Vector512.Create(6755399441055744.0);
        var shifted = Fma(x, Vector512.Create(1.4426950408889634), magic);
        var k = shifted - magic;
        var r = x - k * Vector512.Create(Ln2Hi) - k * Vector512.Create(Ln2Lo);
        var p = Vector512.Create(1.0 / 6227020800);                      // 1/13!
        p = Fma(p, r, Vector512.Create(1.0 / 479001600));
        p = Fma(p, r, Vector512.Create(1.0 / 39916800));
        p = Fma(p, r, Vector512.Create(1.0 / 3628800));
        p = Fma(p, r, Vector512.Create(1.0 / 362880));
        p = Fma(p, r, Vector512.Create(1.0 / 40320));
        p = Fma(p, r, Vector512.Create(1.0 / 5040));
        p = Fma(p, r, Vector512.Create(1.0 / 720));
        p = Fma(p, r, Vector512.Create(1.0 / 120));
        p = Fma(p, r, Vector512.Create(1.0 / 24));
        p = Fma(p, r, Vector512.Create(1.0 / 6));
        p = Fma(p, r, Vector512.Create(0.5));
        p = Fma(p, r, Vector512<double>.One);
        p = Fma(p, r, Vector512<double>.One);
        // 2^k: k + 1023 in the exponent field (k is the integer in the low bits of the shifted value).
        var scale = ((shifted.AsInt64() - magic.AsInt64() + Vector512.Create(1023L)) << 52).AsDouble();
        return p * scale;
    }

    /// <summary>
    /// Standard normals by Box–Muller from two uniforms: z₁ = √(−2 ln(1 − u₁)) cos 2πu₂ and z₂ = √(−2 ln(1 − u₁)) sin 2πu₂
    /// (u₁ in [0, 1), so 1 − u₁ is in (0, 1] and its logarithm is finite).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void BoxMuller(Vector512<double> u1, Vector512<double> u2, out Vector512<double> z1, out Vector512<double> z2)
    {
        var radius = Vector512.Sqrt(Vector512.Create(-2.0) * Log(Vector512<double>.One - u1));
        SinCosTwoPi(u2, out var sin, out var cos);
        z1 = radius * cos;
        z2 = radius * sin;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> Fma(Vector512<double> a, Vector512<double> b, Vector512<double> c) => Vector512.FusedMultiplyAdd(a, b, c);
}
