using Reshore.Core.Costing.Formulas;

namespace Reshore.Core.Tests.Formulas;

public class InventoryFormulasTests
{
    /// <summary>z = Φ⁻¹(0.95).</summary>
    private const double Z95 = 1.6448536;

    /// <summary>Annual log-volatility whose weekly value σ_w = σ ÷ √52 has σ_w² = ln 1.04, so √(exp(σ_w²) − 1) = 0.2.</summary>
    private static readonly double SigmaForWeeklyCv20 = Math.Sqrt(52 * Math.Log(1.04));

    // ---- Pipeline ----

    [Theory]
    [InlineData(200, 0.25, 36.5, 5.0)]      // 200 × 0.25 × 36.5 ÷ 365 = 200 × 0.25 × 0.1 = 5
    [InlineData(200, 0.25, 365, 50.0)]      // a full year in transit: 200 × 0.25 = 50
    [InlineData(80, 0.10, 30, 0.6575342)]   // 80 × 0.10 × 30 ÷ 365 = 240 ÷ 365 = 0.6575342
    [InlineData(200, 0.25, 0, 0.0)]         // no transit
    [InlineData(200, 0.0, 36.5, 0.0)]       // zero carrying rate
    public void Pipeline_IsValueTimesRateTimesTransitDaysOver365(double unitValue, double rate, double days, double expected)
    {
        FormulaAssert.Near(expected, InventoryFormulas.Pipeline(unitValue, rate, days), 1e-7, $"Pipeline(v={unitValue}, h={rate}, T={days} d)");
    }

    // ---- CycleStock ----

    [Theory]
    [InlineData(200, 0.25, 12, 2.0833333)]  // 200 × 0.25 ÷ (2 × 12) = 50 ÷ 24 = 2.0833333
    [InlineData(200, 0.25, 1, 25.0)]        // one shipment a year: average stock half a year: 50 ÷ 2 = 25
    [InlineData(100, 0.20, 52, 0.1923077)]  // 100 × 0.2 ÷ 104 = 0.1923077
    [InlineData(200, 0.0, 12, 0.0)]         // zero carrying rate
    public void CycleStock_IsValueTimesRateOverTwiceShipments(double unitValue, double rate, double shipments, double expected)
    {
        FormulaAssert.Near(expected, InventoryFormulas.CycleStock(unitValue, rate, shipments), 1e-7, $"CycleStock(v={unitValue}, h={rate}, n={shipments})");
    }

    // ---- SafetyStockUnits ----

    [Fact]
    public void SafetyStockUnits_HandValue_DemandAndLeadTimeVariance()
    {
        // σ = √(52 ln 1.04) ⇒ σ_w² = ln 1.04 ⇒ σ_d = 100 × √(1.04 − 1) = 100 × 0.2 = 20 units/week
        // variance = L σ_d² + μ² σ_L² = 4 × 20² + 100² × 1² = 1600 + 10000 = 11600; √11600 = 107.703296
        // SS = 1.6448536 × 107.703296 = 177.15616
        var actual = InventoryFormulas.SafetyStockUnits(0.95, 100, SigmaForWeeklyCv20, 4, 1);
        FormulaAssert.Near(177.15616, actual, 1e-4, "SafetyStockUnits(SL=0.95, μ=100/wk, σ=√(52 ln 1.04), L=4 wk, σ_L=1 wk)");
    }

    [Fact]
    public void SafetyStockUnits_HandValue_DemandVarianceOnly_ConvertsAnnualToWeeklyVolatility()
    {
        // σ_d = 20 as above; √(4 × 20²) = 40; SS = 1.6448536 × 40 = 65.794145
        var actual = InventoryFormulas.SafetyStockUnits(0.95, 100, SigmaForWeeklyCv20, 4, 0);
        FormulaAssert.Near(Z95 * 40, actual, 1e-4, "SafetyStockUnits(SL=0.95, μ=100/wk, σ=√(52 ln 1.04), L=4 wk, σ_L=0)");
    }

    [Fact]
    public void SafetyStockUnits_HandValue_LeadTimeVarianceOnly()
    {
        // σ = 0 ⇒ σ_d = 0; √(100² × 1²) = 100; SS = 1.6448536 × 100 = 164.48536
        var actual = InventoryFormulas.SafetyStockUnits(0.95, 100, 0, 4, 1);
        FormulaAssert.Near(Z95 * 100, actual, 1e-4, "SafetyStockUnits(SL=0.95, μ=100/wk, σ=0, L=4 wk, σ_L=1 wk)");
    }

    [Theory]
    [InlineData(0.95, 100, 4)]
    [InlineData(0.99, 5000, 12)]
    [InlineData(0.5, 100, 4)]
    public void SafetyStockUnits_IsZero_WithoutVolatilityOrLeadTimeVariance(double serviceLevel, double weeklyDemand, double leadTimeWeeks)
    {
        // σ_d = 0 and σ_L = 0 ⇒ variance = 0 ⇒ SS = 0
        Assert.Equal(0.0, InventoryFormulas.SafetyStockUnits(serviceLevel, weeklyDemand, 0, leadTimeWeeks, 0), 12);
    }

