using System.Globalization;
using System.Text.Json.Serialization;
using Reshore.Core.Domain;
using Reshore.Core.Values;

namespace Reshore.Core.MarketData;

/// <summary>
/// A value someone added to or changed in the reference data outside the bundled files (a workspace of the web app),
/// with where it comes from: every entry carries its source and reference year, and every value it sets is shown with
/// "workspace: …" in front of that source.
/// </summary>
public abstract record ReferenceEntry
{
    /// <summary>Where the values come from (publisher, dataset, address, or "own measurement"). Required.</summary>
    public required string Source { get; init; }
    /// <summary>Reference year of the values. Required.</summary>
    public required int Year { get; init; }
    /// <summary>The key of the entry (country code, lane id, HS code and origin).</summary>
    [JsonIgnore]
    public abstract string Key { get; }
    /// <summary>The problems with the entry as (field, message); empty when it can be applied.</summary>
    public abstract IEnumerable<(string Field, string Message)> Problems(MarketSnapshot bundled);

    /// <summary>Checks shared by every entry: a source and a plausible year.</summary>
    protected IEnumerable<(string Field, string Message)> SourceProblems()
    {
        if (string.IsNullOrWhiteSpace(Source)) yield return ("source", "give the source of the values (publisher, dataset, address or 'own measurement')");
        else if (Source.Length > 1000) yield return ("source", "at most 1,000 characters");
        if (Year is < 1990 or > 2100) yield return ("year", "must be a year between 1990 and 2100");
    }

    /// <summary>A range check that also fails NaN and infinity.</summary>
    protected static IEnumerable<(string Field, string Message)> Range(string field, double? value, double min, double max, string unit)
    {
        if (value is { } v && !(v >= min && v <= max))
            yield return (field, $"must be between {min.ToString("0.###", CultureInfo.InvariantCulture)} and {max.ToString("0.###", CultureInfo.InvariantCulture)} {unit}");
    }
}

/// <summary>A country's reference values (EUR): changes a bundled country, or adds one (then name, currency and trade regime are required).</summary>
public sealed record CountryEntry : ReferenceEntry
{
    /// <summary>ISO alpha-2 code.</summary>
    public required string Code { get; init; }
    /// <summary>Name (required for a new country).</summary>
    public string? Name { get; init; }
    /// <summary>Currency, ISO 4217 (required for a new country).</summary>
    public string? Currency { get; init; }
    /// <summary>Trade regime with the EU (required for a new country).</summary>
    public EuTradeRegime? TradeRegime { get; init; }
    /// <summary>Employer labour cost per hour worked, EUR.</summary>
    public double? LabourCostEurPerHour { get; init; }
    /// <summary>What the labour cost covers.</summary>
    public string? LabourCostScope { get; init; }
    /// <summary>Wage growth, % per year (a trend in euros).</summary>
    public double? WageGrowthPct { get; init; }
    /// <summary>Productivity index, Belgium = 100.</summary>
    public double? ProductivityIndex { get; init; }
    /// <summary>Industrial electricity, EUR per kWh (replaces the band prices).</summary>
    public double? ElectricityEurPerKwh { get; init; }
    /// <summary>Grid intensity, g CO2e per kWh.</summary>
    public double? GridGCo2ePerKwh { get; init; }

    /// <inheritdoc />
    [JsonIgnore]
    public override string Key => Code.ToUpperInvariant();

