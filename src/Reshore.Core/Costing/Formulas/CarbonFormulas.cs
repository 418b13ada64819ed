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

    /// <summary>
    /// CO2 from burning natural gas, kg per kWh of gas on a gross calorific value basis (as invoiced and as Eurostat prices it):
    /// IPCC 2006 Guidelines for National Greenhouse Gas Inventories, Vol. 2 (Energy), Table 2.3, default CO2 emission factor
    /// for natural gas 56,100 kg/TJ on a net calorific value basis = 56,100 ÷ 277,777.8 kWh/TJ = 0.20196 kg/kWh (NCV),
    /// × NCV/GCV = 0.9 (IEA/Eurostat convention for natural gas) = 0.18176 kg/kWh (GCV). Combustion only: no upstream methane.
    /// </summary>
    public const double NaturalGasKgCo2PerKwhGcv = 56_100.0 / (1e9 / 3_600) * 0.9;

    /// <summary>Production CO2e per unit = kWh × grid g/kWh ÷ 1000 + gas kWh × <see cref="NaturalGasKgCo2PerKwhGcv"/> + process kg.</summary>
    public static double ProductionKg(double kwhPerUnit, double gridGramsPerKwh, double gasKwhPerUnit, double processKg) =>
        ProductionKg(kwhPerUnit, gridGramsPerKwh, processKg) + gasKwhPerUnit * NaturalGasKgCo2PerKwhGcv;

    /// <summary>Carbon cost per unit = kg ÷ 1000 × price per tonne.</summary>
    public static double Cost(double kgPerUnit, double pricePerTonne) => kgPerUnit / 1000 * pricePerTonne;

    /// <summary>An internal carbon charge net of carbon already paid on the same emissions (CBAM at the border): max(0, charge − paid).</summary>
    public static double NetOfCarbonPaid(double internalChargePerUnit, double alreadyPaidPerUnit) => Math.Max(0, internalChargePerUnit - alreadyPaidPerUnit);
}
