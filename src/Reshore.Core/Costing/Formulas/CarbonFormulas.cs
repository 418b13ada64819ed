namespace Reshore.Core.Costing.Formulas;

/// <summary>Emissions per unit (GLEC Framework v3 / ISO 14083:2023 for transport) and their internal carbon cost.</summary>
public static class CarbonFormulas
{
    /// <summary>Transport CO2e of one leg per unit, kg = m ÷ 1000 × d × f ÷ 1000, with m kg per unit, d km and f g CO2e per tonne-km (WTW).</summary>
    public static double LegKg(double unitWeightKg, double distanceKm, double gramsPerTonneKm) =>
        unitWeightKg / 1000 * distanceKm * gramsPerTonneKm / 1000;

    /// <summary>Production CO2e per unit, kg = kWh × g CO2e/kWh ÷ 1000 + process kg.</summary>
    public static double ProductionKg(double kwhPerUnit, double gridGramsPerKwh, double processKg) =>
        kwhPerUnit * gridGramsPerKwh / 1000 + processKg;

    /// <summary>Carbon cost per unit = kg ÷ 1000 × price per tonne.</summary>
    public static double Cost(double kgPerUnit, double pricePerTonne) => kgPerUnit / 1000 * pricePerTonne;

    /// <summary>An internal carbon charge net of carbon already paid on the same emissions (CBAM at the border): max(0, charge − paid).</summary>
    public static double NetOfCarbonPaid(double internalChargePerUnit, double alreadyPaidPerUnit) => Math.Max(0, internalChargePerUnit - alreadyPaidPerUnit);
}