    [Fact]
    public void SafetyStockUnits_IsZero_AtZeroLeadTimeAndNoLeadTimeVariance()
    {
        // L = 0, σ_L = 0 ⇒ 0 × σ_d² + 0 = 0
        Assert.Equal(0.0, InventoryFormulas.SafetyStockUnits(0.95, 100, 0.8, 0, 0), 12);
    }

    [Theory]
    [InlineData(0.5)]    // z = 0
    [InlineData(0.3)]    // z = −0.524 floored at 0
    [InlineData(0.01)]
    public void SafetyStockUnits_IsFlooredAtZero_ForServiceLevelsAtOrBelowHalf(double serviceLevel)
    {
        Assert.Equal(0.0, InventoryFormulas.SafetyStockUnits(serviceLevel, 100, 0.8, 4, 1), 12);
    }

    [Fact]
    public void SafetyStockUnits_ScalesWithZ()
    {
        // Φ⁻¹(0.99) = 2.3263479; same √11600 = 107.703296 ⇒ 2.3263479 × 107.703296 = 250.55534
        var actual = InventoryFormulas.SafetyStockUnits(0.99, 100, SigmaForWeeklyCv20, 4, 1);
        FormulaAssert.Near(2.3263479 * 107.703296, actual, 1e-4, "SafetyStockUnits(SL=0.99, μ=100/wk, σ=√(52 ln 1.04), L=4 wk, σ_L=1 wk)");
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    public void SafetyStockUnits_Throws_ForServiceLevelOutsideOpenUnitInterval(double serviceLevel)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => InventoryFormulas.SafetyStockUnits(serviceLevel, 100, 0.8, 4, 1));
        Assert.Equal("serviceLevel", ex.ParamName);
    }

    // ---- SafetyStock carrying ----

    [Theory]
    [InlineData(150, 200, 0.25, 10_000, 0.75)]   // 150 × 200 × 0.25 ÷ 10000 = 7500 ÷ 10000 = 0.75
    [InlineData(0, 200, 0.25, 10_000, 0.0)]      // no safety stock
    [InlineData(150, 200, 0.0, 10_000, 0.0)]     // zero carrying rate
    public void SafetyStock_IsUnitsTimesValueTimesRateOverVolume(double units, double unitValue, double rate, double volume, double expected)
    {
        FormulaAssert.Near(expected, InventoryFormulas.SafetyStock(units, unitValue, rate, volume), 1e-12,
            $"SafetyStock(SS={units}, v={unitValue}, h={rate}, V={volume})");
    }

    // ---- PaymentTerms ----

    [Theory]
    [InlineData(100, 0.06, 1.0, 73, 0, 1.2)]           // fully prepaid 73 days ahead: 100 × 0.06 × 73 ÷ 365 = 1.2
    [InlineData(100, 0.06, 0.0, 36.5, 36.5, -0.6)]     // paid on 36.5-day terms: 100 × 0.06 × (−36.5) ÷ 365 = −0.6 (supplier finances buyer)
    [InlineData(100, 0.06, 0.3, 60, 30, -0.0493151)]   // 0.3 × 60 − 0.7 × 30 = 18 − 21 = −3; 100 × 0.06 × (−3) ÷ 365 = −0.0493151
    [InlineData(100, 0.06, 0.5, 30, 30, 0.0)]          // 0.5 × 30 − 0.5 × 30 = 0
    [InlineData(100, 0.0, 0.3, 60, 30, 0.0)]           // zero interest rate
    public void PaymentTerms_HandValues(double price, double rate, double prepaidShare, double prepaymentDays, double termsDays, double expected)
    {
        FormulaAssert.Near(expected, InventoryFormulas.PaymentTerms(price, rate, prepaidShare, prepaymentDays, termsDays), 1e-7,
            $"PaymentTerms(P={price}, i={rate}, a={prepaidShare}, D_pre={prepaymentDays}, D_terms={termsDays})");
    }

    // ---- Obsolescence ----

    [Theory]
    [InlineData(200, 0.10, 0.25, 5.0)]   // 200 × 0.10 × 0.25 = 5
    [InlineData(200, 0.0, 0.25, 0.0)]    // zero obsolescence rate
    [InlineData(200, 0.10, 0.0, 0.0)]    // nothing held
    public void Obsolescence_IsValueTimesRateTimesYearsHeld(double unitValue, double rate, double years, double expected)
    {
        FormulaAssert.Near(expected, InventoryFormulas.Obsolescence(unitValue, rate, years), 1e-12, $"Obsolescence(v={unitValue}, o={rate}, years={years})");
    }
}
