using System.Globalization;
using Reshore.Core.MarketData;

namespace Reshore.Data.ReferenceData;

/// <summary>
/// Checks the tariff part of a reference data set (tariffs.csv, tariff_mfn.csv, tariff_preferences.csv): bounds, dates,
/// coverage of chapters 25–97, consistency of the MFN table, overlapping regimes, agreement with the countries'
/// trade regimes, and values older than three years. Self-contained so `reshore reference check` can call it:
/// errors fail the check, warnings and stale values are listed.
/// </summary>
public static class TariffReferenceCheck
{
    /// <summary>Values whose source year is more than this many years before the data set's date are listed as stale.</summary>
    public const int StaleAfterYears = 3;

    /// <summary>The highest ad valorem rate accepted without an error, %: above every EU MFN rate and trade-defence duty on industrial goods.</summary>
    public const double MaxRatePct = 500;

    /// <summary>Runs every tariff check on <paramref name="market"/>.</summary>
    public static TariffCheckReport Run(MarketSnapshot market)
    {
        var errors = new List<TariffFinding>();
        var warnings = new List<TariffFinding>();
        var stale = new List<TariffFinding>();
        var inv = CultureInfo.InvariantCulture;

        foreach (var t in market.Tariffs)
        {
            var file = t.File ?? "tariffs";
            var row = t.Origin is null ? t.HsPrefix : $"{t.HsPrefix} {t.Origin}";
            if (t.HsPrefix.Length is < 2 or > 10)
                errors.Add(new(file, row, $"HS/CN prefix '{t.HsPrefix}' must have 2 to 10 digits."));
            foreach (var (name, v) in new[] { ("MFN rate", t.MfnDutyPct), ("extra duty", t.ExtraDutyPct) })
                if (v is not null && (!double.IsFinite(v.Value) || v.Value < 0 || v.Value > MaxRatePct))
                    errors.Add(new(file, row, $"{name} {v.Value.ToString(inv)} % is outside 0–{MaxRatePct.ToString(inv)} %."));
            if (!t.HasMfn && t.ExtraDutyPct is null)
                errors.Add(new(file, row, "The row gives neither an MFN rate nor an extra duty."));
            if (t.ValidFrom is { } f && t.ValidTo is { } to && to < f)
                errors.Add(new(file, row, $"valid_to {to:yyyy-MM-dd} is before valid_from {f:yyyy-MM-dd}."));
            if (t.ExtraDutyPct is not null && t.Origin is null)
                errors.Add(new(file, row, "An extra duty needs its origin (origin_iso2)."));
            if (t.ExtraDutyKind == ExtraDutyKind.ProvisionalAntiDumping && (t.ValidFrom is null || t.ValidTo is null))
                warnings.Add(new(file, row, "Provisional anti-dumping duty without dates: it lapses after six months at most; add valid_from and valid_to or replace it by the definitive measure."));
            if (t.ExtraDutyPct is not null && t.ValidTo is { } end && end < market.AsOf)
                warnings.Add(new(file, row, $"{t.Measure} ended on {end:yyyy-MM-dd}, before the data set's date {market.AsOf:yyyy-MM-dd} (kept for earlier years)."));
            if (t.Origin is { } o && !market.Countries.ContainsKey(o))
                warnings.Add(new(file, row, $"Origin {o} has no country profile: the row is used only once the country is added."));
        }

        // The MFN table: an HS6 whose rate varies must have its CN8 lines, and every CN8 line its HS6.
        var mfn = market.Tariffs.Where(t => t.Origin is null && t.HasMfn).ToList();
        var prefixes = mfn.Select(t => t.HsPrefix).ToHashSet(StringComparer.Ordinal);
        foreach (var t in mfn.Where(t => t.DutyExpression?.StartsWith("varies", StringComparison.Ordinal) == true))
            if (!mfn.Any(c => c.HsPrefix.Length == 8 && c.HsPrefix.StartsWith(t.HsPrefix, StringComparison.Ordinal)))
                errors.Add(new("tariff_mfn.csv", t.HsPrefix, "The rate varies by CN8 but no CN8 line of this HS6 is listed."));
        foreach (var (prefix, rows) in mfn.GroupBy(t => (t.HsPrefix, t.ValidFrom)).Where(g => g.Count() > 1 && g.Select(r => r.MfnDutyPct?.Value).Distinct().Count() > 1).Select(g => (g.Key.HsPrefix, g.ToList())))
            warnings.Add(new(rows[0].File ?? "tariffs", prefix, $"{rows.Count} MFN rows for the same code and start date disagree ({string.Join(", ", rows.Select(r => r.MfnDutyPct?.Value.ToString(inv) ?? r.DutyExpression))}); the newest source is used."));
        var table = mfn.Where(t => t.File == "tariff_mfn.csv").ToDictionary(t => t.HsPrefix, StringComparer.Ordinal);
        foreach (var t in mfn.Where(t => t.File != "tariff_mfn.csv"))
            if (table.TryGetValue(t.HsPrefix, out var other) && (other.MfnDutyPct?.Value != t.MfnDutyPct?.Value || other.DutyExpression != t.DutyExpression))
                warnings.Add(new(t.File ?? "tariffs", t.HsPrefix, $"Gives {Show(t)} ({t.MfnDutyPct?.Year}); tariff_mfn.csv gives {Show(other)} ({other.MfnDutyPct?.Year}). The newer source year is used."));
        var chapters = mfn.Where(t => t.HsPrefix.Length >= 2).Select(t => int.Parse(t.HsPrefix[..2], inv)).ToHashSet();
        // Chapter 77 is reserved in the Harmonized System and has no lines.
        var missing = Enumerable.Range(25, 97 - 25 + 1).Where(ch => ch != 77 && !chapters.Contains(ch)).ToList();
        if (missing.Count > 0)
            errors.Add(new("tariff_mfn.csv", "chapters", $"No MFN rate for chapter(s) {string.Join(", ", missing)} of 25–97."));

        // Regimes: no two rows of one origin in force on the same day; the regime in force on the data set's date
        // agrees with the country file.
        foreach (var g in market.Preferences.GroupBy(p => p.Origin))
        {
            var rows = g.OrderBy(p => p.ValidFrom ?? DateOnly.MinValue).ToList();
            for (var i = 0; i < rows.Count; i++)
            {
                if (rows[i].ValidFrom is { } f && rows[i].ValidTo is { } to && to < f)
                    errors.Add(new("tariff_preferences.csv", g.Key.Value, $"valid_to {to:yyyy-MM-dd} is before valid_from {f:yyyy-MM-dd}."));
                if (i > 0 && (rows[i - 1].ValidTo is null || rows[i - 1].ValidTo >= (rows[i].ValidFrom ?? DateOnly.MinValue)))
                    errors.Add(new("tariff_preferences.csv", g.Key.Value, $"{rows[i - 1].Agreement} and {rows[i].Agreement} are both in force on {rows[i].ValidFrom:yyyy-MM-dd}."));
            }
            if (market.Countries.TryGetValue(g.Key, out var country))
            {
                if (country.EuMember)
                    errors.Add(new("tariff_preferences.csv", g.Key.Value, "An EU member state has no preferential regime."));
                else if (market.Preference(g.Key, market.AsOf) is { } now && now.Regime != country.TradeRegime)
                    errors.Add(new("tariff_preferences.csv", g.Key.Value, $"Regime {Name(now.Regime)} on {market.AsOf:yyyy-MM-dd} disagrees with countries.csv (eu_trade_regime {Name(country.TradeRegime)})."));
            }
        }

        // Stale values, one line per source rather than per row.
        foreach (var g in market.Tariffs.Select(t => (Source: t.Source ?? (t.MfnDutyPct ?? t.ExtraDutyPct)?.Source, Year: t.SourceYear ?? (t.MfnDutyPct ?? t.ExtraDutyPct)?.Year, t.File))
                     .Where(v => v.Year is { } y && market.AsOf.Year - y > StaleAfterYears).GroupBy(v => v))
            stale.Add(new(g.Key.File ?? "tariffs", $"{g.Count()} row(s)", $"Year {g.Key.Year} is more than {StaleAfterYears} years before {market.AsOf:yyyy-MM-dd}: {Clip(g.Key.Source ?? "no source")}"));
        foreach (var t in market.Tariffs.Where(t => (t.Source ?? (t.MfnDutyPct ?? t.ExtraDutyPct)?.Source) is null or ""))
            errors.Add(new(t.File ?? "tariffs", t.HsPrefix, "The row has no source."));

        return new TariffCheckReport(errors, warnings, stale);
    }

