using System.Text.Json;
using Reshore.Core.Costing;
using Reshore.Core.Jobs;

namespace Reshore.Data.Output;

#pragma warning disable CS1591 // The fields are documented in docs/model.md §15–16; one comment per field would repeat them.

/// <summary>An option's jobs in the evaluation JSON (options[].jobs). Field names are a public contract: add fields, never rename.</summary>
public sealed record JobsDocument(
    IReadOnlyList<JobsYearDocument> Years, IReadOnlyDictionary<string, HoursPerFteDocument?> HoursPerFte, SkillDocument? HiresHome, SkillDocument? HomeReductions,
    double? HiringLeadTimeWeeks, double? TrainingHours, double? RecruitmentOneOff, double? TrainingOneOff, LabourMarketDocument LabourMarket,
    IReadOnlyList<string> Notes, IReadOnlyList<string> Missing);

public sealed record JobsYearDocument(int Year, int CalendarYear, double? FteHome, double? FteAbroad, NetFteDocument NetFteVsStatusQuo, SkillMixDocument SkillMix,
    IReadOnlyList<CountryFteDocument> ByCountry);

public sealed record NetFteDocument(double? Home, double? Abroad, double? Total);

public sealed record SkillMixDocument(SkillDocument? Home, SkillDocument? Abroad);

public sealed record SkillDocument(double Operators, double Technicians, double Engineers, double Total);

public sealed record CountryFteDocument(string Country, double? Fte, double? HoursPerYear, string? Missing);

public sealed record HoursPerFteDocument(double Value, string Source, int? Year);

public sealed record LabourMarketDocument(string Region, bool? Tight, double? JobVacancyRatePct, string? Source);

/// <summary>An option's automation scenario on its own (options[].automation).</summary>
public sealed record AutomationDocument(
    string? Step, string Site, string? Equipment, int Cells, double Capex, int StartYear, IReadOnlyList<AutomationYearDocument> Years, PaybackDocument? Payback,
    double? SimplePaybackYears, double? Npv, CapacityDocument? Capacity, double? GapClosed, double GapBenchmark, IReadOnlyList<string> Checks);

public sealed record AutomationYearDocument(int Year, double Capex, double HoursSaved, double? LabourSaved, double RunningCost, double? NetSaving, double? CumulativeSaving);

public sealed record CapacityDocument(int Year, double RequiredHours, double AvailableHoursPerCell, double Utilisation, int CellsNeeded);

/// <summary>Who serves one of the item's markets in an option (options[].markets).</summary>
public sealed record MarketServiceDocument(string Market, string? Name, string Country, double SharePct, string ServedByOptionId, string ServedFrom, string Delivery, double TcoPerUnit);

#pragma warning restore CS1591

/// <summary>The jobs, automation and market parts of the evaluation JSON.</summary>
public static class JobsJson
{
    private static string Code<TEnum>(TEnum value) where TEnum : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    private static SkillDocument? Skill(SkillFte? s) => s is null ? null : new SkillDocument(s.Operators, s.Technicians, s.Engineers, s.Total);

    /// <summary>options[].jobs.</summary>
    public static JobsDocument? Jobs(OptionJobs? j) => j is null ? null : new JobsDocument(
        j.Years.Select(y => new JobsYearDocument(y.Year, y.CalendarYear, y.FteHome, y.FteAbroad,
            new NetFteDocument(y.NetFteVsStatusQuo.Home, y.NetFteVsStatusQuo.Abroad, y.NetFteVsStatusQuo.Total),
            new SkillMixDocument(Skill(y.SkillMix.Home), Skill(y.SkillMix.Abroad)),
            y.ByCountry.Select(c => new CountryFteDocument(c.Country.Value, c.Fte, c.HoursPerYear, c.Missing)).ToList())).ToList(),
        j.HoursPerFte.OrderBy(kv => kv.Key.Value, StringComparer.Ordinal)
            .ToDictionary(kv => kv.Key.Value, kv => kv.Value is { } h ? new HoursPerFteDocument(h.Value, h.Source, h.Year) : null),
        Skill(j.HiresHome), Skill(j.HomeReductions), j.HiringLeadTimeWeeks, j.TrainingHours, j.RecruitmentOneOff, j.TrainingOneOff,
        new LabourMarketDocument(j.HomeRegion, j.LabourMarketTight, j.JobVacancyRatePct?.Value, j.JobVacancyRatePct?.Source), j.Notes, j.Missing);

    /// <summary>options[].automation.</summary>
    public static AutomationDocument? Automation(AutomationCase? a) => a is null ? null : new AutomationDocument(
        a.Step, a.Site.Value, a.Equipment is { } e ? Code(e) : null, a.Cells, a.Capex, a.StartYear,
        a.Years.Select(y => new AutomationYearDocument(y.Year, y.Capex, y.HoursSaved, y.LabourSaved, y.RunningCost, y.NetSaving, y.CumulativeSaving)).ToList(),
        a.Payback is { } p ? new PaybackDocument(Code(p.Status), p.Years, p.FirstRecoveryYears, p.LossFromYear) : null,
        a.SimplePaybackYears, a.Npv,
        a.Capacity is { } c ? new CapacityDocument(c.Year, c.RequiredHours, c.AvailableHoursPerCell, c.Utilisation, c.CellsNeeded) : null,
        a.GapClosed, a.GapBenchmark, a.Checks);

    /// <summary>options[].markets.</summary>
    public static IReadOnlyList<MarketServiceDocument> Markets(IReadOnlyList<MarketService> markets) =>
        markets.Select(m => new MarketServiceDocument(m.MarketId, m.Name, m.Country.Value, m.SharePct, m.ServedByOptionId, m.ServedFrom.Value, Code(m.Delivery), m.TcoPerUnit)).ToList();
}
