using System.Globalization;
using Reshore.Core.Costing;
using Reshore.Core.Domain;
using Reshore.Core.Localization;
using Reshore.Core.MarketData;
using Reshore.Core.Optimization;
using Reshore.Core.Risk;
using Reshore.Core.Scorecard;

namespace Reshore.Core.Decision;

/// <summary>
/// Reconciles the views of a case into one decision per item (docs/model.md §14): it reads the evaluation (present cost on all factors and
/// on hard costs, scorecard), the simulation and the optimiser where they were run, picks the view the verdict rests on, rates the
/// confidence, finds what would flip the cost comparison with the break-even engine and says why the other views disagree.
/// </summary>
public static class DecisionAnalyzer
{
    /// <summary>A relative change of a top driver or main input below this flips a fragile verdict.</summary>
    public const double FragileChange = 0.10;
    /// <summary>A simulated P(cheapest) of the verdict below this makes it fragile.</summary>
    public const double FragileProbability = 0.60;
    /// <summary>A share of the difference from risk and strategic lines above this makes the verdict depend on estimates.</summary>
    public const double EstimateShare = 0.50;
    /// <summary>A share of not-assessed cost factors above this makes the verdict depend on estimates.</summary>
    public const double NotAssessedLimit = 0.25;
    /// <summary>Inputs searched for flips besides the uncertain ones move this far either way (relative), or ±5 points for percentages.</summary>
    public const double SearchChange = 0.5;
    /// <summary>At most this many flips are reported per item, nearest first.</summary>
    public const int MaxFlips = 6;

