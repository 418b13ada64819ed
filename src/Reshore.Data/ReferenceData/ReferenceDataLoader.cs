using System.Runtime.ExceptionServices;
using System.Text;
using System.Globalization;
using Reshore.Core.Domain;
using Reshore.Core.MarketData;
using Reshore.Core.Support;
using Reshore.Core.Values;

namespace Reshore.Data.ReferenceData;

/// <summary>
/// Builds a <see cref="MarketSnapshot"/> from the reference-data CSV files: the copies embedded in this assembly
/// (default) or a folder given by the user. Every numeric cell keeps its source and year.
/// </summary>
public static class ReferenceDataLoader
{
    /// <summary>The file names that make up a data set.</summary>
    public static IReadOnlyList<string> Files { get; } =
        ["dataset.csv", "countries.csv", "energy_prices.csv", "lanes.csv", "emission_factors.csv", "carbon_prices.csv", "cbam_factors.csv", "cbam_goods.csv", "tariffs.csv", "fx_rates.csv", "critical_raw_materials.csv"];

    /// <summary>Files a folder may leave out (a data set made before they existed): the MFN table, the dated tariff regimes and their sources, and the exchange-rate history.</summary>
    public static IReadOnlyList<string> OptionalFiles { get; } = ["tariff_mfn.csv", "tariff_preferences.csv", "tariff_sources.csv", "fx_history.csv", LabourMarketData.File, SupportData.InstrumentsFile, SupportData.StateAidFile, SupportData.ClustersFile];

    private static MarketSnapshot? _embedded;

    /// <summary>The bundled data set (cached).</summary>
    public static MarketSnapshot Embedded() => _embedded ??= Load(ReadEmbedded, embedded: true);

    /// <summary>Loads a data set from a folder holding the same files.</summary>
    public static MarketSnapshot FromDirectory(string directory) =>
        Load(name =>
        {
            var path = Path.Combine(directory, name);
            if (File.Exists(path)) return File.ReadAllText(path);
            return OptionalFiles.Contains(name) ? null : throw new FileNotFoundException($"Reference data file {name} is missing in {directory}.", path);
        }, embedded: false);

    /// <summary>The text of an embedded reference file.</summary>
    public static string ReadEmbedded(string name)
    {
        using var stream = typeof(ReferenceDataLoader).Assembly.GetManifestResourceStream("reference-data/" + name)
            ?? throw new FileNotFoundException($"Embedded reference data file {name} is missing.");
        // Decoded in one piece (a reader would build the text in blocks and copy it again): the files are read at every start.
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        var text = bytes.AsSpan();
        if (text.StartsWith(Encoding.UTF8.Preamble)) text = text[Encoding.UTF8.Preamble.Length..];
        return Encoding.UTF8.GetString(text);
    }

    /// <summary>
    /// The bytes of an embedded reference file, without a byte-order mark: the resource's own memory where the runtime maps it (no copy),
    /// otherwise a copy.
    /// </summary>
    private static ReadOnlyMemory<byte> EmbeddedBytes(string name)
    {
        var stream = typeof(ReferenceDataLoader).Assembly.GetManifestResourceStream("reference-data/" + name)
            ?? throw new FileNotFoundException($"Embedded reference data file {name} is missing.");
        ReadOnlyMemory<byte> bytes;
        if (stream is UnmanagedMemoryStream mapped) bytes = MappedResource.Of(mapped);
        else
        {
            using (stream)
            {
                var copy = new byte[stream.Length];
                stream.ReadExactly(copy);
                bytes = copy;
            }
        }
        return bytes.Span.StartsWith(Encoding.UTF8.Preamble) ? bytes[Encoding.UTF8.Preamble.Length..] : bytes;
    }

