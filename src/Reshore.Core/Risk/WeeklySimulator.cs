using MathNet.Numerics.Distributions;

namespace Reshore.Core.Risk;

/// <summary>What the simulator produced per strategy and scenario (annualised where it says so).</summary>
public sealed class SimulationRawResult
{
    /// <summary>Creates empty result arrays for <paramref name="years"/> years per scenario.</summary>
    public SimulationRawResult(int strategies, int scenarios, int years = 1)
    {
        AnnualCost = Alloc(strategies, scenarios);
        FillRate = Alloc(strategies, scenarios);
        LostUnitsPerYear = Alloc(strategies, scenarios);
        EmergencyUnitsPerYear = Alloc(strategies, scenarios);
        MeanOnHand = Alloc(strategies, scenarios);
        YearlyCost = Alloc(strategies, scenarios * years);
        Scenarios = scenarios;
        Years = years;
    }

    private static double[][] Alloc(int a, int b) => Enumerable.Range(0, a).Select(_ => new double[b]).ToArray();

    /// <summary>Number of scenarios.</summary>
    public int Scenarios { get; }
    /// <summary>Years per scenario.</summary>
    public int Years { get; }
    /// <summary>[strategy][scenario] equivalent annual cost: Σ_y w_y × the cost of year y (docs/model.md 8.6).</summary>
    public double[][] AnnualCost { get; }
    /// <summary>[strategy][scenario × years + year] the cost of each horizon year, undiscounted, with the annualised one-off costs.</summary>
    public double[][] YearlyCost { get; }
    /// <summary>[strategy][scenario] demand met on time ÷ demand.</summary>
    public double[][] FillRate { get; }
    /// <summary>[strategy][scenario] units lost (or backordered) per year.</summary>
    public double[][] LostUnitsPerYear { get; }
    /// <summary>[strategy][scenario] emergency units per year.</summary>
    public double[][] EmergencyUnitsPerYear { get; }
    /// <summary>[strategy][scenario] average end-of-week stock on hand, units.</summary>
    public double[][] MeanOnHand { get; }
}

/// <summary>
/// What differs per scenario when uncertain inputs are drawn: either whole models compiled per scenario, or — when the inputs can only
/// change costs — just each scenario's full-volume unit costs, from which the kernel derives every strategy's costs as
/// <see cref="SimulationModel.DefineStrategy"/> does (no model per scenario is built).
/// </summary>
public sealed class ScenarioOverrides
{
    private SimulationModel[]? _models;
    private readonly SimulationModel? _baseModel;

    /// <summary>One model per scenario (same options, weeks and strategies as the base model).</summary>
    public ScenarioOverrides(SimulationModel[] models) => _models = models;

    private ScenarioOverrides(SimulationModel baseModel, double[] unitCosts, int scenarios)
    {
        var cells = baseModel.OptionCount * baseModel.Years;
        if (unitCosts.Length != scenarios * cells) throw new ArgumentException($"{unitCosts.Length} unit costs for {scenarios} scenarios of {cells} option-years.", nameof(unitCosts));
        _baseModel = baseModel;
        UnitCosts = unitCosts;
        Scenarios = scenarios;
    }

    /// <summary>Scenario s is <paramref name="baseModel"/> with the full-volume unit costs <paramref name="unitCosts"/>[s × cells .. (s + 1) × cells), cells = options × years.</summary>
    public static ScenarioOverrides WithUnitCosts(SimulationModel baseModel, double[] unitCosts, int scenarios) => new(baseModel, unitCosts, scenarios);

    /// <summary>The unit costs per scenario ([scenario × (option × years + year)]) when only they differ from the base model; else null.</summary>
    public double[]? UnitCosts { get; }

    /// <summary>Number of scenarios given by <see cref="UnitCosts"/> (0 for per-scenario models).</summary>
    public int Scenarios { get; }

