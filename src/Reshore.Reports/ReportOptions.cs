namespace Reshore.Reports;

/// <summary>Which engines <see cref="ReportBuilder"/> runs, and how.</summary>
public sealed record ReportOptions
{
    /// <summary>
    /// Scenarios of the risk simulation. Null: simulate only when the case has risk settings (with their scenario count); 0: never simulate.
    /// </summary>
    public int? Scenarios { get; init; }
    /// <summary>Seed (default: the case's risk.seed, else 1).</summary>
    public int? Seed { get; init; }
    /// <summary>Run the tornado for every item whose case has uncertain inputs (default true).</summary>
    public bool Sensitivity { get; init; } = true;
    /// <summary>Run the optimiser with a frontier sweep for every item (default false: it takes tens of seconds per item).</summary>
    public bool Optimize { get; init; }
    /// <summary>Scenarios of the optimiser's stochastic program.</summary>
    public int OptimizationScenarios { get; init; } = 200;
}
