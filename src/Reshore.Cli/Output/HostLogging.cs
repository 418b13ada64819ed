using Microsoft.Extensions.Logging;

namespace Reshore.Cli.Output;

/// <summary>Logging of a job host inside a command whose standard output is its result (JSON, a table).</summary>
public static class HostLogging
{
    /// <summary>
    /// Warnings and errors only, all on standard error: a log line on standard output would break `--format json` (EF Core logs
    /// an error when it first looks for its migrations table in a new PostgreSQL database).
    /// </summary>
    public static void ToStandardError(ILoggingBuilder logging)
    {
        logging.ClearProviders();
        logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        logging.AddFilter(level => level >= LogLevel.Warning);
    }
}
