using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using Reshore.Core.Costing.Formulas;
using Reshore.Core.Domain;
using Reshore.Core.Localization;
using Reshore.Core.MarketData;
using Reshore.Core.Values;

namespace Reshore.Core.Costing;

/// <summary>
/// Resolves the ad valorem import duty and extra duty of one origin and HS/CN code for one calendar year (docs/model.md §2.3).
/// Per duty, in order: a <see cref="TradeInputs.DutySchedule"/> entry covering the year; the case's flat rate
/// (dutyRatePct, extraDutyPct); the reference tariffs in force on each day of the year, averaged over the year by
/// <see cref="TradeFormulas.TimeWeightedRate"/>. Pure: reads the market snapshot, never the clock.
/// </summary>
public static class DutyResolver
{
    /// <summary>The customs duty (MFN or preferential) for <paramref name="calendarYear"/>.</summary>
    public static DutyRate ImportDuty(MarketSnapshot market, CountryProfile origin, string? hsCode, TradeInputs trade, int calendarYear, CultureInfo culture)
    {
        if (Scheduled(trade, ScheduledDuty.ImportDuty, calendarYear, culture) is { } scheduled) return scheduled;
        if (trade.DutyRatePct is { } given)
            return WholeYear(calendarYear, new InputValue("trade.dutyRatePct", given, "%", "case", false), null);
        // The reference path depends only on these; simulations and the optimiser re-cost the same option many times.
        return Cached(market, ("import", origin.Code, hsCode, trade.PreferentialOrigin, calendarYear, culture.Name),
            () => ReferenceImportDuty(market, origin, hsCode, trade, calendarYear, culture));
    }

    private static DutyRate ReferenceImportDuty(MarketSnapshot market, CountryProfile origin, string? hsCode, TradeInputs trade, int calendarYear, CultureInfo culture)
    {
        var hs = Digits(hsCode);
        var periods = new List<DutyPeriod>();
        var inputs = new List<InputValue>();
        var notes = new List<string>();
        foreach (var (from, to) in Periods(market, hs, origin.Code, calendarYear))
        {
            var preference = market.Preference(origin.Code, from);
            var regime = preference?.Regime ?? origin.TradeRegime;
            var agreement = preference?.Agreement ?? origin.TradeAgreement;
            var when = Span(from, to, calendarYear);
            if (preference?.Notes is { Length: > 0 } caveat) notes.Add(caveat);
            if (regime == EuTradeRegime.CustomsUnion)
            {
                periods.Add(new(from, to, 0, RegimeInput($"customs union rate{when}", preference, origin)));
                notes.Add(Text.Format(culture, "Note_CustomsUnion", "Customs union with the EU ({0}): no duty on industrial goods.", agreement));
                continue;
            }
            var preferential = regime is EuTradeRegime.Fta or EuTradeRegime.GspPlus
                               || (regime == EuTradeRegime.Eba && !hs.StartsWith("93", StringComparison.Ordinal));
            if (preferential && (trade.PreferentialOrigin ?? true))
            {
                periods.Add(new(from, to, 0, RegimeInput($"preferential rate ({agreement}){when}", preference, origin)));
                if (!inputs.Any(i => i.Name.Contains("preferential origin", StringComparison.Ordinal)))
                    inputs.Add(trade.PreferentialOrigin is null
                        ? new InputValue("preferential origin", 1, "yes/no", "default: model assumption (rules of origin assumed met)", true)
                        : new InputValue("trade.preferentialOrigin", 1, "yes/no", "case", false));
                notes.Add(Text.Format(culture, "Note_Preference", "Preferential rate 0% under {0}; requires proof of origin.", agreement));
                continue;
            }
            if (hs.Length < 4)
                return Missing(hsCode is null ? "hsCode (item) or trade.dutyRatePct" : $"trade.dutyRatePct (no reference tariff for HS {hsCode}: give at least 4 digits)");
            var row = market.MfnTariff(hs, from);
            if (row is null)
                return Missing(Text.Format(culture, "Missing_NoTariff",
                    "trade.dutyRatePct (no reference tariff for HS {0} on {1:yyyy-MM-dd}; the bundled MFN table follows the CN of 2020, so codes created by HS 2022 are missing)", hsCode, from));
            if (row.MfnDutyPct is not { } mfn)
                return Missing(Text.Format(culture, "Missing_MfnExpression",
                    "trade.dutyRatePct or the 8-digit CN code (the EU MFN duty for HS {0} is \"{1}\")", row.HsPrefix, row.DutyExpression));
            periods.Add(new(from, to, mfn.Value, Sourced($"EU MFN duty {row.HsPrefix} ({row.Description}){when}", mfn)));
            if (regime == EuTradeRegime.Gsp)
                notes.Add(Text.Get(culture, "Note_Gsp", "Standard GSP: the MFN rate is shown; give trade.dutyRatePct for the GSP rate of this line."));
            else if (preferential)
                notes.Add(Text.Format(culture, "Note_NoPreferentialOrigin", "Rules of origin of {0} not met (trade.preferentialOrigin: no): MFN rate.", agreement));
        }
        return Result(periods, inputs, notes);
    }

