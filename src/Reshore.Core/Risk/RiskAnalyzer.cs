using System.Globalization;
using Reshore.Core.Costing;
using Reshore.Core.Domain;
using Reshore.Core.Localization;
using Reshore.Core.MarketData;

namespace Reshore.Core.Risk;

/// <summary>Time to survive against time to recover for one option of a strategy (Simchi-Levi et al., HBR 2014).</summary>
/// <param name="OptionId">Option.</param>
/// <param name="Share">Its share in the strategy.</param>
/// <param name="TimeToSurviveWeeks">Weeks the stock, the option's own pipeline and the other options can meet mean demand without it; null = indefinitely.</param>
/// <param name="TimeToRecoverWeeks">Input TTR; null when not given.</param>
/// <param name="AtRisk">True when TTS &lt; TTR + the option's lead time (supply resumes only a lead time after recovery).</param>
public sealed record SurvivalCheck(string OptionId, double Share, double? TimeToSurviveWeeks, double? TimeToRecoverWeeks, bool AtRisk);

/// <summary>One strategy's simulated outcome.</summary>
public sealed record StrategyResult
{
    /// <summary>Identifier.</summary>
    public required string Id { get; init; }
    /// <summary>Name.</summary>
    public string? Name { get; init; }
    /// <summary>Share per option id.</summary>
    public required IReadOnlyDictionary<string, double> Shares { get; init; }
    /// <summary>Buffer weeks.</summary>
    public required double BufferWeeks { get; init; }
    /// <summary>Statistics of the equivalent annual cost of the horizon (EAC of the present value, docs/model.md 8.8). Its tail is that of a
    /// discount-weighted average of H years: see <see cref="SingleYearCvar95"/> and <see cref="AnnualCostByYear"/> for single years.</summary>
    public required CostStatistics AnnualCost { get; init; }
    /// <summary>Statistics of each horizon year's own cost (undiscounted, with the annualised one-off costs), year 1 first; empty when not kept.</summary>
    public IReadOnlyList<CostStatistics> AnnualCostByYear { get; init; } = [];
    /// <summary>Statistics over scenarios of the highest single-year cost within the horizon; null when not kept.</summary>
    public CostStatistics? WorstYearCost { get; init; }
    /// <summary>Σ_y w_y × CVaR95 of year y's cost: the tail of a single year, weighted like the equivalent annual cost; null when not kept.</summary>
    public double? SingleYearCvar95 { get; init; }
    /// <summary>Standard error of <see cref="SingleYearCvar95"/>.</summary>
    public double? SingleYearCvar95StdError { get; init; }
    /// <summary>Equivalent annual cost with mean demand and no events, from the deterministic unit costs.</summary>
    public required double DeterministicAnnualCost { get; init; }
    /// <summary>Mean fill rate (demand met on time).</summary>
    public required double FillRate { get; init; }
    /// <summary>Expected units lost (or backordered) per year.</summary>
    public required double ExpectedLostUnitsPerYear { get; init; }
    /// <summary>Expected emergency units per year.</summary>
    public required double ExpectedEmergencyUnitsPerYear { get; init; }
    /// <summary>Share of scenarios in which this strategy is the cheapest.</summary>
    public required double ProbabilityCheapest { get; init; }
    /// <summary>Standard error of <see cref="ProbabilityCheapest"/>: √(p (1 − p) ÷ N).</summary>
    public double ProbabilityCheapestStdError { get; init; }
    /// <summary>Mean stock on hand, units.</summary>
    public required double MeanOnHandUnits { get; init; }
    /// <summary>TTS against TTR per option used.</summary>
    public required IReadOnlyList<SurvivalCheck> Options { get; init; }
    /// <summary>The annual cost of every scenario, sorted ascending (one value per scenario; empty when the producer kept no samples). For histograms and CDFs.</summary>
    public IReadOnlyList<double> AnnualCostSamples { get; init; } = [];
}

