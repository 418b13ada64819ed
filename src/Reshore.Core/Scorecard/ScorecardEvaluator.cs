using System.Globalization;
using Reshore.Core.Costing;
using Reshore.Core.Domain;
using Reshore.Core.Localization;
using Reshore.Core.MarketData;
using Reshore.Core.Validation;

namespace Reshore.Core.Scorecard;

/// <summary>How a criterion's score was obtained.</summary>
public enum ScoreSource
{
    /// <summary>Mapped from an engine result.</summary>
    Computed,
    /// <summary>Given by the user with a rationale.</summary>
    Judged,
    /// <summary>Neither: shown as missing, never as a middle score.</summary>
    Missing,
}

/// <summary>One criterion's score for one option.</summary>
/// <param name="Criterion">Criterion id.</param>
/// <param name="Score">1–5, or null when missing.</param>
/// <param name="Source">Computed, judged or missing.</param>
/// <param name="Value">The engine value mapped (computed scores).</param>
/// <param name="Explanation">The mapping used, or the rationale.</param>
public sealed record CriterionScore(string Criterion, double? Score, ScoreSource Source, double? Value, string Explanation);

/// <summary>An option's scores and weighted total.</summary>
/// <param name="OptionId">Option.</param>
/// <param name="Scores">Per criterion.</param>
/// <param name="WeightedTotal">Σ w × score over the criteria scored for every option, with weights renormalised over them.</param>
/// <param name="Rank">1 = best.</param>
public sealed record OptionScorecard(string OptionId, IReadOnlyList<CriterionScore> Scores, double WeightedTotal, int Rank);

/// <summary>The smallest weight change that makes another option tie with or overtake the top option.</summary>
/// <param name="Criterion">Criterion whose weight moves (the others scale proportionally).</param>
/// <param name="WeightChange">Change of its weight (fraction, signed).</param>
/// <param name="NewWeight">Its weight after the change.</param>
/// <param name="NewTopOptionId">Option on top after the change.</param>
public sealed record RankingSensitivity(string Criterion, double WeightChange, double NewWeight, string NewTopOptionId);

/// <summary>A motive with its place in the Eurofound framework.</summary>
/// <param name="Id">Motive id.</param>
/// <param name="Name">Localised name.</param>
/// <param name="Context">external or internal.</param>
/// <param name="Goal">customerValue or costEfficiency.</param>
public sealed record MotiveInfo(string Id, string Name, string Context, string Goal);

/// <summary>A barrier and whether the case prices it.</summary>
/// <param name="Id">Barrier id.</param>
/// <param name="Name">Localised name.</param>
/// <param name="LinkedTo">What prices it, e.g. "be-own-line: oneOffCosts[3] (severance)", or null.</param>
/// <param name="Open">True when not linked: an open point.</param>
public sealed record BarrierInfo(string Id, string Name, string? LinkedTo, bool Open);

/// <summary>The scorecard of one item.</summary>
public sealed record ItemScorecard
{
    /// <summary>Criteria in order, with normalised weights.</summary>
    public required IReadOnlyList<(string Id, string Name, double Weight)> Criteria { get; init; }
    /// <summary>How the weights were set: direct, ahp or equal.</summary>
    public required string WeightingMethod { get; init; }
    /// <summary>AHP consistency ratio, when AHP.</summary>
    public double? ConsistencyRatio { get; init; }
    /// <summary>Per option.</summary>
    public required IReadOnlyList<OptionScorecard> Options { get; init; }
    /// <summary>Share of the weight on criteria scored for every option (the rest is missing somewhere).</summary>
    public required double Coverage { get; init; }
    /// <summary>Smallest weight change that flips the top option, or null when none within the weights' range.</summary>
    public RankingSensitivity? Sensitivity { get; init; }
    /// <summary>Produce-near suitability in [−1, 1] from the product traits, or null.</summary>
    public double? Suitability { get; init; }
    /// <summary>Suitability in words.</summary>
    public required string SuitabilityExplanation { get; init; }
    /// <summary>Motives ticked.</summary>
    public required IReadOnlyList<MotiveInfo> Motives { get; init; }
    /// <summary>Barriers recognised.</summary>
    public required IReadOnlyList<BarrierInfo> Barriers { get; init; }
    /// <summary>Which alternative answers the motives, when the recommendation is not a reshoring move.</summary>
    public string? AlternativesExplanation { get; init; }
    /// <summary>Warnings (e.g. inconsistent AHP).</summary>
    public required IReadOnlyList<string> Warnings { get; init; }
}

