using System.Globalization;
using Reshore.Core.Domain;
using Reshore.Core.MarketData;
using Reshore.Core.Values;

namespace Reshore.Core.Costing;

/// <summary>
/// A case with its assumptions resolved against reference data: currency conversion, projection indices
/// by year and carbon prices. Built once per evaluation; pure.
/// </summary>
public sealed class CaseContext
{
    /// <summary>Creates the context. The case must have passed <see cref="Validation.CaseValidator"/>.</summary>
    public CaseContext(ReshoringCase reshoringCase, MarketSnapshot market)
    {
        Case = reshoringCase;
        Currency = reshoringCase.Currency ?? CurrencyCode.Eur;
        Home = reshoringCase.HomeCountry ?? CountryCode.Parse("BE");
        var a = reshoringCase.Assumptions ?? new Assumptions();
        Assumptions = a;
        var fx = market.Fx;
        if (a.FxRates is { Count: > 0 })
            fx = fx.With(a.FxRates.ToDictionary(kv => CurrencyCode.Parse(kv.Key), kv => new SourcedValue(kv.Value, "case: assumptions.fxRates", null)));
        Market = ApplyCountryOverrides(market with { Fx = fx }, reshoringCase, fx, Currency);
        DiscountRate = reshoringCase.DiscountRatePct / 100;
        WorkingCapitalRate = a.WorkingCapitalRatePct is { } w ? w / 100 : DiscountRate;
        WorkingCapitalRateIsDefault = a.WorkingCapitalRatePct is null;
    }

    /// <summary>The case.</summary>
    public ReshoringCase Case { get; }
    /// <summary>Reference data with the case's overrides applied (country values in EUR as in the reference files, converted on use).</summary>
    public MarketSnapshot Market { get; }
    /// <summary>Case currency.</summary>
    public CurrencyCode Currency { get; }
    /// <summary>Home country.</summary>
    public CountryCode Home { get; }
    /// <summary>Resolved assumptions.</summary>
    public Assumptions Assumptions { get; }
    /// <summary>Discount rate, fraction per year.</summary>
    public double DiscountRate { get; }
    /// <summary>Working-capital rate, fraction per year.</summary>
    public double WorkingCapitalRate { get; }
    /// <summary>True when the working-capital rate defaulted to the discount rate.</summary>
    public bool WorkingCapitalRateIsDefault { get; }

    /// <summary>Calendar year of horizon year t.</summary>
    public int CalendarYear(int year) => Case.BaseYear + year - 1;

    /// <summary>Annual drift of a currency against the case currency, fraction per year.</summary>
    public double CurrencyDrift(CurrencyCode currency)
    {
        if (currency == Currency) return 0;
        return Assumptions.CurrencyDriftPct is { } d && d.TryGetValue(currency.Value, out var pct) ? pct / 100 : 0;
    }

    /// <summary>Units of case currency per unit of <paramref name="currency"/> in horizon year t: fx × (1 + drift)^(t−1).</summary>
    public double FxFactor(CurrencyCode currency, int year) =>
        Market.Fx.Rate(currency, Currency) * Math.Pow(1 + CurrencyDrift(currency), year - 1);

    /// <summary>Converts an amount to the case currency at year t's projected rate.</summary>
    public double ToCaseCurrency(Money money, int year) => money.Amount * FxFactor(money.Currency, year);

    /// <summary>Euros to case currency (reference data are in euros).</summary>
    public double FromEur(double eur, int year) => eur * FxFactor(CurrencyCode.Eur, year);

    /// <summary>Wage growth of a country, with source; null when neither the case nor the reference data give one.</summary>
    public SourcedValue? WageGrowthPct(CountryCode country)
    {
        if (Assumptions.WageGrowthPct is { } w && w.TryGetValue(country.Value, out var pct))
            return new SourcedValue(pct, "case: assumptions.wageGrowthPct", null);
        return Market.Country(country).WageGrowthPct;
    }

    /// <summary>First calendar year in which CBAM certificates are owed (Regulation (EU) 2023/956, definitive period).</summary>
    public const int CbamDefinitivePeriodStart = 2026;

