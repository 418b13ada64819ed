using Reshore.Core.Costing.Formulas;

namespace Reshore.Core.Tests.Formulas;

public class FinanceFormulasTests
{
    // ---- DiscountFactor ----

    [Theory]
    [InlineData(0.08, 0, 1.0)]              // year 0 is undiscounted: 1.08⁰ = 1
    [InlineData(0.10, 1, 0.9090909091)]     // 1 ÷ 1.1 = 0.9090909
    [InlineData(0.10, 2, 0.8264462810)]     // 1 ÷ 1.1² = 1 ÷ 1.21 = 0.8264463
    [InlineData(0.05, 3, 0.8638375985)]     // 1 ÷ 1.05³ = 1 ÷ 1.157625 = 0.8638376
    [InlineData(0.0, 10, 1.0)]              // zero rate: 1¹⁰ = 1
    public void DiscountFactor_IsOnePlusRateToTheMinusYear(double rate, int year, double expected)
    {
        FormulaAssert.Near(expected, FinanceFormulas.DiscountFactor(rate, year), 1e-9, $"DiscountFactor(r={rate}, t={year})");
    }

    // ---- PresentValue ----

    [Fact]
    public void PresentValue_DiscountsEachYearEndOfYear()
    {
        // −100 + 60 ÷ 1.1 + 60 ÷ 1.21 = −100 + 54.5454545 + 49.5867769 = 4.1322314
        var actual = FinanceFormulas.PresentValue([-100, 60, 60], 0.10);
        FormulaAssert.Near(4.1322314, actual, 1e-6, "PresentValue([−100, 60, 60], r=0.10)");
    }

    [Fact]
    public void PresentValue_AtZeroRate_IsPlainSum()
    {
        // −100 + 30 + 30 + 30 = −10
        FormulaAssert.Near(-10, FinanceFormulas.PresentValue([-100, 30, 30, 30], 0), 1e-12, "PresentValue([−100, 30, 30, 30], r=0)");
    }

    [Fact]
    public void PresentValue_OfNoCashFlows_IsZero()
    {
        Assert.Equal(0.0, FinanceFormulas.PresentValue([], 0.07));
    }

    [Theory]
    [InlineData(0.06, 5, 1000)]
    [InlineData(0.10, 2, 1)]
    [InlineData(0.03, 20, 250)]
    [InlineData(0.0, 8, 100)]
    public void PresentValue_OfFlatAnnuity_EqualsAmountTimesAnnuityFactor(double rate, int years, double amount)
    {
        // Cash flows C_0 = 0, C_1..C_n = A: Σ A (1 + r)^−t = A × (1 − (1 + r)^−n) ÷ r
        var flows = new double[years + 1];
        for (var t = 1; t <= years; t++) flows[t] = amount;
        var expected = amount * (rate == 0 ? years : (1 - Math.Pow(1 + rate, -years)) / rate);
        FormulaAssert.Near(expected, FinanceFormulas.PresentValue(flows, rate), 1e-9 * Math.Max(1, expected),
            $"PresentValue([0, {amount} × {years}], r={rate}) vs closed form");
        FormulaAssert.Near(expected, amount * FinanceFormulas.AnnuityFactor(rate, years), 1e-9 * Math.Max(1, expected),
            $"{amount} × AnnuityFactor(r={rate}, n={years}) vs closed form");
    }

    // ---- AnnuityFactor ----

    [Theory]
    [InlineData(0.10, 2, 1.7355371901)]    // (1 − 1 ÷ 1.21) ÷ 0.1 = 0.1735537 ÷ 0.1 = 1.7355372 (= 1/1.1 + 1/1.21)
    [InlineData(0.06, 5, 4.2123637856)]    // (1 − 1.06⁻⁵) ÷ 0.06 = (1 − 0.7472582) ÷ 0.06 = 4.2123638
    [InlineData(0.05, 10, 7.7217349292)]   // (1 − 1.05⁻¹⁰) ÷ 0.05 = (1 − 0.6139133) ÷ 0.05 = 7.7217349
    [InlineData(0.0, 7, 7.0)]              // r = 0: n = 7
    [InlineData(0.08, 0, 0.0)]             // no years: (1 − 1) ÷ 0.08 = 0
    public void AnnuityFactor_HandValues(double rate, int years, double expected)
    {
        FormulaAssert.Near(expected, FinanceFormulas.AnnuityFactor(rate, years), 1e-9, $"AnnuityFactor(r={rate}, n={years})");
    }

    [Fact]
    public void AnnuityFactor_IsContinuousAtZeroRate()
    {
        // (1 − (1 + 1e−9)^−7) ÷ 1e−9 → 7 as r → 0
        FormulaAssert.Near(7, FinanceFormulas.AnnuityFactor(1e-9, 7), 1e-5, "AnnuityFactor(r=1e−9, n=7)");
    }

    // ---- SubsidisedLoanGrantEquivalent ----

    [Theory]
    [InlineData(100_000, 0.05, 10)]
    [InlineData(250_000, 0.0, 5)]
    [InlineData(1_000, 0.12, 1)]
    public void SubsidisedLoanGrantEquivalent_IsZero_WhenLoanRateEqualsMarketRate(double principal, double rate, int years)
    {
        // K − K ÷ a(r, n) × a(r, n) = 0
        FormulaAssert.Near(0, FinanceFormulas.SubsidisedLoanGrantEquivalent(principal, rate, rate, years), 1e-8,
            $"SubsidisedLoanGrantEquivalent(K={principal}, i=r={rate}, n={years})");
    }

