using Reshore.Core.Values;

namespace Reshore.Core.Costing;

/// <summary>Where the hours of an option come from.</summary>
public enum LabourSource
{
    /// <summary>Direct labour of an own plant or own process step (hours per unit × volume).</summary>
    Direct,
    /// <summary>Hours embodied in a supplier's or subcontractor's price: labour share × price ÷ the country's labour cost per hour.</summary>
    Embodied,
    /// <summary>Support staff of an automation scenario (technicians, engineers), given in FTE.</summary>
    AutomationSupport,
}

/// <summary>Operators, technicians and engineers as fractions that add up to 1.</summary>
public sealed record SkillSplit(double Operators, double Technicians, double Engineers)
{
    /// <summary>All operators: the model default for direct labour.</summary>
    public static SkillSplit AllOperators { get; } = new(1, 0, 0);
}

/// <summary>
/// Labour of one option in one year at one place: hours per year (or FTE, for automation support staff), its skill split, and why it
/// is unknown when it is. An unknown entry is never counted as zero hours.
/// </summary>
/// <param name="Country">Where the work is done.</param>
/// <param name="Step">Process step id, or null for the option's own production.</param>
/// <param name="Source">Direct, embodied in a price, or automation support staff.</param>
/// <param name="HoursPerYear">Hours worked per year; null when unknown or given in FTE.</param>
/// <param name="Fte">FTE given by the case (automation support staff); null otherwise.</param>
/// <param name="Skills">Skill split of the hours or FTE.</param>
/// <param name="Missing">What to give when the hours are unknown; null when known.</param>
/// <param name="CostPerYear">Labour cost of these hours per year in the case currency, when known (direct labour at its wage; the labour
/// part of a price).</param>
public sealed record LabourHoursEntry(CountryCode Country, string? Step, LabourSource Source, double? HoursPerYear, double? Fte, SkillSplit Skills, string? Missing, double? CostPerYear = null)
{
    /// <summary>True when the hours (or FTE) are known.</summary>
    public bool Known => Missing is null;

    /// <summary>The entry with its hours and FTE multiplied by <paramref name="factor"/>.</summary>
    public LabourHoursEntry Scaled(double factor) => this with { HoursPerYear = HoursPerYear * factor, Fte = Fte * factor, CostPerYear = CostPerYear * factor };
}

/// <summary>
/// What an automation scenario does to one option-year: the direct labour cost and hours it saves against the manual process, and its
/// running cost (maintenance, support staff, energy). Summed per year over an option's market runs.
/// </summary>
/// <param name="LabourSavedPerYear">w_t × (h_manual,t − h_t) ÷ π × V, case currency; null when the wage is unknown.</param>
/// <param name="HoursSavedPerYear">(h_manual,t − h_t) ÷ π × V.</param>
/// <param name="RunningCostPerYear">The automation line per year: maintenance and support staff (their share) + energy × V.</param>
/// <param name="WagePerHour">Labour cost per hour at the automated place this year, case currency; null when unknown.</param>
/// <param name="ManualHoursPerUnit">h, the manual process's hours per unit as given.</param>
/// <param name="HoursSavedPerUnit">s, the hours saved per unit at full performance.</param>
public sealed record AutomationEffect(double? LabourSavedPerYear, double HoursSavedPerYear, double RunningCostPerYear, double? WagePerHour, double ManualHoursPerUnit, double HoursSavedPerUnit)
{
    /// <summary>The sum of two runs' effects in one year.</summary>
    public AutomationEffect Plus(AutomationEffect o) => new(LabourSavedPerYear + o.LabourSavedPerYear, HoursSavedPerYear + o.HoursSavedPerYear,
        RunningCostPerYear + o.RunningCostPerYear, WagePerHour ?? o.WagePerHour, ManualHoursPerUnit, HoursSavedPerUnit);
}
