using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Reshore.Core.Values;

namespace Reshore.Core.Domain;

/// <summary>
/// One step of an item's production chain, with its own location (partial reshoring: automated steps at home, manual ones abroad).
/// The steps of an option run in order; the semi-finished good travels from each step to the next over <see cref="InboundLegs"/>.
/// A step is done in-house (labour hours, energy, materials at the step's country) or subcontracted (a price per unit for the step).
/// </summary>
public sealed record ProcessStep
{
    /// <summary>Identifier, unique within the option.</summary>
    [Required, Description("Identifier of the step, unique within the option (letters, digits, '-', '_', '.').")]
    public string Id { get; init; } = "";

    /// <summary>Human name.</summary>
    [Description("Name shown in reports, e.g. \"laser cutting and bending\".")]
    public string? Name { get; init; }

    /// <summary>Where the step is done; default the option's country.</summary>
    [Description("ISO 3166-1 alpha-2 code of the country where the step is done. Default: the option's country. The last step is in the option's country.")]
    public CountryCode? Country { get; init; }

    /// <summary>Direct labour hours per unit at this step.</summary>
    [Range(0.0, 1e6), Description("Direct labour hours per unit at this step, measured at its site (before an automation scenario that names this step).")]
    public double? LabourHoursPerUnit { get; init; }

    /// <summary>Labour cost per hour at the step; default the country's reference value.</summary>
    [Range(0.0, 1e4), Description("Employer labour cost per hour at this step; default: the step country's reference value.")]
    public Money? LabourCostPerHour { get; init; }

    /// <summary>Learning rate of this step's hours, %.</summary>
    [Range(0.0, 50.0), Description("Reduction of this step's labour hours per doubling of cumulative volume, % (Wright's law). Default 0.")]
    public double? LearningRatePct { get; init; }

    /// <summary>Electricity per unit at the step, kWh.</summary>
    [Range(0.0, 1e7), Description("Electricity used per unit at this step, kWh (cost at the step country's price; CO2e at its grid intensity).")]
    public double? EnergyKwhPerUnit { get; init; }

    /// <summary>Electricity price at the step; default the country's reference value.</summary>
    [Description("Electricity price per kWh at this step; default: the step country's reference value.")]
    public Money? ElectricityPricePerKwh { get; init; }

    /// <summary>Materials added at this step, per unit.</summary>
    [Description("Materials and bought-in parts added at this step, per unit (the option's production.materialCostPerUnit enters at the first step).")]
    public Money? MaterialCostPerUnit { get; init; }

    /// <summary>Price per unit paid to a subcontractor for the step.</summary>
    [Description("Subcontracted step: price per unit paid for the work of this step (instead of labour hours and energy).")]
    public Money? UnitPrice { get; init; }

    /// <summary>Share of the step's price that follows wages, %.</summary>
    [Range(0.0, 100.0), Description("Share of the subcontracted step's price that follows the step country's wage growth, %; also used to estimate the hours in the price. Default 0 for the price; unknown for the hours.")]
    public double? PriceLabourSharePct { get; init; }

    /// <summary>Days the step takes, order to dispatch to the next step.</summary>
    [Range(0.0, 3650.0), Description("Days the step takes, from the good's arrival to its dispatch to the next step.")]
    public double? ProcessingDays { get; init; }

    /// <summary>Skill mix of the step's direct hours.</summary>
    [Description("Skill mix of this step's direct labour hours (% operators, technicians, engineers). Default: all operators.")]
    public SkillShares? SkillMix { get; init; }

    /// <summary>Transport of the semi-finished good from the previous step to this one.</summary>
    [Description("Transport legs of the semi-finished good from the previous step to this one (none for the first step or a step at the same site).")]
    public IReadOnlyList<TransportLeg>? InboundLegs { get; init; }

    /// <summary>Shipments per year from the previous step.</summary>
    [Range(0.01, 1e6), Description("Shipments per year from the previous step (for per-shipment rates and part loads).")]
    public double? InboundShipmentsPerYear { get; init; }

