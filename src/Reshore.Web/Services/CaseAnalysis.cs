using System.Globalization;
using System.Text.Json;
using Reshore.Core.Costing;
using Reshore.Core.Decision;
using Reshore.Core.MarketData;
using Reshore.Core.Optimization;
using Reshore.Core.Risk;
using Reshore.Core.Scorecard;
using Reshore.Data.CaseFiles;
using Reshore.Data.Output;

namespace Reshore.Web.Services;

/// <summary>Runs the engines on a stored case and gives the results in the CLI's JSON form.</summary>
public sealed class CaseAnalysis(MarketSnapshot market)
{
    /// <summary>The reference data in use.</summary>
    public MarketSnapshot Market { get; } = market;

    // Results are computed once per case version (docs/performance.md): a stored version's text is read and validated once, and the
    // evaluation (per language) and the tornado hang off that document until it is dropped. The cache belongs to this instance, which
    // holds one reference data snapshot, so new reference data starts from an empty cache. Bounded: cleared when it grows past 256 texts.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string Hash, string FileName, int Market), Lazy<CaseDocument>> _documents = new();
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<CaseDocument, DocumentResults> _results = new();

    /// <summary>What has been computed for one read document; each result is computed by one caller while the others wait for it.</summary>
    private sealed class DocumentResults
    {
        public readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<CaseEvaluation>> Evaluations = new();
        public Lazy<IReadOnlyList<TornadoResult>>? Tornado;
    }

    /// <summary>
    /// Reads and validates a stored case (JSON) against the bundled reference data; throws <see cref="Core.Validation.CaseValidationException"/>
    /// when it no longer validates. The same text gives the same document instance, so the results computed on it are reused.
    /// </summary>
    public CaseDocument Read(string json, string fileName = "case.json") => Read(json, Market, fileName);