    /// <inheritdoc />
    public override IEnumerable<(string Field, string Message)> Problems(MarketSnapshot bundled)
    {
        foreach (var p in SourceProblems()) yield return p;
        if (!CountryCode.TryParse(Code, out var code)) { yield return ("code", "must be an ISO 3166 alpha-2 code such as SN"); yield break; }
        if (Currency is not null && !CurrencyCode.TryParse(Currency, out _)) yield return ("currency", "must be an ISO 4217 code such as XOF");
        if (!bundled.Countries.ContainsKey(code))
        {
            if (string.IsNullOrWhiteSpace(Name)) yield return ("name", $"{code} is not in the reference data: give its name");
            if (Currency is null) yield return ("currency", $"{code} is not in the reference data: give its currency");
            if (TradeRegime is null) yield return ("tradeRegime", $"{code} is not in the reference data: give its trade regime with the EU");
        }
        if (LabourCostEurPerHour is null && WageGrowthPct is null && ProductivityIndex is null && ElectricityEurPerKwh is null && GridGCo2ePerKwh is null
            && bundled.Countries.ContainsKey(code))
            yield return ("$", "give at least one value to change");
        foreach (var p in Range("labourCostEurPerHour", LabourCostEurPerHour, 0, 1000, "EUR/h")) yield return p;
        foreach (var p in Range("wageGrowthPct", WageGrowthPct, -50, 100, "%/yr")) yield return p;
        foreach (var p in Range("productivityIndex", ProductivityIndex, 0.1, 1000, "(BE = 100)")) yield return p;
        foreach (var p in Range("electricityEurPerKwh", ElectricityEurPerKwh, 0, 10, "EUR/kWh")) yield return p;
        foreach (var p in Range("gridGCo2ePerKwh", GridGCo2ePerKwh, 0, 2000, "g CO2e/kWh")) yield return p;
    }
}

/// <summary>A transport lane: changes a bundled lane (same id) or adds one.</summary>
public sealed record LaneEntry : ReferenceEntry
{
    /// <summary>Lane id, e.g. SN-SEA-DAKAR.</summary>
    public required string Id { get; init; }
    /// <summary>Origin country.</summary>
    public required string Origin { get; init; }
    /// <summary>Origin place.</summary>
    public required string OriginPlace { get; init; }
    /// <summary>Destination place (default Antwerp).</summary>
    public string? DestinationPlace { get; init; }
    /// <summary>Mode: sea, sea_short, rail, rail_cn_eu, road, air, air_short, inland_waterway.</summary>
    public required string Mode { get; init; }
    /// <summary>Distance, km.</summary>
    public required double DistanceKm { get; init; }
    /// <summary>Transit, days.</summary>
    public required double TransitDays { get; init; }
    /// <summary>Rate, in <see cref="RateCurrency"/> per <see cref="RateUnit"/>; null when not known.</summary>
    public double? Rate { get; init; }
    /// <summary>Currency of the rate.</summary>
    public string RateCurrency { get; init; } = "EUR";
    /// <summary>per_feu, per_kg, per_ftl or per_tonne.</summary>
    public string RateUnit { get; init; } = "per_feu";
    /// <summary>Default lane of its origin and mode.</summary>
    public bool IsDefault { get; init; }
    /// <summary>Emission factor id of emission_factors.csv; default: the mode's.</summary>
    public string? EmissionFactorId { get; init; }

    /// <inheritdoc />
    [JsonIgnore]
    public override string Key => Id;

    /// <summary>The transport modes of the reference files.</summary>
    public static IReadOnlyDictionary<string, TransportMode> Modes { get; } = new Dictionary<string, TransportMode>
    {
        ["sea"] = TransportMode.Sea, ["sea_short"] = TransportMode.SeaShort, ["rail"] = TransportMode.Rail, ["rail_cn_eu"] = TransportMode.RailChinaEurope,
        ["road"] = TransportMode.Road, ["air"] = TransportMode.Air, ["air_short"] = TransportMode.AirShort, ["inland_waterway"] = TransportMode.InlandWaterway,
    };

    /// <summary>The rate units of the reference files.</summary>
    public static IReadOnlyDictionary<string, Domain.RateUnit> Units { get; } = new Dictionary<string, Domain.RateUnit>
    {
        ["per_feu"] = Domain.RateUnit.PerFeu, ["per_kg"] = Domain.RateUnit.PerKg, ["per_ftl"] = Domain.RateUnit.PerFtl, ["per_tonne"] = Domain.RateUnit.PerTonne,
    };

