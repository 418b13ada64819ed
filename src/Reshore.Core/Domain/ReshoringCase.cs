using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Reshore.Core.Values;

namespace Reshore.Core.Domain;

/// <summary>
/// A sourcing decision: a company, its home country and currency, the horizon and discount rate of the
/// business case, and the items whose sourcing options are compared. Money amounts without a currency
/// are in <see cref="Currency"/>.
/// </summary>
public sealed record ReshoringCase
{
    /// <summary>Schema version of the case file.</summary>
    [Description("Schema version of the case file; 1 for this release.")]
    public int? SchemaVersion { get; init; }

    /// <summary>Short title of the case.</summary>
    [Required, Description("Short title of the case.")]
    public string Name { get; init; } = "";

    /// <summary>Company that owns the decision.</summary>
    [Description("Company that owns the decision.")]
    public string? Company { get; init; }

    /// <summary>Free text.</summary>
    [Description("Free text: scope, author, date, caveats.")]
    public string? Description { get; init; }

    /// <summary>Home country; default BE.</summary>
    [Description("ISO 3166-1 alpha-2 code of the home country (where reshored production would go). Default BE.")]
    public CountryCode? HomeCountry { get; init; }

    /// <summary>Currency of the case; default EUR.</summary>
    [Description("ISO 4217 code of the case currency; amounts without a currency are in it. Default EUR.")]
    public CurrencyCode? Currency { get; init; }

    /// <summary>Calendar year of year 1 of the horizon.</summary>
    [Required, Range(2000, 2100), Description("Calendar year of year 1 of the horizon (year 0 is the investment moment at its start).")]
    public int BaseYear { get; init; }

    /// <summary>Number of years in the business case.</summary>
    [Required, Range(1, 40), Description("Number of years of the business case.")]
    public int HorizonYears { get; init; }

    /// <summary>Nominal discount rate, % per year.</summary>
    [Required, Range(-5.0, 50.0), Description("Nominal discount rate for present values, % per year (e.g. 8 for a WACC of 8%).")]
    public double DiscountRatePct { get; init; }

    /// <summary>Projection and valuation assumptions.</summary>
    [Description("Projection and valuation assumptions (wage growth, currency drift, freight index, carbon prices).")]
    public Assumptions? Assumptions { get; init; }

    /// <summary>Overrides of reference data, by country.</summary>
    [Description("Overrides of the bundled reference data.")]
    public ReferenceOverrides? ReferenceOverrides { get; init; }

    /// <summary>Risk simulation settings.</summary>
    [Description("Monte Carlo settings: scenarios, seed, correlated drivers and disruption events (used by reshore simulate).")]
    public RiskSettings? Risk { get; init; }

    /// <summary>Motives and barriers checklist.</summary>
    [Description("The motives for reshoring the company ticks and the barriers it recognises (shown in the scorecard).")]
    public MotivesAndBarriers? MotivesAndBarriers { get; init; }

    /// <summary>Dependency analysis settings.</summary>
    [Description("Settings of reshore dependencies bom: high-risk countries and the 'still dependent' threshold.")]
    public DependencySettings? Dependencies { get; init; }

    /// <summary>Jobs and skills assumptions.</summary>
    [Description("Assumptions of the jobs and skills view: hours per FTE, working weeks, home region and its labour market, hiring lead times and training hours by skill.")]
    public JobsSettings? Jobs { get; init; }

    /// <summary>The firm's size and the site's region for support instruments and State-aid checks.</summary>
    [Description("The firm's size class and the home site's region and regional-aid status: they set which support instruments apply, at what intensity, and the EU State-aid limits checked (docs/model.md §21).")]
    public SupportSettings? Support { get; init; }

    /// <summary>The items (products, parts, activities) whose sourcing is compared.</summary>
    [Required, Description("The products, parts or production activities whose sourcing options are compared.")]
    public IReadOnlyList<Item> Items { get; init; } = [];
}

/// <summary>Projection drivers and valuation choices shared by all items of a case.</summary>
public sealed record Assumptions
{
    /// <summary>Wage growth by country, % per year, overriding reference data.</summary>
    [Description("Expected nominal wage growth by country (ISO alpha-2 → % per year); overrides the reference data.")]
    public IReadOnlyDictionary<string, double>? WageGrowthPct { get; init; }

    /// <summary>Change of each currency's value in euros, % per year.</summary>
    [Description("Expected change of each currency's value against the case currency (ISO 4217 → % per year; positive = the foreign currency gets dearer). Default 0.")]
    public IReadOnlyDictionary<string, double>? CurrencyDriftPct { get; init; }

    /// <summary>Exchange rates in euros per unit, overriding reference data.</summary>
    [Description("Exchange rates (ISO 4217 → euros per unit of that currency); override the bundled ECB rates.")]
    public IReadOnlyDictionary<string, double>? FxRates { get; init; }

    /// <summary>Freight rate growth, % per year.</summary>
    [Range(-50.0, 100.0), Description("Growth of all freight rates, % per year (freight index). Default 0.")]
    public double? FreightIndexGrowthPct { get; init; }

    /// <summary>Explicit freight index by calendar year (1 = today's rates).</summary>
    [Description("Explicit freight index by calendar year (\"2027\": 1.1 means rates 10% above the rates given); years in between are interpolated; overrides freightIndexGrowthPct.")]
    public IReadOnlyDictionary<string, double>? FreightIndexPath { get; init; }

    /// <summary>Electricity price growth, % per year.</summary>
    [Range(-50.0, 100.0), Description("Growth of electricity prices, % per year. Default 0.")]
    public double? EnergyPriceGrowthPct { get; init; }

