namespace Reshore.Core.Costing.Formulas;

/// <summary>Customs value, duties and the CBAM charge.</summary>
public static class TradeFormulas
{
    /// <summary>Customs value per unit (CIF at the EU border, Union Customs Code art. 70–71) = price + freight to the border + insurance.</summary>
    public static double CustomsValue(double goodsValue, double freightToBorder, double insurance) => goodsValue + freightToBorder + insurance;

    /// <summary>Ad valorem duty per unit = rate × customs value.</summary>
    public static double AdValorem(double rate, double customsValue) => rate * customsValue;

    /// <summary>
    /// A duty rate averaged over a calendar year in which it changes: Σ dᵢ × rᵢ ÷ Σ dᵢ, with dᵢ the days of period i and rᵢ
    /// its rate. Imports are taken as spread evenly over the year, so each rate weighs by the share of the year it is in force.
    /// </summary>
    public static double TimeWeightedRate(IReadOnlyList<(int Days, double Rate)> periods)
    {
        ArgumentOutOfRangeException.ThrowIfZero(periods.Count);
        var days = periods.Sum(p => p.Days);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(days, 0);
        return periods.Sum(p => p.Days * p.Rate) / days;
    }

    /// <summary>Specific duty per unit = amount per tonne × m ÷ 1000.</summary>
    public static double Specific(double amountPerTonne, double unitWeightKg) => amountPerTonne * unitWeightKg / 1000;

    /// <summary>
    /// CBAM charge per unit (Regulation (EU) 2023/956; free allocation adjustment per Implementing Regulation (EU) 2025/2620):
    /// q × max(0, SEE − B × CF) × P − q × SEE × c_origin, floored at 0, with q the mass in tonnes per unit,
    /// SEE the specific embedded emissions (t CO2e/t), B the CBAM benchmark (t CO2e/t), CF the CBAM factor
    /// (share of free allocation kept that year; the cross-sectoral correction factor is taken as 1),
    /// P the certificate price and c_origin the carbon price paid in the country of origin per t CO2e.
    /// </summary>
    public static double CbamCharge(double unitWeightKg, double embeddedTPerTonne, double benchmarkTPerTonne, double cbamFactor, double certificatePrice, double originCarbonPricePerTonne)
    {
        var tonnes = unitWeightKg / 1000;
        var chargeable = Math.Max(0, embeddedTPerTonne - benchmarkTPerTonne * cbamFactor);
        var gross = tonnes * chargeable * certificatePrice;
        var originDeduction = tonnes * embeddedTPerTonne * originCarbonPricePerTonne;
        return Math.Max(0, gross - originDeduction);
    }
}
