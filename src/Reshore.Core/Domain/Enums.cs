namespace Reshore.Core.Domain;

/// <summary>
/// How the option's ownership relates to the status quo: the four reshoring governance models of
/// SERV's study (Tabel 1, after Eurofound) plus the status quo itself. The same four apply to
/// nearshoring moves.
/// </summary>
public enum GovernanceModel
{
    /// <summary>The current sourcing arrangement.</summary>
    StatusQuo,
    /// <summary>Own foreign plant to own home (or nearby) plant.</summary>
    InHouseReshoring,
    /// <summary>Own foreign plant to a home (or nearby) supplier.</summary>
    ReshoringForOutsourcing,
    /// <summary>Foreign supplier to own home (or nearby) plant.</summary>
    ReshoringForInsourcing,
    /// <summary>Foreign supplier to a home (or nearby) supplier.</summary>
    OutsourcedReshoring,
    /// <summary>To or between foreign sources further from home: offshoring, a second offshore supplier, dual sourcing abroad.</summary>
    Offshoring,
}

/// <summary>Whether the option is an own plant (cost build-up) or a supplier (purchase price).</summary>
public enum SupplyType
{
    /// <summary>A supplier or contract manufacturer paid a unit price.</summary>
    Supplier,
    /// <summary>An own plant whose unit cost is built up from labour, materials, energy and overhead.</summary>
    OwnPlant,
}

/// <summary>Where an option's country lies relative to the case's home country.</summary>
public enum LocationClass
{
    /// <summary>The home country.</summary>
    Home,
    /// <summary>Europe or the Mediterranean rim, reachable by road or short-sea.</summary>
    Nearshore,
    /// <summary>Everywhere else.</summary>
    Offshore,
}

/// <summary>Transport mode of a leg.</summary>
public enum TransportMode
{
    /// <summary>Deep-sea container shipping.</summary>
    Sea,
    /// <summary>Short-sea shipping (Mediterranean, North Sea, Baltic).</summary>
    SeaShort,
    /// <summary>Rail freight.</summary>
    Rail,
    /// <summary>China–Europe rail.</summary>
    RailChinaEurope,
    /// <summary>Road freight (articulated truck).</summary>
    Road,
    /// <summary>Air freight, long haul.</summary>
    Air,
    /// <summary>Air freight, short haul (up to 1,500 km).</summary>
    AirShort,
    /// <summary>Inland waterway barge.</summary>
    InlandWaterway,
}

/// <summary>The role of a transport leg in the chain.</summary>
public enum LegRole
{
    /// <summary>The main international leg (sea, rail, road or air).</summary>
    Main,
    /// <summary>Inland transport in the origin country before the main leg (part of the customs value).</summary>
    PreCarriage,
    /// <summary>Inland transport from the port or border to the plant (not part of the customs value).</summary>
    OnCarriage,
}

/// <summary>The basis of a freight rate.</summary>
public enum RateUnit
{
    /// <summary>Per 40-foot container (FEU).</summary>
    PerFeu,
    /// <summary>Per chargeable kilogram (air: the greater of actual and volumetric weight).</summary>
    PerKg,
    /// <summary>Per full truckload.</summary>
    PerFtl,
    /// <summary>Per tonne of actual weight.</summary>
    PerTonne,
    /// <summary>Per tonne-kilometre.</summary>
    PerTonneKm,
    /// <summary>Per shipment.</summary>
    PerShipment,
    /// <summary>Per unit of the item.</summary>
    PerUnit,
    /// <summary>Per cubic metre of the goods' volume (LCL and groupage quotes).</summary>
    PerM3,
}

/// <summary>Kinds of one-off transition cost.</summary>
public enum OneOffCostType
{
    /// <summary>Buildings and site preparation.</summary>
    CapexBuilding,
    /// <summary>Machines and equipment.</summary>
    CapexMachines,
    /// <summary>Automation and robotics.</summary>
    CapexAutomation,
    /// <summary>Transferring or rebuilding tools and moulds.</summary>
    ToolingTransfer,
    /// <summary>Closing the site in the country left.</summary>
    Closure,
    /// <summary>Severance and paying out fixed-term contracts in the country left.</summary>
    Severance,
    /// <summary>Exit and closure taxes.</summary>
    ExitTax,
    /// <summary>Ramp-up losses (scrap, low yield, overtime).</summary>
    RampUp,
    /// <summary>Running old and new sources in parallel.</summary>
    DoubleRunning,
    /// <summary>Recruitment.</summary>
    Recruitment,
    /// <summary>Training.</summary>
    Training,
    /// <summary>Supplier qualification and first-article approval.</summary>
    Qualification,
    /// <summary>Anything else.</summary>
    Other,
}

/// <summary>Kinds of public incentive.</summary>
public enum IncentiveType
{
    /// <summary>A cash grant.</summary>
    Subsidy,
    /// <summary>A tax credit or deduction, valued as the tax saved.</summary>
    TaxCredit,
    /// <summary>A loan below the market rate, valued as its grant equivalent.</summary>
    SubsidisedLoan,
    /// <summary>Anything else.</summary>
    Other,
}

/// <summary>Whether a cost factor is a hard cost, a risk cost or a strategic cost (as the Reshoring Initiative's TCO estimator separates them).</summary>
public enum CostKind
{
    /// <summary>Costs that appear on invoices and in the books.</summary>
    Hard,
    /// <summary>Expected values of uncertain losses.</summary>
    Risk,
    /// <summary>Valuations of strategic effects (innovation, brand, internal carbon price).</summary>
    Strategic,
}

/// <summary>Groups of cost factors.</summary>
public enum CostCategory
{
    /// <summary>Making the item: price or cost build-up.</summary>
    Production,
    /// <summary>Moving it to the plant.</summary>
    Logistics,
    /// <summary>Customs, duties and border carbon.</summary>
    TradeAndCustoms,
    /// <summary>Internal carbon price.</summary>
    Carbon,
    /// <summary>Inventory and working capital.</summary>
    InventoryAndFinance,
    /// <summary>Quality costs.</summary>
    Quality,
    /// <summary>Management, travel and coordination.</summary>
    Management,
    /// <summary>Expected cost of risks.</summary>
    Risk,
    /// <summary>Strategic effects.</summary>
    Strategic,
    /// <summary>User-defined lines.</summary>
    Other,
}

/// <summary>The duty a <see cref="DutyScheduleEntry"/> sets.</summary>
public enum ScheduledDuty
{
    /// <summary>The customs duty (MFN or preferential rate).</summary>
    ImportDuty,
    /// <summary>Anti-dumping, countervailing or other additional duty.</summary>
    ExtraDuty,
}
