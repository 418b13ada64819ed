namespace Reshore.Core.Costing.Formulas;

/// <summary>The automation scenario: ramp-up, hours after automation, capacity and the gap it closes (docs/model.md §16).</summary>
public static class AutomationFormulas
{
    /// <summary>
    /// Share of the hours saved reached in year t of a scenario whose cells start in year s: 0 before s; r_k (the k-th ramp-up value,
    /// k = t − s + 1, as a fraction) while the ramp-up list runs; 1 after it (and from year s when no ramp-up is given).
    /// </summary>
    public static double RampShare(IReadOnlyList<double>? rampUpPct, int startYear, int year)
    {
        if (year < startYear) return 0;
        var k = year - startYear + 1;
        return rampUpPct is { Count: > 0 } r && k <= r.Count ? r[k - 1] / 100 : 1;
    }

    /// <summary>Direct hours per unit left after automation: max(0, h − s × r), before learning.</summary>
    public static double HoursAfterAutomation(double manualHours, double hoursSaved, double rampShare) => Math.Max(0, manualHours - hoursSaved * rampShare);

    /// <summary>Hours a cell is available per year: shifts per day × hours per shift × days per year.</summary>
    public static double AvailableHoursPerCell(double shiftsPerDay, double hoursPerShift, double daysPerYear) => shiftsPerDay * hoursPerShift * daysPerYear;

    /// <summary>Cell hours the volume needs: V × cycle time (s) ÷ 3600 ÷ OEE.</summary>
    public static double RequiredCellHours(double volume, double cycleTimeSeconds, double oee)
    {
        if (!(oee > 0)) throw new ArgumentOutOfRangeException(nameof(oee), oee, "The OEE must be positive.");
        return volume * cycleTimeSeconds / 3600 / oee;
    }

    /// <summary>Utilisation of the cells: required hours ÷ (cells × available hours per cell).</summary>
    public static double Utilisation(double requiredHours, int cells, double availableHoursPerCell) =>
        cells * availableHoursPerCell > 0 ? requiredHours / (cells * availableHoursPerCell) : double.PositiveInfinity;

    /// <summary>Cells needed for the volume: ⌈required hours ÷ available hours per cell⌉.</summary>
    public static int CellsNeeded(double requiredHours, double availableHoursPerCell) =>
        availableHoursPerCell > 0 ? (int)Math.Ceiling(requiredHours / availableHoursPerCell - 1e-9) : int.MaxValue;

    /// <summary>
    /// Share of the labour-cost gap per unit the automation closes: (w h − w h_a) ÷ (w h − L_abroad), the labour cost per unit it saves
    /// at home over the difference between the manual home labour cost and the labour cost per unit abroad. Null when there is no gap
    /// (home manual labour no dearer than abroad).
    /// </summary>
    public static double? GapClosed(double homeWage, double manualHours, double automatedHours, double abroadLabourPerUnit)
    {
        var gap = homeWage * manualHours - abroadLabourPerUnit;
        return gap > 0 ? homeWage * (manualHours - automatedHours) / gap : null;
    }
}
