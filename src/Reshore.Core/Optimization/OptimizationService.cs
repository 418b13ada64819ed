using System.Globalization;
using Reshore.Core.Costing;
using Reshore.Core.Domain;
using Reshore.Core.Localization;
using Reshore.Core.MarketData;
using Reshore.Core.Risk;

namespace Reshore.Core.Optimization;

/// <summary>The optimiser's answer for one item.</summary>
public sealed record ItemOptimization
{
    /// <summary>Item id.</summary>
    public required string ItemId { get; init; }
    /// <summary>Item name.</summary>
    public string? ItemName { get; init; }
    /// <summary>Solver status.</summary>
    public required string Status { get; init; }
    /// <summary>λ used.</summary>
    public required double RiskAversion { get; init; }
    /// <summary>α used.</summary>
    public required double Alpha { get; init; }
    /// <summary>The optimum, or null when infeasible.</summary>
    public OptimizedStrategy? Optimum { get; init; }
    /// <summary>Option ids, in the order of the shares.</summary>
    public required IReadOnlyList<string> OptionIds { get; init; }
    /// <summary>Each option alone, in sample (null when a constraint forbids it).</summary>
    public required IReadOnlyList<OptimizedStrategy?> SingleSource { get; init; }
    /// <summary>Out-of-sample check of the optimum with the weekly engine on fresh seeds.</summary>
    public StrategyResult? OutOfSample { get; init; }
    /// <summary>Out-of-sample CVaR at the run's α (the in-sample CVaR's level).</summary>
    public double? OutOfSampleCvar { get; init; }
    /// <summary>Standard error of <see cref="OutOfSampleCvar"/>.</summary>
    public double? OutOfSampleCvarStdError { get; init; }
    /// <summary>Discount rate r (fraction) of the equivalent annual costs.</summary>
    public double DiscountRate { get; init; }
    /// <summary>Seed of the out-of-sample check.</summary>
    public required int OutOfSampleSeed { get; init; }
    /// <summary>Frontier, when asked.</summary>
    public IReadOnlyList<OptimizedStrategy>? Frontier { get; init; }
    /// <summary>Constraints in conflict when infeasible.</summary>
    public required IReadOnlyList<ConstraintConflict> Conflicts { get; init; }
    /// <summary>Why, in words.</summary>
    public required string Explanation { get; init; }
    /// <summary>Scenarios in the program.</summary>
    public required int Scenarios { get; init; }
    /// <summary>Seed of the program's scenarios (the default, 1, or the one asked for): with <see cref="Scenarios"/> it reproduces the run.</summary>
    public int Seed { get; init; } = 1;
    /// <summary>Periods per scenario.</summary>
    public required int Periods { get; init; }
    /// <summary>Warnings from compiling the item for the scenarios (e.g. an option's own disruption replaced by a case event).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}

/// <summary>
/// Builds the optimisation problem of an item from a case (unit costs and disruptions as in the risk engine, fixed costs from the
/// business case, CO2e from the TCO engine), solves it, compares it with each option alone, sweeps the frontier on request and
/// re-simulates the optimum out of sample.
/// </summary>
public sealed class OptimizationService
{
    private readonly SourcingOptimizer _optimizer = new();

    /// <summary>Optimises item <paramref name="itemId"/> (or every item).</summary>
    public IReadOnlyList<ItemOptimization> Optimize(ReshoringCase c, IReadOnlyList<UncertainInput> uncertain, MarketSnapshot market, CultureInfo culture,
        string? itemId = null, double? riskAversion = null, double? alpha = null, bool frontier = false, int scenarios = 200, int seed = 1, int outOfSampleScenarios = 2000,
        IProgress<(string Item, int Done, int Total)>? progress = null, CancellationToken cancellation = default)
    {
        var evaluation = new CaseEvaluator().Evaluate(c, market, culture);
        var results = new List<ItemOptimization>();
        for (var index = 0; index < c.Items.Count; index++)
        {
            var item = c.Items[index];
            if (itemId is not null && item.Id != itemId) continue;
            results.Add(OptimizeItem(c, index, uncertain, market, evaluation.Items[index], culture, riskAversion, alpha, frontier, scenarios, seed, outOfSampleScenarios, progress, cancellation));
        }
        return results;
    }