    /// <summary>
    /// The reference labour cost of a country carried from its reference year to the base year at the country's wage growth:
    /// w_base = w_ref × (1 + g)^(base year − reference year). Case overrides are taken as base-year values.
    /// </summary>
    public SourcedValue? ReferenceWageAtBaseYear(CountryCode country)
    {
        if (Market.Country(country).LabourCostEurPerHour is not { } reference) return null;
        if (reference.Source.StartsWith("case", StringComparison.Ordinal) || reference.Year is not { } year || year >= Case.BaseYear)
            return reference with { Source = "as given" };
        if (WageGrowthPct(country) is not { } g) return null;
        var growth = g.Value;
        var value = reference.Value * Math.Pow(1 + growth / 100, Case.BaseYear - year);
        return new SourcedValue(value, string.Create(CultureInfo.InvariantCulture, $"{year} value × (1 + {growth:0.##}%)^{Case.BaseYear - year}"), Case.BaseYear);
    }

    /// <summary>
    /// Index of a country's local costs in case currency for year t: (1 + wage growth)^(t−1) × currency drift of its
    /// legal tender — wages set in local currency move with both.
    /// </summary>
    public double LocalWageIndex(CountryCode country, int year) =>
        Math.Pow(1 + (WageGrowthPct(country)?.Value ?? 0) / 100, year - 1) * Math.Pow(1 + CurrencyDrift(Market.Country(country).Currency), year - 1);

    /// <summary>Freight index for horizon year t (1 in year 1).</summary>
    public double FreightIndex(int year)
    {
        if (Assumptions.FreightIndexPath is { Count: > 0 } path)
        {
            // The path multiplies the rates as given (reference or case): 1.1 means 10% above them.
            return MarketSnapshot.Interpolate(ParseYearPath(path), CalendarYear(year));
        }
        return Math.Pow(1 + (Assumptions.FreightIndexGrowthPct ?? 0) / 100, year - 1);
    }

    /// <summary>Electricity price index for year t.</summary>
    public double EnergyIndex(int year) => Math.Pow(1 + (Assumptions.EnergyPriceGrowthPct ?? 0) / 100, year - 1);

    /// <summary>General inflation index for year t.</summary>
    public double InflationIndex(int year) => Math.Pow(1 + (Assumptions.InflationPct ?? 0) / 100, year - 1);

    /// <summary>EU ETS price per tonne in case currency for year t, with source.</summary>
    public SourcedValue EtsPrice(int year)
    {
        var calendar = CalendarYear(year);
        if (Assumptions.EtsPricePath is { Count: > 0 } path)
            return new SourcedValue(MarketSnapshot.Interpolate(ParseYearPath(path), calendar), "case: assumptions.etsPricePath", calendar);
        var reference = Market.EtsPriceEurPerTonne;
        if (reference.Count == 0) throw new InvalidOperationException("The reference data hold no EU ETS price path.");
        var eur = MarketSnapshot.Interpolate(reference.ToDictionary(kv => kv.Key, kv => kv.Value.Value), calendar);
        var nearest = reference.OrderBy(kv => Math.Abs(kv.Key - calendar)).First().Value;
        return new SourcedValue(FromEur(eur, year), nearest.Source, calendar);
    }

    /// <summary>CBAM factor (fraction of free allocation kept) for year t, with source; 1 before the first listed year, the last value after.</summary>
    public SourcedValue CbamFactor(int year)
    {
        var calendar = CalendarYear(year);
        if (Assumptions.CbamFactorPath is { Count: > 0 } own)
            return new SourcedValue(MarketSnapshot.Interpolate(ParseYearPath(own), calendar) / 100, "case: assumptions.cbamFactorPath", calendar);
        var factors = Market.CbamFactorPct;
        if (factors.Count == 0) throw new InvalidOperationException("The reference data hold no CBAM factors.");
        var first = factors.Keys.Min();
        if (calendar < first) return new SourcedValue(1.0, "before the CBAM definitive period: full free allocation", calendar);
        var v = MarketSnapshot.Interpolate(factors.ToDictionary(kv => kv.Key, kv => kv.Value.Value), calendar);
        var src = factors.OrderBy(kv => Math.Abs(kv.Key - calendar)).First().Value.Source;
        return new SourcedValue(v / 100, src, calendar);
    }

