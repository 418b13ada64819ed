using Reshore.Core.Dependencies;
using Reshore.Core.Values;

namespace Reshore.Data.Dependencies;

/// <summary>What a sector screen reads (docs/model.md §22): file paths and settings, as the CLI and the web page give them.</summary>
public sealed record SectorScreenRequest(string TradeFile, string? CountryCodesFile, string? EcosystemsFile, string? ParametersFile, string Country = "BE",
    int? Year = null, double ShiftPct = 20, double ValueScale = 1000, bool SkipBadRows = false);

/// <summary>A screen and the malformed rows it skipped.</summary>
public sealed record SectorScreenOutcome(SectorScreenResult Result, IReadOnlyList<TradeRowError> SkippedRows);

/// <summary>The JSON document of a sector screen (`reshore dependencies sectors --format json`, the API and jobs; a public contract: add fields, never rename).</summary>
public static class SectorScreenJson
{
    /// <summary>The document; <paramref name="skippedRows"/> (with --skip-bad-rows) adds the malformed lines left out.</summary>
    public static object ToDocument(SectorScreenResult r, IReadOnlyList<TradeRowError>? skippedRows = null) => new
    {
        schemaVersion = 1, year = r.Year, country = r.Country, shiftPct = r.ShiftPct, valueScale = r.ValueScale,
        total = Eco(r.Total), ecosystems = r.Ecosystems.Select(Eco),
        products = r.Products.Select(p => new { hs6 = p.Hs6, ecosystem = p.Ecosystem, euDependent = p.EuDependent, imports = p.Imports, farImports = p.FarImports, exports = p.Exports, netImporter = p.NetImporter, candidate = p.Candidate }),
        skippedRows = skippedRows?.Select(e => new { line = e.Line, column = e.Column, reason = e.Reason }),
    };

    private static object Eco(EcosystemScreen e) => new
    {
        ecosystem = e.Ecosystem, clusters = e.Clusters, products = e.Products, euDependent = e.EuDependent, candidates = e.Candidates,
        candidateImports = e.CandidateImports, candidateFarImports = e.CandidateFarImports, importDependencePct = e.ImportDependencePct,
        labourCostSharePct = e.LabourCostSharePct, suitability = e.Suitability, movedNear = e.MovedNear, importDependenceAfterPct = e.ImportDependenceAfterPct,
        jobs = e.Jobs, co2eTonnesSaved = e.Co2eTonnesSaved,
    };
}

/// <summary>Reads the files and runs <see cref="SectorScreener"/>; a user mistake is a <see cref="TradeFileException"/> that says where.</summary>
public static class SectorScreenRun
{
    /// <summary>The bundled sample, written to a temporary folder: trade flows, BACI country codes, the HS6 → ecosystem map and the illustrative parameters.</summary>
    public static SectorScreenRequest BundledSample(double shiftPct = 20, int? year = null, string country = "BE")
    {
        var folder = Path.Combine(Path.GetTempPath(), "reshore-sector-sample");
        Directory.CreateDirectory(folder);
        string Write(string name)
        {
            var path = Path.Combine(folder, name);
            var text = Examples.ExampleCatalog.Find(name)?.Text ?? throw new InvalidOperationException($"Bundled example {name} is missing.");
            if (!File.Exists(path) || File.ReadAllText(path) != text) File.WriteAllText(path, text);
            return path;
        }
        return new SectorScreenRequest(Write("trade-baci-sample.csv"), Write("baci-country-codes.csv"), Write("hs6-ecosystems.csv"), Write("ecosystem-parameters.csv"), country, year, shiftPct);
    }

    /// <summary>Runs a screen with the spearhead clusters of the reference data.</summary>
    /// <param name="request">Files and settings.</param>
    /// <param name="clusters">Spearhead clusters per ecosystem.</param>
    /// <param name="linesRead">Told every 10,000 lines of the trade file how many have been read (a background job's progress).</param>
    /// <param name="cancellation">Stops the read between lines.</param>
    public static SectorScreenOutcome Run(SectorScreenRequest request, IReadOnlyDictionary<string, IReadOnlyList<string>> clusters,
        Action<long>? linesRead = null, CancellationToken cancellation = default)
    {
        if (request.ShiftPct is < 0 or > 100) throw new TradeFileException($"The share moved near ({request.ShiftPct}%) is not between 0 and 100.");
        if (!(request.ValueScale > 0)) throw new TradeFileException("The value scale must be positive.");
        if (!File.Exists(request.TradeFile)) throw new TradeFileException($"Trade file not found: {request.TradeFile}");
        var code = request.Country.Trim().ToUpperInvariant();
        var alpha3 = code.Length == 2 && IsoCountries.Alpha3.TryGetValue(code, out var a3) ? a3
            : code.Length == 3 && IsoCountries.Alpha3.Values.Contains(code) ? code
            : throw new TradeFileException($"Country '{request.Country}' is not an ISO country code.");
        var reader = new TradeFileReader(request.CountryCodesFile);
        var map = request.EcosystemsFile is { } e ? TradeFileReader.ReadEcosystems(e) : null;
        var parms = request.ParametersFile is { } p ? TradeFileReader.ReadEcosystemParameters(p) : new Dictionary<string, EcosystemParameters>();
        var screener = new SectorScreener(alpha3, new DependencyThresholds());
        foreach (var flow in reader.Read(request.TradeFile))
        {
            screener.Add(flow);
            if (reader.Lines % 10_000 == 0)
            {
                cancellation.ThrowIfCancellationRequested();
                linesRead?.Invoke(reader.Lines);
            }
        }
        linesRead?.Invoke(reader.Lines);
        if (reader.Errors.Count > 0 && !request.SkipBadRows)
            throw new TradeFileException(string.Join("\n", reader.Errors.Take(20).Select(x => $"{Path.GetFileName(request.TradeFile)}: line {x.Line}, column {x.Column}: {x.Reason}"))
                                         + $"\n{reader.Errors.Count} malformed line(s); fix them or skip them.");
        var years = screener.Years.ToList();
        if (years.Count == 0) throw new TradeFileException($"The file holds no flow into or out of {alpha3}.");
        var y = request.Year ?? years[^1];
        if (!years.Contains(y)) throw new TradeFileException($"No flows of {alpha3} for {y}; years in the file: {string.Join(", ", years)}.");
        var result = screener.Screen(y, request.ShiftPct, request.ValueScale, hs => map is not null && map.TryGetValue(hs, out var v) ? v.Ecosystem : null, clusters, parms);
        return new SectorScreenOutcome(result, reader.Errors.ToList());
    }
}
