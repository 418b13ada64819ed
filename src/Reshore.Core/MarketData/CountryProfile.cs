using System.Globalization;
using Reshore.Core.Values;

namespace Reshore.Core.MarketData;

/// <summary>The EU trade regime under which industrial goods from a country enter the EU.</summary>
public enum EuTradeRegime
{
    /// <summary>EU member state: no customs.</summary>
    Member,
    /// <summary>Customs union (Türkiye for industrial goods): no duty, but a customs declaration.</summary>
    CustomsUnion,
    /// <summary>Free-trade or association agreement in force.</summary>
    Fta,
    /// <summary>Everything But Arms (least developed countries).</summary>
    Eba,
    /// <summary>GSP+.</summary>
    GspPlus,
    /// <summary>Standard GSP (reductions on part of the lines).</summary>
    Gsp,
    /// <summary>Most-favoured-nation terms only.</summary>
    Mfn,
}

/// <summary>
/// An industrial energy price for one consumption band (Eurostat nrg_pc_205 bands IA–IG for electricity,
/// nrg_pc_203 bands I1–I6 for gas), excluding VAT and recoverable taxes, EUR per kWh.
/// </summary>
/// <param name="Band">Band code: IA…IG (electricity), I1…I6 (gas), or ALL when one national price covers every band.</param>
/// <param name="Price">EUR per kWh with source and year.</param>
public sealed record EnergyBandPrice(string Band, SourcedValue Price);

/// <summary>World Bank Worldwide Governance Indicators for a country (estimate, about −2.5 weak to +2.5 strong).</summary>
/// <param name="PoliticalStability">Political stability and absence of violence/terrorism.</param>
/// <param name="GovernmentEffectiveness">Government effectiveness.</param>
/// <param name="RuleOfLaw">Rule of law.</param>
public sealed record GovernanceIndicators(SourcedValue? PoliticalStability, SourcedValue? GovernmentEffectiveness, SourcedValue? RuleOfLaw);

/// <summary>
/// Reference parameters of a production country; money in euros. A value the reference data do not hold is null:
/// engines then report the factor that needs it as not assessed, naming what to provide.
/// </summary>
public sealed record CountryProfile
{
    /// <summary>ISO code.</summary>
    public required CountryCode Code { get; init; }
    /// <summary>English name.</summary>
    public required string Name { get; init; }
    /// <summary>Legal tender.</summary>
    public required CurrencyCode Currency { get; init; }
    /// <summary>EU member state.</summary>
    public required bool EuMember { get; init; }
    /// <summary>Trade regime with the EU.</summary>
    public required EuTradeRegime TradeRegime { get; init; }
    /// <summary>Description of the agreement.</summary>
    public required string TradeAgreement { get; init; }
    /// <summary>Employer labour cost per hour worked, EUR (scope in <see cref="LabourCostScope"/>).</summary>
    public SourcedValue? LabourCostEurPerHour { get; init; }
    /// <summary>What the labour cost covers (sector, cost concept), e.g. "manufacturing (NACE C), total labour cost".</summary>
    public string? LabourCostScope { get; init; }
    /// <summary>Nominal growth of labour cost in euros, % per year: a multi-year trend (see the source for the period and rule).</summary>
    public SourcedValue? WageGrowthPct { get; init; }
    /// <summary>Productivity index, BE = 100 (scope in its source).</summary>
    public SourcedValue? ProductivityIndex { get; init; }
    /// <summary>
    /// One industrial electricity price for every consumption band, EUR per kWh: the national price where no band
    /// breakdown is published, or a case override. <see cref="ElectricityBands"/> take precedence when present.
    /// </summary>
    public SourcedValue? ElectricityEurPerKwh { get; init; }
    /// <summary>Industrial electricity by Eurostat consumption band (IA…IG).</summary>
    public IReadOnlyList<EnergyBandPrice> ElectricityBands { get; init; } = [];
    /// <summary>Industrial natural gas by Eurostat consumption band (I1…I6).</summary>
    public IReadOnlyList<EnergyBandPrice> GasBands { get; init; } = [];
    /// <summary>Grid intensity, g CO2e per kWh.</summary>
    public SourcedValue? GridGCo2ePerKwh { get; init; }
    /// <summary>Governance and political-stability indicators, when known.</summary>
    public GovernanceIndicators? Governance { get; init; }

