using System.Globalization;
using Reshore.Core.Costing;
using Reshore.Core.Costing.Formulas;
using Reshore.Core.Dependencies;
using Reshore.Core.Domain;
using Reshore.Core.Localization;
using Reshore.Core.Values;

namespace Reshore.Core.Support;

/// <summary>One incentive of an option, as received: its value, and for a catalogue instrument the figures behind it.</summary>
public sealed record IncentiveLine(int Index, string? Description, string? InstrumentId, IncentiveType Type, int Year, double Amount, double PresentValue,
    double? EligibleCost, double? IntensityPct, bool Capped);

/// <summary>A compatibility or eligibility flag (docs/model.md §21.4).</summary>
/// <param name="Kind">eligibility, entryThreshold, gberIntensity, gberNotification, gberCumulation, gberRelocation, deMinimis, flipWithinGber, flipBeyondGber, wtoLocalContent, wtoRelocation.</param>
/// <param name="Severity">info, warning or error.</param>
/// <param name="Message">Text for people.</param>
/// <param name="Path">The case field it is about, when there is one.</param>
public sealed record SupportFlag(string Kind, string Severity, string Message, string? Path = null);

/// <summary>An option's support: its incentives, the extra incentive that would make it the cheapest, additionality and flags.</summary>
public sealed record OptionSupport
{
    /// <summary>Option id.</summary>
    public required string OptionId { get; init; }
    /// <summary>The option brings production (back) home or near: a reshoring governance model.</summary>
    public required bool IsReshoring { get; init; }
    /// <summary>Its incentives.</summary>
    public required IReadOnlyList<IncentiveLine> Incentives { get; init; }
    /// <summary>Present value of its incentives.</summary>
    public required double IncentivesPv { get; init; }
    /// <summary>Its present cost on the basis of the comparison (with its incentives).</summary>
    public required double PresentCost { get; init; }
    /// <summary>The cheapest other option.</summary>
    public required string BestOtherOptionId { get; init; }
    /// <summary>Extra incentive, present value (= a grant at the start), at which it becomes the cheapest: 0 when it already is.</summary>
    public required double IncentiveToFlip { get; init; }
    /// <summary>The same as a tax credit received in year 1: N ÷ d₁.</summary>
    public required double IncentiveToFlipAsYear1Credit { get; init; }
    /// <summary>Eligible investment: its investment one-offs (capex, tooling transfer, automation capex).</summary>
    public required double EligibleInvestment { get; init; }
    /// <summary>Aid on investment under GBER rules it already receives from catalogue instruments.</summary>
    public required double InvestmentAidGranted { get; init; }
    /// <summary>(aid granted + incentive to flip) ÷ eligible investment, %: the intensity a flip would take if paid as investment aid.</summary>
    public double? IntensityToFlipPct { get; init; }
    /// <summary>Largest GBER intensity on investment for the firm's size and the site's area, %.</summary>
    public double? GberMaxInvestmentIntensityPct { get; init; }
    /// <summary>Additionality of its incentives.</summary>
    public required AdditionalityStatus Additionality { get; init; }
    /// <summary>Pivotal part of its incentives (additional).</summary>
    public required double AdditionalityNeeded { get; init; }
    /// <summary>Deadweight: the part of its incentives it did not need to win (all of them when it wins anyway).</summary>
    public required double Deadweight { get; init; }
    /// <summary>Further incentive needed when its incentives do not make it win.</summary>
    public required double Shortfall { get; init; }
    /// <summary>Flags.</summary>
    public required IReadOnlyList<SupportFlag> Flags { get; init; }
}

