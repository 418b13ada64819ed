using System.Globalization;
using Reshore.Core.Costing;
using Reshore.Core.Domain;
using Reshore.Core.MarketData;
using Reshore.Core.Values;

namespace Reshore.Core.Validation;

/// <summary>
/// Rules of markets, process steps, automation scenarios and the jobs settings that span fields (the ranges are checked by
/// <see cref="CaseValidator"/>): markets add up to 100%, every market is served once, a market outside the EU is reached, steps end in
/// the option's country, an automation scenario names a place with labour hours.
/// </summary>
public static class ChainValidator
{
    /// <summary>All errors of these parts of <paramref name="c"/>.</summary>
    public static IReadOnlyList<CaseError> Validate(ReshoringCase c, MarketSnapshot market)
    {
        var errors = new List<CaseError>();
        var home = c.HomeCountry ?? CountryCode.Parse("BE");
        bool Known(CountryCode code) => market.Countries.ContainsKey(code) || c.ReferenceOverrides?.Countries?.ContainsKey(code.Value) == true;
        bool InEu(CountryCode code) => code == home || (market.Countries.TryGetValue(code, out var p) && p.EuMember)
                                        || c.ReferenceOverrides?.Countries?.TryGetValue(code.Value, out var o) == true && o.TradeRegime == EuTradeRegime.Member;
        foreach (var (key, v) in c.Jobs?.HoursPerFte ?? new Dictionary<string, double>())
        {
            if (!CountryCode.TryParse(key, out _)) errors.Add(new($"$.jobs.hoursPerFte.{key}", $"'{key}' is not an ISO 3166 alpha-2 country code."));
            if (!(v is > 0 and <= 8784)) errors.Add(new($"$.jobs.hoursPerFte.{key}", $"{v.ToString(CultureInfo.InvariantCulture)} is out of range: hours per FTE per year run from above 0 to 8,784."));
        }
        for (var i = 0; i < c.Items.Count; i++)
        {
            var item = c.Items[i];
            var path = $"$.items[{i}]";
            CheckMarkets(item, path, home, Known, InEu, errors);
            for (var k = 0; k < item.Options.Count; k++)
            {
                var o = item.Options[k];
                var op = $"{path}.options[{k}]";
                CheckSteps(o, op, Known, errors);
                CheckAutomation(c, o, op, errors);
            }
        }
        return errors;
    }

