using Reshore.Core.Values;

namespace Reshore.Core.MarketData;

/// <summary>Working time and labour-market tightness of a country (or the EU as a whole), for the jobs and skills view.</summary>
/// <param name="Code">ISO alpha-2 code, or "EU" for the EU-27 aggregate.</param>
/// <param name="WeeklyHoursFullTime">Hours worked per week of full-time employment (usual hours), with source and year; null when not held.</param>
/// <param name="HoursBasis">What the weekly hours cover (e.g. full-time employed persons, usual hours).</param>
/// <param name="JobVacancyRatePct">Job vacancy rate, %, with source and year; null when not held.</param>
public sealed record LabourMarketProfile(string Code, SourcedValue? WeeklyHoursFullTime, string? HoursBasis, SourcedValue? JobVacancyRatePct)
{
    /// <summary>Key of the EU-27 aggregate row.</summary>
    public const string Eu = "EU";
}
