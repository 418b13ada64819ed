using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Reshore.Core.Values;

namespace Reshore.Core.Domain;

/// <summary>
/// One way to source an item: a supplier or own plant in a country, with its cost inputs grouped by theme.
/// A group or field left out is not assessed (zero, and shown as such), except where reference data
/// provides a documented default.
/// </summary>
public sealed record SourcingOption
{
    /// <summary>Identifier, unique within the item.</summary>
    [Required, Description("Identifier, unique within the item.")]
    public string Id { get; init; } = "";

    /// <summary>Human name.</summary>
    [Description("Name shown in reports.")]
    public string? Name { get; init; }

    /// <summary>Governance model.</summary>
    [Required, Description("statusQuo, inHouseReshoring, reshoringForOutsourcing, reshoringForInsourcing, outsourcedReshoring, or offshoring (to or between foreign sources).")]
    public GovernanceModel Governance { get; init; }

    /// <summary>Country of production.</summary>
    [Required, Description("ISO 3166-1 alpha-2 code of the country where the item is made.")]
    public CountryCode Country { get; init; }

    /// <summary>Supplier or own plant; default from whether a unit price is given.</summary>
    [Description("supplier (paid a unit price) or ownPlant (cost build-up). Default: supplier when production.unitPrice is given, else ownPlant.")]
    public SupplyType? SupplyType { get; init; }

    /// <summary>Location class override.</summary>
    [Description("home, nearshore or offshore. Default: derived from the country.")]
    public LocationClass? LocationClass { get; init; }

    /// <summary>Capacity flexibility above the nominal share, %.</summary>
    [Range(0.0, 1000.0), Description("How far the option can ship above its nominal share of mean demand in a week, % (default 20).")]
    public double? CapacityFlexibilityPct { get; init; }

    /// <summary>Time to recover after a disruption, weeks.</summary>
    [Range(0.0, 520.0), Description("Time to recover (TTR): weeks this source needs to return to full function after a disruption; compared with the simulated time to survive.")]
    public double? TimeToRecoverWeeks { get; init; }

    /// <summary>Production cost.</summary>
    [Description("Unit price or cost build-up.")]
    public ProductionInputs? Production { get; init; }

    /// <summary>Transport.</summary>
    [Description("Transport legs, shipments and handling.")]
    public LogisticsInputs? Logistics { get; init; }

    /// <summary>Customs and duties.</summary>
    [Description("Customs, duties, anti-dumping and CBAM.")]
    public TradeInputs? Trade { get; init; }

    /// <summary>Inventory and payment terms.</summary>
    [Description("Inventory, payment terms and obsolescence.")]
    public InventoryInputs? Inventory { get; init; }

    /// <summary>Quality costs.</summary>
    [Description("Defects, warranty and quality assurance.")]
    public QualityInputs? Quality { get; init; }

    /// <summary>Management costs.</summary>
    [Description("Travel, coordination, compliance and engineering changes.")]
    public ManagementInputs? Management { get; init; }

    /// <summary>Risk costs.</summary>
    [Description("Expected costs of disruptions, trade policy, currency and IP loss.")]
    public RiskInputs? Risk { get; init; }

    /// <summary>Strategic effects.</summary>
    [Description("Innovation distance and 'made in' premium.")]
    public StrategicInputs? Strategic { get; init; }

    /// <summary>Component origins this option changes.</summary>
    [Description("Component countries this option changes (component id → ISO alpha-2), e.g. when reshoring also moves a sub-assembly; other components keep their own origins.")]
    public IReadOnlyDictionary<string, CountryCode>? ComponentOrigins { get; init; }

    /// <summary>User-defined cost lines.</summary>
    [Description("Further cost lines not covered by the standard factors.")]
    public IReadOnlyList<OtherCost>? OtherCosts { get; init; }

    /// <summary>One-off costs and incentives of switching to this option.</summary>
    [Description("One-off costs and incentives of switching to this option.")]
    public TransitionInputs? Transition { get; init; }