/// <summary>The simulation of one item.</summary>
public sealed record ItemSimulation
{
    /// <summary>Item id.</summary>
    public required string ItemId { get; init; }
    /// <summary>Item name.</summary>
    public string? ItemName { get; init; }
    /// <summary>Strategies.</summary>
    public required IReadOnlyList<StrategyResult> Strategies { get; init; }
    /// <summary>Uncertain inputs drawn per scenario.</summary>
    public required IReadOnlyList<string> UncertainInputs { get; init; }
    /// <summary>Warnings (e.g. shortages not costed).</summary>
    public required IReadOnlyList<string> Warnings { get; init; }
    /// <summary>Simulated weeks.</summary>
    public required int Weeks { get; init; }
    /// <summary>Discount rate r (fraction) of the equivalent annual costs.</summary>
    public double DiscountRate { get; init; }
}

/// <summary>A whole simulation run.</summary>
/// <param name="Scenarios">Scenarios per item.</param>
/// <param name="Seed">Seed.</param>
/// <param name="Items">Per item.</param>
public sealed record SimulationResult(int Scenarios, int Seed, IReadOnlyList<ItemSimulation> Items);

/// <summary>
/// Runs the risk simulation of a case: compiles each item (unit costs from the TCO engine without the lines the simulation
/// produces itself, lead times, disruption events, strategies), re-costs the options per scenario when inputs are uncertain,
/// simulates week by week and summarises cost, tail risk, service and survival.
/// </summary>
public sealed class RiskAnalyzer
{
    /// <summary>TCO lines the simulation replaces with its own stock, shortage and disruption costs.</summary>
    public static IReadOnlySet<string> SimulatedFactors { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "cycleStock", "safetyStock", "leadTimeMismatch", "disruption",
    };

    /// <summary>
    /// The lines left out of the simulation's unit cost: the ones it simulates itself, depreciation (new capex enters once, as an
    /// annualised one-off cost, as in the cash-based business case) and emergency air freight when the item simulates emergency supply.
    /// </summary>
    public static bool Simulated(string factor, Item item) =>
        SimulatedFactors.Contains(factor) || factor == "depreciation" || (factor == "emergencyAirFreight" && item.EmergencySupply is not null);

    /// <summary>Default number of scenarios.</summary>
    public const int DefaultScenarios = 2000;

    // The simulation reads only the amounts, lead and transit times of the engine's results: no notes or sources.
    private readonly TcoCostingEngine _engine = new(explain: false);
    private static readonly CultureInfo Invariant = CultureInfo.GetCultureInfo("en");
    private readonly CultureInfo _culture;

    /// <summary>A risk analyzer whose warnings are in <paramref name="culture"/> (English when null).</summary>
    public RiskAnalyzer(CultureInfo? culture = null) => _culture = culture ?? Invariant;

    /// <summary>Simulates every item (or one) of a validated case.</summary>
    public SimulationResult Simulate(ReshoringCase c, IReadOnlyList<UncertainInput> uncertain, MarketSnapshot market, int? scenarios = null, int? seed = null,
        string? itemId = null, IProgress<(string Item, int Done, int Total)>? progress = null, CancellationToken cancellation = default)
    {
        var n = scenarios ?? c.Risk?.Scenarios ?? DefaultScenarios;
        var s = seed ?? c.Risk?.Seed ?? 1;
        var items = new List<ItemSimulation>();
        for (var index = 0; index < c.Items.Count; index++)
        {
            var item = c.Items[index];
            if (itemId is not null && item.Id != itemId) continue;
            var itemProgress = progress is null ? null : new Progress<int>(done => progress.Report((item.Id, done, n)));
            items.Add(SimulateItem(c, index, uncertain, market, n, s, itemProgress, cancellation));
        }
        return new SimulationResult(n, s, items);
    }