    /// <summary>General inflation for fixed annual amounts, % per year.</summary>
    [Range(-50.0, 100.0), Description("General inflation applied to fixed annual amounts (travel, audits, coordination, overhead) and materials, % per year. Default 0.")]
    public double? InflationPct { get; init; }

    /// <summary>EU ETS / CBAM certificate price path, overriding reference data.</summary>
    [Description("EU ETS allowance price by calendar year, per tonne CO2e in the case currency (\"2030\": 130); years in between are interpolated; overrides the bundled path.")]
    public IReadOnlyDictionary<string, double>? EtsPricePath { get; init; }

    /// <summary>CBAM factor path, overriding reference data.</summary>
    [Description("CBAM factor by calendar year: % of free allocation still granted (\"2030\": 51.5); years in between are interpolated; overrides the bundled schedule of Directive (EU) 2023/959.")]
    public IReadOnlyDictionary<string, double>? CbamFactorPath { get; init; }

    /// <summary>Internal (shadow) carbon price per tonne CO2e.</summary>
    [Range(0.0, 10000.0), Description("Internal carbon price the company puts on transport and production CO2e, per tonne, in the case currency. Not set = not assessed.")]
    public double? InternalCarbonPricePerTonne { get; init; }

    /// <summary>Growth of the internal carbon price, % per year.</summary>
    [Range(-50.0, 100.0), Description("Growth of the internal carbon price, % per year. Default 0.")]
    public double? InternalCarbonPriceGrowthPct { get; init; }

    /// <summary>Rate for financing working capital (payment terms), % per year.</summary>
    [Range(-5.0, 50.0), Description("Interest rate on working capital for payment terms and prepayment, % per year. Default: the discount rate.")]
    public double? WorkingCapitalRatePct { get; init; }

    /// <summary>Recommendation basis.</summary>
    [Description("Include risk and strategic factors in the recommendation (true) or rank on hard costs only (false). Default true.")]
    public bool? RecommendOnAllFactors { get; init; }
}

/// <summary>Overrides of the bundled reference data.</summary>
public sealed record ReferenceOverrides
{
    /// <summary>Country parameters by ISO alpha-2 code.</summary>
    [Description("Country parameters by ISO alpha-2 code.")]
    public IReadOnlyDictionary<string, CountryOverride>? Countries { get; init; }
}

/// <summary>A case's own values for a country's reference parameters.</summary>
public sealed record CountryOverride
{
    /// <summary>Name, for a country the reference data do not hold.</summary>
    [Description("Country name; for a country the reference data do not hold (default: the ISO name).")]
    public string? Name { get; init; }

    /// <summary>Legal tender (ISO 4217), required for a country the reference data do not hold.</summary>
    [Description("Currency (ISO 4217) of the country; required for a country the reference data do not hold.")]
    public string? Currency { get; init; }

    /// <summary>Trade regime with the EU, required for a country the reference data do not hold.</summary>
    [Description("Trade regime for industrial goods entering the EU (member, customsUnion, fta, eba, gspPlus, gsp, mfn); required for a country the reference data do not hold.")]
    public MarketData.EuTradeRegime? TradeRegime { get; init; }

    /// <summary>Labour cost per hour, case currency.</summary>
    [Range(0.0, 1000.0), Description("Employer labour cost per hour worked, in the case currency.")]
    public double? LabourCostPerHour { get; init; }

    /// <summary>Wage growth, % per year.</summary>
    [Range(-50.0, 100.0), Description("Expected nominal wage growth, % per year.")]
    public double? WageGrowthPct { get; init; }

    /// <summary>Productivity index, home = 100 scale of the reference data.</summary>
    [Range(0.1, 1000.0), Description("Labour productivity index (Belgium = 100).")]
    public double? ProductivityIndex { get; init; }

    /// <summary>Industrial electricity price per kWh, case currency.</summary>
    [Range(0.0, 10.0), Description("Industrial electricity price per kWh, in the case currency.")]
    public double? ElectricityPricePerKwh { get; init; }

    /// <summary>Grid intensity, g CO2e per kWh.</summary>
    [Range(0.0, 2000.0), Description("Carbon intensity of grid electricity, g CO2e per kWh.")]
    public double? GridIntensityGPerKwh { get; init; }
}

/// <summary>Who receives support and where: the inputs of instrument amounts and State-aid checks (docs/model.md §21).</summary>
public sealed record SupportSettings
{
    /// <summary>Size class.</summary>
    [Description("small, medium or large, in the EU SME definition (Commission Recommendation 2003/361/EC): sets the instruments' intensity and the GBER limits.")]
    public Support.FirmSize? FirmSize { get; init; }

    /// <summary>Region of the home site.</summary>
    [Description("Region of the home site, e.g. BE-VLG (Flemish Region), BE-WAL, BE-BRU; instruments of another region are refused. Default: the home country only.")]
    public string? Region { get; init; }

    /// <summary>Regional aid map status of the home site.</summary>
    [Description("none, c or a: the home site's status on the regional aid map (art. 107(3) TFEU). Default none.")]
    public Support.AidArea? AidArea { get; init; }

    /// <summary>Override of the map's intensity for large enterprises in the site's area.</summary>
    [Range(0.0, 100.0), Description("The regional aid map's largest intensity for large enterprises at the site, % (the reference data hold the lower bound of the Belgian 'c' areas, 10%).")]
    public double? RegionalAidMaxLargePct { get; init; }

    /// <summary>Whether the firm moves the activity from an establishment in the EEA.</summary>
    [Description("True when the activity moves from an establishment in the EEA: regional investment aid (GBER art. 14(16)) is then excluded. Default: read from the status quo's country.")]
    public bool? RelocationFromEea { get; init; }
}
