namespace Reshore.Core.Decision;

/// <summary>A way of answering "which option?": each is a view of the same question with its own scope.</summary>
public enum DecisionView
{
    /// <summary>Deterministic present cost over the horizon, all cost factors (hard, risk, strategic).</summary>
    Tco,
    /// <summary>Deterministic present cost over the horizon, hard cost lines only.</summary>
    TcoHardOnly,
    /// <summary>The multi-criteria scorecard (weighted scores, not only cost).</summary>
    Scorecard,
    /// <summary>Risk-adjusted annual cost from the weekly Monte Carlo simulation.</summary>
    Simulation,
    /// <summary>The optimal mix of options and buffer stock from the stochastic program.</summary>
    Optimizer,
}

/// <summary>How far a verdict can be trusted (rule in docs/model.md §14.3).</summary>
public enum DecisionConfidence
{
    /// <summary>No small change of a top driver or main input flips it, the views that cost the options agree, and it rests mainly on hard costs.</summary>
    Robust,
    /// <summary>A small change (under 10%) of a top driver or main input flips it, the simulation finds it cheapest in under 60% of scenarios, or the cost views disagree.</summary>
    Fragile,
    /// <summary>Most of its advantage comes from risk and strategic estimates, or many cost factors were not assessed.</summary>
    DependsOnEstimates,
}

/// <summary>One view's answer, side by side with the verdict.</summary>
public sealed record ViewAnswer
{
    /// <summary>The view.</summary>
    public required DecisionView View { get; init; }
    /// <summary>The option it picks, or null when it picks a mix.</summary>
    public string? OptionId { get; init; }
    /// <summary>Share per option id (one entry of 1 for a single option).</summary>
    public required IReadOnlyDictionary<string, double> Shares { get; init; }
    /// <summary>Buffer stock in weeks of demand (simulation strategies and optimal mixes; 0 otherwise).</summary>
    public double BufferWeeks { get; init; }
    /// <summary>The answer in words (option names, shares).</summary>
    public required string Answer { get; init; }
    /// <summary>What the view measures and the answer's value, in words (e.g. "present cost 10,643,443 EUR").</summary>
    public required string Measure { get; init; }
    /// <summary>The measure's value (present cost, annual cost, weighted score), or null.</summary>
    public double? Value { get; init; }
    /// <summary>True when the view gives the same answer as the verdict.</summary>
    public required bool Agrees { get; init; }
    /// <summary>True when the verdict rests on this view.</summary>
    public required bool IsBasis { get; init; }
}

/// <summary>A value at which the cost comparison's answer changes.</summary>
public sealed record DecisionFlip
{
    /// <summary>"input" (a case field moved with the break-even engine) or "driver" (a cost factor's present-value difference, closed form).</summary>
    public required string Kind { get; init; }
    /// <summary>The case field's path (inputs) or the factor id (drivers).</summary>
    public required string Input { get; init; }
    /// <summary>The input or driver in words, e.g. "unit price of Contract manufacturer, Ningbo".</summary>
    public required string Label { get; init; }
    /// <summary>Its current value.</summary>
    public required double Current { get; init; }
    /// <summary>The value at which another option becomes cheapest in present cost.</summary>
    public required double FlipsAt { get; init; }
    /// <summary>The option that becomes cheapest beyond <see cref="FlipsAt"/>.</summary>
    public required string Option { get; init; }
    /// <summary>Its name.</summary>
    public required string OptionName { get; init; }
    /// <summary>|FlipsAt − Current| ÷ |Current|: how far the input or driver must move.</summary>
    public required double RelativeChange { get; init; }
    /// <summary>Unit of the value (currency, %, …), or empty.</summary>
    public required string Unit { get; init; }
    /// <summary>For an input given as a distribution: the probability that it lies beyond <see cref="FlipsAt"/>; null otherwise.</summary>
    public double? Probability { get; init; }
    /// <summary>The flip in one sentence.</summary>
    public required string Text { get; init; }
}

/// <summary>One of the numbers a board looks at first.</summary>
/// <param name="Id">presentCost, savingVsStatusQuo, payback, expectedAnnualCost, …</param>
/// <param name="Label">Label in the output language.</param>
/// <param name="Value">The number, or null when there is none (e.g. no payback).</param>
/// <param name="Text">The number formatted with its unit, or the reason there is none.</param>
public sealed record KeyFigure(string Id, string Label, double? Value, string Text);

/// <summary>
/// The reconciled decision of one item: what Reshore recommends, on which view it rests and why that view wins, how far to trust it,
/// what would flip it, how every view answers and why those that disagree do (docs/model.md §14). Computed once by
/// <see cref="DecisionAnalyzer"/>; every output shows this same summary first.
/// </summary>
public sealed record DecisionSummary
{
    /// <summary>The recommended option, or null when the verdict is a mix.</summary>
    public string? VerdictOptionId { get; init; }
    /// <summary>Share per option id of the verdict (one entry of 1 for a single option).</summary>
    public required IReadOnlyDictionary<string, double> VerdictShares { get; init; }
    /// <summary>Buffer stock of the verdict, weeks of demand (0 for a single option from the cost comparison).</summary>
    public double VerdictBufferWeeks { get; init; }
    /// <summary>The verdict in words (option names).</summary>
    public required string Verdict { get; init; }
    /// <summary>The view the verdict rests on.</summary>
    public required DecisionView Basis { get; init; }
    /// <summary>Why that view wins, in words.</summary>
    public required string BasisReason { get; init; }
    /// <summary>Robust, fragile or depends on estimates.</summary>
    public required DecisionConfidence Confidence { get; init; }
    /// <summary>The conditions of the rule that decided the confidence, in words.</summary>
    public required IReadOnlyList<string> ConfidenceReasons { get; init; }
    /// <summary>The rule's inputs.</summary>
    public required ConfidenceInputs ConfidenceInputs { get; init; }
    /// <summary>Values of the top drivers and main inputs at which the cost comparison's answer changes, nearest first.</summary>
    public required IReadOnlyList<DecisionFlip> Flips { get; init; }
    /// <summary>Each view's answer (the views run).</summary>
    public required IReadOnlyList<ViewAnswer> Views { get; init; }
    /// <summary>Why each view that disagrees with the verdict does, in plain sentences.</summary>
    public required IReadOnlyList<string> Reconciliation { get; init; }
    /// <summary>The numbers a board looks at first.</summary>
    public required IReadOnlyList<KeyFigure> KeyFigures { get; init; }
    /// <summary>The main risks of the verdict, in words.</summary>
    public required IReadOnlyList<string> Risks { get; init; }
    /// <summary>What the case leaves open (barriers not priced, factors not assessed), in words.</summary>
    public required IReadOnlyList<string> OpenPoints { get; init; }
}

/// <summary>What the confidence rule looked at (docs/model.md §14.3).</summary>
/// <param name="SoftShare">Share of the year-1 per-unit difference between the recommendation and the compared option that comes from risk and strategic lines.</param>
/// <param name="SmallestFlipChange">The smallest relative change of a top driver or main input that flips the cost comparison, or null when none does.</param>
/// <param name="ProbabilityCheapest">P(cheapest) of the verdict in the simulation, or null when not simulated (or a mix from the optimiser).</param>
/// <param name="NotAssessedShare">Share of the applicable cost factors of the two compared options that are not assessed.</param>
public sealed record ConfidenceInputs(double SoftShare, double? SmallestFlipChange, double? ProbabilityCheapest, double NotAssessedShare);