    /// <summary>An automation scenario of this option.</summary>
    [Description("Automation scenario: robot or cobot cells that take direct hours off the manual process, with their capex, maintenance, energy, capacity, ramp-up and skills; valued in the option and on its own.")]
    public AutomationScenario? Automation { get; init; }

    /// <summary>Markets this option's production serves; default all.</summary>
    [Description("Ids of the item's markets this option's own production serves (default: all). The others are served by otherMarketsFrom.")]
    public IReadOnlyList<string>? Markets { get; init; }

    /// <summary>Option that serves the markets this one does not.</summary>
    [Description("Id of the option that keeps serving the markets this option does not (e.g. the status-quo plant abroad for the host market).")]
    public string? OtherMarketsFrom { get; init; }

    /// <summary>Share of the other option's fixed annual costs kept, %.</summary>
    [Range(0.0, 100.0), Description("Share of the fixed annual amounts (overhead per year, depreciation, tooling, audits, coordination, ...) of otherMarketsFrom kept while it serves only the remaining markets, %. Default 100.")]
    public double? OtherMarketsFixedCostPct { get; init; }

    /// <summary>Delivery to markets outside the EU, by market id.</summary>
    [Description("Delivery to markets outside the EU that are not in this option's country, by market id: transport leg, shipments and the market's import duty.")]
    public IReadOnlyDictionary<string, MarketDelivery>? Deliveries { get; init; }
}

/// <summary>How the unit is made and what it costs at the factory gate.</summary>
public sealed record ProductionInputs
{
    /// <summary>Purchase or transfer price per unit.</summary>
    [Description("Purchase price (or transfer price from an own foreign plant) per unit, ex works or FOB; \"2.10 USD\" or a number in the case currency.")]
    public Money? UnitPrice { get; init; }

    /// <summary>Share of the price that follows wages.</summary>
    [Range(0.0, 100.0), Description("Share of the unit price that follows the country's wage growth, %. Default 0.")]
    public double? PriceLabourSharePct { get; init; }

    /// <summary>Other escalation of the price.</summary>
    [Range(-50.0, 100.0), Description("Escalation of the rest of the unit price, % per year. Default 0.")]
    public double? PriceEscalationPct { get; init; }

    /// <summary>Direct labour hours per unit.</summary>
    [Range(0.0, 1e6), Description("Direct labour hours per unit.")]
    public double? LabourHoursPerUnit { get; init; }

    /// <summary>Whether the hours are measured at this site or are home-plant standard hours.</summary>
    [Description("site (hours measured at this plant; default) or homeStandard (hours at home-plant productivity, divided by the relative productivity of the country).")]
    public LabourHoursBasis? LabourHoursBasis { get; init; }

    /// <summary>Labour cost per hour; default from reference data.</summary>
    [Range(0.0, 1e4), Description("Employer labour cost per hour; default: the country's reference value.")]
    public Money? LabourCostPerHour { get; init; }

    /// <summary>Learning rate of labour hours per doubling of cumulative volume, %.</summary>
    [Range(0.0, 50.0), Description("Automation and learning: reduction of labour hours per doubling of cumulative volume, % (Wright's law; 10 means a 90% curve). Default 0.")]
    public double? LearningRatePct { get; init; }

    /// <summary>Materials per unit.</summary>
    [Description("Materials and bought-in components per unit.")]
    public Money? MaterialCostPerUnit { get; init; }

    /// <summary>Electricity per unit, kWh.</summary>
    [Range(0.0, 1e7), Description("Electricity used per unit, kWh (also for production CO2e when a unit price is given).")]
    public double? EnergyKwhPerUnit { get; init; }

    /// <summary>Electricity price; default from reference data.</summary>
    [Description("Electricity price per kWh; default: the country's reference value.")]
    public Money? ElectricityPricePerKwh { get; init; }

    /// <summary>Natural gas per unit, kWh (gross calorific value).</summary>
    [Range(0.0, 1e7), Description("Natural gas burnt per unit, kWh (gross calorific value, as invoiced): adds gas to the energy cost and its combustion CO2e to production emissions.")]
    public double? GasKwhPerUnit { get; init; }

