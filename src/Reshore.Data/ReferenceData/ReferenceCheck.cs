using System.Globalization;
using Reshore.Core.Domain;
using Reshore.Core.MarketData;
using Reshore.Core.Values;

namespace Reshore.Data.ReferenceData;

/// <summary>How serious a finding is: errors fail the check, warnings are listed (missing, stale, proxy or narrow-scope values).</summary>
public enum FindingSeverity
{
    /// <summary>A value outside its bounds, a broken reference or a placeholder: the data set must not ship.</summary>
    Error,
    /// <summary>Worth knowing: a value missing (it will be "not assessed"), older than the stale limit, or of a narrower scope than the field's.</summary>
    Warning,
}

/// <summary>One finding of a reference-data check.</summary>
/// <param name="Severity">Error or warning.</param>
/// <param name="Check">Name of the check that found it.</param>
/// <param name="File">CSV file the value lives in.</param>
/// <param name="Key">Row key (country code, lane id, factor id, year).</param>
/// <param name="Field">Column or field.</param>
/// <param name="Message">What is wrong and what to do.</param>
public sealed record ReferenceFinding(FindingSeverity Severity, string Check, string File, string Key, string Field, string Message);

/// <summary>What a check may use besides the data set: the date values are judged against.</summary>
/// <param name="AsOfYear">Year of the data set (dataset.csv as_of).</param>
/// <param name="StaleYears">Values whose year is older than AsOfYear − StaleYears are listed as stale.</param>
public sealed record ReferenceCheckOptions(int AsOfYear, int StaleYears = 3);

/// <summary>
/// A check of a reference data set. Checks are independent and pluggable: the tariff data, for instance, bring their own
/// (<see cref="ReferenceChecker.Run"/> takes any list).
/// </summary>
public interface IReferenceCheck
{
    /// <summary>Short name shown with each finding.</summary>
    string Name { get; }

    /// <summary>The findings for <paramref name="market"/>.</summary>
    IEnumerable<ReferenceFinding> Check(MarketSnapshot market, ReferenceCheckOptions options);
}

/// <summary>The outcome of running checks over a data set.</summary>
/// <param name="Findings">All findings, errors first.</param>
public sealed record ReferenceCheckReport(IReadOnlyList<ReferenceFinding> Findings)
{
    /// <summary>Errors.</summary>
    public int Errors => Findings.Count(f => f.Severity == FindingSeverity.Error);
    /// <summary>Warnings.</summary>
    public int Warnings => Findings.Count(f => f.Severity == FindingSeverity.Warning);
    /// <summary>True when no check found an error.</summary>
    public bool Passed => Errors == 0;
}

/// <summary>Runs reference-data checks: bounds per field, cross-checks, missing and stale values, placeholders.</summary>
public static class ReferenceChecker
{
    /// <summary>The checks run by <c>reshore reference check</c>.</summary>
    public static IReadOnlyList<IReferenceCheck> Default { get; } =
        [new CountryCheck(), new EnergyPriceCheck(), new LaneCheck(), new EmissionFactorCheck(), new CarbonPriceCheck(), new FxCheck(), new TariffBoundsCheck(), new PlaceholderCheck()];

    /// <summary>Runs <paramref name="checks"/> (default: <see cref="Default"/>) over <paramref name="market"/>.</summary>
    public static ReferenceCheckReport Run(MarketSnapshot market, IEnumerable<IReferenceCheck>? checks = null, int staleYears = 3)
    {
        var options = new ReferenceCheckOptions(market.AsOf.Year, staleYears);
        var findings = (checks ?? Default).SelectMany(c => c.Check(market, options))
            .OrderBy(f => f.Severity).ThenBy(f => f.File, StringComparer.Ordinal).ThenBy(f => f.Key, StringComparer.Ordinal).ThenBy(f => f.Field, StringComparer.Ordinal)
            .ToList();
        return new ReferenceCheckReport(findings);
    }

    internal static string Num(double v) => v.ToString("0.####", CultureInfo.InvariantCulture);
}

/// <summary>Shared helpers for checks of sourced values.</summary>
public abstract class SourcedValueCheck : IReferenceCheck
{
    /// <inheritdoc />
    public abstract string Name { get; }

    /// <inheritdoc />
    public abstract IEnumerable<ReferenceFinding> Check(MarketSnapshot market, ReferenceCheckOptions options);

