using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using V = Reshore.Core.Risk.ScenarioVector;

namespace Reshore.Core.Risk;

/// <summary>
/// The weekly engine laid out as structure of arrays over scenarios (docs/model.md 8.13). Scenarios run in blocks of
/// <see cref="Lanes"/> = 16 — two 512-bit vectors of doubles (<see cref="ScenarioVector"/>) — and every quantity of the week step
/// (stock on hand, pipeline, backlog, the week's cost, the running totals) is one such vector holding that quantity for each
/// scenario of the block. Random numbers are drawn for eight scenarios at once (<see cref="LaneRandom"/>, <see cref="LaneMath"/>). Per block, demand and disruption schedules are generated first, laid out [week][lane] and
/// [option][week][lane], with one flag per option-week saying whether any lane has an event; the week step then runs
/// without allocation, without virtual calls and with no branch per scenario: a lane that does not order or ship adds an
/// exact zero. Only a week flagged with an added delay takes a per-lane path (its shipments arrive in different weeks).
/// Blocks run in parallel on every core. Scenario s draws from its own streams (seed, stream, s), so results do not depend
/// on the thread count or on the block a scenario falls in.
/// </summary>
/// <remarks>
/// Given the same demand and events, a lane performs exactly the operations of <see cref="WeeklySimulator.RunScalar"/> in the
/// same order, so the two agree to the last bit; the demand draws differ (vectorised Box–Muller here, Math.NET's polar method
/// there), which changes results by sampling noise only.
/// </remarks>
public static class ScenarioBlockKernel
{
    /// <summary>
    /// Scenarios per block: the eight doubles of a 512-bit vector. With AVX-512 that is one register; elsewhere the JIT runs it as two
    /// 256-bit (or four 128-bit) halves, which also gives the out-of-order core independent work while one week's chain of
    /// dependent operations completes.
    /// </summary>
    public static int Lanes => ScenarioVector.Lanes;

    /// <summary>Whether the scenario models differ from the base model only in unit costs and fixed costs per strategy, so one block can mix them.</summary>
    public static bool CostOnly(SimulationModel m, SimulationModel[] scenarioModels)
    {
        foreach (var s in scenarioModels)
        {
            if (ReferenceEquals(s, m)) continue;
            if (s.Weeks != m.Weeks || s.OptionCount != m.OptionCount || s.WeeklySigma != m.WeeklySigma || s.CarryingRate != m.CarryingRate
                || s.ShortageCost != m.ShortageCost || s.Backorders != m.Backorders || !s.EmergencyPremium.Equals(m.EmergencyPremium)
                || s.EmergencyLeadWeeks != m.EmergencyLeadWeeks || s.EmergencyCapacity != m.EmergencyCapacity || s.DiscountRate != m.DiscountRate
                || !s.MeanWeeklyDemand.AsSpan().SequenceEqual(m.MeanWeeklyDemand) || !s.LeadWeeks.AsSpan().SequenceEqual(m.LeadWeeks)
                || !s.Flexibility.AsSpan().SequenceEqual(m.Flexibility) || s.Strategies.Length != m.Strategies.Length || s.Events.Length != m.Events.Length)
                return false;
            for (var k = 0; k < m.Strategies.Length; k++)
                if (s.Strategies[k].BufferWeeks != m.Strategies[k].BufferWeeks || !s.Strategies[k].Shares.AsSpan().SequenceEqual(m.Strategies[k].Shares)) return false;
            for (var e = 0; e < m.Events.Length; e++)
            {
                var a = s.Events[e];
                var b = m.Events[e];
                if (a.RatePerWeek != b.RatePerWeek || a.FixedDurationWeeks != b.FixedDurationWeeks || !Equals(a.Duration, b.Duration)
                    || !a.OptionIndex.AsSpan().SequenceEqual(b.OptionIndex) || !a.CapacityLoss.AsSpan().SequenceEqual(b.CapacityLoss)
                    || !a.DelayWeeks.AsSpan().SequenceEqual(b.DelayWeeks))
                    return false;
            }
        }
        return true;
    }