    /// <summary>Gross weight per unit of the semi-finished good arriving, kg.</summary>
    [Range(1e-9, 1e6), Description("Gross shipping weight per unit of the semi-finished good arriving at this step, kg. Default: the item's unitWeightKg.")]
    public double? InboundWeightKg { get; init; }

    /// <summary>Shipping volume per unit of the semi-finished good arriving, m³.</summary>
    [Range(0.0, 1e4), Description("Shipping volume per unit of the semi-finished good arriving at this step, m³. Default: the item's unitVolumeM3.")]
    public double? InboundVolumeM3 { get; init; }

    /// <summary>HS or CN code of the semi-finished good arriving.</summary>
    [Description("HS or CN code of the semi-finished good arriving at this step, for the EU duty when it enters the EU. Default: the item's hsCode.")]
    public string? InboundHsCode { get; init; }

    /// <summary>EU duty rate on the semi-finished good, %.</summary>
    [Range(0.0, 500.0), Description("Ad valorem EU import duty on the semi-finished good entering the EU at this step, %; default: from the trade regime of the previous step's country and the EU MFN rate of inboundHsCode.")]
    public double? InboundDutyRatePct { get; init; }

    /// <summary>Whether the semi-finished good meets the preference's rules of origin.</summary>
    [Description("Whether the semi-finished good meets the rules of origin of the EU preference with the previous step's country. Default true where a preference exists.")]
    public bool? InboundPreferentialOrigin { get; init; }

    /// <summary>Outward processing relief.</summary>
    [Description("true: EU goods processed abroad under outward processing (Union Customs Code, Art. 259-262): the duty is charged on the cost of the processing outside the EU, not on the whole value.")]
    public bool? OutwardProcessing { get; init; }
}

/// <summary>Shares of operators, technicians and engineers, %.</summary>
public sealed record SkillShares
{
    /// <summary>Operators (production work, ISCO-08 major groups 7–9), %.</summary>
    [Range(0.0, 100.0), Description("Operators and assemblers (ISCO-08 major groups 7-9), %.")]
    public double? OperatorsPct { get; init; }

    /// <summary>Technicians (ISCO-08 major group 3), %.</summary>
    [Range(0.0, 100.0), Description("Technicians and maintenance staff (ISCO-08 major group 3), %.")]
    public double? TechniciansPct { get; init; }

    /// <summary>Engineers (ISCO-08 major group 2), %.</summary>
    [Range(0.0, 100.0), Description("Engineers (ISCO-08 major group 2), %.")]
    public double? EngineersPct { get; init; }
}

/// <summary>Kind of automation equipment.</summary>
public enum AutomationEquipment
{
    /// <summary>Industrial robot cells behind guarding.</summary>
    Robot,
    /// <summary>Collaborative robots working next to operators.</summary>
    Cobot,
    /// <summary>Dedicated machines, vision, conveyors.</summary>
    Other,
}

/// <summary>
/// An explicit automation scenario of an option: the capex of robot or cobot cells, the direct hours they save per unit, their
/// maintenance, energy, support staff, capacity (cycle time, OEE, shift pattern) and ramp-up. The option's labour hours are the
/// manual process; the scenario takes its hours off them, adds its costs, and is also valued on its own (payback).
/// </summary>
public sealed record AutomationScenario
{
    /// <summary>Process step automated; default the option's own production.</summary>
    [Description("Id of the process step automated (production.steps); leave out when the option has no steps.")]
    public string? Step { get; init; }

    /// <summary>What it is.</summary>
    [Description("What is automated, e.g. \"two welding robot cells\".")]
    public string? Description { get; init; }

    /// <summary>Robot, cobot or other.</summary>
    [Description("robot, cobot or other.")]
    public AutomationEquipment? Equipment { get; init; }

    /// <summary>Number of cells.</summary>
    [Range(1, 1000), Description("Number of cells (robots or cobots with their tooling). Default 1.")]
    public int? Cells { get; init; }

    /// <summary>Capex per cell.</summary>
    [Required, Description("Investment per cell: robot, gripper and tooling, safety, integration and installation.")]
    public Money CapexPerCell { get; init; }

