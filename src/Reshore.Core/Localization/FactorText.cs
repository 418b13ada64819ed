using System.Globalization;
using Reshore.Core.Costing;
using Reshore.Core.Domain;

namespace Reshore.Core.Localization;

/// <summary>Localised names and descriptions of cost factors, categories and kinds.</summary>
public static class FactorText
{
    /// <summary>Name of a factor.</summary>
    public static string Name(string factorId, CultureInfo culture) => Text.Get(culture, "Factor_" + factorId, factorId);

    /// <summary>One-sentence description of a factor.</summary>
    public static string Description(string factorId, CultureInfo culture) => Text.Get(culture, "FactorDesc_" + factorId, "");

    /// <summary>Name of a category.</summary>
    public static string Category(CostCategory category, CultureInfo culture) => Text.Get(culture, "Category_" + category, category.ToString());

    /// <summary>Name of a kind.</summary>
    public static string Kind(CostKind kind, CultureInfo culture) => Text.Get(culture, "Kind_" + kind, kind.ToString());

    /// <summary>Name of a line status.</summary>
    public static string Status(LineStatus status, CultureInfo culture) => Text.Get(culture, "Status_" + status, status.ToString());

    /// <summary>Name of a governance model.</summary>
    public static string Governance(GovernanceModel model, CultureInfo culture) => Text.Get(culture, "Governance_" + model, model.ToString());
}
