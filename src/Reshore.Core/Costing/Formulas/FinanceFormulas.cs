namespace Reshore.Core.Costing.Formulas;

/// <summary>Discounting, annuities, subsidised loans and payback.</summary>
public static class FinanceFormulas
{
    /// <summary>Discount factor for year t (end-of-year convention; year 0 is undiscounted): (1 + r)^−t.</summary>
    public static double DiscountFactor(double rate, int year) => Math.Pow(1 + rate, -year);

    /// <summary>Present value of cash flows C_0..C_n: Σ C_t (1 + r)^−t.</summary>
    public static double PresentValue(IReadOnlyList<double> cashFlows, double rate)
    {
        var sum = 0.0;
        for (var t = 0; t < cashFlows.Count; t++) sum += cashFlows[t] * DiscountFactor(rate, t);
        return sum;
    }

    /// <summary>Annuity factor: PV of 1 per year for n years = (1 − (1 + r)^−n) ÷ r, or n when r = 0.</summary>
    public static double AnnuityFactor(double rate, int years) =>
        rate == 0 ? years : (1 - Math.Pow(1 + rate, -years)) / rate;

    /// <summary>
    /// Grant equivalent of a subsidised annuity loan = K − K ÷ a(i, n) × a(r, n): the principal minus the
    /// present value at the market rate r of the annuity payments at the loan rate i.
    /// </summary>
    public static double SubsidisedLoanGrantEquivalent(double principal, double loanRate, double marketRate, int termYears)
    {
        var payment = principal / AnnuityFactor(loanRate, termYears);
        return principal - payment * AnnuityFactor(marketRate, termYears);
    }

    /// <summary>Straight-line book value left after <paramref name="yearsUsed"/> of <paramref name="life"/> years.</summary>
    public static double ResidualBookValue(double capex, int life, int yearsUsed) =>
        capex * Math.Max(0, life - yearsUsed) / life;

    /// <summary>
    /// Payback in years: the moment from which the cumulative saving S_t = Σ_{k≤t} s_k stays at zero or more up to the horizon,
    /// interpolated linearly inside the year it crosses zero (year t's saving accrues between t − 1 and t). Null when S_H &lt; 0:
    /// a payback that does not hold at the horizon is no payback. See <see cref="Payback"/> for the full picture.
    /// </summary>
    /// <param name="yearlySavings">s_0..s_n, cash saving in each year (year 0 = the switch).</param>
    public static double? PaybackYears(IReadOnlyList<double> yearlySavings) => Payback(yearlySavings).Years;

    /// <summary>
    /// The payback of a series of yearly cash savings s_0..s_H (year 0 = the switch):
    /// <list type="bullet">
    /// <item><see cref="PaybackStatus.Immediate"/> (0 years) when S_t is never negative;</item>
    /// <item><see cref="PaybackStatus.PaysBack"/> after j + (−S_j ÷ s_{j+1}) years, j the last year with S_j &lt; 0, when S_H ≥ 0;</item>
    /// <item><see cref="PaybackStatus.LostAgain"/> when S_H &lt; 0 although S_t ≥ 0 in some year t ≥ 1: the saving recovers (first
    /// after <see cref="PaybackResult.FirstRecoveryYears"/>), then turns into a loss for good from year <see cref="PaybackResult.LossFromYear"/>;</item>
    /// <item><see cref="PaybackStatus.NotWithinHorizon"/> when S_t &lt; 0 in every year t ≥ 1.</item>
    /// </list>
    /// </summary>
    public static PaybackResult Payback(IReadOnlyList<double> yearlySavings)
    {
        if (yearlySavings.Count == 0) return new PaybackResult(PaybackStatus.NotWithinHorizon, null, null, null);
        var cumulative = new double[yearlySavings.Count];
        var sum = 0.0;
        for (var t = 0; t < cumulative.Length; t++) cumulative[t] = sum += yearlySavings[t];
        var h = cumulative.Length - 1;

        // First time the cumulative saving is at zero or more (0 when it starts there).
        var first = Array.FindIndex(cumulative, c => c >= 0);
        double? firstRecovery = first < 0 ? null : first == 0 ? 0 : first - 1 + -cumulative[first - 1] / yearlySavings[first];

        if (cumulative[h] < 0)
        {
            var lastNonNegative = Array.FindLastIndex(cumulative, h, h, c => c >= 0);   // years h..1;
            return lastNonNegative < 1
                ? new PaybackResult(PaybackStatus.NotWithinHorizon, null, null, null)
                : new PaybackResult(PaybackStatus.LostAgain, null, firstRecovery, lastNonNegative + 1);
        }
        var lastNegative = Array.FindLastIndex(cumulative, c => c < 0);
        if (lastNegative < 0) return new PaybackResult(PaybackStatus.Immediate, 0, 0, null);
        var years = lastNegative + -cumulative[lastNegative] / yearlySavings[lastNegative + 1];
        return new PaybackResult(PaybackStatus.PaysBack, years, firstRecovery, null);
    }

    /// <summary>
    /// Internal rate of return of a series of cash flows C_0..C_n: the rate r > −1 at which Σ C_t (1 + r)^−t = 0, found by bisection on
    /// [−0.99, 10] to 1e-12 of the bracket. Null when the flows do not change sign or the present value has the same sign at both ends
    /// of the bracket (no rate in it).
    /// </summary>
    public static double? InternalRateOfReturn(IReadOnlyList<double> cashFlows)
    {
        if (cashFlows.Count == 0 || cashFlows.All(f => f >= 0) || cashFlows.All(f => f <= 0)) return null;
        double lo = -0.99, hi = 10;
        if (Math.Sign(PresentValue(cashFlows, lo)) == Math.Sign(PresentValue(cashFlows, hi))) return null;
        for (var i = 0; i < 200 && hi - lo > 1e-12; i++)
        {
            var mid = (lo + hi) / 2;
            if (Math.Sign(PresentValue(cashFlows, mid)) == Math.Sign(PresentValue(cashFlows, lo))) lo = mid; else hi = mid;
        }
        return (lo + hi) / 2;
    }
}

/// <summary>What the cumulative saving does over the horizon.</summary>
public enum PaybackStatus
{
    /// <summary>Never negative: nothing to recover.</summary>
    Immediate,
    /// <summary>Recovers and stays recovered to the horizon.</summary>
    PaysBack,
    /// <summary>Recovers (or starts positive), then ends the horizon negative.</summary>
    LostAgain,
    /// <summary>Negative in every year after the switch.</summary>
    NotWithinHorizon,
}

/// <summary>A payback with its status.</summary>
/// <param name="Status">What the cumulative saving does.</param>
/// <param name="Years">Payback in years, when the saving holds at the horizon.</param>
/// <param name="FirstRecoveryYears">When the cumulative saving first reached zero or more (0 when it starts there).</param>
/// <param name="LossFromYear">With <see cref="PaybackStatus.LostAgain"/>: the year from which the cumulative saving stays negative.</param>
public sealed record PaybackResult(PaybackStatus Status, double? Years, double? FirstRecoveryYears, int? LossFromYear);