    /// <summary>Findings for one value: missing (warning, with what to provide), out of [min, max] (error), stale or without a year or source (warning/error).</summary>
    protected IEnumerable<ReferenceFinding> Value(string file, string key, string field, SourcedValue? v, double min, double max, string unit, ReferenceCheckOptions o, string? ifMissing = null)
    {
        if (v is null)
        {
            if (ifMissing is not null) yield return new(FindingSeverity.Warning, Name, file, key, field, $"missing: not assessed in evaluations; {ifMissing}");
            yield break;
        }
        if (!double.IsFinite(v.Value) || v.Value < min || v.Value > max)
            yield return new(FindingSeverity.Error, Name, file, key, field, $"{ReferenceChecker.Num(v.Value)} {unit} is outside the plausible range {ReferenceChecker.Num(min)}–{ReferenceChecker.Num(max)} {unit}.");
        if (string.IsNullOrWhiteSpace(v.Source))
            yield return new(FindingSeverity.Error, Name, file, key, field, "no source.");
        if (v.Year is not { } year)
            yield return new(FindingSeverity.Warning, Name, file, key, field, "no reference year.");
        else if (year < o.AsOfYear - o.StaleYears)
            yield return new(FindingSeverity.Warning, Name, file, key, field, $"stale: {year} is more than {o.StaleYears} years before the data set's {o.AsOfYear}.");
    }
}

/// <summary>Country rows: bounds per field, labour-cost ordering within the EU, scope of labour cost and productivity, missing values.</summary>
public sealed class CountryCheck : SourcedValueCheck
{
    /// <summary>Eurostat lc_lci_lev 2024, whole economy: lowest (Bulgaria 10.6) and highest (Luxembourg 55.2) EU hourly labour cost, EUR.</summary>
    public const double EuLowest2024 = 10.6, EuHighest2024 = 55.2;

    /// <inheritdoc />
    public override string Name => "countries";

    /// <inheritdoc />
    public override IEnumerable<ReferenceFinding> Check(MarketSnapshot market, ReferenceCheckOptions o)
    {
        const string f = "countries.csv";
        foreach (var c in market.Countries.Values.OrderBy(c => c.Code.Value, StringComparer.Ordinal))
        {
            var k = c.Code.Value;
            var findings = Value(f, k, "labour_cost_eur_per_hour", c.LabourCostEurPerHour, 0.3, 120, "EUR/h", o, $"give referenceOverrides.countries.{k}.labourCostPerHour or production.labourCostPerHour in a case")
                .Concat(Value(f, k, "wage_growth_pct", c.WageGrowthPct, -5, 15, "%/yr", o, $"give assumptions.wageGrowthPct.{k}"))
                .Concat(Value(f, k, "productivity_index", c.ProductivityIndex, 1, 400, "(BE = 100)", o, $"give referenceOverrides.countries.{k}.productivityIndex for homeStandard labour hours"))
                .Concat(Value(f, k, "electricity_eur_per_kwh", c.ElectricityEurPerKwh, 0.01, 0.6, "EUR/kWh", o,
                    c.ElectricityBands.Count > 0 ? null : $"give production.electricityPricePerKwh or referenceOverrides.countries.{k}.electricityPricePerKwh"))
                .Concat(Value(f, k, "grid_gco2e_per_kwh", c.GridGCo2ePerKwh, 0, 1300, "g CO2e/kWh", o, $"give referenceOverrides.countries.{k}.gridIntensityGPerKwh"));
            foreach (var x in findings) yield return x;
            if (c.LabourCostEurPerHour is { } w)
            {
                var scope = c.LabourCostScope ?? "";
                if (!scope.Contains("manufacturing", StringComparison.OrdinalIgnoreCase) || scope.Contains("NOT manufacturing", StringComparison.OrdinalIgnoreCase))
                    yield return new(FindingSeverity.Warning, Name, f, k, "labour_cost_scope", $"scope is not manufacturing: {scope}");
                if (scope.Contains("wages only", StringComparison.OrdinalIgnoreCase) || scope.Contains("only (excl. employer", StringComparison.OrdinalIgnoreCase) || scope.Contains("minimum", StringComparison.OrdinalIgnoreCase))
                    yield return new(FindingSeverity.Warning, Name, f, k, "labour_cost_scope", "wages only, not employer cost: understates the labour cost.");
                // Ordering within the EU: an EU member's hourly labour cost lies within Eurostat's published EU range, widened by a quarter for sector differences.
                if (c.EuMember && (w.Value < EuLowest2024 * 0.75 || w.Value > EuHighest2024 * 1.25))
                    yield return new(FindingSeverity.Error, Name, f, k, "labour_cost_eur_per_hour",
                        $"{ReferenceChecker.Num(w.Value)} EUR/h breaks the EU ordering: Eurostat's 2024 range runs from {EuLowest2024} (Bulgaria) to {EuHighest2024} (Luxembourg) EUR/h (±25 % allowed for sector differences).");
                if (!c.EuMember && c.Code.Value is not ("NO" or "IS" or "CH" or "US" or "CA" or "JP" or "GB") && w.Value > EuHighest2024)
                    yield return new(FindingSeverity.Error, Name, f, k, "labour_cost_eur_per_hour", $"{ReferenceChecker.Num(w.Value)} EUR/h is above the highest EU level ({EuHighest2024}) for a country outside the high-wage group.");
            }
            if (c.ProductivityIndex is { Source: var ps } && ps.Contains("WHOLE ECONOMY", StringComparison.OrdinalIgnoreCase))
                yield return new(FindingSeverity.Warning, Name, f, k, "productivity_scope", "productivity is whole-economy GDP per hour, not manufacturing.");
            if (c.WageGrowthPct is { Source: var gs } && gs.Contains("PROXY", StringComparison.Ordinal))
                yield return new(FindingSeverity.Warning, Name, f, k, "wage_growth_pct", "the trend is the EU-27 proxy, not the country's own.");
        }
    }
}