    /// <summary>
    /// Simulates <paramref name="scenarios"/> scenarios of <paramref name="model"/>; scenario s uses the unit costs and fixed costs of
    /// <paramref name="scenarioModels"/>[s] when given (they must pass <see cref="CostOnly"/>).
    /// </summary>
    public static SimulationRawResult Run(SimulationModel model, int scenarios, int seed, int stream, SimulationModel[]? scenarioModels = null,
        IProgress<int>? progress = null, CancellationToken cancellation = default, int maxThreads = -1) =>
        Run(model, scenarios, seed, stream, scenarioModels, null, progress, cancellation, maxThreads);

    /// <summary>
    /// Simulates <paramref name="scenarios"/> scenarios of <paramref name="model"/>; scenario s has the full-volume unit costs
    /// <paramref name="unitCosts"/>[s × cells .. (s + 1) × cells) (cells = options × years), from which each strategy's costs follow as in
    /// <see cref="SimulationModel.DefineStrategy"/>: the same numbers as per-scenario models built with <see cref="SimulationModel.WithUnitCost"/>.
    /// </summary>
    public static SimulationRawResult Run(SimulationModel model, int scenarios, int seed, int stream, double[] unitCosts,
        IProgress<int>? progress = null, CancellationToken cancellation = default, int maxThreads = -1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(unitCosts.Length, scenarios * model.OptionCount * model.Years, nameof(unitCosts));
        return Run(model, scenarios, seed, stream, null, unitCosts, progress, cancellation, maxThreads);
    }