    /// <summary>Compiles an item for the simulator from the case's base values.</summary>
    /// <param name="c">The case.</param>
    /// <param name="itemIndex">Index of the item.</param>
    /// <param name="market">Reference data.</param>
    /// <param name="uncertain">Uncertain inputs (event durations become per-event distributions).</param>
    /// <param name="warnings">Receives warnings.</param>
    /// <param name="fixedCostPerYear">Annualised one-off costs per option (added to strategies that use it); null for none.</param>
    /// <param name="fixedPerUnit">The fixed part of unit costs when already known (scenario recompiles reuse the base case's); null to compute it.</param>
    public SimulationModel Compile(ReshoringCase c, int itemIndex, MarketSnapshot market, IReadOnlyList<UncertainInput> uncertain, out List<string> warnings,
        double[]? fixedCostPerYear = null, double[]? fixedPerUnit = null)
    {
        warnings = [];
        var ctx = new CaseContext(c, market);
        var item = c.Items[itemIndex];
        var years = c.HorizonYears;
        var weeks = 52 * years;
        var options = item.Options;
        var (unitCost, fixedPart, lead, transit) = UnitCosts(ctx, item, fixedPerUnit is null);
        fixedPart = fixedPerUnit ?? fixedPart;
        var mean = new double[weeks];
        var g = (item.DemandGrowthPct ?? 0) / 100;
        for (var t = 0; t < weeks; t++) mean[t] = item.AnnualVolumeUnits / 52 * Math.Pow(1 + g, t / 52.0);
        var lostMargin = item.SellingPricePerUnit is { } p && item.MarginPct is { } mg ? p * mg / 100 : 0;
        var penalty = item.ShortagePenaltyPerUnit is { } pen ? ctx.ToCaseCurrency(pen, 1) : 0;
        var backorders = item.Backorders ?? false;
        if (!backorders && lostMargin == 0 && penalty == 0)
            warnings.Add(Text.Get(_culture, "Risk_LostMarginNotCosted", "The margin of a lost sale is not costed: a lost unit costs only its unit cost. Give sellingPricePerUnit and marginPct, or shortagePenaltyPerUnit."));
        if (item.DemandVolatilityPct is null)
            warnings.Add(Text.Get(_culture, "Risk_NoVolatility", "demandVolatilityPct is not given: demand is simulated without volatility."));
        if (item.InventoryCarryingRatePct is null)
            warnings.Add(Text.Get(_culture, "Risk_NoCarryingRate", "inventoryCarryingRatePct is not given: holding stock is not costed."));
        var emergency = item.EmergencySupply;
        var model = new SimulationModel
        {
            Weeks = weeks,
            OptionIds = options.Select(o => o.Id).ToArray(),
            MeanWeeklyDemand = mean,
            WeeklySigma = (item.DemandVolatilityPct ?? 0) / 100 / Math.Sqrt(52),
            LeadWeeks = lead,
            TransitWeeks = transit,
            Flexibility = options.Select(o => (o.CapacityFlexibilityPct ?? 20) / 100).ToArray(),
            UnitCost = unitCost,
            CarryingRate = (item.InventoryCarryingRatePct ?? 0) / 100,
            ShortageCost = backorders ? penalty : lostMargin + penalty,
            Backorders = backorders,
            EmergencyPremium = emergency is null ? double.NaN : ctx.ToCaseCurrency(emergency.PremiumPerUnit, 1),
            EmergencyLeadWeeks = emergency is null ? 1 : Math.Max(1, SimulationModel.WholeWeeks(emergency.LeadTimeWeeks ?? 1)),
            EmergencyCapacity = (emergency?.CapacityPct ?? 100) / 100,
            Events = CompileEvents(c, item, ctx, uncertain, warnings, _culture),
            Strategies = [],
            TimeToRecoverWeeks = options.Select(o => o.TimeToRecoverWeeks ?? double.NaN).ToArray(),
            FixedPerUnit = fixedPart,
            OneOffCostPerYear = fixedCostPerYear,
            DiscountRate = ctx.DiscountRate,
        };
        return model.WithStrategies(Strategies(item, model));
    }

