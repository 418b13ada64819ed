using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Reshore.Core.Risk;

/// <summary>
/// The weekly engine laid out as structure of arrays over scenarios (docs/model.md 8.13). Scenarios run in blocks of
/// <see cref="Lanes"/> = <see cref="Vector{T}.Count"/> — one SIMD register of doubles — and every quantity of the week step
/// (stock on hand, pipeline, backlog, the week's cost, the running totals) is one vector holding that quantity for each
/// scenario of the block. Per block, demand and disruption schedules are generated first, laid out [week][lane] and
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
    /// <summary>Scenarios per block: the number of doubles in a SIMD vector on this machine.</summary>
    public static int Lanes => Vector<double>.Count;

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
        IProgress<int>? progress = null, CancellationToken cancellation = default, int maxThreads = -1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(scenarios, 1);
        var result = new SimulationRawResult(model.Strategies.Length, scenarios, model.Years);
        var blocks = (scenarios + Lanes - 1) / Lanes;
        var done = 0;
        var options = new ParallelOptions { CancellationToken = cancellation, MaxDegreeOfParallelism = maxThreads };
        var perRange = Math.Max(1, Math.Min(64, blocks / (4 * Environment.ProcessorCount)));
        Parallel.ForEach(System.Collections.Concurrent.Partitioner.Create(0, blocks, perRange), options, () => new Block(model, scenarioModels), (range, _, block) =>
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
        private readonly SimulationModel _m;
        private readonly SimulationModel[]? _scenarioModels;
        private readonly int _weeks, _years, _options, _ringMask;
        private readonly StreamRandom _random = new(0, 0, 0);
        // Demand [week][lane]; the normal draws and their two uniforms, [pair][lane].
        private readonly double[] _demand, _u1, _u2, _radius, _sin, _cos;
        // Disruptions [option][week][lane] and one flag per option-week (bit 1: a loss in some lane, bit 2: a delay).
        private readonly double[] _loss;
        private readonly int[] _delay;
        private readonly byte[] _flags;
        private bool _eventsMarked;
        // Per strategy and lane: unit cost per option and year [(option × years + year)][lane]; the average c̄_y [year][lane];
        // c − c̄_y per active option and year; the year costs [year][lane].
        private readonly Vector<double>[] _cost, _average, _costAbove, _yearCost;
        // Arrivals: a ring of weeks long enough for the longest lead + delay + emergency lead.
        private readonly Vector<double>[] _ring;
        private readonly int[] _active, _lead;
        private readonly double[] _capacityFactor;

        public Block(SimulationModel m, SimulationModel[]? scenarioModels)
        {
            _m = m;
            _scenarioModels = scenarioModels;
            _weeks = m.Weeks;
            _years = m.Years;
            _options = m.OptionCount;
            var lanes = Lanes;
            var pairs = (_weeks + 1) / 2;
            _demand = new double[_weeks * lanes];
            _u1 = new double[pairs * lanes];
            _u2 = new double[pairs * lanes];
            _radius = new double[pairs * lanes];
            _sin = new double[pairs * lanes];
            _cos = new double[pairs * lanes];
            _loss = new double[_options * _weeks * lanes];
            _delay = new int[_options * _weeks * lanes];
            _flags = new byte[_options * _weeks];
            _cost = new Vector<double>[_options * _years];
            _average = new Vector<double>[_years];
            _costAbove = new Vector<double>[_options * _years];
            _yearCost = new Vector<double>[_years];
            var maxOffset = m.LeadWeeks.DefaultIfEmpty(1).Max() + m.Events.SelectMany(e => e.DelayWeeks).DefaultIfEmpty(0).Max() + m.EmergencyLeadWeeks;
            var ring = (int)BitOperations.RoundUpToPowerOf2((uint)maxOffset + 1);
            _ring = new Vector<double>[ring];
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
            var lanes = Lanes;
            var live = Math.Min(lanes, scenarios - first);
            for (var k = 0; k < _m.Strategies.Length; k++)
            {
                var strategy = _m.Strategies[k];
                LoadCosts(k, first, live);
                Simulate(strategy, out var demandTotal, out var onTime, out var lost, out var emergency, out var onHandSum);
                var yearCount = _weeks / 52.0;
                var yearly = result.YearlyCost[k];
                for (var l = 0; l < live; l++)
                {
                    var s = first + l;
                    var fixedCost = (_scenarioModels?[s] ?? _m).Strategies[k].FixedCostPerYear;
                    var row = yearly.AsSpan(s * _years, _years);
                    for (var y = 0; y < _years; y++) row[y] = _yearCost[y][l] + fixedCost;
                    result.AnnualCost[k][s] = EquivalentAnnualCost.Of(row, _m.YearWeights);
                    result.FillRate[k][s] = demandTotal[l] > 0 ? onTime[l] / demandTotal[l] : 1;
                    result.LostUnitsPerYear[k][s] = lost[l] / yearCount;
                    result.EmergencyUnitsPerYear[k][s] = emergency[l] / yearCount;
                    result.MeanOnHand[k][s] = onHandSum[l] / _weeks;
                }
            }
        }

        /// <summary>
        /// Demand d_t = μ_t exp(σ z_t − σ²/2) with z from Box–Muller on the scenario's own stream: uniforms are drawn per lane, the
        /// logarithms, roots, sines, cosines and exponentials run vectorised over the whole block.
        /// </summary>
        // Compiled fully optimised at once: a run is often over before tiered compilation would promote it.
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void GenerateDemand(int first, int seed, int stream)
        {
            var lanes = Lanes;
            var weeks = _weeks;
            var mean = _m.MeanWeeklyDemand;
            var sigma = _m.WeeklySigma;
            if (sigma == 0)
            {
                for (var t = 0; t < weeks; t++) _demand.AsSpan(t * lanes, lanes).Fill(mean[t]);
                return;
            }
            var pairs = (weeks + 1) / 2;
            for (var l = 0; l < lanes; l++)
            {
                _random.Reseed(seed, stream, first + l);
                for (var p = 0; p < pairs; p++)
                {
                    _u1[p * lanes + l] = 1 - _random.NextDouble();   // (0, 1]: its logarithm is finite
                    _u2[p * lanes + l] = _random.NextDouble();
                }
            }
            // r = √(−2 ln u₁), θ = 2π u₂; z = r cos θ and r sin θ.
            TensorPrimitives.Log(_u1, _radius);
            TensorPrimitives.Multiply(_radius, -2.0, _radius);
            TensorPrimitives.Sqrt(_radius, _radius);
            TensorPrimitives.Multiply(_u2, 2 * Math.PI, _u2);
            TensorPrimitives.SinCos(_u2, _sin, _cos);
            TensorPrimitives.Multiply(_cos, _radius, _cos);
            TensorPrimitives.Multiply(_sin, _radius, _sin);
            var drift = -sigma * sigma / 2;
            for (var p = 0; p < pairs; p++)
            {
                _cos.AsSpan(p * lanes, lanes).CopyTo(_demand.AsSpan(2 * p * lanes, lanes));
                if (2 * p + 1 < weeks) _sin.AsSpan(p * lanes, lanes).CopyTo(_demand.AsSpan((2 * p + 1) * lanes, lanes));
            }
            TensorPrimitives.Multiply(_demand, sigma, _demand);
            TensorPrimitives.Add(_demand, drift, _demand);
            TensorPrimitives.Exp(_demand, _demand);
            var demand = MemoryMarshal.Cast<double, Vector<double>>(_demand.AsSpan());
            for (var t = 0; t < weeks; t++) demand[t] = mean[t] * demand[t];
        }

        /// <summary>The same events, from the same streams, as the scalar engine; marked in the block's lanes.</summary>
        // Compiled fully optimised at once: a run is often over before tiered compilation would promote it.
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void GenerateEvents(int first, int seed, int stream)
        {
            if (_eventsMarked)
            {
                Array.Clear(_loss);
                Array.Clear(_delay);
                Array.Clear(_flags);
                _eventsMarked = false;
            }
            var lanes = Lanes;
            for (var l = 0; l < lanes; l++)
                _eventsMarked |= Disruptions.Mark(_random, (seed, stream, first + l), _m.Events, _weeks, _loss, _delay, lanes, l, _flags);
        }

        /// <summary>Strategy k's unit costs per lane, the average c̄_y over its shares, in the scalar engine's order of summation.</summary>
        // Compiled fully optimised at once: a run is often over before tiered compilation would promote it.
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void LoadCosts(int k, int first, int live)
        {
            var lanes = Lanes;
            Span<double> lane = stackalloc double[lanes];
            var n = _options * _years;
            for (var j = 0; j < n; j++)
            {
                for (var l = 0; l < lanes; l++)
                {
                    var model = _scenarioModels?[first + Math.Min(l, live - 1)] ?? _m;
                    lane[l] = (model.Strategies[k].UnitCost ?? model.UnitCost)[j];
                }
                _cost[j] = new Vector<double>(lane);
            }
            var shares = _m.Strategies[k].Shares;
            for (var y = 0; y < _years; y++)
            {
                var c = Vector<double>.Zero;
                for (var i = 0; i < _options; i++)
                    if (shares[i] > 0) c += shares[i] * _cost[i * _years + y];
                _average[y] = c;
                for (var i = 0; i < _options; i++) _costAbove[i * _years + y] = _cost[i * _years + y] - c;
            }
        }

        /// <summary>The week step over the block (docs/model.md 8.6 and 8.13): one vector per state variable, lanes = scenarios.</summary>
        // Compiled fully optimised at once: a run is often over before tiered compilation would promote it.
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void Simulate(StrategyDefinition strategy, out Vector<double> demandTotal, out Vector<double> onTime, out Vector<double> lost,
            out Vector<double> emergencyUnits, out Vector<double> onHandSum)
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
                    var share = shares[_active[a]];
                    for (var w = 0; w < _lead[a]; w++) ring[w] += new Vector<double>(share * mu0);
                    onOrderStart += share * mu0 * _lead[a];
                }
                var onHand = new Vector<double>(mu0 * (maxLead - meanLead + 1 + strategy.BufferWeeks));
                var onOrder = new Vector<double>(onOrderStart);
                var backlog = Vector<double>.Zero;
                demandTotal = onTime = lost = emergencyUnits = onHandSum = Vector<double>.Zero;
                var hasEmergency = !double.IsNaN(m.EmergencyPremium);
                var emergencyPremium = new Vector<double>(hasEmergency ? m.EmergencyPremium : 0);
                var emergencyLead = m.EmergencyLeadWeeks;
                var weeklyCarry = new Vector<double>(m.CarryingRate / 52);
                var shortageCost = new Vector<double>(m.ShortageCost);
                var backorders = m.Backorders;
                var threshold = new Vector<double>(1e-12);
                var lanes = Lanes;
                var demand = MemoryMarshal.Cast<double, Vector<double>>(_demand.AsSpan());
                var loss = MemoryMarshal.Cast<double, Vector<double>>(_loss.AsSpan());
                var flags = _flags;
                var delay = _delay;
                var yearCost = Vector<double>.Zero;
                var standard = _average[0];
                for (var t = 0; t < weeks; t++)
                {
                    var y = t / 52;
                    if (t % 52 == 0 && t > 0)
                    {
                        _yearCost[y - 1] = yearCost;
                        yearCost = Vector<double>.Zero;
                        standard = _average[y];
                    }
                    var mu = meanDemand[t];
                    ref var slot = ref ring[t & mask];
                    var arriving = slot;
                    slot = Vector<double>.Zero;
                    onHand += arriving;
                    onOrder -= arriving;
                    var d = demand[t];
                    demandTotal += d;
                    if (backorders)
                    {
                        var fromBacklog = Vector.MinNative(onHand, backlog);
                        onHand -= fromBacklog;
                        backlog -= fromBacklog;
                    }
                    var served = Vector.MinNative(onHand, d);
                    onHand -= served;
                    onTime += served;
                    var missed = d - served;
                    lost += missed;
                    if (backorders) backlog += missed;
                    var weekCost = standard * d + shortageCost * missed;
                    var order = new Vector<double>(mu * targetWeeks) - (onHand + onOrder - backlog);
                    // A lane that does not order (order ≤ 0) ships nothing: its wanted amount is ≤ 0, so every term below adds an exact 0.
                    if (Vector.GreaterThanAny(order, Vector<double>.Zero))
                    {
                        var shipped = Vector<double>.Zero;
                        for (var a = 0; a < activeCount; a++)
                        {
                            var i = _active[a];
                            var cell = i * weeks + t;
                            var capacity = new Vector<double>(_capacityFactor[a] * mu);
                            var flag = flags[cell];
                            if ((flag & 1) != 0) capacity *= Vector<double>.One - loss[cell];
                            var ship = Vector.MinNative(shares[i] * order, capacity);
                            ship = Vector.ConditionalSelect(Vector.GreaterThan(ship, Vector<double>.Zero), ship, Vector<double>.Zero);
                            if ((flag & 2) == 0) ring[(t + _lead[a]) & mask] += ship;
                            else
                                for (var l = 0; l < lanes; l++)
                                    MemoryMarshal.Cast<Vector<double>, double>(ring.Slice((t + _lead[a] + delay[cell * lanes + l]) & mask, 1))[l] += ship[l];
                            weekCost += ship * _costAbove[i * years + y];
                            shipped += ship;
                        }
                        onOrder += shipped;
                        // Emergency supply covers what the operating target lacks, not the strategic buffer.
                        if (hasEmergency)
                        {
                            var gap = Vector.MinNative(order - shipped, new Vector<double>(mu * operatingWeeks) - (onHand + onOrder - backlog));
                            var extra = Vector.MinNative(gap, new Vector<double>(m.EmergencyCapacity * mu));
                            extra = Vector.ConditionalSelect(Vector.GreaterThan(gap, threshold), extra, Vector<double>.Zero);
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
                _yearCost[(weeks - 1) / 52] = yearCost;
            }
        }
    }
}
