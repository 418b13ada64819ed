namespace Reshore.Persistence.Jobs;

/// <summary>The Quartz.NET job-store tables, as shipped by the Quartz.NET project (see QuartzSchema/NOTICE.md).</summary>
public static class QuartzSchema
{
    /// <summary>The table script for a provider.</summary>
    public static string Script(DatabaseProvider provider)
    {
        var name = provider == DatabaseProvider.PostgreSql ? "quartz/tables_postgres.sql" : "quartz/tables_sqlite.sql";
        using var stream = typeof(QuartzSchema).Assembly.GetManifestResourceStream(name) ?? throw new InvalidOperationException($"Missing resource {name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>The script's statements (separated by a line reading '--;;'), each to run as one command.</summary>
    public static IReadOnlyList<string> Statements(DatabaseProvider provider) =>
        Script(provider).Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n--;;\n")
            .Where(s => s.Split('\n').Any(line => line.Trim().Length > 0 && !line.TrimStart().StartsWith("--", StringComparison.Ordinal))).ToList();
}
