using System.Collections.Concurrent;
using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using Reshore.Core.Costing;
using Reshore.Core.Domain;
using Reshore.Core.MarketData;
using Reshore.Core.Values;

namespace Reshore.Core.Validation;

/// <summary>
/// Checks a bound case against its declared ranges and the rules that span fields (one status quo per item,
/// unique ids, known countries, lanes and currencies, complete incentives). Used by every edge (CLI, API).
/// </summary>
public static class CaseValidator
{
    /// <summary>All errors in <paramref name="c"/>; empty when valid.</summary>
    public static IReadOnlyList<CaseError> Validate(ReshoringCase c, MarketSnapshot market)
    {
        var errors = new List<CaseError>();
        var currency = c.Currency ?? CurrencyCode.Eur;
        var fx = market.Fx;
        var fxOverrides = c.Assumptions?.FxRates ?? new Dictionary<string, double>();
        bool HasRate(CurrencyCode cur) => fx.Has(cur) || fxOverrides.ContainsKey(cur.Value);
        if (!HasRate(currency))
            errors.Add(new("$.currency", $"No exchange rate for {currency}: add assumptions.fxRates.{currency} (euros per unit)."));
        if (c.SchemaVersion is { } version && version != 1)
            errors.Add(new("$.schemaVersion", $"Schema version {version} is not supported: this release reads version 1."));
        var home = c.HomeCountry ?? CountryCode.Parse("BE");
        if (!Known(c, market, home))
            errors.Add(new("$.homeCountry", $"No reference data for home country {home}; known: {Known(market)}."));

        CheckAssumptions(c, market, errors);
        CheckCountryOverrides(c, market, errors);
        if (c.Items.Count == 0) errors.Add(new("$.items", "A case needs at least one item."));
        Duplicates(c.Items.Select(i => i.Id), "$.items", "item id", errors);
        for (var i = 0; i < c.Items.Count; i++)
            CheckItem(c, c.Items[i], $"$.items[{i}]", market, HasRate, errors);
        CheckRanges(c, "$", HasRate, errors);
        errors.AddRange(ChainValidator.Validate(c, market));
        return errors;
    }

    /// <summary>A country is known when the reference data hold it or the case adds it under referenceOverrides.countries.</summary>
    private static bool Known(ReshoringCase c, MarketSnapshot market, CountryCode code) =>
        market.Countries.ContainsKey(code) || c.ReferenceOverrides?.Countries?.ContainsKey(code.Value) == true;

    private static string Known(MarketSnapshot market) => string.Join(", ", market.Countries.Keys.Order().Select(k => k.Value));

    private static void CheckAssumptions(ReshoringCase c, MarketSnapshot market, List<CaseError> errors)
    {
        var a = c.Assumptions;
        if (a is null) return;
        foreach (var key in a.WageGrowthPct?.Keys ?? [])
            if (!CountryCode.TryParse(key, out var code) || !Known(c, market, code))
                errors.Add(new($"$.assumptions.wageGrowthPct.{key}", $"'{key}' is not a country with reference data; known: {Known(market)}."));
        foreach (var key in (a.CurrencyDriftPct?.Keys ?? []).Concat(a.FxRates?.Keys ?? []))
            if (!CurrencyCode.TryParse(key, out _))
                errors.Add(new($"$.assumptions.{(a.FxRates?.ContainsKey(key) == true ? "fxRates" : "currencyDriftPct")}.{key}", $"'{key}' is not an ISO 4217 currency code."));
        foreach (var (name, map) in new[] { ("wageGrowthPct", a.WageGrowthPct), ("currencyDriftPct", a.CurrencyDriftPct) })
            foreach (var (key, v) in map ?? new Dictionary<string, double>())
                if (v is < -50 or > 100) errors.Add(new($"$.assumptions.{name}.{key}", $"{v.ToString(CultureInfo.InvariantCulture)} is out of range: expected a value from -50 to 100 (% per year)."));
        foreach (var (key, v) in a.FxRates ?? new Dictionary<string, double>())
            if (!(v > 0)) errors.Add(new($"$.assumptions.fxRates.{key}", $"An exchange rate must be a positive number of euros per unit, not {v.ToString(CultureInfo.InvariantCulture)}."));
        CheckYearPath(a.FreightIndexPath, "$.assumptions.freightIndexPath", positive: true, errors);
        CheckYearPath(a.EtsPricePath, "$.assumptions.etsPricePath", positive: false, errors);
        CheckYearPath(a.CbamFactorPath, "$.assumptions.cbamFactorPath", positive: false, errors);
        foreach (var (key, v) in a.CbamFactorPath ?? new Dictionary<string, double>())
            if (v > 100) errors.Add(new($"$.assumptions.cbamFactorPath.{key}", $"{v.ToString(CultureInfo.InvariantCulture)} is above 100%: the CBAM factor is the share of free allocation kept."));
    }