    /// <summary>
    /// Reads a data set. A folder's files are read whole, so that a mistake in any row is reported at once; the bundled MFN table
    /// (checked by the tests) is read row by row as codes ask for it (<see cref="MfnTariffTable"/>).
    /// </summary>
    private static MarketSnapshot Load(Func<string, string?> read, bool embedded)
    {
        IReadOnlyList<IReadOnlyDictionary<string, string>> Rows(string name) =>
            read(name) is { } text ? Csv.Parse(text, name) : [];
        IEnumerable<IReadOnlyDictionary<string, string>> Stream(string name) =>
            read(name) is { } text ? Csv.Stream(text, name) : [];
        // Three parts read side by side (Parallel.Invoke runs one on this thread and lends the others to idle cores): every command
        // starts here. A broken file is reported as before, the first in the files' order.
        MarketSnapshot? first = null;
        IReadOnlyList<TariffEntry>? tariffs = null;
        List<TariffPreference>? preferences = null;
        LaterTables? later = null;
        var failures = new ExceptionDispatchInfo?[3];
        void Part(int order, Action readPart)
        {
            try { readPart(); }
            catch (Exception e) { failures[order] = ExceptionDispatchInfo.Capture(e); }
        }
        Parallel.Invoke(
            () => Part(0, () => first = FirstFiles(Rows)),
            () => Part(1, () =>
            {
                tariffs = TariffRows(Rows, Stream, embedded);
                preferences = PreferenceRows(Rows);
            }),
            () => Part(2, () => later = LaterFiles(read, Rows)));
        foreach (var failure in failures) failure?.Throw();
        return first! with
        {
            Tariffs = tariffs!,
            Preferences = preferences!,
            FxHistory = later!.FxHistory,
            CriticalRawMaterials = later.CriticalRawMaterials,
            LabourMarkets = later.LabourMarkets,
            Instruments = later.Instruments,
            StateAidRules = later.StateAidRules,
            EcosystemClusters = later.EcosystemClusters,
        };
    }

    /// <summary>The tables read from the files after the tariffs.</summary>
    private sealed record LaterTables(
        IReadOnlyDictionary<CurrencyCode, IReadOnlyDictionary<int, SourcedValue>> FxHistory, IReadOnlyList<CriticalRawMaterial> CriticalRawMaterials,
        IReadOnlyDictionary<string, LabourMarketProfile> LabourMarkets, IReadOnlyDictionary<string, SupportInstrument> Instruments,
        IReadOnlyDictionary<string, StateAidRule> StateAidRules, IReadOnlyDictionary<string, IReadOnlyList<string>> EcosystemClusters);

    private static LaterTables LaterFiles(Func<string, string?> read, Func<string, IReadOnlyList<IReadOnlyDictionary<string, string>>> rows) => new(
        read("fx_history.csv") is { } history ? FxHistory(Csv.Parse(history, "fx_history.csv")) : new Dictionary<CurrencyCode, IReadOnlyDictionary<int, SourcedValue>>(),
        rows("critical_raw_materials.csv").Select(r => new CriticalRawMaterial(
            r["material"], int.Parse(r["list_year"], CultureInfo.InvariantCulture), r["strategic"], r["strategic_scope"].Length > 0 ? r["strategic_scope"] : null, r["source"])).ToList(),
        LabourMarketData.Load(read),
        SupportData.Instruments(read),
        SupportData.Rules(read),
        SupportData.Clusters(read));