/// <summary>Industrial electricity and gas by band: Eurostat's range, one price per band, bands ordered.</summary>
public sealed class EnergyPriceCheck : SourcedValueCheck
{
    /// <inheritdoc />
    public override string Name => "energy";

    /// <inheritdoc />
    public override IEnumerable<ReferenceFinding> Check(MarketSnapshot market, ReferenceCheckOptions o)
    {
        const string f = "energy_prices.csv";
        var electricity = market.Countries.Values.SelectMany(c => c.ElectricityBands).Select(b => b.Price.Value).ToList();
        foreach (var c in market.Countries.Values.OrderBy(c => c.Code.Value, StringComparer.Ordinal))
        {
            var k = c.Code.Value;
            foreach (var (bands, carrier, max) in new[] { (c.ElectricityBands, "electricity", 0.6), (c.GasBands, "gas", 0.3) })
            {
                foreach (var dup in bands.GroupBy(b => b.Band).Where(g => g.Count() > 1))
                    yield return new(FindingSeverity.Error, Name, f, k, $"{carrier} {dup.Key}", "more than one price for the band.");
                foreach (var b in bands)
                    foreach (var x in Value(f, k, $"{carrier} {b.Band}", b.Price, 0.005, max, "EUR/kWh", o)) yield return x;
            }
            if (c.ElectricityBands.Count is > 0 and < 3)
                yield return new(FindingSeverity.Warning, Name, f, k, "electricity", $"only {c.ElectricityBands.Count} consumption band(s) published.");
            // A single national price (no bands) is compared with the span of Eurostat's band prices in the same data set.
            if (c.ElectricityBands.Count == 0 && c.ElectricityEurPerKwh is { } single && electricity.Count > 0 && (single.Value < electricity.Min() * 0.5 || single.Value > electricity.Max() * 1.5))
                yield return new(FindingSeverity.Warning, Name, "countries.csv", k, "electricity_eur_per_kwh",
                    $"{ReferenceChecker.Num(single.Value)} EUR/kWh is far outside Eurostat's band prices in this data set ({ReferenceChecker.Num(electricity.Min())}–{ReferenceChecker.Num(electricity.Max())}).");
        }
    }
}

/// <summary>Lanes: positive distance and transit, sourced rates, realistic road rates per km, emission factors that exist and fit the mode.</summary>
public sealed class LaneCheck : SourcedValueCheck
{
    /// <summary>Plausible full-truck-load rates in Europe, EUR per km (Upply/Ti/IRU benchmark contract rates are about 1.1–1.6).</summary>
    public const double RoadMinEurPerKm = 0.9, RoadMaxEurPerKm = 3.5;

    /// <inheritdoc />
    public override string Name => "lanes";

