using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Reshore.Core.Risk;

/// <summary>
/// One quantity for the <see cref="Lanes"/> scenarios of a kernel block: two 512-bit vectors of doubles (docs/model.md 8.13). The week
/// step is a chain of dependent operations (stock → order → shipment → pipeline → next week); two independent halves give the core a
/// second chain to work on while the first waits for its results, which is worth more than the extra instructions.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal readonly struct ScenarioVector
{
    /// <summary>Scenarios per vector.</summary>
    public const int Lanes = 2 * LaneRandom.Lanes;

    /// <summary>Lanes 0–7 and 8–15.</summary>
    public readonly Vector512<double> Low, High;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ScenarioVector(Vector512<double> low, Vector512<double> high)
    {
        Low = low;
        High = high;
    }

    public static ScenarioVector Zero => default;

    public static ScenarioVector One => Create(1.0);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScenarioVector Create(double value)
    {
        var v = Vector512.Create(value);
        return new ScenarioVector(v, v);
    }

    /// <summary>From <see cref="Lanes"/> values.</summary>
    public static ScenarioVector Create(ReadOnlySpan<double> values) =>
        new(Vector512.Create(values[..LaneRandom.Lanes]), Vector512.Create(values.Slice(LaneRandom.Lanes, LaneRandom.Lanes)));

    /// <summary>Lane <paramref name="lane"/>.</summary>
    public double this[int lane] => lane < LaneRandom.Lanes ? Low.GetElement(lane) : High.GetElement(lane - LaneRandom.Lanes);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScenarioVector operator +(ScenarioVector a, ScenarioVector b) => new(a.Low + b.Low, a.High + b.High);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScenarioVector operator -(ScenarioVector a, ScenarioVector b) => new(a.Low - b.Low, a.High - b.High);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScenarioVector operator *(ScenarioVector a, ScenarioVector b) => new(a.Low * b.Low, a.High * b.High);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScenarioVector operator *(double a, ScenarioVector b) => new(a * b.Low, a * b.High);

    /// <summary>Lane-wise minimum (no NaN handling: the kernel has none).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScenarioVector Min(ScenarioVector a, ScenarioVector b) => new(Vector512.MinNative(a.Low, b.Low), Vector512.MinNative(a.High, b.High));

    /// <summary><paramref name="value"/> where <paramref name="test"/> &gt; <paramref name="threshold"/>, else an exact 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScenarioVector Where(ScenarioVector test, ScenarioVector threshold, ScenarioVector value) =>
        new(Vector512.ConditionalSelect(Vector512.GreaterThan(test.Low, threshold.Low), value.Low, Vector512<double>.Zero),
            Vector512.ConditionalSelect(Vector512.GreaterThan(test.High, threshold.High), value.High, Vector512<double>.Zero));

    /// <summary>Whether any lane is positive.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AnyPositive(ScenarioVector x) =>
        Vector512.GreaterThanAny(x.Low, Vector512<double>.Zero) | Vector512.GreaterThanAny(x.High, Vector512<double>.Zero);
}