    /// <summary>The files before the tariffs, with empty tariffs and the later tables (filled in by <see cref="Load"/>).</summary>
    private static MarketSnapshot FirstFiles(Func<string, IReadOnlyList<IReadOnlyDictionary<string, string>>> rows)
    {
        var dataset = rows("dataset.csv").ToDictionary(r => r["key"], r => r["value"]);
        var fx = new Dictionary<CurrencyCode, SourcedValue>();
        foreach (var r in rows("fx_rates.csv"))
        {
            if (string.IsNullOrEmpty(r["eur_per_unit"])) continue; // listed as not found in the file itself
            fx[CurrencyCode.Parse(r["currency"])] = new SourcedValue(Num(r, "eur_per_unit", "fx_rates.csv"), r["source"], Year(r, "year"));
        }
        var cbamGoods = rows("cbam_goods.csv");
        return new MarketSnapshot
        {
            Version = dataset["version"],
            AsOf = DateOnly.ParseExact(dataset["as_of"], "yyyy-MM-dd", CultureInfo.InvariantCulture),
            Countries = WithEnergyPrices(rows("countries.csv").Select(Country).ToDictionary(c => c.Code), rows("energy_prices.csv")),
            Lanes = rows("lanes.csv").Select(Lane).ToDictionary(l => l.Id, StringComparer.Ordinal),
            EmissionFactors = rows("emission_factors.csv").Where(r => r["g_co2e_per_tkm"].Length > 0).Select(Factor).ToList(),
            EtsPriceEurPerTonne = rows("carbon_prices.csv").ToDictionary(r => int.Parse(r["year"], CultureInfo.InvariantCulture),
                r => new SourcedValue(Num(r, "eua_eur_per_tonne", "carbon_prices.csv"), $"{r["basis"]}: {r["source"]}", int.Parse(r["year"], CultureInfo.InvariantCulture))),
            CbamFactorPct = rows("cbam_factors.csv").ToDictionary(r => int.Parse(r["year"], CultureInfo.InvariantCulture),
                r => new SourcedValue(Num(r, "cbam_factor_pct", "cbam_factors.csv"), r["source"], int.Parse(r["year"], CultureInfo.InvariantCulture))),
            CbamCoveredPrefixes = cbamGoods.Select(r => r["cn_prefix"]).ToList(),
            CbamSource = cbamGoods.First()["source"],
            Tariffs = [],
            Fx = new FxTable(fx),
        };
    }

    private static Dictionary<CurrencyCode, IReadOnlyDictionary<int, SourcedValue>> FxHistory(IReadOnlyList<IReadOnlyDictionary<string, string>> rows)
    {
        const string f = "fx_history.csv";
        var history = new Dictionary<CurrencyCode, IReadOnlyDictionary<int, SourcedValue>>();
        foreach (var group in rows.GroupBy(r => r["currency"]))
        {
            var years = new Dictionary<int, SourcedValue>();
            foreach (var r in group)
            {
                var year = Year(r, "year") ?? throw new FormatException($"{f}: {group.Key} has a row without a year.");
                if (!years.TryAdd(year, new SourcedValue(Num(r, "eur_per_unit", f), $"{r["source"]} [{r["basis"]}]", year)))
                    throw new FormatException($"{f}: {group.Key} has two rows for {year}.");
            }
            history[CurrencyCode.Parse(group.Key)] = years;
        }
        return history;
    }

    private static double Num(IReadOnlyDictionary<string, string> r, string column, string file) =>
        double.TryParse(r[column], NumberStyles.Float, CultureInfo.InvariantCulture, out var v)
            ? v
            : throw new FormatException($"{file}: column {column} holds '{r[column]}', not a number.");

