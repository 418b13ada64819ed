using System.Globalization;
using Reshore.Core.Costing;
using Reshore.Core.Costing.Formulas;
using Reshore.Core.Domain;
using Reshore.Core.Localization;
using Reshore.Core.Values;

namespace Reshore.Core.Jobs;

/// <summary>One year of an automation scenario on its own.</summary>
/// <param name="Year">Horizon year (0 = the start).</param>
/// <param name="Capex">Investment paid in the year.</param>
/// <param name="HoursSaved">Direct hours saved in the year.</param>
/// <param name="LabourSaved">Labour cost saved in the year; null when the wage is unknown.</param>
/// <param name="RunningCost">Maintenance, support staff and energy of the cells in the year.</param>
/// <param name="NetSaving">Labour saved − running cost − capex.</param>
/// <param name="CumulativeSaving">Σ net saving to the end of the year.</param>
public sealed record AutomationYear(int Year, double Capex, double HoursSaved, double? LabourSaved, double RunningCost, double? NetSaving, double? CumulativeSaving);

/// <summary>The capacity check of the cells in the year of the largest volume.</summary>
/// <param name="Year">Horizon year checked.</param>
/// <param name="RequiredHours">Cell hours the volume needs: V × cycle time ÷ 3600 ÷ OEE.</param>
/// <param name="AvailableHoursPerCell">Shifts × hours per shift × days.</param>
/// <param name="Utilisation">Required ÷ (cells × available).</param>
/// <param name="CellsNeeded">⌈required ÷ available per cell⌉.</param>
public sealed record AutomationCapacity(int Year, double RequiredHours, double AvailableHoursPerCell, double Utilisation, int CellsNeeded);

/// <summary>
/// The automation scenario of an option valued on its own (docs/model.md §16): capex against the labour it saves less its running costs,
/// with payback, NPV, the capacity of the cells, and the study's benchmark (automation closes about half of the labour-cost gap).
/// </summary>
public sealed record AutomationCase
{
    /// <summary>Step automated, or null for the option's own production.</summary>
    public string? Step { get; init; }
    /// <summary>Country of the cells.</summary>
    public required CountryCode Site { get; init; }
    /// <summary>Robot, cobot or other.</summary>
    public AutomationEquipment? Equipment { get; init; }
    /// <summary>Number of cells.</summary>
    public required int Cells { get; init; }
    /// <summary>Total capex, case currency.</summary>
    public required double Capex { get; init; }
    /// <summary>First year the cells work.</summary>
    public required int StartYear { get; init; }
    /// <summary>Year by year, from year 0.</summary>
    public required IReadOnlyList<AutomationYear> Years { get; init; }
    /// <summary>Cash payback of the automation on its own (capex against its net savings).</summary>
    public PaybackResult? Payback { get; init; }
    /// <summary>Capex ÷ the net saving of the first year at full performance; null when that saving is not positive or unknown.</summary>
    public double? SimplePaybackYears { get; init; }
    /// <summary>Present value of −capex, the net savings and the cells' book value at the horizon; null when a wage is unknown.</summary>
    public double? Npv { get; init; }
    /// <summary>Capacity check; null without cycle time, OEE and shift pattern.</summary>
    public AutomationCapacity? Capacity { get; init; }
    /// <summary>Share of the labour-cost gap per unit with the status quo that the automation closes; null when there is no gap or no reference.</summary>
    public double? GapClosed { get; init; }
    /// <summary>The study's benchmark for <see cref="GapClosed"/>.</summary>
    public double GapBenchmark => AutomationAnalyzer.GapBenchmark;
    /// <summary>Sanity checks in words.</summary>
    public required IReadOnlyList<string> Checks { get; init; }
}

/// <summary>Values an option's automation scenario on its own, from the engine's yearly automation effects.</summary>
public static class AutomationAnalyzer
{
    /// <summary>
    /// Industry 4.0 technologies (advanced robotics, cobots, …) let firms compensate about half of the labour-cost difference between a
    /// high-wage and a low-wage location (McKinsey, as cited in SERV's reshoring study, 2023).
    /// </summary>
    public const double GapBenchmark = 0.5;

