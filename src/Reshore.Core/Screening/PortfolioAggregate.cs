namespace Reshore.Core.Screening;

/// <summary>
/// One part of a portfolio run: the screening's best candidate evaluated as a two-option case (current source and candidate)
/// and simulated. Money in EUR per year unless said otherwise.
/// </summary>
public sealed record PortfolioPartResult
{
    /// <summary>Rank in the screening (1 = most attractive).</summary>
    public required int Rank { get; init; }
    /// <summary>Part id.</summary>
    public required string PartId { get; init; }
    /// <summary>Description.</summary>
    public string? Description { get; init; }
    /// <summary>Current supplier country.</summary>
    public required string CurrentCountry { get; init; }
    /// <summary>The screening's best candidate location, or null when no candidate lowers the landed cost.</summary>
    public string? CandidateCountry { get; init; }
    /// <summary>The screening's estimated annual saving (reference defaults only).</summary>
    public double ScreeningSaving { get; init; }
    /// <summary>TCO per unit of the current source (full evaluation).</summary>
    public double? CurrentTcoPerUnit { get; init; }
    /// <summary>TCO per unit at the candidate.</summary>
    public double? CandidateTcoPerUnit { get; init; }
    /// <summary>Net present value of moving, over the horizon (positive = moving saves).</summary>
    public double? NpvSaving { get; init; }
    /// <summary>The option the evaluation recommends: current or candidate.</summary>
    public string? Recommended { get; init; }
    /// <summary>Mean simulated annual cost, current source alone.</summary>
    public double? MeanAnnualCostCurrent { get; init; }
    /// <summary>Mean simulated annual cost, candidate alone.</summary>
    public double? MeanAnnualCostCandidate { get; init; }
    /// <summary>CVaR95 of the annual cost, current source alone.</summary>
    public double? Cvar95Current { get; init; }
    /// <summary>CVaR95 of the annual cost, candidate alone.</summary>
    public double? Cvar95Candidate { get; init; }
    /// <summary>CO2e per year at the current source, tonnes (transport and production).</summary>
    public double? Co2eTonnesCurrent { get; init; }
    /// <summary>CO2e per year at the candidate, tonnes.</summary>
    public double? Co2eTonnesCandidate { get; init; }
    /// <summary>Full-time jobs the part's labour content represents at the candidate location.</summary>
    public double? JobsAtCandidate { get; init; }
    /// <summary>Why the part could not be evaluated (null when it was).</summary>
    public string? Error { get; init; }

    /// <summary>Expected annual saving of moving: mean simulated cost now minus at the candidate.</summary>
    public double? ExpectedSaving => MeanAnnualCostCurrent - MeanAnnualCostCandidate;

    /// <summary>Tail-risk change of moving: CVaR95 now minus at the candidate (positive = moving lowers the bad years' cost).</summary>
    public double? Cvar95Reduction => Cvar95Current - Cvar95Candidate;

    /// <summary>True when the evaluation recommends the candidate.</summary>
    public bool Moves => Recommended == "candidate";
}

/// <summary>The portfolio's totals over the parts whose move is recommended, and the parts to look at first.</summary>
public sealed record PortfolioAggregate
{
    /// <summary>Parts in the run.</summary>
    public required int Parts { get; init; }
    /// <summary>Parts evaluated (the others have an error).</summary>
    public required int Evaluated { get; init; }
    /// <summary>Parts whose move to the candidate the evaluation recommends.</summary>
    public required int PartsToMove { get; init; }
    /// <summary>Sum of the expected annual savings of the recommended moves, EUR/yr.</summary>
    public required double ExpectedSaving { get; init; }
    /// <summary>Sum of the net present values of the recommended moves, EUR.</summary>
    public required double NpvSaving { get; init; }
    /// <summary>Sum of CVaR95 of annual cost before the moves (each part at its current source), EUR/yr.</summary>
    public required double Cvar95Before { get; init; }
    /// <summary>Sum of CVaR95 after the recommended moves, EUR/yr.</summary>
    public required double Cvar95After { get; init; }
    /// <summary>CO2e change per year of the recommended moves, tonnes (negative = less).</summary>
    public required double Co2eChangeTonnes { get; init; }
    /// <summary>Full-time jobs the recommended moves bring to the candidate locations.</summary>
    public required double JobsMoved { get; init; }
    /// <summary>Jobs moved per candidate country.</summary>
    public required IReadOnlyDictionary<string, double> JobsMovedByCountry { get; init; }
    /// <summary>Parts to investigate first: recommended moves by expected saving, largest first.</summary>
    public required IReadOnlyList<string> InvestigateFirst { get; init; }

    /// <summary>
    /// Aggregates part results. Totals run over the parts whose move is recommended (a part that stays changes nothing).
    /// CVaR is summed per part: the sum of the parts' CVaR95 bounds the portfolio's CVaR95 from above (CVaR is subadditive,
    /// Acerbi and Tasche 2002), so "before" and "after" are both conservative.
    /// </summary>
    public static PortfolioAggregate Of(IReadOnlyList<PortfolioPartResult> parts, int investigateFirst = 10)
    {
        var evaluated = parts.Where(p => p.Error is null).ToList();
        var moves = evaluated.Where(p => p.Moves).ToList();
        return new PortfolioAggregate
        {
            Parts = parts.Count,
            Evaluated = evaluated.Count,
            PartsToMove = moves.Count,
            ExpectedSaving = moves.Sum(p => p.ExpectedSaving ?? 0),
            NpvSaving = moves.Sum(p => p.NpvSaving ?? 0),
            Cvar95Before = evaluated.Sum(p => p.Cvar95Current ?? 0),
            Cvar95After = evaluated.Sum(p => (p.Moves ? p.Cvar95Candidate : p.Cvar95Current) ?? 0),
            Co2eChangeTonnes = moves.Sum(p => (p.Co2eTonnesCandidate ?? 0) - (p.Co2eTonnesCurrent ?? 0)),
            JobsMoved = moves.Sum(p => p.JobsAtCandidate ?? 0),
            JobsMovedByCountry = moves.Where(p => p.CandidateCountry is not null).GroupBy(p => p.CandidateCountry!)
                .OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(p => p.JobsAtCandidate ?? 0)),
            InvestigateFirst = moves.OrderByDescending(p => p.ExpectedSaving ?? 0).ThenBy(p => p.Rank).Take(investigateFirst).Select(p => p.PartId).ToList(),
        };
    }

    /// <summary>
    /// Full-time jobs that a part's labour content represents at a location: labour share λ of the current price P (EUR)
    /// times volume V gives the labour cost per year at the current source; divided by its hourly labour cost w₀ it gives
    /// the hours worked there; at the candidate the same work takes π₀/π₁ as many hours (productivity indices π); divided by
    /// the hours one full-time job works in a year, H, it gives jobs: λ·P·V / w₀ · π₀/π₁ / H.
    /// </summary>
    public static double JobsForLabourContent(double labourShare, double unitPriceEur, double annualVolume, double labourCostPerHourCurrent,
        double productivityCurrent, double productivityCandidate, double hoursPerJob) =>
        labourCostPerHourCurrent <= 0 || productivityCandidate <= 0 || hoursPerJob <= 0
            ? 0
            : labourShare * unitPriceEur * annualVolume / labourCostPerHourCurrent * (productivityCurrent / productivityCandidate) / hoursPerJob;
}