    [Fact]
    public void SubsidisedLoanGrantEquivalent_InterestFreeLoan_HandValue()
    {
        // i = 0: payment = 100000 ÷ 2 = 50000 a year; PV at r = 10 %: 50000 × (1/1.1 + 1/1.21) = 50000 × 1.7355372 = 86776.86
        // grant = 100000 − 86776.86 = 13223.14
        var actual = FinanceFormulas.SubsidisedLoanGrantEquivalent(100_000, 0.0, 0.10, 2);
        FormulaAssert.Near(13_223.140496, actual, 1e-5, "SubsidisedLoanGrantEquivalent(K=100000, i=0, r=0.10, n=2)");
    }

    [Fact]
    public void SubsidisedLoanGrantEquivalent_SubsidisedRate_HandValue()
    {
        // a(2 %, 10) = (1 − 1.02⁻¹⁰) ÷ 0.02 = 8.9825850; payment = 100000 ÷ 8.9825850 = 11132.6528
        // a(5 %, 10) = 7.7217349; PV = 11132.6528 × 7.7217349 = 85963.3939; grant = 100000 − 85963.3939 = 14036.6061
        var actual = FinanceFormulas.SubsidisedLoanGrantEquivalent(100_000, 0.02, 0.05, 10);
        FormulaAssert.Near(14_036.6061, actual, 1e-3, "SubsidisedLoanGrantEquivalent(K=100000, i=0.02, r=0.05, n=10)");
    }

    [Fact]
    public void SubsidisedLoanGrantEquivalent_IsNegative_WhenLoanRateAboveMarketRate()
    {
        // i = 10 %: payment = 100000 ÷ 1.7355372 = 57619.05; PV at r = 0: 2 × 57619.05 = 115238.10
        // grant = 100000 − 115238.10 = −15238.10
        var actual = FinanceFormulas.SubsidisedLoanGrantEquivalent(100_000, 0.10, 0.0, 2);
        FormulaAssert.Near(-15_238.095238, actual, 1e-5, "SubsidisedLoanGrantEquivalent(K=100000, i=0.10, r=0, n=2)");
    }

    // ---- ResidualBookValue ----

    [Theory]
    [InlineData(100_000, 10, 0, 100_000)]  // unused: 100000 × 10 ÷ 10
    [InlineData(100_000, 10, 4, 60_000)]   // 100000 × (10 − 4) ÷ 10 = 60000
    [InlineData(90_000, 3, 1, 60_000)]     // 90000 × (3 − 1) ÷ 3 = 60000
    [InlineData(100_000, 10, 10, 0)]       // fully depreciated: 100000 × 0 ÷ 10
    [InlineData(100_000, 10, 12, 0)]       // past its life: max(0, 10 − 12) = 0, never negative
    [InlineData(0, 5, 2, 0)]               // no capex
    public void ResidualBookValue_StraightLine_FlooredAtZero(double capex, int life, int yearsUsed, double expected)
    {
        FormulaAssert.Near(expected, FinanceFormulas.ResidualBookValue(capex, life, yearsUsed), 1e-9,
            $"ResidualBookValue(capex={capex}, life={life}, used={yearsUsed})");
    }

    // ---- PaybackYears ----

    [Fact]
    public void PaybackYears_ExactlyAtYearEnd()
    {
        // cumulative −100, −50, 0 ⇒ reaches 0 at the end of year 2: 1 + 50 ÷ 50 = 2.0
        Assert.Equal(2.0, FinanceFormulas.PaybackYears([-100, 50, 50, 50])!.Value, 9);
    }

    [Fact]
    public void PaybackYears_InterpolatesInsideTheYear()
    {
        // cumulative −100, −60, −20, +20 ⇒ crossing in year 3: 2 + 20 ÷ 40 = 2.5
        Assert.Equal(2.5, FinanceFormulas.PaybackYears([-100, 40, 40, 40])!.Value, 9);
    }

    [Fact]
    public void PaybackYears_IsZero_WhenNeverNegative()
    {
        // cumulative 10, 15 ⇒ never negative ⇒ 0
        Assert.Equal(0.0, FinanceFormulas.PaybackYears([10, 5]));
    }

    [Fact]
    public void PaybackYears_IsZero_WhenStartingExactlyAtZero()
    {
        // cumulative 0, 5 ⇒ never negative ⇒ 0
        Assert.Equal(0.0, FinanceFormulas.PaybackYears([0, 5]));
    }

    [Fact]
    public void PaybackYears_IsNull_WhenStillNegativeAtHorizon()
    {
        // cumulative −100, −90, −80 ⇒ no payback
        Assert.Null(FinanceFormulas.PaybackYears([-100, 10, 10]));
    }

    [Fact]
    public void PaybackYears_IsNull_ForEmptySeries()
    {
        Assert.Null(FinanceFormulas.PaybackYears([]));
    }

    [Fact]
    public void A_payback_that_is_lost_again_is_no_payback()
    {
        // cumulative −100, +50, −150: recovers after 0 + 100 ÷ 150 = 0.6667 years, then loses from year 2 for good.
        Assert.Null(FinanceFormulas.PaybackYears([-100, 150, -200]));
        var p = FinanceFormulas.Payback([-100, 150, -200]);
        Assert.Equal(PaybackStatus.LostAgain, p.Status);
        FormulaAssert.Near(2.0 / 3.0, p.FirstRecoveryYears!.Value, 1e-9, "first recovery of [−100, 150, −200]");
        Assert.Equal(2, p.LossFromYear);
    }
}
