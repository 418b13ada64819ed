using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Reshore.Web.Tests;

/// <summary>
/// A real PostgreSQL server for the tests: the one named by RESHORE_TEST_POSTGRES (a connection string with rights to
/// create databases; .ci/run starts Debian's server and sets it), or else a throw-away cluster started from Debian's
/// postgresql binaries (initdb, pg_ctl) in a temporary folder. Each fixture gets its own fresh database.
/// </summary>
public static class PostgresServer
{
    private static readonly Lazy<string> Admin = new(StartOrFind, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public static string CreateDatabase()
    {
        var admin = Admin.Value;
        var name = "reshore_test_" + Guid.NewGuid().ToString("N")[..12];
        using (var connection = new NpgsqlConnection(admin))
        {
            connection.Open();
            using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            command.ExecuteNonQuery();
        }
        // Pooled connections, and generous timeouts: the end-to-end and simulation tests keep the cores busy, and a new
        // PostgreSQL connection is a new server process.
        return new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = true, Timeout = 60, CommandTimeout = 120 }.ConnectionString;
    }

    private static string StartOrFind()
    {
        if (Environment.GetEnvironmentVariable("RESHORE_TEST_POSTGRES") is { Length: > 0 } given) return given;
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb"))).OrderDescending().FirstOrDefault()
            : null;
        if (bin is null)
            throw new InvalidOperationException("PostgreSQL tests need a server: install Debian's postgresql package (bash .ci/run does) or set RESHORE_TEST_POSTGRES to a connection string.");
        var dir = Path.Combine(Path.GetTempPath(), "reshore-pg-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        var port = FreePort();
        var asRoot = Environment.UserName == "root";
        if (asRoot) Run("chown", $"postgres:postgres {dir}");
        // initdb refuses to run as root, so the cluster belongs to the postgres user when the tests run as root (CI).
        Run(asRoot ? "runuser" : Path.Combine(bin, "initdb"), (asRoot ? $"-u postgres -- {Path.Combine(bin, "initdb")} " : "") + $"-D {dir}/data -A trust -U postgres --no-sync -E UTF8");
        Run(asRoot ? "runuser" : Path.Combine(bin, "pg_ctl"), (asRoot ? $"-u postgres -- {Path.Combine(bin, "pg_ctl")} " : "") +
            $"-D {dir}/data -l {dir}/log -w -o \"-p {port} -k {dir} -c listen_addresses=127.0.0.1 -c fsync=off\" start");
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try { Run(asRoot ? "runuser" : Path.Combine(bin, "pg_ctl"), (asRoot ? $"-u postgres -- {Path.Combine(bin, "pg_ctl")} " : "") + $"-D {dir}/data -m immediate stop"); } catch (InvalidOperationException) { }
        };
        return $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=false;Timeout=60";
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static void Run(string file, string args)
    {
        using var p = Process.Start(new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = "/tmp" })!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"{file} {args} failed ({p.ExitCode}): {stderr}{stdout.Result}");
    }
}
