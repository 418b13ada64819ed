using System.Globalization;
using Reshore.Core.Costing.Formulas;
using Reshore.Core.Domain;
using Reshore.Core.Localization;
using Reshore.Core.MarketData;
using Reshore.Core.Values;

namespace Reshore.Core.Screening;

/// <summary>One row of a parts list. Traits are on a 1 (low) to 5 (high) scale; missing ones are null.</summary>
public sealed record PartRecord
{
    /// <summary>Row number in the file (header = 1).</summary>
    public required int Row { get; init; }
    /// <summary>Part id.</summary>
    public required string Id { get; init; }
    /// <summary>Description.</summary>
    public string? Description { get; init; }
    /// <summary>Annual volume, units.</summary>
    public required double AnnualVolume { get; init; }
    /// <summary>Unit price in <see cref="Currency"/>.</summary>
    public required double UnitPrice { get; init; }
    /// <summary>Currency of the price.</summary>
    public required CurrencyCode Currency { get; init; }
    /// <summary>Weight per unit, kg.</summary>
    public required double UnitWeightKg { get; init; }
    /// <summary>HS code (digits).</summary>
    public string? HsCode { get; init; }
    /// <summary>Current supplier country.</summary>
    public required CountryCode CurrentCountry { get; init; }
    /// <summary>Current lead time, days (order to receipt).</summary>
    public required double LeadTimeDays { get; init; }
    /// <summary>Series size: 1 = one-offs and short series, 5 = mass production.</summary>
    public double? SeriesSize { get; init; }
    /// <summary>Product or process complexity, 1–5.</summary>
    public double? Complexity { get; init; }
    /// <summary>Knowledge intensity, 1–5.</summary>
    public double? KnowledgeIntensity { get; init; }
    /// <summary>Customisation, 1–5.</summary>
    public double? Customisation { get; init; }
    /// <summary>Share of labour in the cost, %.</summary>
    public double? LabourSharePct { get; init; }
}

/// <summary>Settings of a screening run.</summary>
public sealed record ScreeningOptions
{
    /// <summary>Home country.</summary>
    public CountryCode Home { get; init; } = CountryCode.Parse("BE");
    /// <summary>Candidate locations besides home.</summary>
    public IReadOnlyList<CountryCode> Candidates { get; init; } = new[] { "PL", "RO", "CZ", "PT", "TR" }.Select(CountryCode.Parse).ToList();
    /// <summary>Inventory carrying rate, fraction per year.</summary>
    public double CarryingRate { get; init; } = 0.20;
    /// <summary>Labour share of the price when a row gives none.</summary>
    public double DefaultLabourShare { get; init; } = 0.25;
    /// <summary>Weight of suitability in the attractiveness score, in percentage points of spend per unit of suitability.</summary>
    public double SuitabilityWeightPct { get; init; } = 10;
    /// <summary>Weight of lead-time reduction in the attractiveness score, percentage points per week saved.</summary>
    public double LeadTimeWeightPctPerWeek { get; init; } = 0.5;
    /// <summary>Bonus in the attractiveness score for moving supply from outside to inside the EU, percentage points.</summary>
    public double EuSupplyBonusPct { get; init; } = 3;
    /// <summary>Carbon price that values a CO2e change in the attractiveness score, EUR per tonne (null: the reference EU ETS price of the current year).</summary>
    public double? CarbonPricePerTonne { get; init; }
    /// <summary>Language of the reasons.</summary>
    public CultureInfo Culture { get; init; } = CultureInfo.GetCultureInfo("en");
}

/// <summary>A candidate location's estimate for one part.</summary>
/// <param name="Country">Location.</param>
/// <param name="LandedCostPerUnit">Estimated landed cost per unit, EUR.</param>
/// <param name="AnnualSaving">Current landed cost minus this one, × volume, EUR per year.</param>
/// <param name="LeadTimeDays">Estimated lead time.</param>
/// <param name="TransportCo2eKgPerUnit">Transport CO2e per unit.</param>
public sealed record LocationEstimate(CountryCode Country, double LandedCostPerUnit, double AnnualSaving, double LeadTimeDays, double TransportCo2eKgPerUnit)
{
    /// <summary>Estimated ex-works price per unit at this location, EUR (the current price with its labour share scaled by unit labour cost).</summary>
    public double UnitPriceEur { get; init; }
}