    /// <summary>One model per scenario (built on first use from <see cref="UnitCosts"/> when given that way).</summary>
    public SimulationModel[] Models => _models ??= Enumerable.Range(0, Scenarios)
        .Select(s => _baseModel!.WithUnitCost(UnitCosts.AsSpan(s * _baseModel.OptionCount * _baseModel.Years, _baseModel.OptionCount * _baseModel.Years).ToArray())).ToArray();
}

/// <summary>
/// The weekly Monte Carlo engine. Per scenario it draws demand and disruption events once and runs every strategy on
/// them (common random numbers). <see cref="Run"/> uses the vectorised <see cref="ScenarioBlockKernel"/> whenever the scenarios share
/// everything but their costs; <see cref="RunScalar"/> runs one scenario at a time. Scenarios run in parallel; scenario s draws from its own stream seeded by
/// (seed, stream, s), so results do not depend on the thread count. The weekly loop allocates nothing.
/// </summary>
public static class WeeklySimulator
{
    /// <summary>Simulates <paramref name="scenarios"/> scenarios of <paramref name="model"/>.</summary>
    /// <param name="model">The compiled item.</param>
    /// <param name="scenarios">Number of scenarios.</param>
    /// <param name="seed">Seed of the run.</param>
    /// <param name="stream">Distinguishes items of one run (e.g. the item index).</param>
    /// <param name="overrides">Per-scenario models, or null.</param>
    /// <param name="progress">Receives the number of scenarios finished (in blocks).</param>
    /// <param name="cancellation">Stops the run.</param>
    /// <param name="maxThreads">Upper bound on threads (results do not depend on it).</param>
    public static SimulationRawResult Run(SimulationModel model, int scenarios, int seed, int stream, ScenarioOverrides? overrides = null,
        IProgress<int>? progress = null, CancellationToken cancellation = default, int maxThreads = -1) =>
        overrides is null ? ScenarioBlockKernel.Run(model, scenarios, seed, stream, (SimulationModel[]?)null, progress, cancellation, maxThreads)
        : overrides.UnitCosts is { } unitCosts ? ScenarioBlockKernel.Run(model, scenarios, seed, stream, unitCosts, progress, cancellation, maxThreads)
        : ScenarioBlockKernel.CostOnly(model, overrides.Models) ? ScenarioBlockKernel.Run(model, scenarios, seed, stream, overrides.Models, progress, cancellation, maxThreads)
            : RunScalar(model, scenarios, seed, stream, overrides, progress, cancellation, maxThreads);

    /// <summary>
    /// The scenario-at-a-time engine: the reference the vectorised <see cref="ScenarioBlockKernel"/> is tested against, and the engine
    /// for per-scenario models that differ in more than their costs (demand, lead times, events or strategies drawn per scenario).
    /// Parameters as <see cref="Run"/>.
    /// </summary>
    public static SimulationRawResult RunScalar(SimulationModel model, int scenarios, int seed, int stream, ScenarioOverrides? overrides = null,
        IProgress<int>? progress = null, CancellationToken cancellation = default, int maxThreads = -1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(scenarios, 1);
        var result = new SimulationRawResult(model.Strategies.Length, scenarios, model.Years);
        var done = 0;
        var options = new ParallelOptions { CancellationToken = cancellation, MaxDegreeOfParallelism = maxThreads };
        // Blocks of scenarios keep the scheduling overhead small; each scenario still draws from its own stream.
        Parallel.ForEach(System.Collections.Concurrent.Partitioner.Create(0, scenarios, 64), options, () => new Workspace(model, overrides?.Models), (block, _, ws) =>
        {
            for (var s = block.Item1; s < block.Item2; s++) RunScenario(model, s, seed, stream, overrides, ws, result);
            var n = Interlocked.Add(ref done, block.Item2 - block.Item1);
            progress?.Report(n);
            return ws;
        }, _ => { });
        return result;
    }