    private static SimulationRawResult Run(SimulationModel model, int scenarios, int seed, int stream, SimulationModel[]? scenarioModels, double[]? unitCosts,
        IProgress<int>? progress, CancellationToken cancellation, int maxThreads)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(scenarios, 1);
        var result = new SimulationRawResult(model.Strategies.Length, scenarios, model.Years);
        var blocks = (scenarios + Lanes - 1) / Lanes;
        var done = 0;
        var options = new ParallelOptions { CancellationToken = cancellation, MaxDegreeOfParallelism = maxThreads };
        var perRange = Math.Max(1, Math.Min(64, blocks / (4 * Environment.ProcessorCount)));
        Parallel.ForEach(System.Collections.Concurrent.Partitioner.Create(0, blocks, perRange), options, () => new Block(model, scenarioModels, unitCosts), (range, _, block) =>
        {
            for (var b = range.Item1; b < range.Item2; b++) block.Run(b * Lanes, scenarios, seed, stream, result);
            var n = Interlocked.Add(ref done, Math.Min(scenarios, range.Item2 * Lanes) - range.Item1 * Lanes);
            progress?.Report(n);
            return block;
        }, _ => { });
        return result;
    }

    /// <summary>One thread's buffers for a block of <see cref="Lanes"/> scenarios, reused for every block it runs.</summary>
    private sealed class Block
    {
        private const int W = ScenarioVector.Lanes;
        private const int Half = LaneRandom.Lanes;
        private readonly SimulationModel _m;
        private readonly SimulationModel[]? _scenarioModels;
        private readonly double[]? _unitCosts;
        private readonly int _weeks, _years, _options, _ringMask;
        private readonly StreamRandom _random = new(0, 0, 0);
        private LaneRandom _low, _high;
        // Demand [week] (one vector: the block's lanes).
        private readonly V[] _demand;
        // Disruptions [option][week][lane] and one flag per option-week (bit 1: a loss in some lane, bit 2: a delay).
        private readonly double[] _loss;
        private readonly int[] _delay;
        private readonly byte[] _flags;
        private bool _eventsMarked;
        // Per source: e^(−λ), below which a scenario's first uniform means no event (NaN: λ ≥ 30, every lane draws).
        private readonly double[] _noEventBelow;
        // Per lane: unit cost per option and year [(option × years + year)]; the strategy's average c̄_y [year]; c − c̄_y per option and
        // year; the year costs [year]. Without per-scenario models the first three are the same in every block: kept per strategy.
        private readonly V[] _cost, _yearCost;
        private V[] _average, _costAbove;
        private readonly (V[] Average, V[] CostAbove)?[] _sharedCosts;
        // Arrivals: a ring of weeks long enough for the longest lead + delay + emergency lead.
        private readonly V[] _ring;
        private readonly int[] _active, _lead;
        private readonly double[] _capacityFactor;

        public Block(SimulationModel m, SimulationModel[]? scenarioModels, double[]? unitCosts)
        {
            _m = m;
            _scenarioModels = scenarioModels;
            _unitCosts = unitCosts;
            _weeks = m.Weeks;
            _years = m.Years;
            _options = m.OptionCount;
            _demand = new V[_weeks];
            _loss = new double[_options * _weeks * W];
            _delay = new int[_options * _weeks * W];
            _flags = new byte[_options * _weeks];
            _cost = new V[_options * _years];
            _average = new V[_years];
            _costAbove = new V[_options * _years];
            _yearCost = new V[_years];
            _sharedCosts = new (V[], V[])?[m.Strategies.Length];
            _noEventBelow = m.Events.Select(e => Disruptions.ExpectedEvents(e, _weeks) is var lambda && lambda < 30 ? Math.Exp(-lambda) : double.NaN).ToArray();
            var maxOffset = m.LeadWeeks.DefaultIfEmpty(1).Max() + m.Events.SelectMany(e => e.DelayWeeks).DefaultIfEmpty(0).Max() + m.EmergencyLeadWeeks;
            var ring = (int)BitOperations.RoundUpToPowerOf2((uint)maxOffset + 1);
            _ring = new V[ring];
            _ringMask = ring - 1;
            _active = new int[_options];
            _lead = new int[_options];
            _capacityFactor = new double[_options];
        }

        /// <summary>Runs the block of scenarios first, first + 1, …, first + Lanes − 1 (lanes past the last scenario run but are not written).</summary>
        // Compiled fully optimised at once: a run is often over before tiered compilation would promote it.
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Run(int first, int scenarios, int seed, int stream, SimulationRawResult result)
        {
            GenerateDemand(first, seed, stream);
            GenerateEvents(first, seed, stream);
            var live = Math.Min(W, scenarios - first);
            var yearCount = _weeks / 52.0;
            var weights = _m.YearWeights;
            Span<double> row = stackalloc double[_years];
            for (var k = 0; k < _m.Strategies.Length; k++)
            {
                var strategy = _m.Strategies[k];
                LoadCosts(k, first, live);
                Simulate(strategy, out var demandTotal, out var onTime, out var lost, out var emergency, out var onHandSum);
                var yearly = result.YearlyCost[k];
                for (var l = 0; l < live; l++)
                {
                    var s = first + l;
                    var fixedCost = (_scenarioModels?[s] ?? _m).Strategies[k].FixedCostPerYear;
                    for (var y = 0; y < _years; y++) row[y] = _yearCost[y][l] + fixedCost;
                    row.CopyTo(yearly.AsSpan(s * _years, _years));
                    result.AnnualCost[k][s] = EquivalentAnnualCost.Of(row, weights);
                    result.FillRate[k][s] = demandTotal[l] > 0 ? onTime[l] / demandTotal[l] : 1;
                    result.LostUnitsPerYear[k][s] = lost[l] / yearCount;
                    result.EmergencyUnitsPerYear[k][s] = emergency[l] / yearCount;
                    result.MeanOnHand[k][s] = onHandSum[l] / _weeks;
                }
            }
        }

        /// <summary>
        /// Demand d_t = μ_t exp(σ z_t − σ²/2), z from Box–Muller on each scenario's own stream: the lanes draw their uniforms together
        /// (<see cref="LaneRandom"/>) and the logarithm, root, sine, cosine and exponential run on the whole vector (<see cref="LaneMath"/>).
        /// </summary>
        // Compiled fully optimised at once: a run is often over before tiered compilation would promote it.
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void GenerateDemand(int first, int seed, int stream)
        {
            var weeks = _weeks;
            var mean = _m.MeanWeeklyDemand;
            var sigma = _m.WeeklySigma;
            var demand = _demand.AsSpan(0, weeks);
            if (sigma == 0)
            {
                for (var t = 0; t < weeks; t++) demand[t] = V.Create(mean[t]);
                return;
            }
            _low.Reseed(seed, stream, first);
            _high.Reseed(seed, stream, first + Half);
            var scale = Vector512.Create(sigma);
            var drift = Vector512.Create(-sigma * sigma / 2);
            for (var t = 0; t < weeks; t += 2)
            {
                LaneMath.BoxMuller(_low.NextDouble(), _low.NextDouble(), out var lowZ1, out var lowZ2);
                LaneMath.BoxMuller(_high.NextDouble(), _high.NextDouble(), out var highZ1, out var highZ2);
                demand[t] = mean[t] * new V(LaneMath.Exp(scale * lowZ1 + drift), LaneMath.Exp(scale * highZ1 + drift));
                if (t + 1 < weeks) demand[t + 1] = mean[t + 1] * new V(LaneMath.Exp(scale * lowZ2 + drift), LaneMath.Exp(scale * highZ2 + drift));
            }
        }

        /// <summary>
        /// The same events, from the same streams, as the scalar engine; marked in the block's lanes. Most scenarios have no event of a
        /// source in the horizon: the eight lanes test that together on the first uniform of their source streams, and only a lane with
        /// events draws them (<see cref="Disruptions.ExpectedEvents"/>).
        /// </summary>
        // Compiled fully optimised at once: a run is often over before tiered compilation would promote it.
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void GenerateEvents(int first, int seed, int stream)
        {
            if (_eventsMarked)
            {
                // Only option-weeks with a flag hold a loss or a delay in some lane.
                for (var cell = 0; cell < _flags.Length; cell++)
                {
                    if (_flags[cell] == 0) continue;
                    _loss.AsSpan(cell * W, W).Clear();
                    _delay.AsSpan(cell * W, W).Clear();
                    _flags[cell] = 0;
                }
                _eventsMarked = false;
            }
            var sources = _m.Events;
            for (var k = 0; k < sources.Length; k++)
            {
                var source = sources[k];
                if (source.RatePerWeek <= 0) continue;
                var sourceStream = Disruptions.SourceStream(stream, k);
                var limit = _noEventBelow[k];
                var withEvents = ulong.MaxValue;
                if (!double.IsNaN(limit))
                {
                    _low.Reseed(seed, sourceStream, first);
                    _high.Reseed(seed, sourceStream, first + Half);
                    withEvents = Vector512.GreaterThanOrEqual(_low.NextDouble(), Vector512.Create(limit)).ExtractMostSignificantBits()
                        | Vector512.GreaterThanOrEqual(_high.NextDouble(), Vector512.Create(limit)).ExtractMostSignificantBits() << Half;
                }
                for (var l = 0; l < W; l++)
                {
                    if ((withEvents & (1UL << l)) == 0) continue;
                    _random.Reseed(seed, sourceStream, first + l);
                    _eventsMarked |= Disruptions.MarkSource(_random, source, _weeks, _loss, _delay, W, l, _flags);
                }
            }
        }

        /// <summary>Strategy k's unit costs per lane, the average c̄_y over its shares, in the scalar engine's order of summation.</summary>
        // Compiled fully optimised at once: a run is often over before tiered compilation would promote it.
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void LoadCosts(int k, int first, int live)
        {
            var shared = _scenarioModels is null && _unitCosts is null;
            if (shared && _sharedCosts[k] is { } costs)
            {
                (_average, _costAbove) = costs;
                return;
            }
            if (shared)
            {
                _average = new V[_years];
                _costAbove = new V[_options * _years];
            }
            Span<double> lane = stackalloc double[W];
            var n = _options * _years;
            if (_unitCosts is { } unitCosts)
            {
                // c^s_i,y = c_i,y + (1/s_i − 1) F_i,y for a share in (0, 1), as SimulationModel.DefineStrategy computes it.
                var strategyShares = _m.Strategies[k].Shares;
                var fixedPart = _m.FixedPerUnit;
                for (var j = 0; j < n; j++)
                {
                    var share = strategyShares[j / _years];
                    for (var l = 0; l < W; l++)
                    {
                        var c = unitCosts[(first + Math.Min(l, live - 1)) * n + j];
                        if (fixedPart is not null && share is > 0 and < 1) c += (1 / share - 1) * fixedPart[j];
                        lane[l] = c;
                    }
                    _cost[j] = V.Create(lane);
                }
            }
            else
                for (var j = 0; j < n; j++)
                {
                    for (var l = 0; l < W; l++)
                    {
                        var model = _scenarioModels?[first + Math.Min(l, live - 1)] ?? _m;
                        lane[l] = (model.Strategies[k].UnitCost ?? model.UnitCost)[j];
                    }
                    _cost[j] = V.Create(lane);
                }
            var shares = _m.Strategies[k].Shares;
            for (var y = 0; y < _years; y++)
            {
                var c = V.Zero;
                for (var i = 0; i < _options; i++)
                    if (shares[i] > 0) c += shares[i] * _cost[i * _years + y];
                _average[y] = c;
                for (var i = 0; i < _options; i++) _costAbove[i * _years + y] = _cost[i * _years + y] - c;
            }
            if (shared) _sharedCosts[k] = (_average, _costAbove);
        }

        /// <summary>The week step over the block (docs/model.md 8.6 and 8.13): one vector per state variable, lanes = scenarios.</summary>
        // Compiled fully optimised at once: a run is often over before tiered compilation would promote it.
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void Simulate(StrategyDefinition strategy, out V demandTotal, out V onTime, out V lost, out V emergencyUnits, out V onHandSum)
        {
            unchecked
            {
                var m = _m;
                var weeks = _weeks;
                var years = _years;
                var shares = strategy.Shares;
                var activeCount = 0;
                double maxLead = 0, meanLead = 0;
                for (var i = 0; i < _options; i++)
                {
                    if (shares[i] <= 0) continue;
                    _active[activeCount] = i;
                    _capacityFactor[activeCount] = shares[i] * (1 + m.Flexibility[i]);
                    _lead[activeCount] = m.LeadWeeks[i];
                    activeCount++;
                    maxLead = Math.Max(maxLead, m.LeadWeeks[i]);
                    meanLead += shares[i] * m.LeadWeeks[i];
                }
                var active = _active.AsSpan(0, activeCount);
                var lead = _lead.AsSpan(0, activeCount);
                var capacityFactor = _capacityFactor.AsSpan(0, activeCount);
                var ring = _ring.AsSpan();
                var mask = _ringMask;
                ring.Clear();
                var targetWeeks = maxLead + 1 + strategy.BufferWeeks;
                var operatingWeeks = targetWeeks - strategy.BufferWeeks;
                var meanDemand = m.MeanWeeklyDemand;
                var mu0 = meanDemand[0];
                var onOrderStart = 0.0;
                for (var a = 0; a < activeCount; a++)
                {
                    var share = shares[active[a]];
                    for (var w = 0; w < lead[a]; w++) ring[w] += V.Create(share * mu0);
                    onOrderStart += share * mu0 * lead[a];
                }
                var onHand = V.Create(mu0 * (maxLead - meanLead + 1 + strategy.BufferWeeks));
                var onOrder = V.Create(onOrderStart);
                var backlog = V.Zero;
                demandTotal = onTime = lost = emergencyUnits = onHandSum = V.Zero;
                var hasEmergency = !double.IsNaN(m.EmergencyPremium);
                var emergencyPremium = V.Create(hasEmergency ? m.EmergencyPremium : 0);
                var emergencyLead = m.EmergencyLeadWeeks;
                var emergencyCapacity = m.EmergencyCapacity;
                var weeklyCarry = V.Create(m.CarryingRate / 52);
                var shortageCost = V.Create(m.ShortageCost);
                var backorders = m.Backorders;
                var threshold = V.Create(1e-12);
                var demand = _demand.AsSpan(0, weeks);
                var loss = MemoryMarshal.Cast<double, V>(_loss.AsSpan());
                var flags = _flags.AsSpan();
                var delay = _delay.AsSpan();
                var costAbove = _costAbove.AsSpan();
                var average = _average.AsSpan();
                var yearCosts = _yearCost.AsSpan();
                for (var y = 0; y < years; y++)
                {
                    var yearCost = V.Zero;
                    var standard = average[y];
                    var last = Math.Min(weeks, 52 * (y + 1));
                    for (var t = 52 * y; t < last; t++)
                    {
                        var mu = meanDemand[t];
                        ref var slot = ref ring[t & mask];
                        var arriving = slot;
                        slot = V.Zero;
                        onHand += arriving;
                        onOrder -= arriving;
                        var d = demand[t];
                        demandTotal += d;
                        if (backorders)
                        {
                            var fromBacklog = V.Min(onHand, backlog);
                            onHand -= fromBacklog;
                            backlog -= fromBacklog;
                        }
                        var served = V.Min(onHand, d);
                        onHand -= served;
                        onTime += served;
                        var missed = d - served;
                        lost += missed;
                        if (backorders) backlog += missed;
                        var weekCost = standard * d + shortageCost * missed;
                        var order = V.Create(mu * targetWeeks) - (onHand + onOrder - backlog);
                        // A lane that does not order (order ≤ 0) ships nothing: its wanted amount is ≤ 0, so every term below adds an exact 0.
                        if (V.AnyPositive(order))
                        {
                            var shipped = V.Zero;
                            for (var a = 0; a < active.Length; a++)
                            {
                                var i = active[a];
                                var cell = i * weeks + t;
                                var capacity = V.Create(capacityFactor[a] * mu);
                                var flag = flags[cell];
                                if ((flag & 1) != 0) capacity *= V.One - loss[cell];
                                var ship = V.Min(shares[i] * order, capacity);
                                ship = V.Where(ship, V.Zero, ship);
                                if ((flag & 2) == 0) ring[(t + lead[a]) & mask] += ship;
                                else
                                    for (var l = 0; l < W; l++)
                                        Unsafe.Add(ref Unsafe.As<V, double>(ref ring[(t + lead[a] + delay[cell * W + l]) & mask]), l) += ship[l];
                                weekCost += ship * costAbove[i * years + y];
                                shipped += ship;
                            }
                            onOrder += shipped;
                            // Emergency supply covers what the operating target lacks, not the strategic buffer.
                            if (hasEmergency)
                            {
                                var gap = V.Min(order - shipped, V.Create(mu * operatingWeeks) - (onHand + onOrder - backlog));
                                var extra = V.Min(gap, V.Create(emergencyCapacity * mu));
                                extra = V.Where(gap, threshold, extra);
                                ring[(t + emergencyLead) & mask] += extra;
                                onOrder += extra;
                                emergencyUnits += extra;
                                weekCost += extra * emergencyPremium;
                            }
                        }
                        weekCost += onHand * standard * weeklyCarry;
                        yearCost += weekCost;
                        onHandSum += onHand;
                    }
                    yearCosts[y] = yearCost;
                }
            }
        }
    }
}
