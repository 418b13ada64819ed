using Reshore.Core.Costing.Formulas;

namespace Reshore.Core.Tests.Formulas;

public class LeadTimeValuationTests
{
    /// <summary>OpLab example volatility (REFERENCES.md §B): σ = √ln(1 + 0.8²) = 0.7033465 per √year (CV 0.8 over a year).</summary>
    private static readonly double OpLabSigma = Math.Sqrt(Math.Log(1 + 0.8 * 0.8));

    // ---- Published table, REFERENCES.md §B: p = 100, c_S = 44, s = 20, σ = √ln(1.64), L = weeks ÷ 52 ----

    [Theory]
    [InlineData(1, 41.36)]
    [InlineData(4, 38.87)]
    [InlineData(8, 36.94)]
    [InlineData(12, 35.54)]
    [InlineData(26, 32.28)]
    [InlineData(52, 28.78)]
    public void BreakEvenLongCost_MatchesOpLabExampleTable(int weeks, double expectedLongCost)
    {
        var actual = LeadTimeValuation.BreakEvenLongCost(100, 44, 20, OpLabSigma, weeks / 52.0);
        FormulaAssert.Near(expectedLongCost, actual, 0.006,
            $"BreakEvenLongCost(p=100, c_S=44, s=20, σ=√ln(1.64), L={weeks}/52)");
    }

    [Theory]
    [InlineData(1, 6.0, 6.4)]
    [InlineData(4, 11.7, 13.2)]
    [InlineData(8, 16.0, 19.1)]
    [InlineData(12, 19.2, 23.8)]
    [InlineData(26, 26.6, 36.3)]
    [InlineData(52, 34.6, 52.9)]
    public void RequiredCostAdvantageAndJustifiedPremium_MatchOpLabExampleTable(int weeks, double expectedAdvantagePercent, double expectedPremiumPercent)
    {
        var call = $"p=100, c_S=44, s=20, σ=√ln(1.64), L={weeks}/52";
        var advantage = LeadTimeValuation.RequiredCostAdvantage(100, 44, 20, OpLabSigma, weeks / 52.0);
        var premium = LeadTimeValuation.JustifiedPremium(100, 44, 20, OpLabSigma, weeks / 52.0);
        FormulaAssert.Near(expectedAdvantagePercent, 100 * advantage, 0.051, $"RequiredCostAdvantage({call}) in %");
        FormulaAssert.Near(expectedPremiumPercent, 100 * premium, 0.051, $"JustifiedPremium({call}) in %");
    }

    // ---- Published CDF % table, REFERENCES.md §B: p = 100, c_S = 50, s = 20; rows σ, columns lead time in weeks ----

    [Theory]
    [InlineData(0.3, 2, 3.5)]
    [InlineData(0.3, 4, 5.0)]
    [InlineData(0.3, 8, 7.0)]
    [InlineData(0.3, 12, 8.5)]
    [InlineData(0.3, 16, 9.8)]
    [InlineData(0.3, 26, 12.4)]
    [InlineData(0.6, 2, 7.0)]
    [InlineData(0.6, 4, 9.8)]
    [InlineData(0.6, 8, 13.6)]
    [InlineData(0.6, 12, 16.5)]
    [InlineData(0.6, 16, 18.8)]
    [InlineData(0.6, 26, 23.4)]
    [InlineData(0.9, 2, 10.4)]
    [InlineData(0.9, 4, 14.4)]
    [InlineData(0.9, 8, 19.9)]
    [InlineData(0.9, 12, 23.8)]
    [InlineData(0.9, 16, 26.9)]
    [InlineData(0.9, 26, 32.8)]
    [InlineData(1.2, 2, 13.6)]
    [InlineData(1.2, 4, 18.8)]
    [InlineData(1.2, 8, 25.6)]
    [InlineData(1.2, 12, 30.3)]
    [InlineData(1.2, 16, 34.0)]
    [InlineData(1.2, 26, 40.5)]
    public void RequiredCostAdvantage_MatchesCdfPercentTable(double sigma, int weeks, double expectedPercent)
    {
        var actual = LeadTimeValuation.RequiredCostAdvantage(100, 50, 20, sigma, weeks / 52.0);
        FormulaAssert.Near(expectedPercent, 100 * actual, 0.051,
            $"RequiredCostAdvantage(p=100, c_S=50, s=20, σ={sigma}, L={weeks}/52) in %");
    }

    // ---- Hand-computed case: p = 100, c_S = 50, s = 20, σ = 0.6, L = 0.25 year (13 weeks) ----
    // κ = (100 − 50) ÷ (100 − 20) = 0.625; Φ⁻¹(0.625) = 0.3186394; σ√L = 0.6 × √0.25 = 0.3

    [Fact]
    public void BreakEvenLongCost_HandComputedCase()
    {
        // z = 0.3186394 + 0.3 = 0.6186394; Φ(z) = 0.7319230
        // c_L = 100 − (100 − 20) × 0.7319230 = 100 − 58.553841 = 41.446159
        var actual = LeadTimeValuation.BreakEvenLongCost(100, 50, 20, 0.6, 0.25);
        FormulaAssert.Near(41.446159, actual, 1e-5, "BreakEvenLongCost(p=100, c_S=50, s=20, σ=0.6, L=0.25)");
    }

