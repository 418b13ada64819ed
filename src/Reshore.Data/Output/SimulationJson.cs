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
            uncertainInputs = i.UncertainInputs,
            warnings = i.Warnings,
            strategies = i.Strategies.Select(s => new
            {
                id = s.Id,
                name = s.Name,
                shares = s.Shares,
                bufferWeeks = s.BufferWeeks,
                annualCost = new { mean = s.AnnualCost.Mean, stdError = s.AnnualCost.StdError, p5 = s.AnnualCost.P5, p50 = s.AnnualCost.P50, p95 = s.AnnualCost.P95, cvar95 = s.AnnualCost.Cvar95 },
                deterministicAnnualCost = s.DeterministicAnnualCost,
                fillRate = s.FillRate,
                expectedLostUnitsPerYear = s.ExpectedLostUnitsPerYear,
                expectedEmergencyUnitsPerYear = s.ExpectedEmergencyUnitsPerYear,
                meanOnHandUnits = s.MeanOnHandUnits,
                probabilityCheapest = s.ProbabilityCheapest,
                options = s.Options.Select(o => new { id = o.OptionId, share = o.Share, timeToSurviveWeeks = o.TimeToSurviveWeeks, timeToRecoverWeeks = o.TimeToRecoverWeeks, atRisk = o.AtRisk }),
            }),
        }),
    };
}
