using Reshore.Core.Costing.Formulas;

namespace Reshore.Core.Tests.Formulas;

public class StrategicFormulasTests
{
    [Theory]
    [InlineData(0.02, 150, 3.0)]   // 2 % × 150 = 3
    [InlineData(0.0, 150, 0.0)]    // no penalty
    public void InnovationDistance_IsPenaltyShareTimesLandedValue(double share, double landed, double expected)
    {
        FormulaAssert.Near(expected, StrategicFormulas.InnovationDistance(share, landed), 1e-12, $"InnovationDistance(δ={share}, landed={landed})");
    }

    [Theory]
    [InlineData(0.05, 300, -15.0)]   // −(5 % × 300) = −15, a negative cost
    [InlineData(0.0, 300, 0.0)]      // no premium
    [InlineData(0.10, 0, 0.0)]       // zero selling price
    public void MadeInPremium_IsNegativeShareTimesSellingPrice(double share, double price, double expected)
    {
        FormulaAssert.Near(expected, StrategicFormulas.MadeInPremium(share, price), 1e-12, $"MadeInPremium(π={share}, price={price})");
    }
}