    private static void CheckMarkets(Item item, string path, CountryCode home, Func<CountryCode, bool> known, Func<CountryCode, bool> inEu, List<CaseError> errors)
    {
        var markets = item.Markets ?? [];
        var ids = markets.Select(m => m.Id).ToHashSet(StringComparer.Ordinal);
        if (markets.Count > 0)
        {
            foreach (var g in markets.GroupBy(m => m.Id, StringComparer.Ordinal).Where(g => g.Count() > 1))
                errors.Add(new($"{path}.markets", $"Duplicate market id '{g.Key}'."));
            var sum = markets.Sum(m => m.SharePct);
            if (Math.Abs(sum - 100) > 1e-6)
                errors.Add(new($"{path}.markets", $"The markets' sharePct add up to {sum.ToString("0.###", CultureInfo.InvariantCulture)}, not 100."));
            for (var m = 0; m < markets.Count; m++)
            {
                if (string.IsNullOrWhiteSpace(markets[m].Id) || !markets[m].Id.All(ch => char.IsLetterOrDigit(ch) || ch is '-' or '_' or '.'))
                    errors.Add(new($"{path}.markets[{m}].id", $"'{markets[m].Id}' is not a valid id: use letters, digits, '-', '_' or '.'."));
                if (markets[m].Country is { } mc && !known(mc))
                    errors.Add(new($"{path}.markets[{m}].country", $"No reference data for country {mc}: add it under referenceOverrides.countries.{mc} or choose a listed country."));
            }
        }
        for (var k = 0; k < item.Options.Count; k++)
        {
            var o = item.Options[k];
            var op = $"{path}.options[{k}]";
            if (markets.Count == 0)
            {
                if (o.Markets is not null) errors.Add(new($"{op}.markets", "The item has no markets: give items[].markets first, or leave this out."));
                if (o.OtherMarketsFrom is not null) errors.Add(new($"{op}.otherMarketsFrom", "The item has no markets: leave this out."));
                if (o.Deliveries is not null) errors.Add(new($"{op}.deliveries", "The item has no markets: leave this out."));
                continue;
            }
            for (var m = 0; m < (o.Markets?.Count ?? 0); m++)
                if (!ids.Contains(o.Markets![m])) errors.Add(new($"{op}.markets[{m}]", $"Unknown market '{o.Markets[m]}'; markets: {string.Join(", ", ids)}."));
            if (o.Markets is { Count: 0 }) errors.Add(new($"{op}.markets", "An option serves at least one market: list its markets, or leave this out to serve them all."));
            var served = MarketRuns.ServedBy(o, markets);
            var rest = markets.Where(m => !served.Contains(m.Id)).ToList();
            if (rest.Count > 0)
            {
                if (o.OtherMarketsFrom is not { } otherId)
                    errors.Add(new($"{op}.otherMarketsFrom", $"The option does not serve {string.Join(", ", rest.Select(m => m.Id))}: name the option that keeps serving them (e.g. the status quo)."));
                else if (otherId == o.Id || item.Options.FirstOrDefault(x => x.Id == otherId) is not { } other)
                    errors.Add(new($"{op}.otherMarketsFrom", $"'{otherId}' is not another option of this item."));
                else
                {
                    var otherServes = MarketRuns.ServedBy(other, markets);
                    if (rest.FirstOrDefault(m => !otherServes.Contains(m.Id)) is { } gap)
                        errors.Add(new($"{op}.otherMarketsFrom", $"'{otherId}' does not serve market '{gap.Id}' either."));
                    // An empty transition block (as a workbook writes it) carries no costs.
                    if (other.Transition is { } t && ((t.OneOffCosts?.Count ?? 0) > 0 || (t.Incentives?.Count ?? 0) > 0) || other.Automation is not null)
                        errors.Add(new($"{op}.otherMarketsFrom", $"'{otherId}' has one-off costs or an automation scenario of its own; the costs of keeping it for these markets belong to this option's transition. Name an option without them (e.g. the status quo)."));
                }
            }
            else if (o.OtherMarketsFrom is not null)
                errors.Add(new($"{op}.otherMarketsFrom", "The option serves every market: leave this out."));
            foreach (var key in o.Deliveries?.Keys ?? [])
                if (!served.Contains(key)) errors.Add(new($"{op}.deliveries.{key}", $"'{key}' is not a market this option serves."));
            foreach (var m in markets.Where(m => served.Contains(m.Id)))
            {
                var country = m.Country ?? home;
                if (country != o.Country && !inEu(country) && o.Deliveries?.ContainsKey(m.Id) != true)
                    errors.Add(new($"{op}.deliveries.{m.Id}", $"Market '{m.Id}' ({country}) is outside the EU and not in {o.Country}: give how the option delivers there (leg, shipmentsPerYear, dutyRatePct)."));
            }
            foreach (var (key, d) in o.Deliveries ?? new Dictionary<string, MarketDelivery>())
                if (d.Leg is { } leg && leg.Lane is null && leg.Mode is null)
                    errors.Add(new($"{op}.deliveries.{key}.leg.mode", "A leg without a lane needs a mode."));
        }
    }

    private static void CheckSteps(SourcingOption o, string op, Func<CountryCode, bool> known, List<CaseError> errors)
    {
        var p = o.Production;
        if (p?.Steps is not { } steps) return;
        var sp = $"{op}.production.steps";
        if (steps.Count == 0) errors.Add(new(sp, "Give at least one step, or leave steps out."));
        if (o.SupplyType == SupplyType.Supplier || p.UnitPrice is not null)
            errors.Add(new(sp, "Process steps build up an own plant's cost: leave out production.unitPrice and supplyType supplier (a subcontracted step has its own unitPrice)."));
        foreach (var (value, name) in new (object?, string)[]
                 {
                     (p.LabourHoursPerUnit, "labourHoursPerUnit"), (p.LabourCostPerHour, "labourCostPerHour"), (p.LearningRatePct, "learningRatePct"),
                     (p.LabourHoursBasis, "labourHoursBasis"), (p.EnergyKwhPerUnit, "energyKwhPerUnit"), (p.ElectricityPricePerKwh, "electricityPricePerKwh"),
                     (p.ProductionLeadTimeDays, "productionLeadTimeDays"), (p.SkillMix, "skillMix"),
                 })
            if (value is not null) errors.Add(new($"{op}.production.{name}", $"With process steps, give {name} per step (production.steps[].{(name == "productionLeadTimeDays" ? "processingDays" : name)}) instead."));
        foreach (var g in steps.GroupBy(s => s.Id, StringComparer.Ordinal).Where(g => g.Count() > 1))
            errors.Add(new(sp, $"Duplicate step id '{g.Key}'."));
        for (var k = 0; k < steps.Count; k++)
        {
            var s = steps[k];
            var path = $"{sp}[{k}]";
            if (string.IsNullOrWhiteSpace(s.Id) || !s.Id.All(ch => char.IsLetterOrDigit(ch) || ch is '-' or '_' or '.'))
                errors.Add(new($"{path}.id", $"'{s.Id}' is not a valid id: use letters, digits, '-', '_' or '.'."));
            if (s.Country is { } sc && !known(sc))
                errors.Add(new($"{path}.country", $"No reference data for country {sc}: add it under referenceOverrides.countries.{sc} or choose a listed country."));
            if (k == 0 && s.InboundLegs is { Count: > 0 })
                errors.Add(new($"{path}.inboundLegs", "The first step has no previous step to come from: its materials are in production.materialCostPerUnit."));
            var legs = s.InboundLegs ?? [];
            for (var l = 0; l < legs.Count; l++)
            {
                if (legs[l].Lane is null && legs[l].Mode is null) errors.Add(new($"{path}.inboundLegs[{l}].mode", "A leg without a lane needs a mode."));
                if (legs[l].Rate is not null && legs[l].RateUnit is null && legs[l].Lane is null)
                    errors.Add(new($"{path}.inboundLegs[{l}].rateUnit", "A rate needs its rateUnit (perFeu, perKg, perFtl, perTonne, perTonneKm, perShipment or perUnit)."));
                if (legs[l].RateUnit is RateUnit.PerShipment && s.InboundShipmentsPerYear is null)
                    errors.Add(new($"{path}.inboundShipmentsPerYear", "A per-shipment rate needs inboundShipmentsPerYear."));
            }
            if (s.InboundHsCode is { } hs && (hs.Any(ch => !char.IsAsciiDigit(ch) && ch is not (' ' or '.')) || hs.Count(char.IsAsciiDigit) is < 4 or > 10))
                errors.Add(new($"{path}.inboundHsCode", $"'{hs}' is not an HS or CN code: 4 to 10 digits, optionally with spaces or dots."));
            CheckSkillMix(s.SkillMix, $"{path}.skillMix", errors);
        }
        if (steps.Count > 0 && (steps[^1].Country ?? o.Country) != o.Country)
            errors.Add(new($"{sp}[{steps.Count - 1}].country", $"The last step is where the item ships from: it must be in the option's country ({o.Country})."));
        CheckSkillMix(p.SkillMix, $"{op}.production.skillMix", errors);
    }

    private static void CheckSkillMix(SkillShares? mix, string path, List<CaseError> errors)
    {
        if (mix is null) return;
        var sum = (mix.OperatorsPct ?? 0) + (mix.TechniciansPct ?? 0) + (mix.EngineersPct ?? 0);
        if (Math.Abs(sum - 100) > 1e-6)
            errors.Add(new(path, $"The skill mix adds up to {sum.ToString("0.###", CultureInfo.InvariantCulture)}%, not 100%."));
    }

    private static void CheckAutomation(ReshoringCase c, SourcingOption o, string op, List<CaseError> errors)
    {
        if (o.Automation is not { } a) return;
        var ap = $"{op}.automation";
        if (TcoCostingEngine.SupplyTypeOf(o) == SupplyType.Supplier)
            errors.Add(new(ap, "An automation scenario belongs to an own plant (a supplier's automation is in its price)."));
        var steps = o.Production?.Steps;
        double? manualHours;
        if (steps is { Count: > 0 })
        {
            var step = a.Step is { } id ? steps.FirstOrDefault(s => s.Id == id) : null;
            if (a.Step is null) errors.Add(new($"{ap}.step", $"The option has process steps: name the step automated ({string.Join(", ", steps.Select(s => s.Id))})."));
            else if (step is null) errors.Add(new($"{ap}.step", $"Unknown step '{a.Step}'; steps: {string.Join(", ", steps.Select(s => s.Id))}."));
            manualHours = step?.LabourHoursPerUnit;
            if (step is not null && manualHours is null)
                errors.Add(new($"{ap}.step", $"Step '{a.Step}' has no labourHoursPerUnit: the automation takes its hours saved off the manual hours of the step."));
        }
        else
        {
            if (a.Step is not null) errors.Add(new($"{ap}.step", "The option has no process steps: leave step out."));
            manualHours = o.Production?.LabourHoursPerUnit;
            if (manualHours is null && TcoCostingEngine.SupplyTypeOf(o) == SupplyType.OwnPlant)
                errors.Add(new($"{op}.production.labourHoursPerUnit", "The automation takes its hours saved off the manual process: give the manual process's labourHoursPerUnit."));
        }
        if (manualHours is { } h && a.LabourHoursSavedPerUnit > h + 1e-12)
            errors.Add(new($"{ap}.labourHoursSavedPerUnit", $"The cells cannot save {a.LabourHoursSavedPerUnit.ToString(CultureInfo.InvariantCulture)} h per unit of a manual process that takes {h.ToString(CultureInfo.InvariantCulture)} h."));
        if ((a.CapexYear ?? 0) > c.HorizonYears)
            errors.Add(new($"{ap}.capexYear", $"Year {a.CapexYear} is beyond the horizon of {c.HorizonYears} years."));
        for (var r = 0; r < (a.RampUpPct?.Count ?? 0); r++)
            if (a.RampUpPct![r] is < 0 or > 100 || double.IsNaN(a.RampUpPct[r]))
                errors.Add(new($"{ap}.rampUpPct[{r}]", $"{a.RampUpPct[r].ToString(CultureInfo.InvariantCulture)} is out of range: expected a share from 0 to 100%."));
        if (a.MaintenancePctOfCapex is not null && a.MaintenancePerYear is not null)
            errors.Add(new($"{ap}.maintenancePerYear", "Give maintenancePctOfCapex or maintenancePerYear, not both."));
        if (a.CycleTimeSeconds is not null)
            foreach (var (value, name) in new (double?, string)[] { (a.OeePct, "oeePct"), (a.ShiftsPerDay, "shiftsPerDay"), (a.HoursPerShift, "hoursPerShift"), (a.DaysPerYear, "daysPerYear") })
                if (value is null) errors.Add(new($"{ap}.{name}", $"The capacity check with cycleTimeSeconds needs {name}."));
    }
}
