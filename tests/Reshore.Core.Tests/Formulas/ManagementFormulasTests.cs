using Reshore.Core.Costing.Formulas;

namespace Reshore.Core.Tests.Formulas;

public class ManagementFormulasTests
{
    [Theory]
    [InlineData(6, 2500, 10_000, 1.5)]   // 6 trips × 2500 EUR ÷ 10000 units = 15000 ÷ 10000 = 1.5
    [InlineData(0, 2500, 10_000, 0.0)]   // no trips
    public void Travel_IsTripsTimesCostOverVolume(double trips, double costPerTrip, double volume, double expected)
    {
        FormulaAssert.Near(expected, ManagementFormulas.Travel(trips, costPerTrip, volume), 1e-12, $"Travel(trips={trips}, cost={costPerTrip}, V={volume})");
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-10.0)]
    public void Travel_Throws_ForNonPositiveVolume(double volume)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => ManagementFormulas.Travel(6, 2500, volume));
        Assert.Equal("annualVolume", ex.ParamName);
    }

    [Theory]
    [InlineData(4, 10, 500, 20_000, 1.0)]   // 4 changes × 10 weeks × 500 EUR/week ÷ 20000 = 20000 ÷ 20000 = 1
    [InlineData(4, 1, 500, 20_000, 0.1)]    // 4 × 1 × 500 ÷ 20000 = 0.1
    [InlineData(4, 0, 500, 20_000, 0.0)]    // zero lead time: no delay
    [InlineData(0, 10, 500, 20_000, 0.0)]   // no changes
    public void EngineeringChangeDelay_IsChangesTimesWeeksTimesCostOverVolume(double changes, double weeks, double costPerWeek, double volume, double expected)
    {
        FormulaAssert.Near(expected, ManagementFormulas.EngineeringChangeDelay(changes, weeks, costPerWeek, volume), 1e-12,
            $"EngineeringChangeDelay(n={changes}, L={weeks} wk, c={costPerWeek}, V={volume})");
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    public void EngineeringChangeDelay_Throws_ForNonPositiveVolume(double volume)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => ManagementFormulas.EngineeringChangeDelay(4, 10, 500, volume));
        Assert.Equal("annualVolume", ex.ParamName);
    }
}
