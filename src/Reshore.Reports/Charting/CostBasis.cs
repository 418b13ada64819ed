namespace Reshore.Reports.Charting;

/// <summary>Whether a cost chart shows cost per unit or per year (both year 1).</summary>
public enum CostBasis
{
    /// <summary>Per unit, in the case currency.</summary>
    PerUnit,
    /// <summary>Per year: per unit × the item's year-1 volume.</summary>
    PerYear,
}

/// <summary>How the TCO breakdown groups cost lines.</summary>
public enum BreakdownGrouping
{
    /// <summary>By cost category (production, logistics, trade and customs, …).</summary>
    Category,
    /// <summary>By kind: hard, risk and strategic costs.</summary>
    Kind,
}
