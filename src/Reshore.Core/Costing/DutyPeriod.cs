namespace Reshore.Core.Costing;

/// <summary>Part of a calendar year over which one duty rate applies, with its basis.</summary>
/// <param name="From">First day.</param>
/// <param name="To">Last day.</param>
/// <param name="RatePct">Ad valorem rate, % of the customs value.</param>
/// <param name="Input">The rate as an input of the cost line, with its source.</param>
public sealed record DutyPeriod(DateOnly From, DateOnly To, double RatePct, InputValue Input)
{
    /// <summary>Days in the period, both ends included.</summary>
    public int Days => To.DayNumber - From.DayNumber + 1;
}