/// <summary>The support view of an item (docs/model.md §21): per option, and the headline for the cheapest reshoring option.</summary>
public sealed record ItemSupport
{
    /// <summary>tco (all factors) or tcoHardOnly: the present-cost comparison the incentives are set against.</summary>
    public required string Basis { get; init; }
    /// <summary>The firm's size (null: not given).</summary>
    public FirmSize? FirmSize { get; init; }
    /// <summary>Region of the home site.</summary>
    public string? Region { get; init; }
    /// <summary>Regional aid map status.</summary>
    public required AidArea AidArea { get; init; }
    /// <summary>The reshoring option that needs the smallest incentive to win (null: none).</summary>
    public string? CheapestReshoringOptionId { get; init; }
    /// <summary>Its incentive to flip.</summary>
    public double? IncentiveToFlip { get; init; }
    /// <summary>Options.</summary>
    public required IReadOnlyList<OptionSupport> Options { get; init; }
}

/// <summary>Computes the support view of an item from its evaluation (docs/model.md §21). Changes no cost.</summary>
public static class SupportAnalyzer
{
    private static readonly IReadOnlySet<string> EeaNonEu = new HashSet<string>(StringComparer.Ordinal) { "IS", "LI", "NO" };

    /// <summary>Reshoring governance models (an option that brings production home or near).</summary>
    public static bool IsReshoring(GovernanceModel g) => g is GovernanceModel.InHouseReshoring or GovernanceModel.ReshoringForOutsourcing
        or GovernanceModel.ReshoringForInsourcing or GovernanceModel.OutsourcedReshoring;