    /// <summary>A scenario's own random stream (seed, stream, scenario).</summary>
    public static StreamRandom ScenarioRandom(int seed, int stream, int scenario) => new(seed, stream, scenario);

    /// <summary>The outcome of one strategy on one given scenario.</summary>
    /// <param name="AnnualCost">Equivalent annual cost (docs/model.md 8.6).</param>
    /// <param name="FillRate">Demand met on time ÷ demand.</param>
    /// <param name="LostUnitsPerYear">Units lost (or backordered) per year.</param>
    /// <param name="EmergencyUnitsPerYear">Emergency units per year.</param>
    /// <param name="MeanOnHand">Average end-of-week stock on hand.</param>
    /// <param name="YearlyCost">The cost of each horizon year, undiscounted, with the annualised one-off costs.</param>
    public readonly record struct StrategyOutcome(double AnnualCost, double FillRate, double LostUnitsPerYear, double EmergencyUnitsPerYear, double MeanOnHand, double[] YearlyCost);

    /// <summary>
    /// Runs one strategy on a scenario given explicitly — demand per week and, per option and week ([option × weeks + week]),
    /// capacity loss and added delay — for tests and what-if replays of a known disruption.
    /// </summary>
    public static StrategyOutcome RunScenario(SimulationModel model, int strategyIndex, double[] demand, double[] loss, int[] delay, double[]? unitCost = null)
    {
        var ws = new Workspace(model, null);
        Array.Copy(demand, ws.Demand, model.Weeks);
        Array.Copy(loss, ws.Loss, model.OptionCount * model.Weeks);
        Array.Copy(delay, ws.Delay, model.OptionCount * model.Weeks);
        var yearly = new double[model.Years];
        RunStrategy(model, model.Strategies[strategyIndex], ws, unitCost ?? model.UnitCost, yearly, out var cost, out var fill, out var lost, out var emergency, out var onHand);
        return new StrategyOutcome(cost, fill, lost, emergency, onHand, yearly);
    }

    /// <summary>Buffers one thread reuses for every scenario it runs.</summary>
    private sealed class Workspace(SimulationModel m, SimulationModel[]? scenarioModels)
    {
        public readonly double[] Normals = new double[m.Weeks];
        public readonly double[] Demand = new double[m.Weeks];
        public readonly double[] Loss = new double[m.OptionCount * m.Weeks];
        public readonly int[] Delay = new int[m.OptionCount * m.Weeks];
        public readonly double[] Arrivals = new double[m.Weeks + (scenarioModels ?? [m]).Append(m).Max(MaxOffset) + 2];
        public readonly StreamRandom EventRandom = new(0, 0, 0);
        public readonly int[] Active = new int[m.OptionCount];
        public readonly double[] AverageCost = new double[m.Years];
        public readonly StreamRandom Random = new(0, 0, 0);
    }

    private static int MaxOffset(SimulationModel m) =>
        m.LeadWeeks.DefaultIfEmpty(1).Max() + m.Events.SelectMany(e => e.DelayWeeks).DefaultIfEmpty(0).Max() + m.EmergencyLeadWeeks;

    private static void RunScenario(SimulationModel baseModel, int s, int seed, int stream, ScenarioOverrides? overrides, Workspace ws, SimulationRawResult result)
    {
        var m = overrides?.Models[s] ?? baseModel;
        var random = ws.Random;
        random.Reseed(seed, stream, s);
        Normal.Samples(random, ws.Normals, 0, 1);
        var sigma = m.WeeklySigma;
        var drift = -sigma * sigma / 2;
        for (var t = 0; t < m.Weeks; t++)
            ws.Demand[t] = m.MeanWeeklyDemand[t] * Math.Exp(sigma * ws.Normals[t] + drift);
        // Each event source draws from its own stream, so changing one source leaves the others' events as they were.
        Disruptions.Generate(ws.EventRandom, seed, stream, s, m.Events, m.Weeks, m.OptionCount, ws.Loss, ws.Delay);
        for (var k = 0; k < m.Strategies.Length; k++)
        {
            var strategy = m.Strategies[k];
            RunStrategy(m, strategy, ws, strategy.UnitCost ?? m.UnitCost, result.YearlyCost[k].AsSpan(s * m.Years, m.Years), out result.AnnualCost[k][s], out result.FillRate[k][s],
                out result.LostUnitsPerYear[k][s], out result.EmergencyUnitsPerYear[k][s], out result.MeanOnHand[k][s]);
        }
    }

