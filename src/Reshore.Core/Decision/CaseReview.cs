using System.Globalization;
using Reshore.Core.Costing;
using Reshore.Core.Domain;
using Reshore.Core.MarketData;
using Reshore.Core.Optimization;
using Reshore.Core.Risk;
using Reshore.Core.Scorecard;

namespace Reshore.Core.Decision;

/// <summary>Which views a review runs besides the deterministic evaluation and the scorecard.</summary>
public sealed record ReviewOptions
{
    /// <summary>
    /// Scenarios of the risk simulation. Null: simulate when the case has risk settings, with their scenario count and seed (so every
    /// output of one case shows the same verdict); 0: never simulate.
    /// </summary>
    public int? Scenarios { get; init; }
    /// <summary>Seed (default: the case's risk.seed, else 1).</summary>
    public int? Seed { get; init; }
    /// <summary>Run the optimiser with a frontier sweep for every item (slow: tens of seconds per item).</summary>
    public bool Optimize { get; init; }
    /// <summary>Scenarios of the optimiser's stochastic program.</summary>
    public int OptimizationScenarios { get; init; } = 200;

    /// <summary>The scenarios the review simulates for <paramref name="c"/> (0: none).</summary>
    public int ScenariosFor(ReshoringCase c) => Scenarios ?? (c.Risk is not null ? c.Risk.Scenarios ?? RiskAnalyzer.DefaultScenarios : 0);
}

/// <summary>The results of a review: the evaluation with its decision summaries, and the simulation and optimisation it ran.</summary>
/// <param name="Evaluation">Evaluation; every item carries its <see cref="ItemEvaluation.Decision"/>.</param>
/// <param name="Simulation">The simulation, or null.</param>
/// <param name="Optimization">The optimisation per item, or empty.</param>
public sealed record CaseReview(CaseEvaluation Evaluation, SimulationResult? Simulation, IReadOnlyList<ItemOptimization> Optimization);

/// <summary>
/// Runs the views of a case the same way for every front end (CLI table, JSON, web page, report): the evaluation, the simulation when
/// the case has risk settings (its scorecard's risk criterion then uses CVaR and TTS/TTR), the optimiser when asked, and the decision
/// summary that reconciles them. One entry point, so the verdict cannot differ between outputs of the same case.
/// </summary>
public static class CaseReviewer
{
    /// <summary>Reviews <paramref name="c"/> in <paramref name="culture"/>.</summary>
    public static CaseReview Review(ReshoringCase c, IReadOnlyList<UncertainInput> uncertain, MarketSnapshot market, CultureInfo culture, ReviewOptions? options = null,
        CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(c);
        options ??= new ReviewOptions();
        if (options.Scenarios is < 0) throw new ArgumentOutOfRangeException(nameof(options), options.Scenarios, "Scenarios must be zero (no simulation) or more.");
        cancellation.ThrowIfCancellationRequested();
        // The simulation needs only the case: it starts first and runs beside the evaluation (one thread) and then beside the flip
        // searches, which need the evaluation. Should the evaluation fail, the simulation is stopped, waited for and its own outcome
        // ignored: the evaluation's failure is reported, as when the two ran one after the other.
        var scenarios = options.ScenariosFor(c);
        using var stopSimulation = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        var simulating = scenarios > 0
            ? Task.Run(() => new RiskAnalyzer(culture).Simulate(c, uncertain, market, scenarios, options.Seed, cancellation: stopSimulation.Token), stopSimulation.Token)
            : null;
        CaseEvaluation evaluation;
        FlipSearches searches;
        try
        {
            evaluation = new CaseEvaluator().Evaluate(c, market, culture);
            // The flip searches need only the case and this evaluation: they run while the simulation and the optimiser do.
            searches = DecisionAnalyzer.StartFlipSearches(evaluation, c, uncertain, market);
        }
        catch
        {
            stopSimulation.Cancel();
            try { simulating?.Wait(CancellationToken.None); }
            catch (AggregateException) { }
            throw;
        }
        SimulationResult? simulation = null;
        if (simulating is not null)
        {
            try
            {
                simulation = simulating.GetAwaiter().GetResult();
            }
            catch (OperationCanceledException)
            {
                // Cancelled by the caller: say so with the caller's token (the task's carries the linked one).
                cancellation.ThrowIfCancellationRequested();
                throw;
            }
            evaluation = ScorecardEvaluator.WithSimulatedRisk(evaluation, c, market, simulation, culture);
        }
        IReadOnlyList<ItemOptimization> optimization = [];
        if (options.Optimize)
            optimization = new OptimizationService().Optimize(c, uncertain, market, culture, frontier: true, scenarios: options.OptimizationScenarios,
                seed: options.Seed ?? c.Risk?.Seed ?? 1, cancellation: cancellation);
        cancellation.ThrowIfCancellationRequested();
        evaluation = DecisionAnalyzer.Decide(evaluation, c, uncertain, market, simulation, optimization, culture, searches);
        return new CaseReview(evaluation, simulation, optimization);
    }
}