    /// <summary>
    /// Solver steps of one item, for progress: the optimum, each option alone, the out-of-sample check and, when asked,
    /// one solve per λ of the frontier.
    /// </summary>
    public static int Steps(int optionCount, bool frontier) => 1 + optionCount + 1 + (frontier ? SourcingOptimizer.DefaultLambdas.Count : 0);

    /// <summary>The optimisation data of one item.</summary>
    public OptimizationProblem Problem(ReshoringCase c, int itemIndex, IReadOnlyList<UncertainInput> uncertain, MarketSnapshot market, ItemEvaluation evaluation, int scenarios, int seed,
        out SimulationModel model, out IReadOnlyList<string> warnings, CultureInfo? culture = null)
    {
        var compiled = new RiskAnalyzer(culture).Compile(c, itemIndex, market, uncertain, out var compileWarnings, RiskAnalyzer.AnnualisedOneOffCosts(c, itemIndex, market));
        warnings = compileWarnings;
        model = compiled;
        var item = c.Items[itemIndex];
        // One representative year of 13 four-week periods per scenario keeps the program small; scenarios carry the variety.
        var (demand, mean, availability, periods) = ScenarioAggregator.Build(compiled, scenarios, seed, years: 1);
        var n = item.Options.Count;
        // One discounting convention with the simulation: every per-year amount enters as its equivalent annual amount, Σ_y w_y × amount_y,
        // w_y = (1 + r)^(−y) ÷ a(r, H). V_y is the mean demand of year y (weekly growth, as simulated).
        var weights = compiled.YearWeights;
        var years = compiled.Years;
        var volume = new double[years];
        for (var t = 0; t < compiled.Weeks; t++) volume[t / 52] += compiled.MeanWeeklyDemand[t];
        var equivalentVolume = EquivalentAnnualCost.Of(volume, weights);
        // Unit costs are split into a variable part and the option's annual fixed costs (overhead, QA, travel…), which, like its
        // annualised one-off costs, are paid in full when the option is used at all (F_i y_i), whatever its share.
        var unitCost = new double[n];
        var fixedCost = new double[n];
        var fixedPart = compiled.FixedPerUnit ?? new double[compiled.UnitCost.Length];
        var oneOff = compiled.OneOffCostPerYear ?? new double[n];
        for (var i = 0; i < n; i++)
        {
            var variable = new double[years];
            var fixedAnnual = new double[years];
            for (var y = 0; y < years; y++)
            {
                variable[y] = volume[y] * (compiled.UnitCost[i * years + y] - fixedPart[i * years + y]);
                fixedAnnual[y] = volume[y] * fixedPart[i * years + y];
            }
            unitCost[i] = EquivalentAnnualCost.Of(variable, weights) / equivalentVolume;
            fixedCost[i] = oneOff[i] + EquivalentAnnualCost.Of(fixedAnnual, weights);
        }
        // The representative year carries the equivalent annual volume, so in- and out-of-sample costs refer to the same demand.
        var growth = equivalentVolume / volume[0];
        demand = demand.Select(d => d * growth).ToArray();
        mean = mean.Select(d => d * growth).ToArray();
        return new OptimizationProblem
        {
            OptionIds = compiled.OptionIds,
            Scenarios = scenarios,
            Periods = periods,
            YearsCovered = periods * 4 / 52.0,
            Demand = demand,
            MeanDemand = mean,
            Availability = availability,
            UnitCost = unitCost,
            Flexibility = compiled.Flexibility,
            FixedCostPerYear = fixedCost,
            Co2eKgPerUnit = evaluation.Options.Select(o => o.Co2eKgPerUnit).ToArray(),
            Country = item.Options.Select(o => o.Country.Value).ToArray(),
            InEu = item.Options.Select(o => market.Country(o.Country).EuMember).ToArray(),
            ShortageCost = compiled.ShortageCost,
            EmergencyPremium = compiled.EmergencyPremium,
            EmergencyCapacity = compiled.EmergencyCapacity,
            HoldingCostPerUnitYear = compiled.CarryingRate * unitCost.Average(),
            MeanWeeklyDemand = equivalentVolume / 52,
            AnnualVolume = item.AnnualVolumeUnits,
        };
    }