    [Fact]
    public void RequiredCostAdvantage_HandComputedCase()
    {
        // (c_S − c_L) ÷ c_S = (50 − 41.446159) ÷ 50 = 8.553841 ÷ 50 = 0.1710768
        var actual = LeadTimeValuation.RequiredCostAdvantage(100, 50, 20, 0.6, 0.25);
        FormulaAssert.Near(0.1710768, actual, 1e-6, "RequiredCostAdvantage(p=100, c_S=50, s=20, σ=0.6, L=0.25)");
    }

    [Fact]
    public void JustifiedPremium_HandComputedCase()
    {
        // c_S ÷ c_L − 1 = 50 ÷ 41.446159 − 1 = 1.2063844 − 1 = 0.2063844
        var actual = LeadTimeValuation.JustifiedPremium(100, 50, 20, 0.6, 0.25);
        FormulaAssert.Near(0.2063844, actual, 1e-6, "JustifiedPremium(p=100, c_S=50, s=20, σ=0.6, L=0.25)");
    }

    [Fact]
    public void MismatchCostPerUnit_HandComputedCase()
    {
        // z = Φ⁻¹(κ) − σ√L = 0.3186394 − 0.3 = 0.0186394; Φ(z) = 0.5074356
        // (p − c) − (p − s) Φ(z) = 50 − 80 × 0.5074356 = 50 − 40.594848 = 9.405152
        var actual = LeadTimeValuation.MismatchCostPerUnit(100, 50, 20, 0.6, 0.25);
        FormulaAssert.Near(9.405152, actual, 1e-5, "MismatchCostPerUnit(p=100, c=50, s=20, σ=0.6, L=0.25)");
    }

    // ---- Consistency ----

    [Theory]
    [InlineData(100, 44, 20, 0.7033465, 1 / 52.0)]
    [InlineData(100, 44, 20, 0.7033465, 1.0)]
    [InlineData(100, 50, 20, 0.3, 0.5)]
    [InlineData(100, 80, 0, 1.2, 0.25)]
    [InlineData(30, 12, 5, 0.9, 0.1)]
    public void JustifiedPremium_Equals_OneOverOneMinusAdvantage_MinusOne(double price, double shortCost, double salvage, double sigma, double years)
    {
        // c_L = c_S (1 − a)  ⇒  c_S ÷ c_L − 1 = 1 ÷ (1 − a) − 1
        var advantage = LeadTimeValuation.RequiredCostAdvantage(price, shortCost, salvage, sigma, years);
        var premium = LeadTimeValuation.JustifiedPremium(price, shortCost, salvage, sigma, years);
        FormulaAssert.Near(1 / (1 - advantage) - 1, premium, 1e-12,
            $"JustifiedPremium vs RequiredCostAdvantage (p={price}, c_S={shortCost}, s={salvage}, σ={sigma}, L={years})");
    }

    [Theory]
    [InlineData(100, 44, 20, 0.7033465, 4 / 52.0)]
    [InlineData(100, 50, 20, 0.6, 0.25)]
    [InlineData(100, 50, 20, 1.2, 0.5)]
    [InlineData(30, 12, 5, 0.9, 1.0)]
    public void MismatchCostPerUnit_AtBreakEvenLongCost_EqualsCostGap(double price, double shortCost, double salvage, double sigma, double years)
    {
        // At c = c_L the long supplier's optimal profit equals the short supplier's (p − c_S), so its mismatch cost is
        // (p − c_L) − (p − c_S) = c_S − c_L.
        var longCost = LeadTimeValuation.BreakEvenLongCost(price, shortCost, salvage, sigma, years);
        var mismatch = LeadTimeValuation.MismatchCostPerUnit(price, longCost, salvage, sigma, years);
        FormulaAssert.Near(shortCost - longCost, mismatch, 1e-9,
            $"MismatchCostPerUnit(p={price}, c=c_L={longCost}, s={salvage}, σ={sigma}, L={years})");
    }

    // ---- Edge cases ----

    [Theory]
    [InlineData(100, 44, 20, 0.7033465, 0)]
    [InlineData(100, 44, 20, 0, 1)]
    [InlineData(100, 21, 20, 1.2, 0)]
    [InlineData(100, 99, 20, 0, 0.5)]
    public void BreakEvenLongCost_EqualsShortCost_WhenNoLeadTimeOrNoVolatility(double price, double shortCost, double salvage, double sigma, double years)
    {
        // σ√L = 0 ⇒ c_L = p − (p − s) Φ(Φ⁻¹(κ)) = p − (p − s) κ = p − (p − c_S) = c_S
        var actual = LeadTimeValuation.BreakEvenLongCost(price, shortCost, salvage, sigma, years);
        FormulaAssert.Near(shortCost, actual, 1e-9, $"BreakEvenLongCost(p={price}, c_S={shortCost}, s={salvage}, σ={sigma}, L={years})");
        FormulaAssert.Near(0, LeadTimeValuation.RequiredCostAdvantage(price, shortCost, salvage, sigma, years), 1e-11, "RequiredCostAdvantage at σ√L = 0");
        FormulaAssert.Near(0, LeadTimeValuation.JustifiedPremium(price, shortCost, salvage, sigma, years), 1e-11, "JustifiedPremium at σ√L = 0");
    }