    /// <inheritdoc />
    public override IEnumerable<ReferenceFinding> Check(MarketSnapshot market, ReferenceCheckOptions o)
    {
        const string f = "lanes.csv";
        foreach (var l in market.Lanes.Values.OrderBy(l => l.Id, StringComparer.Ordinal))
        {
            foreach (var x in Value(f, l.Id, "distance_km", l.DistanceKm, 1, 40_000, "km", o)) yield return x;
            foreach (var x in Value(f, l.Id, "transit_days", l.TransitDays, 0.1, 90, "days", o)) yield return x;
            var (min, max) = l.RateUnit switch
            {
                RateUnit.PerFeu => (100.0, 20_000.0),
                RateUnit.PerFtl => (50.0, 15_000.0),
                RateUnit.PerKg => (0.1, 30.0),
                _ => (0.01, 100_000.0),
            };
            foreach (var x in Value(f, l.Id, "rate", l.Rate, min, max, $"{l.RateCurrency} {l.RateUnit}", o, "give logistics.legs[].rate and rateUnit in a case")) yield return x;
            if (l.Mode == TransportMode.Road && l.RateUnit == RateUnit.PerFtl && l.Rate is { } r && l.DistanceKm.Value > 0)
            {
                var perKm = r.Value * market.Fx.Rate(l.RateCurrency, CurrencyCode.Eur) / l.DistanceKm.Value;
                if (perKm < RoadMinEurPerKm || perKm > RoadMaxEurPerKm)
                    yield return new(FindingSeverity.Error, Name, f, l.Id, "rate",
                        $"{ReferenceChecker.Num(perKm)} EUR/km for a full truck load is outside {RoadMinEurPerKm}–{RoadMaxEurPerKm} EUR/km.");
            }
            if (l.EmissionFactorId is { } id)
            {
                var factor = market.EmissionFactors.FirstOrDefault(e => e.Id == id);
                if (factor is null)
                    yield return new(FindingSeverity.Error, Name, f, l.Id, "emission_factor_id", $"emission factor '{id}' is not in emission_factors.csv.");
            }
            else if (l.Mode is TransportMode.Sea or TransportMode.SeaShort or TransportMode.RailChinaEurope)
                yield return new(FindingSeverity.Warning, Name, f, l.Id, "emission_factor_id", "no lane-matched emission factor: the mode's default (industry average) applies.");
        }
    }
}

/// <summary>Emission factors: plausible g CO2e per tonne-km and one default per mode.</summary>
public sealed class EmissionFactorCheck : SourcedValueCheck
{
    /// <inheritdoc />
    public override string Name => "emissions";

    /// <inheritdoc />
    public override IEnumerable<ReferenceFinding> Check(MarketSnapshot market, ReferenceCheckOptions o)
    {
        const string f = "emission_factors.csv";
        foreach (var e in market.EmissionFactors)
            foreach (var x in Value(f, e.Id, "g_co2e_per_tkm", e.GramsPerTonneKm, 1, 3_000, "g/t·km", o)) yield return x;
        foreach (var g in market.EmissionFactors.Where(e => e.DefaultFor is not null).GroupBy(e => e.DefaultFor).Where(g => g.Count() > 1))
            yield return new(FindingSeverity.Error, Name, f, g.Key!.ToString()!, "is_default_for_mode", $"{g.Count()} defaults for one mode: {string.Join(", ", g.Select(e => e.Id))}.");
    }
}

/// <summary>EU ETS prices and CBAM factors within bounds.</summary>
public sealed class CarbonPriceCheck : SourcedValueCheck
{
    /// <inheritdoc />
    public override string Name => "carbon";

    /// <inheritdoc />
    public override IEnumerable<ReferenceFinding> Check(MarketSnapshot market, ReferenceCheckOptions o)
    {
        // Forecast years are in the future by design: only past years can be stale.
        var forecastSafe = o with { StaleYears = 100 };
        foreach (var (year, price) in market.EtsPriceEurPerTonne)
            foreach (var x in Value("carbon_prices.csv", year.ToString(CultureInfo.InvariantCulture), "eua_eur_per_tonne", price, 1, 1_000, "EUR/t", forecastSafe)) yield return x;
        foreach (var (year, pct) in market.CbamFactorPct)
            foreach (var x in Value("cbam_factors.csv", year.ToString(CultureInfo.InvariantCulture), "cbam_factor_pct", pct, 0, 100, "%", forecastSafe)) yield return x;
    }
}

/// <summary>
/// The tariff data's own checks (<see cref="TariffReferenceCheck"/>: rate bounds, dates, coverage of chapters 25–97, MFN consistency,
/// overlapping regimes, agreement with countries.csv, stale values) as findings of <c>reshore reference check</c>.
/// </summary>
public sealed class TariffBoundsCheck : IReferenceCheck
{
    /// <inheritdoc />
    public string Name => "tariffs";

    /// <inheritdoc />
    public IEnumerable<ReferenceFinding> Check(MarketSnapshot market, ReferenceCheckOptions options)
    {
        var report = TariffReferenceCheck.Run(market);
        foreach (var f in report.Errors) yield return new ReferenceFinding(FindingSeverity.Error, Name, f.File, f.Row, "", f.Message);
        foreach (var f in report.Warnings.Concat(report.Stale)) yield return new ReferenceFinding(FindingSeverity.Warning, Name, f.File, f.Row, "", f.Message);
    }
}

