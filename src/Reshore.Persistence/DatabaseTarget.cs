using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Reshore.Persistence;

/// <summary>Database providers.</summary>
public enum DatabaseProvider
{
    /// <summary>An SQLite file (the embedded default).</summary>
    Sqlite,
    /// <summary>A PostgreSQL server.</summary>
    PostgreSql,
}

/// <summary>Where the data lives: provider and connection string, resolved from the user's --database value.</summary>
public sealed record DatabaseTarget(DatabaseProvider Provider, string ConnectionString)
{
    /// <summary>The default SQLite file in the user's data folder.</summary>
    public static string DefaultSqlitePath() =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "Reshore", "reshore.db");

    /// <summary>
    /// Resolves --database: nothing → the default SQLite file; a PostgreSQL connection string (Host=… or postgres://…) →
    /// PostgreSQL; an SQLite connection string (Data Source=…) → SQLite; anything else is a path to an SQLite file.
    /// </summary>
    public static DatabaseTarget Resolve(string? database)
    {
        if (string.IsNullOrWhiteSpace(database)) return Sqlite(DefaultSqlitePath());
        var value = database.Trim();
        if (value.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || value.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
            return new(DatabaseProvider.PostgreSql, FromUrl(new Uri(value)));
        if (value.Contains("Host=", StringComparison.OrdinalIgnoreCase) || value.Contains("Server=", StringComparison.OrdinalIgnoreCase))
            return new(DatabaseProvider.PostgreSql, new NpgsqlConnectionStringBuilder(value).ConnectionString);
        if (value.Contains("Data Source=", StringComparison.OrdinalIgnoreCase) || value.Contains("DataSource=", StringComparison.OrdinalIgnoreCase))
            return new(DatabaseProvider.Sqlite, new SqliteConnectionStringBuilder(value).ConnectionString);
        return Sqlite(value);
    }

    private static DatabaseTarget Sqlite(string path)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        // Pooled (Microsoft.Data.Sqlite's default): an unpooled connection opens the file and parses the whole schema (the app's and
        // Quartz's tables) on every query, which was most of the processor time of a results page or an API call (docs/performance.md).
        return new(DatabaseProvider.Sqlite, new SqliteConnectionStringBuilder { DataSource = full }.ConnectionString);
    }

    private static string FromUrl(Uri uri)
    {
        var user = uri.UserInfo.Split(':', 2);
        var b = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.IsDefaultPort || uri.Port <= 0 ? 5432 : uri.Port,
            Database = uri.AbsolutePath.Trim('/'),
            Username = Uri.UnescapeDataString(user[0]),
        };
        if (user.Length > 1) b.Password = Uri.UnescapeDataString(user[1]);
        return b.ConnectionString;
    }

    /// <summary>The connection string with any password masked, for logs and messages.</summary>
    public string Describe() => Provider switch
    {
        DatabaseProvider.PostgreSql => DescribePostgres(),
        _ => "SQLite " + new SqliteConnectionStringBuilder(ConnectionString).DataSource,
    };

    private string DescribePostgres()
    {
        var b = new NpgsqlConnectionStringBuilder(ConnectionString);
        return $"PostgreSQL {b.Username}@{b.Host}:{b.Port}/{b.Database}";
    }

    /// <summary>Read and write for the owner only (mode 600).</summary>
    public const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>
    /// Keeps an SQLite database readable by its owner only (on Linux and macOS): creates a missing file with mode 600 before
    /// SQLite opens it (SQLite gives its journal files the database's mode), and takes group and other access away from an
    /// existing file and its journals. Returns the files it had to tighten. Nothing to do for PostgreSQL or in-memory databases.
    /// </summary>
    public IReadOnlyList<string> RestrictSqliteFile()
    {
        if (Provider != DatabaseProvider.Sqlite || OperatingSystem.IsWindows()) return [];
        var path = new SqliteConnectionStringBuilder(ConnectionString).DataSource;
        if (string.IsNullOrEmpty(path) || path == ":memory:" || ConnectionString.Contains("Mode=Memory", StringComparison.OrdinalIgnoreCase)) return [];
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            using (new FileStream(full, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = OwnerOnly })) { }
            return [];
        }
        var tightened = new List<string>();
        foreach (var file in new[] { full, full + "-wal", full + "-shm", full + "-journal" }.Where(File.Exists))
        {
            var mode = File.GetUnixFileMode(file);
            if ((mode & (UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute)) == 0) continue;
            File.SetUnixFileMode(file, mode & (UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute));
            tightened.Add(file);
        }
        return tightened;
    }

    /// <summary>Registers the provider's context and maps <see cref="ReshoreDbContext"/> to it.</summary>
    public void Register(IServiceCollection services)
    {
        switch (Provider)
        {
            case DatabaseProvider.PostgreSql:
                services.AddDbContext<PostgresReshoreDbContext>(o => o.UseNpgsql(ConnectionString));
                services.AddScoped<ReshoreDbContext>(sp => sp.GetRequiredService<PostgresReshoreDbContext>());
                break;
            default:
                services.AddDbContext<SqliteReshoreDbContext>(o => o.UseSqlite(ConnectionString));
                services.AddScoped<ReshoreDbContext>(sp => sp.GetRequiredService<SqliteReshoreDbContext>());
                break;
        }
    }

    /// <summary>A context outside dependency injection (CLI, tests).</summary>
    public ReshoreDbContext CreateContext() => Provider switch
    {
        DatabaseProvider.PostgreSql => new PostgresReshoreDbContext(new DbContextOptionsBuilder<PostgresReshoreDbContext>().UseNpgsql(ConnectionString).Options),
        _ => new SqliteReshoreDbContext(new DbContextOptionsBuilder<SqliteReshoreDbContext>().UseSqlite(ConnectionString).Options),
    };
}

/// <summary>Design-time factory for `dotnet ef migrations add … --context SqliteReshoreDbContext`.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteReshoreDbContext>
{
    /// <inheritdoc />
    public SqliteReshoreDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteReshoreDbContext>().UseSqlite("Data Source=design.db").Options);
}

/// <summary>Design-time factory for `dotnet ef migrations add … --context PostgresReshoreDbContext`.</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresReshoreDbContext>
{
    /// <inheritdoc />
    public PostgresReshoreDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresReshoreDbContext>().UseNpgsql("Host=localhost;Database=reshore_design").Options);
}