    /// <inheritdoc />
    public override IEnumerable<(string Field, string Message)> Problems(MarketSnapshot bundled)
    {
        foreach (var p in SourceProblems()) yield return p;
        if (string.IsNullOrWhiteSpace(Id) || Id.Length > 64 || Id.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_')))
            yield return ("id", "letters, digits, '-' and '_' only, at most 64 characters (e.g. SN-SEA-DAKAR)");
        if (!CountryCode.TryParse(Origin, out _)) yield return ("origin", "must be an ISO 3166 alpha-2 code");
        if (string.IsNullOrWhiteSpace(OriginPlace)) yield return ("originPlace", "give the origin place");
        if (!Modes.ContainsKey(Mode)) yield return ("mode", $"must be one of {string.Join(", ", Modes.Keys)}");
        if (!Units.ContainsKey(RateUnit)) yield return ("rateUnit", $"must be one of {string.Join(", ", Units.Keys)}");
        if (!CurrencyCode.TryParse(RateCurrency, out var cur)) yield return ("rateCurrency", "must be an ISO 4217 code");
        else if (Rate is not null && !bundled.Fx.Has(cur)) yield return ("rateCurrency", $"the reference data hold no exchange rate for {RateCurrency}");
        foreach (var p in Range("distanceKm", DistanceKm, 1, 40_000, "km")) yield return p;
        foreach (var p in Range("transitDays", TransitDays, 0.1, 120, "days")) yield return p;
        foreach (var p in Range("rate", Rate, 0, 100_000, RateUnit)) yield return p;
        if (EmissionFactorId is { } f && bundled.EmissionFactors.All(e => e.Id != f)) yield return ("emissionFactorId", $"'{f}' is not an emission factor of the reference data");
    }
}

/// <summary>An EU duty for an HS/CN code (optionally for one origin): changes the row of the same code and origin, or adds one.</summary>
public sealed record TariffRowEntry : ReferenceEntry
{
    /// <summary>HS/CN code, 2 to 10 digits (spaces and dots are ignored).</summary>
    public required string HsCode { get; init; }
    /// <summary>Description.</summary>
    public string? Description { get; init; }
    /// <summary>MFN (conventional) duty, % ad valorem.</summary>
    public required double MfnDutyPct { get; init; }
    /// <summary>Origin for an extra duty (anti-dumping, countervailing); null for the erga-omnes row.</summary>
    public string? Origin { get; init; }
    /// <summary>Extra duty for that origin, %.</summary>
    public double? ExtraDutyPct { get; init; }
    /// <summary>The measure (regulation) of the extra duty.</summary>
    public string? Measure { get; init; }

    /// <summary>The digits of the code.</summary>
    [JsonIgnore]
    public string Digits => new(HsCode.Where(char.IsAsciiDigit).ToArray());

    /// <inheritdoc />
    [JsonIgnore]
    public override string Key => Origin is { Length: > 0 } o ? $"{Digits}-{o.ToUpperInvariant()}" : Digits;

