using System.Globalization;
using Reshore.Core.Costing;
using Reshore.Core.Costing.Formulas;
using Reshore.Core.Domain;
using Reshore.Core.Localization;
using Reshore.Core.Values;

namespace Reshore.Core.Jobs;

/// <summary>
/// Jobs and skills of each option from the labour hours the engine computes (docs/model.md §15.2): FTE = hours ÷ hours per FTE of the
/// country (support staff as given), at home and abroad, by skill, against the status quo; the hires, lead time and training the home
/// side needs, set against the option's recruitment and training one-offs and the "skills at home" barrier; the labour-market flag.
/// </summary>
public static class JobsAnalyzer
{
    /// <summary>Model defaults of weeks to fill a vacancy, by skill (documented assumptions; override with jobs.hiringLeadTimeWeeks).</summary>
    public static SkillFte DefaultHiringLeadTimeWeeks { get; } = new(8, 16, 24);

    /// <summary>Model defaults of training hours per new hire, by skill (documented assumptions; override with jobs.trainingHoursPerHire).</summary>
    public static SkillFte DefaultTrainingHoursPerHire { get; } = new(80, 160, 120);

    /// <summary>The jobs of every option of an item, against its status quo.</summary>
    public static IReadOnlyDictionary<string, OptionJobs> Analyze(CaseContext ctx, Item item, IReadOnlyList<OptionEvaluation> options, string statusQuoId, CultureInfo culture)
    {
        var hoursPerFte = new Dictionary<CountryCode, SourcedValue?>();
        SourcedValue? Hours(CountryCode c) => hoursPerFte.TryGetValue(c, out var h) ? h : hoursPerFte[c] = WorkingTime.HoursPerFte(ctx, c);
        var years = options.ToDictionary(o => o.Id, o => o.YearResults.Select(r => Year(ctx, r, Hours)).ToList());
        var sq = years[statusQuoId];
        var (jvr, euJvr) = WorkingTime.JobVacancyRates(ctx);
        bool? tight = ctx.Case.Jobs?.LabourMarketTight ?? (jvr is { } h && euJvr is { } e ? JobsFormulas.IsTight(h.Value, e.Value) : null);
        var region = ctx.Case.Jobs?.HomeRegion ?? (ctx.Market.Countries.TryGetValue(ctx.Home, out var hp) ? hp.Name : ctx.Home.Value);
        return options.ToDictionary(o => o.Id, o =>
        {
            var own = years[o.Id];
            var list = own.Select((y, i) => y.Year with { NetFteVsStatusQuo = Net(y.Year, sq[i].Year) }).ToList();
            var option = item.Options.Single(x => x.Id == o.Id);
            var countries = o.YearResults.SelectMany(r => r.LabourHours).Select(e => e.Country).Distinct().ToList();
            return Summarise(ctx, option, o, list, own, sq, countries.ToDictionary(c => c, Hours), tight, jvr, region, culture);
        });
    }

    private sealed record YearWork(JobsYear Year, SkillFte? HomeSkills, IReadOnlyList<string> Missing);

    /// <summary>One year's FTE from the year's labour entries: known only when every entry on that side and its hours per FTE are.</summary>
    private static YearWork Year(CaseContext ctx, OptionYearResult r, Func<CountryCode, SourcedValue?> hoursPerFte)
    {
        var missing = new List<string>();
        var byCountry = r.LabourHours.GroupBy(e => e.Country).Select(g =>
        {
            double fte = 0, hours = 0;
            string? why = null;
            SkillFte skills = SkillFte.Zero;
            foreach (var e in g)
            {
                if (e.Missing is { } m) { why ??= m; continue; }
                double entryFte;
                if (e.Fte is { } given) entryFte = given;
                else if (hoursPerFte(e.Country) is { } h)
                {
                    entryFte = JobsFormulas.Fte(e.HoursPerYear!.Value, h.Value);
                    hours += e.HoursPerYear!.Value;
                }
                else { why ??= $"jobs.hoursPerFte.{e.Country}"; continue; }
                fte += entryFte;
                skills = skills.Plus(new SkillFte(entryFte * e.Skills.Operators, entryFte * e.Skills.Technicians, entryFte * e.Skills.Engineers));
            }
            if (why is not null) missing.Add(why);
            return (Country: g.Key, Fte: why is null ? fte : (double?)null, Hours: why is null ? hours : (double?)null, Skills: why is null ? skills : null, Missing: why);
        }).OrderBy(x => x.Country != ctx.Home).ThenBy(x => x.Country.Value, StringComparer.Ordinal).ToList();
        var home = byCountry.Where(x => x.Country == ctx.Home).ToList();
        var abroad = byCountry.Where(x => x.Country != ctx.Home).ToList();
        static double? Sum(IEnumerable<double?> v) => v.Aggregate((double?)0, (a, b) => a + b);
        static SkillFte? SumSkills(IEnumerable<SkillFte?> v) => v.Aggregate((SkillFte?)SkillFte.Zero, (a, b) => a is null || b is null ? null : a.Plus(b));
        var homeSkills = SumSkills(home.Select(x => x.Skills));
        var year = new JobsYear(r.Year, r.CalendarYear, Sum(home.Select(x => x.Fte)), Sum(abroad.Select(x => x.Fte)), new NetFte(0, 0, 0),
            new SkillMix(homeSkills, SumSkills(abroad.Select(x => x.Skills))),
            byCountry.Select(x => new CountryFte(x.Country, x.Fte, x.Hours, x.Missing)).ToList());
        return new YearWork(year, homeSkills, missing);
    }