    /// <summary>
    /// Unit cost per option and year for the simulation (the TCO without the lines it simulates itself) at full volume, and the part
    /// of it that is fixed per year: F ÷ V = c(V/2) − c(V), from a second evaluation at half the volume (exact when cost = a + F/V);
    /// with each option's year-1 lead time and transit time in whole weeks (lead time at least one week).
    /// </summary>
    public (double[] UnitCost, double[] FixedPerUnit, int[] LeadWeeks, int[] TransitWeeks) UnitCosts(CaseContext ctx, Item item, bool withFixedPart = true)
    {
        var years = ctx.Case.HorizonYears;
        var full = new double[item.Options.Count * years];
        var fixedPart = new double[item.Options.Count * years];
        var lead = new int[item.Options.Count];
        var transit = new int[item.Options.Count];
        var half = item with { AnnualVolumeUnits = item.AnnualVolumeUnits / 2 };
        // Every option-year is costed on its own (the engine is pure): on all cores.
        Parallel.For(0, item.Options.Count * years, cell =>
        {
            var (i, y) = (cell / years, cell % years);
            var result = _engine.Calculate(ctx, item, item.Options[i], y + 1, Invariant);
            var c = SimulatedUnitCost(result, item);
            full[cell] = c;
            if (withFixedPart) fixedPart[cell] = Math.Max(0, SimulatedUnitCost(_engine.Calculate(ctx, half, item.Options[i], y + 1, Invariant), item) - c);
            if (y > 0) return;
            lead[i] = Math.Max(1, SimulationModel.WholeWeeks(result.LeadTimeDays / 7));
            transit[i] = SimulationModel.WholeWeeks(result.TransitDays / 7);
        });
        return (full, fixedPart, lead, transit);
    }

    private static double SimulatedUnitCost(OptionYearResult result, Item item)
    {
        var sum = 0.0;
        foreach (var line in result.Lines)
            if (!Simulated(line.Factor, item)) sum += line.PerUnit;
        return sum;
    }

    private static StrategyDefinition[] Strategies(Item item, SimulationModel model)
    {
        var list = item.Options.Select((o, i) =>
        {
            var shares = new double[item.Options.Count];
            shares[i] = 1;
            return model.DefineStrategy(o.Id, o.Name, shares, 0);
        }).ToList();
        foreach (var s in item.Strategies ?? [])
            list.Add(model.DefineStrategy(s.Id, s.Name, item.Options.Select(o => s.Shares.TryGetValue(o.Id, out var v) ? v : 0).ToArray(), s.BufferWeeks ?? 0));
        return list.ToArray();
    }

    private static EventSource[] CompileEvents(ReshoringCase c, Item item, CaseContext ctx, IReadOnlyList<UncertainInput> uncertain, List<string> warnings, CultureInfo culture)
    {
        var events = c.Risk?.Events ?? [];
        var result = new List<EventSource>();
        var coveredByEvents = new bool[item.Options.Count];
        for (var e = 0; e < events.Count; e++)
        {
            var ev = events[e];
            var durationPath = $"$.risk.events[{e}].durationWeeks";
            var duration = uncertain.FirstOrDefault(u => u.Path == durationPath)?.Distribution;
            var index = new List<int>();
            var loss = new List<double>();
            var delay = new List<int>();
            for (var i = 0; i < item.Options.Count; i++)
            {
                var option = item.Options[i];
                double worstLoss = -1;
                var worstDelay = -1;
                foreach (var effect in ev.Effects)
                {
                    if (!Matches(effect, option, ctx)) continue;
                    var l = effect.CapacityLossPct is { } pct ? pct / 100 : effect.AddedDelayWeeks is null ? 1 : 0;
                    worstLoss = Math.Max(worstLoss, l);
                    worstDelay = Math.Max(worstDelay, SimulationModel.WholeWeeks(effect.AddedDelayWeeks ?? 0));
                }
                if (worstLoss < 0) continue;
                if (worstLoss > 0 && ev.EventsPerYear > 0) coveredByEvents[i] = true;
                index.Add(i);
                loss.Add(worstLoss);
                delay.Add(worstDelay);
            }
            if (index.Count > 0)
                result.Add(new EventSource(ev.Id, ev.EventsPerYear / 52, duration, ev.DurationWeeks, index.ToArray(), loss.ToArray(), delay.ToArray()));
        }
        // An option's own expected-disruption inputs (risk.disruption) become an event source of that option alone, unless a
        // case event already takes capacity from it: both would describe the same outages, and the events are the richer model.
        for (var i = 0; i < item.Options.Count; i++)
        {
            if (item.Options[i].Risk?.Disruption is not { } d || d.EventsPerYear <= 0) continue;
            if (coveredByEvents[i])
            {
                warnings.Add(Text.Format(culture, "Risk_OwnDisruptionCovered", "{0}: its own disruption risk is not simulated, because the case's disruption events already take capacity from it (the cost comparison still prices its expected-disruption line).", item.Options[i].Name ?? item.Options[i].Id));
                continue;
            }
            var loss = (d.CapacityLossPct ?? 100) / 100 * (1 - (d.MitigatedPct ?? 0) / 100);
            result.Add(new EventSource($"{item.Options[i].Id}.risk.disruption", d.EventsPerYear / 52, null, d.DurationWeeks, [i], [loss], [0]));
        }
        return result.ToArray();
    }