    /// <summary>Natural-gas price; default from reference data (Eurostat band by annual use).</summary>
    [Description("Natural gas price per kWh (gross calorific value); default: the country's reference value for the consumption band.")]
    public Money? GasPricePerKwh { get; init; }

    /// <summary>Overhead as % of direct cost.</summary>
    [Range(0.0, 500.0), Description("Plant overhead as % of direct labour, materials and energy.")]
    public double? OverheadPct { get; init; }

    /// <summary>Fixed overhead per year.</summary>
    [Description("Fixed plant overhead per year attributable to this item.")]
    public Money? OverheadPerYear { get; init; }

    /// <summary>Depreciation of existing equipment per year.</summary>
    [Description("Depreciation of equipment already in place, per year (new equipment is depreciated from transition.oneOffCosts with depreciationYears).")]
    public Money? ExistingDepreciationPerYear { get; init; }

    /// <summary>Tooling and moulds per year.</summary>
    [Description("Tooling and mould costs per year (amortisation or maintenance).")]
    public Money? ToolingPerYear { get; init; }

    /// <summary>Packaging per unit.</summary>
    [Description("Packaging per unit (export packaging is often heavier for long chains).")]
    public Money? PackagingPerUnit { get; init; }

    /// <summary>Process emissions per unit, kg CO2e.</summary>
    [Range(0.0, 1e7), Description("Direct process emissions per unit, kg CO2e (besides electricity).")]
    public double? ProcessEmissionsKgPerUnit { get; init; }

    /// <summary>Production lead time, days.</summary>
    [Range(0.0, 3650.0), Description("Production lead time from order to dispatch, days.")]
    public double? ProductionLeadTimeDays { get; init; }

    /// <summary>Order processing time, days.</summary>
    [Range(0.0, 3650.0), Description("Order processing and planning time before production starts, days.")]
    public double? OrderProcessingDays { get; init; }

    /// <summary>Skill mix of the direct labour hours.</summary>
    [Description("Skill mix of the direct labour hours (% operators, technicians, engineers). Default: all operators.")]
    public SkillShares? SkillMix { get; init; }

    /// <summary>Process steps, in order, each with its own location.</summary>
    [Description("Process steps in order, each with its own country (partial reshoring by step): labour, energy and materials per step, transport and EU duty of the semi-finished good between steps. With steps, labour and energy come from the steps only.")]
    public IReadOnlyList<ProcessStep>? Steps { get; init; }
}

/// <summary>How labour hours are measured.</summary>
public enum LabourHoursBasis
{
    /// <summary>Hours measured at this plant.</summary>
    Site,
    /// <summary>Standard hours at home-plant productivity, divided by the country's relative productivity.</summary>
    HomeStandard,
}

/// <summary>Transport from the factory to the home plant.</summary>
public sealed record LogisticsInputs
{
    /// <summary>Shipments per year.</summary>
    [Range(0.01, 1e6), Description("Shipments per year (sets the cycle stock and per-shipment costs).")]
    public double? ShipmentsPerYear { get; init; }

    /// <summary>Transport legs.</summary>
    [Description("Transport legs, in order.")]
    public IReadOnlyList<TransportLeg>? Legs { get; init; }

    /// <summary>Port, terminal and handling charges per shipment.</summary>
    [Description("Port, terminal and handling charges per shipment.")]
    public Money? HandlingPerShipment { get; init; }

    /// <summary>Cargo insurance rate, % of insured value.</summary>
    [Range(0.0, 20.0), Description("Cargo insurance premium, % of the insured value (CIF + 10%).")]
    public double? InsuranceRatePct { get; init; }

    /// <summary>Emergency air freight.</summary>
    [Description("Share of volume flown in by emergency air freight.")]
    public EmergencyAirInputs? EmergencyAir { get; init; }
}

