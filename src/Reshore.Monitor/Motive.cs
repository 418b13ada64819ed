using System.Globalization;
using Reshore.Core.Localization;

namespace Reshore.Monitor;

/// <summary>One motive of <see cref="MotiveTaxonomy"/>.</summary>
/// <param name="Code">Stable id (the scorecard's ids where the scorecard has the motive).</param>
/// <param name="Context">External or internal factor.</param>
/// <param name="Goal">Customer-perceived value or cost efficiency.</param>
/// <param name="InStudy">Named in the SERV study's list of drivers (§2.2.1) or in its Flemish cases (§2.3.6).</param>
/// <param name="EurofoundRank">Rank among Eurofound's most cited motives 2015–2018 (1 = most cited), or null when not in that list.</param>
public sealed record Motive(string Code, MotiveContext Context, MotiveGoal Goal, bool InStudy, int? EurofoundRank)
{
    /// <summary>The quadrant of <see cref="Context"/> × <see cref="Goal"/>.</summary>
    public MotiveQuadrant Quadrant => (Context, Goal) switch
    {
        (MotiveContext.External, MotiveGoal.CustomerValue) => MotiveQuadrant.ExternalCustomerValue,
        (MotiveContext.External, MotiveGoal.CostEfficiency) => MotiveQuadrant.ExternalCostEfficiency,
        (MotiveContext.Internal, MotiveGoal.CustomerValue) => MotiveQuadrant.InternalCustomerValue,
        _ => MotiveQuadrant.InternalCostEfficiency,
    };

    /// <summary>The label in the culture (English or Dutch).</summary>
    public string Label(CultureInfo culture) => MotiveTaxonomy.Label(culture, Code);
}