    /// <summary>Whether an event effect applies to an option: every selector given must match; none given means all options.</summary>
    public static bool Matches(EventEffect effect, SourcingOption option, CaseContext ctx)
    {
        if (effect.Options is { Count: > 0 } ids && !ids.Contains(option.Id)) return false;
        if (effect.Countries is { Count: > 0 } countries && !countries.Contains(option.Country)) return false;
        if (effect.Modes is { Count: > 0 } modes)
        {
            var legModes = (option.Logistics?.Legs ?? []).Where(l => (l.Role ?? LegRole.Main) == LegRole.Main)
                .Select(l => l.Mode ?? (l.Lane is { } lane && ctx.Market.Lanes.TryGetValue(lane, out var ln) ? ln.Mode : (TransportMode?)null))
                .OfType<TransportMode>();
            if (!legModes.Any(modes.Contains)) return false;
        }
        return true;
    }

    private ItemSimulation SimulateItem(ReshoringCase c, int itemIndex, IReadOnlyList<UncertainInput> uncertain, MarketSnapshot market, int scenarios, int seed,
        IProgress<int>? progress, CancellationToken cancellation)
    {
        var fixedCost = AnnualisedOneOffCosts(c, itemIndex, market);
        var model = Compile(c, itemIndex, market, uncertain, out var warnings, fixedCost);
        var item = c.Items[itemIndex];
        var itemPath = $"$.items[{itemIndex}].";
        var scenarioInputs = ScenarioInputs(uncertain, itemIndex);
        if (uncertain.Any(u => u.Path.EndsWith(".timeToRecoverWeeks", StringComparison.Ordinal) && u.Path.StartsWith(itemPath, StringComparison.Ordinal)))
            warnings.Add(Text.Get(_culture, "Risk_TtrDistribution", "timeToRecoverWeeks given as a distribution: its mean is compared with the time to survive."));
        var overrides = scenarioInputs.Count == 0 ? null
            : CompileCosts(c, itemIndex, scenarioInputs, market, model) is { } evaluator ? Redraw(c, itemIndex, scenarioInputs, model, evaluator, scenarios, seed, cancellation)
            : Recompile(c, itemIndex, scenarioInputs, uncertain, market, scenarios, seed, fixedCost, model.FixedPerUnit, cancellation);
        var raw = WeeklySimulator.Run(model, scenarios, seed, itemIndex, overrides, progress, cancellation);
        var cheapest = new int[model.Strategies.Length];
        for (var s = 0; s < scenarios; s++)
        {
            var best = 0;
            for (var k = 1; k < model.Strategies.Length; k++) if (raw.AnnualCost[k][s] < raw.AnnualCost[best][s]) best = k;
            cheapest[best]++;
        }
        // The strategies' statistics are independent: one per core.
        var summaries = new StrategyResult[model.Strategies.Length];
        Parallel.For(0, summaries.Length, new ParallelOptions { CancellationToken = cancellation }, k =>
        {
            var probability = (double)cheapest[k] / scenarios;
            summaries[k] = Summarise(model, model.Strategies[k], raw, k) with
            {
                ProbabilityCheapest = probability,
                ProbabilityCheapestStdError = Math.Sqrt(probability * (1 - probability) / scenarios),
            };
        });
        var strategies = summaries.ToList();
        return new ItemSimulation
        {
            ItemId = item.Id, ItemName = item.Name, Strategies = strategies, Weeks = model.Weeks, DiscountRate = model.DiscountRate,
            UncertainInputs = scenarioInputs.Select(u => u.Path).ToList(), Warnings = warnings,
        };
    }

