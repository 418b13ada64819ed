using Reshore.Core.Costing.Formulas;

namespace Reshore.Core.Tests.Formulas;

public class ProductionFormulasTests
{
    // ---- Labour ----

    [Theory]
    [InlineData(0.5, 40, 0.8, 25.0)]    // 0.5 h × 40 EUR/h ÷ 0.8 = 25
    [InlineData(0.5, 40, 1.0, 20.0)]    // as measured: 0.5 × 40 = 20
    [InlineData(0.25, 6, 0.5, 3.0)]     // half as productive doubles the cost: 0.25 × 6 ÷ 0.5 = 3
    [InlineData(0.5, 0, 0.8, 0.0)]      // zero wage
    [InlineData(0.0, 40, 0.8, 0.0)]     // no hours
    public void Labour_IsHoursTimesWageOverProductivity(double hours, double wage, double productivity, double expected)
    {
        FormulaAssert.Near(expected, ProductionFormulas.Labour(hours, wage, productivity), 1e-12, $"Labour(h={hours}, w={wage}, π={productivity})");
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.5)]
    [InlineData(double.NaN)]
    public void Labour_Throws_ForNonPositiveProductivity(double productivity)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => ProductionFormulas.Labour(0.5, 40, productivity));
        Assert.Equal("relativeProductivity", ex.ParamName);
    }

    // ---- Energy ----

    [Theory]
    [InlineData(12.5, 0.20, 2.5)]   // 12.5 kWh × 0.20 EUR/kWh = 2.5
    [InlineData(12.5, 0.0, 0.0)]    // free energy
    [InlineData(0.0, 0.20, 0.0)]    // no energy use
    public void Energy_IsKwhTimesPrice(double kwh, double price, double expected)
    {
        FormulaAssert.Near(expected, ProductionFormulas.Energy(kwh, price), 1e-12, $"Energy(kWh={kwh}, price={price})");
    }

    // ---- Overhead ----

    [Theory]
    [InlineData(0.15, 80, 50_000, 10_000, 17.0)]   // 0.15 × 80 + 50000 ÷ 10000 = 12 + 5 = 17
    [InlineData(0.0, 80, 50_000, 10_000, 5.0)]     // fixed part only: 50000 ÷ 10000 = 5
    [InlineData(0.15, 80, 0, 10_000, 12.0)]        // variable part only: 0.15 × 80 = 12
    public void Overhead_IsRateTimesDirectCostPlusFixedPerUnit(double rate, double direct, double fixedPerYear, double volume, double expected)
    {
        FormulaAssert.Near(expected, ProductionFormulas.Overhead(rate, direct, fixedPerYear, volume), 1e-12,
            $"Overhead(o={rate}, direct={direct}, F={fixedPerYear}, V={volume})");
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-100.0)]
    public void Overhead_Throws_ForNonPositiveVolume(double volume)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => ProductionFormulas.Overhead(0.15, 80, 50_000, volume));
        Assert.Equal("annualVolume", ex.ParamName);
    }

    // ---- Depreciation ----

    [Fact]
    public void Depreciation_SumsStraightLineOverAssetsPlusExisting_PerUnit()
    {
        // (100000 ÷ 10 + 60000 ÷ 5 + 8000) ÷ 5000 = (10000 + 12000 + 8000) ÷ 5000 = 30000 ÷ 5000 = 6
        var actual = ProductionFormulas.Depreciation([(100_000, 10), (60_000, 5)], 8_000, 5_000);
        FormulaAssert.Near(6.0, actual, 1e-12, "Depreciation([(100000, 10 y), (60000, 5 y)], existing=8000, V=5000)");
    }

    [Fact]
    public void Depreciation_WithNoNewAssets_IsExistingPerUnit()
    {
        // 5000 ÷ 1000 = 5
        FormulaAssert.Near(5.0, ProductionFormulas.Depreciation([], 5_000, 1_000), 1e-12, "Depreciation([], existing=5000, V=1000)");
    }

    [Fact]
    public void Depreciation_Throws_ForZeroVolume()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => ProductionFormulas.Depreciation([(100_000, 10)], 0, 0));
        Assert.Equal("annualVolume", ex.ParamName);
    }

    // ---- PerUnit ----

    [Theory]
    [InlineData(120_000, 4_000, 30.0)]   // 120000 ÷ 4000 = 30
    [InlineData(0, 4_000, 0.0)]          // nothing to spread
    [InlineData(-8_000, 4_000, -2.0)]    // a negative annual amount (a credit) stays negative: −8000 ÷ 4000 = −2
    [InlineData(1, 0.5, 2.0)]            // fractional volume: 1 ÷ 0.5 = 2
    public void PerUnit_IsAnnualAmountOverVolume(double perYear, double volume, double expected)
    {
        FormulaAssert.Near(expected, ProductionFormulas.PerUnit(perYear, volume), 1e-12, $"PerUnit(A={perYear}, V={volume})");
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    public void PerUnit_Throws_ForNonPositiveVolume(double volume)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => ProductionFormulas.PerUnit(120_000, volume));
        Assert.Equal("annualVolume", ex.ParamName);
    }

    // ---- LearningCurveHours ----

    [Theory]
    [InlineData(10, 0.1, 1, 10.0)]        // first year: 10 × 1^b = 10
    [InlineData(10, 0.1, 2, 9.0)]         // 90 % curve, one doubling: 10 × 0.9 = 9
    [InlineData(10, 0.1, 4, 8.1)]         // two doublings: 10 × 0.9² = 8.1
    [InlineData(10, 0.1, 8, 7.29)]        // three doublings: 10 × 0.9³ = 7.29
    [InlineData(10, 0.2, 2, 8.0)]         // 80 % curve, one doubling: 10 × 0.8 = 8
    [InlineData(10, 0.1, 3, 8.4620599)]   // b = log₂ 0.9 = −0.1520031; 3^b = 0.9^log₂3 = 0.9^1.5849625 = 0.8462060 ⇒ 8.462060
    [InlineData(10, 0.0, 5, 10.0)]        // no learning: b = log₂ 1 = 0 ⇒ unchanged
    [InlineData(10, 0.0, 1000, 10.0)]
    public void LearningCurveHours_FollowsWrightsLaw(double firstYearHours, double learningRate, double experience, double expected)
    {
        FormulaAssert.Near(expected, ProductionFormulas.LearningCurveHours(firstYearHours, learningRate, experience), 1e-6,
            $"LearningCurveHours(h₁={firstYearHours}, ℓ={learningRate}, N={experience})");
    }

    [Theory]
    [InlineData(-0.1, 2, "learningRate")]
    [InlineData(1.0, 2, "learningRate")]
    [InlineData(1.5, 2, "learningRate")]
    [InlineData(0.1, 0.99, "experienceInFirstYearVolumes")]
    [InlineData(0.1, 0.0, "experienceInFirstYearVolumes")]
    [InlineData(0.1, -2.0, "experienceInFirstYearVolumes")]
    public void LearningCurveHours_Throws_ForInvalidInputs(double learningRate, double experience, string paramName)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => ProductionFormulas.LearningCurveHours(10, learningRate, experience));
        Assert.Equal(paramName, ex.ParamName);
    }

    // ---- EscalatedPrice and Grow ----

    [Theory]
    [InlineData(0.05, 1, 1.0)]       // base year: 1.05⁰ = 1
    [InlineData(0.05, 2, 1.05)]      // 1.05¹
    [InlineData(0.05, 3, 1.1025)]    // 1.05² = 1.1025
    [InlineData(-0.10, 2, 0.9)]      // deflation: 0.9¹
    [InlineData(0.0, 10, 1.0)]       // no growth
    public void Grow_IsOnePlusRateToTheYearMinusOne(double rate, int year, double expected)
    {
        FormulaAssert.Near(expected, ProductionFormulas.Grow(rate, year), 1e-12, $"Grow(g={rate}, t={year})");
    }

    [Theory]
    [InlineData(100, 0.4, 0.05, 0.02, 1, 100.0)]     // base year: 100 × (0.4 + 0.6) = 100
    [InlineData(100, 0.4, 0.05, 0.02, 3, 106.524)]   // 100 × (0.4 × 1.05² + 0.6 × 1.02²) = 100 × (0.441 + 0.62424) = 106.524
    [InlineData(100, 1.0, 0.05, 0.02, 2, 105.0)]     // all labour: 100 × 1.05 = 105
    [InlineData(100, 0.0, 0.05, 0.02, 2, 102.0)]     // no labour: 100 × 1.02 = 102
    [InlineData(100, 0.4, 0.0, 0.0, 7, 100.0)]       // no escalation
    public void EscalatedPrice_BlendsWageGrowthAndOtherEscalation(double basePrice, double labourShare, double wageGrowth, double other, int year, double expected)
    {
        FormulaAssert.Near(expected, ProductionFormulas.EscalatedPrice(basePrice, labourShare, wageGrowth, other, year), 1e-9,
            $"EscalatedPrice(P₁={basePrice}, λ={labourShare}, g_w={wageGrowth}, e={other}, t={year})");
    }
}