    /// <summary>Eurostat non-household electricity bands by annual consumption, MWh: [lower, upper).</summary>
    public static IReadOnlyList<(string Band, double FromMwh, double ToMwh)> ElectricityBandLimits { get; } =
    [
        ("IA", 0, 20), ("IB", 20, 500), ("IC", 500, 2_000), ("ID", 2_000, 20_000), ("IE", 20_000, 70_000), ("IF", 70_000, 150_000), ("IG", 150_000, double.PositiveInfinity),
    ];

    /// <summary>The Eurostat band (IA…IG) of an annual electricity consumption in MWh.</summary>
    public static string ElectricityBandOf(double annualMwh) =>
        ElectricityBandLimits.First(b => annualMwh < b.ToMwh).Band;

    /// <summary>
    /// The industrial electricity price for an annual consumption: the price of its Eurostat band; when that band is not
    /// published for the country, the nearest published band (said in the source); when no band is published, the single
    /// national price; null when the reference data hold no price at all.
    /// </summary>
    public SourcedValue? ElectricityFor(double annualMwh) =>
        BandPrice(ElectricityBands, ElectricityBandLimits, annualMwh, annualMwh.ToString("N0", CultureInfo.InvariantCulture) + " MWh/yr") ?? ElectricityEurPerKwh;

    /// <summary>Eurostat non-household natural gas bands by annual consumption, in MWh (the bands are defined in GJ: 1 MWh = 3.6 GJ): [lower, upper).</summary>
    public static IReadOnlyList<(string Band, double FromMwh, double ToMwh)> GasBandLimits { get; } =
    [
        ("I1", 0, 1_000 / 3.6), ("I2", 1_000 / 3.6, 10_000 / 3.6), ("I3", 10_000 / 3.6, 100_000 / 3.6), ("I4", 100_000 / 3.6, 1_000_000 / 3.6),
        ("I5", 1_000_000 / 3.6, 4_000_000 / 3.6), ("I6", 4_000_000 / 3.6, double.PositiveInfinity),
    ];

    /// <summary>
    /// The industrial natural-gas price (EUR per kWh, gross calorific value) for an annual consumption in MWh: the price of its
    /// Eurostat band (I1…I6), else the nearest published band (said in the source); null when the reference data hold no gas price.
    /// </summary>
    public SourcedValue? GasFor(double annualMwh) =>
        BandPrice(GasBands, GasBandLimits, annualMwh, $"{annualMwh.ToString("N0", CultureInfo.InvariantCulture)} MWh/yr = {(annualMwh * 3.6).ToString("N0", CultureInfo.InvariantCulture)} GJ/yr");

    private static SourcedValue? BandPrice(IReadOnlyList<EnergyBandPrice> bands, IReadOnlyList<(string Band, double FromMwh, double ToMwh)> limits, double annualMwh, string consumption)
    {
        if (bands.Count == 0) return null;
        var band = limits.First(b => Math.Max(0, annualMwh) < b.ToMwh).Band;
        var order = limits.Select(b => b.Band).ToList();
        var wanted = order.IndexOf(band);
        var nearest = bands
            .Where(b => order.Contains(b.Band))
            .OrderBy(b => Math.Abs(order.IndexOf(b.Band) - wanted))
            .ThenBy(b => order.IndexOf(b.Band))
            .FirstOrDefault();
        if (nearest is null) return null;
        var note = nearest.Band == band
            ? $"band {band} ({consumption})"
            : $"band {nearest.Band}, the nearest published to band {band} ({consumption})";
        return nearest.Price with { Source = $"{nearest.Price.Source} [{note}]" };
    }
}
