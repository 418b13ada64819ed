namespace Reshore.Core.Costing.Formulas;

/// <summary>Cost build-up of a unit at the factory gate. All money per unit in one currency.</summary>
public static class ProductionFormulas
{
    /// <summary>Direct labour per unit = h × w ÷ π, with h hours per unit, w labour cost per hour, π relative productivity (1 = as measured).</summary>
    public static double Labour(double hoursPerUnit, double wagePerHour, double relativeProductivity)
    {
        if (!(relativeProductivity > 0)) throw new ArgumentOutOfRangeException(nameof(relativeProductivity), relativeProductivity, "Relative productivity must be positive.");
        return hoursPerUnit * wagePerHour / relativeProductivity;
    }

    /// <summary>Energy per unit = kWh per unit × price per kWh.</summary>
    public static double Energy(double kwhPerUnit, double pricePerKwh) => kwhPerUnit * pricePerKwh;

    /// <summary>Overhead per unit = o × (labour + materials + energy) + F ÷ V, with o the overhead rate (fraction), F fixed overhead per year and V annual volume.</summary>
    public static double Overhead(double overheadRate, double directCostPerUnit, double fixedPerYear, double annualVolume) =>
        overheadRate * directCostPerUnit + PerUnit(fixedPerYear, annualVolume);

    /// <summary>Straight-line depreciation per unit = (Σ capex_i ÷ life_i + existing depreciation per year) ÷ V.</summary>
    public static double Depreciation(IEnumerable<(double Capex, int LifeYears)> assets, double existingPerYear, double annualVolume) =>
        PerUnit(assets.Sum(a => a.Capex / a.LifeYears) + existingPerYear, annualVolume);

    /// <summary>An annual amount spread over the annual volume: A ÷ V.</summary>
    public static double PerUnit(double perYear, double annualVolume)
    {
        if (!(annualVolume > 0)) throw new ArgumentOutOfRangeException(nameof(annualVolume), annualVolume, "Annual volume must be positive.");
        return perYear / annualVolume;
    }

    /// <summary>
    /// Wright's learning curve: hours in year t = h₁ × N_t^b with b = log₂(1 − ℓ) and
    /// N_t = 1 + Σ_{k&lt;t} V_k ÷ V₁ the cumulative experience at the start of year t, in first-year volumes
    /// (T. P. Wright, "Factors affecting the cost of airplanes", J. Aeronautical Sciences 3(4), 1936).
    /// </summary>
    /// <param name="firstYearHours">h₁, hours per unit in year 1.</param>
    /// <param name="learningRate">ℓ, reduction per doubling (0.1 = a 90% curve), in [0, 1).</param>
    /// <param name="experienceInFirstYearVolumes">N_t ≥ 1.</param>
    public static double LearningCurveHours(double firstYearHours, double learningRate, double experienceInFirstYearVolumes)
    {
        if (learningRate is < 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(learningRate), learningRate, "The learning rate must be in [0, 1).");
        if (experienceInFirstYearVolumes < 1) throw new ArgumentOutOfRangeException(nameof(experienceInFirstYearVolumes), experienceInFirstYearVolumes, "Experience is at least one first-year volume.");
        var b = Math.Log2(1 - learningRate);
        return firstYearHours * Math.Pow(experienceInFirstYearVolumes, b);
    }

    /// <summary>
    /// Escalated supplier price in year t (t = 1 is the base year), in the price's own currency:
    /// P_t = P₁ × [λ ((1+g_w)(1+δ))^(t−1) + (1−λ)(1+e)^(t−1)], λ the labour share, g_w local wage growth, δ the drift
    /// of the local currency against the price currency (wages are paid in the local currency), e other escalation.
    /// </summary>
    public static double EscalatedPrice(double basePrice, double labourShare, double wageGrowth, double otherEscalation, int year, double localCurrencyDrift = 0) =>
        basePrice * (labourShare * Grow(wageGrowth, year) * Grow(localCurrencyDrift, year) + (1 - labourShare) * Grow(otherEscalation, year));

    /// <summary>Compound growth index for year t: (1+g)^(t−1).</summary>
    public static double Grow(double rate, int year) => Math.Pow(1 + rate, year - 1);
}
