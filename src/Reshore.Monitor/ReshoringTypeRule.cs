using Reshore.Core.Costing;

namespace Reshore.Monitor;

/// <summary>
/// Derives backshoring vs nearshoring (SERV study §2.1; Eurofound's two kinds of case). Destination equal to the home country is
/// backshoring; a destination in Europe or its rim (<see cref="CaseContext.NearshoreCountries"/>, the same list the costing engine
/// uses) that is not home is nearshoring when home is itself in that area; anything else is <see cref="ReshoringType.Other"/>.
/// Origins do not change the type, but a destination that is also an origin is not a relocation, and
/// <see cref="MonitorCaseValidator"/> refuses it. A case's <see cref="MonitorCase.TypeOverride"/> wins over this rule.
/// </summary>
public static class ReshoringTypeRule
{
    /// <summary>The derived type for a home country, a destination and the origins (all upper-case codes).</summary>
    public static ReshoringType Derive(string homeCountry, string destination, IReadOnlyList<string> origins)
    {
        ArgumentNullException.ThrowIfNull(origins);
        if (string.Equals(homeCountry, destination, StringComparison.OrdinalIgnoreCase)) return ReshoringType.Backshoring;
        var near = CaseContext.NearshoreCountries;
        return near.Contains(homeCountry.ToUpperInvariant()) && near.Contains(destination.ToUpperInvariant())
            ? ReshoringType.Nearshoring
            : ReshoringType.Other;
    }
}
