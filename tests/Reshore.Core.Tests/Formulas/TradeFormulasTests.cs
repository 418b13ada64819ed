using Reshore.Core.Costing.Formulas;

namespace Reshore.Core.Tests.Formulas;

public class TradeFormulasTests
{
    [Theory]
    [InlineData(100, 8, 0.5, 108.5)]   // CIF = 100 + 8 + 0.5 = 108.5
    [InlineData(100, 0, 0, 100.0)]     // no freight or insurance to the border
    public void CustomsValue_IsGoodsPlusFreightPlusInsurance(double goods, double freight, double insurance, double expected)
    {
        FormulaAssert.Near(expected, TradeFormulas.CustomsValue(goods, freight, insurance), 1e-12, $"CustomsValue(goods={goods}, freight={freight}, insurance={insurance})");
    }

    [Theory]
    [InlineData(0.027, 200, 5.4)]   // 2.7 % × 200 = 5.4
    [InlineData(0.0, 200, 0.0)]     // duty-free
    [InlineData(0.12, 108.5, 13.02)] // 12 % × 108.5 = 13.02
    public void AdValorem_IsRateTimesCustomsValue(double rate, double customsValue, double expected)
    {
        FormulaAssert.Near(expected, TradeFormulas.AdValorem(rate, customsValue), 1e-12, $"AdValorem(rate={rate}, CV={customsValue})");
    }

    [Theory]
    [InlineData(120, 250, 30.0)]   // 120 EUR/t × 250 kg ÷ 1000 = 30
    [InlineData(120, 0, 0.0)]      // massless unit
    public void Specific_ConvertsKgToTonnes(double amountPerTonne, double weightKg, double expected)
    {
        FormulaAssert.Near(expected, TradeFormulas.Specific(amountPerTonne, weightKg), 1e-12, $"Specific(amount={amountPerTonne}/t, m={weightKg} kg)");
    }

    // ---- CbamCharge: worked example of reference/cbam.md §3 (SEE 1.2, benchmark 1.0, CBAM factor 2026 = 0.975) ----

    [Fact]
    public void CbamCharge_WorkedExample_ChargeableEmissionsPerTonne()
    {
        // 1000 kg = 1 t; chargeable = 1.2 − 1.0 × 0.975 = 0.225 t CO2e/t; at a price of 1 EUR/t: 1 × 0.225 × 1 = 0.225
        var actual = TradeFormulas.CbamCharge(1000, 1.2, 1.0, 0.975, 1, 0);
        FormulaAssert.Near(0.225, actual, 1e-12, "CbamCharge(m=1000 kg, SEE=1.2, B=1.0, CF=0.975, P=1, c_origin=0)");
    }

    [Fact]
    public void CbamCharge_WorkedExample_TimesCertificatePrice()
    {
        // 500 kg = 0.5 t; 0.5 t × 0.225 t CO2e/t × 80 EUR/t CO2e = 9.0
        var actual = TradeFormulas.CbamCharge(500, 1.2, 1.0, 0.975, 80, 0);
        FormulaAssert.Near(9.0, actual, 1e-12, "CbamCharge(m=500 kg, SEE=1.2, B=1.0, CF=0.975, P=80, c_origin=0)");
    }

    [Fact]
    public void CbamCharge_DeductsOriginCarbonPriceOnAllEmbeddedEmissions()
    {
        // gross = 0.5 × 0.225 × 80 = 9.0; deduction = 0.5 t × 1.2 t CO2e/t × 10 EUR/t CO2e = 6.0; 9.0 − 6.0 = 3.0
        var actual = TradeFormulas.CbamCharge(500, 1.2, 1.0, 0.975, 80, 10);
        FormulaAssert.Near(3.0, actual, 1e-12, "CbamCharge(m=500 kg, SEE=1.2, B=1.0, CF=0.975, P=80, c_origin=10)");
    }

    [Fact]
    public void CbamCharge_IsFlooredAtZero_WhenOriginPriceExceedsCharge()
    {
        // gross = 9.0; deduction = 0.5 × 1.2 × 20 = 12.0; max(0, 9.0 − 12.0) = 0
        Assert.Equal(0.0, TradeFormulas.CbamCharge(500, 1.2, 1.0, 0.975, 80, 20));
    }

    [Fact]
    public void CbamCharge_IsZero_WhenEmbeddedBelowAdjustedBenchmark()
    {
        // chargeable = max(0, 0.9 − 1.0 × 0.975) = max(0, −0.075) = 0 ⇒ 0 (no negative charge, no refund)
        Assert.Equal(0.0, TradeFormulas.CbamCharge(500, 0.9, 1.0, 0.975, 80, 0));
    }

    [Fact]
    public void CbamCharge_FullPhaseOut_ChargesAllEmbeddedEmissions()
    {
        // 2034, CF = 0: 1 t × (1.2 − 1.0 × 0) × 80 = 96
        FormulaAssert.Near(96.0, TradeFormulas.CbamCharge(1000, 1.2, 1.0, 0.0, 80, 0), 1e-12, "CbamCharge(m=1000 kg, SEE=1.2, B=1.0, CF=0, P=80, c_origin=0)");
    }

    [Theory]
    [InlineData(0, 1.2, 80)]    // massless unit
    [InlineData(500, 1.2, 0)]   // zero certificate price
    [InlineData(500, 0, 80)]    // no embedded emissions
    public void CbamCharge_IsZero_ForZeroMassPriceOrEmissions(double weightKg, double embedded, double price)
    {
        Assert.Equal(0.0, TradeFormulas.CbamCharge(weightKg, embedded, 1.0, 0.975, price, 0));
    }
}