    /// <summary>
    /// Reads and validates a stored case against <paramref name="market"/> (its workspace's reference data); the document
    /// keeps that market, so every evaluation of it uses the workspace's countries, lanes and HS codes. Cached per text and market.
    /// </summary>
    public CaseDocument Read(string json, MarketSnapshot market, string fileName = "case.json")
    {
        var key = (Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(json))), fileName,
            System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(market));
        if (_documents.Count > 256) _documents.Clear();
        var entry = _documents.GetOrAdd(key, _ => new Lazy<CaseDocument>(() =>
            CaseFileReader.ReadDocument(json, CaseFormat.Json, fileName, market) with { Market = ReferenceEquals(market, Market) ? null : market }));
        CaseDocument document;
        try
        {
            document = entry.Value;
        }
        catch
        {
            _documents.TryRemove(new KeyValuePair<(string, string, int), Lazy<CaseDocument>>(key, entry));   // an invalid text is not kept
            throw;
        }
        // Two markets with the same identity hash: read this one afresh rather than hand out the other's document.
        return ReferenceEquals(MarketOf(document), market) ? document
            : CaseFileReader.ReadDocument(json, CaseFormat.Json, fileName, market) with { Market = ReferenceEquals(market, Market) ? null : market };
    }

    /// <summary>The reference data a document is evaluated with: its own (workspace) market, else the bundled one.</summary>
    public MarketSnapshot MarketOf(CaseDocument document) => document.Market ?? Market;

    /// <summary>
    /// The evaluation with its decision summaries: TCO per option, business case, scorecard, and the simulation when the case has risk settings
    /// (as the CLI and the report do, so the verdict is the same in every output). Computed once per document and language: a case with risk
    /// settings is simulated for its verdict, which takes seconds, and the same stored version always gives the same numbers (fixed seed).
    /// </summary>
    /// <param name="document">A document from <see cref="Read"/> (others are evaluated too, and cached while they live).</param>
    /// <param name="culture">Language of the explanations.</param>
    /// <param name="json">Unused: the document itself keys the cache (kept for callers that pass the stored text).</param>
    public CaseEvaluation Evaluate(CaseDocument document, CultureInfo culture, string? json = null)
    {
        _ = json;
        var results = _results.GetValue(document, _ => new DocumentResults());
        return results.Evaluations.GetOrAdd(culture.Name, _ => new Lazy<CaseEvaluation>(() => CaseReviewer.Review(document.Case, document.Uncertain, MarketOf(document), culture).Evaluation)).Value;
    }

    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<object, System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<string>>> _rendered = new();
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<object, System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<Task<string>>>> _renderedAsync = new();

    /// <summary>
    /// A text rendered from a cached result (a chart's SVG, the evaluation's JSON), kept as long as <paramref name="owner"/> lives: the page
    /// and the API render the same evaluation again and again, and a chart costs more than the rest of the page. <paramref name="key"/>
    /// names the text within its owner (the owner is per language already when it is an evaluation).
    /// </summary>
    public string Rendered(object owner, string key, Func<string> render) =>
        _rendered.GetValue(owner, _ => new()).GetOrAdd(key, _ => new Lazy<string>(render)).Value;

    /// <summary>
    /// <see cref="Rendered"/> for text rendered asynchronously (a page fragment through Blazor's HTML renderer). A render that fails is
    /// not kept: the next caller tries again.
    /// </summary>
    public async Task<string> RenderedAsync(object owner, string key, Func<Task<string>> render)
    {
        var entries = _renderedAsync.GetValue(owner, _ => new());
        var entry = entries.GetOrAdd(key, _ => new Lazy<Task<string>>(render));
        try
        {
            return await entry.Value;
        }
        catch
        {
            entries.TryRemove(new KeyValuePair<string, Lazy<Task<string>>>(key, entry));
            throw;
        }
    }

    /// <summary>The UTF-8 bytes of a text this class keeps (<see cref="Rendered"/>), encoded once per text: an answer of 250 KB is then
    /// written as it is instead of being encoded again for every request.</summary>
    public byte[] Utf8Of(string kept) => _utf8.GetValue(kept, System.Text.Encoding.UTF8.GetBytes);

    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<string, byte[]> _utf8 = new();

    /// <summary>The evaluation's JSON (as <see cref="EvaluationJsonText"/>), rendered once per evaluation.</summary>
    public string EvaluationJsonCached(CaseEvaluation e, CultureInfo culture) => Rendered(e, "json:" + culture.Name, () => EvaluationJsonText(e, culture));

    /// <summary>Simulation with progress and cancellation.</summary>
    public SimulationResult Simulate(CaseDocument document, CultureInfo culture, int? scenarios, int? seed, string? itemId,
        IProgress<(string Item, int Done, int Total)>? progress = null, CancellationToken cancellation = default) =>
        new RiskAnalyzer(culture).Simulate(document.Case, document.Uncertain, MarketOf(document), scenarios, seed, itemId, progress, cancellation);

    /// <summary>The optimiser.</summary>
    public IReadOnlyList<ItemOptimization> Optimize(CaseDocument document, CultureInfo culture, OptimizeRequest request,
        IProgress<(string Item, int Done, int Total)>? progress = null, CancellationToken cancellation = default) =>
        new OptimizationService().Optimize(document.Case, document.Uncertain, MarketOf(document), culture, request.Item, request.RiskAversion, request.Alpha,
            request.Frontier, request.Scenarios ?? 200, request.Seed ?? document.Case.Risk?.Seed ?? 1, progress: progress, cancellation: cancellation);

    /// <summary>Tornado per item over the case's uncertain inputs (empty when it has none).</summary>
    public IReadOnlyList<TornadoResult> Tornado(CaseDocument document)
    {
        if (document.Uncertain.Count == 0) return [];
        var results = _results.GetValue(document, _ => new DocumentResults());
        var tornado = results.Tornado ?? Interlocked.CompareExchange(ref results.Tornado, Compute(), null) ?? results.Tornado!;
        return tornado.Value;

        Lazy<IReadOnlyList<TornadoResult>> Compute() =>
            new(() => document.Case.Items.Select(i => new SensitivityAnalyzer().Tornado(document.Case, document.Uncertain, MarketOf(document), i.Id)).ToList());
    }

    /// <summary>Evaluation JSON, as `reshore evaluate --format json`.</summary>
    public static string EvaluationJsonText(CaseEvaluation e, CultureInfo culture) => EvaluationJson.Serialize(e, culture);

    /// <summary>Simulation JSON, as `reshore simulate --format json`.</summary>
    public static string SimulationJsonText(SimulationResult r, CaseDocument d) => EvaluationJson.Serialize(SimulationJson.ToDocument(r, d.Case));

    /// <summary>Optimisation JSON, as `reshore optimize --format json`.</summary>
    public static string OptimizationJsonText(IReadOnlyList<ItemOptimization> r, OptimizeRequest request, CaseDocument d) =>
        JsonSerializer.Serialize(OptimizationJson.ToDocument(r, request.Scenarios ?? 200, request.Seed ?? d.Case.Risk?.Seed ?? 1), EvaluationJson.Options);

    /// <summary>The seed the optimiser uses for a request: the one asked for, else the case's risk.seed, else 1.</summary>
    public static int OptimizationSeed(OptimizeRequest request, CaseDocument d) => request.Seed ?? d.Case.Risk?.Seed ?? 1;
}