    /// <summary>The evaluation with <see cref="ItemEvaluation.Decision"/> filled in for every item.</summary>
    /// <remarks><paramref name="searches"/>: the input searches, started earlier by <see cref="StartFlipSearches"/> on this evaluation; run here when null.</remarks>
    public static CaseEvaluation Decide(CaseEvaluation evaluation, ReshoringCase c, IReadOnlyList<UncertainInput> uncertain, MarketSnapshot market,
        SimulationResult? simulation, IReadOnlyList<ItemOptimization>? optimization, CultureInfo culture, FlipSearches? searches = null)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        ArgumentNullException.ThrowIfNull(c);
        return evaluation with
        {
            Items = evaluation.Items.Select((item, index) => item with
            {
                Decision = DecideItem(evaluation, item, c, index, uncertain, market, simulation?.Items.FirstOrDefault(s => s.ItemId == item.Id),
                    optimization?.FirstOrDefault(o => o.ItemId == item.Id), simulation, culture, searches?.Of(index)),
            }).ToList(),
        };
    }

    /// <summary>
    /// Starts, on other threads, the searches for the input values that flip each item's cost comparison (what <see cref="Decide"/> reports
    /// as input flips): they need only the case and its evaluation, so they can run while the simulation does. Pass the result to Decide.
    /// </summary>
    public static FlipSearches StartFlipSearches(CaseEvaluation evaluation, ReshoringCase c, IReadOnlyList<UncertainInput> uncertain, MarketSnapshot market)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        ArgumentNullException.ThrowIfNull(c);
        var hardOnly = !(c.Assumptions?.RecommendOnAllFactors ?? true);
        var items = evaluation.Items.Select((item, index) =>
        {
            if (item.ComparedOptionId is not { } compared) return null;
            var recommended = item.Options.Single(o => o.Id == item.RecommendedOptionId);
            var candidates = FlipCandidates(c, index, uncertain, recommended, item.Options.Single(o => o.Id == compared));
            return new FlipSearch(item.Id, hardOnly, candidates, Task.Run(() => SearchFlips(c, market, item.Id, candidates, hardOnly)));
        }).ToList();
        return new FlipSearches(items);
    }

    /// <summary>True when the optimiser proved its answer optimal (not a time-limited incumbent, not infeasible).</summary>
    public static bool IsProvenOptimal(ItemOptimization o) => o.Optimum is not null && string.Equals(o.Status, "OPTIMAL", StringComparison.OrdinalIgnoreCase);

    private static DecisionSummary DecideItem(CaseEvaluation e, ItemEvaluation item, ReshoringCase c, int index, IReadOnlyList<UncertainInput> uncertain,
        MarketSnapshot market, ItemSimulation? sim, ItemOptimization? opt, SimulationResult? run, CultureInfo culture, FlipSearch? search)
    {
        string T(string key, string en) => Text.Get(culture, key, en);
        string F(string key, string en, params object?[] args) => Text.Format(culture, key, en, args);
        var cur = e.Currency.Value;
        string Money(double v) => v.ToString("N0", culture) + " " + cur;
        var names = item.Options.ToDictionary(o => o.Id, o => o.Name ?? o.Id);
        string Name(string id) => names.GetValueOrDefault(id, id);
        string Mix(IReadOnlyDictionary<string, double> shares, double buffer)
        {
            var used = shares.Where(s => s.Value > 1e-6).OrderByDescending(s => s.Value).ToList();
            var text = used.Count == 1 ? Name(used[0].Key) : string.Join(" + ", used.Select(s => s.Value.ToString("P0", culture) + " " + Name(s.Key)));
            return buffer > 1e-9 ? F("Decision_WithBuffer", "{0} with {1} weeks of buffer stock", text, buffer.ToString("0.#", culture)) : text;
        }
        static Dictionary<string, double> Single(string id) => new() { [id] = 1 };
        static string? OneOption(IReadOnlyDictionary<string, double> shares, double buffer)
        {
            var used = shares.Where(s => s.Value > 1e-6).ToList();
            return used.Count == 1 && buffer <= 1e-9 ? used[0].Key : null;
        }

        var hardOnlyRanking = !(c.Assumptions?.RecommendOnAllFactors ?? true);
        var option = item.Options.ToDictionary(o => o.Id);
        var byAll = item.Options.MinBy(o => o.PvCost)!;
        var byHard = item.Options.Single(o => o.Id == item.RecommendedOnHardCostsOnlyOptionId);
        var recommended = option[item.RecommendedOptionId];
        var compared = item.ComparedOptionId is { } cid ? option[cid] : null;

        // The views that were run, each with its answer.
        var views = new List<(DecisionView View, IReadOnlyDictionary<string, double> Shares, double Buffer, string Measure, double? Value)>
        {
            (DecisionView.Tco, Single(byAll.Id), 0, F("Decision_MeasurePv", "present cost {0} over {1} years", Money(byAll.PvCost), e.HorizonYears), byAll.PvCost),
            (DecisionView.TcoHardOnly, Single(byHard.Id), 0, F("Decision_MeasurePvHard", "present cost on hard costs {0}", Money(byHard.PvCostHardOnly)), byHard.PvCostHardOnly),
        };
        var topScore = item.Scorecard?.Options.MinBy(o => o.Rank);
        if (item.Scorecard is not null && topScore is not null)
            views.Add((DecisionView.Scorecard, Single(topScore.OptionId), 0, F("Decision_MeasureScore", "weighted score {0} of 5", topScore.WeightedTotal.ToString("0.00", culture)), topScore.WeightedTotal));
        var bestStrategy = sim?.Strategies.MinBy(s => s.AnnualCost.Mean);
        if (bestStrategy is not null)
            views.Add((DecisionView.Simulation, bestStrategy.Shares, bestStrategy.BufferWeeks,
                F("Decision_MeasureSim", "mean annual cost {0}, cheapest in {1} of {2} scenarios", Money(bestStrategy.AnnualCost.Mean), bestStrategy.ProbabilityCheapest.ToString("P0", culture), run!.Scenarios.ToString("N0", culture)),
                bestStrategy.AnnualCost.Mean));
        if (opt?.Optimum is { } optimum)
            views.Add((DecisionView.Optimizer, opt.OptionIds.Zip(optimum.Shares).ToDictionary(p => p.First, p => p.Second), optimum.BufferWeeks,
                F("Decision_MeasureOpt", "expected annual cost {0}, CVaR {1} (λ = {2}; solver: {3})", Money(optimum.ExpectedCost), Money(optimum.Cvar), opt.RiskAversion.ToString("0.##", culture), opt.Status.ToLowerInvariant()),
                optimum.ExpectedCost));

        // The basis: the most complete cost view that was run.
        var basis = opt is not null && IsProvenOptimal(opt) ? DecisionView.Optimizer
            : bestStrategy is not null ? DecisionView.Simulation
            : hardOnlyRanking ? DecisionView.TcoHardOnly : DecisionView.Tco;
        var basisView = views.Single(v => v.View == basis);
        var verdictShares = basisView.Shares.Where(s => s.Value > 1e-6).ToDictionary(s => s.Key, s => s.Value);
        var verdictOption = OneOption(verdictShares, basisView.Buffer);
        var verdict = Mix(verdictShares, basisView.Buffer);
        bool Same(IReadOnlyDictionary<string, double> shares, double buffer) =>
            OneOption(shares, buffer) is { } one ? one == verdictOption : verdictOption is null
                && Math.Abs(buffer - basisView.Buffer) < 0.05 && shares.Keys.Union(verdictShares.Keys).All(k => Math.Abs(shares.GetValueOrDefault(k) - verdictShares.GetValueOrDefault(k)) < 0.01);
        var answers = views.Select(v => new ViewAnswer
        {
            View = v.View, OptionId = OneOption(v.Shares, v.Buffer), Shares = v.Shares.Where(s => s.Value > 1e-6).ToDictionary(s => s.Key, s => s.Value), BufferWeeks = v.Buffer,
            Answer = Mix(v.Shares, v.Buffer), Measure = v.Measure, Value = v.Value, Agrees = Same(v.Shares, v.Buffer), IsBasis = v.View == basis,
        }).ToList();
        var basisReason = basis switch
        {
            DecisionView.Optimizer => F("Decision_BasisOpt",
                "It rests on the optimal mix: the optimiser chooses shares of the options and a buffer stock over {0} simulated scenarios, minimising expected annual cost plus λ × CVaR, and proved its answer optimal. Each option alone is one of the mixes it weighed, so no other view covers more.",
                opt!.Scenarios.ToString("N0", culture)),
            DecisionView.Simulation => F("Decision_BasisSim",
                "It rests on the risk-adjusted cost from the simulation ({0} scenarios): the simulation keeps every cost line of the comparison but replaces the expected-disruption, lead-time-mismatch and stock lines by simulated outages, stock and shortages, and draws the uncertain inputs, so it is the most complete view that was run.",
                run!.Scenarios.ToString("N0", culture)),
            DecisionView.TcoHardOnly => F("Decision_BasisHard",
                "It rests on the present cost over {0} years on hard costs only, as the case asks; no simulation or optimisation was run for this item.", e.HorizonYears),
            _ => F("Decision_BasisTco",
                "It rests on the present cost over {0} years on all cost factors (hard, risk and strategic): the business case. No simulation or optimisation was run for this item, so the risk lines are expected values.", e.HorizonYears),
        };

        // What would flip the cost comparison.
        var flips = new List<DecisionFlip>();
        var pvOf = item.Options.ToDictionary(o => o.Id, o => PresentValueBreakdown.Of(o, hardOnlyRanking));
        if (compared is not null)
        {
            var gap = (hardOnlyRanking ? compared.PvCostHardOnly - recommended.PvCostHardOnly : compared.PvCost - recommended.PvCost);
            foreach (var d in item.Drivers.Where(d => d.PresentValueDifference > 0).Take(3))
            {
                if (gap <= 0) break;
                var at = d.PresentValueDifference - gap;
                var change = gap / d.PresentValueDifference;
                // A driver that could vanish without closing the gap does not flip the answer on its own.
                if (change > 1) continue;
                flips.Add(new DecisionFlip
                {
                    Kind = "driver", Input = d.Factor, Label = F("Decision_DriverLabel", "{0} (present-value advantage)", d.Name), Current = d.PresentValueDifference, FlipsAt = at,
                    Option = compared.Id, OptionName = Name(compared.Id), RelativeChange = change, Unit = cur,
                    Text = F("Decision_DriverFlip", "{0}: worth {1} in favour of {2}; if it were {3} smaller ({4}), {5} would cost as little.",
                        Capital(d.Name, culture), Money(d.PresentValueDifference), Name(recommended.Id), Money(gap), change.ToString("P0", culture), Name(compared.Id)),
                });
            }
            flips.AddRange(InputFlips(c, index, item, uncertain, market, recommended, compared, hardOnlyRanking, culture, Name, search));
        }
        flips = flips.OrderBy(f => f.RelativeChange).Take(MaxFlips).ToList();

        // Confidence.
        var soft = compared is null ? 0 : CaseEvaluator.SoftShare(recommended, compared);
        double? smallest = flips.Count == 0 ? null : flips.Min(f => f.RelativeChange);
        double? pCheapest = basis == DecisionView.Simulation ? bestStrategy!.ProbabilityCheapest
            : sim?.Strategies.FirstOrDefault(s => verdictOption is not null && s.Id == verdictOption)?.ProbabilityCheapest;
        var pair = compared is null ? [recommended] : new[] { recommended, compared };
        var applicable = pair.SelectMany(o => o.Lines).Where(l => l.Status is LineStatus.Assessed or LineStatus.NotAssessed).Select(l => l.Factor).Distinct().Count();
        var notAssessed = pair.SelectMany(o => o.NotAssessed).Distinct().Count();
        var naShare = applicable == 0 ? 0 : (double)notAssessed / applicable;
        var fragile = new List<string>();
        var estimates = new List<string>();
        if (smallest is { } s0 && s0 < FragileChange)
            fragile.Add(F("Decision_WhyFlip", "a change of {0} in {1} flips the cost comparison", s0.ToString("P0", culture), flips[0].Label));
        if (pCheapest is { } p && p < FragileProbability)
            fragile.Add(F("Decision_WhyProbability", "the simulation finds it cheapest in only {0} of scenarios", p.ToString("P0", culture)));
        var costViews = answers.Where(a => a.View is DecisionView.Tco or DecisionView.Simulation or DecisionView.Optimizer && !a.IsBasis && !a.Agrees
            && !(a.View == DecisionView.Optimizer && opt is not null && !IsProvenOptimal(opt))).ToList();
        if (basis == DecisionView.TcoHardOnly) costViews.RemoveAll(a => a.View == DecisionView.Tco);
        foreach (var a in costViews)
            fragile.Add(F("Decision_WhyViews", "{0} prefers {1}", ViewName(a.View, culture), a.Answer));
        if (soft > EstimateShare)
            estimates.Add(F("Decision_WhySoft", "{0} of its cost advantage comes from risk and strategic estimates", soft.ToString("P0", culture)));
        if (basis == DecisionView.Tco && byHard.Id != verdictOption)
            estimates.Add(F("Decision_WhyHard", "on hard costs alone {0} is cheapest", Name(byHard.Id)));
        if (naShare > NotAssessedLimit)
            estimates.Add(F("Decision_WhyNotAssessed", "{0} of the applicable cost factors were not assessed", naShare.ToString("P0", culture)));
        var inputs = new ConfidenceInputs(soft, smallest, pCheapest, naShare);
        var confidence = Rate(inputs, costViews.Count, basis == DecisionView.Tco && byHard.Id != verdictOption);
        var reasons = fragile.Concat(estimates).ToList();
        if (reasons.Count == 0)
            reasons.Add(compared is null
                ? T("Decision_WhyOne", "there is only one option")
                : F("Decision_WhyRobust", "no top driver or main input within {0} of its value flips it, the cost views agree and it rests mainly on hard costs", FragileChange.ToString("P0", culture)));

        return new DecisionSummary
        {
            VerdictOptionId = verdictOption, VerdictShares = verdictShares, VerdictBufferWeeks = basisView.Buffer, Verdict = verdict,
            Basis = basis, BasisReason = basisReason, Confidence = confidence, ConfidenceReasons = reasons.Select(r => Capital(r, culture) + ".").ToList(),
            ConfidenceInputs = inputs,
            Flips = flips, Views = answers,
            Reconciliation = Reconcile(e, item, answers, basis, verdictOption, pvOf, sim, opt, culture, Name),
            KeyFigures = Figures(e, item, verdictOption is null ? null : option[verdictOption], answers.Single(a => a.IsBasis), opt, culture),
            Risks = Risks(item, verdictOption is null ? null : option[verdictOption], sim, basis == DecisionView.Simulation ? bestStrategy : null, cur, culture, Name),
            OpenPoints = OpenPoints(item, verdictOption is null ? null : option[verdictOption], culture),
        };
    }

    /// <summary>
    /// The confidence rule (docs/model.md §14.3): fragile when a top driver or main input flips the cost comparison with a change under
    /// <see cref="FragileChange"/>, when the simulation finds the verdict cheapest in under <see cref="FragileProbability"/> of scenarios, or
    /// when a cost view that was run (present cost, simulation, proven optimum) disagrees with the verdict; otherwise depends on estimates
    /// when more than <see cref="EstimateShare"/> of the advantage comes from risk and strategic lines, when more than
    /// <see cref="NotAssessedLimit"/> of the applicable cost factors are not assessed, or when hard costs alone pick another option; else robust.
    /// </summary>
    public static DecisionConfidence Rate(ConfidenceInputs inputs, int disagreeingCostViews, bool hardOnlyDisagrees)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (inputs.SmallestFlipChange < FragileChange || inputs.ProbabilityCheapest < FragileProbability || disagreeingCostViews > 0) return DecisionConfidence.Fragile;
        if (inputs.SoftShare > EstimateShare || inputs.NotAssessedShare > NotAssessedLimit || hardOnlyDisagrees) return DecisionConfidence.DependsOnEstimates;
        return DecisionConfidence.Robust;
    }

    /// <summary>The view's name in words.</summary>
    public static string ViewName(DecisionView view, CultureInfo culture) => view switch
    {
        DecisionView.Tco => Text.Get(culture, "Decision_ViewTco", "the present-cost comparison (all factors)"),
        DecisionView.TcoHardOnly => Text.Get(culture, "Decision_ViewHard", "the present cost on hard costs only"),
        DecisionView.Scorecard => Text.Get(culture, "Decision_ViewScorecard", "the scorecard"),
        DecisionView.Simulation => Text.Get(culture, "Decision_ViewSimulation", "the risk simulation"),
        _ => Text.Get(culture, "Decision_ViewOptimizer", "the optimiser"),
    };

    /// <summary>The JSON code of a view: tco, tcoHardOnly, scorecard, simulation, optimizer.</summary>
    public static string Code(DecisionView view) => view switch
    {
        DecisionView.Tco => "tco",
        DecisionView.TcoHardOnly => "tcoHardOnly",
        DecisionView.Scorecard => "scorecard",
        DecisionView.Simulation => "simulation",
        _ => "optimizer",
    };

    /// <summary>The JSON code of a confidence: robust, fragile, depends-on-estimates.</summary>
    public static string Code(DecisionConfidence confidence) => confidence switch
    {
        DecisionConfidence.Robust => "robust",
        DecisionConfidence.Fragile => "fragile",
        _ => "depends-on-estimates",
    };

    /// <summary>The confidence label in words.</summary>
    public static string Label(DecisionConfidence confidence, CultureInfo culture) => confidence switch
    {
        DecisionConfidence.Robust => Text.Get(culture, "Decision_Robust", "robust"),
        DecisionConfidence.Fragile => Text.Get(culture, "Decision_Fragile", "fragile"),
        _ => Text.Get(culture, "Decision_DependsOnEstimates", "depends on estimates"),
    };

    /// <summary>The inputs searched for a flip of item <paramref name="index"/>: its uncertain inputs over their 0.1–99.9 % range, and its main inputs around their values.</summary>
    private static List<FlipCandidate> FlipCandidates(ReshoringCase c, int index, IReadOnlyList<UncertainInput> uncertain, OptionEvaluation recommended, OptionEvaluation compared)
    {
        var candidates = new List<FlipCandidate>();
        var prefix = $"$.items[{index}]";
        foreach (var u in uncertain)
        {
            if (u.Path.StartsWith("$.risk.", StringComparison.Ordinal)) continue;
            if (u.Path.StartsWith("$.items[", StringComparison.Ordinal) && !u.Path.StartsWith(prefix + ".", StringComparison.Ordinal)) continue;
            candidates.Add(new(u.Path, u.Quantile(0.001), u.Quantile(0.999), u));
        }
        void Relative(string path)
        {
            if (candidates.Any(x => x.Path == path) || CasePaths.Get(c, path) is not { } v || v == 0) return;
            candidates.Add(new(path, v * (1 - SearchChange), v * (1 + SearchChange), null));
        }
        void Points(string path, double low = double.NegativeInfinity)
        {
            if (candidates.Any(x => x.Path == path) || CasePaths.Get(c, path) is not { } v) return;
            candidates.Add(new(path, Math.Max(low, v - 5), v + 5, null));
        }
        var source = c.Items[index];
        foreach (var o in new[] { recommended, compared })
        {
            var k = source.Options.ToList().FindIndex(x => x.Id == o.Id);
            if (k < 0) continue;
            if (source.Options[k].Production?.UnitPrice is not null) Relative($"{prefix}.options[{k}].production.unitPrice");
            if (c.Assumptions?.WageGrowthPct?.ContainsKey(o.Country.Value) == true) Points($"$.assumptions.wageGrowthPct.{o.Country.Value}");
        }
        if (source.DemandVolatilityPct is not null) Relative($"{prefix}.demandVolatilityPct");
        Points("$.discountRatePct", 0);
        return candidates;
    }

    /// <summary>Searches each candidate for the value that flips the cheapest option (<see cref="SensitivityAnalyzer.Flip"/>), side by side.</summary>
    private static List<RecommendationFlip?> SearchFlips(ReshoringCase c, MarketSnapshot market, string itemId, List<FlipCandidate> candidates, bool hardOnly)
    {
        RecommendationFlip? Search(FlipCandidate candidate)
        {
            try
            {
                return new SensitivityAnalyzer().Flip(c, market, itemId, candidate.Path, candidate.From, candidate.To, hardOnly);
            }
            catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or ArithmeticException)
            {
                // A value the engine cannot cost (e.g. a negative rate) ends the search on that input.
                return null;
            }
        }
        // Each search is a root-finding over full evaluations, independent of the others: they run side by side, in the candidates' order.
        List<RecommendationFlip?> searched;
        try
        {
            searched = candidates.AsParallel().AsOrdered().Select(Search).ToList();
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            // As if the searches had run one after another: the first unexpected exception, as itself.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerExceptions[0]);
            throw;
        }
        return searched;
    }

    /// <summary>The input flips of an item, nearest first after sorting by the caller: from <paramref name="search"/> when it searched the same inputs, else searched here.</summary>
    private static IEnumerable<DecisionFlip> InputFlips(ReshoringCase c, int index, ItemEvaluation item, IReadOnlyList<UncertainInput> uncertain, MarketSnapshot market,
        OptionEvaluation recommended, OptionEvaluation compared, bool hardOnly, CultureInfo culture, Func<string, string> name, FlipSearch? search)
    {
        var candidates = FlipCandidates(c, index, uncertain, recommended, compared);
        // A search started earlier on the same evaluation has the same candidates; its results are used as they are.
        var searched = search is not null && search.ItemId == item.Id && search.HardOnly == hardOnly && search.Candidates.SequenceEqual(candidates)
            ? search.Results()
            : SearchFlips(c, market, item.Id, candidates, hardOnly);
        foreach (var ((path, _, _, distribution), flip) in candidates.Zip(searched))
        {
            if (flip is null || flip.From != recommended.Id) continue;
            var change = Math.Abs(flip.FlipsAt - flip.Current) / Math.Max(1e-12, Math.Abs(flip.Current));
            var label = InputText.Describe(path, c, culture);
            var unit = CasePaths.CurrencyAt(c, path) ?? (path.EndsWith("Pct", StringComparison.Ordinal) || path.Contains("Pct.", StringComparison.Ordinal) ? "%" : "");
            double? probability = distribution is null ? null : Beyond(distribution, flip.FlipsAt, flip.FlipsAt > flip.Current);
            string V(double x) => x.ToString(Math.Abs(x) >= 100 ? "N0" : "0.####", culture) + (unit.Length == 0 ? "" : unit == "%" ? " %" : " " + unit);
            var text = Text.Format(culture, "Decision_InputFlip", "{0}: {1} now; at {2} ({3:+0%;−0%}) {4} becomes cheapest in present cost.",
                Capital(label, culture), V(flip.Current), V(flip.FlipsAt), (flip.FlipsAt - flip.Current) / Math.Max(1e-12, Math.Abs(flip.Current)), name(flip.To));
            if (probability is { } pr)
                text += " " + Text.Format(culture, "Decision_InputFlipChance", "Its distribution puts {0} of its weight beyond that value.", pr.ToString("P0", culture));
            yield return new DecisionFlip
            {
                Kind = "input", Input = path, Label = label, Current = flip.Current, FlipsAt = flip.FlipsAt, Option = flip.To, OptionName = name(flip.To),
                RelativeChange = change, Unit = unit, Probability = probability, Text = text,
            };
        }
    }

    // P(X > x) (upwards) or P(X < x), by bisection on the quantile function.
    private static double Beyond(UncertainInput u, double x, bool upwards)
    {
        double lo = 0, hi = 1;
        for (var i = 0; i < 60; i++)
        {
            var mid = (lo + hi) / 2;
            if (u.Quantile(mid) < x) lo = mid; else hi = mid;
        }
        var cdf = (lo + hi) / 2;
        return upwards ? 1 - cdf : cdf;
    }

    private static List<string> Reconcile(CaseEvaluation e, ItemEvaluation item, List<ViewAnswer> answers, DecisionView basis, string? verdictOption,
        IReadOnlyDictionary<string, PresentValueBreakdown> pv, ItemSimulation? sim, ItemOptimization? opt, CultureInfo culture, Func<string, string> name)
    {
        string F(string key, string en, params object?[] args) => Text.Format(culture, key, en, args);
        string Money(double v) => v.ToString("N0", culture) + " " + e.Currency.Value;
        var list = new List<string>();
        var hardView = answers.Single(a => a.View == DecisionView.TcoHardOnly);
        var tcoView = answers.Single(a => a.View == DecisionView.Tco);
        foreach (var a in answers.Where(a => !a.Agrees && !a.IsBasis))
        {
            switch (a.View)
            {
                case DecisionView.Tco when basis == DecisionView.TcoHardOnly:
                    list.Add(F("Decision_RecTcoHard", "With risk and strategic lines counted, {0} is cheapest; the case ranks on hard costs only.", a.Answer));
                    break;
                case DecisionView.Tco:
                {
                    // Which simulated lines favour the comparison's answer over the verdict?
                    var simulated = verdictOption is null ? [] : RiskAnalyzer.SimulatedFactors
                        .Select(f => (Factor: f, Gain: pv[verdictOption].ByFactor.GetValueOrDefault(f) - pv[a.OptionId!].ByFactor.GetValueOrDefault(f)))
                        .Where(x => x.Gain > 0).OrderByDescending(x => x.Gain).ToList();
                    var lines = string.Join(", ", simulated.Select(x => FactorText.Name(x.Factor, culture).ToLower(culture) + " " + Money(x.Gain)));
                    list.Add(basis == DecisionView.Optimizer
                        ? F("Decision_RecTcoOpt", "The present-cost comparison prefers {0}: it costs each option alone with expected risk lines, while the optimiser may mix options, hold buffer stock and weigh the worst years.", a.Answer)
                        : simulated.Count > 0
                            ? F("Decision_RecTcoSimLines", "The present-cost comparison prefers {0} through its expected-cost lines for {1} (present value in its favour); the simulation replaces those lines by simulated outages, stock and shortages, and there {2} comes out cheaper.", a.Answer, lines, answers.Single(x => x.IsBasis).Answer)
                            : F("Decision_RecTcoSim", "The present-cost comparison prefers {0}; the simulation replaces the expected-disruption, lead-time-mismatch and stock lines by simulated outages, stock and shortages and draws the uncertain inputs, and there {1} comes out cheaper.", a.Answer, answers.Single(x => x.IsBasis).Answer));
                    break;
                }
                case DecisionView.TcoHardOnly:
                {
                    var winner = a.OptionId!;
                    var against = verdictOption ?? tcoView.OptionId!;
                    var soft = pv[winner].ByFactor.Where(f => pv[winner].KindOf[f.Key] != CostKind.Hard).Select(f => f.Key)
                        .Union(pv[against].ByFactor.Where(f => pv[against].KindOf[f.Key] != CostKind.Hard).Select(f => f.Key))
                        .Select(f => (Factor: f, Gain: pv[winner].ByFactor.GetValueOrDefault(f) - pv[against].ByFactor.GetValueOrDefault(f)))
                        .Where(x => x.Gain > 0).OrderByDescending(x => x.Gain).Take(3).ToList();
                    var allPv = PresentValueBreakdown.Of(item.Options.Single(o => o.Id == winner)).Total;
                    list.Add(soft.Count > 0
                        ? F("Decision_RecHard", "On hard costs alone {0} is cheapest; {1} comes out ahead once risk and strategic lines are counted, above all {2}.", a.Answer, name(against),
                            string.Join(", ", soft.Select(x => FactorText.Name(x.Factor, culture).ToLower(culture) + " (" + Money(x.Gain) + ")")))
                        : F("Decision_RecHardPlain", "On hard costs alone {0} is cheapest; risk and strategic lines change the order.", a.Answer));
                    _ = allPv;
                    break;
                }
                case DecisionView.Scorecard when item.Scorecard is { } sc:
                {
                    var top = sc.Options.Single(o => o.OptionId == a.OptionId);
                    var target = verdictOption ?? tcoView.OptionId!;
                    var mine = sc.Options.SingleOrDefault(o => o.OptionId == target);
                    var better = mine is null ? [] : sc.Criteria.Where(cr => cr.Weight > 0)
                        .Select(cr => (cr.Name, cr.Weight, Gain: (top.Scores.Single(s => s.Criterion == cr.Id).Score ?? double.NaN) - (mine.Scores.Single(s => s.Criterion == cr.Id).Score ?? double.NaN)))
                        .Where(x => x.Gain > 0).OrderByDescending(x => x.Gain * x.Weight).Take(3).ToList();
                    var costWeight = sc.Criteria.FirstOrDefault(cr => cr.Id == "cost").Weight;
                    list.Add(better.Count > 0
                        ? F("Decision_RecScorecard", "The scorecard ranks {0} first: besides cost (weight {1}) it weighs criteria where {0} scores higher than {2}: {3}.", a.Answer, costWeight.ToString("P0", culture), name(target),
                            string.Join(", ", better.Select(x => ShortCriterion(x.Name) + " (" + x.Weight.ToString("P0", culture) + ")")))
                        : F("Decision_RecScorecardPlain", "The scorecard ranks {0} first: it weighs criteria besides cost (weight {1}).", a.Answer, costWeight.ToString("P0", culture)));
                    break;
                }
                case DecisionView.Simulation when sim is not null:
                    list.Add(F("Decision_RecSim", "The simulation's cheapest strategy is {0} by mean annual cost; the optimiser also weighs the worst years (λ = {1}) and may mix options.", a.Answer,
                        opt?.RiskAversion.ToString("0.##", culture) ?? "0"));
                    break;
                case DecisionView.Optimizer when opt is not null && !IsProvenOptimal(opt):
                    list.Add(F("Decision_RecOptUnproven", "The optimiser's mix {0} is not proven optimal (solver status: {1}), so the verdict does not rest on it.", a.Answer, opt.Status.ToLowerInvariant()));
                    break;
                case DecisionView.Optimizer:
                    list.Add(F("Decision_RecOpt", "The optimiser prefers {0}.", a.Answer));
                    break;
            }
        }
        return list;

        static string ShortCriterion(string name) => name.Split(" (")[0].ToLowerInvariant();
    }

    private static List<KeyFigure> Figures(CaseEvaluation e, ItemEvaluation item, OptionEvaluation? verdict, ViewAnswer basis, ItemOptimization? opt, CultureInfo culture)
    {
        string T(string key, string en) => Text.Get(culture, key, en);
        string F(string key, string en, params object?[] args) => Text.Format(culture, key, en, args);
        string Money(double v) => v.ToString("N0", culture) + " " + e.Currency.Value;
        var list = new List<KeyFigure>();
        if (verdict is not null)
        {
            var sq = item.Options.Single(o => o.Id == item.StatusQuoOptionId);
            list.Add(new KeyFigure("presentCost", F("Cli_PvCost", "Present cost over {0} years", e.HorizonYears), verdict.PvCost, Money(verdict.PvCost)));
            if (verdict.Id == sq.Id)
            {
                var alt = item.Options.Where(o => o.Id != verdict.Id).MinBy(o => o.PvCost);
                list.Add(alt is null
                    ? new KeyFigure("advantage", T("Decision_FigAdvantage", "Advantage over the best alternative"), null, "—")
                    : new KeyFigure("advantage", T("Decision_FigAdvantage", "Advantage over the best alternative"), alt.PvCost - verdict.PvCost, Money(alt.PvCost - verdict.PvCost)));
                if (basis.View != DecisionView.Simulation) list.Add(new KeyFigure("oneOffCosts", T("Chart_OneOff", "One-off costs"), 0, Money(0)));
            }
            else
            {
                list.Add(new KeyFigure("savingVsStatusQuo", T("Decision_FigSaving", "Saving against the status quo (present value)"), verdict.NpvSavingVsStatusQuo, Money(verdict.NpvSavingVsStatusQuo)));
                list.Add(new KeyFigure("payback", T("Decision_FigPayback", "Payback"), verdict.PaybackYears,
                    verdict.PaybackYears is { } p ? F("Report_Years", "{0} years", p.ToString("0.0", culture)) : T("Decision_NoPayback", "not within the horizon")));
            }
        }
        if (verdict is not null && basis.View == DecisionView.Simulation && basis.Value is { } m)
            list.Add(new KeyFigure("meanAnnualCost", T("Decision_FigMean", "Mean annual cost (simulated)"), m, Money(m)));
        else if (basis.View == DecisionView.Optimizer && opt?.Optimum is { } o)
        {
            list.Add(new KeyFigure("expectedAnnualCost", T("Decision_FigExpected", "Expected annual cost"), o.ExpectedCost, Money(o.ExpectedCost)));
            list.Add(new KeyFigure("cvar", F("Decision_FigCvar", "CVaR {0} of annual cost", opt.Alpha.ToString("P0", culture)), o.Cvar, Money(o.Cvar)));
            list.Add(new KeyFigure("fillRate", T("Report_FillRate", "Fill rate"), o.FillRate, o.FillRate.ToString("P1", culture)));
        }
        else if (verdict is null && basis.Value is { } mean)
        {
            list.Add(new KeyFigure("meanAnnualCost", T("Decision_FigMean", "Mean annual cost"), mean, Money(mean)));
        }
        return list;
    }

    private static List<string> Risks(ItemEvaluation item, OptionEvaluation? verdict, ItemSimulation? sim, StrategyResult? basisStrategy, string currency, CultureInfo culture, Func<string, string> name)
    {
        string F(string key, string en, params object?[] args) => Text.Format(culture, key, en, args);
        var list = new List<string>();
        var strategy = basisStrategy ?? (verdict is null ? null : sim?.Strategies.FirstOrDefault(s => s.Id == verdict.Id));
        if (strategy is not null)
        {
            foreach (var o in strategy.Options.Where(o => o.AtRisk))
                list.Add(F("Decision_RiskSurvival", "If {0} is lost, stock and the other sources last {1} weeks against {2} weeks to recover.", name(o.OptionId),
                    o.TimeToSurviveWeeks?.ToString("0.#", culture) ?? "∞", o.TimeToRecoverWeeks?.ToString("0.#", culture) ?? "?"));
            var mean = strategy.AnnualCost.Mean;
            if (mean > 0)
                list.Add(F("Decision_RiskTail", "In the worst 5% of scenarios the annual cost averages {0} {1}, {2} above the mean.", strategy.AnnualCost.Cvar95.ToString("N0", culture), currency,
                    ((strategy.AnnualCost.Cvar95 - mean) / mean).ToString("P1", culture)));
        }
        if (verdict is not null)
            foreach (var l in verdict.Lines.Where(l => l.Kind == CostKind.Risk && l.Assessed && l.PerYear > 0).OrderByDescending(l => l.PerYear).Take(2))
                list.Add(F("Decision_RiskLine", "{0}: an expected {1} {2} a year.", l.Label ?? FactorText.Name(l.Factor, culture), l.PerYear.ToString("N0", culture), currency));
        return list;
    }

    private static List<string> OpenPoints(ItemEvaluation item, OptionEvaluation? verdict, CultureInfo culture)
    {
        var list = new List<string>();
        if (item.Scorecard is { } sc)
            list.AddRange(sc.Barriers.Where(b => b.Open).Select(b => Text.Format(culture, "Decision_OpenBarrier", "{0}: a barrier the case does not price.", Capital(b.Name, culture))));
        if (verdict is { NotAssessed.Count: > 0 })
            list.Add(Text.Format(culture, "Decision_OpenNotAssessed", "Not assessed for {0} (counted as zero): {1}.", verdict.Name ?? verdict.Id,
                string.Join(", ", verdict.NotAssessed.Select(f => FactorText.Name(f, culture).ToLower(culture)))));
        return list;
    }

    private static string Capital(string s, CultureInfo culture) => s.Length == 0 ? s : char.ToUpper(s[0], culture) + s[1..];
}

