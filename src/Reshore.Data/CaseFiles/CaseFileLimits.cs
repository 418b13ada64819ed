namespace Reshore.Data.CaseFiles;

/// <summary>
/// Limits that protect every reader of case text (CLI, web, workbook import) from input built to exhaust the stack or the
/// memory. They are far above what a real case needs: the bundled examples nest at most 6 levels and use no aliases.
/// </summary>
public static class CaseFileLimits
{
    /// <summary>Deepest nesting of objects and lists (JSON and YAML alike; System.Text.Json's default).</summary>
    public const int MaxDepth = 64;

    /// <summary>Most values that YAML aliases (*name) may repeat in all, counting every value inside a repeated object or list.</summary>
    public const int MaxAliasExpansion = 100_000;
}