    [Theory]
    [InlineData(100, 50, 20, 0.6)]
    [InlineData(100, 21, 20, 1.2)]
    [InlineData(100, 99, 20, 0.3)]
    [InlineData(30, 12, 5, 0.9)]
    public void MismatchCostPerUnit_IsZero_AtZeroLeadTime(double price, double unitCost, double salvage, double sigma)
    {
        // L = 0: (p − c) − (p − s) Φ(Φ⁻¹(κ)) = (p − c) − (p − s) κ = 0
        var actual = LeadTimeValuation.MismatchCostPerUnit(price, unitCost, salvage, sigma, 0);
        FormulaAssert.Near(0, actual, 1e-9, $"MismatchCostPerUnit(p={price}, c={unitCost}, s={salvage}, σ={sigma}, L=0)");
    }

    [Fact]
    public void MismatchCostPerUnit_IsStrictlyIncreasingInLeadTime()
    {
        var previous = LeadTimeValuation.MismatchCostPerUnit(100, 50, 20, 0.7, 0);
        for (var weeks = 1; weeks <= 104; weeks++)
        {
            var current = LeadTimeValuation.MismatchCostPerUnit(100, 50, 20, 0.7, weeks / 52.0);
            Assert.True(current > previous,
                $"MismatchCostPerUnit(p=100, c=50, s=20, σ=0.7, L={weeks}/52) = {current} is not above the value at {weeks - 1} weeks, {previous}.");
            previous = current;
        }
    }

    [Fact]
    public void MismatchCostPerUnit_IsStrictlyIncreasingInVolatility()
    {
        var previous = LeadTimeValuation.MismatchCostPerUnit(100, 50, 20, 0, 0.25);
        for (var step = 1; step <= 30; step++)
        {
            var sigma = step * 0.05;
            var current = LeadTimeValuation.MismatchCostPerUnit(100, 50, 20, sigma, 0.25);
            Assert.True(current > previous,
                $"MismatchCostPerUnit(p=100, c=50, s=20, σ={sigma}, L=0.25) = {current} is not above the value at σ={sigma - 0.05}, {previous}.");
            previous = current;
        }
    }

    [Fact]
    public void BreakEvenLongCost_DecreasesWithLeadTime_AndStaysAboveSalvage()
    {
        var previous = LeadTimeValuation.BreakEvenLongCost(100, 44, 20, OpLabSigma, 0);
        for (var weeks = 1; weeks <= 52; weeks++)
        {
            var current = LeadTimeValuation.BreakEvenLongCost(100, 44, 20, OpLabSigma, weeks / 52.0);
            Assert.True(current < previous && current > 20,
                $"BreakEvenLongCost(p=100, c_S=44, s=20, σ=√ln(1.64), L={weeks}/52) = {current}; previous {previous}, salvage 20.");
            previous = current;
        }
    }

    [Theory]
    [InlineData(100, 20, 20, 0.5, 0.25, "cost")]    // cost = salvage
    [InlineData(100, 10, 20, 0.5, 0.25, "cost")]    // cost < salvage
    [InlineData(100, 100, 20, 0.5, 0.25, "cost")]   // cost = price
    [InlineData(100, 120, 20, 0.5, 0.25, "cost")]   // cost > price
    [InlineData(100, 50, 20, -0.1, 0.25, "volatility")]
    [InlineData(100, 50, 20, 0.5, -0.01, "leadTimeYears")]
    public void AllFunctions_ThrowOnInvalidInputs(double price, double cost, double salvage, double sigma, double years, string paramName)
    {
        var call = $"(p={price}, c={cost}, s={salvage}, σ={sigma}, L={years})";
        Assert.True(paramName == Assert.Throws<ArgumentOutOfRangeException>(() => LeadTimeValuation.BreakEvenLongCost(price, cost, salvage, sigma, years)).ParamName, "BreakEvenLongCost" + call);
        Assert.True(paramName == Assert.Throws<ArgumentOutOfRangeException>(() => LeadTimeValuation.RequiredCostAdvantage(price, cost, salvage, sigma, years)).ParamName, "RequiredCostAdvantage" + call);
        Assert.True(paramName == Assert.Throws<ArgumentOutOfRangeException>(() => LeadTimeValuation.JustifiedPremium(price, cost, salvage, sigma, years)).ParamName, "JustifiedPremium" + call);
        Assert.True(paramName == Assert.Throws<ArgumentOutOfRangeException>(() => LeadTimeValuation.MismatchCostPerUnit(price, cost, salvage, sigma, years)).ParamName, "MismatchCostPerUnit" + call);
    }
}
