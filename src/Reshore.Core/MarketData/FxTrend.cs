using Reshore.Core.Values;

namespace Reshore.Core.MarketData;

/// <summary>
/// The observed trend of a currency against the euro, from an exchange-rate history. The default currency drift of the
/// engine stays 0 (wage growth is a trend in euros, which already holds past exchange-rate moves); this trend is shown so a
/// user who models wages in local currency can set <c>assumptions.currencyDriftPct</c> from data rather than a guess.
/// </summary>
public static class FxTrend
{
    /// <summary>
    /// Compound annual change of the euro value of one unit of the currency between two years:
    /// δ = (e_to / e_from)^(1 / (to − from)) − 1, with e the euros per unit (annual averages). Negative: the currency weakened
    /// against the euro. Same sign convention as <c>assumptions.currencyDriftPct</c> (fraction, not %).
    /// </summary>
    public static double AnnualDrift(double eurPerUnitFrom, double eurPerUnitTo, int years)
    {
        if (years <= 0) throw new ArgumentOutOfRangeException(nameof(years), "The period must span at least one year.");
        if (!(eurPerUnitFrom > 0) || !(eurPerUnitTo > 0)) throw new ArgumentOutOfRangeException(nameof(eurPerUnitFrom), "Exchange rates must be positive.");
        return Math.Pow(eurPerUnitTo / eurPerUnitFrom, 1.0 / years) - 1;
    }

    /// <summary>
    /// The drift over the longest span of complete years of <paramref name="history"/> ending at <paramref name="lastYear"/> and
    /// at most <paramref name="span"/> years long, or null when fewer than two such years exist.
    /// </summary>
    public static (int From, int To, double Drift)? Observed(IReadOnlyDictionary<int, SourcedValue> history, int lastYear, int span = 5)
    {
        var years = history.Keys.Where(y => y <= lastYear && y >= lastYear - span).Order().ToList();
        if (years.Count < 2 || !history.ContainsKey(lastYear)) return null;
        var from = years[0];
        return (from, lastYear, AnnualDrift(history[from].Value, history[lastYear].Value, lastYear - from));
    }
}