    /// <summary>
    /// The extra duties (anti-dumping, countervailing, other) for <paramref name="calendarYear"/>; a null rate with no
    /// <see cref="DutyRate.Missing"/> when none is given or in force that year.
    /// </summary>
    public static DutyRate ExtraDuty(MarketSnapshot market, CountryProfile origin, string? hsCode, TradeInputs trade, int calendarYear, CultureInfo culture)
    {
        if (Scheduled(trade, ScheduledDuty.ExtraDuty, calendarYear, culture) is { } scheduled) return scheduled;
        if (trade.ExtraDutyPct is { } given)
            return WholeYear(calendarYear, new InputValue("trade.extraDutyPct", given, "%", "case", false), null);
        return Cached(market, ("extra", origin.Code, hsCode, null, calendarYear, culture.Name),
            () => ReferenceExtraDuty(market, origin, hsCode, calendarYear, culture));
    }

    private static DutyRate ReferenceExtraDuty(MarketSnapshot market, CountryProfile origin, string? hsCode, int calendarYear, CultureInfo culture)
    {
        var hs = Digits(hsCode);
        var none = new DutyRate(null, [], [], null, None(market, hs, origin.Code, calendarYear, culture));
        if (hs.Length < 4) return none;

        var periods = new List<DutyPeriod>();
        foreach (var (from, to) in Periods(market, hs, origin.Code, calendarYear))
        {
            var rows = market.ExtraDuties(hs, origin.Code, from);
            if (rows.Count == 0)
            {
                periods.Add(new(from, to, 0, new InputValue($"no extra duty in force{Span(from, to, calendarYear)}", 0, "%", "derived: no measure in the reference tariffs on these days", false)));
                continue;
            }
            foreach (var row in rows)
                periods.Add(new(from, to, row.ExtraDutyPct!.Value, Sourced($"{KindName(row.ExtraDutyKind)} {row.HsPrefix} {origin.Code} ({row.Measure}){Span(from, to, calendarYear)}", row.ExtraDutyPct)));
        }
        if (periods.All(p => p.RatePct == 0 && p.Input.Source.StartsWith("derived", StringComparison.Ordinal))) return none;
        // Rows of different kinds in the same period add up: the year's rate is Σ over periods and kinds of days × rate ÷ days in the year.
        var days = new DateOnly(calendarYear, 12, 31).DayNumber - new DateOnly(calendarYear, 1, 1).DayNumber + 1;
        var rate = periods.Sum(p => p.Days * p.RatePct) / days;
        return new DutyRate(rate, periods, [], null, null);
    }

    // Results of the reference path per snapshot instance. Each case context builds its own snapshot (with its exchange rates
    // and country overrides), so within one snapshot a country code stands for one profile.
    private static readonly ConditionalWeakTable<MarketSnapshot, ConcurrentDictionary<(string, CountryCode, string?, bool?, int, string), DutyRate>> Cache = new();

    private static DutyRate Cached(MarketSnapshot market, (string, CountryCode, string?, bool?, int, string) key, Func<DutyRate> compute) =>
        Cache.GetValue(market, static _ => new()).GetOrAdd(key, _ => compute());

