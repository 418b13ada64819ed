namespace Reshore.Core.Costing.Formulas;

/// <summary>Expected annual costs of risks, per unit.</summary>
public static class RiskFormulas
{
    /// <summary>
    /// Expected disruption cost per unit = λ × D × (V ÷ 52) × ℓ × (1 − m) × c ÷ V = λ D ℓ (1 − m) c ÷ 52,
    /// with λ events per year, D weeks per event, ℓ capacity lost, m share mitigated, c cost per lost unit.
    /// </summary>
    public static double Disruption(double eventsPerYear, double durationWeeks, double capacityLoss, double mitigatedShare, double costPerLostUnit) =>
        eventsPerYear * durationWeeks / 52 * capacityLoss * (1 - mitigatedShare) * costPerLostUnit;

    /// <summary>Expected trade-policy cost per unit = p × τ × customs value.</summary>
    public static double TradePolicy(double annualProbability, double extraTariff, double customsValue) =>
        annualProbability * extraTariff * customsValue;

    /// <summary>Currency risk per unit = premium × foreign-currency cost per unit.</summary>
    public static double Currency(double premium, double foreignCurrencyCostPerUnit) => premium * foreignCurrencyCostPerUnit;

    /// <summary>Expected IP loss per unit = p × L ÷ V.</summary>
    public static double IpLoss(double annualProbability, double loss, double annualVolume) =>
        ProductionFormulas.PerUnit(annualProbability * loss, annualVolume);
}
