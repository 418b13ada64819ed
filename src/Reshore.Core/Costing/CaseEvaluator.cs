using System.Globalization;
using Reshore.Core.Costing.Formulas;
using Reshore.Core.Domain;
using Reshore.Core.Localization;
using Reshore.Core.MarketData;

namespace Reshore.Core.Costing;

/// <summary>
/// Evaluates a case: runs the TCO engine for every option and year, builds each option's business case
/// (running costs, one-off costs, incentives, residual value, present value, saving and payback against the
/// status quo), picks the option with the lowest present cost and explains the choice by its three largest drivers.
/// </summary>
public sealed class CaseEvaluator(TcoCostingEngine engine)
{
    /// <summary>An evaluator with the default engine.</summary>
    public CaseEvaluator() : this(new TcoCostingEngine()) { }

    /// <summary>The engine for present costs alone: the same amounts, no notes or sources.</summary>
    private static readonly TcoCostingEngine Unexplained = new(explain: false);

    /// <summary>Evaluates a validated case against reference data, writing text in <paramref name="culture"/>.</summary>
    public CaseEvaluation Evaluate(ReshoringCase reshoringCase, MarketSnapshot market, CultureInfo culture)
    {
        var ctx = new CaseContext(reshoringCase, market);
        return new CaseEvaluation
        {
            CaseName = reshoringCase.Name,
            Company = reshoringCase.Company,
            Currency = ctx.Currency,
            HomeCountry = ctx.Home,
            BaseYear = reshoringCase.BaseYear,
            HorizonYears = reshoringCase.HorizonYears,
            DiscountRatePct = reshoringCase.DiscountRatePct,
            ReferenceDataVersion = market.Version,
            ReferenceDataAsOf = market.AsOf,
            Items = reshoringCase.Items.Select(i => EvaluateItem(ctx, i, culture)).ToList(),
        };
    }

    /// <summary>
    /// The present cost of each option of item <paramref name="itemId"/> (all cost lines, and hard lines only), as <see cref="Evaluate"/>
    /// computes them for that item alone, without the business-case table, jobs, drivers, explanation, support and scorecard that do
    /// not change a cost: what a search over an input value (break-even, recommendation flips, tornado) needs at each step.
    /// </summary>
    public IReadOnlyList<OptionPresentCost> PresentCosts(ReshoringCase reshoringCase, MarketSnapshot market, string itemId, CultureInfo culture)
    {
        var item = reshoringCase.Items.FirstOrDefault(i => i.Id == itemId)
            ?? throw new ArgumentException($"Unknown item '{itemId}'; items: {string.Join(", ", reshoringCase.Items.Select(i => i.Id))}.");
        var ctx = new CaseContext(reshoringCase with { Items = [item] }, market);
        var horizon = ctx.Case.HorizonYears;
        return item.Options.Select(o =>
        {
            var runs = Enumerable.Range(1, horizon).Select(t => Unexplained.Calculate(ctx, item, o, t, culture)).ToList();
            return new OptionPresentCost(o.Id,
                FinanceFormulas.PresentValue(CashFlows(ctx, o, runs, hardOnly: false).Net, ctx.DiscountRate),
                FinanceFormulas.PresentValue(CashFlows(ctx, o, runs, hardOnly: true).Net, ctx.DiscountRate));
        }).ToList();
    }

