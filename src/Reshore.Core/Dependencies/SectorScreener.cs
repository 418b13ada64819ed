namespace Reshore.Core.Dependencies;

/// <summary>Per-ecosystem assumptions of the what-if: labour-cost share and the jobs and CO2e that come with moving a value of imports near.</summary>
/// <param name="Ecosystem">Ecosystem name as in the HS6 mapping.</param>
/// <param name="LabourCostSharePct">Labour costs as a share of production value, % (the suitability rule's labour term).</param>
/// <param name="JobsPerMillion">Jobs (FTE) per million of output made near instead of imported from far, in the trade file's currency.</param>
/// <param name="Co2eTonnesSavedPerMillion">Tonnes CO2e saved per million moved near (transport and production-grid difference).</param>
/// <param name="Source">Where the figures come from.</param>
public sealed record EcosystemParameters(string Ecosystem, double? LabourCostSharePct, double? JobsPerMillion, double? Co2eTonnesSavedPerMillion, string? Source);

/// <summary>One product of the sector screen (docs/model.md §22).</summary>
public sealed record SectorProduct(string Hs6, string? Ecosystem, bool EuDependent, double Imports, double FarImports, double Exports, bool NetImporter)
{
    /// <summary>EU-strategic (dependent at EU level) and the country is a net importer: the study's candidates.</summary>
    public bool Candidate => EuDependent && NetImporter;
}

/// <summary>The screen of one ecosystem, or of all (Ecosystem "total").</summary>
public sealed record EcosystemScreen
{
    /// <summary>Ecosystem (null: products without a mapping).</summary>
    public required string? Ecosystem { get; init; }
    /// <summary>Flemish spearhead clusters mapped to it.</summary>
    public IReadOnlyList<string> Clusters { get; init; } = [];
    /// <summary>Products the country imports.</summary>
    public required int Products { get; init; }
    /// <summary>Of which dependent at EU level.</summary>
    public required int EuDependent { get; init; }
    /// <summary>Of which the country is a net importer: the candidates.</summary>
    public required int Candidates { get; init; }
    /// <summary>The country's imports of the candidates, M.</summary>
    public required double CandidateImports { get; init; }
    /// <summary>Of which from outside the EU, M_far.</summary>
    public required double CandidateFarImports { get; init; }
    /// <summary>Import dependence M_far ÷ M, %.</summary>
    public double? ImportDependencePct { get; init; }
    /// <summary>Labour-cost share, % (given).</summary>
    public double? LabourCostSharePct { get; init; }
    /// <summary>The suitability rule's labour term, −1…1 (positive favours production near home).</summary>
    public double? Suitability { get; init; }
    /// <summary>Moved near in the what-if: s × M_far.</summary>
    public required double MovedNear { get; init; }
    /// <summary>Import dependence after the move, %.</summary>
    public double? ImportDependenceAfterPct { get; init; }
    /// <summary>Jobs that come with it (unknown without the ecosystem's jobs per million).</summary>
    public double? Jobs { get; init; }
    /// <summary>Tonnes CO2e saved (unknown without its factor).</summary>
    public double? Co2eTonnesSaved { get; init; }
}

/// <summary>The sector screen of a country (docs/model.md §22).</summary>
public sealed record SectorScreenResult(int Year, string Country, double ShiftPct, double ValueScale, IReadOnlyList<SectorProduct> Products,
    IReadOnlyList<EcosystemScreen> Ecosystems, EcosystemScreen Total);

/// <summary>The formulas of the sector screen (docs/model.md §22), each by hand in the tests.</summary>
public static class SectorFormulas
{
    /// <summary>Net importer of a product: M &gt; X, imports from all partners above exports to all partners.</summary>
    public static bool NetImporter(double imports, double exports) => imports > exports;

    /// <summary>Import dependence: M_far ÷ M, % (null when M = 0).</summary>
    public static double? ImportDependencePct(double farImports, double imports) => imports > 0 ? farImports / imports * 100 : null;

    /// <summary>The value moved near in the what-if: s × M_far, s the share (a fraction).</summary>
    public static double MovedNear(double shift, double farImports) => shift * farImports;

    /// <summary>A per-million factor applied to a value in trade-file units: value × scale ÷ 10⁶ × factor (BACI values are thousands: scale 1,000).</summary>
    public static double PerMillion(double value, double scale, double factorPerMillion) => value * scale / 1e6 * factorPerMillion;

    /// <summary>The suitability rule's labour term (SERV 2023; as in the portfolio screen, §10): clamp(−(l − 30) ÷ 30, −1, 1), l the labour-cost share in %.</summary>
    public static double LabourSuitability(double labourCostSharePct) => Math.Clamp(-(labourCostSharePct - 30) / 30, -1, 1);
}

/// <summary>
/// Screens a country's sectors for reshoring potential (docs/model.md §22): the EU dependency test (§11.7) marks EU-strategic
/// products, the country's own trade marks those it is a net importer of; their imports from outside the EU are the far-sourced
/// inputs a what-if moves near, per industrial ecosystem, with the Flemish spearhead clusters mapped to each. Streaming: flows are
/// added one at a time.
/// </summary>
public sealed class SectorScreener(string countryAlpha3, DependencyThresholds thresholds)
{
    private readonly TradeDependencyScreener _eu = new(TradeDependencyScreener.Eu27Alpha3, thresholds);
    private readonly Dictionary<(int Year, string Hs6), (double Imports, double Far, double Exports)> _country = new();

    /// <summary>The country, ISO alpha-3.</summary>
    public string Country { get; } = countryAlpha3;