/// <summary>The screening result of one part.</summary>
public sealed record ScreenedPart
{
    /// <summary>The part.</summary>
    public required PartRecord Part { get; init; }
    /// <summary>Rank, 1 = most attractive (set after sorting).</summary>
    public int Rank { get; init; }
    /// <summary>Current landed cost per unit, EUR.</summary>
    public required double CurrentLandedCostPerUnit { get; init; }
    /// <summary>Current annual spend at landed cost, EUR.</summary>
    public required double CurrentAnnualCost { get; init; }
    /// <summary>Current transport CO2e per unit.</summary>
    public required double CurrentCo2eKgPerUnit { get; init; }
    /// <summary>Best location (highest saving), or the current country when none saves.</summary>
    public required CountryCode BestLocation { get; init; }
    /// <summary>Estimate for the best location.</summary>
    public required LocationEstimate? Best { get; init; }
    /// <summary>All candidates.</summary>
    public required IReadOnlyList<LocationEstimate> Locations { get; init; }
    /// <summary>Estimated annual saving at the best location (0 when staying).</summary>
    public required double EstimatedAnnualSaving { get; init; }
    /// <summary>Suitability for production near home, −1 (far) to +1 (near); null when no trait is given.</summary>
    public required double? Suitability { get; init; }
    /// <summary>Attractiveness score used for ranking: saving % of spend + weight × suitability.</summary>
    public required double Attractiveness { get; init; }
    /// <summary>Lead time saved at the best location, days.</summary>
    public required double LeadTimeReductionDays { get; init; }
    /// <summary>Change of transport CO2e per unit at the best location (negative = less).</summary>
    public required double Co2eChangeKgPerUnit { get; init; }
    /// <summary>Why, in a sentence.</summary>
    public required string Reason { get; init; }
    /// <summary>The current source's estimate.</summary>
    public required LocationEstimate Current { get; init; }
}

/// <summary>
/// Screens a parts list against candidate locations — home, and nearshore locations closer to home than the current source — with
/// reference defaults only: a quick, indicative TCO per location
/// (price adjusted for wages and productivity, default-lane freight by weight, duty, pipeline carrying), the change in lead time
/// and transport CO2e, and the study's suitability rule of thumb (SERV 2023, line 429: short series, complex, knowledge-intensive
/// and customised products favour production near R&amp;D and customers; long series of simple products favour low-wage locations).
/// Pure and streaming: one part at a time.
/// </summary>
public sealed class PortfolioScreener(MarketSnapshot market, ScreeningOptions options)
{
    private readonly Dictionary<CountryCode, (Lane? Lane, double FreightPerKg, double Co2PerKg)> _lanes = new();
    private readonly Dictionary<CountryCode, double?> _unitLabourCost = new();
    private readonly Dictionary<string, double> _mfnRate = new(StringComparer.Ordinal);
    private readonly CountryCode[] _locations = options.Candidates.Prepend(options.Home).Distinct().ToArray();

    /// <summary>Screens one part (no ranking).</summary>
    public ScreenedPart Screen(PartRecord part) => Screen(part, withReason: true);