    private ItemEvaluation EvaluateItem(CaseContext ctx, Item item, CultureInfo culture)
    {
        var horizon = ctx.Case.HorizonYears;
        var statusQuo = item.Options.Single(o => o.Governance == GovernanceModel.StatusQuo);
        var runs = item.Options.ToDictionary(o => o.Id, o => Enumerable.Range(1, horizon).Select(t => engine.Calculate(ctx, item, o, t, culture)).ToList());
        var cash = item.Options.ToDictionary(o => o.Id, o => CashFlows(ctx, o, runs[o.Id], hardOnly: false));
        var cashHard = item.Options.ToDictionary(o => o.Id, o => CashFlows(ctx, o, runs[o.Id], hardOnly: true));
        var sq = cash[statusQuo.Id];

        var options = item.Options.Select(o => BuildOption(ctx, o, runs[o.Id], cash[o.Id], cashHard[o.Id], sq, o.Id == statusQuo.Id)).ToList();
        options = WithJobsAndMarkets(ctx, item, options, statusQuo.Id, culture);
        var recommendOnAll = ctx.Assumptions.RecommendOnAllFactors ?? true;
        var byAll = options.MinBy(o => o.PvCost)!;
        var byHard = options.MinBy(o => o.PvCostHardOnly)!;
        var recommended = recommendOnAll ? byAll : byHard;
        var compared = recommended.Id == statusQuo.Id
            ? options.Where(o => o.Id != statusQuo.Id).MinBy(o => recommendOnAll ? o.PvCost : o.PvCostHardOnly)
            : options.Single(o => o.Id == statusQuo.Id);
        var drivers = compared is null ? [] : Drivers(ctx, recommended, compared, !recommendOnAll, culture);
        var result = new ItemEvaluation
        {
            Id = item.Id,
            Name = item.Name,
            AnnualVolumeUnits = item.AnnualVolumeUnits,
            StatusQuoOptionId = statusQuo.Id,
            RecommendedOptionId = recommended.Id,
            RecommendedOnHardCostsOnlyOptionId = byHard.Id,
            ComparedOptionId = compared?.Id,
            Drivers = drivers,
            Explanation = Explain(ctx, recommended, compared, statusQuo.Id, drivers, byHard, byAll, recommendOnAll, culture),
            Options = options,
        };
        result = result with { Support = Support.SupportAnalyzer.Analyze(ctx, item, result, culture) };
        return result with { Scorecard = Scorecard.ScorecardEvaluator.Evaluate(ctx, item, result, culture) };
    }

    /// <summary>Adds each option's jobs, automation case and market services (none of which changes a cost).</summary>
    private List<OptionEvaluation> WithJobsAndMarkets(CaseContext ctx, Item item, List<OptionEvaluation> options, string statusQuoId, CultureInfo culture)
    {
        var jobs = Jobs.JobsAnalyzer.Analyze(ctx, item, options, statusQuoId, culture);
        var sq = options.Single(o => o.Id == statusQuoId);
        return options.Select(o =>
        {
            var option = item.Options.Single(x => x.Id == o.Id);
            return o with
            {
                Jobs = jobs[o.Id],
                Automation = Jobs.AutomationAnalyzer.Analyze(ctx, item, option, o, sq, culture),
                Markets = MarketRuns.Services(engine, ctx, item, option, culture),
            };
        }).ToList();
    }

    /// <summary>An option's flows by year; <see cref="Net"/> counts the residual book value, <see cref="CashNet"/> does not.</summary>
    private sealed record Cash(double[] Running, double[] OneOff, double[] Incentives, double[] Residual, double[] Net)
    {
        /// <summary>Money actually paid: running + one-off − incentives (the book value at the horizon is not cash).</summary>
        public double[] CashNet { get; } = Net.Select((n, t) => n + Residual[t]).ToArray();
    }

    /// <summary>
    /// An option's one-off costs, incentives and residual book value by year 0..H, as in its business case (<see cref="BusinessCaseYear"/>):
    /// they do not depend on the running costs, so the simulation takes them without costing the years.
    /// </summary>
    public static (double[] OneOff, double[] Incentives, double[] Residual) TransitionFlows(CaseContext ctx, SourcingOption option)
    {
        var cash = CashFlows(ctx, option, [], hardOnly: false);
        return (cash.OneOff, cash.Incentives, cash.Residual);
    }

    private static Cash CashFlows(CaseContext ctx, SourcingOption option, List<OptionYearResult> runs, bool hardOnly)
    {
        var h = ctx.Case.HorizonYears;
        var running = new double[h + 1];
        var oneOff = new double[h + 1];
        var incentives = new double[h + 1];
        var residual = new double[h + 1];
        foreach (var r in runs)
            running[r.Year] = r.Lines.Where(l => l.Factor != "depreciation" && (!hardOnly || l.Kind == CostKind.Hard)).Sum(l => l.PerYear);
        foreach (var c in TransitionAmounts.OneOffCostsOf(option))
        {
            var year = c.Year ?? 0;
            if (year > h) continue;
            var amount = TransitionAmounts.OneOff(ctx, c, year);
            oneOff[year] += amount;
            if (c.DepreciationYears is { } life)
            {
                var start = year == 0 ? 1 : year;
                var used = Math.Clamp(h - start + 1, 0, life);
                residual[h] += FinanceFormulas.ResidualBookValue(amount, life, used);
            }
        }
        foreach (var i in option.Transition?.Incentives ?? [])
        {
            var year = i.Year ?? 0;
            if (year > h) continue;
            incentives[year] += IncentiveValue(ctx, option, i, year);
        }
        var net = new double[h + 1];
        for (var t = 0; t <= h; t++) net[t] = running[t] + oneOff[t] - incentives[t] - residual[t];
        return new Cash(running, oneOff, incentives, residual, net);
    }