    /// <summary>Years with flows of the country.</summary>
    public IEnumerable<int> Years => _country.Keys.Select(k => k.Year).Distinct().Order();

    /// <summary>Adds a flow.</summary>
    public void Add(in TradeFlow flow)
    {
        _eu.Add(flow);
        if (flow.Importer == Country && flow.Exporter != Country)
        {
            var v = _country.GetValueOrDefault((flow.Year, flow.Hs6));
            _country[(flow.Year, flow.Hs6)] = (v.Imports + flow.Value, v.Far + (TradeDependencyScreener.Eu27Alpha3.Contains(flow.Exporter) ? 0 : flow.Value), v.Exports);
        }
        else if (flow.Exporter == Country && flow.Importer != Country)
        {
            var v = _country.GetValueOrDefault((flow.Year, flow.Hs6));
            _country[(flow.Year, flow.Hs6)] = (v.Imports, v.Far, v.Exports + flow.Value);
        }
    }

    /// <summary>The screen of a year: shift s in % of the candidates' far imports moved near; valueScale turns file values into currency units.</summary>
    public SectorScreenResult Screen(int year, double shiftPct, double valueScale, Func<string, string?> ecosystemOf,
        IReadOnlyDictionary<string, IReadOnlyList<string>> clusters, IReadOnlyDictionary<string, EcosystemParameters> parameters)
    {
        var dependent = _eu.Results(year).Where(p => p.Dependent).Select(p => p.Hs6).ToHashSet(StringComparer.Ordinal);
        var products = _country.Where(kv => kv.Key.Year == year && kv.Value.Imports > 0)
            .Select(kv => new SectorProduct(kv.Key.Hs6, ecosystemOf(kv.Key.Hs6), dependent.Contains(kv.Key.Hs6), kv.Value.Imports, kv.Value.Far, kv.Value.Exports,
                SectorFormulas.NetImporter(kv.Value.Imports, kv.Value.Exports)))
            .OrderByDescending(p => p.Candidate).ThenByDescending(p => p.FarImports).ThenBy(p => p.Hs6, StringComparer.Ordinal).ToList();
        var shift = shiftPct / 100;
        EcosystemScreen Aggregate(string? ecosystem, IReadOnlyList<SectorProduct> ps, bool total)
        {
            var candidates = ps.Where(p => p.Candidate).ToList();
            var m = candidates.Sum(p => p.Imports);
            var far = candidates.Sum(p => p.FarImports);
            var moved = SectorFormulas.MovedNear(shift, far);
            var parms = ecosystem is not null && parameters.TryGetValue(ecosystem, out var x) ? x : null;
            double? jobs, co2;
            if (total)
            {
                // The total is known only when every ecosystem with something to move has its factor.
                var parts = ps.Where(p => p.Candidate).GroupBy(p => p.Ecosystem).ToList();
                double? Part(IGrouping<string?, SectorProduct> g, Func<EcosystemParameters, double?> pick)
                {
                    var movedHere = SectorFormulas.MovedNear(shift, g.Sum(p => p.FarImports));
                    if (movedHere == 0) return 0;
                    return Factor(g.Key, parameters, pick) is { } f ? SectorFormulas.PerMillion(movedHere, valueScale, f) : null;
                }
                jobs = Sum(parts.Select(g => Part(g, p => p.JobsPerMillion)));
                co2 = Sum(parts.Select(g => Part(g, p => p.Co2eTonnesSavedPerMillion)));
            }
            else
            {
                jobs = moved == 0 ? 0 : parms?.JobsPerMillion is { } j ? SectorFormulas.PerMillion(moved, valueScale, j) : null;
                co2 = moved == 0 ? 0 : parms?.Co2eTonnesSavedPerMillion is { } t ? SectorFormulas.PerMillion(moved, valueScale, t) : null;
            }
            return new EcosystemScreen
            {
                Ecosystem = ecosystem, Clusters = ecosystem is not null && clusters.TryGetValue(ecosystem, out var cl) ? cl : [],
                Products = ps.Count, EuDependent = ps.Count(p => p.EuDependent), Candidates = candidates.Count, CandidateImports = m, CandidateFarImports = far,
                ImportDependencePct = SectorFormulas.ImportDependencePct(far, m), LabourCostSharePct = parms?.LabourCostSharePct,
                Suitability = parms?.LabourCostSharePct is { } l ? SectorFormulas.LabourSuitability(l) : null,
                MovedNear = moved, ImportDependenceAfterPct = SectorFormulas.ImportDependencePct(far - moved, m), Jobs = jobs, Co2eTonnesSaved = co2,
            };
        }
        var ecosystems = products.GroupBy(p => p.Ecosystem).Select(g => Aggregate(g.Key, g.ToList(), false))
            .OrderByDescending(e => e.CandidateFarImports).ThenBy(e => e.Ecosystem ?? "~", StringComparer.Ordinal).ToList();
        return new SectorScreenResult(year, Country, shiftPct, valueScale, products, ecosystems, Aggregate("total", products, true));
    }

    private static double? Factor(string? ecosystem, IReadOnlyDictionary<string, EcosystemParameters> parameters, Func<EcosystemParameters, double?> pick) =>
        ecosystem is not null && parameters.TryGetValue(ecosystem, out var p) ? pick(p) : null;

    private static double? Sum(IEnumerable<double?> values)
    {
        var total = 0.0;
        foreach (var v in values)
        {
            if (v is null) return null;
            total += v.Value;
        }
        return total;
    }
}