/// <summary>An input searched for a flip: its path, the range searched and its distribution when it is uncertain.</summary>
public sealed record FlipCandidate(string Path, double From, double To, UncertainInput? Distribution);

/// <summary>The flip searches of one item, running.</summary>
public sealed class FlipSearch(string itemId, bool hardOnly, IReadOnlyList<FlipCandidate> candidates, Task<List<RecommendationFlip?>> running)
{
    /// <summary>The item searched.</summary>
    public string ItemId { get; } = itemId;
    /// <summary>Whether the searches compare present costs on hard lines only.</summary>
    public bool HardOnly { get; } = hardOnly;
    /// <summary>The inputs searched, in order.</summary>
    public IReadOnlyList<FlipCandidate> Candidates { get; } = candidates;

    /// <summary>Each candidate's flip (null where none), waiting for the searches to end; their first failure is thrown as itself.</summary>
    public List<RecommendationFlip?> Results() => running.GetAwaiter().GetResult();
}

/// <summary>The flip searches of every item of an evaluation (<see cref="DecisionAnalyzer.StartFlipSearches"/>), by item index.</summary>
public sealed class FlipSearches(IReadOnlyList<FlipSearch?> items)
{
    /// <summary>The searches of item <paramref name="index"/>; null when it has nothing to compare.</summary>
    public FlipSearch? Of(int index) => index < items.Count ? items[index] : null;
}