/// <summary>
/// A transparent multi-criteria scorecard next to the TCO (the study's expected-outcome categories, Tabel 3): scores computed from
/// engine results with documented mappings, or judged by the user; weights direct, equal, or from AHP with Saaty's consistency
/// ratio; the smallest weight change that flips the ranking; the motives and barriers checklist; product suitability; and which
/// alternative to reshoring answers the motives.
/// </summary>
public static class ScorecardEvaluator
{
    /// <summary>Criterion ids in order.</summary>
    public static IReadOnlyList<string> CriterionIds { get; } =
        ["cost", "quality", "delivery", "flexibility", "service", "innovation", "environment", "reputation", "legislation", "culture", "riskMitigation"];

    /// <summary>
    /// Motives with their place in Eurofound's framework: the one list of <see cref="ReshoringMotives.All"/>, shared with the
    /// reshoring monitor. Context is "external", "internal" or "external+internal", goal "customerValue", "costEfficiency" or
    /// "customerValue+costEfficiency" (the last forms for the hybrid zones).
    /// </summary>
    public static IReadOnlyList<(string Id, string Context, string Goal)> MotiveCatalog { get; } =
        ReshoringMotives.All.Select(m => (m.Id, m.Context, m.Goal)).ToList();

    /// <summary>Barriers (SERV study §4.1.2 and the barriers of producing at home): <see cref="ReshoringBarriers.All"/>.</summary>
    public static IReadOnlyList<string> BarrierCatalog { get; } = ReshoringBarriers.All.Select(b => b.Id).ToList();