    /// <summary>
    /// The statistics of strategy <paramref name="k"/> of a run (docs/model.md 8.8): equivalent annual cost, each year's cost, the worst
    /// year and the single-year tail, service and survival. <see cref="StrategyResult.ProbabilityCheapest"/> is left at 1: it needs the
    /// other strategies.
    /// </summary>
    public static StrategyResult Summarise(SimulationModel model, StrategyDefinition strategy, SimulationRawResult raw, int k)
    {
        var scenarios = raw.Scenarios;
        var years = raw.Years;
        var yearly = raw.YearlyCost[k];
        // Each year's costs over the scenarios, sorted once for their own statistics and for the single-year tail.
        var sortedYears = new double[years][];
        var worst = new double[scenarios];
        worst.AsSpan().Fill(double.NegativeInfinity);
        for (var y = 0; y < years; y++)
        {
            var column = sortedYears[y] = new double[scenarios];
            for (var s = 0; s < scenarios; s++)
            {
                var cost = yearly[s * years + y];
                column[s] = cost;
                if (cost > worst[s]) worst[s] = cost;
            }
            DoubleRadixSort.Sort(column);
        }
        var byYear = sortedYears.Select(CostStatistics.OfSorted).ToList();
        DoubleRadixSort.Sort(worst);
        var (singleYear, singleYearError) = CostStatistics.SingleYearCvar95(yearly, sortedYears, model.YearWeights);
        var samples = (double[])raw.AnnualCost[k].Clone();
        DoubleRadixSort.Sort(samples);
        var meanOnHand = raw.MeanOnHand[k].Average();
        return new StrategyResult
        {
            Id = strategy.Id,
            Name = strategy.Name,
            Shares = model.OptionIds.Zip(strategy.Shares).Where(p => p.Second > 0).ToDictionary(p => p.First, p => p.Second),
            BufferWeeks = strategy.BufferWeeks,
            AnnualCost = CostStatistics.OfSorted(samples),
            AnnualCostByYear = byYear,
            WorstYearCost = CostStatistics.OfSorted(worst),
            SingleYearCvar95 = singleYear,
            SingleYearCvar95StdError = singleYearError,
            AnnualCostSamples = samples,
            DeterministicAnnualCost = DeterministicAnnualCost(model, strategy),
            FillRate = raw.FillRate[k].Average(),
            ExpectedLostUnitsPerYear = raw.LostUnitsPerYear[k].Average(),
            ExpectedEmergencyUnitsPerYear = raw.EmergencyUnitsPerYear[k].Average(),
            ProbabilityCheapest = 1,
            MeanOnHandUnits = meanOnHand,
            Options = Survival(model, strategy, meanOnHand),
        };
    }

    /// <summary>Per option, its one-off transition costs net of incentives and residual value, as a present value spread over the horizon: PV ÷ a(r, H).</summary>
    public static double[] AnnualisedOneOffCosts(ReshoringCase c, int itemIndex, MarketSnapshot market)
    {
        var item = c.Items[itemIndex];
        var ctx = new CaseContext(c with { Items = [item] }, market);
        var annuity = Costing.Formulas.FinanceFormulas.AnnuityFactor(c.DiscountRatePct / 100, c.HorizonYears);
        return item.Options.Select(o =>
        {
            var (oneOff, incentives, residual) = CaseEvaluator.TransitionFlows(ctx, o);
            return Costing.Formulas.FinanceFormulas.PresentValue(oneOff.Select((amount, t) => amount - incentives[t] - residual[t]).ToArray(), ctx.DiscountRate) / annuity;
        }).ToArray();
    }