    /// <summary>The value of an incentive in the case currency: from its catalogue instrument (§18.1), its amount, or a subsidised loan's grant equivalent.</summary>
    public static double IncentiveValue(CaseContext ctx, SourcingOption option, Incentive incentive, int year)
    {
        if (Support.InstrumentAmounts.Resolve(ctx, option, incentive) is { } fromInstrument) return fromInstrument.Amount;
        if (incentive.Type == IncentiveType.SubsidisedLoan)
        {
            var principal = ctx.ToCaseCurrency(incentive.Principal!.Value, Math.Max(1, year));
            var market = incentive.MarketRatePct is { } m ? m / 100 : ctx.DiscountRate;
            return FinanceFormulas.SubsidisedLoanGrantEquivalent(principal, incentive.LoanRatePct!.Value / 100, market, incentive.TermYears!.Value);
        }
        return ctx.ToCaseCurrency(incentive.Amount!.Value, Math.Max(1, year));
    }

    private static OptionEvaluation BuildOption(CaseContext ctx, SourcingOption option, List<OptionYearResult> runs, Cash cash, Cash hard, Cash statusQuo, bool isStatusQuo)
    {
        var r = ctx.DiscountRate;
        var h = ctx.Case.HorizonYears;
        var years = new List<BusinessCaseYear>();
        var savings = new double[h + 1];
        var discountedSavings = new double[h + 1];
        var cumulative = 0.0;
        for (var t = 0; t <= h; t++)
        {
            var df = FinanceFormulas.DiscountFactor(r, t);
            // Savings and payback are on cash: the residual book value at the horizon enters the present value only (4.4).
            savings[t] = statusQuo.CashNet[t] - cash.CashNet[t];
            discountedSavings[t] = savings[t] * df;
            cumulative += savings[t];
            var run = t == 0 ? null : runs[t - 1];
            years.Add(new BusinessCaseYear
            {
                Year = t,
                CalendarYear = t == 0 ? ctx.Case.BaseYear : run!.CalendarYear,
                Volume = run?.Volume ?? 0,
                TcoPerUnit = run?.TcoPerUnit ?? 0,
                TcoPerYear = run?.TcoPerYear ?? 0,
                RunningCost = cash.Running[t],
                OneOffCosts = cash.OneOff[t],
                Incentives = cash.Incentives[t],
                ResidualValue = cash.Residual[t],
                NetCost = cash.Net[t],
                DiscountFactor = df,
                PresentValue = cash.Net[t] * df,
                SavingVsStatusQuo = savings[t],
                CumulativeSavingVsStatusQuo = cumulative,
                Co2eKgPerUnit = run?.Co2eKgPerUnit ?? 0,
            });
        }
        var first = runs[0];
        var pv = FinanceFormulas.PresentValue(cash.Net, r);
        var statusQuoPv = FinanceFormulas.PresentValue(statusQuo.Net, r);
        var payback = isStatusQuo ? null : FinanceFormulas.Payback(savings);
        var discountedPayback = isStatusQuo ? null : FinanceFormulas.Payback(discountedSavings);
        return new OptionEvaluation
        {
            Id = option.Id,
            Name = option.Name,
            Country = option.Country,
            Governance = option.Governance,
            SupplyType = TcoCostingEngine.SupplyTypeOf(option),
            LocationClass = option.LocationClass ?? ctx.ClassOf(option.Country),
            TcoPerUnit = first.TcoPerUnit,
            TcoPerYear = first.TcoPerYear,
            TcoPerUnitByKind = Enum.GetValues<CostKind>().ToDictionary(k => k, k => first.Lines.Where(l => l.Kind == k).Sum(l => l.PerUnit)),
            TcoPerUnitByCategory = Enum.GetValues<CostCategory>().ToDictionary(c => c, c => first.Lines.Where(l => l.Category == c).Sum(l => l.PerUnit)),
            PvCost = pv,
            PvCostHardOnly = FinanceFormulas.PresentValue(hard.Net, r),
            NpvSavingVsStatusQuo = statusQuoPv - pv,
            PaybackYears = payback?.Years,
            DiscountedPaybackYears = discountedPayback?.Years,
            Payback = payback,
            DiscountedPayback = discountedPayback,
            // The IRR discounts the same flows as the NPV saving, book value at the horizon included.
            IrrPct = isStatusQuo ? null : FinanceFormulas.InternalRateOfReturn(statusQuo.Net.Select((n, t) => n - cash.Net[t]).ToArray()) * 100,
            OneOffCostsTotal = cash.OneOff.Sum(),
            IncentivesTotal = cash.Incentives.Sum(),
            Co2eKgPerUnit = first.Co2eKgPerUnit,
            TransportCo2eKgPerUnit = first.TransportKgCo2ePerUnit,
            ProductionCo2eKgPerUnit = first.ProductionKgCo2ePerUnit,
            LeadTimeDays = first.LeadTimeDays,
            LeadTimeKnown = first.LeadTimeKnown,
            ProductionCo2eAssessed = first.ProductionEmissionsAssessed,
            TransportCo2eComplete = first.TransportEmissionsComplete,
            Coverage = FactorCoverage.Of(first.Lines),
            PartiallyAssessed = first.Lines.Where(l => l.Assessed && l.Incomplete).Select(l => l.Factor).ToList(),
            Lines = first.Lines,
            Years = years,
            DefaultsUsed = first.Lines.SelectMany(l => l.Inputs).Where(i => i.IsDefault).DistinctBy(i => i.Name).ToList(),
            NotAssessed = first.Lines.Where(l => l.Status == LineStatus.NotAssessed).Select(l => l.Factor).ToList(),
            YearResults = runs,
        };
    }