    /// <inheritdoc />
    public override IEnumerable<(string Field, string Message)> Problems(MarketSnapshot bundled)
    {
        foreach (var p in SourceProblems()) yield return p;
        if (Digits.Length is < 2 or > 10 || HsCode.Any(c => !(char.IsAsciiDigit(c) || c is ' ' or '.')))
            yield return ("hsCode", "2 to 10 digits (spaces and dots allowed), e.g. 8539 52");
        if (Origin is { Length: > 0 } o && !CountryCode.TryParse(o, out _)) yield return ("origin", "must be an ISO 3166 alpha-2 code");
        if (ExtraDutyPct is not null && Origin is not { Length: > 0 }) yield return ("origin", "an extra duty applies to one origin: give it");
        foreach (var p in Range("mfnDutyPct", MfnDutyPct, 0, 100, "%")) yield return p;
        foreach (var p in Range("extraDutyPct", ExtraDutyPct, 0, 500, "%")) yield return p;
    }
}

/// <summary>Applies reference entries to a market snapshot: pure, the bundled snapshot is not changed.</summary>
public static class ReferenceOverlay
{
    /// <summary>
    /// The snapshot with <paramref name="entries"/> applied in order. Values an entry leaves out keep the bundled value;
    /// every value it sets carries the source "<paramref name="label"/>: {entry source}" and the entry's year. Entries with
    /// problems must be refused before (see <see cref="ReferenceEntry.Problems"/>); this method assumes they have none.
    /// </summary>
    public static MarketSnapshot Apply(MarketSnapshot market, IEnumerable<ReferenceEntry> entries, string label = "workspace")
    {
        var list = entries.ToList();
        if (list.Count == 0) return market;
        var countries = new Dictionary<CountryCode, CountryProfile>(market.Countries);
        var lanes = new Dictionary<string, Lane>(market.Lanes, StringComparer.Ordinal);
        var tariffs = market.Tariffs.ToList();
        foreach (var entry in list)
        {
            SourcedValue? V(double? value) => value is { } v ? new SourcedValue(v, $"{label}: {entry.Source}", entry.Year) : null;
            switch (entry)
            {
                case CountryEntry c:
                {
                    var code = CountryCode.Parse(c.Code);
                    var p = countries.TryGetValue(code, out var bundled) ? bundled : new CountryProfile
                    {
                        Code = code,
                        Name = c.Name!.Trim(),
                        Currency = CurrencyCode.Parse(c.Currency!),
                        EuMember = c.TradeRegime == EuTradeRegime.Member,
                        TradeRegime = c.TradeRegime!.Value,
                        TradeAgreement = $"{label}: {entry.Source}",
                    };
                    countries[code] = p with
                    {
                        Name = string.IsNullOrWhiteSpace(c.Name) ? p.Name : c.Name.Trim(),
                        Currency = c.Currency is { } cur ? CurrencyCode.Parse(cur) : p.Currency,
                        TradeRegime = c.TradeRegime ?? p.TradeRegime,
                        EuMember = c.TradeRegime is { } r ? r == EuTradeRegime.Member : p.EuMember,
                        LabourCostEurPerHour = V(c.LabourCostEurPerHour) ?? p.LabourCostEurPerHour,
                        LabourCostScope = c.LabourCostEurPerHour is not null ? c.LabourCostScope ?? $"as given by the {label}" : p.LabourCostScope,
                        WageGrowthPct = V(c.WageGrowthPct) ?? p.WageGrowthPct,
                        ProductivityIndex = V(c.ProductivityIndex) ?? p.ProductivityIndex,
                        ElectricityEurPerKwh = V(c.ElectricityEurPerKwh) ?? p.ElectricityEurPerKwh,
                        // One price given for the country applies to every consumption band.
                        ElectricityBands = c.ElectricityEurPerKwh is not null ? [] : p.ElectricityBands,
                        GridGCo2ePerKwh = V(c.GridGCo2ePerKwh) ?? p.GridGCo2ePerKwh,
                    };
                    break;
                }
                case LaneEntry l:
                {
                    var source = $"{label}: {entry.Source}";
                    lanes[l.Id] = new Lane
                    {
                        Id = l.Id,
                        Origin = CountryCode.Parse(l.Origin),
                        OriginPlace = l.OriginPlace.Trim(),
                        DestinationPlace = string.IsNullOrWhiteSpace(l.DestinationPlace) ? "Antwerp (BE)" : l.DestinationPlace.Trim(),
                        Mode = LaneEntry.Modes[l.Mode],
                        DistanceKm = new SourcedValue(l.DistanceKm, source, entry.Year),
                        TransitDays = new SourcedValue(l.TransitDays, source, entry.Year),
                        Rate = V(l.Rate),
                        RateCurrency = CurrencyCode.Parse(l.RateCurrency),
                        RateUnit = LaneEntry.Units[l.RateUnit],
                        IsDefault = l.IsDefault,
                        EmissionFactorId = string.IsNullOrWhiteSpace(l.EmissionFactorId) ? null : l.EmissionFactorId,
                    };
                    break;
                }
                case TariffRowEntry t:
                {
                    CountryCode? origin = t.Origin is { Length: > 0 } o ? CountryCode.Parse(o) : null;
                    var digits = t.Digits;
                    var existing = tariffs.FindIndex(x => x.HsPrefix == digits && x.Origin == origin);
                    var row = new TariffEntry
                    {
                        HsPrefix = digits,
                        Description = t.Description ?? (existing >= 0 ? tariffs[existing].Description : digits),
                        MfnDutyPct = V(t.MfnDutyPct)!,
                        Origin = origin,
                        ExtraDutyPct = V(t.ExtraDutyPct),
                        Measure = t.Measure,
                    };
                    if (existing >= 0) tariffs[existing] = row;
                    else tariffs.Add(row);
                    break;
                }
            }
        }
        return market with { Countries = countries, Lanes = lanes, Tariffs = tariffs };
    }
}