    private ScreenedPart Screen(PartRecord part, bool withReason)
    {
        var current = Estimate(part, part.CurrentCountry, part.LeadTimeDays);
        var locations = new List<LocationEstimate>(_locations.Length);
        LocationEstimate? best = null;
        var currentDistance = LaneOf(part.CurrentCountry).Lane?.DistanceKm.Value ?? double.PositiveInfinity;
        foreach (var country in _locations)
        {
            // Reshoring and nearshoring bring production closer: a candidate farther from home than the current source is not screened.
            if (country == part.CurrentCountry) continue;
            if (country != options.Home && (LaneOf(country).Lane?.DistanceKm.Value ?? double.PositiveInfinity) >= currentDistance) continue;
            // Without a labour cost and productivity for both countries the price cannot be moved: the candidate is not screened.
            if (UnitLabourCost(country) is null || UnitLabourCost(part.CurrentCountry) is null) continue;
            var estimate = Estimate(part, country, CandidateLeadTime(part, country));
            estimate = estimate with { AnnualSaving = (current.LandedCostPerUnit - estimate.LandedCostPerUnit) * part.AnnualVolume };
            locations.Add(estimate);
            if (best is null || estimate.AnnualSaving > best.AnnualSaving) best = estimate;
        }
        var saves = best is { AnnualSaving: > 0 };
        var suitability = Suitability(part);
        var spend = current.LandedCostPerUnit * part.AnnualVolume;
        var saving = saves ? best!.AnnualSaving : 0;
        // Attractiveness, in percentage points of spend: saving + suitability + risk reduction (lead time, supply inside the EU) − CO2e change at the carbon price.
        var leadWeeks = saves ? (part.LeadTimeDays - best!.LeadTimeDays) / 7 : 0;
        var intoEu = saves && !InEu(part.CurrentCountry) && InEu(best!.Country) ? options.EuSupplyBonusPct : 0;
        var co2Cost = saves ? (best!.TransportCo2eKgPerUnit - current.TransportCo2eKgPerUnit) / 1000 * CarbonPrice * part.AnnualVolume : 0;
        var attractiveness = (spend > 0 ? 100 * (saving - co2Cost) / spend : 0) + options.SuitabilityWeightPct * (suitability ?? 0)
            + options.LeadTimeWeightPctPerWeek * leadWeeks + intoEu;
        return new ScreenedPart
        {
            Part = part,
            CurrentLandedCostPerUnit = current.LandedCostPerUnit,
            CurrentAnnualCost = spend,
            CurrentCo2eKgPerUnit = current.TransportCo2eKgPerUnit,
            BestLocation = saves ? best!.Country : part.CurrentCountry,
            Best = saves ? best : null,
            Locations = locations,
            EstimatedAnnualSaving = saving,
            Suitability = suitability,
            Attractiveness = attractiveness,
            LeadTimeReductionDays = saves ? part.LeadTimeDays - best!.LeadTimeDays : 0,
            Co2eChangeKgPerUnit = saves ? best!.TransportCo2eKgPerUnit - current.TransportCo2eKgPerUnit : 0,
            Reason = withReason ? Reason(part, current, saves ? best : null, suitability, spend) : "",
            Current = current,
        };
    }

    /// <summary>Screens parts and ranks them, most attractive first; <paramref name="top"/> keeps only the first N.</summary>
    public IReadOnlyList<ScreenedPart> ScreenAndRank(IEnumerable<PartRecord> parts, int? top = null)
    {
        // Reasons are written only for the parts kept, after ranking. With --top, a bounded heap keeps memory at N parts however long the list.
        var comparer = Comparer<ScreenedPart>.Create((a, b) =>
        {
            var c = b.Attractiveness.CompareTo(a.Attractiveness);
            if (c == 0) c = b.EstimatedAnnualSaving.CompareTo(a.EstimatedAnnualSaving);
            return c != 0 ? c : string.CompareOrdinal(a.Part.Id, b.Part.Id);
        });
        List<ScreenedPart> ordered;
        if (top is { } n)
        {
            // The heap's root is the least attractive part kept. Parts are scored in columnar batches (ScoreBatch); only a part that
            // would enter the heap gets its full record, computed by Screen with the same arithmetic, so the result is the same.
            var heap = new PriorityQueue<ScreenedPart, ScreenedPart>(Comparer<ScreenedPart>.Create((a, b) => comparer.Compare(b, a)));
            var batch = new List<PartRecord>(BatchSize);
            var scores = new BatchScores(BatchSize);
            void Flush()
            {
                ScoreBatch(batch, scores);
                for (var k = 0; k < batch.Count; k++)
                {
                    if (heap.Count >= n && n > 0)
                    {
                        var root = heap.Peek();
                        var c = root.Attractiveness.CompareTo(scores.Attractiveness[k]);
                        if (c == 0) c = root.EstimatedAnnualSaving.CompareTo(scores.Saving[k]);
                        if (c == 0) c = string.CompareOrdinal(batch[k].Id, root.Part.Id);
                        if (c >= 0) continue;   // not more attractive than the least attractive part kept
                    }
                    else if (n <= 0) continue;
                    var s = Screen(batch[k], withReason: false);
                    if (heap.Count < n) heap.Enqueue(s, s);
                    else heap.EnqueueDequeue(s, s);
                }
                batch.Clear();
            }
            foreach (var part in parts)
            {
                batch.Add(part);
                if (batch.Count == BatchSize) Flush();
            }
            Flush();
            ordered = heap.UnorderedItems.Select(x => x.Element).ToList();
            ordered.Sort(comparer);
        }
        else
        {
            ordered = parts.Select(p => Screen(p, withReason: false)).ToList();
            ordered.Sort(comparer);
        }
        return ordered.Select((p, i) => p with
        {
            Rank = i + 1,
            Reason = Reason(p.Part, p.Current, p.Best, p.Suitability, p.CurrentAnnualCost),
        }).ToList();
    }