    /// <summary>Id of the merged driver used when a supplier's price is compared with an own plant's cost build-up.</summary>
    public const string ProductionDriver = "production";

    private static List<Driver> Drivers(CaseContext ctx, OptionEvaluation recommended, OptionEvaluation compared, bool hardOnly, CultureInfo culture)
    {
        // A price and a cost build-up are the same thing seen two ways: compare them as one production line.
        var mergeProduction = recommended.SupplyType != compared.SupplyType;
        string Key(string factor, CostCategory category) => mergeProduction && category == CostCategory.Production ? ProductionDriver : factor;
        bool Counts(CostLine l) => l.Factor != "depreciation" && (!hardOnly || l.Kind == CostKind.Hard);
        var pv = new[] { recommended, compared }.ToDictionary(o => o.Id, o => PresentValueBreakdown.Of(o, hardOnly));
        double LinePv(OptionEvaluation o, string key) => pv[o.Id].ByFactor.Where(f => Key(f.Key, pv[o.Id].CategoryOf[f.Key]) == key).Sum(f => f.Value);
        double PerUnit(OptionEvaluation o, string key) => o.Lines.Where(l => Counts(l) && Key(l.Factor, l.Category) == key).Sum(l => l.PerUnit);
        var keys = recommended.Lines.Concat(compared.Lines).Where(Counts).Select(l => Key(l.Factor, l.Category)).Distinct();
        var list = keys.Select(k => new Driver(k, k == ProductionDriver ? Text.Get(culture, "Driver_Production", "production cost (unit price against cost build-up)") : FactorName(k, recommended, compared, culture),
            PerUnit(compared, k) - PerUnit(recommended, k), LinePv(compared, k) - LinePv(recommended, k), compared.Id)).ToList();
        list.Add(new Driver("oneOffCosts", Text.Get(culture, "Driver_OneOff", "one-off transition costs (net of residual value)"), 0, pv[compared.Id].OneOffNetOfResidual - pv[recommended.Id].OneOffNetOfResidual, compared.Id));
        list.Add(new Driver("incentives", Text.Get(culture, "Driver_Incentives", "incentives"), 0, pv[recommended.Id].Incentives - pv[compared.Id].Incentives, compared.Id));
        return list.Where(d => Math.Abs(d.PresentValueDifference) > 1e-9).OrderByDescending(d => d.PresentValueDifference).ToList();
    }