    /// <summary>Checks the scorecard, motives and barriers of a case.</summary>
    public static IReadOnlyList<CaseError> Validate(ReshoringCase c)
    {
        var errors = new List<CaseError>();
        var motives = MotiveCatalog.Select(m => m.Id).ToHashSet();
        var mb = c.MotivesAndBarriers;
        for (var i = 0; i < (mb?.Motives?.Count ?? 0); i++)
            if (!motives.Contains(mb!.Motives![i])) errors.Add(new($"$.motivesAndBarriers.motives[{i}]", $"Unknown motive '{mb.Motives[i]}'; known: {string.Join(", ", motives)}."));
        var options = c.Items.SelectMany(x => x.Options).GroupBy(o => o.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        for (var i = 0; i < (mb?.Barriers?.Count ?? 0); i++)
        {
            var b = mb!.Barriers![i];
            var p = $"$.motivesAndBarriers.barriers[{i}]";
            if (!BarrierCatalog.Contains(b.Barrier)) errors.Add(new($"{p}.barrier", $"Unknown barrier '{b.Barrier}'; known: {string.Join(", ", BarrierCatalog)}."));
            if (b.Option is null) continue;
            if (!options.TryGetValue(b.Option, out var o)) { errors.Add(new($"{p}.option", $"Unknown option '{b.Option}'.")); continue; }
            if (b.OneOffCost is { } k && k >= (o.Transition?.OneOffCosts?.Count ?? 0)) errors.Add(new($"{p}.oneOffCost", $"Option '{b.Option}' has no one-off cost [{k}]."));
            if (b.Risk is { } r && r is not ("disruption" or "tradePolicy" or "currency" or "ipLoss")) errors.Add(new($"{p}.risk", $"'{r}' is not disruption, tradePolicy, currency or ipLoss."));
        }
        for (var i = 0; i < c.Items.Count; i++)
        {
            var s = c.Items[i].Scorecard;
            if (s is null) continue;
            var p = $"$.items[{i}].scorecard";
            if (s.Weights is not null && s.Ahp is not null) errors.Add(new(p, "Give either weights or ahp, not both."));
            foreach (var (k, w) in s.Weights ?? new Dictionary<string, double>())
            {
                if (!CriterionIds.Contains(k)) errors.Add(new($"{p}.weights.{k}", $"Unknown criterion '{k}'; criteria: {string.Join(", ", CriterionIds)}."));
                if (!(w >= 0)) errors.Add(new($"{p}.weights.{k}", "A weight must be zero or more."));
            }
            if (s.Weights is { Count: > 0 } ws && ws.Values.Sum() <= 0) errors.Add(new($"{p}.weights", "The weights add up to zero."));
            for (var k = 0; k < (s.Ahp?.Count ?? 0); k++)
                foreach (var (name, id) in new[] { ("a", s.Ahp![k].A), ("b", s.Ahp[k].B) })
                    if (!CriterionIds.Contains(id)) errors.Add(new($"{p}.ahp[{k}].{name}", $"Unknown criterion '{id}'."));
            var ids = c.Items[i].Options.Select(o => o.Id).ToHashSet();
            foreach (var (opt, map) in s.Judgements ?? new Dictionary<string, IReadOnlyDictionary<string, Judgement>>())
            {
                if (!ids.Contains(opt)) errors.Add(new($"{p}.judgements.{opt}", $"Unknown option '{opt}'."));
                foreach (var crit in map.Keys)
                    if (!CriterionIds.Contains(crit)) errors.Add(new($"{p}.judgements.{opt}.{crit}", $"Unknown criterion '{crit}'."));
            }
        }
        return errors;
    }

    /// <summary>The evaluation with each item's scorecard re-scored on the simulated risk of each option (as `evaluate --simulate-risk`).</summary>
    public static CaseEvaluation WithSimulatedRisk(CaseEvaluation evaluation, ReshoringCase c, MarketSnapshot market, Risk.SimulationResult simulation, CultureInfo culture)
    {
        var context = new CaseContext(c, market);
        return evaluation with
        {
            Items = evaluation.Items.Select((item, i) =>
            {
                // Each option on its own: the tail of its annual cost (CVaR95 / mean − 1) and whether it fails the TTS/TTR check.
                var sim = simulation.Items.SingleOrDefault(s => s.ItemId == item.Id);
                if (sim is null) return item;
                var risk = sim.Strategies.Where(s => item.Options.Any(o => o.Id == s.Id) && s.Shares.Count == 1)
                    // The tail of a single year (the H-year average's tail shrinks like 1/√H, model §8.8).
                    .ToDictionary(s => s.Id, s => (s.AnnualCost.Mean > 0 ? (s.SingleYearCvar95 ?? s.AnnualCost.Cvar95) / s.AnnualCost.Mean - 1 : 0, s.Options.Any(x => x.AtRisk)));
                return item with { Scorecard = Evaluate(context, c.Items[i], item, culture, risk) };
            }).ToList(),
        };
    }

    /// <summary>The scorecard of an evaluated item; <paramref name="risk"/> carries simulated (CVaR/mean − 1, TTS &lt; TTR) per option when simulated.</summary>
    public static ItemScorecard Evaluate(CaseContext ctx, Item item, ItemEvaluation evaluation, CultureInfo culture, IReadOnlyDictionary<string, (double TailExcess, bool SurvivalFlag)>? risk = null)
    {
        var inputs = item.Scorecard ?? new ScorecardInputs();
        var warnings = new List<string>();
        var (weights, method, cr) = Weights(inputs, warnings, culture);
        var rd = inputs.RdSite ?? ctx.Home;
        var pvRatio = RatioToLowest(evaluation.Options.Select(o => o.PvCost).ToList());
        // CO2e is compared among the options whose emissions are known: an unknown one is missing, never the lowest.
        var co2Known = evaluation.Options.Where(o => o.Co2eComplete).Select(o => o.Co2eKgPerUnit).ToList();
        var co2Ratio = co2Known.Count > 0 ? RatioToLowest(co2Known) : _ => double.NaN;
        var scored = evaluation.Options.Select(o =>
        {
            var option = item.Options.Single(x => x.Id == o.Id);
            var judged = inputs.Judgements is { } j && j.TryGetValue(o.Id, out var map) ? map : null;
            var scores = CriterionIds.Select(crit =>
            {
                if (judged is not null && judged.TryGetValue(crit, out var given))
                    return new CriterionScore(crit, given.Score, ScoreSource.Judged, null, given.Rationale);
                return Computed(ctx, crit, option, o, pvRatio(o.PvCost), co2Ratio(o.Co2eKgPerUnit), rd, risk, culture) ?? new CriterionScore(crit, null, ScoreSource.Missing, null, Text.Get(culture, "Sc_Missing", "not scored: judge it in scorecard.judgements"));
                // Computed returns a Missing score itself when the engine lacks the input (unknown lead time, emissions, risk).
            }).ToList();
            return (o.Id, Scores: scores);
        }).ToList();
        var common = CriterionIds.Where(c => scored.All(o => o.Scores.Single(s => s.Criterion == c).Score is not null)).ToList();
        var commonWeight = common.Sum(c => weights[c]);
        double Total(IReadOnlyList<CriterionScore> scores, IReadOnlyDictionary<string, double> w)
        {
            var sum = common.Sum(c => w[c]);
            return sum <= 0 ? 0 : common.Sum(c => w[c] * scores.Single(s => s.Criterion == c).Score!.Value) / sum;
        }
        var totals = scored.Select(o => (o.Id, o.Scores, Total: Total(o.Scores, weights))).OrderByDescending(o => o.Total).ThenBy(o => o.Id, StringComparer.Ordinal).ToList();
        var options = totals.Select((o, rank) => new OptionScorecard(o.Id, o.Scores, o.Total, rank + 1)).ToList();
        if (commonWeight < 1 - 1e-9)
            warnings.Add(Text.Format(culture, "Sc_Coverage", "Only {0:P0} of the weight is on criteria scored for every option; judge the missing ones for a complete ranking.", commonWeight));
        var suitability = Suitability(inputs.Traits);
        var motives = (ctx.Case.MotivesAndBarriers?.Motives ?? []).Select(id => MotiveCatalog.Single(m => m.Id == id))
            .Select(m => new MotiveInfo(m.Id, Text.Get(culture, "Motive_" + m.Id, m.Id), m.Context, m.Goal)).ToList();
        var barriers = (ctx.Case.MotivesAndBarriers?.Barriers ?? []).Select(b => Barrier(b, item, culture)).Where(b => b is not null).Select(b => b!).ToList();
        return new ItemScorecard
        {
            Criteria = CriterionIds.Select(c => (c, Text.Get(culture, "Crit_" + c, c), weights[c])).ToList(),
            WeightingMethod = method,
            ConsistencyRatio = cr,
            Options = options,
            Coverage = commonWeight,
            Sensitivity = Sensitivity(options, common, weights),
            Suitability = suitability,
            SuitabilityExplanation = SuitabilityText(suitability, culture),
            Motives = motives,
            Barriers = barriers,
            AlternativesExplanation = Alternatives(item, evaluation, motives, culture),
            Warnings = warnings,
        };
    }

    private static (IReadOnlyDictionary<string, double> Weights, string Method, double? Cr) Weights(ScorecardInputs inputs, List<string> warnings, CultureInfo culture)
    {
        if (inputs.Weights is { Count: > 0 } direct)
        {
            var sum = direct.Values.Sum();
            return (CriterionIds.ToDictionary(c => c, c => direct.TryGetValue(c, out var w) ? w / sum : 0), "direct", null);
        }
        if (inputs.Ahp is { Count: > 0 } pairs)
        {
            var used = pairs.SelectMany(p => new[] { p.A, p.B }).Distinct().OrderBy(c => CriterionIds.ToList().IndexOf(c)).ToList();
            var n = used.Count;
            var matrix = new double[n, n];
            for (var i = 0; i < n; i++) matrix[i, i] = 1;
            foreach (var p in pairs)
            {
                var a = used.IndexOf(p.A);
                var b = used.IndexOf(p.B);
                matrix[a, b] = p.Value;
                matrix[b, a] = 1 / p.Value;
            }
            for (var i = 0; i < n; i++)
                for (var k = i + 1; k < n; k++)
                    if (matrix[i, k] == 0)
                        warnings.Add(Text.Format(culture, "Sc_AhpGap", "AHP: {0} and {1} are not compared; the pair is taken as equal (1).", used[i], used[k]));
            for (var i = 0; i < n; i++) for (var k = 0; k < n; k++) if (matrix[i, k] == 0) matrix[i, k] = 1;
            var result = Ahp.Solve(matrix);
            if (result.ConsistencyRatio > 0.1)
                warnings.Add(Text.Format(culture, "Sc_Inconsistent", "The AHP comparisons are inconsistent: consistency ratio {0:0.000} > 0.1 (Saaty). Revisit the judgements.", result.ConsistencyRatio));
            return (CriterionIds.ToDictionary(c => c, c => used.Contains(c) ? result.Weights[used.IndexOf(c)] : 0), "ahp", result.ConsistencyRatio);
        }
        return (CriterionIds.ToDictionary(c => c, _ => 1.0 / CriterionIds.Count), "equal", null);
    }

    /// <summary>
    /// A value's ratio r to the lowest of the options: v ÷ min when the lowest is positive; otherwise (a zero or negative lowest value,
    /// where a quotient means nothing) 1 + (v − min) ÷ max |v|, so the lowest still has r = 1 and the others are ranked by their excess.
    /// </summary>
    public static Func<double, double> RatioToLowest(IReadOnlyList<double> values)
    {
        var min = values.Min();
        if (min > 0) return v => v / min;
        var scale = values.Max(Math.Abs);
        return scale > 0 ? v => 1 + (v - min) / scale : _ => 1;
    }

    /// <summary>Score from bands: the first band whose upper limit the value does not exceed gives 5, 4, 3, 2; above all, 1.</summary>
    public static double Band(double value, double five, double four, double three, double two) =>
        value <= five ? 5 : value <= four ? 4 : value <= three ? 3 : value <= two ? 2 : 1;

    /// <summary>The documented mapping of an engine value to a 1–5 score, or null when the engines do not know the criterion.</summary>
    private static CriterionScore? Computed(CaseContext ctx, string criterion, SourcingOption option, OptionEvaluation o, double pvRatio, double co2Ratio, Values.CountryCode rd,
        IReadOnlyDictionary<string, (double TailExcess, bool SurvivalFlag)>? risk, CultureInfo culture)
    {
        string T(string key, string en) => Text.Get(culture, key, en);
        switch (criterion)
        {
            case "cost":
            {
                // 5 for the lowest present cost, one point less per 12.5% above it, 1 from +50%.
                var ratio = pvRatio;
                return new CriterionScore(criterion, Math.Clamp(5 - 8 * (ratio - 1), 1, 5), ScoreSource.Computed, ratio,
                    T("Map_Cost", "present cost ÷ lowest present cost r: score = 5 − 8 (r − 1), between 1 and 5"));
            }
            case "quality":
            {
                var q = option.Quality;
                if (q?.DefectRatePct is null && q?.WarrantyReturnRatePct is null) return null;
                var rate = (q.DefectRatePct ?? 0) + (q.WarrantyReturnRatePct ?? 0);
                return new CriterionScore(criterion, Band(rate, 0.5, 1, 2, 4), ScoreSource.Computed, rate, T("Map_Quality", "defect + return rate, %: ≤ 0.5 → 5, ≤ 1 → 4, ≤ 2 → 3, ≤ 4 → 2, more → 1"));
            }
            case "delivery":
            {
                if (!o.LeadTimeKnown)
                    return MissingInput(criterion, T("Sc_MissingLeadTime", "not scored: the lead time is unknown (give production.productionLeadTimeDays and each leg's transit), or judge it"));
                var days = o.LeadTimeDays + 2 * (option.Inventory?.LeadTimeStdDevDays ?? 0);
                return new CriterionScore(criterion, Band(days, 7, 21, 45, 90), ScoreSource.Computed, days, T("Map_Delivery", "lead time + 2 × its standard deviation, days: ≤ 7 → 5, ≤ 21 → 4, ≤ 45 → 3, ≤ 90 → 2, more → 1"));
            }
            case "environment":
            {
                if (!o.Co2eComplete)
                    return MissingInput(criterion, T("Sc_MissingCo2e", "not scored: CO2e is incomplete (give production.energyKwhPerUnit or processEmissionsKgPerUnit, and each leg's distance), or judge it"));
                var ratio = co2Ratio;
                return new CriterionScore(criterion, Math.Clamp(5 - 2 * (ratio - 1), 1, 5), ScoreSource.Computed, ratio,
                    T("Map_Environment", "CO2e per unit ÷ lowest CO2e r: score = 5 − 2 (r − 1), between 1 and 5"));
            }
            case "innovation":
            {
                double km;
                if (option.Country == rd) km = 0;
                else if (rd == ctx.Home && MainLegKm(ctx, option) is > 0 and var legs) km = legs;
                // Without transport legs to measure, a nearshore location counts as 2,000 km and an offshore one as 9,000 km.
                else km = CaseContext.NearshoreCountries.Contains(option.Country.Value) == CaseContext.NearshoreCountries.Contains(rd.Value) ? 2000 : 9000;
                return new CriterionScore(criterion, option.Country == rd ? 5 : Band(km, 0, 1500, 3500, 10000), ScoreSource.Computed, km,
                    T("Map_Innovation", "distance to the R&D site, km (main transport legs): same country → 5, ≤ 1,500 → 4, ≤ 3,500 → 3, ≤ 10,000 → 2, more → 1"));
            }
            case "riskMitigation":
            {
                if (risk is not null && risk.TryGetValue(o.Id, out var r))
                {
                    var score = Band(r.TailExcess * 100, 2, 5, 10, 20) - (r.SurvivalFlag ? 1 : 0);
                    return new CriterionScore(criterion, Math.Max(1, score), ScoreSource.Computed, r.TailExcess,
                        T("Map_RiskSim", "simulated single-year CVaR95 ÷ mean − 1, %: ≤ 2 → 5, ≤ 5 → 4, ≤ 10 → 3, ≤ 20 → 2, more → 1; one point less when TTS < TTR + lead time"));
                }
                // Without its disruption risk the option's risk share says nothing: missing, not the best score.
                if (o.Lines.FirstOrDefault(l => l.Factor == "disruption") is not { Assessed: true })
                    return MissingInput(criterion, T("Sc_MissingRisk", "not scored: no disruption risk given (risk.disruption) and no simulation, or judge it"));
                var share = o.TcoPerUnit > 0 ? o.TcoPerUnitByKind[CostKind.Risk] / o.TcoPerUnit * 100 : 0;
                return new CriterionScore(criterion, Band(share, 1, 3, 6, 10), ScoreSource.Computed, share,
                    T("Map_RiskTco", "risk cost lines as % of the TCO: ≤ 1 → 5, ≤ 3 → 4, ≤ 6 → 3, ≤ 10 → 2, more → 1"));
            }
            case "reputation":
            {
                // Job creation at home (the study's Tabel 3, reputation and trust with the public and staff): the average net change in
                // home FTE against the status quo over the horizon. Unknown jobs are missing, never a middle score.
                var net = o.Jobs?.Years.Select(y => y.NetFteVsStatusQuo.Home).ToList();
                if (net is null || net.Count == 0 || net.Any(n => n is null))
                    return MissingInput(criterion, T("Sc_MissingJobs", "not scored: the jobs at home are unknown (give labour hours, or a supplier's priceLabourSharePct, and hours per FTE), or judge it"));
                var mean = net.Average(n => n!.Value);
                return new CriterionScore(criterion, Band(-mean, -10.5, -0.5, 0.5, 10), ScoreSource.Computed, mean,
                    T("Map_Reputation", "job creation: net FTE at home against the status quo, average over the horizon: ≥ 10.5 → 5, ≥ 0.5 → 4, within ±0.5 → 3, ≥ −10 → 2, less → 1"));
            }
            default:
                return null;
        }
    }

    private static CriterionScore MissingInput(string criterion, string why) => new(criterion, null, ScoreSource.Missing, null, why);

    private static double MainLegKm(CaseContext ctx, SourcingOption option) =>
        (option.Logistics?.Legs ?? []).Where(l => (l.Role ?? LegRole.Main) == LegRole.Main)
            .Sum(l => l.DistanceKm ?? (l.Lane is { } id && ctx.Market.Lanes.TryGetValue(id, out var lane) ? lane.DistanceKm.Value : 0));

    private static BarrierInfo? Barrier(BarrierEntry b, Item item, CultureInfo culture)
    {
        var name = Text.Get(culture, "Barrier_" + b.Barrier, b.Barrier);
        if (b.Option is null) return new BarrierInfo(b.Barrier, name, null, true);
        var option = item.Options.FirstOrDefault(o => o.Id == b.Option);
        if (option is null) return null;   // the barrier belongs to another item
        string? link = null;
        if (b.OneOffCost is { } k && option.Transition?.OneOffCosts is { } costs && k < costs.Count)
            link = $"{option.Id}: oneOffCosts[{k}] ({costs[k].Description ?? CaseValidator.JsonName(costs[k].Type.ToString())})";
        else if (b.Risk is { } r) link = $"{option.Id}: risk.{r}";
        return new BarrierInfo(b.Barrier, name, link, link is null);
    }

    /// <summary>
    /// The smallest change of one criterion's weight (the others scaled to keep the sum at 1) that puts another option on top.
    /// With w_c → w_c + δ, option o totals (w_c + δ) s_oc + (1 − w_c − δ)/(1 − w_c) R_o, R_o = Σ_{k≠c} w_k s_ok, so each pair's tie
    /// is linear in δ.
    /// </summary>
    public static RankingSensitivity? Sensitivity(IReadOnlyList<OptionScorecard> options, IReadOnlyList<string> criteria, IReadOnlyDictionary<string, double> weights)
    {
        if (options.Count < 2 || criteria.Count < 2) return null;
        var sum = criteria.Sum(c => weights[c]);
        if (sum <= 0) return null;
        var w = criteria.ToDictionary(c => c, c => weights[c] / sum);
        double Score(OptionScorecard o, string c) => o.Scores.Single(s => s.Criterion == c).Score!.Value;
        var top = options[0];
        RankingSensitivity? best = null;
        foreach (var c in criteria)
        {
            var wc = w[c];
            if (wc >= 1) continue;
            double Rest(OptionScorecard o) => criteria.Where(k => k != c).Sum(k => w[k] * Score(o, k));
            foreach (var other in options.Skip(1))
            {
                // f(δ) = (wc + δ)(s_t − s_o) + (1 − wc − δ)/(1 − wc) (R_t − R_o) = 0.
                var ds = Score(top, c) - Score(other, c);
                var dr = (Rest(top) - Rest(other)) / (1 - wc);
                var slope = ds - dr;
                if (Math.Abs(slope) < 1e-12) continue;
                var delta = -(wc * ds + (1 - wc) * dr) / slope;
                if (wc + delta < -1e-12 || wc + delta > 1 + 1e-12) continue;
                if (best is null || Math.Abs(delta) < Math.Abs(best.WeightChange))
                    best = new RankingSensitivity(c, delta, wc + delta, other.OptionId);
            }
        }
        return best;
    }

    /// <summary>
    /// Produce-near suitability in [−1, 1] (SERV 2023, line 429): mean over the traits given of (3 − series)/2, (3 − stability)/2,
    /// (complexity − 3)/2, (knowledge − 3)/2, (customisation − 3)/2 and (R&amp;D proximity need − 3)/2; null without traits.
    /// </summary>
    public static double? Suitability(ProductTraits? t)
    {
        if (t is null) return null;
        var scores = new List<double>();
        if (t.SeriesSize is { } s) scores.Add((3 - s) / 2);
        if (t.VolumeStability is { } v) scores.Add((3 - v) / 2);
        if (t.Complexity is { } c) scores.Add((c - 3) / 2);
        if (t.KnowledgeIntensity is { } k) scores.Add((k - 3) / 2);
        if (t.Customisation is { } u) scores.Add((u - 3) / 2);
        if (t.RdProximityNeed is { } r) scores.Add((r - 3) / 2);
        return scores.Count == 0 ? null : scores.Average();
    }

    private static string SuitabilityText(double? s, CultureInfo culture) => s switch
    {
        null => Text.Get(culture, "Suit_None", "No product traits given: give scorecard.traits for the produce-near / produce-far rule of thumb."),
        > 0.25 => Text.Format(culture, "Suit_Near", "Produce near ({0:+0.00}): short series, unstable volumes, complex, knowledge-intensive or customised products and a need for R&D proximity favour production close to home (SERV study).", s),
        < -0.25 => Text.Format(culture, "Suit_Far", "Produce far ({0:+0.00;−0.00}): long series of stable, simple, standard products suit low-wage locations (SERV study).", s),
        _ => Text.Format(culture, "Suit_Neutral", "Neither near nor far ({0:+0.00;−0.00;0}): the traits pull both ways.", s),
    };

    /// <summary>When the recommendation is not a move home or nearby, which alternative answers the motives ticked.</summary>
    private static string? Alternatives(Item item, ItemEvaluation evaluation, IReadOnlyList<MotiveInfo> motives, CultureInfo culture)
    {
        var recommended = evaluation.Options.Single(o => o.Id == evaluation.RecommendedOptionId);
        var reshoring = recommended.Governance is not (GovernanceModel.StatusQuo or GovernanceModel.Offshoring) && recommended.LocationClass != LocationClass.Offshore;
        if (reshoring || motives.Count == 0) return null;
        var remedies = motives.Select(m => m.Id switch
        {
            "deliveryTimes" or "customerProximity" => Text.Get(culture, "Alt_Lead", "buffer stock or a nearshore second source shortens effective delivery times"),
            "poorQuality" => Text.Get(culture, "Alt_Quality", "a qualified second source (dual sourcing) or supplier development answers quality problems"),
            "supplyRisk" or "geopoliticalRisk" or "hostInfrastructure" or "economicCrisis" or "tariffsAndTrade" or "currency" => Text.Get(culture, "Alt_Risk", "dual sourcing, a parallel chain or strategic stock spread the supply risk"),
            "madeIn" => Text.Get(culture, "Alt_MadeIn", "only production at home or in Europe earns the 'made in' premium: keep reshoring on the table"),
            "innovation" or "rdProximity" => Text.Get(culture, "Alt_Innovation", "a parallel pilot line near R&D keeps innovation close while volume stays abroad"),
            _ => null,
        }).OfType<string>().Distinct().ToList();
        return remedies.Count == 0 ? null
            : Text.Format(culture, "Alt_Intro", "The recommended option ({0}) is not a reshoring move; for the motives ticked: {1}. Run reshore simulate or reshore optimize to compare these strategies.", recommended.Id, string.Join("; ", remedies));
    }
}
