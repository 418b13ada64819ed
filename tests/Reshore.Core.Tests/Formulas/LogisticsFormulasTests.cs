using Reshore.Core.Costing.Formulas;

namespace Reshore.Core.Tests.Formulas;

public class LogisticsFormulasTests
{
    // ---- Constants ----

    [Fact]
    public void AirVolumetricKgPerM3_IsIataDivisor6000()
    {
        // 1 m³ = 1 000 000 cm³; ÷ 6000 cm³/kg = 166.667 kg
        FormulaAssert.Near(166.6666667, LogisticsFormulas.AirVolumetricKgPerM3, 1e-6, "AirVolumetricKgPerM3");
    }

    // ---- UnitsPerLoad ----

    [Fact]
    public void UnitsPerLoad_VolumeLimited()
    {
        // 40ft: by volume ⌊67.7 m³ × 0.85 ÷ 0.1 m³⌋ = ⌊575.45⌋ = 575; by weight ⌊26500 ÷ 5⌋ = 5300 ⇒ 575
        var actual = LogisticsFormulas.UnitsPerLoad(LogisticsFormulas.FeuVolumeM3, LogisticsFormulas.FeuPayloadKg, 0.85, 0.1, 5);
        Assert.Equal(575.0, actual);
    }

    [Fact]
    public void UnitsPerLoad_WeightLimited()
    {
        // 40ft: by volume ⌊67.7 × 0.85 ÷ 0.01⌋ = ⌊5754.5⌋ = 5754; by weight ⌊26500 ÷ 50⌋ = 530 ⇒ 530
        var actual = LogisticsFormulas.UnitsPerLoad(LogisticsFormulas.FeuVolumeM3, LogisticsFormulas.FeuPayloadKg, 0.85, 0.01, 50);
        Assert.Equal(530.0, actual);
    }

    [Fact]
    public void UnitsPerLoad_TruckVolumeLimited()
    {
        // FTL: by volume ⌊90 × 0.9 ÷ 0.25⌋ = ⌊324⌋ = 324; by weight ⌊24000 ÷ 20⌋ = 1200 ⇒ 324
        var actual = LogisticsFormulas.UnitsPerLoad(LogisticsFormulas.FtlVolumeM3, LogisticsFormulas.FtlPayloadKg, 0.9, 0.25, 20);
        Assert.Equal(324.0, actual);
    }

    [Fact]
    public void UnitsPerLoad_FloorsFractionalUnits()
    {
        // by weight ⌊1000 ÷ 3⌋ = ⌊333.3⌋ = 333; by volume ⌊10 × 1 ÷ 0.001⌋ = 10000 ⇒ 333
        Assert.Equal(333.0, LogisticsFormulas.UnitsPerLoad(10, 1000, 1.0, 0.001, 3));
    }

    [Fact]
    public void UnitsPerLoad_ZeroUnitVolume_IsWeightLimited()
    {
        // no volume given: only weight counts: ⌊24000 ÷ 12⌋ = 2000
        Assert.Equal(2000.0, LogisticsFormulas.UnitsPerLoad(LogisticsFormulas.FtlVolumeM3, LogisticsFormulas.FtlPayloadKg, 0.9, 0, 12));
    }

    [Theory]
    [InlineData(0.1, 30_000)]   // heavier than the payload: ⌊26500 ÷ 30000⌋ = 0 ⇒ at least 1
    [InlineData(80, 5)]         // larger than the container: ⌊67.7 × 0.85 ÷ 80⌋ = 0 ⇒ at least 1
    public void UnitsPerLoad_IsAtLeastOne(double unitVolume, double unitWeight)
    {
        Assert.Equal(1.0, LogisticsFormulas.UnitsPerLoad(LogisticsFormulas.FeuVolumeM3, LogisticsFormulas.FeuPayloadKg, 0.85, unitVolume, unitWeight));
    }

    // ---- ChargeableWeightKg ----

