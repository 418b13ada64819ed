using Reshore.Core.Costing.Formulas;

namespace Reshore.Core.Tests.Formulas;

/// <summary>Jobs (§15.1), automation (§16.1) and process-step (§17) formulas against values worked by hand.</summary>
public class JobsAutomationChainFormulasTests
{
    [Fact]
    public void Hours_per_fte_are_weekly_hours_times_working_weeks()
    {
        FormulaAssert.Near(1844.6, JobsFormulas.HoursPerFte(40.1, 46), 1e-9, "HoursPerFte(40.1 h, 46 weeks)");   // Belgium, full-time, 2024
        FormulaAssert.Near(1968.8, JobsFormulas.HoursPerFte(42.8, 46), 1e-9, "HoursPerFte(42.8 h, 46 weeks)");   // Serbia
    }

    [Fact]
    public void Fte_is_hours_over_hours_per_fte()
    {
        FormulaAssert.Near(78.22024, JobsFormulas.Fte(154_000, 1968.8), 1e-5, "Fte(154,000 h, 1,968.8 h)");     // 3.85 h × 40,000 units in Serbia
        Assert.Throws<ArgumentOutOfRangeException>(() => JobsFormulas.Fte(100, 0));
    }

    [Fact]
    public void Embodied_hours_are_the_labour_part_of_the_price_over_the_wage()
    {
        // A 7.35 EUR assembly price, 37% of it labour, at 24 EUR/h: 2.7195 ÷ 24 = 0.1133125 h per unit.
        FormulaAssert.Near(0.1133125, JobsFormulas.EmbodiedHoursPerUnit(0.37 * 7.35, 24), 1e-12, "EmbodiedHoursPerUnit(2.7195, 24)");
        Assert.Throws<ArgumentOutOfRangeException>(() => JobsFormulas.EmbodiedHoursPerUnit(1, 0));
    }

    [Fact]
    public void Hires_are_the_largest_shortfall_against_the_status_quo()
    {
        Assert.Equal(2, JobsFormulas.Hires([1, 3, 2], [0, 1, 1]));    // year 2: 3 − 1
        Assert.Equal(0, JobsFormulas.Hires([1, 1], [2, 3]));          // fewer than today: nobody hired
    }

    [Theory]
    [InlineData(4.2, 2.3, true)]    // Belgium Q3 2024: 4.2 ≥ 1.5 × 2.3 = 3.45
    [InlineData(3.0, 2.3, false)]   // Germany: 3.0 < 3.45
    [InlineData(3.45, 2.3, true)]   // the limit is tight
    public void A_labour_market_is_tight_from_one_and_a_half_times_the_eu_vacancy_rate(double rate, double eu, bool tight) =>
        Assert.Equal(tight, JobsFormulas.IsTight(rate, eu));

    [Theory]
    [InlineData(1, 0, 0.0)]    // before the cells start
    [InlineData(1, 1, 0.6)]    // first year: 60%
    [InlineData(1, 2, 0.9)]
    [InlineData(1, 3, 1.0)]    // after the ramp-up list
    [InlineData(3, 2, 0.0)]    // cells bought in year 3
    [InlineData(3, 3, 0.6)]
    public void Ramp_up_runs_from_the_year_the_cells_start(int start, int year, double expected) =>
        Assert.Equal(expected, AutomationFormulas.RampShare([60, 90], start, year), 12);

    [Fact]
    public void Without_a_ramp_up_the_saving_is_full_from_the_start() => Assert.Equal(1, AutomationFormulas.RampShare(null, 1, 1));

    [Fact]
    public void Hours_after_automation_never_go_below_zero()
    {
        FormulaAssert.Near(0.48, AutomationFormulas.HoursAfterAutomation(0.9, 0.7, 0.6), 1e-12, "HoursAfterAutomation(0.9, 0.7, 0.6)");   // 0.9 − 0.42
        Assert.Equal(0, AutomationFormulas.HoursAfterAutomation(0.5, 0.7, 1));
    }

    [Fact]
    public void Capacity_check_compares_required_with_available_cell_hours()
    {
        Assert.Equal(3600, AutomationFormulas.AvailableHoursPerCell(2, 8, 225));                   // 2 shifts × 8 h × 225 days
        var required = AutomationFormulas.RequiredCellHours(52_190, 300, 0.75);                     // 52,190 × 300 s ÷ 3600 ÷ 0.75
        FormulaAssert.Near(5798.888889, required, 1e-6, "RequiredCellHours(52,190, 300 s, 75%)");
        FormulaAssert.Near(0.805401, AutomationFormulas.Utilisation(required, 2, 3600), 1e-6, "Utilisation");
        Assert.Equal(2, AutomationFormulas.CellsNeeded(required, 3600));
        Assert.Equal(2, AutomationFormulas.CellsNeeded(7200, 3600));                               // exactly two cells' hours
        Assert.Equal(3, AutomationFormulas.CellsNeeded(7200.5, 3600));
    }

    [Fact]
    public void Gap_closed_is_the_saving_over_the_labour_cost_gap()
    {
        // 57.5 EUR/h at home, 0.9 h manual, 0.2 h automated; 7.05 EUR/unit abroad: 57.5 × 0.7 ÷ (51.75 − 7.05) = 40.25 ÷ 44.7.
        FormulaAssert.Near(0.9004474, AutomationFormulas.GapClosed(57.5, 0.9, 0.2, 7.05)!.Value, 1e-7, "GapClosed");
        Assert.Null(AutomationFormulas.GapClosed(10, 0.5, 0.2, 6));   // home manual labour (5) no dearer than abroad (6): no gap
    }

    [Fact]
    public void Duty_base_is_the_value_at_the_border_or_the_processing_cost_under_outward_processing()
    {
        Assert.Equal(110, ChainFormulas.DutyBase(100, 10, null, false));   // value + inbound freight
        Assert.Equal(110, ChainFormulas.DutyBase(100, 10, 60, false));
        Assert.Equal(40, ChainFormulas.DutyBase(100, 10, 60, true));       // processing abroad: 100 − 60
        Assert.Equal(110, ChainFormulas.DutyBase(100, 10, null, true));    // never left the EU: whole value
    }

    [Fact]
    public void Pipeline_of_semi_finished_goods_sums_value_days_over_the_legs()
    {
        // (100 × 0.18 × 3 + 150 × 0.18 × 3) ÷ 365 = 135 ÷ 365.
        FormulaAssert.Near(0.3698630, ChainFormulas.Pipeline([(100, 3), (150, 3)], 0.18), 1e-7, "Pipeline");
    }
}