/// <summary>Optimiser parameters (the CLI's flags).</summary>
public sealed record OptimizeRequest
{
    /// <summary>Only this item.</summary>
    public string? Item { get; init; }
    /// <summary>λ, risk aversion.</summary>
    public double? RiskAversion { get; init; }
    /// <summary>CVaR level.</summary>
    public double? Alpha { get; init; }
    /// <summary>Sweep λ.</summary>
    public bool Frontier { get; init; }
    /// <summary>Scenarios in the stochastic program (10–5,000).</summary>
    public int? Scenarios { get; init; }
    /// <summary>Seed.</summary>
    public int? Seed { get; init; }

    /// <summary>The problems with the parameters, as (field, message).</summary>
    public IEnumerable<(string Field, string Message)> Problems(Jobs.JobLimits limits)
    {
        if (Scenarios is { } n && (n < 10 || n > limits.MaxOptimizerScenarios)) yield return ("scenarios", $"must be between 10 and {limits.MaxOptimizerScenarios:N0} for the optimiser");
        // Written so that NaN fails too (every comparison with NaN is false).
        if (Alpha is { } a && !(a > 0.5 && a < 1)) yield return ("alpha", "must be between 0.5 and 1, e.g. 0.95");
        if (RiskAversion is { } l && !(l >= 0 && double.IsFinite(l))) yield return ("riskAversion", "must be a number, zero or more");
    }

    /// <summary>The work asked for: scenarios × items, eleven times over for a frontier sweep.</summary>
    public long Steps(CaseDocument doc) =>
        (long)(Scenarios ?? 200) * (Item is null ? doc.Case.Items.Count : 1) * (Frontier ? 11 : 1);
}

/// <summary>Simulation parameters (the CLI's flags).</summary>
public sealed record SimulateRequest
{
    /// <summary>Scenarios per item (10–1,000,000; default: the case's).</summary>
    public int? Scenarios { get; init; }
    /// <summary>Seed.</summary>
    public int? Seed { get; init; }
    /// <summary>Only this item.</summary>
    public string? Item { get; init; }

    /// <summary>Scenarios per item the run will use: the request's, else the case's own risk.scenarios, else the default.</summary>
    public int EffectiveScenarios(CaseDocument doc) => Scenarios ?? doc.Case.Risk?.Scenarios ?? RiskAnalyzer.DefaultScenarios;

    /// <summary>The work asked for: scenarios × items.</summary>
    public long Steps(CaseDocument doc) => (long)EffectiveScenarios(doc) * (Item is null ? doc.Case.Items.Count : 1);

    /// <summary>The problems with the parameters, for a background job or (<paramref name="inRequest"/>) an awaited answer.</summary>
    public IEnumerable<(string Field, string Message)> Problems(Jobs.JobLimits limits, bool inRequest = false)
    {
        var max = inRequest ? limits.MaxScenariosInRequest : limits.MaxScenarios;
        if (Scenarios is { } n && (n < 10 || n > max))
            yield return ("scenarios", $"must be between 10 and {max:N0}" + (inRequest ? " (start a background simulation for more)" : ""));
    }
}