    [Theory]
    [InlineData(10, 1.0, 166.6666667)]   // volumetric: 1 m³ × 166.67 kg/m³ = 166.67 > 10
    [InlineData(200, 1.0, 200.0)]        // actual weight: 200 > 166.67
    [InlineData(0.5, 0.006, 1.0)]        // 0.006 m³ × 166.67 = 1.0 > 0.5 kg
    [InlineData(3, 0.0, 3.0)]            // no volume: actual weight
    public void ChargeableWeightKg_IsMaxOfActualAndVolumetric(double weight, double volume, double expected)
    {
        FormulaAssert.Near(expected, LogisticsFormulas.ChargeableWeightKg(weight, volume), 1e-6, $"ChargeableWeightKg(m={weight} kg, v={volume} m³)");
    }

    // ---- Rates ----

    [Theory]
    [InlineData(3000, 600, 5.0)]    // 3000 EUR/container ÷ 600 units = 5
    [InlineData(0, 600, 0.0)]       // free freight
    public void PerLoad_IsRateOverUnitsPerLoad(double rate, double units, double expected)
    {
        FormulaAssert.Near(expected, LogisticsFormulas.PerLoad(rate, units), 1e-12, $"PerLoad(R={rate}, units={units})");
    }

    [Fact]
    public void PerKg_IsRateTimesChargeableKg()
    {
        // 4.5 EUR/kg × 12 kg = 54
        FormulaAssert.Near(54.0, LogisticsFormulas.PerKg(4.5, 12), 1e-12, "PerKg(R=4.5, kg=12)");
    }

    [Fact]
    public void PerTonne_ConvertsKgToTonnes()
    {
        // 80 EUR/t × 250 kg ÷ 1000 = 80 × 0.25 = 20
        FormulaAssert.Near(20.0, LogisticsFormulas.PerTonne(80, 250), 1e-12, "PerTonne(R=80/t, m=250 kg)");
    }

    [Fact]
    public void PerTonneKm_ConvertsKgToTonnesAndMultipliesDistance()
    {
        // 0.10 EUR/t·km × 500 kg ÷ 1000 × 800 km = 0.1 × 0.5 × 800 = 40
        FormulaAssert.Near(40.0, LogisticsFormulas.PerTonneKm(0.10, 500, 800), 1e-12, "PerTonneKm(R=0.10, m=500 kg, d=800 km)");
    }

    [Theory]
    [InlineData(250, 24, 12_000, 0.5)]   // 250 EUR × 24 shipments ÷ 12000 units = 6000 ÷ 12000 = 0.5
    [InlineData(250, 0, 12_000, 0.0)]    // no shipments
    public void PerShipment_IsAmountTimesShipmentsOverVolume(double amount, double shipments, double volume, double expected)
    {
        FormulaAssert.Near(expected, LogisticsFormulas.PerShipment(amount, shipments, volume), 1e-12, $"PerShipment(A={amount}, n={shipments}, V={volume})");
    }

    [Theory]
    [InlineData(0.002, 100, 10, 0.242)]   // 0.002 × 1.1 × (100 + 10) = 0.0022 × 110 = 0.242
    [InlineData(0.0, 100, 10, 0.0)]       // zero premium
    [InlineData(0.01, 50, 0, 0.55)]       // 0.01 × 1.1 × 50 = 0.55
    public void Insurance_Covers110PercentOfCif(double premium, double value, double freight, double expected)
    {
        FormulaAssert.Near(expected, LogisticsFormulas.Insurance(premium, value, freight), 1e-12, $"Insurance(r={premium}, value={value}, freight={freight})");
    }

    [Theory]
    [InlineData(0.05, 12, 2, 0.5)]   // 0.05 × (12 − 2) = 0.5
    [InlineData(0.05, 1, 2, 0.0)]    // air cheaper than regular: max(0, 1 − 2) = 0
    [InlineData(0.0, 12, 2, 0.0)]    // no emergencies
    [InlineData(1.0, 5, 5, 0.0)]     // same cost: 0
    public void EmergencyAir_IsShareTimesExtraCost_NeverNegative(double share, double air, double regular, double expected)
    {
        FormulaAssert.Near(expected, LogisticsFormulas.EmergencyAir(share, air, regular), 1e-12, $"EmergencyAir(s={share}, air={air}, regular={regular})");
    }
}
