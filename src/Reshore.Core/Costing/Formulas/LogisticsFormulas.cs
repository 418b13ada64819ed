namespace Reshore.Core.Costing.Formulas;

/// <summary>Freight, handling and insurance per unit.</summary>
public static class LogisticsFormulas
{
    /// <summary>Internal volume of a 40ft general-purpose container, m³ (ISO 668 external size; ISO 1496-1 minimum internal 12.03 × 2.35 × 2.39 m).</summary>
    public const double FeuVolumeM3 = 67.7;
    /// <summary>Typical maximum payload of a 40ft dry container, kg.</summary>
    public const double FeuPayloadKg = 26_500;
    /// <summary>Internal volume of a 13.6 m curtain-sider semi-trailer, m³ (13.6 × 2.48 × 2.7 m ≈ 91; 90 used).</summary>
    public const double FtlVolumeM3 = 90;
    /// <summary>Typical payload of an EU 40 t articulated truck, kg.</summary>
    public const double FtlPayloadKg = 24_000;
    /// <summary>IATA volumetric divisor 6,000 cm³/kg, i.e. 166.67 kg per m³.</summary>
    public const double AirVolumetricKgPerM3 = 1_000_000.0 / 6_000.0;

    /// <summary>Units per load = min(⌊V_load × fill ÷ v⌋, ⌊M_load ÷ m⌋), at least one load's worth of one unit.</summary>
    public static double UnitsPerLoad(double loadVolumeM3, double loadPayloadKg, double fillRate, double unitVolumeM3, double unitWeightKg)
    {
        var byWeight = Math.Floor(loadPayloadKg / unitWeightKg);
        var byVolume = unitVolumeM3 > 0 ? Math.Floor(loadVolumeM3 * fillRate / unitVolumeM3) : double.PositiveInfinity;
        return Math.Max(1, Math.Min(byWeight, byVolume));
    }

    /// <summary>Air chargeable weight per unit = max(m, v × 166.67 kg/m³).</summary>
    public static double ChargeableWeightKg(double unitWeightKg, double unitVolumeM3) =>
        Math.Max(unitWeightKg, unitVolumeM3 * AirVolumetricKgPerM3);

    /// <summary>Freight per unit when the rate is per load (container or truck): R ÷ units per load.</summary>
    public static double PerLoad(double ratePerLoad, double unitsPerLoad) => ratePerLoad / unitsPerLoad;

    /// <summary>
    /// Freight per unit of a per-load rate when shipments have a size: a shipment of S units fills k = ⌊S ÷ Q⌋ full loads at R
    /// each; the remaining r = S − k Q units (if any) go as a part load at min(R, ρ × r), ρ the part-load rate per unit, or at a
    /// full load's rate R when no part-load rate is known. Per unit = (k R + part) ÷ S.
    /// </summary>
    /// <param name="ratePerLoad">R, the full-load (FTL/FCL) rate.</param>
    /// <param name="unitsPerLoad">Q, units in a full load.</param>
    /// <param name="unitsPerShipment">S, units in one shipment.</param>
    /// <param name="partLoadRatePerUnit">ρ, a part load's cost per unit carried (LTL/LCL rate × m³ or kg per unit), or null.</param>
    public static double PerLoadByShipment(double ratePerLoad, double unitsPerLoad, double unitsPerShipment, double? partLoadRatePerUnit)
    {
        var fullLoads = Math.Floor(unitsPerShipment / unitsPerLoad);
        var remainder = unitsPerShipment - fullLoads * unitsPerLoad;
        var part = remainder <= 1e-9 ? 0 : partLoadRatePerUnit is { } rho ? Math.Min(ratePerLoad, rho * remainder) : ratePerLoad;
        return (fullLoads * ratePerLoad + part) / unitsPerShipment;
    }

    /// <summary>Freight per unit when the rate is per cubic metre: R × u.</summary>
    public static double PerM3(double ratePerM3, double unitVolumeM3) => ratePerM3 * unitVolumeM3;

    /// <summary>Freight per unit when the rate is per kg: R × chargeable kg.</summary>
    public static double PerKg(double ratePerKg, double chargeableKg) => ratePerKg * chargeableKg;

    /// <summary>Freight per unit when the rate is per tonne: R × m ÷ 1000.</summary>
    public static double PerTonne(double ratePerTonne, double unitWeightKg) => ratePerTonne * unitWeightKg / 1000;

    /// <summary>Freight per unit when the rate is per tonne-km: R × m ÷ 1000 × d.</summary>
    public static double PerTonneKm(double ratePerTonneKm, double unitWeightKg, double distanceKm) => ratePerTonneKm * unitWeightKg / 1000 * distanceKm;

    /// <summary>A per-shipment amount per unit: A × n ÷ V, with n shipments per year and V annual volume.</summary>
    public static double PerShipment(double amountPerShipment, double shipmentsPerYear, double annualVolume) =>
        amountPerShipment * shipmentsPerYear / annualVolume;

    /// <summary>Cargo insurance per unit = r × 1.1 × (value + freight): Incoterms CIP/CIF minimum cover of 110% of the CIF value.</summary>
    public static double Insurance(double premiumRate, double goodsValuePerUnit, double freightPerUnit) =>
        premiumRate * 1.1 * (goodsValuePerUnit + freightPerUnit);

    /// <summary>Emergency air freight per unit of total volume = s × (air cost per unit − regular freight per unit), never negative.</summary>
    public static double EmergencyAir(double share, double airCostPerUnit, double regularFreightPerUnit) =>
        share * Math.Max(0, airCostPerUnit - regularFreightPerUnit);
}