    /// <summary>
    /// Runs one strategy over one scenario's demand and disruptions (the hot loop: no allocation). Fills <paramref name="yearCost"/> with the
    /// cost of each horizon year (running costs plus the strategy's annualised one-off costs) and returns their equivalent annual cost.
    /// </summary>
    private static void RunStrategy(SimulationModel m, StrategyDefinition strategy, Workspace ws, double[] cost, Span<double> yearCost,
        out double annualCost, out double fillRate, out double lostPerYear, out double emergencyPerYear, out double meanOnHand)
    {
        var n = m.OptionCount;
        var years = m.Years;
        var shares = strategy.Shares;
        var leads = m.LeadWeeks;
        // Per active option: index, capacity factor s_i (1 + f_i), lead weeks and the start of its cost row.
        Span<int> active = stackalloc int[n];
        Span<double> capacityFactor = stackalloc double[n];
        Span<int> lead = stackalloc int[n];
        Span<int> costRow = stackalloc int[n];
        var activeCount = 0;
        double maxLead = 0, meanLead = 0;
        for (var i = 0; i < n; i++)
        {
            if (shares[i] <= 0) continue;
            active[activeCount] = i;
            capacityFactor[activeCount] = shares[i] * (1 + m.Flexibility[i]);
            lead[activeCount] = leads[i];
            costRow[activeCount] = i * years;
            activeCount++;
            maxLead = Math.Max(maxLead, leads[i]);
            meanLead += shares[i] * leads[i];
        }
        var averageCost = ws.AverageCost;
        for (var y = 0; y < years; y++)
        {
            var c = 0.0;
            for (var a = 0; a < activeCount; a++) c += shares[active[a]] * cost[costRow[a] + y];
            averageCost[y] = c;
        }
        yearCost.Clear();
        var arrivals = ws.Arrivals;
        Array.Clear(arrivals);
        var targetWeeks = maxLead + 1 + strategy.BufferWeeks;
        // Start in steady state: each option's pipeline full, on hand = μ (L_max − L̄ + 1 + buffer).
        var meanDemand = m.MeanWeeklyDemand;
        var mu0 = meanDemand[0];
        var onOrder = 0.0;
        for (var a = 0; a < activeCount; a++)
        {
            var share = shares[active[a]];
            for (var w = 0; w < lead[a]; w++) arrivals[w] += share * mu0;
            onOrder += share * mu0 * lead[a];
        }
        var onHand = mu0 * (maxLead - meanLead + 1 + strategy.BufferWeeks);
        double backlog = 0;
        double demandTotal = 0, onTime = 0, lost = 0, emergencyUnits = 0, onHandSum = 0;
        var hasEmergency = !double.IsNaN(m.EmergencyPremium);
        var emergencyPremium = m.EmergencyPremium;
        var emergencyCapacity = m.EmergencyCapacity;
        var emergencyLead = m.EmergencyLeadWeeks;
        var weeklyCarry = m.CarryingRate / 52;
        var shortageCost = m.ShortageCost;
        var backorders = m.Backorders;
        var loss = ws.Loss;
        var delay = ws.Delay;
        var demand = ws.Demand;
        var weeks = m.Weeks;
        for (var t = 0; t < weeks; t++)
        {
            var y = t / 52;
            var mu = meanDemand[t];
            var standard = averageCost[y];
            var arriving = arrivals[t];
            onHand += arriving;
            onOrder -= arriving;
            var d = demand[t];
            demandTotal += d;
            if (backorders)
            {
                var fromBacklog = Math.Min(onHand, backlog);
                onHand -= fromBacklog;
                backlog -= fromBacklog;
            }
            var served = Math.Min(onHand, d);
            onHand -= served;
            onTime += served;
            var missed = d - served;
            lost += missed;
            if (backorders) backlog += missed;
            // The week's cost with the stock position (on hand + in transit − backlog) valued at the standard c̄_y: purchases minus the
            // rise of the position's value. That equals c̄_y × demand (a lost unit is not bought, but its cost is part of what the sale
            // would have carried), plus what purchases cost above or below the standard, plus the emergency premium, the shortage
            // cost k_s per unit missed and holding (docs/model.md 8.6).
            var weekCost = standard * d + shortageCost * missed;
            var order = mu * targetWeeks - (onHand + onOrder - backlog);
            if (order > 0)
            {
                var shipped = 0.0;
                for (var a = 0; a < activeCount; a++)
                {
                    var i = active[a];
                    var cell = i * weeks + t;
                    var capacity = capacityFactor[a] * mu * (1 - loss[cell]);
                    var wanted = shares[i] * order;
                    var ship = wanted < capacity ? wanted : capacity;
                    if (ship <= 0) continue;
                    arrivals[t + lead[a] + delay[cell]] += ship;
                    weekCost += ship * (cost[costRow[a] + y] - standard);
                    shipped += ship;
                }
                onOrder += shipped;
                // Emergency supply covers what the operating target lacks, not the strategic buffer: a buffer is rebuilt by normal supply.
                var gap = Math.Min(order - shipped, mu * (targetWeeks - strategy.BufferWeeks) - (onHand + onOrder - backlog));
                if (hasEmergency && gap > 1e-12)
                {
                    var extra = Math.Min(gap, emergencyCapacity * mu);
                    arrivals[t + emergencyLead] += extra;
                    onOrder += extra;
                    emergencyUnits += extra;
                    weekCost += extra * emergencyPremium;
                }
            }
            weekCost += onHand * standard * weeklyCarry;
            yearCost[y] += weekCost;
            onHandSum += onHand;
        }
        var yearCount = weeks / 52.0;
        var fixedCost = strategy.FixedCostPerYear;
        for (var y = 0; y < years; y++) yearCost[y] += fixedCost;
        annualCost = EquivalentAnnualCost.Of(yearCost, m.YearWeights);
        fillRate = demandTotal > 0 ? onTime / demandTotal : 1;
        lostPerYear = lost / yearCount;
        emergencyPerYear = emergencyUnits / yearCount;
        meanOnHand = onHandSum / weeks;
    }
}