    private static void CheckCountryOverrides(ReshoringCase c, MarketSnapshot market, List<CaseError> errors)
    {
        foreach (var (key, o) in c.ReferenceOverrides?.Countries ?? new Dictionary<string, CountryOverride>())
        {
            var path = $"$.referenceOverrides.countries.{key}";
            if (!CountryCode.TryParse(key, out var code) || !IsoCountries.Names.ContainsKey(code.Value))
            {
                errors.Add(new(path, $"'{key}' is not an ISO 3166 alpha-2 country code."));
                continue;
            }
            if (o.Currency is { } cur && !CurrencyCode.TryParse(cur, out _))
                errors.Add(new($"{path}.currency", $"'{cur}' is not an ISO 4217 currency code."));
            if (market.Countries.ContainsKey(code)) continue;
            // A country the bundled data do not hold: the case must say what it needs to be priced and dutied.
            if (o.Currency is null)
                errors.Add(new($"{path}.currency", $"{code} is not in the reference data: give its currency (ISO 4217), e.g. \"USD\"."));
            if (o.TradeRegime is null)
                errors.Add(new($"{path}.tradeRegime", $"{code} is not in the reference data: give its trade regime with the EU (member, customsUnion, fta, eba, gspPlus, gsp or mfn)."));
        }
    }

    private static void CheckYearPath(IReadOnlyDictionary<string, double>? path, string where, bool positive, List<CaseError> errors)
    {
        foreach (var (key, v) in path ?? new Dictionary<string, double>())
        {
            if (!int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 1990 or > 2150)
                errors.Add(new($"{where}.{key}", $"'{key}' is not a calendar year (keys are years such as \"2030\")."));
            if (positive ? !(v > 0) : v < 0)
                errors.Add(new($"{where}.{key}", $"{v.ToString(CultureInfo.InvariantCulture)} is not allowed: the value must be {(positive ? "positive" : "zero or more")}."));
        }
    }

    private static void CheckItem(ReshoringCase c, Item item, string path, MarketSnapshot market, Func<CurrencyCode, bool> hasRate, List<CaseError> errors)
    {
        CheckId(item.Id, $"{path}.id", errors);
        if (item.HsCode is { } hs && (hs.Any(ch => !char.IsAsciiDigit(ch) && ch is not (' ' or '.')) || hs.Count(char.IsAsciiDigit) is < 4 or > 10))
            errors.Add(new($"{path}.hsCode", $"'{hs}' is not an HS or CN code: 4 to 10 digits, optionally with spaces or dots."));
        if (item.Options.Count == 0) errors.Add(new($"{path}.options", "An item needs at least one sourcing option."));
        var statusQuo = item.Options.Count(o => o.Governance == GovernanceModel.StatusQuo);
        if (item.Options.Count > 0 && statusQuo != 1)
            errors.Add(new($"{path}.options", $"Exactly one option must have governance 'statusQuo'; found {statusQuo}."));
        Duplicates(item.Options.Select(o => o.Id), $"{path}.options", "option id", errors);
        if (item.SalvageValuePerUnit is { } s && item.SellingPricePerUnit is { } p && s >= p)
            errors.Add(new($"{path}.salvageValuePerUnit", $"The salvage value ({s.ToString(CultureInfo.InvariantCulture)}) must be below the selling price ({p.ToString(CultureInfo.InvariantCulture)})."));
        for (var i = 0; i < item.Options.Count; i++)
            CheckOption(c, item, item.Options[i], $"{path}.options[{i}]", market, errors);
    }