/// <summary>
/// Exchange rates: every country's currency has a sourced, recent default rate and a history of at least three years; the
/// default rate of a year matches that year's average in the history (a single-day snapshot is flagged).
/// </summary>
public sealed class FxCheck : SourcedValueCheck
{
    /// <inheritdoc />
    public override string Name => "fx";

    /// <inheritdoc />
    public override IEnumerable<ReferenceFinding> Check(MarketSnapshot market, ReferenceCheckOptions o)
    {
        const string f = "fx_rates.csv";
        foreach (var cur in market.Countries.Values.Select(c => c.Currency).Distinct().Where(c => c != CurrencyCode.Eur).OrderBy(c => c.Value, StringComparer.Ordinal))
        {
            var k = cur.Value;
            var rate = market.Fx.Has(cur) ? market.Fx.EurPerUnit(cur) : null;
            foreach (var x in Value(f, k, "eur_per_unit", rate, 1e-7, 10, "EUR per unit", o, $"give assumptions.fxRates.{k} (euros per unit) for amounts in {k}")) yield return x;
            market.FxHistory.TryGetValue(cur, out var history);
            if (history is null || history.Count < 3)
                yield return new(FindingSeverity.Warning, Name, "fx_history.csv", k, "eur_per_unit", $"{history?.Count ?? 0} year(s) of history: at least 3 annual averages are needed to see a trend.");
            else
                foreach (var (year, v) in history)
                    foreach (var x in Value("fx_history.csv", $"{k} {year}", "eur_per_unit", v, 1e-7, 10, "EUR per unit", o with { StaleYears = 100 })) yield return x;
            if (rate is { Year: { } y } && history is not null && history.TryGetValue(y, out var average) && Math.Abs(rate.Value / average.Value - 1) > 0.01)
                yield return new(FindingSeverity.Warning, Name, f, k, "eur_per_unit",
                    $"{ReferenceChecker.Num(rate.Value)} differs by more than 1 % from the {y} average in fx_history.csv ({ReferenceChecker.Num(average.Value)}): a single-day rate?");
        }
    }
}

/// <summary>No value may carry a placeholder: a placeholder must be a missing value instead.</summary>
public sealed class PlaceholderCheck : IReferenceCheck
{
    /// <inheritdoc />
    public string Name => "placeholders";

    /// <inheritdoc />
    public IEnumerable<ReferenceFinding> Check(MarketSnapshot market, ReferenceCheckOptions options)
    {
        IEnumerable<(string File, string Key, string Field, SourcedValue? V)> All()
        {
            foreach (var c in market.Countries.Values)
            {
                yield return ("countries.csv", c.Code.Value, "labour_cost", c.LabourCostEurPerHour);
                yield return ("countries.csv", c.Code.Value, "wage_growth", c.WageGrowthPct);
                yield return ("countries.csv", c.Code.Value, "productivity", c.ProductivityIndex);
                yield return ("countries.csv", c.Code.Value, "electricity", c.ElectricityEurPerKwh);
                yield return ("countries.csv", c.Code.Value, "grid", c.GridGCo2ePerKwh);
                foreach (var b in c.ElectricityBands.Concat(c.GasBands)) yield return ("energy_prices.csv", c.Code.Value, b.Band, b.Price);
            }
            foreach (var l in market.Lanes.Values)
            {
                yield return ("lanes.csv", l.Id, "distance", l.DistanceKm);
                yield return ("lanes.csv", l.Id, "rate", l.Rate);
            }
            foreach (var e in market.EmissionFactors) yield return ("emission_factors.csv", e.Id, "factor", e.GramsPerTonneKm);
            foreach (var (year, p) in market.EtsPriceEurPerTonne) yield return ("carbon_prices.csv", year.ToString(CultureInfo.InvariantCulture), "price", p);
            foreach (var cur in market.Fx.Currencies) yield return ("fx_rates.csv", cur.Value, "rate", market.Fx.EurPerUnit(cur));
        }
        foreach (var (file, key, field, v) in All())
            if (v is not null && v.Source.Contains("PLACEHOLDER", StringComparison.OrdinalIgnoreCase))
                yield return new(FindingSeverity.Error, Name, file, key, field, "the value is marked as a placeholder: leave it missing (not assessed) or give a sourced value.");
    }
}
