namespace Reshore.Core.Dependencies;

/// <summary>One trade flow: exporter → importer, HS6 product, value (any consistent unit, e.g. thousand USD in BACI).</summary>
/// <param name="Year">Year.</param>
/// <param name="Exporter">Exporter, ISO alpha-3 (or any consistent key).</param>
/// <param name="Importer">Importer, same keys.</param>
/// <param name="Hs6">Six-digit HS code with leading zeros.</param>
/// <param name="Value">Value.</param>
public readonly record struct TradeFlow(int Year, string Exporter, string Importer, string Hs6, double Value);

/// <summary>Thresholds of the dependency test (European Commission, SWD(2021) 352; CEPII GeoDep).</summary>
/// <param name="Hhi">Concentration of extra-group import sources above which a product is concentrated (0.4).</param>
/// <param name="ExtraShare">Share of extra-group imports in total imports above which imports matter (0.5).</param>
/// <param name="ImportExportRatio">Extra-group imports over extra-group exports above which the group cannot substitute (1).</param>
public sealed record DependencyThresholds(double Hhi = 0.4, double ExtraShare = 0.5, double ImportExportRatio = 1);

/// <summary>The dependency indicators of one product.</summary>
public sealed record ProductDependency
{
    /// <summary>HS6 code.</summary>
    public required string Hs6 { get; init; }
    /// <summary>HHI of outside sources' shares in M_out.</summary>
    public required double Hhi { get; init; }
    /// <summary>M_out ÷ (M_out + M_in).</summary>
    public required double ExtraShare { get; init; }
    /// <summary>M_out ÷ X_out; +∞ when X_out = 0.</summary>
    public required double ImportExportRatio { get; init; }
    /// <summary>All three thresholds passed.</summary>
    public required bool Dependent { get; init; }
    /// <summary>Largest outside source.</summary>
    public required string? TopSource { get; init; }
    /// <summary>Its share of M_out.</summary>
    public required double TopSourceShare { get; init; }
    /// <summary>M_out.</summary>
    public required double ImportValue { get; init; }
    /// <summary>M_in.</summary>
    public required double IntraImportValue { get; init; }
    /// <summary>X_out.</summary>
    public required double ExportValue { get; init; }
    /// <summary>Industrial ecosystem, when mapped.</summary>
    public string? Ecosystem { get; init; }
    /// <summary>In a sensitive ecosystem.</summary>
    public bool Sensitive { get; init; }
}

/// <summary>
/// Screens trade flows for strategic dependencies of an importer group G (the European Commission's method, replicated by SERV
/// on BACI): per HS6 product, M_out = imports of G from outside G, with source shares w_s and HHI = Σ w_s²; M_in = imports of G
/// from inside G; X_out = exports of G to outside G. A product is dependent when HHI &gt; 0.4, M_out ÷ (M_out + M_in) &gt; 0.5 and
/// M_out ÷ X_out &gt; 1 (X_out = 0 counts as &gt; 1). Flows are added one at a time: memory grows with products × sources, not rows.
/// </summary>
public sealed class TradeDependencyScreener(IReadOnlySet<string> group, DependencyThresholds thresholds)
{
    private sealed class Aggregate
    {
        public double Out, In, Exports;
        public readonly Dictionary<string, double> Sources = new(StringComparer.Ordinal);
    }

    private readonly Dictionary<(int Year, string Hs6), Aggregate> _products = new();

    /// <summary>Flows added.</summary>
    public long Flows { get; private set; }

    /// <summary>Years seen.</summary>
    public IEnumerable<int> Years => _products.Keys.Select(k => k.Year).Distinct().Order();

    /// <summary>Adds a flow; flows within G count as M_in, into G from outside as M_out, out of G as X_out; others are ignored.</summary>
    public void Add(in TradeFlow flow)
    {
        Flows++;
        var importerIn = group.Contains(flow.Importer);
        var exporterIn = group.Contains(flow.Exporter);
        if (!importerIn && !exporterIn) return;
        if (!_products.TryGetValue((flow.Year, flow.Hs6), out var a)) _products[(flow.Year, flow.Hs6)] = a = new Aggregate();
        if (importerIn && exporterIn) a.In += flow.Value;
        else if (importerIn)
        {
            a.Out += flow.Value;
            a.Sources[flow.Exporter] = a.Sources.GetValueOrDefault(flow.Exporter) + flow.Value;
        }
        else a.Exports += flow.Value;
    }

    /// <summary>The indicators of every product with imports into G in <paramref name="year"/>.</summary>
    public IReadOnlyList<ProductDependency> Results(int year, Func<string, (string? Ecosystem, bool Sensitive)>? ecosystem = null) =>
        _products.Where(kv => kv.Key.Year == year && kv.Value.Out + kv.Value.In > 0).Select(kv =>
        {
            var a = kv.Value;
            var hhi = a.Out > 0 ? a.Sources.Values.Sum(v => (v / a.Out) * (v / a.Out)) : 0;
            var extra = a.Out / (a.Out + a.In);
            var ratio = a.Exports > 0 ? a.Out / a.Exports : double.PositiveInfinity;
            var top = a.Sources.OrderByDescending(s => s.Value).ThenBy(s => s.Key, StringComparer.Ordinal).FirstOrDefault();
            var (eco, sensitive) = ecosystem?.Invoke(kv.Key.Hs6) ?? (null, false);
            return new ProductDependency
            {
                Hs6 = kv.Key.Hs6, Hhi = hhi, ExtraShare = extra, ImportExportRatio = ratio,
                Dependent = hhi > thresholds.Hhi && extra > thresholds.ExtraShare && ratio > thresholds.ImportExportRatio && a.Out > 0,
                TopSource = top.Key, TopSourceShare = a.Out > 0 ? top.Value / a.Out : 0,
                ImportValue = a.Out, IntraImportValue = a.In, ExportValue = a.Exports, Ecosystem = eco, Sensitive = sensitive,
            };
        }).OrderByDescending(p => p.Dependent).ThenByDescending(p => p.ImportValue).ThenBy(p => p.Hs6, StringComparer.Ordinal).ToList();

    /// <summary>The EU's 27 member states, ISO alpha-3 (since 1 February 2020).</summary>
    public static IReadOnlySet<string> Eu27Alpha3 { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "AUT", "BEL", "BGR", "HRV", "CYP", "CZE", "DNK", "EST", "FIN", "FRA", "DEU", "GRC", "HUN", "IRL", "ITA", "LVA", "LTU", "LUX", "MLT", "NLD",
        "POL", "PRT", "ROU", "SVK", "SVN", "ESP", "SWE",
    };

    /// <summary>Ecosystems the Commission's 2021 update treated as sensitive (SWD(2021) 352: energy-intensive industries, renewables, health, electronics, digital, aerospace and defence).</summary>
    public static IReadOnlySet<string> SensitiveEcosystems { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "Aerospace & defence", "Digital", "Electronics", "Energy-intensive industries (EII)", "Energy-renewables", "Health",
    };
}
