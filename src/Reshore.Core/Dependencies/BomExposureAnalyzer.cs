using System.Globalization;
using Reshore.Core.Costing;
using Reshore.Core.Domain;
using Reshore.Core.Localization;
using Reshore.Core.MarketData;
using Reshore.Core.Validation;
using Reshore.Core.Values;

namespace Reshore.Core.Dependencies;

/// <summary>Value per item unit that originates in one country.</summary>
/// <param name="Country">Country.</param>
/// <param name="Value">Value per item unit, case currency.</param>
/// <param name="Share">Share of the item's value.</param>
/// <param name="InEu">EU member.</param>
/// <param name="HighRisk">Flagged high-risk by the user.</param>
public sealed record CountryExposure(CountryCode Country, double Value, double Share, bool InEu, bool HighRisk);

/// <summary>A component with a single supplier or a single country of supply.</summary>
/// <param name="ComponentId">Component.</param>
/// <param name="Name">Its name.</param>
/// <param name="Country">Its country.</param>
/// <param name="Reason">"one supplier" or "one country".</param>
public sealed record SingleSourceComponent(string ComponentId, string? Name, CountryCode Country, string Reason);

/// <summary>The multi-tier origin exposure of one sourcing option of an item.</summary>
public sealed record OptionExposure
{
    /// <summary>Option id.</summary>
    public required string OptionId { get; init; }
    /// <summary>Where the item is made.</summary>
    public required CountryCode Country { get; init; }
    /// <summary>Home, nearshore or offshore.</summary>
    public required LocationClass LocationClass { get; init; }
    /// <summary>Item value per unit the shares refer to.</summary>
    public required double ItemValuePerUnit { get; init; }
    /// <summary>Exposure by country, largest first.</summary>
    public required IReadOnlyList<CountryExposure> Countries { get; init; }
    /// <summary>Herfindahl–Hirschman index over origin countries, Σ share².</summary>
    public required double Hhi { get; init; }
    /// <summary>Largest origin.</summary>
    public required CountryCode TopCountry { get; init; }
    /// <summary>Its share.</summary>
    public required double TopCountryShare { get; init; }
    /// <summary>Share from outside the EU.</summary>
    public required double NonEuShare { get; init; }
    /// <summary>Share from countries flagged high-risk.</summary>
    public required double HighRiskShare { get; init; }
    /// <summary>Critical raw materials found.</summary>
    public required IReadOnlyList<CriticalRawMaterialHit> CriticalRawMaterials { get; init; }
    /// <summary>Single-source components.</summary>
    public required IReadOnlyList<SingleSourceComponent> SingleSourceComponents { get; init; }
    /// <summary>Warnings, including "still dependent".</summary>
    public required IReadOnlyList<string> Warnings { get; init; }
}

/// <summary>The exposure of every option of one item.</summary>
/// <param name="ItemId">Item.</param>
/// <param name="ItemName">Name.</param>
/// <param name="Options">Per option.</param>
public sealed record ItemExposure(string ItemId, string? ItemName, IReadOnlyList<OptionExposure> Options);

/// <summary>
/// Multi-tier origin exposure: the item's value is split into value added per country — the option's own production
/// (its production cost less the tier-1 parts it buys) in the option's country, and each component's value less its
/// sub-components in the component's country — then summarised by concentration (HHI), non-EU and high-risk shares,
/// single-source components and critical raw materials. A home or nearshore option that still takes more than a
/// threshold of its value from one offshore country gets a "still dependent" warning (SERV: "a chain is only as strong
/// as its weakest link").
/// </summary>
public sealed class BomExposureAnalyzer
{
    private readonly TcoCostingEngine _engine = new();

    /// <summary>Analyses every item of a validated case that has a bill of materials.</summary>
    public IReadOnlyList<ItemExposure> Analyze(ReshoringCase c, MarketSnapshot market, CultureInfo culture)
    {
        var ctx = new CaseContext(c, market);
        return c.Items.Where(i => i.BillOfMaterials is { Count: > 0 }).Select(i => new ItemExposure(i.Id, i.Name, i.Options.Select(o => Analyze(ctx, i, o, culture)).ToList())).ToList();
    }