    /// <summary>The constraints of an item from its case settings, with command-line overrides.</summary>
    public static OptimizationConstraints Constraints(Item item, double? riskAversion, double? alpha)
    {
        var o = item.Optimization ?? new OptimizationSettings();
        double[]? PerOption(IReadOnlyDictionary<string, double>? map, double fallback) =>
            map is null ? null : item.Options.Select(x => map.TryGetValue(x.Id, out var v) ? v : fallback).ToArray();
        return new OptimizationConstraints
        {
            RiskAversion = riskAversion ?? o.RiskAversion ?? 0,
            Alpha = (alpha ?? (o.AlphaPct is { } a ? a / 100 : 0.95)),
            MinShare = PerOption(o.MinShare, 0),
            MaxShare = PerOption(o.MaxShare, 1),
            MaxCountryShare = o.MaxCountryShare,
            MaxNonEuShare = o.MaxNonEuShare,
            Co2eBudget = o.Co2eBudgetKgPerUnit,
            MinFillRate = o.MinFillRatePct / 100,
            Capacity = PerOption(o.CapacityUnitsPerYear, double.PositiveInfinity),
            Moq = PerOption(o.MoqUnitsPerYear, 0),
            MaxBufferWeeks = o.MaxBufferWeeks ?? 12,
        };
    }

    private ItemOptimization OptimizeItem(ReshoringCase c, int index, IReadOnlyList<UncertainInput> uncertain, MarketSnapshot market, ItemEvaluation evaluation,
        CultureInfo culture, double? riskAversion, double? alpha, bool wantFrontier, int scenarios, int seed, int outOfSampleScenarios,
        IProgress<(string Item, int Done, int Total)>? progress, CancellationToken cancellation)
    {
        var item = c.Items[index];
        var total = Steps(item.Options.Count, wantFrontier);
        var done = 0;
        // Each solve is short; cancellation and progress are checked between solves.
        void Step()
        {
            progress?.Report((item.Id, ++done, total));
            cancellation.ThrowIfCancellationRequested();
        }
        var problem = Problem(c, index, uncertain, market, evaluation, scenarios, seed, out var model, out var warnings, culture);
        cancellation.ThrowIfCancellationRequested();
        var constraints = Constraints(item, riskAversion, alpha);
        var outcome = _optimizer.Solve(problem, constraints);
        Step();
        var single = _optimizer.SingleSources(problem, constraints);
        for (var i = 0; i < problem.OptionCount; i++) Step();
        StrategyResult? outOfSample = null;
        double? outOfSampleCvar = null, outOfSampleCvarStdError = null;
        var oosSeed = seed + 1_000_003;
        if (outcome.Strategy is { } best)
        {
            var check = model.WithStrategies([model.DefineStrategy("optimal", null, best.Shares, best.BufferWeeks)]);
            var raw = WeeklySimulator.Run(check, outOfSampleScenarios, oosSeed, index);
            var sorted = raw.AnnualCost[0].OrderByDescending(v => v).ToArray();
            outOfSampleCvar = SourcingOptimizer.TailMean(sorted, constraints.Alpha);
            // The value at risk of TailMean is the scenario at the tail's boundary: the ⌈(1 − α) N⌉-th highest.
            var boundary = sorted[Math.Clamp((int)Math.Ceiling((1 - constraints.Alpha) * sorted.Length - 1e-9) - 1, 0, sorted.Length - 1)];
            outOfSampleCvarStdError = CostStatistics.CvarStdError(sorted, boundary, constraints.Alpha);
            outOfSample = RiskAnalyzer.Summarise(check, check.Strategies[0], raw, 0) with
            {
                Shares = model.OptionIds.Zip(best.Shares).Where(p => p.Second > 1e-9).ToDictionary(p => p.First, p => p.Second),
            };
        }
        Step();
        IReadOnlyList<OptimizedStrategy>? frontier = null;
        var allWarnings = warnings.ToList();
        if (wantFrontier && outcome.Strategy is not null)
        {
            frontier = _optimizer.Frontier(problem, constraints, SourcingOptimizer.DefaultLambdas, Step);
            if (frontier.Any(f => !f.ProvenOptimal))
                allWarnings.Add(Text.Format(culture, "Opt_FrontierUnproven", "Frontier points at λ = {0} are not proven optimal (the solver stopped at its time limit); the frontier may not be monotone there.",
                    string.Join(", ", frontier.Where(f => !f.ProvenOptimal).Select(f => f.RiskAversion.ToString("0.##", culture)))));
            if (SourcingOptimizer.FirstNonMonotonePoint(frontier) is { } broken)
                allWarnings.Add(Text.Format(culture, "Opt_FrontierNotMonotone", "The frontier is not monotone at λ = {0}: expected cost falls or CVaR rises against the previous point.", broken.ToString("0.##", culture)));
        }
        return new ItemOptimization
        {
            ItemId = item.Id, ItemName = item.Name, Status = outcome.Status, RiskAversion = constraints.RiskAversion, Alpha = constraints.Alpha,
            Optimum = outcome.Strategy, OptionIds = problem.OptionIds, SingleSource = single, OutOfSample = outOfSample, OutOfSampleCvar = outOfSampleCvar,
            OutOfSampleCvarStdError = outOfSampleCvarStdError, OutOfSampleSeed = oosSeed, DiscountRate = model.DiscountRate,
            Frontier = frontier, Conflicts = outcome.Conflicts, Scenarios = problem.Scenarios, Seed = seed, Periods = problem.Periods, Warnings = allWarnings,
            Explanation = Explain(problem, constraints, outcome, single, culture),
        };
    }

