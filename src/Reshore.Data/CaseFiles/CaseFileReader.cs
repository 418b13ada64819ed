using Reshore.Core.Domain;
using Reshore.Core.MarketData;
using Reshore.Core.Risk;
using Reshore.Core.Validation;

namespace Reshore.Data.CaseFiles;

/// <summary>Reads a case from JSON or YAML text or a file, binds it and validates it; every error carries file, path and line.</summary>
public static class CaseFileReader
{
    /// <summary>Reads and validates the case file at <paramref name="path"/>; throws <see cref="CaseValidationException"/> listing every problem.</summary>
    public static ReshoringCase ReadFile(string path, MarketSnapshot market) => ReadDocumentFile(path, market).Case;

    /// <summary>Reads and validates a case file with its uncertain inputs.</summary>
    public static CaseDocument ReadDocumentFile(string path, MarketSnapshot market) => ReadDocumentFile(path, () => market);

    /// <summary>
    /// Reads and validates a case file, asking for the reference data only once the text is parsed and bound: a caller that loads
    /// them on another thread (the CLI does, at start) overlaps the two. <paramref name="market"/> is called once, unless the text
    /// cannot be read or bound.
    /// </summary>
    public static CaseDocument ReadDocumentFile(string path, Func<MarketSnapshot> market)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CaseValidationException([new CaseError("$", $"Cannot read the file: {e.Message}") { File = path }]);
        }
        return ReadDocument(text, FormatOf(path), path, market);
    }

    /// <summary>JSON for .json, YAML for .yaml/.yml; other extensions are sniffed from the first character.</summary>
    public static CaseFormat FormatOf(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".json" => CaseFormat.Json,
        ".yaml" or ".yml" => CaseFormat.Yaml,
        _ => CaseFormat.Unknown,
    };

    /// <summary>Reads and validates case text.</summary>
    public static ReshoringCase Read(string text, CaseFormat format, string fileName, MarketSnapshot market) =>
        ReadDocument(text, format, fileName, market).Case;

    /// <summary>Reads and validates case text with its uncertain inputs.</summary>
    public static CaseDocument ReadDocument(string text, CaseFormat format, string fileName, MarketSnapshot market) =>
        ReadDocument(text, format, fileName, () => market);

    /// <summary>Reads and validates case text, asking for the reference data only for the semantic checks (see <see cref="ReadDocumentFile(string, Func{MarketSnapshot})"/>).</summary>
    public static CaseDocument ReadDocument(string text, CaseFormat format, string fileName, Func<MarketSnapshot> market)
    {
        if (format == CaseFormat.Unknown)
            format = text.TrimStart().StartsWith('{') ? CaseFormat.Json : CaseFormat.Yaml;
        CaseNode root;
        try
        {
            root = format == CaseFormat.Json ? JsonNodeReader.Read(text) : YamlNodeReader.Read(text);
        }
        catch (CaseSyntaxException e)
        {
            throw new CaseValidationException([new CaseError("$", e.Message) { File = fileName, Line = e.Line, Column = e.Column }]);
        }
        var binder = new CaseBinder();
        var bound = binder.Bind(root);
        if (binder.Errors.Count > 0 || bound is null)
            throw new CaseValidationException(binder.Errors.Select(e => e with { File = fileName }).ToList());
        var semantic = CaseChecks.All(bound, binder.Uncertain, market());
        if (semantic.Count > 0)
            throw new CaseValidationException(semantic.Select(e => Locate(e, binder.Positions, fileName)).ToList());
        return new CaseDocument(bound, binder.Uncertain);
    }

    private static CaseError Locate(CaseError e, IReadOnlyDictionary<string, (int Line, int Column)> positions, string file)
    {
        // The error's path, or its nearest bound ancestor, gives the line.
        var path = e.Path;
        while (path.Length > 0)
        {
            if (positions.TryGetValue(path, out var pos)) return e with { File = file, Line = pos.Line, Column = pos.Column };
            var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
            if (cut <= 0) break;
            path = path[..cut];
        }
        return e with { File = file };
    }
}

/// <summary>A case with the inputs it gives as distributions.</summary>
/// <param name="Case">The case, each uncertain input at its mean.</param>
/// <param name="Uncertain">The uncertain inputs.</param>
public sealed record CaseDocument(ReshoringCase Case, IReadOnlyList<UncertainInput> Uncertain)
{
    /// <summary>
    /// The reference data the case was read against when they are not the bundled set (a web workspace's own countries,
    /// lanes and HS codes); evaluations of the document use them. Null: the caller's market.
    /// </summary>
    public Reshore.Core.MarketData.MarketSnapshot? Market { get; init; }
}

/// <summary>Case file formats.</summary>
public enum CaseFormat
{
    /// <summary>Decide from content.</summary>
    Unknown,
    /// <summary>JSON.</summary>
    Json,
    /// <summary>YAML.</summary>
    Yaml,
}