    /// <summary>The exposure of one option.</summary>
    public OptionExposure Analyze(CaseContext ctx, Item item, SourcingOption option, CultureInfo culture)
    {
        var components = item.BillOfMaterials ?? [];
        var byId = components.ToDictionary(x => x.Id, StringComparer.Ordinal);
        var warnings = new List<string>();
        var settings = ctx.Case.Dependencies;
        var highRisk = (settings?.HighRiskCountries ?? []).ToHashSet();
        // Value of each component per item unit: unit value × the quantities along its path.
        var total = new Dictionary<string, double>(StringComparer.Ordinal);
        double Total(BomComponent x)
        {
            if (total.TryGetValue(x.Id, out var v)) return v;
            var perParent = (x.Quantity ?? 1) * ctx.ToCaseCurrency(x.UnitValue, 1);
            return total[x.Id] = x.Parent is { } p ? perParent * Quantity(byId[p]) : perParent;
        }
        double Quantity(BomComponent x) => (x.Quantity ?? 1) * (x.Parent is { } p ? Quantity(byId[p]) : 1);
        var value = new Dictionary<CountryCode, double>();
        void AddValue(CountryCode country, double amount) => value[country] = value.GetValueOrDefault(country) + amount;
        foreach (var x in components)
        {
            var children = components.Where(ch => ch.Parent == x.Id).Sum(Total);
            var added = Total(x) - children;
            if (added < -1e-9)
                warnings.Add(Text.Format(culture, "Dep_ChildrenExceed", "The inputs of {0} are worth more than {0} itself ({1:N2} against {2:N2}); its own value added is taken as 0.", x.Id, children, Total(x)));
            AddValue(Origin(option, x), Math.Max(0, added));
        }
        var tier1 = components.Where(x => x.Parent is null).Sum(Total);
        var production = _engine.Calculate(ctx, item, option, 1, culture).Lines.Where(l => l.Category == CostCategory.Production).Sum(l => l.PerUnit);
        var own = production - tier1;
        if (own < -1e-9)
            warnings.Add(Text.Format(culture, "Dep_PartsExceedItem", "The tier-1 parts ({0:N2}) are worth more than the option's production cost ({1:N2}): the item's own value added is taken as 0.", tier1, production));
        AddValue(option.Country, Math.Max(0, own));
        var itemValue = value.Values.Sum();
        var exposure = value.Where(kv => kv.Value > 0).Select(kv => new CountryExposure(kv.Key, kv.Value, itemValue > 0 ? kv.Value / itemValue : 0, InEu(kv.Key), highRisk.Contains(kv.Key)))
            .OrderByDescending(e => e.Share).ThenBy(e => e.Country).ToList();
        var top = exposure.FirstOrDefault();
        var locationClass = option.LocationClass ?? ctx.ClassOf(option.Country);
        var threshold = (settings?.StillDependentThresholdPct ?? 30) / 100;
        if (locationClass != LocationClass.Offshore)
            foreach (var far in exposure.Where(e => ctx.ClassOf(e.Country) == LocationClass.Offshore && e.Share > threshold))
            {
                var through = components.Where(x => Origin(option, x) == far.Country).OrderByDescending(Total).Take(3).Select(x => x.Name ?? x.Id);
                warnings.Add(Text.Format(culture, "Dep_StillDependent", "Still dependent: {0:P0} of the item's value comes from {1} through its components ({2}), although the option is made in {3}.",
                    far.Share, far.Country, string.Join(", ", through), option.Country));
            }
        var single = components.Where(x => (x.AlternativeSources ?? []).Count == 0 || (x.AlternativeSources ?? []).All(a => a.Country == Origin(option, x)))
            .Select(x => new SingleSourceComponent(x.Id, x.Name, Origin(option, x), (x.AlternativeSources ?? []).Count == 0 ? "one supplier" : "one country")).ToList();
        var crm = components.SelectMany(x => (x.RawMaterials ?? []).Select(m => CriticalRawMaterials.Hit(m, x.Id, ctx.Market.CriticalRawMaterials))).OfType<CriticalRawMaterialHit>().ToList();
        return new OptionExposure
        {
            OptionId = option.Id,
            Country = option.Country,
            LocationClass = locationClass,
            ItemValuePerUnit = itemValue,
            Countries = exposure,
            Hhi = exposure.Sum(e => e.Share * e.Share),
            TopCountry = top?.Country ?? option.Country,
            TopCountryShare = top?.Share ?? 0,
            NonEuShare = exposure.Where(e => !e.InEu).Sum(e => e.Share),
            HighRiskShare = exposure.Where(e => e.HighRisk).Sum(e => e.Share),
            CriticalRawMaterials = crm,
            SingleSourceComponents = single,
            Warnings = warnings,
        };
    }

