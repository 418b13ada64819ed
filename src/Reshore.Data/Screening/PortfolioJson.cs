using Reshore.Core.Screening;

namespace Reshore.Data.Screening;

/// <summary>The JSON of `reshore portfolio --format json` and of a portfolio job's result: parts[] and aggregate.</summary>
public static class PortfolioJson
{
    /// <summary>The document; <paramref name="complete"/> is false for a partial result while shards still run.</summary>
    public static object ToDocument(IReadOnlyList<PortfolioPartResult> parts, PortfolioSettings settings, bool complete = true, int? partsPlanned = null, int? rowsRead = null)
    {
        var ordered = parts.OrderBy(p => p.Rank).ToList();
        var aggregate = PortfolioAggregate.Of(ordered);
        return new
        {
            complete,
            partsPlanned = partsPlanned ?? ordered.Count,
            rowsRead,
            settings = new
            {
                home = settings.Screening.Home.Value,
                candidates = settings.Screening.Candidates.Select(c => c.Value).ToList(),
                top = settings.Top,
                scenarios = settings.Scenarios,
                seed = settings.Seed,
                horizonYears = settings.HorizonYears,
                discountRatePct = settings.DiscountRatePct,
                hoursPerJob = settings.HoursPerJob,
            },
            parts = ordered.Select(p => new
            {
                rank = p.Rank, partId = p.PartId, description = p.Description, currentCountry = p.CurrentCountry, candidateCountry = p.CandidateCountry,
                recommended = p.Recommended, screeningSaving = p.ScreeningSaving, currentTcoPerUnit = p.CurrentTcoPerUnit, candidateTcoPerUnit = p.CandidateTcoPerUnit,
                npvSaving = p.NpvSaving, meanAnnualCostCurrent = p.MeanAnnualCostCurrent, meanAnnualCostCandidate = p.MeanAnnualCostCandidate,
                expectedSaving = p.ExpectedSaving, cvar95Current = p.Cvar95Current, cvar95Candidate = p.Cvar95Candidate, cvar95Reduction = p.Cvar95Reduction,
                co2eTonnesCurrent = p.Co2eTonnesCurrent, co2eTonnesCandidate = p.Co2eTonnesCandidate, jobsAtCandidate = p.JobsAtCandidate, error = p.Error,
            }).ToList(),
            aggregate = new
            {
                parts = aggregate.Parts, evaluated = aggregate.Evaluated, partsToMove = aggregate.PartsToMove,
                expectedSaving = aggregate.ExpectedSaving, npvSaving = aggregate.NpvSaving,
                cvar95Before = aggregate.Cvar95Before, cvar95After = aggregate.Cvar95After, co2eChangeTonnes = aggregate.Co2eChangeTonnes,
                jobsMoved = aggregate.JobsMoved, jobsMovedByCountry = aggregate.JobsMovedByCountry, investigateFirst = aggregate.InvestigateFirst,
            },
        };
    }
}
