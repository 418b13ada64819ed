using Reshore.Core.Domain;
using Reshore.Core.Risk;

namespace Reshore.Data.Output;

/// <summary>The stable JSON form of a simulation (camelCase): field names are a public contract.</summary>
public static class SimulationJson
{
    /// <summary>The JSON document as plain objects.</summary>
    public static object ToDocument(SimulationResult r, ReshoringCase c) => new
    {
        schemaVersion = 1,
        caseName = c.Name,
        currency = c.Currency?.Value ?? "EUR",
        scenarios = r.Scenarios,
        seed = r.Seed,
        items = r.Items.Select(i => new
        {
            id = i.ItemId,
            name = i.ItemName,
            weeks = i.Weeks,
            discountRatePct = i.DiscountRate * 100,
            costBasis = "equivalentAnnualCost",
            uncertainInputs = i.UncertainInputs,
            warnings = i.Warnings,
            strategies = i.Strategies.Select(s => new
            {
                id = s.Id,
                name = s.Name,
                shares = s.Shares,
                bufferWeeks = s.BufferWeeks,
                annualCost = Statistics(s.AnnualCost),
                singleYearCvar95 = s.SingleYearCvar95,
                singleYearCvar95StdError = s.SingleYearCvar95StdError,
                worstYearCost = s.WorstYearCost is { } worst ? Statistics(worst) : null,
                annualCostByYear = s.AnnualCostByYear.Select((y, k) => new
                {
                    year = k + 1, mean = y.Mean, stdError = y.StdError, p5 = y.P5, p50 = y.P50, p95 = y.P95, cvar95 = y.Cvar95,
                    p5StdError = y.P5StdError, p50StdError = y.P50StdError, p95StdError = y.P95StdError, cvar95StdError = y.Cvar95StdError,
                }),
                deterministicAnnualCost = s.DeterministicAnnualCost,
                fillRate = s.FillRate,
                expectedLostUnitsPerYear = s.ExpectedLostUnitsPerYear,
                expectedEmergencyUnitsPerYear = s.ExpectedEmergencyUnitsPerYear,
                meanOnHandUnits = s.MeanOnHandUnits,
                probabilityCheapest = s.ProbabilityCheapest,
                probabilityCheapestStdError = s.ProbabilityCheapestStdError,
                options = s.Options.Select(o => new { id = o.OptionId, share = o.Share, timeToSurviveWeeks = o.TimeToSurviveWeeks, timeToRecoverWeeks = o.TimeToRecoverWeeks, atRisk = o.AtRisk }),
            }),
        }),
    };

    /// <summary>Mean, percentiles and CVaR95 with their standard errors; the field names of `annualCost`.</summary>
    public static object Statistics(CostStatistics a) => new
    {
        mean = a.Mean, stdError = a.StdError, p5 = a.P5, p50 = a.P50, p95 = a.P95, cvar95 = a.Cvar95,
        p5StdError = a.P5StdError, p50StdError = a.P50StdError, p95StdError = a.P95StdError, cvar95StdError = a.Cvar95StdError,
    };
}