/// <summary>One transport leg.</summary>
public sealed record TransportLeg
{
    /// <summary>Reference lane id providing defaults.</summary>
    [Description("Id of a reference lane (see `reshore reference lanes`), which supplies mode, distance, transit days and rate as defaults.")]
    public string? Lane { get; init; }

    /// <summary>Role of the leg.</summary>
    [Description("main (default), preCarriage (inland in the origin country) or onCarriage (port to plant).")]
    public LegRole? Role { get; init; }

    /// <summary>Transport mode.</summary>
    [Description("sea, seaShort, rail, railChinaEurope, road, air, airShort or inlandWaterway; required without a lane.")]
    public TransportMode? Mode { get; init; }

    /// <summary>Distance, km.</summary>
    [Range(0.0, 50000.0), Description("Distance, km (for CO2e and per-tonne-km rates).")]
    public double? DistanceKm { get; init; }

    /// <summary>Transit time, days.</summary>
    [Range(0.0, 365.0), Description("Transit time door to door for this leg, days.")]
    public double? TransitDays { get; init; }

    /// <summary>Freight rate.</summary>
    [Description("Freight rate, in the unit given by rateUnit; \"2600 USD\" or a number in the case currency.")]
    public Money? Rate { get; init; }

    /// <summary>Rate basis.</summary>
    [Description("perFeu, perKg, perFtl, perTonne, perTonneKm, perShipment or perUnit.")]
    public RateUnit? RateUnit { get; init; }

    /// <summary>Units per container or truck; default from volume and weight.</summary>
    [Range(1e-9, 1e9), Description("Units per 40ft container or truck; default: from unit volume and weight at the fill rate.")]
    public double? UnitsPerLoad { get; init; }

    /// <summary>Rate of a part load (LTL, LCL or groupage), in <see cref="PartLoadRateUnit"/>.</summary>
    [Description("Rate for a part load (LTL truck, LCL container, groupage) in partLoadRateUnit; without it a part load pays a full load's rate.")]
    public Money? PartLoadRate { get; init; }

    /// <summary>Basis of the part-load rate.</summary>
    [Description("perM3, perKg or perTonne (the basis of partLoadRate).")]
    public RateUnit? PartLoadRateUnit { get; init; }

    /// <summary>Usable fill of a container or truck, %.</summary>
    [Range(1.0, 100.0), Description("Usable fill of a container or truck by volume, % (default 85).")]
    public double? FillRatePct { get; init; }

    /// <summary>Emission factor override, g CO2e per tonne-km.</summary>
    [Range(0.0, 5000.0), Description("Well-to-wheel emission factor, g CO2e per tonne-km; default: GLEC value for the mode.")]
    public double? EmissionFactorGPerTkm { get; init; }
}

/// <summary>Emergency air freight used to cover shortfalls.</summary>
public sealed record EmergencyAirInputs
{
    /// <summary>Share of annual volume flown, %.</summary>
    [Required, Range(0.0, 100.0), Description("Share of annual volume flown in by emergency air freight, %.")]
    public double SharePct { get; init; }

    /// <summary>Reference air lane.</summary>
    [Description("Id of a reference air lane supplying the rate and distance.")]
    public string? Lane { get; init; }

    /// <summary>Air rate per chargeable kg.</summary>
    [Description("Air freight rate per chargeable kg.")]
    public Money? RatePerKg { get; init; }

    /// <summary>Air distance, km.</summary>
    [Range(0.0, 50000.0), Description("Air distance, km (for CO2e).")]
    public double? DistanceKm { get; init; }
}

/// <summary>Customs and duties.</summary>
public sealed record TradeInputs
{
    /// <summary>Ad valorem duty rate, %; default from reference tariffs.</summary>
    [Range(0.0, 500.0), Description("Ad valorem import duty, % of the customs value; default: the EU MFN rate for the HS code, or 0 under a preference.")]
    public double? DutyRatePct { get; init; }

