using Reshore.Core.Costing.Formulas;

namespace Reshore.Core.Tests.Formulas;

public class CarbonFormulasTests
{
    [Theory]
    [InlineData(500, 10_000, 16, 80.0)]   // sea: 0.5 t × 10000 km × 16 g/t·km = 80000 g = 80 kg
    [InlineData(1000, 1, 1000, 1.0)]      // 1 t × 1 km × 1000 g/t·km = 1000 g = 1 kg
    [InlineData(250, 800, 80, 16.0)]      // road: 0.25 t × 800 km × 80 g/t·km = 16000 g = 16 kg
    [InlineData(500, 0, 16, 0.0)]         // zero distance
    [InlineData(500, 10_000, 0, 0.0)]     // zero emission factor
    public void LegKg_ConvertsKgAndGramsToKgCo2e(double weightKg, double distanceKm, double gramsPerTonneKm, double expected)
    {
        FormulaAssert.Near(expected, CarbonFormulas.LegKg(weightKg, distanceKm, gramsPerTonneKm), 1e-9,
            $"LegKg(m={weightKg} kg, d={distanceKm} km, f={gramsPerTonneKm} g/t·km)");
    }

    [Theory]
    [InlineData(12, 350, 1.5, 5.7)]   // 12 kWh × 350 g/kWh ÷ 1000 + 1.5 kg = 4.2 + 1.5 = 5.7
    [InlineData(12, 0, 1.5, 1.5)]     // zero-carbon grid: process emissions only
    [InlineData(0, 350, 0, 0.0)]      // nothing
    public void ProductionKg_IsGridEmissionsPlusProcess(double kwh, double gridGramsPerKwh, double processKg, double expected)
    {
        FormulaAssert.Near(expected, CarbonFormulas.ProductionKg(kwh, gridGramsPerKwh, processKg), 1e-12,
            $"ProductionKg(kWh={kwh}, grid={gridGramsPerKwh} g/kWh, process={processKg} kg)");
    }

    [Theory]
    [InlineData(250, 80, 20.0)]   // 250 kg ÷ 1000 × 80 EUR/t = 0.25 × 80 = 20
    [InlineData(250, 0, 0.0)]     // no carbon price
    [InlineData(1000, 65, 65.0)]  // 1 t × 65 EUR/t = 65
    public void Cost_ConvertsKgToTonnesTimesPrice(double kg, double pricePerTonne, double expected)
    {
        FormulaAssert.Near(expected, CarbonFormulas.Cost(kg, pricePerTonne), 1e-12, $"Cost(kg={kg}, price={pricePerTonne}/t)");
    }
}
