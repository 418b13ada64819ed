using Reshore.Core.Values;

namespace Reshore.Core.Jobs;

/// <summary>FTE by skill.</summary>
/// <param name="Operators">Operators and assemblers.</param>
/// <param name="Technicians">Technicians and maintenance staff.</param>
/// <param name="Engineers">Engineers.</param>
public sealed record SkillFte(double Operators, double Technicians, double Engineers)
{
    /// <summary>All skills.</summary>
    public double Total => Operators + Technicians + Engineers;

    /// <summary>Zero in every skill.</summary>
    public static SkillFte Zero { get; } = new(0, 0, 0);

    /// <summary>Sum by skill.</summary>
    public SkillFte Plus(SkillFte o) => new(Operators + o.Operators, Technicians + o.Technicians, Engineers + o.Engineers);

    /// <summary>Difference by skill.</summary>
    public SkillFte Minus(SkillFte o) => new(Operators - o.Operators, Technicians - o.Technicians, Engineers - o.Engineers);
}

/// <summary>The change against the status quo, at home, abroad and in total; each null when either side is unknown.</summary>
public sealed record NetFte(double? Home, double? Abroad, double? Total);

/// <summary>The skill mix at home and abroad in FTE; each null when that side is unknown.</summary>
public sealed record SkillMix(SkillFte? Home, SkillFte? Abroad);

/// <summary>FTE in one country in one year.</summary>
/// <param name="Country">Country.</param>
/// <param name="Fte">FTE, or null when unknown.</param>
/// <param name="HoursPerYear">Hours worked per year behind them (direct, embodied; support staff in FTE only), or null.</param>
/// <param name="Missing">What to give when unknown.</param>
public sealed record CountryFte(CountryCode Country, double? Fte, double? HoursPerYear, string? Missing);

/// <summary>Jobs of an option in one year of the horizon.</summary>
/// <param name="Year">Horizon year (1-based).</param>
/// <param name="CalendarYear">Calendar year.</param>
/// <param name="FteHome">FTE in the home country, or null when unknown.</param>
/// <param name="FteAbroad">FTE in every other country, or null when unknown.</param>
/// <param name="NetFteVsStatusQuo">This option's FTE less the status quo's, at home, abroad and in total.</param>
/// <param name="SkillMix">Operators, technicians and engineers at home and abroad.</param>
/// <param name="ByCountry">FTE per country.</param>
public sealed record JobsYear(int Year, int CalendarYear, double? FteHome, double? FteAbroad, NetFte NetFteVsStatusQuo, SkillMix SkillMix, IReadOnlyList<CountryFte> ByCountry);

/// <summary>
/// The jobs and skills of one option (docs/model.md §15.2): FTE at home and abroad per year, the net change against the status quo, the
/// skill mix, the hires, hiring lead time and training the move needs at home and how the case's recruitment and training one-offs
/// and its "skills at home" barrier cover them, and whether the home labour market is tight.
/// </summary>
public sealed record OptionJobs
{
    /// <summary>Year by year, from year 1.</summary>
    public required IReadOnlyList<JobsYear> Years { get; init; }
    /// <summary>Hours worked per FTE per year in each country involved, with source; a country without one leaves its FTE unknown.</summary>
    public required IReadOnlyDictionary<CountryCode, SourcedValue?> HoursPerFte { get; init; }
    /// <summary>Hires at home by skill: the largest shortfall over the horizon against the status quo's home FTE; null when unknown.</summary>
    public SkillFte? HiresHome { get; init; }
    /// <summary>Home FTE no longer needed by skill: the largest excess of the status quo's home FTE over this option's; null when unknown.</summary>
    public SkillFte? HomeReductions { get; init; }
    /// <summary>Weeks to fill the vacancies: the longest lead time of the skills hired; null when nothing is hired or unknown.</summary>
    public double? HiringLeadTimeWeeks { get; init; }
    /// <summary>Training hours the move needs: hires × hours per hire by skill, plus the automation's upskilling of the operators who stay.</summary>
    public double? TrainingHours { get; init; }
    /// <summary>Recruitment one-off costs of the option (case currency), or null when it has none.</summary>
    public double? RecruitmentOneOff { get; init; }
    /// <summary>Training one-off costs of the option (case currency), or null when it has none.</summary>
    public double? TrainingOneOff { get; init; }
    /// <summary>Whether the home labour market is tight (case, or job vacancy rate ≥ 1.5 × the EU's); null when unknown.</summary>
    public bool? LabourMarketTight { get; init; }
    /// <summary>Job vacancy rate of the home region, with its source.</summary>
    public SourcedValue? JobVacancyRatePct { get; init; }
    /// <summary>Home region shown with the tightness flag.</summary>
    public required string HomeRegion { get; init; }
    /// <summary>Findings in words: hires without a recruitment or training one-off, the skills barrier, a tight market.</summary>
    public required IReadOnlyList<string> Notes { get; init; }
    /// <summary>What to give for the FTE that are unknown.</summary>
    public required IReadOnlyList<string> Missing { get; init; }
}