    /// <summary>EU membership from the EU27 list (components may come from countries without reference data).</summary>
    public static bool InEu(CountryCode country) =>
        IsoCountries.Alpha3.TryGetValue(country.Value, out var alpha3) && TradeDependencyScreener.Eu27Alpha3.Contains(alpha3);

    private static CountryCode Origin(SourcingOption option, BomComponent x) =>
        option.ComponentOrigins is { } moved && moved.TryGetValue(x.Id, out var country) ? country : x.Country;

    /// <summary>Checks the bills of materials of a case: unique ids, known parents, no cycles, tiers that grow downwards, known countries.</summary>
    public static IReadOnlyList<CaseError> Validate(ReshoringCase c, MarketSnapshot market)
    {
        var errors = new List<CaseError>();
        for (var i = 0; i < c.Items.Count; i++)
        {
            var bom = c.Items[i].BillOfMaterials ?? [];
            var path = $"$.items[{i}].billOfMaterials";
            var ids = bom.Select(x => x.Id).ToList();
            foreach (var g in ids.GroupBy(x => x).Where(g => g.Count() > 1)) errors.Add(new(path, $"Duplicate component id '{g.Key}'."));
            var byId = bom.GroupBy(x => x.Id).ToDictionary(g => g.Key, g => g.First());
            for (var k = 0; k < bom.Count; k++)
            {
                var x = bom[k];
                if (x.Parent is { } parent)
                {
                    if (!byId.TryGetValue(parent, out var p)) { errors.Add(new($"{path}[{k}].parent", $"Unknown parent component '{parent}'.")); continue; }
                    if (x.Tier is { } t && p.Tier is { } pt && t <= pt) errors.Add(new($"{path}[{k}].tier", $"Tier {t} must be below its parent's tier {pt}."));
                    var seen = new HashSet<string> { x.Id };
                    for (var q = p; q is not null; q = q.Parent is { } up && byId.TryGetValue(up, out var next) ? next : null)
                        if (!seen.Add(q.Id)) { errors.Add(new($"{path}[{k}].parent", $"Component '{x.Id}' is part of a cycle.")); break; }
                }
                else if (x.Tier is > 1) errors.Add(new($"{path}[{k}].parent", $"A tier-{x.Tier} component needs a parent."));
                if (!market.Countries.ContainsKey(x.Country) && !IsoKnown(x.Country))
                    errors.Add(new($"{path}[{k}].country", $"Unknown country {x.Country}."));
            }
            for (var o = 0; o < c.Items[i].Options.Count; o++)
                foreach (var id in c.Items[i].Options[o].ComponentOrigins?.Keys ?? [])
                    if (!byId.ContainsKey(id)) errors.Add(new($"$.items[{i}].options[{o}].componentOrigins.{id}", $"Unknown component '{id}'."));
        }
        return errors;
    }

    private static bool IsoKnown(CountryCode code) => !code.IsEmpty;
}