    /// <summary>Whether the goods qualify for a preferential rate.</summary>
    [Description("Whether the goods meet the rules of origin of the EU preference with the country (FTA, EBA, GSP). Default true where a preference exists.")]
    public bool? PreferentialOrigin { get; init; }

    /// <summary>Anti-dumping and countervailing duties, %.</summary>
    [Range(0.0, 500.0), Description("Anti-dumping, countervailing or other extra ad valorem duties, % of customs value.")]
    public double? ExtraDutyPct { get; init; }

    /// <summary>Specific extra duty per tonne.</summary>
    [Description("Specific extra duty per tonne of net mass.")]
    public Money? ExtraDutyPerTonne { get; init; }

    /// <summary>Customs brokerage per shipment.</summary>
    [Description("Customs brokerage and declaration fees per shipment.")]
    public Money? BrokeragePerShipment { get; init; }

    /// <summary>CBAM inputs for covered goods.</summary>
    [Description("Carbon border adjustment inputs, for goods covered by CBAM.")]
    public CbamInputs? Cbam { get; init; }

    /// <summary>Duty rates that change over the horizon.</summary>
    [Description("Duty rates by calendar year, e.g. a preference lost on graduation or an anti-dumping duty that expires. A year covered here overrides dutyRatePct / extraDutyPct and the reference tariffs for that duty; other years keep them.")]
    public IReadOnlyList<DutyScheduleEntry>? DutySchedule { get; init; }
}

/// <summary>One duty's ad valorem rate over a span of calendar years.</summary>
public sealed record DutyScheduleEntry
{
    /// <summary>Which duty.</summary>
    [Required, Description("importDuty (the customs duty: MFN or preferential) or extraDuty (anti-dumping, countervailing or other additional duty).")]
    public ScheduledDuty Duty { get; init; }

    /// <summary>First calendar year, inclusive.</summary>
    [Range(1990, 2150), Description("First calendar year the rate applies; default: from the start of the horizon.")]
    public int? FromYear { get; init; }

    /// <summary>Last calendar year, inclusive.</summary>
    [Range(1990, 2150), Description("Last calendar year the rate applies (inclusive); default: to the end of the horizon.")]
    public int? UntilYear { get; init; }

    /// <summary>Rate, % of the customs value.</summary>
    [Required, Range(0.0, 500.0), Description("Ad valorem rate in those years, % of the customs value.")]
    public double RatePct { get; init; }

    /// <summary>Why the rate applies.</summary>
    [Description("Why, e.g. \"EBA ends three years after LDC graduation\" or \"anti-dumping duty Reg. (EU) 2022/191 expires\".")]
    public string? Reason { get; init; }

    /// <summary>Whether the entry covers <paramref name="calendarYear"/>.</summary>
    public bool Covers(int calendarYear) => (FromYear is null || calendarYear >= FromYear) && (UntilYear is null || calendarYear <= UntilYear);
}

/// <summary>CBAM inputs (Regulation (EU) 2023/956).</summary>
public sealed record CbamInputs
{
    /// <summary>Specific embedded emissions, t CO2e per tonne of goods.</summary>
    [Required, Range(0.0, 1000.0), Description("Specific embedded emissions, t CO2e per tonne of goods (actual or default value).")]
    public double EmbeddedEmissionsTPerTonne { get; init; }

    /// <summary>CBAM benchmark, t CO2e per tonne.</summary>
    [Range(0.0, 1000.0), Description("CBAM benchmark for the free allocation adjustment, t CO2e per tonne. Not set: no adjustment (upper bound).")]
    public double? BenchmarkTPerTonne { get; init; }

    /// <summary>Carbon price paid in the country of origin per tonne CO2e.</summary>
    [Description("Carbon price effectively paid in the country of origin, per tonne CO2e.")]
    public Money? OriginCarbonPricePerTonne { get; init; }

    /// <summary>Force CBAM on or off.</summary>
    [Description("Whether the goods are covered; default: from the HS code and the CBAM annex.")]
    public bool? Covered { get; init; }
}

