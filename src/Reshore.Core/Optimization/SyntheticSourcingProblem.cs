namespace Reshore.Core.Optimization;

/// <summary>
/// An illustrative sourcing program of any size for benchmarks and tests (not data): options in four regions — East Asia, the EU's east,
/// North Africa and Turkey, and home — with unit costs rising as the region nears home, regional disruptions that cut every option of the
/// region at once (a lockdown, a canal closure, a border stoppage, a plant fire) and a smaller supplier-specific risk, 13 four-week periods
/// of lognormal demand (25 % volatility), surge flexibility, fixed costs of using an option, emergency supply and a buffer.
/// The orders of magnitude follow examples/led-lamps.yaml (about 0.7–1.1 per unit, 1.2 million units a year); the event rates are of the
/// same order as its events (0.03–0.2 a year).
/// </summary>
public static class SyntheticSourcingProblem
{
    private sealed record Region(string Country, bool InEu, double UnitCost, double Co2e, double EventsPerPeriod, double EventLoss, double Flexibility);

    private static readonly Region[] Regions =
    [
        new("CN", false, 0.72, 1.9, 0.15 / 13, 0.8, 0.05),
        new("PL", true, 0.86, 1.1, 0.20 / 13, 0.6, 0.20),
        new("TR", false, 0.82, 1.3, 0.12 / 13, 0.7, 0.15),
        new("BE", true, 0.98, 0.6, 0.03 / 13, 1.0, 0.30),
    ];

    /// <summary>A program with <paramref name="options"/> options (spread over the regions in turn) and <paramref name="scenarios"/> scenarios.</summary>
    public static OptimizationProblem Create(int options, int scenarios, int seed)
    {
        const int periods = 13;
        const double annualVolume = 1_200_000;
        var random = new Random(seed);
        var regionOf = Enumerable.Range(0, options).Select(i => i % Regions.Length).ToArray();
        var unitCost = new double[options];
        var fixedCost = new double[options];
        var flexibility = new double[options];
        for (var i = 0; i < options; i++)
        {
            var r = Regions[regionOf[i]];
            unitCost[i] = r.UnitCost * (0.95 + 0.1 * random.NextDouble());
            fixedCost[i] = 20_000 + 60_000 * random.NextDouble();
            flexibility[i] = r.Flexibility;
        }
        var mean = annualVolume / periods;
        var demand = new double[scenarios * periods];
        var availability = new double[scenarios * periods * options];
        const double sigma = 0.25;
        for (var s = 0; s < scenarios; s++)
        {
            var regional = new double[Regions.Length];
            var remaining = new int[Regions.Length];
            var own = new int[options];
            for (var t = 0; t < periods; t++)
            {
                var cell = s * periods + t;
                var z = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
                demand[cell] = mean * Math.Exp(sigma * z - sigma * sigma / 2);
                for (var r = 0; r < Regions.Length; r++)
                {
                    if (remaining[r] > 0) remaining[r]--;
                    else if (random.NextDouble() < Regions[r].EventsPerPeriod) { remaining[r] = random.Next(0, 4); regional[r] = Regions[r].EventLoss; }
                    else regional[r] = 0;
                }
                for (var i = 0; i < options; i++)
                {
                    if (own[i] > 0) own[i]--;
                    else if (random.NextDouble() < 0.02) own[i] = 1 + random.Next(0, 2);
                    var supplierLoss = own[i] > 0 ? 0.5 : 0;
                    availability[cell * options + i] = Math.Clamp(1 - Math.Max(regional[regionOf[i]], supplierLoss), 0, 1);
                }
            }
        }
        return new OptimizationProblem
        {
            OptionIds = Enumerable.Range(0, options).Select(i => $"{Regions[regionOf[i]].Country.ToLowerInvariant()}-{i + 1}").ToArray(),
            Scenarios = scenarios,
            Periods = periods,
            YearsCovered = periods * 4 / 52.0,
            Demand = demand,
            MeanDemand = Enumerable.Repeat(mean, periods).ToArray(),
            Availability = availability,
            UnitCost = unitCost,
            Flexibility = flexibility,
            FixedCostPerYear = fixedCost,
            Co2eKgPerUnit = regionOf.Select(r => Regions[r].Co2e).ToArray(),
            Country = regionOf.Select(r => Regions[r].Country).ToArray(),
            InEu = regionOf.Select(r => Regions[r].InEu).ToArray(),
            ShortageCost = 0.9,
            EmergencyPremium = 0.25,
            EmergencyCapacity = 0.4,
            HoldingCostPerUnitYear = 0.22 * unitCost.Average(),
            MeanWeeklyDemand = annualVolume / 52,
            AnnualVolume = annualVolume,
        };
    }
}