    /// <summary>Parts scored per batch: enough to amortise the per-location passes, small enough to keep memory flat.</summary>
    private const int BatchSize = 4096;

    /// <summary>The ranking keys of a batch of parts: attractiveness and estimated annual saving.</summary>
    public sealed class BatchScores(int capacity)
    {
        /// <summary>Attractiveness per part, as <see cref="ScreenedPart.Attractiveness"/>.</summary>
        public double[] Attractiveness { get; } = new double[capacity];
        /// <summary>Estimated annual saving per part, as <see cref="ScreenedPart.EstimatedAnnualSaving"/>.</summary>
        public double[] Saving { get; } = new double[capacity];
        internal readonly double[] Price = new double[capacity], Share = new double[capacity], UlcCurrent = new double[capacity], Weight = new double[capacity];
        internal readonly double[] DutyRate = new double[capacity], BaseLead = new double[capacity], Volume = new double[capacity], CurrentTotal = new double[capacity];
        internal readonly double[] Total = new double[capacity], Lead = new double[capacity], BestSaving = new double[capacity], BestLead = new double[capacity];
        internal readonly double[] DistanceCurrent = new double[capacity];
        internal readonly int[] Best = new int[capacity], Current = new int[capacity];
    }

    /// <summary>What the screener needs of a country, looked up once: its lane's freight, CO2e, distance and transit, unit labour cost, duty and EU status.</summary>
    private sealed record CountryColumns(double FreightPerKg, double Co2PerKg, double Distance, double Transit, double? UnitLabourCost, bool InEu);

    private readonly Dictionary<CountryCode, int> _countryIndex = new();
    private readonly List<CountryColumns> _countries = [];
    private readonly Dictionary<CurrencyCode, double> _fx = new();

    private int CountryIndex(CountryCode country)
    {
        if (_countryIndex.TryGetValue(country, out var index)) return index;
        var lane = LaneOf(country);
        _countries.Add(new CountryColumns(lane.FreightPerKg, lane.Co2PerKg, lane.Lane?.DistanceKm.Value ?? double.PositiveInfinity, lane.Lane?.TransitDays.Value ?? 0,
            UnitLabourCost(country), InEu(country)));
        return _countryIndex[country] = _countries.Count - 1;
    }

    private bool DutyFree(CountryCode country)
    {
        var profile = market.Country(country);
        return profile.EuMember || country == options.Home || profile.TradeRegime is EuTradeRegime.CustomsUnion or EuTradeRegime.Fta or EuTradeRegime.Eba or EuTradeRegime.GspPlus;
    }

