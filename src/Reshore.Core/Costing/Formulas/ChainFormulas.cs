namespace Reshore.Core.Costing.Formulas;

/// <summary>Process steps: the customs value of a semi-finished good and its pipeline stock (docs/model.md §17).</summary>
public static class ChainFormulas
{
    /// <summary>
    /// The duty base of a semi-finished good entering the EU: its value at the border (value so far + inbound freight) or, under
    /// outward processing (Union Customs Code, Art. 86(5)), the cost of the processing outside the EU: the value before the inbound
    /// freight less the value on arrival at the first step outside the EU.
    /// </summary>
    public static double DutyBase(double valueBeforeFreight, double inboundFreight, double? valueOnLeavingEu, bool outwardProcessing) =>
        outwardProcessing && valueOnLeavingEu is { } exit ? Math.Max(0, valueBeforeFreight - exit) : valueBeforeFreight + inboundFreight;

    /// <summary>Pipeline stock of semi-finished goods: Σ_k v_k × h × T_k ÷ 365 per unit, v_k the value in transit to step k and T_k its transit days.</summary>
    public static double Pipeline(IEnumerable<(double ValueInTransit, double TransitDays)> legs, double carryingRate) =>
        legs.Sum(l => InventoryFormulas.Pipeline(l.ValueInTransit, carryingRate, l.TransitDays));
}
