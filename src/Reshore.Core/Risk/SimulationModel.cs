namespace Reshore.Core.Risk;

/// <summary>
/// One item compiled for the weekly simulation: plain arrays, no domain objects, so the inner loop allocates nothing.
/// Options are indexed 0..OptionCount−1; weeks 0..Weeks−1 (52 per year); money in the case currency.
/// </summary>
public sealed class SimulationModel
{
    /// <summary>Weeks simulated (52 × years).</summary>
    public required int Weeks { get; init; }
    /// <summary>Years simulated.</summary>
    public int Years => (Weeks + 51) / 52;
    /// <summary>Option ids, in index order.</summary>
    public required string[] OptionIds { get; init; }
    /// <summary>Number of options.</summary>
    public int OptionCount => OptionIds.Length;
    /// <summary>Mean weekly demand μ_w(t) = V/52 × (1 + g)^(t/52), per week.</summary>
    public required double[] MeanWeeklyDemand { get; init; }
    /// <summary>Weekly log-volatility σ_w.</summary>
    public required double WeeklySigma { get; init; }
    /// <summary>Lead time per option in whole weeks (≥ 1: an order placed at the end of week t arrives at the start of week t + L).</summary>
    public required int[] LeadWeeks { get; init; }
    /// <summary>Capacity flexibility per option (0.2 = 20% above the nominal share).</summary>
    public required double[] Flexibility { get; init; }
    /// <summary>Unit purchase cost per option and year, [option × Years + year], excluding the lines the simulation produces itself.</summary>
    public required double[] UnitCost { get; init; }
    /// <summary>Inventory carrying rate per year (fraction of unit value).</summary>
    public required double CarryingRate { get; init; }
    /// <summary>
    /// k_s: with lost sales, the lost margin plus the penalty per unit lost (p × margin + penalty); with backorders, the penalty per unit
    /// backordered. A lost unit costs the strategy's average unit cost c̄_y on top of k_s (it is not bought, and k_s is net of its cost),
    /// so an outage never lowers the cost.
    /// </summary>
    public required double ShortageCost { get; init; }
    /// <summary>Unmet demand is backordered (true) or lost (false).</summary>
    public required bool Backorders { get; init; }
    /// <summary>Emergency premium per unit; NaN when no emergency supply is configured.</summary>
    public required double EmergencyPremium { get; init; }
    /// <summary>Emergency lead time, whole weeks ≥ 1.</summary>
    public required int EmergencyLeadWeeks { get; init; }
    /// <summary>Emergency capacity per week, as a multiple of mean weekly demand.</summary>
    public required double EmergencyCapacity { get; init; }
    /// <summary>Disruption sources.</summary>
    public required EventSource[] Events { get; init; }
    /// <summary>Strategies.</summary>
    public required StrategyDefinition[] Strategies { get; init; }
    /// <summary>Time to recover per option, weeks (NaN when not given).</summary>
    public required double[] TimeToRecoverWeeks { get; init; }
    /// <summary>Transit weeks per option: stock already on its way when a source is lost (for time to survive). Default: the lead weeks.</summary>
    public int[]? TransitWeeks { get; init; }
    /// <summary>Part of each unit cost that is fixed per year, at full volume ([option × years + year]): F ÷ V. Null = none.</summary>
    public double[]? FixedPerUnit { get; init; }
    /// <summary>Annualised one-off costs per option, charged to strategies that use it. Null = none.</summary>
    public double[]? OneOffCostPerYear { get; init; }
    /// <summary>Discount rate r per year (fraction) of the equivalent annual cost; 0 (the default) gives the plain average over the years.</summary>
    public double DiscountRate { get; init; }

    private double[]? _yearWeights;

    /// <summary>The weights w_y = (1 + r)^(−y) ÷ a(r, H) of each year's cost in the equivalent annual cost (index 0 is year 1).</summary>
    public double[] YearWeights => _yearWeights ??= EquivalentAnnualCost.YearWeights(DiscountRate, Years);

    /// <summary>
    /// A strategy with its own unit costs: an option with share s spreads its fixed costs over s × V units, c(sV) = c(V) + (1/s − 1) × F/V;
    /// and the annualised one-off costs of every option it uses.
    /// </summary>
    public StrategyDefinition DefineStrategy(string id, string? name, double[] shares, double bufferWeeks)
    {
        var cost = (double[])UnitCost.Clone();
        if (FixedPerUnit is { } fixedPart)
            for (var i = 0; i < shares.Length; i++)
                if (shares[i] is > 0 and < 1)
                    for (var y = 0; y < Years; y++) cost[i * Years + y] += (1 / shares[i] - 1) * fixedPart[i * Years + y];
        var oneOff = OneOffCostPerYear is null ? 0 : shares.Select((x, i) => x > 1e-12 ? OneOffCostPerYear[i] : 0).Sum();
        return new StrategyDefinition(id, name, shares, bufferWeeks) { UnitCost = cost, FixedCostPerYear = oneOff };
    }