/// <summary>Inventory and working capital.</summary>
public sealed record InventoryInputs
{
    /// <summary>Standard deviation of the lead time, days.</summary>
    [Range(0.0, 365.0), Description("Standard deviation of the replenishment lead time, days (adds to safety stock).")]
    public double? LeadTimeStdDevDays { get; init; }

    /// <summary>Payment terms after receipt, days.</summary>
    [Range(0.0, 365.0), Description("Payment terms after receipt of goods, days.")]
    public double? PaymentTermsDays { get; init; }

    /// <summary>Share of price prepaid, %.</summary>
    [Range(0.0, 100.0), Description("Share of the price paid in advance, %.")]
    public double? PrepaymentPct { get; init; }

    /// <summary>How long before receipt the prepayment is made, days.</summary>
    [Range(0.0, 730.0), Description("How long before receipt the prepayment is made, days.")]
    public double? PrepaymentDaysBeforeReceipt { get; init; }

    /// <summary>Obsolescence, % of inventory value per year.</summary>
    [Range(0.0, 100.0), Description("Obsolescence: share of inventory value written off per year held, %.")]
    public double? ObsolescenceRatePct { get; init; }
}

/// <summary>Quality costs.</summary>
public sealed record QualityInputs
{
    /// <summary>Defect rate, %.</summary>
    [Range(0.0, 100.0), Description("Share of units defective (scrap, rework, sorting), %.")]
    public double? DefectRatePct { get; init; }

    /// <summary>Cost per defective unit.</summary>
    [Description("Cost per defective unit; default: the landed unit value (replacement).")]
    public Money? CostPerDefect { get; init; }

    /// <summary>Warranty and return rate, %.</summary>
    [Range(0.0, 100.0), Description("Share of units returned under warranty, %.")]
    public double? WarrantyReturnRatePct { get; init; }

    /// <summary>Cost per return.</summary>
    [Description("Cost per warranty return (replacement, logistics, handling).")]
    public Money? CostPerReturn { get; init; }

    /// <summary>Quality assurance and audits per year.</summary>
    [Description("Supplier audits, inspections and quality assurance per year.")]
    public Money? QualityAssurancePerYear { get; init; }
}

/// <summary>Management and coordination.</summary>
public sealed record ManagementInputs
{
    /// <summary>Trips per year.</summary>
    [Range(0.0, 10000.0), Description("Business trips per year for this source.")]
    public double? TravelTripsPerYear { get; init; }

    /// <summary>Cost per trip.</summary>
    [Description("Cost per trip (fares, hotel, time).")]
    public Money? CostPerTrip { get; init; }

    /// <summary>Coordination cost per year.</summary>
    [Description("Management and coordination cost per year (buyers, planners, time-zone overhead).")]
    public Money? CoordinationPerYear { get; init; }

    /// <summary>Compliance and due diligence per year.</summary>
    [Description("Compliance and due-diligence cost per year (CSRD/CSDDD, forced-labour checks, certifications).")]
    public Money? ComplianceDueDiligencePerYear { get; init; }

    /// <summary>Engineering changes per year.</summary>
    [Range(0.0, 1000.0), Description("Engineering changes per year.")]
    public double? EngineeringChangesPerYear { get; init; }

    /// <summary>Cost per week of delay of one engineering change.</summary>
    [Description("Cost of one week's delay in bringing one engineering change to market.")]
    public Money? DelayCostPerChangeWeek { get; init; }
}

/// <summary>Risk inputs, as expected values.</summary>
public sealed record RiskInputs
{
    /// <summary>Supply disruption.</summary>
    [Description("Supply disruption of this source (natural disaster, strike, canal closure, plant fire).")]
    public DisruptionInputs? Disruption { get; init; }

    /// <summary>Trade-policy risk.</summary>
    [Description("Risk of extra tariffs or trade restrictions.")]
    public TradePolicyRiskInputs? TradePolicy { get; init; }

    /// <summary>Currency risk premium, % of foreign-currency exposure.</summary>
    [Range(0.0, 100.0), Description("Currency risk premium or hedging cost, % of the cost paid in foreign currency.")]
    public double? CurrencyRiskPct { get; init; }

