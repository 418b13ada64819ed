using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Reshore.Core.Values;

namespace Reshore.Core.Domain;

/// <summary>
/// A product, part or production activity with its demand and the sourcing options compared for it.
/// Money amounts are in the case currency unless they carry their own.
/// </summary>
public sealed record Item
{
    /// <summary>Identifier, unique in the case.</summary>
    [Required, Description("Identifier, unique within the case (letters, digits, '-', '_', '.').")]
    public string Id { get; init; } = "";

    /// <summary>Human name.</summary>
    [Description("Name shown in reports.")]
    public string? Name { get; init; }

    /// <summary>Annual volume in year 1, units.</summary>
    [Required, Range(1e-9, 1e12), Description("Annual volume in year 1, units.")]
    public double AnnualVolumeUnits { get; init; }

    /// <summary>Demand growth, % per year.</summary>
    [Range(-50.0, 100.0), Description("Demand growth, % per year. Default 0.")]
    public double? DemandGrowthPct { get; init; }

    /// <summary>Gross weight per unit, kg (packed).</summary>
    [Required, Range(1e-9, 1e6), Description("Gross shipping weight per unit, kg.")]
    public double UnitWeightKg { get; init; }

    /// <summary>Net mass per unit, kg (for CBAM and specific duties).</summary>
    [Range(1e-9, 1e6), Description("Net mass per unit, kg, for CBAM and duties per tonne. Default: unitWeightKg.")]
    public double? NetWeightKg { get; init; }

    /// <summary>Shipping volume per unit, m³ (packed).</summary>
    [Range(0.0, 1e4), Description("Shipping volume per unit, m³ (needed for container, truck and air volumetric loads).")]
    public double? UnitVolumeM3 { get; init; }

    /// <summary>HS or CN code.</summary>
    [Description("HS or CN code (digits, spaces and dots allowed), used for duties and CBAM.")]
    public string? HsCode { get; init; }

    /// <summary>NACE Rev.2 code.</summary>
    [Description("NACE Rev.2 sector code, e.g. C27.4.")]
    public string? NaceCode { get; init; }

    /// <summary>Selling price per unit (or value to the business).</summary>
    [Range(0.0, 1e9), Description("Selling price per unit of the product this item goes into (or the item's own), in the case currency.")]
    public double? SellingPricePerUnit { get; init; }

    /// <summary>Gross margin on the selling price, %.</summary>
    [Range(-100.0, 100.0), Description("Gross margin on the selling price, %; the margin lost on a unit not delivered.")]
    public double? MarginPct { get; init; }

    /// <summary>Salvage value of an unsold unit.</summary>
    [Range(0.0, 1e9), Description("Value recovered on a unit left unsold at the end of its selling season (for the lead-time mismatch cost).")]
    public double? SalvageValuePerUnit { get; init; }

    /// <summary>Annual demand log-volatility, % per √year.</summary>
    [Range(0.0, 500.0), Description("Demand volatility: annual log-volatility of demand, % per √year (e.g. 60). Used for safety stock and the lead-time mismatch cost.")]
    public double? DemandVolatilityPct { get; init; }

    /// <summary>Target cycle service level for safety stock, %.</summary>
    [Range(50.0, 99.999), Description("Target cycle service level for safety stock, % (e.g. 95).")]
    public double? ServiceLevelPct { get; init; }

    /// <summary>Inventory carrying cost, % of value per year.</summary>
    [Range(0.0, 200.0), Description("Inventory carrying cost (capital, storage, handling, insurance), % of unit value per year.")]
    public double? InventoryCarryingRatePct { get; init; }

    /// <summary>Named strategies for the simulation.</summary>
    [Description("Named sourcing strategies for the simulation (e.g. 70/30 dual sourcing, status quo plus 8 buffer weeks); 100% of each option is always simulated too.")]
    public IReadOnlyList<SourcingStrategy>? Strategies { get; init; }

    /// <summary>Scorecard inputs.</summary>
    [Description("Multi-criteria scorecard: weights or AHP comparisons, judged scores, R&D site and product traits.")]
    public ScorecardInputs? Scorecard { get; init; }

    /// <summary>Bill of materials.</summary>
    [Description("Bill of materials: components at every tier with value, supplier, country and raw materials (for reshore dependencies bom).")]
    public IReadOnlyList<BomComponent>? BillOfMaterials { get; init; }

    /// <summary>Optimiser settings and constraints.</summary>
    [Description("Settings and constraints for reshore optimize (risk aversion, share limits, country and non-EU caps, CO2e budget, fill rate, capacity, MOQ).")]
    public OptimizationSettings? Optimization { get; init; }

    /// <summary>Backorders instead of lost sales.</summary>
    [Description("true: unmet demand is backordered; false (default): it is lost at the lost margin plus shortagePenaltyPerUnit.")]
    public bool? Backorders { get; init; }

    /// <summary>Penalty per unit short on top of the lost margin.</summary>
    [Description("Penalty per unit of demand not met on time, on top of the lost margin (selling price × margin).")]
    public Money? ShortagePenaltyPerUnit { get; init; }

    /// <summary>Emergency supply for shortfalls.</summary>
    [Description("Emergency supply (e.g. air freight) that covers what the options cannot ship, at a premium.")]
    public EmergencySupply? EmergencySupply { get; init; }

    /// <summary>Markets the item is sold in; none = one market served through the home country.</summary>
    [Description("Markets the item is sold in (home, rest of the EU, the host country), each with its share of the volume; options may serve some of them. Leave out for one market served through the home country.")]
    public IReadOnlyList<ItemMarket>? Markets { get; init; }

    /// <summary>The sourcing options; exactly one has governance statusQuo.</summary>
    [Required, Description("The sourcing options compared; exactly one has governance 'statusQuo'.")]
    public IReadOnlyList<SourcingOption> Options { get; init; } = [];
}
