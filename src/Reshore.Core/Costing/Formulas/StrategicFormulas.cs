namespace Reshore.Core.Costing.Formulas;

/// <summary>Strategic effects valued per unit.</summary>
public static class StrategicFormulas
{
    /// <summary>Innovation distance per unit = δ × landed unit value.</summary>
    public static double InnovationDistance(double penaltyShare, double landedValue) => penaltyShare * landedValue;

    /// <summary>'Made in' premium per unit = −π × selling price (a negative cost).</summary>
    public static double MadeInPremium(double premiumShare, double sellingPrice) => -premiumShare * sellingPrice;
}