/// <summary>Draws disruption events and marks, per option and week, the worst capacity loss and added delay.</summary>
public static class Disruptions
{
    /// <summary>
    /// Events of each source arrive as a Poisson process over [−pad, T) — pad = the longest possible duration, so the
    /// process is in steady state at week 0 — and last a whole number of weeks (the drawn duration rounded, at least 1).
    /// Overlapping events take the worst loss and the longest delay.
    /// </summary>
    public static void Generate(Random random, EventSource[] sources, int weeks, int optionCount, double[] loss, int[] delay) =>
        Generate(random, null, sources, weeks, optionCount, loss, delay);

    /// <summary>As <see cref="Generate(Random, EventSource[], int, int, double[], int[])"/>, with source k drawing from stream (seed, stream, scenario, k).</summary>
    public static void Generate(StreamRandom random, int seed, int stream, int scenario, EventSource[] sources, int weeks, int optionCount, double[] loss, int[] delay) =>
        Generate(random, (seed, stream, scenario), sources, weeks, optionCount, loss, delay);

    private static void Generate(Random random, (int Seed, int Stream, int Scenario)? perSource, EventSource[] sources, int weeks, int optionCount, double[] loss, int[] delay)
    {
        Array.Clear(loss, 0, optionCount * weeks);
        Array.Clear(delay, 0, optionCount * weeks);
        Mark(random, perSource, sources, weeks, loss, delay, 1, 0, null);
    }