    private static string Name(EuTradeRegime r) => r switch
    {
        EuTradeRegime.CustomsUnion => "customs_union",
        EuTradeRegime.GspPlus => "gsp_plus",
        _ => r.ToString().ToLowerInvariant(),
    };

    private static string Show(TariffEntry t) => t.MfnDutyPct is { } v ? $"{v.Value.ToString(CultureInfo.InvariantCulture)} %" : $"\"{t.DutyExpression}\"";

    private static string Clip(string s) => s.Length <= 160 ? s : s[..159] + "…";
}

/// <summary>One finding of a reference-data check.</summary>
/// <param name="File">File.</param>
/// <param name="Row">Row (code and origin) or topic.</param>
/// <param name="Message">What is wrong.</param>
public sealed record TariffFinding(string File, string Row, string Message);

/// <summary>Findings of <see cref="TariffReferenceCheck"/>: errors fail a check; warnings and stale values are listed.</summary>
/// <param name="Errors">Errors.</param>
/// <param name="Warnings">Warnings.</param>
/// <param name="Stale">Values older than <see cref="TariffReferenceCheck.StaleAfterYears"/> years.</param>
public sealed record TariffCheckReport(IReadOnlyList<TariffFinding> Errors, IReadOnlyList<TariffFinding> Warnings, IReadOnlyList<TariffFinding> Stale)
{
    /// <summary>True when there is no error.</summary>
    public bool Passed => Errors.Count == 0;
}