    /// <summary>Internal carbon price per tonne in year t, or null when not set.</summary>
    public double? InternalCarbonPrice(int year) =>
        Assumptions.InternalCarbonPricePerTonne is { } p
            ? p * Math.Pow(1 + (Assumptions.InternalCarbonPriceGrowthPct ?? 0) / 100, year - 1)
            : null;

    /// <summary>The class of a country relative to home.</summary>
    public LocationClass ClassOf(CountryCode country)
    {
        if (country == Home) return LocationClass.Home;
        return NearshoreCountries.Contains(country.Value) ? LocationClass.Nearshore : LocationClass.Offshore;
    }

    /// <summary>
    /// Countries counted as nearshore for a European home: EU and EFTA members, the UK, the Western Balkans,
    /// Ukraine, Moldova, Türkiye and the southern Mediterranean rim (Morocco to Egypt) — within trucking or short-sea reach.
    /// </summary>
    public static IReadOnlySet<string> NearshoreCountries { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU", "MT", "NL",
        "PL", "PT", "RO", "SK", "SI", "ES", "SE", "NO", "IS", "LI", "CH", "GB", "AL", "BA", "ME", "MK", "RS", "XK", "UA", "MD",
        "TR", "MA", "TN", "DZ", "EG",
    };

    private static Dictionary<int, double> ParseYearPath(IReadOnlyDictionary<string, double> path) =>
        path.ToDictionary(kv => int.Parse(kv.Key, NumberStyles.None, CultureInfo.InvariantCulture), kv => kv.Value);

    /// <summary>A country profile for a code the reference data do not hold, from the case's override (validated: currency and trade regime given).</summary>
    private static CountryProfile NewCountry(CountryCode code, CountryOverride o) => new()
    {
        Code = code,
        Name = o.Name ?? (IsoCountries.Names.TryGetValue(code.Value, out var n) ? n : code.Value),
        Currency = o.Currency is { } c ? CurrencyCode.Parse(c) : CurrencyCode.Eur,
        EuMember = o.TradeRegime == EuTradeRegime.Member,
        TradeRegime = o.TradeRegime ?? EuTradeRegime.Mfn,
        TradeAgreement = "case: referenceOverrides.countries." + code.Value + ".tradeRegime",
    };

    private static MarketSnapshot ApplyCountryOverrides(MarketSnapshot market, ReshoringCase c, FxTable fx, CurrencyCode currency)
    {
        var overrides = c.ReferenceOverrides?.Countries;
        if (overrides is null || overrides.Count == 0) return market;
        var countries = new Dictionary<CountryCode, CountryProfile>(market.Countries);
        // Overrides are in the case currency; the snapshot keeps euros.
        var toEur = fx.Rate(currency, CurrencyCode.Eur);
        foreach (var (key, o) in overrides)
        {
            var code = CountryCode.Parse(key);
            const string src = "case: referenceOverrides.countries";
            // A country the reference data do not hold starts empty: what the case leaves out is then "not assessed".
            var p = countries.TryGetValue(code, out var bundled) ? bundled : NewCountry(code, o);
            countries[code] = p with
            {
                LabourCostEurPerHour = o.LabourCostPerHour is { } l ? new SourcedValue(l * toEur, src, null) : p.LabourCostEurPerHour,
                LabourCostScope = o.LabourCostPerHour is not null ? "as given by the case" : p.LabourCostScope,
                WageGrowthPct = o.WageGrowthPct is { } g ? new SourcedValue(g, src, null) : p.WageGrowthPct,
                ProductivityIndex = o.ProductivityIndex is { } pi ? new SourcedValue(pi, src, null) : p.ProductivityIndex,
                ElectricityEurPerKwh = o.ElectricityPricePerKwh is { } e ? new SourcedValue(e * toEur, src, null) : p.ElectricityEurPerKwh,
                // A case price applies to every consumption band.
                ElectricityBands = o.ElectricityPricePerKwh is not null ? [] : p.ElectricityBands,
                GridGCo2ePerKwh = o.GridIntensityGPerKwh is { } gi ? new SourcedValue(gi, src, null) : p.GridGCo2ePerKwh,
            };
        }
        return market with { Countries = countries };
    }
}
