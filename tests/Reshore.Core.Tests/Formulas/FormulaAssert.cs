using System.Globalization;

namespace Reshore.Core.Tests.Formulas;

/// <summary>Tolerance assertions for the formula tests whose failure message names the call and its inputs.</summary>
internal static class FormulaAssert
{
    /// <summary>Asserts |expected − actual| ≤ tolerance; <paramref name="call"/> describes the function and inputs.</summary>
    public static void Near(double expected, double actual, double tolerance, string call) =>
        Assert.True(
            Math.Abs(expected - actual) <= tolerance,
            string.Create(CultureInfo.InvariantCulture,
                $"{call}: expected {expected:R} ± {tolerance:R}, got {actual:R} (difference {actual - expected:R})."));
}
