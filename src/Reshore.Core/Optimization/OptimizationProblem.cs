using Reshore.Core.Risk;

namespace Reshore.Core.Optimization;

/// <summary>
/// The data of a two-stage sourcing problem for one item: scenarios aggregated into periods, and per option its cost,
/// flexibility, fixed cost when used and attributes for the constraints. Money per unit or per year in the case currency.
/// </summary>
public sealed class OptimizationProblem
{
    /// <summary>Option ids.</summary>
    public required string[] OptionIds { get; init; }
    /// <summary>Number of options.</summary>
    public int OptionCount => OptionIds.Length;
    /// <summary>Number of scenarios S.</summary>
    public required int Scenarios { get; init; }
    /// <summary>Number of periods P per scenario.</summary>
    public required int Periods { get; init; }
    /// <summary>Years the periods cover (annualises scenario costs).</summary>
    public required double YearsCovered { get; init; }
    /// <summary>Demand d[s × P + p], units.</summary>
    public required double[] Demand { get; init; }
    /// <summary>Mean demand μ[p], units per period.</summary>
    public required double[] MeanDemand { get; init; }
    /// <summary>Availability a[(s × P + p) × N + i] in [0, 1]: the share of its nominal capacity option i can ship.</summary>
    public required double[] Availability { get; init; }
    /// <summary>Variable unit cost per option, weighted over the horizon like the equivalent annual cost (docs/model.md 9.3).</summary>
    public required double[] UnitCost { get; init; }
    /// <summary>Surge capacity per option as a fraction of its nominal share (flexibility).</summary>
    public required double[] Flexibility { get; init; }
    /// <summary>Fixed cost per year of using an option at all: its annualised one-off costs net of incentives and residual value, plus the equivalent annual amount of its annual fixed costs.</summary>
    public required double[] FixedCostPerYear { get; init; }
    /// <summary>CO2e per unit, kg.</summary>
    public required double[] Co2eKgPerUnit { get; init; }
    /// <summary>Country of each option.</summary>
    public required string[] Country { get; init; }
    /// <summary>Whether each option is in the EU.</summary>
    public required bool[] InEu { get; init; }
    /// <summary>k_s: lost margin + penalty per unit short. A unit short costs c̃ + k_s, c̃ the mean of <see cref="UnitCost"/>: it is not bought, and k_s is net of its cost.</summary>
    public required double ShortageCost { get; init; }
    /// <summary>Emergency premium per unit over the average unit cost; NaN when none.</summary>
    public required double EmergencyPremium { get; init; }
    /// <summary>Emergency capacity per period as a multiple of mean period demand.</summary>
    public required double EmergencyCapacity { get; init; }
    /// <summary>Holding cost per unit of buffer stock per year.</summary>
    public required double HoldingCostPerUnitYear { get; init; }
    /// <summary>Mean weekly demand (converts buffer units to weeks).</summary>
    public required double MeanWeeklyDemand { get; init; }
    /// <summary>Annual volume (for capacity and MOQ constraints).</summary>
    public required double AnnualVolume { get; init; }
}

/// <summary>User constraints and risk preference of an optimisation.</summary>
public sealed record OptimizationConstraints
{
    /// <summary>λ.</summary>
    public double RiskAversion { get; init; }
    /// <summary>α in (0, 1).</summary>
    public double Alpha { get; init; } = 0.95;
    /// <summary>Minimum share per option index (0 = none).</summary>
    public double[]? MinShare { get; init; }
    /// <summary>Maximum share per option index (1 = none).</summary>
    public double[]? MaxShare { get; init; }
    /// <summary>Maximum share of any single country.</summary>
    public double? MaxCountryShare { get; init; }
    /// <summary>Maximum non-EU share.</summary>
    public double? MaxNonEuShare { get; init; }
    /// <summary>CO2e budget, kg per unit.</summary>
    public double? Co2eBudget { get; init; }
    /// <summary>Minimum expected fill rate (fraction).</summary>
    public double? MinFillRate { get; init; }
    /// <summary>Capacity per option, units per year (infinity = none).</summary>
    public double[]? Capacity { get; init; }
    /// <summary>MOQ per option when used, units per year.</summary>
    public double[]? Moq { get; init; }
    /// <summary>Largest buffer, weeks.</summary>
    public double MaxBufferWeeks { get; init; } = 12;
}

/// <summary>Builds optimisation scenarios from the weekly risk model: the same demand and disruption draws, aggregated per period.</summary>
public static class ScenarioAggregator
{
    /// <summary>
    /// Draws <paramref name="scenarios"/> scenarios of <paramref name="years"/> years from <paramref name="model"/> (stream offset so they differ
    /// from the out-of-sample check) and sums demand per period of <paramref name="periodWeeks"/> weeks. Availability is the mean over the period's
    /// weeks of (1 − capacity loss), where a transit delay of D weeks that starts in week w removes the arrivals of weeks w..w+D−1
    /// (the pipeline shifts once by D weeks; the catch-up when the delay ends is not credited).
    /// </summary>
    public static (double[] Demand, double[] MeanDemand, double[] Availability, int Periods) Build(SimulationModel model, int scenarios, int seed, int years, int periodWeeks = 4)
    {
        var weeks = Math.Min(model.Weeks, 52 * years);
        var periods = weeks / periodWeeks;
        var n = model.OptionCount;
        var demand = new double[scenarios * periods];
        var availability = new double[scenarios * periods * n];
        var mean = new double[periods];
        for (var p = 0; p < periods; p++)
            for (var w = 0; w < periodWeeks; w++) mean[p] += model.MeanWeeklyDemand[p * periodWeeks + w];
        var normals = new double[model.Weeks];
        var loss = new double[n * model.Weeks];
        var delay = new int[n * model.Weeks];
        var sigma = model.WeeklySigma;
        for (var s = 0; s < scenarios; s++)
        {
            var random = new StreamRandom(seed, 7919, s);
            MathNet.Numerics.Distributions.Normal.Samples(random, normals, 0, 1);
            Disruptions.Generate(random, model.Events, model.Weeks, n, loss, delay);
            // A delay episode shifts the pipeline: its first D weeks bring nothing; mark them as lost supply.
            for (var i = 0; i < n; i++)
            {
                var row = i * model.Weeks;
                for (var t = 0; t < model.Weeks; t++)
                {
                    var d = delay[row + t];
                    if (d <= 0 || (t > 0 && delay[row + t - 1] > 0)) continue;
                    for (var k = t; k < Math.Min(model.Weeks, t + d); k++) loss[row + k] = 1;
                }
            }
            for (var p = 0; p < periods; p++)
            {
                var cell = s * periods + p;
                for (var w = 0; w < periodWeeks; w++)
                {
                    var t = p * periodWeeks + w;
                    demand[cell] += model.MeanWeeklyDemand[t] * Math.Exp(sigma * normals[t] - sigma * sigma / 2);
                    for (var i = 0; i < n; i++)
                        availability[cell * n + i] += (1 - loss[i * model.Weeks + t]) / periodWeeks;
                }
            }
        }
        return (demand, mean, availability, periods);
    }
}