    /// <summary>
    /// Scores a batch of parts column by column: per candidate location, one vectorised pass over the parts computes the landed cost, lead
    /// time and saving with the same operations, in the same order, as <see cref="Screen(PartRecord)"/> (so the numbers are identical), then
    /// the best location and the attractiveness per part. No per-part allocation besides the suitability's.
    /// </summary>
    public void ScoreBatch(IReadOnlyList<PartRecord> parts, BatchScores into)
    {
        var count = parts.Count;
        var h = options.CarryingRate;
        for (var k = 0; k < count; k++)
        {
            var part = parts[k];
            if (!_fx.TryGetValue(part.Currency, out var rate)) _fx[part.Currency] = rate = market.Fx.Rate(part.Currency, CurrencyCode.Eur);
            var current = CountryIndex(part.CurrentCountry);
            var columns = _countries[current];
            into.Current[k] = current;
            into.Price[k] = part.UnitPrice * rate;
            into.Share[k] = (part.LabourSharePct ?? options.DefaultLabourShare * 100) / 100;
            into.UlcCurrent[k] = columns.UnitLabourCost ?? double.NaN;
            into.Weight[k] = part.UnitWeightKg;
            into.Volume[k] = part.AnnualVolume;
            into.DutyRate[k] = (part.HsCode is { Length: >= 4 } hs ? MfnRate(hs) : 0) / 100;
            into.BaseLead[k] = part.LeadTimeDays - columns.Transit;
            into.DistanceCurrent[k] = columns.Distance;
            // The current source: no labour scaling; its own lead time.
            var freight = columns.FreightPerKg * part.UnitWeightKg;
            var duty = (DutyFree(part.CurrentCountry) ? 0 : into.DutyRate[k]) * (into.Price[k] + freight);
            var landed = into.Price[k] + freight + duty;
            into.CurrentTotal[k] = landed + InventoryFormulas.Pipeline(landed, h, part.LeadTimeDays);
            into.Best[k] = -1;
            into.BestSaving[k] = double.NegativeInfinity;
        }
        foreach (var country in _locations)
        {
            var l = CountryIndex(country);
            var location = _countries[l];
            if (location.UnitLabourCost is not { } ulc) continue;
            CandidatePass(into, count, ulc, location, DutyFree(country), h);
            var home = country == options.Home;
            for (var k = 0; k < count; k++)
            {
                if (into.Current[k] == l || double.IsNaN(into.UlcCurrent[k])) continue;
                if (!home && location.Distance >= into.DistanceCurrent[k]) continue;
                var saving = (into.CurrentTotal[k] - into.Total[k]) * into.Volume[k];
                if (into.Best[k] < 0 || saving > into.BestSaving[k])
                {
                    into.Best[k] = l;
                    into.BestSaving[k] = saving;
                    into.BestLead[k] = into.Lead[k];
                }
            }
        }
        var carbonPrice = CarbonPrice;
        for (var k = 0; k < count; k++)
        {
            var part = parts[k];
            var current = _countries[into.Current[k]];
            var saves = into.Best[k] >= 0 && into.BestSaving[k] > 0;
            var best = saves ? _countries[into.Best[k]] : null;
            var spend = into.CurrentTotal[k] * part.AnnualVolume;
            var saving = saves ? into.BestSaving[k] : 0;
            var leadWeeks = saves ? (part.LeadTimeDays - into.BestLead[k]) / 7 : 0;
            var intoEu = saves && !current.InEu && best!.InEu ? options.EuSupplyBonusPct : 0;
            var co2Cost = saves ? (best!.Co2PerKg * part.UnitWeightKg - current.Co2PerKg * part.UnitWeightKg) / 1000 * carbonPrice * part.AnnualVolume : 0;
            into.Saving[k] = saving;
            into.Attractiveness[k] = (spend > 0 ? 100 * (saving - co2Cost) / spend : 0) + options.SuitabilityWeightPct * (Suitability(part) ?? 0)
                + options.LeadTimeWeightPctPerWeek * leadWeeks + intoEu;
        }
    }

