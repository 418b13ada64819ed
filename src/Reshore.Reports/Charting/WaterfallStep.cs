namespace Reshore.Reports.Charting;

/// <summary>One bar of a present-value waterfall.</summary>
/// <param name="Label">Localised label.</param>
/// <param name="Start">Where the bar starts (the running total before it; 0 for totals).</param>
/// <param name="End">Where it ends (the running total after it).</param>
/// <param name="IsTotal">True for the first (status quo) and last (option) bars, which start at zero.</param>
public sealed record WaterfallStep(string Label, double Start, double End, bool IsTotal)
{
    /// <summary>End − start: the step's change (the total itself for totals).</summary>
    public double Change => End - Start;
}
