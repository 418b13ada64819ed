namespace Reshore.Core.Costing.Formulas;

/// <summary>Cost of poor quality per unit.</summary>
public static class QualityFormulas
{
    /// <summary>Expected cost per unit of an event with probability p per unit and cost c per event: p × c.</summary>
    public static double RatePerUnit(double rate, double costPerEvent) => rate * costPerEvent;
}
