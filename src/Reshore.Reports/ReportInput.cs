using Reshore.Core.Costing;
using Reshore.Core.Domain;
using Reshore.Core.MarketData;
using Reshore.Core.Optimization;
using Reshore.Core.Risk;

namespace Reshore.Reports;

/// <summary>Everything a business-case report shows: the case, its reference data and the engines' results. Build it with <see cref="ReportBuilder"/> or by hand.</summary>
public sealed record ReportInput
{
    /// <summary>The case as read from its file.</summary>
    public required ReshoringCase Case { get; init; }
    /// <summary>The case's uncertain inputs (listed under assumptions).</summary>
    public IReadOnlyList<UncertainInput> Uncertain { get; init; } = [];
    /// <summary>Reference data used (version and date appear in the report).</summary>
    public required MarketSnapshot Market { get; init; }
    /// <summary>The evaluation; its texts (explanations, scorecard) should be in the report's language.</summary>
    public required CaseEvaluation Evaluation { get; init; }
    /// <summary>Risk simulation, or null to leave the risk section out.</summary>
    public SimulationResult? Simulation { get; init; }
    /// <summary>Tornado per item (items without one are shown without a sensitivity section).</summary>
    public IReadOnlyList<TornadoResult> Sensitivity { get; init; } = [];
    /// <summary>Optimisation per item, or empty.</summary>
    public IReadOnlyList<ItemOptimization> Optimization { get; init; } = [];
    /// <summary>Name of the case file, shown under the title; null to leave it out.</summary>
    public string? SourceFileName { get; init; }
}