    /// <summary>The analysis; null for an item with a single option.</summary>
    public static ItemSupport? Analyze(CaseContext ctx, Item item, ItemEvaluation evaluation, CultureInfo culture)
    {
        if (evaluation.Options.Count < 2) return null;
        var onAll = ctx.Assumptions.RecommendOnAllFactors ?? true;
        double Pv(OptionEvaluation o) => onAll ? o.PvCost : o.PvCostHardOnly;
        var settings = ctx.Case.Support;
        var area = settings?.AidArea ?? AidArea.None;
        var size = settings?.FirmSize;
        var statusQuo = evaluation.Options.Single(o => o.Id == evaluation.StatusQuoOptionId);
        var options = evaluation.Options.Select(o =>
        {
            var option = item.Options.Single(x => x.Id == o.Id);
            var others = evaluation.Options.Where(x => x.Id != o.Id).ToList();
            var best = others.MinBy(Pv)!;
            var lines = Lines(ctx, option, o);
            var incentivesPv = lines.Sum(l => l.PresentValue);
            var flip = SupportFormulas.IncentiveToFlip(Pv(o), Pv(best));
            var d1 = o.Years.FirstOrDefault(y => y.Year == 1)?.DiscountFactor ?? 1;
            var (status, needed, windfall, shortfall) = SupportFormulas.Additionality(Pv(o), incentivesPv, Pv(best));
            var eligible = InstrumentAmounts.EligibleOneOffs(ctx, option, AidCostBase.Investment);
            var path = $"$.items[{ctx.Case.Items.ToList().IndexOf(item)}].options[{item.Options.ToList().IndexOf(option)}]";
            var flags = new List<SupportFlag>();
            var granted = 0.0;
            var deMinimis = 0.0;
            foreach (var (incentive, index) in (option.Transition?.Incentives ?? []).Select((x, i) => (x, i)))
            {
                var ip = $"{path}.transition.incentives[{index}]";
                if (incentive.LocalContentCondition == true)
                    flags.Add(new("wtoLocalContent", "error", Text.Format(culture, "Support_WtoLocalContent", "Incentive {0} is conditional on domestic rather than imported inputs: a prohibited subsidy under the WTO Agreement on Subsidies and Countervailing Measures, art. 3.1(b).", Label(incentive, index)), ip));
                if (incentive.RelocationCondition == true)
                    flags.Add(new("wtoRelocation", "warning", Text.Format(culture, "Support_WtoRelocation", "Incentive {0} is conditional on relocating production: a specific subsidy under the WTO SCM Agreement (art. 2), open to countervailing measures where it harms trade (art. 5); the SERV study counts reshoring-conditional subsidies among the prohibited ones.", Label(incentive, index)), ip));
                if (InstrumentAmounts.Resolve(ctx, option, incentive) is not { } r) continue;
                var inst = r.Instrument;
                if (inst.LocalContentCondition)
                    flags.Add(new("wtoLocalContent", "error", Text.Format(culture, "Support_WtoLocalContentInstrument", "{0} is conditional on domestic inputs: a prohibited subsidy under the WTO SCM Agreement, art. 3.1(b).", inst.Name), ip));
                if (inst.RelocationCondition)
                    flags.Add(new("wtoRelocation", "warning", Text.Format(culture, "Support_WtoRelocationInstrument", "{0} is conditional on relocating production: a specific subsidy under the WTO SCM Agreement (art. 2), open to countervailing measures where it harms trade (art. 5).", inst.Name), ip));
                Eligibility(ctx, inst, size, area, ip, flags, culture);
                if (r.BelowEntryThreshold)
                    flags.Add(new("entryThreshold", "warning", Text.Format(culture, "Support_EntryThreshold", "{0}: the eligible cost {1:N0} is below its entry threshold of {2:N0} EUR: counted as 0.", inst.Name, r.EligibleCost, inst.MinEligibleCostEur), ip));
                if (r.Capped)
                    flags.Add(new("ceiling", "info", Text.Format(culture, "Support_Capped", "{0}: {1:N0} capped at its ceiling of {2:N0} EUR per {3}.", inst.Name, r.Uncapped, inst.CeilingEur, inst.CeilingPer ?? "project"), ip));
                var rules = inst.StateAidRules.Select(id => ctx.Market.StateAidRules.GetValueOrDefault(id)).OfType<StateAidRule>().ToList();
                if (rules.Any(x => x.Id == "de-minimis")) deMinimis += r.Amount;
                var gber = rules.Where(x => x.LimitsIntensity).ToList();
                if (gber.Count > 0 && size is { } s)
                {
                    var max = MaxIntensity(ctx, gber, s, area);
                    var effective = SupportFormulas.IntensityPct(r.Amount, r.EligibleCost);
                    if (max is { } m && effective is { } eff && eff > m + 1e-9)
                        flags.Add(new("gberIntensity", "error", Text.Format(culture, "Support_GberIntensity", "{0}: intensity {1:0.#}% exceeds the {2:0.#}% GBER allows a {3} enterprise here ({4}).", inst.Name, eff, m, SizeText(culture, s), string.Join("; ", gber.Select(x => x.Article))), ip));
                    if (inst.CostBase == AidCostBase.Investment) granted += r.Amount;
                    foreach (var rule in gber.Where(x => x.NotificationThresholdEur is { } t && r.EligibleCost > ctx.FromEur(t, 1)))
                        flags.Add(new("gberNotification", "warning", Text.Format(culture, "Support_GberNotification", "{0}: the eligible cost {1:N0} exceeds the notification threshold of {2:N0} EUR of {3}: the aid must be notified.", inst.Name, r.EligibleCost, rule.NotificationThresholdEur, rule.Article), ip));
                    var regional = gber.Any(x => x.Id.StartsWith("gber-14", StringComparison.Ordinal)) && (s == FirmSize.Large || !gber.Any(x => x.Id == "gber-17"));
                    if (regional && area != AidArea.None && RelocatesFromEea(ctx, statusQuo))
                        flags.Add(new("gberRelocation", "error", Text.Format(culture, "Support_GberRelocation", "{0}: regional investment aid is excluded when the activity moves from an establishment in the EEA (GBER art. 14(16)).", inst.Name), ip));
                }
            }
            if (deMinimis > 0 && ctx.Market.StateAidRules.TryGetValue("de-minimis", out var dm) && dm.AmountCeilingEur is { } dmc && deMinimis > ctx.FromEur(dmc, 1))
                flags.Add(new("deMinimis", "error", Text.Format(culture, "Support_DeMinimis", "De minimis aid {0:N0} exceeds {1:N0} EUR over three years (Regulation (EU) 2023/2831, art. 3(2)).", deMinimis, dmc), path));
            double? maxInvestment = size is { } sz ? MaxIntensity(ctx, ctx.Market.StateAidRules.Values.Where(x => x.CostBase == AidCostBase.Investment && x.LimitsIntensity).ToList(), sz, area) : null;
            if (maxInvestment is { } mi && SupportFormulas.IntensityPct(granted, eligible) is { } cum && cum > mi + 1e-9)
                flags.Add(new("gberCumulation", "error", Text.Format(culture, "Support_GberCumulation", "Investment aid {0:N0} is {1:0.#}% of the eligible investment {2:N0}, above the {3:0.#}% GBER allows (cumulation, art. 8).", granted, cum, eligible, mi), path));
            double? intensityToFlip = flip > 0 ? SupportFormulas.IntensityPct(granted + flip, eligible) : null;
            if (flip > 0 && IsReshoring(o.Governance))
            {
                if (size is null)
                    flags.Add(new("flipUnchecked", "info", Text.Get(culture, "Support_FlipUnchecked", "Give support.firmSize to check the incentive needed against the GBER intensities."), "$.support.firmSize"));
                else if (intensityToFlip is null)
                    flags.Add(new("flipBeyondGber", "warning", Text.Format(culture, "Support_FlipNoInvestment", "{0} has no investment one-offs: an incentive of {1:N0} to flip it could not be investment aid under the GBER.", o.Name ?? o.Id, flip)));
                else if (maxInvestment is { } max && intensityToFlip > max + 1e-9)
                    flags.Add(new("flipBeyondGber", "warning", Text.Format(culture, "Support_FlipBeyondGber", "The incentive needed to make {0} the cheapest, {1:N0}, is {2:0.#}% of its eligible investment of {3:N0} (with the aid it already gets): above the {4:0.#}% the GBER allows a {5} enterprise here. It would need notification and could hardly be found compatible.", o.Name ?? o.Id, flip, intensityToFlip, eligible, max, SizeText(culture, size.Value))));
                else if (maxInvestment is { } max2)
                    flags.Add(new("flipWithinGber", "info", Text.Format(culture, "Support_FlipWithinGber", "The incentive needed to make {0} the cheapest, {1:N0}, is {2:0.#}% of its eligible investment: within the {3:0.#}% the GBER allows.", o.Name ?? o.Id, flip, intensityToFlip, max2)));
                else
                    flags.Add(new("flipBeyondGber", "warning", Text.Format(culture, "Support_FlipNoGberRule", "No GBER investment aid is open to a {0} enterprise at this site: the incentive of {1:N0} would need notification.", SizeText(culture, size.Value), flip)));
            }
            return new OptionSupport
            {
                OptionId = o.Id, IsReshoring = IsReshoring(o.Governance), Incentives = lines, IncentivesPv = incentivesPv, PresentCost = Pv(o),
                BestOtherOptionId = best.Id, IncentiveToFlip = flip, IncentiveToFlipAsYear1Credit = SupportFormulas.AmountInYear(flip, d1),
                EligibleInvestment = eligible, InvestmentAidGranted = granted, IntensityToFlipPct = intensityToFlip, GberMaxInvestmentIntensityPct = maxInvestment,
                Additionality = status, AdditionalityNeeded = needed, Deadweight = windfall, Shortfall = shortfall, Flags = flags,
            };
        }).ToList();
        var cheapest = options.Where(o => o.IsReshoring).MinBy(o => o.IncentiveToFlip);
        return new ItemSupport
        {
            Basis = onAll ? "tco" : "tcoHardOnly", FirmSize = size, Region = settings?.Region, AidArea = area,
            CheapestReshoringOptionId = cheapest?.OptionId, IncentiveToFlip = cheapest?.IncentiveToFlip, Options = options,
        };
    }

