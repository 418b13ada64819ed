using MathNet.Numerics.Distributions;

namespace Reshore.Core.Costing.Formulas;

/// <summary>Inventory carrying and working-capital costs per unit. Rates are fractions per year.</summary>
public static class InventoryFormulas
{
    /// <summary>Pipeline (in-transit) carrying per unit = v × h × T ÷ 365, with v unit value, h carrying rate per year and T transit days.</summary>
    public static double Pipeline(double unitValue, double carryingRate, double transitDays) =>
        unitValue * carryingRate * transitDays / 365;

    /// <summary>Cycle stock carrying per unit = v × h ÷ (2n): average stock Q/2 with Q = V/n.</summary>
    public static double CycleStock(double unitValue, double carryingRate, double shipmentsPerYear) =>
        unitValue * carryingRate / (2 * shipmentsPerYear);

    /// <summary>
    /// Safety stock in units = z × √(L σ_d² + μ² σ_L²) with z = Φ⁻¹(service level), L lead time (weeks),
    /// μ mean weekly demand, σ_d = μ √(exp(σ_w²) − 1) the weekly standard deviation of mean-preserving
    /// lognormal demand with weekly log-volatility σ_w = σ ÷ √52, and σ_L the lead-time standard deviation (weeks)
    /// (Silver, Pyke &amp; Thomas, Inventory and Production Management in Supply Chains, 4th ed., 2017, ch. 6).
    /// </summary>
    public static double SafetyStockUnits(double serviceLevel, double weeklyMeanDemand, double annualLogVolatility, double leadTimeWeeks, double leadTimeStdDevWeeks)
    {
        if (serviceLevel is <= 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(serviceLevel), serviceLevel, "The service level must be strictly between 0 and 1.");
        var z = Normal.InvCDF(0, 1, serviceLevel);
        var sigmaWeek = annualLogVolatility / Math.Sqrt(52);
        var weeklySd = weeklyMeanDemand * Math.Sqrt(Math.Exp(sigmaWeek * sigmaWeek) - 1);
        var variance = leadTimeWeeks * weeklySd * weeklySd + weeklyMeanDemand * weeklyMeanDemand * leadTimeStdDevWeeks * leadTimeStdDevWeeks;
        return Math.Max(0, z) * Math.Sqrt(variance);
    }

    /// <summary>Safety stock carrying per unit = SS × v × h ÷ V.</summary>
    public static double SafetyStock(double safetyStockUnits, double unitValue, double carryingRate, double annualVolume) =>
        safetyStockUnits * unitValue * carryingRate / annualVolume;

    /// <summary>
    /// Payment-terms financing per unit = P × i × (a × D_pre − (1 − a) × D_terms) ÷ 365, with a the prepaid share,
    /// D_pre days the prepayment precedes receipt and D_terms the payment terms after receipt. Negative when the
    /// supplier finances the buyer.
    /// </summary>
    public static double PaymentTerms(double price, double rate, double prepaidShare, double prepaymentDays, double termsDays) =>
        price * rate * (prepaidShare * prepaymentDays - (1 - prepaidShare) * termsDays) / 365;

    /// <summary>Obsolescence per unit = v × o × y, with y = (pipeline + cycle + safety stock units) ÷ V the years of demand held.</summary>
    public static double Obsolescence(double unitValue, double obsolescenceRate, double yearsOfDemandHeld) =>
        unitValue * obsolescenceRate * yearsOfDemandHeld;
}