    /// <summary>Whole weeks from a duration in weeks: 0 stays 0; anything above rounds half away from zero, and at least 1.</summary>
    public static int WholeWeeks(double weeks) => weeks <= 0 ? 0 : Math.Max(1, (int)Math.Round(weeks, MidpointRounding.AwayFromZero));

    /// <summary>A copy with other full-volume unit costs ([option × years + year]) and the same strategies defined on them.</summary>
    public SimulationModel WithUnitCost(double[] unitCost)
    {
        var copy = new SimulationModel
        {
            Weeks = Weeks, OptionIds = OptionIds, MeanWeeklyDemand = MeanWeeklyDemand, WeeklySigma = WeeklySigma, LeadWeeks = LeadWeeks,
            Flexibility = Flexibility, UnitCost = unitCost, CarryingRate = CarryingRate, ShortageCost = ShortageCost, Backorders = Backorders,
            EmergencyPremium = EmergencyPremium, EmergencyLeadWeeks = EmergencyLeadWeeks, EmergencyCapacity = EmergencyCapacity, Events = Events,
            Strategies = [], TimeToRecoverWeeks = TimeToRecoverWeeks, TransitWeeks = TransitWeeks, FixedPerUnit = FixedPerUnit, OneOffCostPerYear = OneOffCostPerYear,
            DiscountRate = DiscountRate,
        };
        return copy.WithStrategies(Strategies.Select(s => copy.DefineStrategy(s.Id, s.Name, s.Shares, s.BufferWeeks)).ToArray());
    }

    /// <summary>A copy with other strategies.</summary>
    public SimulationModel WithStrategies(StrategyDefinition[] strategies) => new()
    {
        Weeks = Weeks, OptionIds = OptionIds, MeanWeeklyDemand = MeanWeeklyDemand, WeeklySigma = WeeklySigma, LeadWeeks = LeadWeeks,
        Flexibility = Flexibility, UnitCost = UnitCost, CarryingRate = CarryingRate, ShortageCost = ShortageCost, Backorders = Backorders,
        EmergencyPremium = EmergencyPremium, EmergencyLeadWeeks = EmergencyLeadWeeks, EmergencyCapacity = EmergencyCapacity, Events = Events,
        Strategies = strategies, TimeToRecoverWeeks = TimeToRecoverWeeks, TransitWeeks = TransitWeeks, FixedPerUnit = FixedPerUnit, OneOffCostPerYear = OneOffCostPerYear,
        DiscountRate = DiscountRate,
    };
}

/// <summary>A disruption source compiled for the simulation.</summary>
/// <param name="Id">Identifier.</param>
/// <param name="RatePerWeek">Poisson arrival rate per week.</param>
/// <param name="Duration">Duration in weeks: fixed (<paramref name="FixedDurationWeeks"/>) or drawn.</param>
/// <param name="FixedDurationWeeks">Duration when <paramref name="Duration"/> is null.</param>
/// <param name="OptionIndex">Affected options.</param>
/// <param name="CapacityLoss">Capacity lost (fraction) per affected option.</param>
/// <param name="DelayWeeks">Added transit weeks per affected option.</param>
public sealed record EventSource(string Id, double RatePerWeek, UncertainValue? Duration, double FixedDurationWeeks, int[] OptionIndex, double[] CapacityLoss, int[] DelayWeeks);

/// <summary>A strategy compiled for the simulation.</summary>
/// <param name="Id">Identifier.</param>
/// <param name="Name">Name.</param>
/// <param name="Shares">Share per option index (sums to 1).</param>
/// <param name="BufferWeeks">Buffer stock, weeks of mean demand.</param>
public sealed record StrategyDefinition(string Id, string? Name, double[] Shares, double BufferWeeks)
{
    /// <summary>Unit cost per option and year at this strategy's volumes ([option × years + year]); null = the model's (full volume).</summary>
    public double[]? UnitCost { get; init; }

    /// <summary>Annualised one-off costs of the options this strategy uses, added to its annual cost.</summary>
    public double FixedCostPerYear { get; init; }
}