    /// <summary>
    /// Σ_y w_y Σ_(t in y) Σ_i s_i μ_t c^s_i,y + F_s: the equivalent annual purchase cost with mean demand and no disruption, plus the
    /// strategy's annualised one-off costs.
    /// </summary>
    public static double DeterministicAnnualCost(SimulationModel m, StrategyDefinition s)
    {
        var cost = s.UnitCost ?? m.UnitCost;
        var yearly = new double[m.Years];
        for (var t = 0; t < m.Weeks; t++)
            for (var i = 0; i < m.OptionCount; i++)
                yearly[t / 52] += s.Shares[i] * m.MeanWeeklyDemand[t] * cost[i * m.Years + t / 52];
        return EquivalentAnnualCost.Of(yearly, m.YearWeights) + s.FixedCostPerYear;
    }

    /// <summary>
    /// TTS of option i = (mean stock on hand + the option's in-transit pipeline share × μ × T_i) ÷ the weekly shortfall μ − μ Σ_{j≠i} s_j (1 + f_j) − emergency capacity;
    /// unlimited when the rest covers mean demand. μ is year-1 mean weekly demand.
    /// </summary>
    public static IReadOnlyList<SurvivalCheck> Survival(SimulationModel m, StrategyDefinition s, double meanOnHand)
    {
        var mu = m.MeanWeeklyDemand[0];
        var emergency = double.IsNaN(m.EmergencyPremium) ? 0 : m.EmergencyCapacity;
        var list = new List<SurvivalCheck>();
        for (var i = 0; i < m.OptionCount; i++)
        {
            if (s.Shares[i] <= 0) continue;
            var rest = 0.0;
            for (var j = 0; j < m.OptionCount; j++) if (j != i) rest += s.Shares[j] * (1 + m.Flexibility[j]);
            var shortfall = mu * (1 - rest - emergency);
            // Stock on hand plus what the lost option had already shipped (its transit pipeline) still reaches the plant.
            double? tts = shortfall <= 1e-12 ? null : (meanOnHand + s.Shares[i] * mu * (m.TransitWeeks?[i] ?? m.LeadWeeks[i])) / shortfall;
            double? ttr = double.IsNaN(m.TimeToRecoverWeeks[i]) ? null : m.TimeToRecoverWeeks[i];
            // After recovering, the source's first new shipment still takes its lead time: stock must last TTR + L_i.
            list.Add(new SurvivalCheck(m.OptionIds[i], s.Shares[i], tts, ttr, tts is { } a && ttr is { } b && a < b + m.LeadWeeks[i]));
        }
        return list;
    }

    /// <summary>
    /// The inputs drawn per scenario for item <paramref name="itemIndex"/>: everything except event durations (drawn per event), times to
    /// recover (a yardstick, not simulated) and other items' inputs.
    /// </summary>
    public static List<UncertainInput> ScenarioInputs(IReadOnlyList<UncertainInput> uncertain, int itemIndex)
    {
        var itemPath = $"$.items[{itemIndex}].";
        return uncertain.Where(u => !(u.Path.StartsWith("$.risk.events[", StringComparison.Ordinal) && u.Path.EndsWith(".durationWeeks", StringComparison.Ordinal))
            && !u.Path.EndsWith(".timeToRecoverWeeks", StringComparison.Ordinal)
            && (!u.Path.StartsWith("$.items[", StringComparison.Ordinal) || u.Path.StartsWith(itemPath, StringComparison.Ordinal))).ToList();
    }

    /// <summary>Fields the simulation model reads outside the unit costs: an input drawn per scenario at one of them changes more than costs.</summary>
    private static readonly string[] StructuralFields =
    [
        "annualVolumeUnits", "demandGrowthPct", "sellingPricePerUnit", "marginPct", "shortagePenaltyPerUnit", "backorders", "demandVolatilityPct",
        "inventoryCarryingRatePct", "emergencySupply", "capacityFlexibilityPct", "timeToRecoverWeeks", "strategies", "discountRatePct", "horizonYears",
        "baseYear", "fx", "exchange", "currency", "leadTime", "transit", "Days", "Weeks", "$.risk", ".risk.",
    ];

