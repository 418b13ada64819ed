using System.Globalization;
using Reshore.Core.Domain;
using Reshore.Core.Values;

namespace Reshore.Core.Costing;

/// <summary>How an option's goods reach a market.</summary>
public enum DeliveryKind
{
    /// <summary>Through the option's own logistics to the home country (EU markets served from the home warehouse).</summary>
    Standard,
    /// <summary>Sold in the country where it is made: no transport legs, no customs.</summary>
    Local,
    /// <summary>By the option's delivery for that market (deliveries.&lt;market&gt;): its leg, shipments and the market's import duty.</summary>
    Own,
}

/// <summary>One market of an option's comparison: who serves it, how, and at what year-1 cost per unit.</summary>
/// <param name="MarketId">Market id.</param>
/// <param name="Name">Market name.</param>
/// <param name="Country">Market country.</param>
/// <param name="SharePct">Share of the item's volume, %.</param>
/// <param name="ServedByOptionId">The option whose production serves it (this option, or its otherMarketsFrom).</param>
/// <param name="ServedFrom">Country of that production.</param>
/// <param name="Delivery">How the goods get there.</param>
/// <param name="TcoPerUnit">Year-1 TCO per unit of the run that serves the market.</param>
public sealed record MarketService(string MarketId, string? Name, CountryCode Country, double SharePct, string ServedByOptionId, CountryCode ServedFrom, DeliveryKind Delivery, double TcoPerUnit);

/// <summary>
/// Several markets per item (docs/model.md §15): an option's production serves some markets, another option (otherMarketsFrom) the rest.
/// The markets one production serves with one delivery form a run of the engine, at their share of the volume and of the option's fixed
/// annual amounts; the runs of a year are merged into the option's year (lines summed per year, per-unit values over the whole volume).
/// </summary>
public static class MarketRuns
{
    /// <summary>One engine run: the option as it delivers to the run's markets, and its scope.</summary>
    public sealed record Run(SourcingOption Option, RunScope Scope, DeliveryKind Delivery, string ServedByOptionId);

    /// <summary>The runs of an option (one whole-item run when the item has no markets).</summary>
    public static IReadOnlyList<Run> Plan(CaseContext ctx, Item item, SourcingOption option)
    {
        if (item.Markets is not { Count: > 0 } markets) return [new Run(option, RunScope.Whole(ctx.Home), DeliveryKind.Standard, option.Id)];
        var served = ServedBy(option, markets);
        var runs = OwnRuns(ctx, option, markets.Where(m => served.Contains(m.Id)).ToList(), 1).ToList();
        var rest = markets.Where(m => !served.Contains(m.Id)).ToList();
        if (rest.Count > 0 && item.Options.FirstOrDefault(o => o.Id == option.OtherMarketsFrom) is { } other)
            runs.AddRange(OwnRuns(ctx, other, rest, (option.OtherMarketsFixedCostPct ?? 100) / 100));
        return runs;
    }

    /// <summary>The markets an option's own production serves: its list, or all.</summary>
    public static IReadOnlySet<string> ServedBy(SourcingOption option, IReadOnlyList<ItemMarket> markets) =>
        (option.Markets ?? markets.Select(m => m.Id).ToList()).ToHashSet(StringComparer.Ordinal);

    /// <summary>How an option delivers to a market.</summary>
    public static DeliveryKind DeliveryOf(CaseContext ctx, SourcingOption option, ItemMarket market)
    {
        if (option.Deliveries?.ContainsKey(market.Id) == true) return DeliveryKind.Own;
        var country = market.Country ?? ctx.Home;
        return country == option.Country && country != ctx.Home ? DeliveryKind.Local : DeliveryKind.Standard;
    }

    private static IEnumerable<Run> OwnRuns(CaseContext ctx, SourcingOption option, IReadOnlyList<ItemMarket> markets, double fixedScale)
    {
        var siteShare = markets.Sum(m => m.SharePct) / 100;
        // Markets reached through the standard logistics share one run (one flow to the home warehouse); the others each have their own.
        foreach (var group in markets.GroupBy(m => DeliveryOf(ctx, option, m) == DeliveryKind.Standard ? "" : m.Id))
        {
            var first = group.First();
            var delivery = DeliveryOf(ctx, option, first);
            var share = group.Sum(m => m.SharePct) / 100;
            var destination = delivery == DeliveryKind.Standard ? ctx.Home : first.Country ?? ctx.Home;
            var scope = new RunScope(share, siteShare > 0 ? share / siteShare * fixedScale : 0, siteShare, destination, group.Select(m => m.Id).ToList());
            yield return new Run(Delivered(option, first, delivery), scope, delivery, option.Id);
        }
    }

    /// <summary>The option as it delivers to <paramref name="market"/>: its own logistics and trade, none (local sale), or the market's delivery.</summary>
    private static SourcingOption Delivered(SourcingOption option, ItemMarket market, DeliveryKind delivery) => delivery switch
    {
        DeliveryKind.Local => option with
        {
            Logistics = new LogisticsInputs { ShipmentsPerYear = option.Logistics?.ShipmentsPerYear },
            Trade = null,
        },
        DeliveryKind.Own when option.Deliveries![market.Id] is var d => option with
        {
            Logistics = new LogisticsInputs
            {
                ShipmentsPerYear = d.ShipmentsPerYear ?? option.Logistics?.ShipmentsPerYear,
                Legs = d.Leg is { } leg ? [leg] : [],
                InsuranceRatePct = option.Logistics?.InsuranceRatePct,
            },
            Trade = new TradeInputs { DutyRatePct = d.DutyRatePct, BrokeragePerShipment = d.BrokeragePerShipment },
        },
        _ => option,
    };

