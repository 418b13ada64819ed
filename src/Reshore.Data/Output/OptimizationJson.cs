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
            riskAversion = r.RiskAversion,
            alpha = r.Alpha,
            shares = r.Optimum is null ? null : Shares(r.OptionIds, r.Optimum.Shares),
            usedOptions = r.Optimum is null ? null : r.OptionIds.Zip(r.Optimum.Used).Where(p => p.Second).Select(p => p.First).ToList(),
            bufferWeeks = r.Optimum?.BufferWeeks,
            expectedCost = r.Optimum?.ExpectedCost,
            cvar = r.Optimum?.Cvar,
            fillRate = r.Optimum?.FillRate,
            outOfSample = r.OutOfSample is { } o ? new { mean = o.AnnualCost.Mean, stdError = o.AnnualCost.StdError, cvar95 = o.AnnualCost.Cvar95, cvar = r.OutOfSampleCvar, p95 = o.AnnualCost.P95, fillRate = o.FillRate, seed = r.OutOfSampleSeed } : null,
            singleSource = r.OptionIds.Zip(r.SingleSource).Select(p => new { option = p.First, expectedCost = p.Second?.ExpectedCost, cvar = p.Second?.Cvar, fillRate = p.Second?.FillRate }),
            frontier = r.Frontier?.Select(f => new { riskAversion = f.RiskAversion, expectedCost = f.ExpectedCost, cvar = f.Cvar, shares = Shares(r.OptionIds, f.Shares), bufferWeeks = f.BufferWeeks, fillRate = f.FillRate }),
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
