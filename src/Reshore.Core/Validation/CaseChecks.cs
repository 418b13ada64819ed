using Reshore.Core.Dependencies;
using Reshore.Core.Domain;
using Reshore.Core.MarketData;
using Reshore.Core.Risk;
using Reshore.Core.Scorecard;

namespace Reshore.Core.Validation;

/// <summary>
/// Every semantic check of a bound case in one place: the case and its options (<see cref="CaseValidator"/>), risk settings and uncertain
/// inputs (<see cref="RiskValidator"/>), bills of materials (<see cref="BomExposureAnalyzer"/>) and the scorecard
/// (<see cref="ScorecardEvaluator"/>). The file reader, the API and every command that changes a case (break-even, scenarios) call this,
/// so no front end runs only some of them.
/// </summary>
public static class CaseChecks
{
    /// <summary>All problems of <paramref name="c"/>, in the order of the checks; empty when the case is valid.</summary>
    public static IReadOnlyList<CaseError> All(ReshoringCase c, IReadOnlyList<UncertainInput> uncertain, MarketSnapshot market) =>
    [
        .. CaseValidator.Validate(c, market),
        .. RiskValidator.Validate(c, uncertain),
        .. BomExposureAnalyzer.Validate(c, market),
        .. ScorecardEvaluator.Validate(c),
    ];
}
