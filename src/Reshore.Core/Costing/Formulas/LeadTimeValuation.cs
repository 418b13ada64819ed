using MathNet.Numerics.Distributions;

namespace Reshore.Core.Costing.Formulas;

/// <summary>
/// Value of lead time in a lognormal newsvendor with mean-preserving (driftless geometric Brownian motion) demand:
/// the Cost Differential Frontier of de Treville, Schürhoff, Trigeorgis and Avanzi, "Optimal sourcing and lead-time
/// reduction under evolutionary demand risk", Production and Operations Management 23(12), 2014, and OpLab's opLabR <c>logNormalCDF</c> (University of Lausanne, http://oplab.ch/research).
/// </summary>
public static class LeadTimeValuation
{
    /// <summary>
    /// Break-even unit cost of the long-lead-time supplier: c_L = p − (p − s) Φ(Φ⁻¹((p − c_S)/(p − s)) + σ√L).
    /// </summary>
    /// <param name="price">p, selling price.</param>
    /// <param name="shortCost">c_S, unit cost of the zero-lead-time supplier (s &lt; c_S &lt; p).</param>
    /// <param name="salvage">s, salvage value.</param>
    /// <param name="volatility">σ, annual log-volatility of demand.</param>
    /// <param name="leadTimeYears">L, decision lead time in years.</param>
    public static double BreakEvenLongCost(double price, double shortCost, double salvage, double volatility, double leadTimeYears)
    {
        Check(price, shortCost, salvage, volatility, leadTimeYears);
        var fractile = (price - shortCost) / (price - salvage);
        var z = Normal.InvCDF(0, 1, fractile) + volatility * Math.Sqrt(leadTimeYears);
        return price - (price - salvage) * Normal.CDF(0, 1, z);
    }

    /// <summary>Required cost advantage of the long-lead-time supplier: (c_S − c_L) ÷ c_S.</summary>
    public static double RequiredCostAdvantage(double price, double shortCost, double salvage, double volatility, double leadTimeYears) =>
        (shortCost - BreakEvenLongCost(price, shortCost, salvage, volatility, leadTimeYears)) / shortCost;

    /// <summary>Premium justified for the short lead time: c_S ÷ c_L − 1.</summary>
    public static double JustifiedPremium(double price, double shortCost, double salvage, double volatility, double leadTimeYears) =>
        shortCost / BreakEvenLongCost(price, shortCost, salvage, volatility, leadTimeYears) - 1;

    /// <summary>
    /// Mismatch cost per unit of mean demand for a supplier with unit cost c and decision lead time L:
    /// (p − c) − (p − s) Φ(Φ⁻¹(κ) − σ√L), κ = (p − c)/(p − s): the expected profit lost against the same cost at zero
    /// lead time. Zero at L = 0; the optimal lognormal-newsvendor profit is (p − s) μ Φ(Φ⁻¹(κ) − σ√L).
    /// </summary>
    public static double MismatchCostPerUnit(double price, double unitCost, double salvage, double volatility, double leadTimeYears)
    {
        Check(price, unitCost, salvage, volatility, leadTimeYears);
        var fractile = (price - unitCost) / (price - salvage);
        var z = Normal.InvCDF(0, 1, fractile) - volatility * Math.Sqrt(leadTimeYears);
        return (price - unitCost) - (price - salvage) * Normal.CDF(0, 1, z);
    }

    private static void Check(double price, double cost, double salvage, double volatility, double leadTimeYears)
    {
        if (!(salvage < cost && cost < price))
            throw new ArgumentOutOfRangeException(nameof(cost), cost, $"The newsvendor needs salvage < cost < price; got salvage {salvage}, cost {cost}, price {price}.");
        if (volatility < 0) throw new ArgumentOutOfRangeException(nameof(volatility), volatility, "Volatility must not be negative.");
        if (leadTimeYears < 0) throw new ArgumentOutOfRangeException(nameof(leadTimeYears), leadTimeYears, "Lead time must not be negative.");
    }
}