    /// <summary>Localised name of a factor id (user-defined lines keep their label).</summary>
    public static string FactorName(string factor, OptionEvaluation a, OptionEvaluation b, CultureInfo culture)
    {
        if (factor.StartsWith(CostFactorCatalog.OtherPrefix, StringComparison.Ordinal))
            return a.Lines.Concat(b.Lines).First(l => l.Factor == factor).Label ?? factor;
        return FactorText.Name(factor, culture);
    }

    private static string Explain(CaseContext ctx, OptionEvaluation recommended, OptionEvaluation? compared, string statusQuoId, IReadOnlyList<Driver> drivers,
        OptionEvaluation byHard, OptionEvaluation byAll, bool recommendOnAll, CultureInfo culture)
    {
        string Money(double v) => v.ToString("N0", culture) + " " + ctx.Currency.Value;
        string UnitMoney(double v) => v.ToString("N3", culture) + " " + ctx.Currency.Value;
        string Label(OptionEvaluation o) => $"{o.Name ?? o.Id} ({o.Country})";
        double Pv(OptionEvaluation o) => recommendOnAll ? o.PvCost : o.PvCostHardOnly;
        var parts = new List<string>();
        if (compared is null)
            return Text.Format(culture, "Explain_Single", "Only one option ({0}): nothing to compare. Its present cost over {1} years is {2}.", Label(recommended), ctx.Case.HorizonYears, Money(Pv(recommended)));
        if (!recommendOnAll)
            parts.Add(Text.Get(culture, "Explain_HardBasis", "Ranked on hard costs only, as the case asks."));
        var favourable = drivers.Where(d => d.PresentValueDifference > 0).Take(3).ToList();
        var adverse = drivers.Where(d => d.PresentValueDifference < 0).OrderBy(d => d.PresentValueDifference).FirstOrDefault();
        var driverText = string.Join("; ", favourable.Select(d => Text.Format(culture, "Explain_Driver", "{0} ({1} over the horizon, {2} per unit in year 1)", d.Name, Money(d.PresentValueDifference), UnitMoney(d.PerUnitDifference))));
        if (recommended.Id != statusQuoId)
        {
            parts.Add(Text.Format(culture, "Explain_Switch", "Recommended: {0}. Its present cost over {1} years is {2}, {3} less than the status quo {4}.",
                Label(recommended), ctx.Case.HorizonYears, Money(Pv(recommended)), Money(Pv(compared) - Pv(recommended)), Label(compared)));
            parts.Add(PaybackSentence(recommended, ctx, culture));
        }
        else
        {
            parts.Add(Text.Format(culture, "Explain_Stay", "Recommended: keep the status quo {0}. Its present cost over {1} years is {2}; the best alternative, {3}, costs {4} more.",
                Label(recommended), ctx.Case.HorizonYears, Money(Pv(recommended)), Label(compared), Money(Pv(compared) - Pv(recommended))));
        }
        if (favourable.Count > 0)
            parts.Add(Text.Format(culture, "Explain_Drivers", "The three factors that drive it: {0}.", driverText));
        if (adverse is not null)
            parts.Add(Text.Format(culture, "Explain_Against", "Against it weighs {0} ({1}).", adverse.Name, Money(-adverse.PresentValueDifference)));
        var softShare = SoftShare(recommended, compared);
        if (recommendOnAll && softShare > 0.5)
            parts.Add(Text.Format(culture, "Explain_Soft", "{0:P0} of the difference comes from risk and strategic factors: check those estimates.", softShare));
        if (recommendOnAll && byHard.Id != byAll.Id)
            parts.Add(Text.Format(culture, "Explain_HardDiffers", "On hard costs alone, {0} would be cheapest.", Label(byHard)));
        if (!recommendOnAll && byHard.Id != byAll.Id)
            parts.Add(Text.Format(culture, "Explain_AllDiffers", "With risk and strategic factors included, {0} would be cheapest.", Label(byAll)));
        var steep = new[] { recommended, compared }.Select(o => o.Country).Distinct()
            .Where(k => ctx.Assumptions.WageGrowthPct?.ContainsKey(k.Value) != true && ctx.Market.Countries.TryGetValue(k, out var p) && p.WageGrowthPct is { Value: >= 8 })
            .Select(k => k + " " + ctx.Market.Country(k).WageGrowthPct!.Value.ToString("0.#", culture) + "%").ToList();
        if (steep.Count > 0)
            parts.Add(Text.Format(culture, "Explain_SteepWages", "The default wage growth ({0}) is a multi-year trend in euros, compounded over the whole horizon: check it, or enter your own wage-growth trend in the case.", string.Join(", ", steep)));
        parts.Add(CoverageSentence(recommended, compared, culture));
        return string.Join(" ", parts);
    }