    private static void CheckOption(ReshoringCase c, Item item, SourcingOption o, string path, MarketSnapshot market, List<CaseError> errors)
    {
        CheckId(o.Id, $"{path}.id", errors);
        if (!Known(c, market, o.Country))
            errors.Add(new($"{path}.country", $"No reference data for country {o.Country}; known: {Known(market)}. Add it under referenceOverrides.countries.{o.Country} (with currency and tradeRegime, and the values you have) or choose a listed country."));
        var legs = o.Logistics?.Legs ?? [];
        for (var i = 0; i < legs.Count; i++)
        {
            var leg = legs[i];
            var lp = $"{path}.logistics.legs[{i}]";
            if (leg.Lane is { } lane && !market.Lanes.ContainsKey(lane))
                errors.Add(new($"{lp}.lane", $"Unknown lane '{lane}'. Lanes from {o.Country}: {string.Join(", ", market.Lanes.Values.Where(l => l.Origin == o.Country).Select(l => l.Id).DefaultIfEmpty("none"))}."));
            if (leg.Lane is null && leg.Mode is null)
                errors.Add(new($"{lp}.mode", "A leg without a lane needs a mode."));
            if (leg.Rate is not null && leg.RateUnit is null && leg.Lane is null)
                errors.Add(new($"{lp}.rateUnit", "A rate needs its rateUnit (perFeu, perKg, perFtl, perTonne, perTonneKm, perShipment or perUnit)."));
            if (leg.PartLoadRateUnit is { } pu && pu is not (RateUnit.PerM3 or RateUnit.PerKg or RateUnit.PerTonne))
                errors.Add(new($"{lp}.partLoadRateUnit", "A part-load rate is per m³ (perM3), per kg (perKg) or per tonne (perTonne)."));
            var legUnit = leg.RateUnit ?? (leg.Lane is { } ln && market.Lanes.TryGetValue(ln, out var laneRow) ? laneRow.RateUnit : null);
            if (leg.PartLoadRate is not null && legUnit is not (RateUnit.PerFeu or RateUnit.PerFtl))
                errors.Add(new($"{lp}.partLoadRate", "A part-load rate applies to a leg priced per container (perFeu) or per truck (perFtl)."));
            if (leg.RateUnit is RateUnit.PerShipment && o.Logistics?.ShipmentsPerYear is null)
                errors.Add(new($"{path}.logistics.shipmentsPerYear", "A per-shipment rate needs shipmentsPerYear."));
        }
        if (o.Logistics?.EmergencyAir is { } air)
        {
            if (air.Lane is { } lane && !market.Lanes.ContainsKey(lane))
                errors.Add(new($"{path}.logistics.emergencyAir.lane", $"Unknown lane '{lane}'."));
            else if (air.Lane is { } l2 && market.Lanes[l2].RateUnit != RateUnit.PerKg)
                errors.Add(new($"{path}.logistics.emergencyAir.lane", $"Lane '{l2}' is not priced per kg: choose an air lane."));
        }
        var oneOffs = o.Transition?.OneOffCosts ?? [];
        for (var i = 0; i < oneOffs.Count; i++)
        {
            var x = oneOffs[i];
            var xp = $"{path}.transition.oneOffCosts[{i}]";
            if (x.Amount is null == (x.Quantity is null || x.UnitCost is null))
                errors.Add(new(xp, "Give either amount, or quantity and unitCost (not both)."));
            if ((x.Year ?? 0) > c.HorizonYears)
                errors.Add(new($"{xp}.year", $"Year {x.Year} is beyond the horizon of {c.HorizonYears} years."));
        }
        var incentives = o.Transition?.Incentives ?? [];
        for (var i = 0; i < incentives.Count; i++)
        {
            var x = incentives[i];
            var xp = $"{path}.transition.incentives[{i}]";
            if (x.Instrument is { } instrumentId)
            {
                if (!market.Instruments.TryGetValue(instrumentId, out var instrument))
                    errors.Add(new($"{xp}.instrument", $"No support instrument '{instrumentId}' in the reference data (reshore instruments lists them: {string.Join(", ", market.Instruments.Keys.Order(StringComparer.Ordinal))})."));
                else
                {
                    if (x.Amount is not null) errors.Add(new($"{xp}.amount", $"Give either an amount or an instrument: the amount of '{instrumentId}' is its intensity × the eligible cost."));
                    if (x.Type != instrument.Type) errors.Add(new($"{xp}.type", $"'{instrumentId}' is a {JsonName(instrument.Type.ToString())}, not a {JsonName(x.Type.ToString())}."));
                    if (c.Support?.FirmSize is null && !errors.Any(e => e.Path == "$.support.firmSize")) errors.Add(new("$.support.firmSize", $"Instrument '{instrumentId}' ({xp}) sets its intensity by firm size: give support.firmSize (small, medium or large)."));
                    if (x.EligibleCost is { } ec && ec.Amount < 0) errors.Add(new($"{xp}.eligibleCost", "The eligible cost cannot be negative."));
                }
            }
            else if (x.EligibleCost is not null)
                errors.Add(new($"{xp}.eligibleCost", "An eligible cost goes with an instrument: give instrument too, or leave eligibleCost out."));
            else if (x.Type == IncentiveType.SubsidisedLoan)
            {
                if (x.Principal is null) errors.Add(new($"{xp}.principal", "A subsidised loan needs its principal."));
                if (x.LoanRatePct is null) errors.Add(new($"{xp}.loanRatePct", "A subsidised loan needs its interest rate."));
                if (x.TermYears is null) errors.Add(new($"{xp}.termYears", "A subsidised loan needs its term in years."));
            }
            else if (x.Amount is null) errors.Add(new($"{xp}.amount", $"A {x.Type} needs an amount."));
            if ((x.Year ?? 0) > c.HorizonYears)
                errors.Add(new($"{xp}.year", $"Year {x.Year} is beyond the horizon of {c.HorizonYears} years."));
        }
        static string JsonName(string name) => char.ToLowerInvariant(name[0]) + name[1..];
        if (o.Production?.LabourHoursBasis == LabourHoursBasis.HomeStandard && o.Production.LabourCostPerHour is null && !Known(c, market, c.HomeCountry ?? CountryCode.Parse("BE")))
            errors.Add(new($"{path}.production.labourHoursBasis", "homeStandard hours need the home country's productivity index."));
        CheckDutySchedule(c, o.Trade?.DutySchedule ?? [], $"{path}.trade.dutySchedule", errors);
        var others = o.OtherCosts ?? [];
        for (var i = 0; i < others.Count; i++)
            if (others[i].PerUnit is null && others[i].PerYear is null)
                errors.Add(new($"{path}.otherCosts[{i}]", "Give perUnit, perYear or both."));
        // A line's id is the slug of its name: two lines of one option with the same slug would be one line in the tables
        // and two in the totals.
        foreach (var same in others.Select((x, i) => (Slug: CostFactorCatalog.Slug(x.Name), Index: i)).GroupBy(x => x.Slug).Where(g => g.Count() > 1))
        {
            var first = same.First().Index;
            foreach (var dup in same.Skip(1))
                errors.Add(new($"{path}.otherCosts[{dup.Index}].name", $"'{others[dup.Index].Name}' has the same name as otherCosts[{first}] ('{others[first].Name}'): give each line of an option its own name, or add the amounts into one line."));
        }
    }