    /// <summary>IP loss.</summary>
    [Description("Risk of losing intellectual property.")]
    public IpLossInputs? IpLoss { get; init; }
}

/// <summary>Disruption of a source, valued as expected lost margin.</summary>
public sealed record DisruptionInputs
{
    /// <summary>Events per year.</summary>
    [Required, Range(0.0, 52.0), Description("Expected number of disruptions per year (e.g. 0.1 = once in ten years).")]
    public double EventsPerYear { get; init; }

    /// <summary>Duration, weeks.</summary>
    [Required, Range(0.0, 520.0), Description("Mean duration of a disruption, weeks.")]
    public double DurationWeeks { get; init; }

    /// <summary>Capacity lost during the event, %.</summary>
    [Range(0.0, 100.0), Description("Share of supply lost during a disruption, %. Default 100.")]
    public double? CapacityLossPct { get; init; }

    /// <summary>Share of the loss covered by stock or other sources, %.</summary>
    [Range(0.0, 100.0), Description("Share of the shortfall covered by stock or other sources, %. Default 0.")]
    public double? MitigatedPct { get; init; }

    /// <summary>Cost per unit not delivered.</summary>
    [Description("Cost per unit not delivered; default: the item's lost margin (selling price × margin).")]
    public Money? CostPerLostUnit { get; init; }
}

/// <summary>Risk of extra tariffs.</summary>
public sealed record TradePolicyRiskInputs
{
    /// <summary>Probability per year, %.</summary>
    [Required, Range(0.0, 100.0), Description("Probability per year that the extra tariff applies, %.")]
    public double AnnualProbabilityPct { get; init; }

    /// <summary>Extra tariff, % of customs value.</summary>
    [Required, Range(0.0, 500.0), Description("Extra tariff if it happens, % of customs value.")]
    public double ExtraTariffPct { get; init; }
}

/// <summary>Risk of losing intellectual property.</summary>
public sealed record IpLossInputs
{
    /// <summary>Probability per year, %.</summary>
    [Required, Range(0.0, 100.0), Description("Probability per year of an IP loss, %.")]
    public double AnnualProbabilityPct { get; init; }

    /// <summary>Loss if it happens.</summary>
    [Required, Description("Loss if it happens (lost sales margin, legal costs).")]
    public Money Loss { get; init; }
}

/// <summary>Strategic effects valued in money.</summary>
public sealed record StrategicInputs
{
    /// <summary>Innovation distance penalty, % of landed value.</summary>
    [Range(0.0, 100.0), Description("Cost of distance between production and R&D (slower learning, later launches), % of the landed unit value.")]
    public double? InnovationDistancePct { get; init; }

    /// <summary>'Made in' price premium, % of selling price.</summary>
    [Range(0.0, 100.0), Description("Price premium customers pay for 'made in' (e.g. made in Belgium/Europe), % of the selling price; counted as a negative cost.")]
    public double? MadeInPremiumPct { get; init; }
}

/// <summary>A user-defined cost line.</summary>
public sealed record OtherCost
{
    /// <summary>Name.</summary>
    [Required, Description("Name of the cost.")]
    public string Name { get; init; } = "";

    /// <summary>Cost per unit.</summary>
    [Description("Cost per unit.")]
    public Money? PerUnit { get; init; }

    /// <summary>Cost per year.</summary>
    [Description("Cost per year.")]
    public Money? PerYear { get; init; }

    /// <summary>Kind.</summary>
    [Description("hard (default), risk or strategic.")]
    public CostKind? Kind { get; init; }
}

/// <summary>One-off costs and incentives of the switch.</summary>
public sealed record TransitionInputs
{
    /// <summary>One-off costs.</summary>
    [Description("One-off costs of switching.")]
    public IReadOnlyList<OneOffCost>? OneOffCosts { get; init; }