    /// <summary>The recommendation's coverage: how many applicable cost factors were assessed for the two options compared (section 5).</summary>
    public static string CoverageSentence(OptionEvaluation recommended, OptionEvaluation compared, CultureInfo culture)
    {
        string Part(OptionEvaluation o) => Text.Format(culture, "Explain_CoverageOption", "{0}: {1} of {2}", o.Name ?? o.Id, o.Coverage.Assessed + o.Coverage.Partial, o.Coverage.Applicable)
            + (o.Coverage.Partial > 0 ? Text.Format(culture, "Explain_CoveragePartial", " ({0} in part)", o.Coverage.Partial) : "");
        var complete = recommended.Coverage.NotAssessed + compared.Coverage.NotAssessed + recommended.Coverage.Partial + compared.Coverage.Partial == 0;
        return complete
            ? Text.Format(culture, "Explain_CoverageComplete", "Coverage: every applicable cost factor was assessed for both options ({0}; {1}).", Part(recommended), Part(compared))
            : Text.Format(culture, "Explain_Coverage", "Coverage: applicable cost factors assessed — {0}; {1}. The others are not assessed and count as zero, so the comparison is only as complete as these inputs.", Part(recommended), Part(compared));
    }

    /// <summary>What the cumulative cash saving of an option does, in one sentence (section 4.4).</summary>
    public static string PaybackSentence(OptionEvaluation option, CaseContext ctx, CultureInfo culture)
    {
        string Money(double v) => v.ToString("N0", culture) + " " + ctx.Currency.Value;
        return option.Payback switch
        {
            { Status: PaybackStatus.Immediate } => Text.Format(culture, "Explain_PaybackImmediate", "The switch saves cash from the start (one-off costs {0}, incentives {1}).", Money(option.OneOffCostsTotal), Money(option.IncentivesTotal)),
            { Status: PaybackStatus.PaysBack, Years: { } p } => Text.Format(culture, "Explain_Payback", "The switch pays back after {0:0.0} years (one-off costs {1}, incentives {2}).", p, Money(option.OneOffCostsTotal), Money(option.IncentivesTotal)),
            { Status: PaybackStatus.LostAgain, FirstRecoveryYears: { } first, LossFromYear: { } loss } => Text.Format(culture, "Explain_PaybackLost",
                "The cumulative cash saving recovers after {0:0.0} years, then turns into a loss from year {1}: {2} by year {3}. No payback within the horizon.",
                first, loss, Money(option.Years[^1].CumulativeSavingVsStatusQuo), option.Years[^1].Year),
            _ => Text.Get(culture, "Explain_NoPayback", "The cumulative saving stays negative: no payback within the horizon."),
        };
    }

    /// <summary>Share of the year-1 per-unit difference that comes from risk and strategic lines: |Δsoft| ÷ (|Δhard| + |Δsoft|).</summary>
    public static double SoftShare(OptionEvaluation recommended, OptionEvaluation compared)
    {
        double Soft(OptionEvaluation o) => o.TcoPerUnitByKind[CostKind.Risk] + o.TcoPerUnitByKind[CostKind.Strategic];
        var soft = Math.Abs(Soft(compared) - Soft(recommended));
        var hard = Math.Abs(compared.TcoPerUnitByKind[CostKind.Hard] - recommended.TcoPerUnitByKind[CostKind.Hard]);
        return soft + hard < 1e-12 ? 0 : soft / (soft + hard);
    }
}

/// <summary>An option's present cost over the horizon: all cost lines (<see cref="OptionEvaluation.PvCost"/>) and hard lines only (<see cref="OptionEvaluation.PvCostHardOnly"/>).</summary>
public sealed record OptionPresentCost(string Id, double PvCost, double PvCostHardOnly);
