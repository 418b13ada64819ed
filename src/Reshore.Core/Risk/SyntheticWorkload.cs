namespace Reshore.Core.Risk;

/// <summary>
/// A fixed synthetic workload for benchmarking the weekly engine: items with three options (offshore, nearshore, home),
/// four strategies, two disruption sources and one year of weeks. Item k differs from item k+1 only in its volume.
/// </summary>
public static class SyntheticWorkload
{
    /// <summary>Number of strategies per item.</summary>
    public const int StrategiesPerItem = 4;

    /// <summary>The model of synthetic item <paramref name="index"/> over <paramref name="weeks"/> weeks.</summary>
    public static SimulationModel Item(int index, int weeks = 52)
    {
        var volume = 50_000 + 1_000 * (index % 100);
        var mean = Enumerable.Repeat(volume / 52.0, weeks).ToArray();
        var years = (weeks + 51) / 52;
        var cost = new double[3 * years];
        for (var y = 0; y < years; y++) { cost[y] = 10; cost[years + y] = 11.5; cost[2 * years + y] = 13; }
        return new SimulationModel
        {
            Weeks = weeks,
            OptionIds = ["offshore", "nearshore", "home"],
            MeanWeeklyDemand = mean,
            WeeklySigma = 0.4 / Math.Sqrt(52),
            LeadWeeks = [8, 2, 1],
            Flexibility = [0.2, 0.3, 0.15],
            UnitCost = cost,
            CarryingRate = 0.2,
            ShortageCost = 6,
            Backorders = false,
            EmergencyPremium = 2.5,
            EmergencyLeadWeeks = 1,
            EmergencyCapacity = 0.4,
            Events =
            [
                new EventSource("offshore-outage", 0.2 / 52, null, 6, [0], [0.8], [0]),
                new EventSource("canal-closure", 0.1 / 52, null, 12, [0], [0], [2]),
            ],
            Strategies =
            [
                new StrategyDefinition("offshore", null, [1, 0, 0], 0),
                new StrategyDefinition("dual", null, [0.7, 0.3, 0], 0),
                new StrategyDefinition("buffer", null, [1, 0, 0], 6),
                new StrategyDefinition("parallel", null, [0.5, 0, 0.5], 0),
            ],
            TimeToRecoverWeeks = [12, 4, 10],
        };
    }
}