    /// <summary>The automation case of <paramref name="evaluation"/>, or null when the option has no scenario.</summary>
    public static AutomationCase? Analyze(CaseContext ctx, Item item, SourcingOption option, OptionEvaluation evaluation, OptionEvaluation statusQuo, CultureInfo culture)
    {
        if (option.Automation is not { } a) return null;
        string T(string key, string en, params object?[] args) => Text.Format(culture, key, en, args);
        var h = ctx.Case.HorizonYears;
        var cells = a.Cells ?? 1;
        var capexYear = a.CapexYear ?? 0;
        var capex = cells * ctx.ToCaseCurrency(a.CapexPerCell, Math.Max(1, capexYear));
        var start = capexYear == 0 ? 1 : capexYear;
        var years = new List<AutomationYear>();
        var savings = new double[h + 1];
        var known = true;
        double cumulative = 0;
        for (var t = 0; t <= h; t++)
        {
            var effect = t == 0 ? null : evaluation.YearResults[t - 1].Automation;
            var paid = t == capexYear ? capex : 0;
            var labour = effect?.LabourSavedPerYear ?? (effect is null ? 0 : null);
            var running = effect?.RunningCostPerYear ?? 0;
            double? net = labour - running - paid;
            if (net is null) known = false;
            else savings[t] = net.Value;
            cumulative += net ?? 0;
            years.Add(new AutomationYear(t, paid, effect?.HoursSavedPerYear ?? 0, labour, running, net, known ? cumulative : null));
        }
        var residual = FinanceFormulas.ResidualBookValue(capex, a.DepreciationYears, Math.Clamp(h - start + 1, 0, a.DepreciationYears));
        var payback = known ? FinanceFormulas.Payback(savings) : null;
        double? npv = known ? FinanceFormulas.PresentValue(savings, ctx.DiscountRate) + residual * FinanceFormulas.DiscountFactor(ctx.DiscountRate, h) : null;
        // Simple payback: capex over the net saving of the first year at full performance (ramp-up over).
        var fullYear = Math.Min(h, start + (a.RampUpPct?.Count ?? 0));
        double? simple = null;
        if (fullYear >= start && years[fullYear] is { LabourSaved: { } saved } atFull && saved - atFull.RunningCost > 0) simple = capex / (saved - atFull.RunningCost);

        AutomationCapacity? capacity = null;
        if (a is { CycleTimeSeconds: { } cycle, OeePct: { } oee, ShiftsPerDay: { } shifts, HoursPerShift: { } perShift, DaysPerYear: { } days })
        {
            var siteShare = item.Markets is { Count: > 0 } markets ? markets.Where(m => MarketRuns.ServedBy(option, markets).Contains(m.Id)).Sum(m => m.SharePct) / 100 : 1;
            var peak = Enumerable.Range(1, h).MaxBy(t => TcoCostingEngine.VolumeInYear(item, t));
            var required = AutomationFormulas.RequiredCellHours(TcoCostingEngine.VolumeInYear(item, peak) * siteShare, cycle, oee / 100);
            var available = AutomationFormulas.AvailableHoursPerCell(shifts, perShift, days);
            capacity = new AutomationCapacity(peak, required, available, AutomationFormulas.Utilisation(required, cells, available), AutomationFormulas.CellsNeeded(required, available));
        }

        var site = a.Step is { } id ? option.Production?.Steps?.FirstOrDefault(s => s.Id == id)?.Country ?? option.Country : option.Country;
        var gap = GapClosed(a, evaluation, statusQuo);
        var checks = new List<string>();
        if (capacity is { } c)
            checks.Add(c.Utilisation > 1
                ? T("Auto_CapacityShort", "Capacity: the volume of year {0} needs {1:N0} cell hours, {2:P0} of the {3} cells' {4:N0} hours: {5} cells, or more shifts, are needed.", c.Year, c.RequiredHours, c.Utilisation, cells, cells * c.AvailableHoursPerCell, c.CellsNeeded)
                : T("Auto_CapacityOk", "Capacity: the volume of year {0} uses {1:P0} of the {2} cells' {3:N0} hours.", c.Year, c.Utilisation, cells, cells * c.AvailableHoursPerCell));
        if (payback is { Years: { } p } && p > a.DepreciationYears)
            checks.Add(T("Auto_PaybackBeyondLife", "The cells pay back after {0:0.0} years, later than their depreciation life of {1} years.", p, a.DepreciationYears));
        else if (payback is { Status: PaybackStatus.NotWithinHorizon or PaybackStatus.LostAgain })
            checks.Add(T("Auto_NoPayback", "The cells do not pay back within the horizon on the labour they save."));
        if (gap is { } g)
            checks.Add(g > 1
                ? T("Auto_GapOver", "The automation closes {0:P0} of the labour-cost gap per unit with the status quo: more than the whole gap, well above the study's benchmark of about half (McKinsey, cited by SERV). Check the hours saved.", g)
                : T("Auto_Gap", "The automation closes {0:P0} of the labour-cost gap per unit with the status quo; the study cites about half for Industry 4.0 adopters (McKinsey).", g));
        return new AutomationCase
        {
            Step = a.Step, Site = site, Equipment = a.Equipment, Cells = cells, Capex = capex, StartYear = start, Years = years, Payback = payback,
            SimplePaybackYears = simple, Npv = npv, Capacity = capacity, GapClosed = gap, Checks = checks,
        };
    }

    /// <summary>
    /// G = w s ÷ (w h − L_abroad) in year 1: the labour cost per unit the cells save at full performance over the gap between the manual
    /// labour cost at home and the status quo's labour cost per unit for the same work (its step of the same id, or its whole labour).
    /// </summary>
    private static double? GapClosed(AutomationScenario a, OptionEvaluation evaluation, OptionEvaluation statusQuo)
    {
        var first = evaluation.YearResults[0];
        if (first.Automation is not { WagePerHour: { } wage } effect) return null;
        var sq = statusQuo.YearResults[0];
        var entries = sq.LabourHours.Where(e => a.Step is null ? e.Source is LabourSource.Direct or LabourSource.Embodied : e.Step == a.Step).ToList();
        if (entries.Count == 0 || entries.Any(e => e.CostPerYear is null)) return null;
        var abroad = entries.Sum(e => e.CostPerYear!.Value) / sq.Volume;
        return AutomationFormulas.GapClosed(wage, effect.ManualHoursPerUnit, effect.ManualHoursPerUnit - effect.HoursSavedPerUnit, abroad);
    }
}