    /// <summary>
    /// Draws the events of one scenario and marks them in a lane of a block laid out [option][week][lane] (cell (i, w) of lane l is
    /// at (i × weeks + w) × lanes + l; lanes = 1 is the plain [option × weeks + week] layout). The arrays are not cleared: an
    /// untouched cell must already be 0. <paramref name="flags"/>, when given, gets bit 1 for a week with a loss and bit 2 for a
    /// week with a delay in any lane. Returns whether any cell was marked.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    internal static bool Mark(Random random, (int Seed, int Stream, int Scenario)? perSource, EventSource[] sources, int weeks,
        double[] loss, int[] delay, int lanes, int lane, byte[]? flags)
    {
        var marked = false;
        for (var k = 0; k < sources.Length; k++)
        {
            if (sources[k].RatePerWeek <= 0) continue;
            if (perSource is { } p) ((StreamRandom)random).Reseed(p.Seed, SourceStream(p.Stream, k), p.Scenario);
            marked |= MarkSource(random, sources[k], weeks, loss, delay, lanes, lane, flags);
        }
        return marked;
    }

    /// <summary>The stream of event source k in item stream <paramref name="stream"/>: (seed, this, scenario).</summary>
    internal static int SourceStream(int stream, int k) => unchecked(stream * 31 + 1_000_003 * (k + 1));

    /// <summary>Weeks before week 0 over which a source's events arrive: its longest possible duration (the 99.9% quantile of a drawn one, at most 520).</summary>
    internal static int Pad(EventSource source) =>
        (int)Math.Ceiling(source.Duration is { } d ? Math.Min(d.Quantile(0.999), 520) : source.FixedDurationWeeks);

    /// <summary>
    /// The expected number of events of <paramref name="source"/> over the arrival window, λ = rate × (weeks + pad). For λ &lt; 30 Math.NET's
    /// Poisson sampler multiplies uniforms until the product falls below e^(−λ), so a scenario has no event exactly when its stream's
    /// first uniform is below e^(−λ): the kernel tests that for eight scenarios at once and draws the rest only for the others.
    /// </summary>
    internal static double ExpectedEvents(EventSource source, int weeks) => source.RatePerWeek * (weeks + Pad(source));

    /// <summary>Draws one source's events from <paramref name="random"/> (positioned at the start of the source's stream) and marks them.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    internal static bool MarkSource(Random random, EventSource source, int weeks, double[] loss, int[] delay, int lanes, int lane, byte[]? flags)
    {
        var marked = false;
        var pad = Pad(source);
        var window = weeks + pad;
        var count = Poisson.Sample(random, source.RatePerWeek * window);
        for (var e = 0; e < count; e++)
        {
            var start = (int)(random.NextDouble() * window) - pad;
            var length = Math.Max(1, SimulationModel.WholeWeeks(source.Duration is { } dist ? dist.Quantile(random.NextDouble()) : source.FixedDurationWeeks));
            var from = Math.Max(0, start);
            var to = Math.Min(weeks, start + length);
            for (var j = 0; j < source.OptionIndex.Length; j++)
            {
                var row = source.OptionIndex[j] * weeks;
                var l = source.CapacityLoss[j];
                var dl = source.DelayWeeks[j];
                for (var w = from; w < to; w++)
                {
                    var cell = (row + w) * lanes + lane;
                    if (l > loss[cell]) loss[cell] = l;
                    if (dl > delay[cell]) delay[cell] = dl;
                    if (flags is not null) flags[row + w] |= (byte)((l > 0 ? 1 : 0) | (dl > 0 ? 2 : 0));
                    marked = true;
                }
            }
        }
        return marked;
    }
}