    private static string Label(Incentive i, int index) => i.Description ?? i.Instrument ?? $"#{index + 1}";

    /// <summary>Size class in words.</summary>
    public static string SizeText(CultureInfo c, FirmSize s) => s switch
    {
        FirmSize.Small => Text.Get(c, "Support_SizeSmall", "small"),
        FirmSize.Medium => Text.Get(c, "Support_SizeMedium", "medium-sized"),
        _ => Text.Get(c, "Support_SizeLarge", "large"),
    };

    /// <summary>The status quo is in the EEA (or support.relocationFromEea says so).</summary>
    private static bool RelocatesFromEea(CaseContext ctx, OptionEvaluation statusQuo) =>
        ctx.Case.Support?.RelocationFromEea ?? (statusQuo.Country != ctx.Home && (BomExposureAnalyzer.InEu(statusQuo.Country) || EeaNonEu.Contains(statusQuo.Country.Value)));

    /// <summary>
    /// The largest intensity among the rules for a size at the site (§18.4): a regional rule applies only in its area, with
    /// support.regionalAidMaxLargePct replacing the map's value for large enterprises (+10 points medium, +20 small).
    /// </summary>
    public static double? MaxIntensity(CaseContext ctx, IReadOnlyList<StateAidRule> rules, FirmSize size, AidArea area) =>
        SupportFormulas.MaxIntensityPct(rules.Where(r => r.Area is null || r.Area == area).Select(r =>
        {
            if (r.Area is { } a && a != AidArea.None && ctx.Case.Support?.RegionalAidMaxLargePct is { } large)
                return size switch { FirmSize.Large => large, FirmSize.Medium => large + 10, _ => large + 20 };
            return r.MaxIntensityPct.TryGetValue(size, out var m) ? m : (double?)null;
        }));

