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

/// <summary>Reference parameters of a production country; money in euros.</summary>
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
    /// <summary>Employer labour cost per hour, EUR.</summary>
    public required SourcedValue LabourCostEurPerHour { get; init; }
    /// <summary>Wage growth, % per year.</summary>
    public required SourcedValue WageGrowthPct { get; init; }
    /// <summary>Productivity index, BE = 100.</summary>
    public required SourcedValue ProductivityIndex { get; init; }
    /// <summary>Industrial electricity, EUR per kWh.</summary>
    public required SourcedValue ElectricityEurPerKwh { get; init; }
    /// <summary>Grid intensity, g CO2e per kWh.</summary>
    public required SourcedValue GridGCo2ePerKwh { get; init; }
}
