using Reshore.Core.Costing.Formulas;

namespace Reshore.Core.Tests.Formulas;

public class RiskFormulasTests
{
    [Theory]
    [InlineData(0.5, 4, 0.6, 0.25, 52, 0.9)]   // 0.5 × 4 ÷ 52 × 0.6 × 0.75 × 52 = 0.5 × 4 × 0.45 = 0.9
    [InlineData(1, 52, 1, 0, 10, 10.0)]        // a whole year lost, nothing mitigated: 1 × 52 ÷ 52 × 1 × 1 × 10 = 10
    [InlineData(0.5, 4, 0.6, 1.0, 52, 0.0)]    // fully mitigated: (1 − 1) = 0
    [InlineData(0.0, 4, 0.6, 0.25, 52, 0.0)]   // no events
    [InlineData(0.5, 4, 0.0, 0.25, 52, 0.0)]   // no capacity lost
    public void Disruption_IsEventsTimesWeeksOver52TimesLossTimesUnmitigatedTimesCost(double events, double weeks, double loss, double mitigated, double cost, double expected)
    {
        FormulaAssert.Near(expected, RiskFormulas.Disruption(events, weeks, loss, mitigated, cost), 1e-12,
            $"Disruption(λ={events}, D={weeks} wk, ℓ={loss}, m={mitigated}, c={cost})");
    }

    [Fact]
    public void Disruption_IsIndependentOfVolume_AsInTheLongForm()
    {
        // Long form with V = 5200: λ D (V ÷ 52) ℓ (1 − m) c ÷ V = 0.5 × 4 × 100 × 0.6 × 0.75 × 52 ÷ 5200 = 4680 ÷ 5200 = 0.9
        const double volume = 5200;
        var longForm = 0.5 * 4 * (volume / 52) * 0.6 * (1 - 0.25) * 52 / volume;
        FormulaAssert.Near(0.9, longForm, 1e-12, "long form with V=5200");
        FormulaAssert.Near(longForm, RiskFormulas.Disruption(0.5, 4, 0.6, 0.25, 52), 1e-12, "Disruption(λ=0.5, D=4, ℓ=0.6, m=0.25, c=52)");
    }

    [Theory]
    [InlineData(0.2, 0.25, 80, 4.0)]   // 0.2 × 25 % × 80 = 4
    [InlineData(0.0, 0.25, 80, 0.0)]   // no probability
    [InlineData(0.2, 0.0, 80, 0.0)]    // no extra tariff
    public void TradePolicy_IsProbabilityTimesTariffTimesCustomsValue(double probability, double tariff, double customsValue, double expected)
    {
        FormulaAssert.Near(expected, RiskFormulas.TradePolicy(probability, tariff, customsValue), 1e-12, $"TradePolicy(p={probability}, τ={tariff}, CV={customsValue})");
    }

    [Theory]
    [InlineData(0.03, 50, 1.5)]   // 3 % × 50 = 1.5
    [InlineData(0.0, 50, 0.0)]    // no premium
    [InlineData(0.03, 0, 0.0)]    // no foreign-currency cost
    public void Currency_IsPremiumTimesForeignCost(double premium, double foreignCost, double expected)
    {
        FormulaAssert.Near(expected, RiskFormulas.Currency(premium, foreignCost), 1e-12, $"Currency(premium={premium}, foreign={foreignCost})");
    }

    [Theory]
    [InlineData(0.05, 2_000_000, 50_000, 2.0)]   // 0.05 × 2000000 ÷ 50000 = 100000 ÷ 50000 = 2
    [InlineData(0.0, 2_000_000, 50_000, 0.0)]    // no risk
    public void IpLoss_IsProbabilityTimesLossOverVolume(double probability, double loss, double volume, double expected)
    {
        FormulaAssert.Near(expected, RiskFormulas.IpLoss(probability, loss, volume), 1e-12, $"IpLoss(p={probability}, L={loss}, V={volume})");
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-5.0)]
    public void IpLoss_Throws_ForNonPositiveVolume(double volume)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => RiskFormulas.IpLoss(0.05, 2_000_000, volume));
        Assert.Equal("annualVolume", ex.ParamName);
    }
}
