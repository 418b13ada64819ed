using System.Text.Json;
using Reshore.Core.MarketData;
using Reshore.Core.Values;

namespace Reshore.Data.Output;

/// <summary>
/// The JSON form of the tariff reference data (`reshore reference tariffs --format json`): MFN rates, extra duties and
/// dated regimes, each with its source, year and validity. Field names are a public contract: add fields, never rename.
/// </summary>
public static class TariffJson
{
    /// <summary>Serializes the tariff rows covering <paramref name="hsPrefix"/> (all when null) and the regimes of <paramref name="origin"/> (all when null).</summary>
    public static string Serialize(MarketSnapshot market, IReadOnlyDictionary<string, (string Text, int? Year)> sources, string? hsPrefix, CountryCode? origin) =>
        JsonSerializer.Serialize(ToDocument(market, sources, hsPrefix, origin), EvaluationJson.Options);

    /// <summary>The JSON document as plain objects.</summary>
    public static object ToDocument(MarketSnapshot market, IReadOnlyDictionary<string, (string Text, int? Year)> sources, string? hsPrefix, CountryCode? origin)
    {
        bool Matches(TariffEntry t) =>
            (hsPrefix is null || t.HsPrefix.StartsWith(hsPrefix, StringComparison.Ordinal) || hsPrefix.StartsWith(t.HsPrefix, StringComparison.Ordinal))
            && (origin is null || t.Origin is null || t.Origin == origin);
        var rows = market.Tariffs.Where(Matches).OrderBy(t => t.HsPrefix, StringComparer.Ordinal).ToList();
        return new
        {
            schemaVersion = 1,
            table = "tariffs",
            version = market.Version,
            asOf = market.AsOf.ToString("yyyy-MM-dd"),
            mfn = rows.Where(t => t.HasMfn).Select(t => new
            {
                hsCode = t.HsPrefix,
                description = t.Description,
                mfnDutyPct = t.MfnDutyPct?.Value,
                dutyExpression = t.DutyExpression,
                validFrom = Date(t.ValidFrom),
                validTo = Date(t.ValidTo),
                source = t.MfnDutyPct?.Source ?? t.Source,
                year = t.MfnDutyPct?.Year ?? t.SourceYear,
                file = t.File,
            }),
            extraDuties = rows.Where(t => t.ExtraDutyPct is not null).Select(t => new
            {
                hsCode = t.HsPrefix,
                origin = t.Origin?.Value,
                kind = t.ExtraDutyKind,
                ratePct = t.ExtraDutyPct!.Value,
                measure = t.Measure,
                description = t.Description,
                validFrom = Date(t.ValidFrom),
                validTo = Date(t.ValidTo),
                inForceOnAsOf = t.AppliesOn(market.AsOf),
                source = t.ExtraDutyPct.Source,
                year = t.ExtraDutyPct.Year,
            }),
            preferences = market.Preferences.Where(p => origin is null || p.Origin == origin).OrderBy(p => p.Origin.Value).ThenBy(p => p.ValidFrom).Select(p => new
            {
                origin = p.Origin.Value,
                regime = p.Regime,
                agreement = p.Agreement,
                validFrom = Date(p.ValidFrom),
                validTo = Date(p.ValidTo),
                inForceOnAsOf = p.AppliesOn(market.AsOf),
                source = p.Source,
                year = p.Year,
                notes = p.Notes,
            }),
            sources = sources.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => new { id = kv.Key, source = kv.Value.Text, year = kv.Value.Year }),
        };
    }


    private static string? Date(DateOnly? d) => d?.ToString("yyyy-MM-dd");
}