    /// <summary>Year of the investment, 0 = start.</summary>
    [Range(0, 40), Description("Year of the investment: 0 = at the start (default).")]
    public int? CapexYear { get; init; }

    /// <summary>Depreciation life, years.</summary>
    [Required, Range(1, 100), Description("Straight-line depreciation life of the cells, years.")]
    public int DepreciationYears { get; init; }

    /// <summary>Direct labour hours saved per unit at full performance.</summary>
    [Required, Range(0.0, 1e6), Description("Direct labour hours per unit the cells take off the manual process at full performance.")]
    public double LabourHoursSavedPerUnit { get; init; }

    /// <summary>Share of the saving reached in years 1, 2, …, %.</summary>
    [Description("Ramp-up: % of the hours saved reached in year 1, 2, ... (e.g. [60, 90]); 100 after the last value given. Default: 100 from year 1.")]
    public IReadOnlyList<double>? RampUpPct { get; init; }

    /// <summary>Maintenance per year as % of the capex.</summary>
    [Range(0.0, 100.0), Description("Maintenance, spare parts and service contracts per year, % of the capex.")]
    public double? MaintenancePctOfCapex { get; init; }

    /// <summary>Maintenance per year.</summary>
    [Description("Maintenance, spare parts and service contracts per year (instead of maintenancePctOfCapex).")]
    public Money? MaintenancePerYear { get; init; }

    /// <summary>Extra electricity per unit, kWh.</summary>
    [Range(0.0, 1e7), Description("Electricity the cells add per unit, kWh.")]
    public double? EnergyKwhPerUnit { get; init; }

    /// <summary>Cycle time per unit per cell, seconds.</summary>
    [Range(0.0, 1e7), Description("Cycle time per unit of one cell, seconds (for the capacity check).")]
    public double? CycleTimeSeconds { get; init; }

    /// <summary>Overall equipment effectiveness, %.</summary>
    [Range(1.0, 100.0), Description("Overall equipment effectiveness (availability × performance × quality), %.")]
    public double? OeePct { get; init; }

    /// <summary>Shifts per day.</summary>
    [Range(0.0, 4.0), Description("Shifts per working day (shift pattern).")]
    public double? ShiftsPerDay { get; init; }

    /// <summary>Hours per shift.</summary>
    [Range(0.0, 24.0), Description("Hours per shift.")]
    public double? HoursPerShift { get; init; }

    /// <summary>Working days per year.</summary>
    [Range(0.0, 366.0), Description("Working days per year of the cells.")]
    public double? DaysPerYear { get; init; }

    /// <summary>Support staff the cells need.</summary>
    [Description("Skills the cells need: support staff (FTE) and the upskilling of the operators who stay.")]
    public AutomationSkills? Skills { get; init; }
}

/// <summary>Support staff and training an automation scenario needs.</summary>
public sealed record AutomationSkills
{
    /// <summary>Technician FTE (maintenance, programming).</summary>
    [Range(0.0, 10000.0), Description("Technicians (maintenance, robot programming), FTE.")]
    public double? TechniciansFte { get; init; }

    /// <summary>Engineer FTE (process and automation engineering).</summary>
    [Range(0.0, 10000.0), Description("Engineers (process and automation engineering), FTE.")]
    public double? EngineersFte { get; init; }

    /// <summary>Labour cost per hour of the support staff.</summary>
    [Range(0.0, 1e4), Description("Employer labour cost per hour of the support staff; default: the country's labour cost per hour (as for direct labour).")]
    public Money? SupportLabourCostPerHour { get; init; }

    /// <summary>Training hours per operator who stays.</summary>
    [Range(0.0, 10000.0), Description("Training hours per operator who stays and works with the cells (upskilling).")]
    public double? UpskillingHoursPerOperator { get; init; }
}

/// <summary>A market the item is sold in, with its share of the item's demand.</summary>
public sealed record ItemMarket
{
    /// <summary>Identifier, unique within the item.</summary>
    [Required, Description("Identifier of the market, unique within the item, e.g. \"eu\" or \"rs\".")]
    public string Id { get; init; } = "";