    private static void Eligibility(CaseContext ctx, SupportInstrument inst, FirmSize? size, AidArea area, string path, List<SupportFlag> flags, CultureInfo c)
    {
        if (size is { } s)
        {
            if (!inst.Sizes.Contains(s) || !inst.IntensityPct.ContainsKey(s))
                flags.Add(new("eligibility", "error", Text.Format(c, "Support_NotForSize", "{0} is not open to a {1} enterprise: counted as 0.", inst.Name, SizeText(c, s)), path));
            else if (s == FirmSize.Large && inst.LargeOnlyInAidAreas && area == AidArea.None)
                flags.Add(new("eligibility", "error", Text.Format(c, "Support_LargeOutsideAidArea", "{0} is open to large enterprises only in an assisted area of the regional aid map (support.aidArea).", inst.Name), path));
        }
        var region = ctx.Case.Support?.Region ?? ctx.Home.Value;
        if (!RegionMatches(inst.Region, region, ctx.Home))
            flags.Add(new("eligibility", "error", Text.Format(c, "Support_OtherRegion", "{0} applies in {1}, the site is in {2}.", inst.Name, inst.Region, region), path));
    }

    /// <summary>An instrument's region covers the site: "EU" for EU members, a country code for its regions, a region code for itself.</summary>
    public static bool RegionMatches(string instrumentRegion, string siteRegion, CountryCode home) =>
        instrumentRegion == "EU" ? BomExposureAnalyzer.InEu(home)
        : instrumentRegion.Contains('-') ? string.Equals(instrumentRegion, siteRegion, StringComparison.OrdinalIgnoreCase)
        : string.Equals(instrumentRegion, home.Value, StringComparison.OrdinalIgnoreCase);

    private static List<IncentiveLine> Lines(CaseContext ctx, SourcingOption option, OptionEvaluation o)
    {
        var result = new List<IncentiveLine>();
        var h = ctx.Case.HorizonYears;
        foreach (var (x, i) in (option.Transition?.Incentives ?? []).Select((x, i) => (x, i)))
        {
            var year = x.Year ?? 0;
            if (year > h) continue;
            var amount = CaseEvaluator.IncentiveValue(ctx, option, x, year);
            var df = o.Years.FirstOrDefault(y => y.Year == year)?.DiscountFactor ?? 1;
            var r = InstrumentAmounts.Resolve(ctx, option, x);
            result.Add(new IncentiveLine(i, x.Description ?? r?.Instrument.Name, x.Instrument, r?.Instrument.Type ?? x.Type, year, amount, amount * df,
                r?.EligibleCost, r?.IntensityPct, r?.Capped ?? false));
        }
        return result;
    }
}
