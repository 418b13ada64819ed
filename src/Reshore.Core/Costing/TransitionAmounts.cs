using Reshore.Core.Domain;

namespace Reshore.Core.Costing;

/// <summary>Amounts of one-off transition costs in the case currency.</summary>
public static class TransitionAmounts
{
    /// <summary>The amount of a one-off cost paid in horizon year <paramref name="year"/>: its amount, or quantity × unit cost, converted at that year's rate (year 0 at the base rate).</summary>
    public static double OneOff(CaseContext ctx, OneOffCost cost, int year) =>
        cost.Amount is { } a ? ctx.ToCaseCurrency(a, Math.Max(1, year)) :
        cost.Quantity is { } q && cost.UnitCost is { } u ? q * ctx.ToCaseCurrency(u, Math.Max(1, year)) : 0;

    /// <summary>
    /// The option's one-off costs: its transition costs and, with an automation scenario, the cells' capex (cells × capex per cell, in
    /// the scenario's year, depreciated over its life) as a capexAutomation cost.
    /// </summary>
    public static IReadOnlyList<OneOffCost> OneOffCostsOf(SourcingOption option)
    {
        var costs = option.Transition?.OneOffCosts ?? [];
        if (option.Automation is not { } a) return costs;
        return
        [
            .. costs,
            new OneOffCost
            {
                Type = OneOffCostType.CapexAutomation, Description = a.Description ?? "automation scenario",
                Quantity = a.Cells ?? 1, UnitCost = a.CapexPerCell, Year = a.CapexYear, DepreciationYears = a.DepreciationYears,
            },
        ];
    }
}