    /// <summary>Whether an input drawn per scenario can only change the option-year unit costs (docs/model.md 8.14).</summary>
    public static bool CostOnlyInput(string path) => !StructuralFields.Any(f => path.Contains(f, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The item's simulation unit costs compiled into a flat function of the inputs drawn per scenario (docs/model.md 8.14), checked against
    /// the full engine; null when an input can change more than costs or the costs do not fit the flat form (the engine is then used per scenario).
    /// </summary>
    public ScenarioCostEvaluator? CompileCosts(ReshoringCase c, int itemIndex, IReadOnlyList<UncertainInput> inputs, MarketSnapshot market, SimulationModel baseModel)
    {
        if (!inputs.All(i => CostOnlyInput(i.Path))) return null;
        return ScenarioCostEvaluator.TryCompile(inputs, x => EngineUnitCosts(c, itemIndex, inputs, x, market, baseModel));
    }

    /// <summary>The simulation unit costs by the full TCO engine with the inputs set to <paramref name="values"/>; null when the lead or transit weeks move.</summary>
    public double[]? EngineUnitCosts(ReshoringCase c, int itemIndex, IReadOnlyList<UncertainInput> inputs, double[] values, MarketSnapshot market, SimulationModel baseModel)
    {
        var drawn = c;
        for (var k = 0; k < inputs.Count; k++) drawn = CasePaths.With(drawn, inputs[k].Path, values[k]);
        var (unitCost, _, lead, transit) = UnitCosts(new CaseContext(drawn, market), drawn.Items[itemIndex], withFixedPart: false);
        return lead.AsSpan().SequenceEqual(baseModel.LeadWeeks) && transit.AsSpan().SequenceEqual(baseModel.TransitWeeks) ? unitCost : null;
    }

    /// <summary>
    /// Draws the uncertain inputs per scenario (the same draws as <see cref="Recompile"/>) and prices them with the compiled evaluator into
    /// one flat array of unit costs: no model is built per scenario, the kernel derives the strategies' costs itself.
    /// </summary>
    private static ScenarioOverrides Redraw(ReshoringCase c, int itemIndex, List<UncertainInput> inputs, SimulationModel baseModel, ScenarioCostEvaluator evaluator,
        int scenarios, int seed, CancellationToken cancellation)
    {
        var sampler = new ScenarioSampler(inputs, c.Risk);
        var cells = evaluator.Cells;
        var unitCosts = new double[scenarios * cells];
        Parallel.For(0, scenarios, new ParallelOptions { CancellationToken = cancellation }, () => (Values: new double[inputs.Count], Random: new StreamRandom(0, 0, 0)), (s, _, local) =>
        {
            local.Random.Reseed(seed, -1 - itemIndex, s);
            sampler.Draw(local.Random, local.Values);
            evaluator.Evaluate(local.Values, unitCosts.AsSpan(s * cells, cells));
            return local;
        }, _ => { });
        return ScenarioOverrides.WithUnitCosts(baseModel, unitCosts, scenarios);
    }

    /// <summary>Draws the uncertain inputs per scenario and compiles the item again from the drawn case: costs, demand, lead times, events, flexibility and strategies.</summary>
    private ScenarioOverrides Recompile(ReshoringCase c, int itemIndex, List<UncertainInput> inputs, IReadOnlyList<UncertainInput> all, MarketSnapshot market, int scenarios, int seed,
        double[] fixedCost, double[]? fixedPerUnit, CancellationToken cancellation)
    {
        var sampler = new ScenarioSampler(inputs, c.Risk);
        var models = new SimulationModel[scenarios];
        Parallel.For(0, scenarios, new ParallelOptions { CancellationToken = cancellation }, s =>
        {
            var random = new StreamRandom(seed, -1 - itemIndex, s);
            var values = new double[inputs.Count];
            sampler.Draw(random, values);
            var drawn = c;
            for (var k = 0; k < inputs.Count; k++) drawn = CasePaths.With(drawn, inputs[k].Path, values[k]);
            models[s] = Compile(drawn, itemIndex, market, all, out _, fixedCost, fixedPerUnit);
        });
        return new ScenarioOverrides(models);
    }
}