    private static int? Year(IReadOnlyDictionary<string, string> r, string column) =>
        r.TryGetValue(column, out var text) && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var y) ? y : null;

    private static SourcedValue Sourced(IReadOnlyDictionary<string, string> r, string value, string year, string source, string file) =>
        new(Num(r, value, file), r[source], Year(r, year));

    /// <summary>A value that may be missing: an empty cell (or an absent column) is null, never zero.</summary>
    private static SourcedValue? Optional(IReadOnlyDictionary<string, string> r, string value, string year, string source, string file) =>
        r.TryGetValue(value, out var text) && text.Length > 0 ? Sourced(r, value, year, source, file) : null;

    private static string? Text(IReadOnlyDictionary<string, string> r, string column) =>
        r.TryGetValue(column, out var text) && text.Length > 0 ? text : null;

    private static Dictionary<CountryCode, CountryProfile> WithEnergyPrices(Dictionary<CountryCode, CountryProfile> countries, IReadOnlyList<IReadOnlyDictionary<string, string>> prices)
    {
        const string f = "energy_prices.csv";
        foreach (var group in prices.GroupBy(r => r["iso2"]))
        {
            var code = CountryCode.Parse(group.Key);
            if (!countries.TryGetValue(code, out var profile))
                throw new FormatException($"{f}: country {group.Key} is not in countries.csv.");
            EnergyBandPrice Band(IReadOnlyDictionary<string, string> r) => new(r["band"], new SourcedValue(Num(r, "eur_per_kwh", f), $"{r["source"]} [{r["period"]}]", Year(r, "year")));
            countries[code] = profile with
            {
                ElectricityBands = group.Where(r => r["carrier"] == "electricity").Select(Band).ToList(),
                GasBands = group.Where(r => r["carrier"] == "gas").Select(Band).ToList(),
            };
            foreach (var r in group.Where(r => r["carrier"] is not ("electricity" or "gas")))
                throw new FormatException($"{f}: unknown carrier '{r["carrier"]}' for {group.Key} (electricity or gas).");
        }
        return countries;
    }

    private static CountryProfile Country(IReadOnlyDictionary<string, string> r)
    {
        const string f = "countries.csv";
        return new CountryProfile
        {
            Code = CountryCode.Parse(r["iso2"]),
            Name = r["name"],
            Currency = CurrencyCode.Parse(r["currency"]),
            EuMember = r["eu_member"] == "yes",
            TradeRegime = Regime(r["eu_trade_regime"], f, r["iso2"], "eu_trade_regime"),
            TradeAgreement = r["eu_trade_agreement"],
            LabourCostEurPerHour = Optional(r, "labour_cost_eur_per_hour", "labour_cost_year", "labour_cost_source", f),
            LabourCostScope = Text(r, "labour_cost_scope"),
            WageGrowthPct = Optional(r, "wage_growth_pct", "wage_growth_year", "wage_growth_source", f) is { } g
                ? g with { Source = Text(r, "wage_growth_period") is { } period ? $"{g.Source} [trend {period}]" : g.Source, Year = g.Year ?? PeriodEnd(Text(r, "wage_growth_period")) }
                : null,
            ProductivityIndex = Optional(r, "productivity_index", "productivity_year", "productivity_source", f) is { } pi
                ? pi with { Source = Text(r, "productivity_scope") is { } scope ? $"{pi.Source} [{scope}]" : pi.Source }
                : null,
            ElectricityEurPerKwh = Optional(r, "electricity_eur_per_kwh", "electricity_year", "electricity_source", f),
            GridGCo2ePerKwh = Optional(r, "grid_gco2e_per_kwh", "grid_year", "grid_source", f),
            Governance = Optional(r, "wgi_political_stability", "wgi_year", "wgi_source", f) is { } ps
                ? new GovernanceIndicators(ps, Optional(r, "wgi_government_effectiveness", "wgi_year", "wgi_source", f), Optional(r, "wgi_rule_of_law", "wgi_year", "wgi_source", f))
                : null,
        };
    }

    /// <summary>The last year of a period such as "2021-2024".</summary>
    private static int? PeriodEnd(string? period) =>
        period is not null && int.TryParse(period[^4..], NumberStyles.None, CultureInfo.InvariantCulture, out var y) ? y : null;

    /// <summary>Maps a mode name of the CSV files to a <see cref="TransportMode"/>.</summary>
    public static TransportMode Mode(string text) =>
        LaneEntry.Modes.TryGetValue(text, out var mode) ? mode : throw new FormatException($"Unknown transport mode '{text}'.");

    private static Lane Lane(IReadOnlyDictionary<string, string> r)
    {
        const string f = "lanes.csv";
        return new Lane
        {
            Id = r["lane_id"],
            Origin = CountryCode.Parse(r["origin_iso2"]),
            OriginPlace = r["origin_place"],
            DestinationPlace = r["destination_place"],
            Mode = Mode(r["mode"]),
            DistanceKm = new SourcedValue(Num(r, "distance_km", f), r["distance_source"], Year(r, "rate_year")),
            TransitDays = new SourcedValue(Num(r, "transit_days", f), r["transit_source"], Year(r, "rate_year")),
            Rate = r["rate"].Length > 0 ? new SourcedValue(Num(r, "rate", f), r["rate_source"], Year(r, "rate_year")) : null,
            RateCurrency = CurrencyCode.Parse(r["rate_currency"]),
            RateUnit = LaneEntry.Units.TryGetValue(r["rate_unit"], out var unit)
                ? unit
                : throw new FormatException($"{f}: unknown rate_unit '{r["rate_unit"]}' for lane {r["lane_id"]}."),
            IsDefault = r["is_default"] == "yes",
            EmissionFactorId = Text(r, "emission_factor_id"),
        };
    }

    private static EmissionFactor Factor(IReadOnlyDictionary<string, string> r) => new()
    {
        Id = r["factor_id"],
        VehicleClass = r["vehicle_class"],
        DefaultFor = r["is_default_for_mode"] == "yes" ? Mode(r["mode"]) : null,
        GramsPerTonneKm = new SourcedValue(Num(r, "g_co2e_per_tkm", "emission_factors.csv"), $"{r["source"]} [{r["source_status"]}]", Year(r, "year")),
    };

    /// <summary>The tariff sources by id ("publisher, title, address" and year), embedded or from <paramref name="directory"/>.</summary>
    public static IReadOnlyDictionary<string, (string Text, int? Year)> TariffSources(string? directory = null)
    {
        var text = directory is null ? ReadEmbedded("tariff_sources.csv")
            : File.Exists(Path.Combine(directory, "tariff_sources.csv")) ? File.ReadAllText(Path.Combine(directory, "tariff_sources.csv")) : null;
        return text is null ? new Dictionary<string, (string, int?)>() : Sources(Csv.Parse(text, "tariff_sources.csv"));
    }

    private static Dictionary<string, (string Text, int? Year)> Sources(IReadOnlyList<IReadOnlyDictionary<string, string>> rows) =>
        rows.ToDictionary(r => r["source_id"], r => ($"{r["publisher"]}, {r["title"]}, {r["address"]}", Year(r, "year")), StringComparer.Ordinal);

    /// <summary>
    /// The tariff rows: tariffs.csv, then the MFN table. The bundled table is read row by row as codes ask for it (or whole, if its layout
    /// does not allow that: <see cref="MfnTariffTable.TryCreate"/>); a folder's is read whole, so that a mistake in any row is reported at once.
    /// </summary>
    private static IReadOnlyList<TariffEntry> TariffRows(Func<string, IReadOnlyList<IReadOnlyDictionary<string, string>>> rows,
        Func<string, IEnumerable<IReadOnlyDictionary<string, string>>> stream, bool embedded)
    {
        var sources = Sources(rows("tariff_sources.csv"));
        var list = rows("tariffs.csv").Select(Tariff).ToList();
        if (embedded && MfnTariffTable.TryCreate(list, EmbeddedBytes(MfnFile), MfnFile, r => MfnEntry(r, sources)) is { } table) return table;
        // Mapped as it is read: 6,000 rows, the largest file (Csv.Stream).
        foreach (var r in stream(MfnFile)) list.Add(MfnEntry(r, sources));
        return list;
    }

    private const string MfnFile = "tariff_mfn.csv";

    /// <summary>A row of the MFN table (tariff_mfn.csv).</summary>
    private static TariffEntry MfnEntry(IReadOnlyDictionary<string, string> r, IReadOnlyDictionary<string, (string Text, int? Year)> sources)
    {
        const string f = MfnFile;
        var (text, year) = Source(sources, r["source_id"], f, r["hs_code"]);
        return new TariffEntry
        {
            HsPrefix = Digits(r["hs_code"], f),
            Description = r["description"],
            MfnDutyPct = r["mfn_duty_pct"].Length > 0 ? new SourcedValue(Num(r, "mfn_duty_pct", f), text, year) : null,
            DutyExpression = r["mfn_duty_pct"].Length > 0 ? null : r["duty_expression"].Length > 0 ? r["duty_expression"]
                : throw new FormatException($"{f}: row {r["hs_code"]} has neither mfn_duty_pct nor duty_expression."),
            ValidFrom = Date(r, "valid_from", f),
            ValidTo = Date(r, "valid_to", f),
            File = f,
            Source = text,
            SourceYear = year,
        };
    }

    private static List<TariffPreference> PreferenceRows(Func<string, IReadOnlyList<IReadOnlyDictionary<string, string>>> rows)
    {
        var sources = Sources(rows("tariff_sources.csv"));
        const string f = "tariff_preferences.csv";
        return rows(f).Select(r =>
        {
            var (text, year) = Source(sources, r["source_id"], f, r["origin_iso2"]);
            return new TariffPreference
            {
                Origin = CountryCode.Parse(r["origin_iso2"]),
                Regime = Regime(r["regime"], f, r["origin_iso2"]),
                Agreement = r["agreement"],
                ValidFrom = Date(r, "valid_from", f),
                ValidTo = Date(r, "valid_to", f),
                Source = text,
                Year = year,
                Notes = r["notes"].Length > 0 ? r["notes"] : null,
            };
        }).ToList();
    }

    private static (string Text, int? Year) Source(IReadOnlyDictionary<string, (string Text, int? Year)> sources, string id, string file, string row) =>
        sources.TryGetValue(id, out var s) ? s : throw new FormatException($"{file}: row {row} names source '{id}', which tariff_sources.csv does not list.");

    private static string Digits(string code, string file) =>
        code.Length > 0 && code.All(char.IsAsciiDigit) ? code : throw new FormatException($"{file}: '{code}' is not an HS/CN code of digits.");

    private static DateOnly? Date(IReadOnlyDictionary<string, string> r, string column, string file) =>
        !r.TryGetValue(column, out var text) || text.Length == 0 ? null
        : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d
        : throw new FormatException($"{file}: column {column} holds '{text}', not a date (yyyy-mm-dd).");

    /// <summary>Maps a regime name of the CSV files to an <see cref="EuTradeRegime"/>.</summary>
    public static EuTradeRegime Regime(string text, string file, string row, string column = "regime") => text switch
    {
        "member" => EuTradeRegime.Member,
        "customs_union" => EuTradeRegime.CustomsUnion,
        "fta" => EuTradeRegime.Fta,
        "eba" => EuTradeRegime.Eba,
        "gsp_plus" => EuTradeRegime.GspPlus,
        "gsp" => EuTradeRegime.Gsp,
        "mfn" => EuTradeRegime.Mfn,
        var other => throw new FormatException($"{file}: unknown {column} '{other}' for {row}."),
    };

    private static TariffEntry Tariff(IReadOnlyDictionary<string, string> r)
    {
        const string f = "tariffs.csv";
        var kind = r.GetValueOrDefault("extra_duty_kind") ?? "";
        return new TariffEntry
        {
            HsPrefix = new string(r["hs_prefix"].Where(char.IsDigit).ToArray()),
            Description = r["description"],
            MfnDutyPct = r["mfn_duty_pct"].Length > 0 ? new SourcedValue(Num(r, "mfn_duty_pct", f), r["source"], Year(r, "year")) : null,
            Origin = r["origin_iso2"].Length > 0 ? CountryCode.Parse(r["origin_iso2"]) : null,
            ExtraDutyPct = r["extra_duty_pct"].Length > 0 ? new SourcedValue(Num(r, "extra_duty_pct", f), $"{r["measure"]}: {r["source"]}", Year(r, "year")) : null,
            ExtraDutyKind = kind switch
            {
                "" => r["extra_duty_pct"].Length > 0 ? ExtraDutyKind.Other : null,
                "anti_dumping" => ExtraDutyKind.AntiDumping,
                "provisional_anti_dumping" => ExtraDutyKind.ProvisionalAntiDumping,
                "countervailing" => ExtraDutyKind.Countervailing,
                "other" => ExtraDutyKind.Other,
                _ => throw new FormatException($"{f}: unknown extra_duty_kind '{kind}' for {r["hs_prefix"]}."),
            },
            Measure = r["measure"],
            ValidFrom = Date(r, "valid_from", f),
            ValidTo = Date(r, "valid_to", f),
            File = f,
            Source = r["source"],
            SourceYear = Year(r, "year"),
        };
    }
}