    /// <summary>Human name.</summary>
    [Description("Name shown in reports, e.g. \"Belgium and the rest of the EU\".")]
    public string? Name { get; init; }

    /// <summary>Where the market's goods are delivered.</summary>
    [Description("ISO 3166-1 alpha-2 code of the country the market is delivered in. Default: the home country (EU customers served through the home warehouse).")]
    public CountryCode? Country { get; init; }

    /// <summary>Share of the item's annual volume, %.</summary>
    [Required, Range(0.0, 100.0), Description("Share of the item's annual volume sold in this market, %; the shares of an item's markets add up to 100.")]
    public double SharePct { get; init; }
}

/// <summary>How an option delivers to a market that is neither its own country nor reached through its standard logistics.</summary>
public sealed record MarketDelivery
{
    /// <summary>The transport leg to the market.</summary>
    [Description("Transport leg from the option's site to the market (a lane or mode, distance, transit days and rate).")]
    public TransportLeg? Leg { get; init; }

    /// <summary>Shipments per year to the market.</summary>
    [Range(0.01, 1e6), Description("Shipments per year to this market.")]
    public double? ShipmentsPerYear { get; init; }

    /// <summary>Import duty in the market's country, %.</summary>
    [Range(0.0, 500.0), Description("Import duty of the market's country on the item, % of the customs value (for a market outside the EU). Not set: not assessed.")]
    public double? DutyRatePct { get; init; }

    /// <summary>Customs brokerage per shipment.</summary>
    [Description("Customs brokerage per shipment to this market.")]
    public Money? BrokeragePerShipment { get; init; }
}

/// <summary>Assumptions of the jobs and skills view, overriding the reference data and model defaults.</summary>
public sealed record JobsSettings
{
    /// <summary>Hours worked per FTE per year by country.</summary>
    [Description("Hours worked per full-time equivalent per year, by country (ISO alpha-2 → hours); overrides usual weekly hours × working weeks.")]
    public IReadOnlyDictionary<string, double>? HoursPerFte { get; init; }

    /// <summary>Working weeks per year of a full-time worker.</summary>
    [Range(1.0, 52.0), Description("Working weeks per year of a full-time worker (default 46: 52 less four weeks' minimum paid leave and about two weeks of public holidays).")]
    public double? WorkingWeeksPerYear { get; init; }

    /// <summary>Region of the home plant.</summary>
    [Description("Home region for the labour-market view, e.g. \"Flemish Region\". Default: the home country.")]
    public string? HomeRegion { get; init; }

    /// <summary>Job vacancy rate of the home region, %.</summary>
    [Range(0.0, 100.0), Description("Job vacancy rate of the home region, %; default: the home country's Eurostat rate.")]
    public double? JobVacancyRatePct { get; init; }

    /// <summary>Whether the home labour market is tight.</summary>
    [Description("Whether the home labour market is tight; default: job vacancy rate at least 1.5 times the EU rate.")]
    public bool? LabourMarketTight { get; init; }

    /// <summary>Hiring lead time by skill, weeks.</summary>
    [Description("Weeks to fill a vacancy, by skill (model defaults: operators 8, technicians 16, engineers 24).")]
    public SkillValues? HiringLeadTimeWeeks { get; init; }

    /// <summary>Training hours per new hire by skill.</summary>
    [Description("Training hours per new hire, by skill (model defaults: operators 80, technicians 160, engineers 120).")]
    public SkillValues? TrainingHoursPerHire { get; init; }
}

/// <summary>A number per skill.</summary>
public sealed record SkillValues
{
    /// <summary>Operators.</summary>
    [Range(0.0, 10000.0), Description("Operators.")]
    public double? Operators { get; init; }

    /// <summary>Technicians.</summary>
    [Range(0.0, 10000.0), Description("Technicians.")]
    public double? Technicians { get; init; }

    /// <summary>Engineers.</summary>
    [Range(0.0, 10000.0), Description("Engineers.")]
    public double? Engineers { get; init; }
}
