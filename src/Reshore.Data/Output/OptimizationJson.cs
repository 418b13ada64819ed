using Reshore.Core.Optimization;

namespace Reshore.Data.Output;

/// <summary>The stable JSON form of an optimisation (camelCase).</summary>
public static class OptimizationJson
{
    /// <summary>The JSON document as plain objects; the scenarios and seed are the ones the optimiser recorded on its results (else the given ones).</summary>
    public static object ToDocument(IReadOnlyList<ItemOptimization> results, int scenarios, int seed) => new
    {
        schemaVersion = 1,
        scenarios = results.Count > 0 ? results[0].Scenarios : scenarios,
        seed = results.Count > 0 ? results[0].Seed : seed,
        items = results.Select(r => new
        {
            id = r.ItemId,
            name = r.ItemName,
            status = r.Status,
            optimal = r.Optimum?.ProvenOptimal,
            relativeGap = r.Optimum?.RelativeGap,
            gapLimit = r.Optimum?.GapLimit,
            method = r.Optimum?.Method,
            objective = r.Optimum?.Objective,
            discountRatePct = r.DiscountRate * 100,
            costBasis = "equivalentAnnualCost",
            riskAversion = r.RiskAversion,
            alpha = r.Alpha,
            shares = r.Optimum is null ? null : Shares(r.OptionIds, r.Optimum.Shares),
            usedOptions = r.Optimum is null ? null : r.OptionIds.Zip(r.Optimum.Used).Where(p => p.Second).Select(p => p.First).ToList(),
            bufferWeeks = r.Optimum?.BufferWeeks,
            expectedCost = r.Optimum?.ExpectedCost,
            cvar = r.Optimum?.Cvar,
            fillRate = r.Optimum?.FillRate,
            expectedLostUnitsPerYear = r.Optimum?.ExpectedLostUnitsPerYear,
            expectedEmergencyUnitsPerYear = r.Optimum?.ExpectedEmergencyUnitsPerYear,
            outOfSample = r.OutOfSample is { } o ? new
            {
                mean = o.AnnualCost.Mean, stdError = o.AnnualCost.StdError, cvar95 = o.AnnualCost.Cvar95, cvar95StdError = o.AnnualCost.Cvar95StdError,
                cvar = r.OutOfSampleCvar, cvarStdError = r.OutOfSampleCvarStdError, p95 = o.AnnualCost.P95, p95StdError = o.AnnualCost.P95StdError,
                singleYearCvar95 = o.SingleYearCvar95, singleYearCvar95StdError = o.SingleYearCvar95StdError,
                fillRate = o.FillRate, expectedLostUnitsPerYear = o.ExpectedLostUnitsPerYear, expectedEmergencyUnitsPerYear = o.ExpectedEmergencyUnitsPerYear, seed = r.OutOfSampleSeed,
            } : null,
            singleSource = r.OptionIds.Zip(r.SingleSource).Select(p => new
            {
                option = p.First, expectedCost = p.Second?.ExpectedCost, cvar = p.Second?.Cvar, fillRate = p.Second?.FillRate, bufferWeeks = p.Second?.BufferWeeks,
                status = p.Second?.Status, optimal = p.Second?.ProvenOptimal, relativeGap = p.Second?.RelativeGap,
            }),
            frontier = r.Frontier?.Select(f => new
            {
                riskAversion = f.RiskAversion, expectedCost = f.ExpectedCost, cvar = f.Cvar, shares = Shares(r.OptionIds, f.Shares), bufferWeeks = f.BufferWeeks, fillRate = f.FillRate,
                objective = f.Objective, status = f.Status, optimal = f.ProvenOptimal, relativeGap = f.RelativeGap, gapLimit = f.GapLimit, method = f.Method,
                expectedLostUnitsPerYear = f.ExpectedLostUnitsPerYear, expectedEmergencyUnitsPerYear = f.ExpectedEmergencyUnitsPerYear,
            }),
            frontierMonotone = r.Frontier is { } points ? SourcingOptimizer.FirstNonMonotonePoint(points) is null : (bool?)null,
            conflicts = r.Conflicts.Select(k => new { constraint = k.Constraint, limit = k.Limit, violation = double.IsFinite(k.Violation) ? k.Violation : (double?)null }),
            explanation = r.Explanation,
            scenariosInProgram = r.Scenarios,
            periods = r.Periods,
            warnings = r.Warnings,
        }),
    };

    private static Dictionary<string, double> Shares(IReadOnlyList<string> ids, double[] shares) =>
        ids.Zip(shares).ToDictionary(p => p.First, p => Math.Round(p.Second, 12));
}