    /// <summary>Each entry spans at least one year of the horizon, and no two entries set the same duty in the same year.</summary>
    private static void CheckDutySchedule(ReshoringCase c, IReadOnlyList<DutyScheduleEntry> schedule, string path, List<CaseError> errors)
    {
        var first = c.BaseYear;
        var last = c.BaseYear + c.HorizonYears - 1;
        for (var i = 0; i < schedule.Count; i++)
        {
            var e = schedule[i];
            var ep = $"{path}[{i}]";
            var from = e.FromYear ?? first;
            var until = e.UntilYear ?? last;
            if (e.FromYear is { } f && e.UntilYear is { } u && u < f)
            {
                errors.Add(new($"{ep}.untilYear", $"untilYear {u} is before fromYear {f}."));
                continue;
            }
            if (until < first || from > last)
                errors.Add(new(ep, $"The entry covers {from}–{until}, outside the horizon {first}–{last} (baseYear and horizonYears)."));
            for (var j = 0; j < i; j++)
            {
                var o = schedule[j];
                if (o.Duty != e.Duty) continue;
                var oFrom = o.FromYear ?? first;
                var oUntil = o.UntilYear ?? last;
                if (from <= oUntil && oFrom <= until)
                    errors.Add(new(ep, $"Overlaps {path}[{j}]: both set {JsonName(e.Duty.ToString())} in {Math.Max(from, oFrom)}–{Math.Min(until, oUntil)}. Give each year one rate."));
            }
        }
    }