    /// <summary>
    /// One year of an option over its markets: each run through the engine, merged. Without markets this is exactly the engine's
    /// whole-item result.
    /// </summary>
    public static OptionYearResult Calculate(TcoCostingEngine engine, CaseContext ctx, Item item, SourcingOption option, int year, CultureInfo culture) =>
        Merge(Plan(ctx, item, option).Select(r => (r, engine.Calculate(ctx, item, r.Option, year, culture, r.Scope))).ToList());

    /// <summary>The year-1 cost of each market of an option (empty without markets).</summary>
    public static IReadOnlyList<MarketService> Services(TcoCostingEngine engine, CaseContext ctx, Item item, SourcingOption option, CultureInfo culture)
    {
        if (item.Markets is not { Count: > 0 } markets) return [];
        var runs = Plan(ctx, item, option).Select(r => (Run: r, Result: engine.Calculate(ctx, item, r.Option, 1, culture, r.Scope))).ToList();
        return markets.Select(m =>
        {
            var (run, result) = runs.First(x => x.Run.Scope.MarketIds.Contains(m.Id));
            return new MarketService(m.Id, m.Name, m.Country ?? ctx.Home, m.SharePct, run.ServedByOptionId, run.Option.Country, run.Delivery, result.TcoPerUnit);
        }).ToList();
    }

    /// <summary>
    /// Merges the runs of one year: volumes add up; each line's per-year amounts add up and its per-unit value is over the whole volume;
    /// a line assessed in one run and not in another is assessed but incomplete; inputs and notes carry their markets. Emissions, lead
    /// time, transit and landed value are volume-weighted; labour hours add up.
    /// </summary>
    public static OptionYearResult Merge(IReadOnlyList<(Run Run, OptionYearResult Result)> runs)
    {
        if (runs.Count == 1) return runs[0].Result;
        var volume = runs.Sum(r => r.Result.Volume);
        string Tag(Run r) => $"[{string.Join(", ", r.Scope.MarketIds)}] ";
        var order = new List<string>();
        var byFactor = new Dictionary<string, List<(Run Run, CostLine Line, double Volume)>>(StringComparer.Ordinal);
        foreach (var (run, result) in runs)
            foreach (var line in result.Lines)
            {
                if (!byFactor.TryGetValue(line.Factor, out var list)) byFactor[line.Factor] = list = [];
                if (list.Count == 0) order.Add(line.Factor);
                list.Add((run, line, result.Volume));
            }
        var lines = order.Select(f =>
        {
            var parts = byFactor[f];
            var first = parts[0].Line;
            var assessed = parts.Where(p => p.Line.Status == LineStatus.Assessed).ToList();
            var perYear = parts.Sum(p => p.Line.PerYear);
            var status = assessed.Count > 0 ? LineStatus.Assessed
                : parts.Any(p => p.Line.Status == LineStatus.NotAssessed) ? LineStatus.NotAssessed
                : parts.Any(p => p.Line.Status == LineStatus.IncludedInPrice) ? LineStatus.IncludedInPrice : LineStatus.NotApplicable;
            var notes = parts.Where(p => p.Line.Note is not null).Select(p => Tag(p.Run) + p.Line.Note).Distinct().ToList();
            return first with
            {
                PerYear = perYear,
                PerUnit = perYear / volume,
                FixedPerUnit = parts.Sum(p => p.Line.FixedPerUnit * p.Volume) / volume,
                Status = status,
                Inputs = parts.SelectMany(p => p.Line.Inputs.Select(i => i with { Name = Tag(p.Run) + i.Name })).ToList(),
                Note = notes.Count == 0 ? null : string.Join(" ", notes),
                Incomplete = status == LineStatus.Assessed && (parts.Any(p => p.Line.Incomplete) || parts.Any(p => p.Line.Status == LineStatus.NotAssessed)),
                Formula = parts.Select(p => p.Line.Formula).Distinct().Count() == 1 ? first.Formula : "Σ markets: " + first.Formula,
            };
        }).ToList();
        double Weighted(Func<OptionYearResult, double> f) => runs.Sum(r => f(r.Result) * r.Result.Volume) / volume;
        var head = runs[0].Result;
        return head with
        {
            Volume = volume,
            Lines = lines,
            TransportKgCo2ePerUnit = Weighted(r => r.TransportKgCo2ePerUnit),
            ProductionKgCo2ePerUnit = Weighted(r => r.ProductionKgCo2ePerUnit),
            TransportEmissionsComplete = runs.All(r => r.Result.TransportEmissionsComplete),
            ProductionEmissionsAssessed = runs.All(r => r.Result.ProductionEmissionsAssessed),
            LeadTimeDays = Weighted(r => r.LeadTimeDays),
            LeadTimeKnown = runs.All(r => r.Result.LeadTimeKnown),
            TransitDays = Weighted(r => r.TransitDays),
            LandedValuePerUnit = Weighted(r => r.LandedValuePerUnit),
            LabourHours = runs.SelectMany(r => r.Result.LabourHours).ToList(),
            Automation = runs.Select(r => r.Result.Automation).OfType<AutomationEffect>().Aggregate((AutomationEffect?)null, (a, b) => a is null ? b : a.Plus(b)),
        };
    }
}
