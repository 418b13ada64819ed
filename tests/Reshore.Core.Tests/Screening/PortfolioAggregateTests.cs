using Reshore.Core.Screening;

namespace Reshore.Core.Tests.Screening;

public sealed class PortfolioAggregateTests
{
    private static PortfolioPartResult Part(int rank, string id, string recommended, double meanNow, double meanThere, double cvarNow, double cvarThere,
        double co2Now, double co2There, double jobs, double npv, string? error = null) => new()
    {
        Rank = rank, PartId = id, CurrentCountry = "CN", CandidateCountry = "PL", Recommended = recommended, MeanAnnualCostCurrent = meanNow,
        MeanAnnualCostCandidate = meanThere, Cvar95Current = cvarNow, Cvar95Candidate = cvarThere, Co2eTonnesCurrent = co2Now, Co2eTonnesCandidate = co2There,
        JobsAtCandidate = jobs, NpvSaving = npv, Error = error,
    };

    [Fact]
    public void Totals_count_only_recommended_moves_and_cvar_sums_per_part()
    {
        var parts = new[]
        {
            Part(1, "A", "candidate", 1000, 800, 1500, 900, 10, 4, 2.5, 600),   // moves: saves 200/yr, CVaR 1500 → 900
            Part(2, "B", "current", 500, 520, 700, 650, 3, 2, 1.0, -50),        // stays: counts at its current CVaR
            Part(3, "C", "candidate", 300, 250, 400, 420, 1, 1.5, 0.5, 100),    // moves: saves 50/yr, CVaR 400 → 420
            Part(4, "D", "candidate", 0, 0, 0, 0, 0, 0, 9, 9, error: "bad"),    // not evaluated: left out
        };
        var a = PortfolioAggregate.Of(parts);
        Assert.Equal(4, a.Parts);
        Assert.Equal(3, a.Evaluated);
        Assert.Equal(2, a.PartsToMove);
        Assert.Equal(250, a.ExpectedSaving, 9);                 // 200 + 50
        Assert.Equal(700, a.NpvSaving, 9);                      // 600 + 100
        Assert.Equal(1500 + 700 + 400, a.Cvar95Before, 9);
        Assert.Equal(900 + 700 + 420, a.Cvar95After, 9);
        Assert.Equal((4 - 10) + (1.5 - 1), a.Co2eChangeTonnes, 9);
        Assert.Equal(3.0, a.JobsMoved, 9);
        Assert.Equal(["A", "C"], a.InvestigateFirst);
    }

    [Fact]
    public void Jobs_for_labour_content_follow_the_hand_calculation()
    {
        // 30 % of 10 EUR × 100,000 units = 300,000 EUR of labour a year at 15 EUR/h = 20,000 h; at the candidate the
        // productivity index is 0.8 against 0.6 now, so 20,000 × 0.6 / 0.8 = 15,000 h; at 1,600 h a job: 9.375 jobs.
        Assert.Equal(9.375, PortfolioAggregate.JobsForLabourContent(0.30, 10, 100_000, 15, 0.6, 0.8, 1600), 9);
        Assert.Equal(0, PortfolioAggregate.JobsForLabourContent(0.30, 10, 100_000, 0, 0.6, 0.8, 1600));
    }
}
