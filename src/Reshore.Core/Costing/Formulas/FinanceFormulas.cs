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
    /// Payback: the first time the cumulative saving S_t = Σ_{k≤t} s_k comes back to zero or more after being negative, interpolated
    /// linearly inside that year; 0 when it is never negative; null when, once negative, it never recovers within the horizon.
    /// A later dip below zero does not undo the payback (the explanation reports it).
    /// </summary>
    /// <param name="yearlySavings">s_0..s_n, saving in each year (year 0 = start).</param>
    public static double? PaybackYears(IReadOnlyList<double> yearlySavings)
    {
        if (yearlySavings.Count == 0) return null;
        var cumulative = 0.0;
        var wasNegative = false;
        for (var t = 0; t < yearlySavings.Count; t++)
        {
            var before = cumulative;
            cumulative += yearlySavings[t];
            if (cumulative < 0) wasNegative = true;
            // Year t's running saving accrues during the year from t − 1 to t; year 0 is the moment of the switch.
            else if (wasNegative) return t - 1 + (-before / yearlySavings[t]);
        }
        return wasNegative ? null : 0;
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
