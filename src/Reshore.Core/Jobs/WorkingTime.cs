using System.Globalization;
using Reshore.Core.Costing;
using Reshore.Core.Costing.Formulas;
using Reshore.Core.MarketData;
using Reshore.Core.Values;

namespace Reshore.Core.Jobs;

/// <summary>Hours per FTE and the home labour market, from the case's jobs settings, the reference data or documented model defaults.</summary>
public static class WorkingTime
{
    /// <summary>Working weeks per year of a full-time worker: 52 less four weeks' minimum paid annual leave (Directive 2003/88/EC, Art. 7) and about two weeks of public holidays.</summary>
    public const double DefaultWorkingWeeks = 46;

    /// <summary>Hours worked per FTE per year in a country, with its source; null when neither the case nor the reference data give it.</summary>
    public static SourcedValue? HoursPerFte(CaseContext ctx, CountryCode country)
    {
        var jobs = ctx.Case.Jobs;
        if (jobs?.HoursPerFte is { } given && given.TryGetValue(country.Value, out var h))
            return new SourcedValue(h, "case: jobs.hoursPerFte", null);
        if (!ctx.Market.LabourMarkets.TryGetValue(country.Value, out var market) || market.WeeklyHoursFullTime is not { } weekly) return null;
        var weeks = jobs?.WorkingWeeksPerYear ?? DefaultWorkingWeeks;
        var weeksSource = jobs?.WorkingWeeksPerYear is null ? "model assumption: 52 − 4 weeks' minimum leave (Directive 2003/88/EC) − 2 weeks of public holidays" : "case: jobs.workingWeeksPerYear";
        return new SourcedValue(JobsFormulas.HoursPerFte(weekly.Value, weeks),
            string.Create(CultureInfo.InvariantCulture, $"derived: {weekly.Value:0.0} h/week × {weeks:0.#} weeks; weekly hours: {weekly.Source}{(market.HoursBasis is { } b ? $" [{b}]" : "")}; weeks: {weeksSource}"), weekly.Year);
    }

    /// <summary>The home region's job vacancy rate with its source (case, else the home country's reference rate), and the EU's; null when unknown.</summary>
    public static (SourcedValue? Home, SourcedValue? Eu) JobVacancyRates(CaseContext ctx)
    {
        var jobs = ctx.Case.Jobs;
        SourcedValue? home = jobs?.JobVacancyRatePct is { } r
            ? new SourcedValue(r, "case: jobs.jobVacancyRatePct", null)
            : ctx.Market.LabourMarkets.TryGetValue(ctx.Home.Value, out var m) ? m.JobVacancyRatePct : null;
        var eu = ctx.Market.LabourMarkets.TryGetValue(LabourMarketProfile.Eu, out var e) ? e.JobVacancyRatePct : null;
        return (home, eu);
    }
}
