using System.Globalization;
using Reshore.Cli.Output;
using Reshore.Core.MarketData;
using Reshore.Core.Values;
using Reshore.Data.Output;
using Reshore.Data.ReferenceData;
using Spectre.Console;

namespace Reshore.Cli.Commands;

/// <summary>`reshore reference tariffs`: the MFN table, extra duties and dated regimes, as a table or JSON.</summary>
public static class ReferenceTariffs
{
    /// <summary>Renders the tariff reference data filtered by an HS/CN prefix and an origin.</summary>
    public static string Render(MarketSnapshot m, string? referenceFolder, string format, string? hs, string? origin, bool showSources, CultureInfo c, bool terminal)
    {
        var hsDigits = hs is null ? null : new string(hs.Where(char.IsAsciiDigit).ToArray());
        if (hs is not null && hsDigits!.Length is < 2 or > 10)
            throw new UserInputException($"--hs '{hs}' is not an HS/CN code or prefix: 2 to 10 digits.");
        CountryCode? country = null;
        if (origin is not null)
            country = CountryCode.TryParse(origin.ToUpperInvariant(), out var code) ? code : throw new UserInputException($"--origin '{origin}' is not an ISO 3166-1 alpha-2 country code.");
        var sources = ReferenceDataLoader.TariffSources(referenceFolder);
        if (format == "json") return TariffJson.Serialize(m, sources, hsDigits, country);

        return ConsoleFactory.Render(console =>
        {
            var rows = m.Tariffs.Where(t => (hsDigits is null ? t.File != "tariff_mfn.csv" : t.HsPrefix.StartsWith(hsDigits, StringComparison.Ordinal) || hsDigits.StartsWith(t.HsPrefix, StringComparison.Ordinal))
                                            && (country is null || t.Origin is null || t.Origin == country))
                                .OrderBy(t => t.HsPrefix, StringComparer.Ordinal).ToList();
            var table = new Table().Border(TableBorder.Simple).Title("EU MFN duties");
            foreach (var h in new[] { "HS/CN", "Description", "MFN %", "Valid", "Source" }) table.AddColumn(h);
            foreach (var t in rows.Where(t => t.HasMfn))
                table.AddRow(t.HsPrefix, Markup.Escape(Clip(t.Description, 70)), Markup.Escape(t.MfnDutyPct?.Value.ToString("0.##", c) ?? t.DutyExpression ?? ""),
                    Valid(t.ValidFrom, t.ValidTo), Markup.Escape(SourceText(t.MfnDutyPct?.Source ?? t.Source, t.MfnDutyPct?.Year ?? t.SourceYear, showSources)));
            console.Write(table);
            if (hsDigits is null)
                console.MarkupLine(Markup.Escape($"{m.Tariffs.Count(t => t.File == "tariff_mfn.csv"):N0} lines of the MFN table (chapters 25–97) are not listed: give --hs PREFIX (e.g. --hs 8539) to list them."));

            var extra = new Table().Border(TableBorder.Simple).Title("Anti-dumping and countervailing duties");
            foreach (var h in new[] { "HS/CN", "Origin", "Kind", "Rate %", "Valid", "Measure" }) extra.AddColumn(h);
            foreach (var t in rows.Where(t => t.ExtraDutyPct is not null))
                extra.AddRow(t.HsPrefix, t.Origin?.Value ?? "", t.ExtraDutyKind?.ToString() ?? "", t.ExtraDutyPct!.Value.ToString("0.##", c), Valid(t.ValidFrom, t.ValidTo),
                    Markup.Escape(showSources ? $"{t.Measure}\n· {t.ExtraDutyPct.Source}" : t.Measure ?? ""));
            console.Write(extra);

            var regimes = new Table().Border(TableBorder.Simple).Title("Trade regimes by origin");
            foreach (var h in new[] { "Origin", "Regime", "Agreement", "Valid", "Source" }) regimes.AddColumn(h);
            foreach (var p in m.Preferences.Where(p => country is null || p.Origin == country).OrderBy(p => p.Origin.Value).ThenBy(p => p.ValidFrom))
                regimes.AddRow(p.Origin.Value, p.Regime.ToString(), Markup.Escape(Clip(p.Agreement, 60)), Valid(p.ValidFrom, p.ValidTo), Markup.Escape(SourceText(p.Source, p.Year, showSources)));
            console.Write(regimes);
        }, terminal);
    }

    private static string Valid(DateOnly? from, DateOnly? to) => (from, to) switch
    {
        (null, null) => "",
        _ => $"{from?.ToString("yyyy-MM-dd") ?? "…"} – {to?.ToString("yyyy-MM-dd") ?? "…"}",
    };

    private static string SourceText(string? source, int? year, bool full) =>
        source is null ? "" : $"{(full ? source : Clip(source.Split(',')[0], 40))}{(year is { } y ? $" ({y})" : "")}";

    private static string Clip(string s, int n) => s.Length <= n ? s : s[..(n - 1)] + "…";
}
