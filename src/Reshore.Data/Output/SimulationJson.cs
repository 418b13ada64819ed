using Reshore.Core.Domain;
using Reshore.Core.Risk;

namespace Reshore.Data.Output;

/// <summary>The stable JSON form of a simulation (camelCase): field names are a public contract.</summary>
public static class SimulationJson
{
    /// <summary>The JSON document.</summary>
    public static SimulationDocument ToDocument(SimulationResult r, ReshoringCase c) => new(
        1, c.Name, c.Currency?.Value ?? "EUR", r.Scenarios, r.Seed,
        r.Items.Select(i => new SimulationItemDocument(
            i.ItemId, i.ItemName, i.Weeks, i.DiscountRate * 100, "equivalentAnnualCost", i.UncertainInputs, i.Warnings,
            i.Strategies.Select(s => new SimulationStrategyDocument(
                s.Id, s.Name, s.Shares, s.BufferWeeks, Statistics(s.AnnualCost), s.SingleYearCvar95, s.SingleYearCvar95StdError,
                s.WorstYearCost is { } worst ? Statistics(worst) : null,
                s.AnnualCostByYear.Select((y, k) => new YearCostStatisticsDocument(
                    k + 1, y.Mean, y.StdError, y.P5, y.P50, y.P95, y.Cvar95, y.P5StdError, y.P50StdError, y.P95StdError, y.Cvar95StdError)).ToList(),
                s.DeterministicAnnualCost, s.FillRate, s.ExpectedLostUnitsPerYear, s.ExpectedEmergencyUnitsPerYear, s.MeanOnHandUnits,
                s.ProbabilityCheapest, s.ProbabilityCheapestStdError,
                s.Options.Select(o => new SurvivalDocument(o.OptionId, o.Share, o.TimeToSurviveWeeks, o.TimeToRecoverWeeks, o.AtRisk)).ToList())).ToList())).ToList());

    /// <summary>Mean, percentiles and CVaR95 with their standard errors; the field names of `annualCost`.</summary>
    public static CostStatisticsDocument Statistics(CostStatistics a) =>
        new(a.Mean, a.StdError, a.P5, a.P50, a.P95, a.Cvar95, a.P5StdError, a.P50StdError, a.P95StdError, a.Cvar95StdError);
}

// The typed form of `reshore simulate --format json`, in the field order it has always had. Field names are a public contract: add
// fields, never rename.
#pragma warning disable CS1591 // The fields are documented in docs/model.md §8.
public sealed record SimulationDocument(int SchemaVersion, string CaseName, string Currency, int Scenarios, int Seed, IReadOnlyList<SimulationItemDocument> Items);

public sealed record SimulationItemDocument(string Id, string? Name, int Weeks, double DiscountRatePct, string CostBasis, IReadOnlyList<string> UncertainInputs,
    IReadOnlyList<string> Warnings, IReadOnlyList<SimulationStrategyDocument> Strategies);

public sealed record SimulationStrategyDocument(string Id, string? Name, IReadOnlyDictionary<string, double> Shares, double BufferWeeks, CostStatisticsDocument AnnualCost,
    double? SingleYearCvar95, double? SingleYearCvar95StdError, CostStatisticsDocument? WorstYearCost, IReadOnlyList<YearCostStatisticsDocument> AnnualCostByYear,
    double DeterministicAnnualCost, double FillRate, double ExpectedLostUnitsPerYear, double ExpectedEmergencyUnitsPerYear, double MeanOnHandUnits,
    double ProbabilityCheapest, double ProbabilityCheapestStdError, IReadOnlyList<SurvivalDocument> Options);

public sealed record CostStatisticsDocument(double Mean, double StdError, double P5, double P50, double P95, double Cvar95,
    double P5StdError, double P50StdError, double P95StdError, double Cvar95StdError);

public sealed record YearCostStatisticsDocument(int Year, double Mean, double StdError, double P5, double P50, double P95, double Cvar95,
    double P5StdError, double P50StdError, double P95StdError, double Cvar95StdError);

public sealed record SurvivalDocument(string Id, double Share, double? TimeToSurviveWeeks, double? TimeToRecoverWeeks, bool AtRisk);
#pragma warning restore CS1591