    private static void CheckId(string id, string path, List<CaseError> errors)
    {
        if (string.IsNullOrWhiteSpace(id) || !id.All(ch => char.IsLetterOrDigit(ch) || ch is '-' or '_' or '.'))
            errors.Add(new(path, $"'{id}' is not a valid id: use letters, digits, '-', '_' or '.'."));
    }

    private static void Duplicates(IEnumerable<string> ids, string path, string what, List<CaseError> errors)
    {
        foreach (var g in ids.GroupBy(x => x, StringComparer.Ordinal).Where(g => g.Count() > 1))
            errors.Add(new(path, $"Duplicate {what} '{g.Key}'."));
    }

    /// <summary>Checks every [Range], and every money amount for sign and a known exchange rate.</summary>
    private static void CheckRanges(object root, string rootPath, Func<CurrencyCode, bool> hasRate, List<CaseError> errors) =>
        Walk(root, rootPath, (prop, value, path) =>
        {
            if (prop.Range is { } range)
            {
                // A money field's range is on its amount (a Money is not IConvertible).
                var d = value is Money money ? money.Amount : Convert.ToDouble(value, CultureInfo.InvariantCulture);
                var min = Convert.ToDouble(range.Minimum, CultureInfo.InvariantCulture);
                var max = Convert.ToDouble(range.Maximum, CultureInfo.InvariantCulture);
                if (!double.IsFinite(d) || d < min || d > max)
                    errors.Add(new(path, $"{d.ToString(CultureInfo.InvariantCulture)} is out of range: expected a value from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}."));
            }
            if (value is Money m)
            {
                if (m.Amount < 0 || !double.IsFinite(m.Amount))
                    errors.Add(new(path, $"{m} is negative: amounts must be zero or more."));
                else if (!hasRate(m.Currency))
                    errors.Add(new(path, $"No exchange rate for {m.Currency}: add assumptions.fxRates.{m.Currency} (euros per unit)."));
            }
        });

    /// <summary>Visits every non-null property of the domain records below <paramref name="obj"/>, with its JSON path.</summary>
    private static void Walk(object? obj, string path, Action<WalkedProperty, object, string> visit)
    {
        // Dictionaries of records (or of dictionaries of records, as scorecard judgements are) are walked entry by entry.
        if (obj is IDictionary nested)
        {
            foreach (DictionaryEntry e in nested) Walk(e.Value, $"{path}.{e.Key}", visit);
            return;
        }
        if (obj is null || obj.GetType().Namespace != typeof(ReshoringCase).Namespace) return;
        foreach (var prop in PropertiesOf(obj.GetType()))
        {
            if (prop.Info.GetValue(obj) is not { } value) continue;
            var propPath = $"{path}.{prop.JsonName}";
            visit(prop, value, propPath);
            switch (value)
            {
                case IDictionary dict:
                    foreach (DictionaryEntry e in dict) Walk(e.Value, $"{propPath}.{e.Key}", visit);
                    break;
                case IEnumerable list and not string:
                    var i = 0;
                    foreach (var element in list) Walk(element, $"{propPath}[{i++}]", visit);
                    break;
                default:
                    Walk(value, propPath, visit);
                    break;
            }
        }
    }

    /// <summary>A record's property as <see cref="Walk"/> visits it: its field name and range, read once per type.</summary>
    private sealed record WalkedProperty(PropertyInfo Info, string JsonName, RangeAttribute? Range);

    // Reflection over properties and their attributes is slow on first use (in a native build most of all), and a case holds many
    // records of one type: each type is read once per process.
    private static readonly ConcurrentDictionary<Type, WalkedProperty[]> Properties = new();

    private static WalkedProperty[] PropertiesOf(Type type) => Properties.GetOrAdd(type, static t =>
        t.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => new WalkedProperty(p, JsonName(p.Name), p.GetCustomAttribute<RangeAttribute>())).ToArray());

    /// <summary>camelCase of a property name.</summary>
    public static string JsonName(string propertyName) => char.ToLowerInvariant(propertyName[0]) + propertyName[1..];
}
