namespace Reshore.Core.Costing.Formulas;

/// <summary>Support instruments, the incentive that flips a decision, additionality and State-aid intensity (docs/model.md §21).</summary>
public static class SupportFormulas
{
    /// <summary>
    /// The amount of an instrument: A = min(i × E × τ, C), the intensity i (a fraction) times the eligible cost E, times the tax rate τ
    /// for a deduction from taxable profit (τ = 1 for a grant), capped at the ceiling C when there is one.
    /// </summary>
    public static double InstrumentAmount(double intensity, double eligibleCost, double? taxRate, double? ceiling)
    {
        if (intensity < 0) throw new ArgumentOutOfRangeException(nameof(intensity), intensity, "The intensity cannot be negative.");
        if (eligibleCost < 0) throw new ArgumentOutOfRangeException(nameof(eligibleCost), eligibleCost, "The eligible cost cannot be negative.");
        var amount = intensity * eligibleCost * (taxRate ?? 1);
        return ceiling is { } c ? Math.Min(amount, c) : amount;
    }

    /// <summary>
    /// The extra incentive, as a present value, at which option o becomes the cheapest: N = max(0, PV_o − min_(k≠o) PV_k). At N the
    /// two tie; the present-cost breakdown is additive in the incentives (§14.2), so this is the break-even of an incentive input.
    /// </summary>
    public static double IncentiveToFlip(double pvOption, double pvBestOther) => Math.Max(0, pvOption - pvBestOther);

    /// <summary>An amount received in year t worth a present value V: V ÷ d_t, d_t the discount factor of year t.</summary>
    public static double AmountInYear(double presentValue, double discountFactor)
    {
        if (!(discountFactor > 0)) throw new ArgumentOutOfRangeException(nameof(discountFactor), discountFactor, "The discount factor must be positive.");
        return presentValue / discountFactor;
    }

    /// <summary>
    /// Additionality of the incentives I (present value) of option o, PV_o counted with them, against the best other option B:
    /// without the incentives o costs PV_o + I. Deadweight when PV_o + I ≤ B (it wins anyway: all of I is deadweight); additional when
    /// PV_o ≤ B &lt; PV_o + I (pivotal: the needed part is PV_o + I − B, the rest I − (PV_o + I − B) = B − PV_o is windfall);
    /// insufficient when PV_o &gt; B (o does not win: a further PV_o − B is needed). No incentive: none.
    /// </summary>
    public static (AdditionalityStatus Status, double Needed, double Windfall, double Shortfall) Additionality(double pvWithIncentives, double incentivesPv, double pvBestOther)
    {
        var without = pvWithIncentives + incentivesPv;
        if (incentivesPv <= 0)
            return (AdditionalityStatus.None, 0, 0, Math.Max(0, pvWithIncentives - pvBestOther));
        if (without <= pvBestOther) return (AdditionalityStatus.Deadweight, 0, incentivesPv, 0);
        if (pvWithIncentives <= pvBestOther)
        {
            var needed = without - pvBestOther;
            return (AdditionalityStatus.Additional, needed, incentivesPv - needed, 0);
        }
        return (AdditionalityStatus.Insufficient, incentivesPv, 0, pvWithIncentives - pvBestOther);
    }

    /// <summary>Aid intensity: the aid over the eligible cost, % (null when there is no eligible cost).</summary>
    public static double? IntensityPct(double aid, double eligibleCost) => eligibleCost > 0 ? aid / eligibleCost * 100 : null;

    /// <summary>
    /// Largest GBER intensity for a size class among the rules that apply (cumulation, GBER art. 8: the highest applicable intensity
    /// caps all aid for the same eligible costs): max over rules r of m_r(size); null when no rule allows aid for that size.
    /// </summary>
    public static double? MaxIntensityPct(IEnumerable<double?> ruleMaxima)
    {
        double? best = null;
        foreach (var m in ruleMaxima)
            if (m is { } v && (best is null || v > best)) best = v;
        return best;
    }
}

/// <summary>Whether an option's incentives change the decision (docs/model.md §21.3).</summary>
public enum AdditionalityStatus
{
    /// <summary>The option has no incentive.</summary>
    None,
    /// <summary>The option wins without its incentives: they are deadweight.</summary>
    Deadweight,
    /// <summary>The option wins only with its incentives: they are additional (pivotal).</summary>
    Additional,
    /// <summary>The option does not win even with its incentives.</summary>
    Insufficient,
}
