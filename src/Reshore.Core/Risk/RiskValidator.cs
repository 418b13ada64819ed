using System.Globalization;
using Reshore.Core.Domain;
using Reshore.Core.Validation;

namespace Reshore.Core.Risk;

/// <summary>Checks the risk parts of a case: drivers, correlations, events, strategies and uncertain inputs.</summary>
public static class RiskValidator
{
    /// <summary>All errors; empty when valid.</summary>
    public static IReadOnlyList<CaseError> Validate(ReshoringCase c, IReadOnlyList<UncertainInput> uncertain)
    {
        var errors = new List<CaseError>();
        var risk = c.Risk;
        var drivers = (risk?.Drivers ?? []).Select(d => d.Id).ToList();
        foreach (var g in drivers.GroupBy(d => d).Where(g => g.Count() > 1))
            errors.Add(new("$.risk.drivers", $"Duplicate driver id '{g.Key}'."));
        var correlations = risk?.Correlations ?? [];
        for (var i = 0; i < correlations.Count; i++)
        {
            foreach (var (name, id) in new[] { ("a", correlations[i].A), ("b", correlations[i].B) })
                if (!drivers.Contains(id))
                    errors.Add(new($"$.risk.correlations[{i}].{name}", $"Unknown driver '{id}'; drivers: {string.Join(", ", drivers.DefaultIfEmpty("none"))}."));
            if (correlations[i].A == correlations[i].B)
                errors.Add(new($"$.risk.correlations[{i}]", "A driver cannot be correlated with itself."));
        }
        if (errors.Count == 0 && correlations.Count > 0)
        {
            try { _ = new ScenarioSampler([], risk); }
            catch (ArgumentException e) { errors.Add(new("$.risk.correlations", e.Message)); }
        }
        foreach (var u in uncertain)
            if (u.Distribution.Driver is { } d && !drivers.Contains(d))
                errors.Add(new($"{u.Path}.driver", $"Unknown driver '{d}': declare it in risk.drivers."));
        var optionIds = c.Items.SelectMany(i => i.Options).Select(o => o.Id).ToHashSet(StringComparer.Ordinal);
        var events = risk?.Events ?? [];
        foreach (var g in events.GroupBy(e => e.Id).Where(g => g.Count() > 1))
            errors.Add(new("$.risk.events", $"Duplicate event id '{g.Key}'."));
        for (var e = 0; e < events.Count; e++)
        {
            if (events[e].Effects.Count == 0) errors.Add(new($"$.risk.events[{e}].effects", "An event needs at least one effect."));
            for (var k = 0; k < events[e].Effects.Count; k++)
                foreach (var id in events[e].Effects[k].Options ?? [])
                    if (!optionIds.Contains(id))
                        errors.Add(new($"$.risk.events[{e}].effects[{k}].options", $"Unknown option '{id}'."));
        }
        for (var i = 0; i < c.Items.Count; i++)
        {
            var item = c.Items[i];
            var strategies = item.Strategies ?? [];
            var ids = item.Options.Select(o => o.Id).ToHashSet(StringComparer.Ordinal);
            foreach (var g in strategies.Select(s => s.Id).Concat(item.Options.Select(o => o.Id)).GroupBy(x => x).Where(g => g.Count() > 1))
                errors.Add(new($"$.items[{i}].strategies", $"Strategy id '{g.Key}' is used twice (the options' own 100% strategies carry the option ids)."));
            for (var s = 0; s < strategies.Count; s++)
            {
                var path = $"$.items[{i}].strategies[{s}].shares";
                foreach (var (id, share) in strategies[s].Shares)
                {
                    if (!ids.Contains(id)) errors.Add(new($"{path}.{id}", $"Unknown option '{id}' in item '{item.Id}'."));
                    if (share is < 0 or > 1) errors.Add(new($"{path}.{id}", $"A share is a fraction from 0 to 1, not {share.ToString(CultureInfo.InvariantCulture)}."));
                }
                var sum = strategies[s].Shares.Values.Sum();
                if (Math.Abs(sum - 1) > 1e-6)
                    errors.Add(new(path, $"Shares add up to {sum.ToString("0.######", CultureInfo.InvariantCulture)}; they must add up to 1."));
            }
            if (item.Optimization is { } o)
            {
                var op = $"$.items[{i}].optimization";
                foreach (var (name, map, max) in new[] { ("minShare", o.MinShare, 1.0), ("maxShare", o.MaxShare, 1.0), ("capacityUnitsPerYear", o.CapacityUnitsPerYear, double.PositiveInfinity), ("moqUnitsPerYear", o.MoqUnitsPerYear, double.PositiveInfinity) })
                    foreach (var (id, v) in map ?? new Dictionary<string, double>())
                    {
                        if (!ids.Contains(id)) errors.Add(new($"{op}.{name}.{id}", $"Unknown option '{id}' in item '{item.Id}'."));
                        if (v < 0 || v > max) errors.Add(new($"{op}.{name}.{id}", $"{v.ToString(CultureInfo.InvariantCulture)} is out of range: expected 0 to {max.ToString(CultureInfo.InvariantCulture)}."));
                    }
                foreach (var (id, min) in o.MinShare ?? new Dictionary<string, double>())
                    if (o.MaxShare is { } maxShares && maxShares.TryGetValue(id, out var cap) && cap < min)
                        errors.Add(new($"{op}.minShare.{id}", $"The minimum share ({min.ToString(CultureInfo.InvariantCulture)}) exceeds the maximum share ({cap.ToString(CultureInfo.InvariantCulture)})."));
            }
        }
        return errors;
    }
}