    /// <summary>
    /// One candidate location over a batch, vectorised: price with its labour share moved by unit labour cost, freight, duty, pipeline
    /// carrying over the candidate's lead time; writes the landed cost (with pipeline) and the lead time per part.
    /// </summary>
    private static void CandidatePass(BatchScores b, int count, double ulc, CountryColumns location, bool dutyFree, double carryingRate)
    {
        var width = System.Numerics.Vector<double>.Count;
        var k = 0;
        if (System.Numerics.Vector.IsHardwareAccelerated)
        {
            var vUlc = new System.Numerics.Vector<double>(ulc);
            var vFreight = new System.Numerics.Vector<double>(location.FreightPerKg);
            var vTransit = new System.Numerics.Vector<double>(location.Transit);
            var vH = new System.Numerics.Vector<double>(carryingRate);
            var one = System.Numerics.Vector<double>.One;
            var days = new System.Numerics.Vector<double>(365.0);
            for (; k <= count - width; k += width)
            {
                var price = new System.Numerics.Vector<double>(b.Price, k);
                var share = new System.Numerics.Vector<double>(b.Share, k);
                price *= one - share + share * vUlc / new System.Numerics.Vector<double>(b.UlcCurrent, k);
                var freight = vFreight * new System.Numerics.Vector<double>(b.Weight, k);
                var duty = dutyFree ? System.Numerics.Vector<double>.Zero : new System.Numerics.Vector<double>(b.DutyRate, k) * (price + freight);
                var landed = price + freight + duty;
                var lead = System.Numerics.Vector.Max(one, new System.Numerics.Vector<double>(b.BaseLead, k) + vTransit);
                (landed + landed * vH * lead / days).CopyTo(b.Total, k);
                lead.CopyTo(b.Lead, k);
            }
        }
        for (; k < count; k++)
        {
            var price = b.Price[k];
            var share = b.Share[k];
            price *= 1 - share + share * ulc / b.UlcCurrent[k];
            var freight = location.FreightPerKg * b.Weight[k];
            var duty = (dutyFree ? 0 : b.DutyRate[k]) * (price + freight);
            var landed = price + freight + duty;
            var lead = Math.Max(1, b.BaseLead[k] + location.Transit);
            b.Total[k] = landed + InventoryFormulas.Pipeline(landed, carryingRate, lead);
            b.Lead[k] = lead;
        }
    }

    /// <summary>
    /// Suitability for near production in [−1, 1]: the mean of the traits given, each mapped to [−1, 1] with "near" positive:
    /// series size (3 − s)/2, complexity (c − 3)/2, knowledge intensity (k − 3)/2, customisation (u − 3)/2, and labour share
    /// −(λ − 30%)/30% clamped (labour-intensive work favours low-wage locations).
    /// </summary>
    public static double? Suitability(PartRecord p)
    {
        var scores = new List<double>();
        if (p.SeriesSize is { } s) scores.Add((3 - s) / 2);
        if (p.Complexity is { } c) scores.Add((c - 3) / 2);
        if (p.KnowledgeIntensity is { } k) scores.Add((k - 3) / 2);
        if (p.Customisation is { } u) scores.Add((u - 3) / 2);
        if (p.LabourSharePct is { } l) scores.Add(Math.Clamp(-(l - 30) / 30, -1, 1));
        return scores.Count == 0 ? null : scores.Average();
    }

    private double CandidateLeadTime(PartRecord part, CountryCode country)
    {
        // Production and order time stay as they are; the transit changes with the location.
        var currentTransit = LaneOf(part.CurrentCountry).Lane?.TransitDays.Value ?? 0;
        var candidateTransit = LaneOf(country).Lane?.TransitDays.Value ?? 0;
        return Math.Max(1, part.LeadTimeDays - currentTransit + candidateTransit);
    }

    private LocationEstimate Estimate(PartRecord part, CountryCode country, double leadTimeDays)
    {
        var price = part.UnitPrice * market.Fx.Rate(part.Currency, CurrencyCode.Eur);
        if (country != part.CurrentCountry)
        {
            // The labour share of the price scales with unit labour cost (wage ÷ productivity) between the two countries.
            var share = (part.LabourSharePct ?? options.DefaultLabourShare * 100) / 100;
            price *= 1 - share + share * UnitLabourCost(country)!.Value / UnitLabourCost(part.CurrentCountry)!.Value;
        }
        var lane = LaneOf(country);
        var freight = lane.FreightPerKg * part.UnitWeightKg;
        var profile = market.Country(country);
        var dutyRate = profile.EuMember || country == options.Home || profile.TradeRegime is EuTradeRegime.CustomsUnion or EuTradeRegime.Fta or EuTradeRegime.Eba or EuTradeRegime.GspPlus
            ? 0
            : (part.HsCode is { Length: >= 4 } hs ? MfnRate(hs) : 0) / 100;
        var duty = dutyRate * (price + freight);
        var landed = price + freight + duty;
        var pipeline = InventoryFormulas.Pipeline(landed, options.CarryingRate, leadTimeDays);
        return new LocationEstimate(country, landed + pipeline, 0, leadTimeDays, lane.Co2PerKg * part.UnitWeightKg) { UnitPriceEur = price };
    }

    private double? _carbonPrice;

