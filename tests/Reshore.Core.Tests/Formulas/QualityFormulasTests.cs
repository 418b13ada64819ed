using Reshore.Core.Costing.Formulas;

namespace Reshore.Core.Tests.Formulas;

public class QualityFormulasTests
{
    [Theory]
    [InlineData(0.002, 150, 0.3)]   // 0.2 % × 150 EUR = 0.3
    [InlineData(0.0, 150, 0.0)]     // zero defect rate
    [InlineData(0.05, 0, 0.0)]      // free events
    [InlineData(1.0, 12, 12.0)]     // every unit: 1 × 12
    public void RatePerUnit_IsProbabilityTimesCost(double rate, double cost, double expected)
    {
        FormulaAssert.Near(expected, QualityFormulas.RatePerUnit(rate, cost), 1e-12, $"RatePerUnit(p={rate}, c={cost})");
    }
}