    private static DutyRate? Scheduled(TradeInputs trade, ScheduledDuty duty, int calendarYear, CultureInfo culture)
    {
        var entries = trade.DutySchedule ?? [];
        for (var i = 0; i < entries.Count; i++)
        {
            var e = entries[i];
            if (e.Duty != duty || !e.Covers(calendarYear)) continue;
            var note = Text.Format(culture, "Note_DutySchedule", "Rate from trade.dutySchedule[{0}] for {1}{2}.", i, calendarYear,
                e.Reason is { Length: > 0 } r ? $": {r}" : "");
            return WholeYear(calendarYear, new InputValue($"trade.dutySchedule[{i}].ratePct ({calendarYear})", e.RatePct, "%", "case", false), note);
        }
        return null;
    }

    private static DutyRate WholeYear(int calendarYear, InputValue input, string? note) =>
        new(input.Value, [new DutyPeriod(new DateOnly(calendarYear, 1, 1), new DateOnly(calendarYear, 12, 31), input.Value, input)], [], null, note);

    private static DutyRate Missing(string what) => new(null, [], [], what, null);

    private static DutyRate Result(List<DutyPeriod> periods, List<InputValue> inputs, List<string> notes)
    {
        var rate = TradeFormulas.TimeWeightedRate(periods.Select(p => (p.Days, p.RatePct)).ToList());
        return new DutyRate(rate, periods, inputs, null, notes.Count == 0 ? null : string.Join(" ", notes.Distinct()));
    }

    /// <summary>The periods of the year between the days on which a tariff row or regime changes.</summary>
    private static IEnumerable<(DateOnly From, DateOnly To)> Periods(MarketSnapshot market, string hs, CountryCode origin, int calendarYear)
    {
        var from = new DateOnly(calendarYear, 1, 1);
        foreach (var change in market.TariffChanges(hs, origin, calendarYear))
        {
            yield return (from, change.AddDays(-1));
            from = change;
        }
        yield return (from, new DateOnly(calendarYear, 12, 31));
    }

    private static string Span(DateOnly from, DateOnly to, int calendarYear) =>
        from == new DateOnly(calendarYear, 1, 1) && to == new DateOnly(calendarYear, 12, 31) ? "" : $", {from:yyyy-MM-dd} to {to:yyyy-MM-dd}";

    private static InputValue Sourced(string name, SourcedValue v) =>
        new(name, v.Value, "%", $"default: {v.Source}{(v.Year is { } y ? $" ({y})" : "")}", true);

    private static InputValue RegimeInput(string name, TariffPreference? preference, CountryProfile origin) => preference is null
        ? new InputValue(name, 0, "%", $"default: trade regime of {origin.Code} in the country reference data ({origin.TradeAgreement})", true)
        : new InputValue(name, 0, "%", $"default: {preference.Source}{(preference.Year is { } y ? $" ({y})" : "")}", true);

    private static string KindName(ExtraDutyKind? kind) => kind switch
    {
        ExtraDutyKind.AntiDumping => "anti-dumping duty",
        ExtraDutyKind.ProvisionalAntiDumping => "provisional anti-dumping duty",
        ExtraDutyKind.Countervailing => "countervailing duty",
        _ => "extra duty",
    };

    private static string None(MarketSnapshot market, string hs, CountryCode origin, int calendarYear, CultureInfo culture)
    {
        var expired = hs.Length < 4 ? null : market.RowsCovering(hs)
            .Where(t => t.Origin == origin && t.ExtraDutyPct is not null && t.ValidTo is { } end && end.Year < calendarYear)
            .MaxBy(t => t.ValidTo);
        return expired is null
            ? Text.Get(culture, "Note_NoExtraDuty", "No anti-dumping or extra duty given or found in the reference tariffs for this origin and HS code.")
            : Text.Format(culture, "Note_ExtraDutyExpired", "No extra duty in force in {0}: {1} ({2}) ended on {3:yyyy-MM-dd}.", calendarYear, KindName(expired.ExtraDutyKind), expired.Measure, expired.ValidTo);
    }

    private static string Digits(string? hsCode) => new((hsCode ?? "").Where(char.IsAsciiDigit).ToArray());
}