    /// <summary>Incentives.</summary>
    [Description("Subsidies, tax credits and subsidised loans.")]
    public IReadOnlyList<Incentive>? Incentives { get; init; }
}

/// <summary>A one-off cost: an amount, or a quantity times a unit cost.</summary>
public sealed record OneOffCost
{
    /// <summary>Kind.</summary>
    [Required, Description("capexBuilding, capexMachines, capexAutomation, toolingTransfer, closure, severance, exitTax, rampUp, doubleRunning, recruitment, training, qualification or other.")]
    public OneOffCostType Type { get; init; }

    /// <summary>Description.</summary>
    [Description("What it is.")]
    public string? Description { get; init; }

    /// <summary>Amount.</summary>
    [Description("Amount; or give quantity and unitCost.")]
    public Money? Amount { get; init; }

    /// <summary>Quantity.</summary>
    [Range(0.0, 1e9), Description("Quantity (e.g. employees, machines, months).")]
    public double? Quantity { get; init; }

    /// <summary>Cost per quantity.</summary>
    [Description("Cost per quantity.")]
    public Money? UnitCost { get; init; }

    /// <summary>Year of the cost, 0 = start.</summary>
    [Range(0, 40), Description("Year in which it is paid: 0 = at the start (default), 1 = first year, ...")]
    public int? Year { get; init; }

    /// <summary>Depreciation life, years.</summary>
    [Range(1, 100), Description("For capital expenditure: straight-line depreciation life, years (gives the depreciation line and a residual value at the horizon).")]
    public int? DepreciationYears { get; init; }
}

/// <summary>A public incentive.</summary>
public sealed record Incentive
{
    /// <summary>Kind.</summary>
    [Required, Description("subsidy, taxCredit, subsidisedLoan or other.")]
    public IncentiveType Type { get; init; }

    /// <summary>Description.</summary>
    [Description("What it is, and the scheme (e.g. VLAIO strategic ecological support).")]
    public string? Description { get; init; }

    /// <summary>Amount (subsidy, tax credit).</summary>
    [Description("Amount received (subsidy, tax credit, other).")]
    public Money? Amount { get; init; }

    /// <summary>Year received.</summary>
    [Range(0, 40), Description("Year received: 0 = at the start (default).")]
    public int? Year { get; init; }

    /// <summary>Loan principal.</summary>
    [Description("Subsidised loan: principal.")]
    public Money? Principal { get; init; }

    /// <summary>Loan rate.</summary>
    [Range(-5.0, 50.0), Description("Subsidised loan: interest rate, % per year.")]
    public double? LoanRatePct { get; init; }

    /// <summary>Market rate.</summary>
    [Range(-5.0, 50.0), Description("Subsidised loan: market rate it is compared with, % per year. Default: the discount rate.")]
    public double? MarketRatePct { get; init; }

    /// <summary>Term.</summary>
    [Range(1, 50), Description("Subsidised loan: term in years (annuity repayment).")]
    public int? TermYears { get; init; }

    /// <summary>Catalogue instrument whose intensity and ceiling give the amount.</summary>
    [Description("Id of a support instrument of the catalogue (reshore instruments): the amount is the instrument's intensity for the firm's size × the eligible cost, capped at its ceiling (docs/model.md §21.1). Give no amount with it.")]
    public string? Instrument { get; init; }

    /// <summary>Eligible cost for the instrument.</summary>
    [Description("With instrument: the eligible cost. Default: the option's one-offs of the instrument's cost base (investment: capex, tooling transfer and automation capex; training: training).")]
    public Money? EligibleCost { get; init; }

    /// <summary>The aid requires domestic over imported inputs.</summary>
    [Description("True when the aid is conditional on using domestic rather than imported goods (flagged: prohibited subsidy under the WTO SCM Agreement art. 3.1(b)).")]
    public bool? LocalContentCondition { get; init; }

    /// <summary>The aid requires moving production back.</summary>
    [Description("True when the aid is conditional on relocating production to the country (flagged under WTO subsidy rules).")]
    public bool? RelocationCondition { get; init; }
}