    /// <summary>EUR per tonne CO2e: the option's value, else the reference EU ETS price of the latest year up to the data set's date.</summary>
    private double CarbonPrice => _carbonPrice ??= options.CarbonPricePerTonne
        ?? market.EtsPriceEurPerTonne.Where(kv => kv.Key <= market.AsOf.Year).OrderBy(kv => kv.Key).Select(kv => kv.Value.Value).LastOrDefault();

    private bool InEu(CountryCode country) => market.Countries.TryGetValue(country, out var p) && p.EuMember;

    private double? UnitLabourCost(CountryCode country)
    {
        if (_unitLabourCost.TryGetValue(country, out var cached)) return cached;
        var p = market.Country(country);
        return _unitLabourCost[country] = p.LabourCostEurPerHour is { } w && p.ProductivityIndex is { } pi ? w.Value / Math.Max(1e-9, pi.Value) : null;
    }

    private double MfnRate(string hs)
    {
        if (_mfnRate.TryGetValue(hs, out var cached)) return cached;
        return _mfnRate[hs] = market.MfnRateLowerBound(hs, market.AsOf) ?? 0;
    }

    /// <summary>Freight and transport CO2e per kg on the country's default lane (road for nearshore, sea otherwise), loads limited by weight.</summary>
    private (Lane? Lane, double FreightPerKg, double Co2PerKg) LaneOf(CountryCode country)
    {
        if (_lanes.TryGetValue(country, out var cached)) return cached;
        // Only lanes with a sourced rate: a lane without one would price freight at zero.
        var lanes = market.Lanes.Values.Where(l => l.Origin == country && l.IsDefault && l.Rate is not null).ToList();
        var lane = lanes.FirstOrDefault(l => l.Mode == TransportMode.Road) ?? lanes.FirstOrDefault(l => l.Mode is TransportMode.Sea or TransportMode.SeaShort) ?? lanes.FirstOrDefault();
        if (lane is null) return _lanes[country] = (null, 0, 0);
        var rate = lane.Rate!.Value * market.Fx.Rate(lane.RateCurrency, CurrencyCode.Eur);
        var perKg = lane.RateUnit switch
        {
            RateUnit.PerFeu => rate / (LogisticsFormulas.FeuPayloadKg * 0.85),
            RateUnit.PerFtl => rate / (LogisticsFormulas.FtlPayloadKg * 0.85),
            RateUnit.PerKg => rate,
            RateUnit.PerTonne => rate / 1000,
            _ => 0,
        };
        var factor = market.EmissionFactors.Any(f => f.DefaultFor == lane.Mode || f.Id == lane.EmissionFactorId) ? market.EmissionFactorFor(lane, lane.Mode).GramsPerTonneKm.Value : 0;
        return _lanes[country] = (lane, perKg, lane.DistanceKm.Value * factor / 1e6);
    }

    private string Reason(PartRecord part, LocationEstimate current, LocationEstimate? best, double? suitability, double spend)
    {
        var c = options.Culture;
        var nature = suitability switch
        {
            null => Text.Get(c, "Screen_NoTraits", "no product traits given"),
            > 0.25 => Text.Get(c, "Screen_Near", "its traits (short series, complexity, know-how, customisation) favour production near home"),
            < -0.25 => Text.Get(c, "Screen_Far", "its traits (long series, simple, labour-intensive) favour a low-wage location"),
            _ => Text.Get(c, "Screen_Neutral", "its traits point neither way"),
        };
        if (best is null)
            return Text.Format(c, "Screen_Stay", "Stay in {0}: no candidate lowers the estimated landed cost of {1:0.###} EUR/unit; {2}.", part.CurrentCountry, current.LandedCostPerUnit, nature);
        var lead = part.LeadTimeDays - best.LeadTimeDays;
        return Text.Format(c, "Screen_Move", "Move to {0}: saves about {1:N0} EUR/yr ({2:P0} of spend), lead time {3:+0;−0;0} days, transport CO2e {4:+0.###;−0.###;0} kg/unit; {5}.",
            best.Country, best.AnnualSaving, spend > 0 ? best.AnnualSaving / spend : 0, -lead, best.TransportCo2eKgPerUnit - current.TransportCo2eKgPerUnit, nature);
    }
}