    private static string Explain(OptimizationProblem p, OptimizationConstraints c, OptimizationOutcome outcome, IReadOnlyList<OptimizedStrategy?> single, CultureInfo culture)
    {
        if (outcome.Strategy is not { } best)
            return outcome.Conflicts.Count > 0
                ? Text.Format(culture, "Opt_Infeasible", "No mix meets every constraint. In conflict: {0}.", SourcingOptimizer.Describe(outcome.Conflicts))
                : Text.Format(culture, "Opt_NoSolution", "The solver found no solution (status {0}).", outcome.Status);
        string Mix(OptimizedStrategy s) => string.Join(" + ", p.OptionIds.Zip(s.Shares).Where(x => x.Second > 1e-6).Select(x => $"{x.Second.ToString("P0", culture)} {x.First}"));
        var parts = new List<string>
        {
            best.ProvenOptimal
                ? Text.Format(culture, "Opt_Best", "Best mix for λ = {0} (α = {1:P0}): {2}, with {3:0.#} weeks of buffer stock. Expected annual cost {4:N0}, CVaR {5:N0}, expected fill rate {6:P1}.",
                    c.RiskAversion, c.Alpha, Mix(best), best.BufferWeeks, best.ExpectedCost, best.Cvar, best.FillRate)
                : Text.Format(culture, "Opt_BestUnproven", "Best mix found for λ = {0} (α = {1:P0}), not proven optimal: the solver stopped at its time limit {7}. {2}, with {3:0.#} weeks of buffer stock. Expected annual cost {4:N0}, CVaR {5:N0}, expected fill rate {6:P1}.",
                    c.RiskAversion, c.Alpha, Mix(best), best.BufferWeeks, best.ExpectedCost, best.Cvar, best.FillRate,
                    best.RelativeGap is { } gap ? Text.Format(culture, "Opt_GapKnown", "with a proven gap of {0:P3}", gap) : Text.Get(culture, "Opt_GapUnknown", "without a bound on the gap")),
        };
        var cheapest = single.Select((s, i) => (s, i)).Where(x => x.s is not null).MinBy(x => x.s!.ExpectedCost);
        if (cheapest.s is { } alone && best.Shares[cheapest.i] < 1 - 1e-6)
            parts.Add(Text.Format(culture, "Opt_VsSingle", "Against the cheapest single source ({0}: expected {1:N0}, CVaR {2:N0}), the mix changes expected cost by {3:N0} and CVaR by {4:N0}.",
                p.OptionIds[cheapest.i], alone.ExpectedCost, alone.Cvar, best.ExpectedCost - alone.ExpectedCost, best.Cvar - alone.Cvar));
        else if (cheapest.s is not null)
            parts.Add(best.ProvenOptimal
                ? Text.Format(culture, "Opt_SingleWins", "Sourcing everything from {0} is best: no mix or buffer lowers the objective further.", p.OptionIds[cheapest.i])
                : Text.Format(culture, "Opt_SingleFound", "The best solution found sources everything from {0}.", p.OptionIds[cheapest.i]));
        return string.Join(" ", parts);
    }
}