    private static NetFte Net(JobsYear o, JobsYear sq)
    {
        double? total = o.FteHome + o.FteAbroad - (sq.FteHome + sq.FteAbroad);
        return new NetFte(o.FteHome - sq.FteHome, o.FteAbroad - sq.FteAbroad, total);
    }

    private static OptionJobs Summarise(CaseContext ctx, SourcingOption option, OptionEvaluation evaluation, List<JobsYear> years, List<YearWork> own, List<YearWork> sq,
        Dictionary<CountryCode, SourcedValue?> hoursPerFte, bool? tight, SourcedValue? jvr, string region, CultureInfo culture)
    {
        string T(string key, string en, params object?[] args) => Text.Format(culture, key, en, args);
        var notes = new List<string>();
        // The rate is the region's when the case gives it, else the home country's (Eurostat).
        var rateArea = ctx.Case.Jobs?.JobVacancyRatePct is not null ? region : ctx.Market.Countries.TryGetValue(ctx.Home, out var homeProfile) ? homeProfile.Name : ctx.Home.Value;
        SkillFte? hires = null, reductions = null;
        if (own.All(y => y.HomeSkills is not null) && sq.All(y => y.HomeSkills is not null))
        {
            double Hire(Func<SkillFte, double> skill, List<YearWork> a, List<YearWork> b) =>
                JobsFormulas.Hires(a.Select(y => skill(y.HomeSkills!)).ToList(), b.Select(y => skill(y.HomeSkills!)).ToList());
            hires = new SkillFte(Hire(s => s.Operators, own, sq), Hire(s => s.Technicians, own, sq), Hire(s => s.Engineers, own, sq));
            reductions = new SkillFte(Hire(s => s.Operators, sq, own), Hire(s => s.Technicians, sq, own), Hire(s => s.Engineers, sq, own));
        }
        var settings = ctx.Case.Jobs;
        var lead = new SkillFte(settings?.HiringLeadTimeWeeks?.Operators ?? DefaultHiringLeadTimeWeeks.Operators,
            settings?.HiringLeadTimeWeeks?.Technicians ?? DefaultHiringLeadTimeWeeks.Technicians, settings?.HiringLeadTimeWeeks?.Engineers ?? DefaultHiringLeadTimeWeeks.Engineers);
        var perHire = new SkillFte(settings?.TrainingHoursPerHire?.Operators ?? DefaultTrainingHoursPerHire.Operators,
            settings?.TrainingHoursPerHire?.Technicians ?? DefaultTrainingHoursPerHire.Technicians, settings?.TrainingHoursPerHire?.Engineers ?? DefaultTrainingHoursPerHire.Engineers);
        const double AtLeastOne = 0.05;   // below a twentieth of an FTE nobody is hired
        double? leadTime = hires is null ? null
            : new[] { (hires.Operators, lead.Operators), (hires.Technicians, lead.Technicians), (hires.Engineers, lead.Engineers) }
                .Where(x => x.Item1 > AtLeastOne).Select(x => (double?)x.Item2).DefaultIfEmpty(null).Max();
        double? training = hires is null ? null : hires.Operators * perHire.Operators + hires.Technicians * perHire.Technicians + hires.Engineers * perHire.Engineers;
        if (training is not null && option.Automation is { Skills.UpskillingHoursPerOperator: { } upskill } a)
        {
            // The operators who stay at the automated place are trained to work with the cells, in the year the cells start.
            var start = a.CapexYear is null or 0 ? 1 : a.CapexYear.Value;
            var site = a.Step is { } id ? option.Production?.Steps?.FirstOrDefault(s => s.Id == id)?.Country ?? option.Country : option.Country;
            var operators = evaluation.YearResults.FirstOrDefault(r => r.Year == start)?.LabourHours
                .Where(e => e.Country == site && e.Step == a.Step && e.Source == LabourSource.Direct && e.HoursPerYear is not null)
                .Sum(e => hoursPerFte.GetValueOrDefault(site) is { } h ? e.HoursPerYear!.Value / h.Value * e.Skills.Operators : 0) ?? 0;
            training += operators * upskill;
        }
        var oneOffs = option.Transition?.OneOffCosts ?? [];
        double? Sum(OneOffCostType type) => oneOffs.Any(c => c.Type == type) ? oneOffs.Where(c => c.Type == type).Sum(c => TransitionAmounts.OneOff(ctx, c, c.Year ?? 0)) : null;
        var recruitment = Sum(OneOffCostType.Recruitment);
        var trainingCost = Sum(OneOffCostType.Training);
        var money = (double v) => v.ToString("N0", culture) + " " + ctx.Currency.Value;
        var hired = hires?.Total ?? 0;
        if (hired > AtLeastOne)
        {
            notes.Add(recruitment is { } rc
                ? T("Jobs_RecruitmentPerHire", "Recruitment: {0} for {1:N1} FTE to hire at home ({2} per hire).", money(rc), hired, money(rc / hired))
                : T("Jobs_NoRecruitment", "{0:N1} FTE to hire at home, but no recruitment one-off cost: add transition.oneOffCosts of type recruitment.", hired));
            if (training is > 0)
                notes.Add(trainingCost is { } tc
                    ? T("Jobs_TrainingPerHour", "Training: {0} for about {1:N0} training hours ({2} per hour).", money(tc), training, money(tc / training.Value))
                    : T("Jobs_NoTraining", "About {0:N0} training hours needed, but no training one-off cost: add transition.oneOffCosts of type training.", training));
            if (tight == true)
                notes.Add(jvr is { } rate
                    ? T("Jobs_Tight", "The home labour market is tight (job vacancy rate {0:0.0}%, {1}): filling the vacancies may take longer than {2:N0} weeks.", rate.Value, rateArea, leadTime ?? 0)
                    : T("Jobs_TightGiven", "The home labour market is tight (jobs.labourMarketTight): filling the vacancies may take longer than {0:N0} weeks.", leadTime ?? 0));
        }
        foreach (var b in ctx.Case.MotivesAndBarriers?.Barriers ?? [])
        {
            if (b.Barrier != "homeSkills" || (b.Option is not null && b.Option != option.Id) || hired <= AtLeastOne) continue;
            var linked = b.Option == option.Id && b.OneOffCost is { } k && k < oneOffs.Count && oneOffs[k].Type is OneOffCostType.Recruitment or OneOffCostType.Training;
            notes.Add(linked
                ? T("Jobs_SkillsBarrierPriced", "The 'skills at home' barrier is priced by one-off cost [{0}] ({1}).", b.OneOffCost, oneOffs[b.OneOffCost!.Value].Description ?? oneOffs[b.OneOffCost.Value].Type.ToString())
                : T("Jobs_SkillsBarrierOpen", "The 'skills at home' barrier is open: {0:N1} FTE to hire and about {1:N0} training hours, not linked to a recruitment or training one-off.", hired, training ?? 0));
        }
        return new OptionJobs
        {
            Years = years,
            HoursPerFte = hoursPerFte,
            HiresHome = hires,
            HomeReductions = reductions,
            HiringLeadTimeWeeks = leadTime,
            TrainingHours = training,
            RecruitmentOneOff = recruitment,
            TrainingOneOff = trainingCost,
            LabourMarketTight = tight,
            JobVacancyRatePct = jvr,
            HomeRegion = region,
            Notes = notes,
            Missing = own.SelectMany(y => y.Missing).Distinct().ToList(),
        };
    }
}
