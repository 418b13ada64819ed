using Reshore.Core.Domain;

namespace Reshore.Core.Costing;

/// <summary>Amounts of one-off transition costs in the case currency.</summary>
public static class TransitionAmounts
{
    /// <summary>The amount of a one-off cost paid in horizon year <paramref name="year"/>: its amount, or quantity × unit cost, converted at that year's rate (year 0 at the base rate).</summary>
    public static double OneOff(CaseContext ctx, OneOffCost cost, int year) =>
        cost.Amount is { } a ? ctx.ToCaseCurrency(a, Math.Max(1, year)) :
        cost.Quantity is { } q && cost.UnitCost is { } u ? q * ctx.ToCaseCurrency(u, Math.Max(1, year)) : 0;
}
