namespace Reshore.Core.Costing.Formulas;

/// <summary>Travel, coordination and engineering changes.</summary>
public static class ManagementFormulas
{
    /// <summary>Travel per unit = trips × cost per trip ÷ V.</summary>
    public static double Travel(double tripsPerYear, double costPerTrip, double annualVolume) =>
        ProductionFormulas.PerUnit(tripsPerYear * costPerTrip, annualVolume);

    /// <summary>
    /// Engineering-change delay per unit = n × L × c ÷ V: each of n changes per year reaches the market only
    /// after the replenishment lead time L (weeks), each week costing c.
    /// </summary>
    public static double EngineeringChangeDelay(double changesPerYear, double leadTimeWeeks, double costPerChangeWeek, double annualVolume) =>
        ProductionFormulas.PerUnit(changesPerYear * leadTimeWeeks * costPerChangeWeek, annualVolume);
}
