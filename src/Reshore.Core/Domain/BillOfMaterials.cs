using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Reshore.Core.Values;

namespace Reshore.Core.Domain;

/// <summary>A component of an item's bill of materials, at any tier.</summary>
public sealed record BomComponent
{
    /// <summary>Identifier, unique within the item.</summary>
    [Required, Description("Identifier, unique within the item's bill of materials.")]
    public string Id { get; init; } = "";

    /// <summary>Name.</summary>
    [Description("Name.")]
    public string? Name { get; init; }

    /// <summary>Parent component id; null for tier-1 components used by the item itself.</summary>
    [Description("Id of the component this one goes into; leave out for tier-1 components of the item itself.")]
    public string? Parent { get; init; }

    /// <summary>Tier (1 = bought in directly).</summary>
    [Range(1, 20), Description("Tier: 1 for parts bought in directly, 2 for their inputs, and so on. Default: one more than the parent's.")]
    public int? Tier { get; init; }

    /// <summary>Quantity per parent unit.</summary>
    [Range(0.0, 1e9), Description("Quantity per unit of the parent (or of the item for tier 1). Default 1.")]
    public double? Quantity { get; init; }

    /// <summary>Value per component unit.</summary>
    [Required, Description("Value (price) of one unit of this component, including the inputs below it.")]
    public Money UnitValue { get; init; }

    /// <summary>Supplier name.</summary>
    [Description("Supplier.")]
    public string? Supplier { get; init; }

    /// <summary>Country of production.</summary>
    [Required, Description("ISO alpha-2 country where this component is made.")]
    public CountryCode Country { get; init; }

    /// <summary>Other qualified sources.</summary>
    [Description("Other qualified sources of this component; without any, the component is single-sourced.")]
    public IReadOnlyList<AlternativeSource>? AlternativeSources { get; init; }

    /// <summary>Raw materials it contains.</summary>
    [Description("Raw materials contained (e.g. Cobalt, Gallium, Neodymium, Aluminium), matched against the EU critical raw materials lists.")]
    public IReadOnlyList<string>? RawMaterials { get; init; }
}

/// <summary>A further qualified source of a component.</summary>
public sealed record AlternativeSource
{
    /// <summary>Supplier.</summary>
    [Description("Supplier.")]
    public string? Supplier { get; init; }

    /// <summary>Country.</summary>
    [Required, Description("ISO alpha-2 country of this source.")]
    public CountryCode Country { get; init; }
}

/// <summary>Settings of the dependency analysis of a case.</summary>
public sealed record DependencySettings
{
    /// <summary>Countries the user flags as high-risk.</summary>
    [Description("Countries flagged as high-risk (ISO alpha-2); their share of value is reported.")]
    public IReadOnlyList<CountryCode>? HighRiskCountries { get; init; }

    /// <summary>Threshold for the "still dependent" warning, % of item value from one far country.</summary>
    [Range(0.0, 100.0), Description("A home or nearshore option warns 'still dependent' when more than this share of the item's value comes from one offshore country through its components, %. Default 30.")]
    public double? StillDependentThresholdPct { get; init; }
}
