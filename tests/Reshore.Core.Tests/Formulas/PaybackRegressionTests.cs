using Reshore.Core.Costing.Formulas;

namespace Reshore.Core.Tests.Formulas;

/// <summary>Payback when the cumulative saving starts at zero or above and then dips (found in review).</summary>
public sealed class PaybackRegressionTests
{
    [Fact]
    public void A_dip_after_a_non_negative_start_counts_from_its_recovery()
    {
        // Cumulative 10, −10, 20: negative in year 1, back to zero at 1 + 10/30.
        Assert.Equal(1 + 10.0 / 30, FinanceFormulas.PaybackYears([10, -20, 30])!.Value, 12);
        // Cumulative 0, −20, 10: 1 + 20/30.
        Assert.Equal(1 + 20.0 / 30, FinanceFormulas.PaybackYears([0, -20, 30])!.Value, 12);
    }

    [Fact]
    public void An_option_without_upfront_cost_that_costs_more_every_year_never_pays_back()
    {
        Assert.Null(FinanceFormulas.PaybackYears([0, -500, -500]));
    }
}
