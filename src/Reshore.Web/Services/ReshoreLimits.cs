using Reshore.Data.Workbooks;

namespace Reshore.Web.Services;

/// <summary>
/// Limits that keep one request, one user or one address from exhausting the server, read from the configuration section
/// <c>Reshore:Limits</c> (e.g. the environment variable
/// <c>Reshore__Limits__SignInAttemptsPerMinute=30</c>, or appsettings.json). docs/security.md lists them with their defaults.
/// </summary>
public sealed class ReshoreLimits
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Reshore:Limits";

    /// <summary>Largest request body in bytes (default 16 MB); Kestrel answers 413 beyond it.</summary>
    public long MaxRequestBodyBytes { get; set; } = 16L * 1024 * 1024;

    /// <summary>
    /// Most values in one posted form (default 20,000; ASP.NET's own default, 1,024, is less than the case editor posts for a case of
    /// four options, whose every catalogue field is an input); 413 beyond it.
    /// </summary>
    public int MaxFormValues { get; set; } = 20_000;

    /// <summary>Largest uploaded file (case file, case workbook, monitor CSV or workbook) in bytes (default 10 MB).</summary>
    public long MaxUploadBytes { get; set; } = 10L * 1024 * 1024;

    /// <summary>Most bytes an uploaded workbook may unpack to (default 100 MB).</summary>
    public long WorkbookMaxUnpackedBytes { get; set; } = WorkbookLimits.Default.MaxUnpackedBytes;

    /// <summary>Most rows on one sheet of an uploaded workbook (default 100,000).</summary>
    public int WorkbookMaxRowsPerSheet { get; set; } = WorkbookLimits.Default.MaxRowsPerSheet;

    /// <summary>Most cells in an uploaded workbook (default 2,000,000).</summary>
    public int WorkbookMaxCells { get; set; } = WorkbookLimits.Default.MaxCells;

    /// <summary>Sign-in attempts (pages, tokens, setup) per client address per minute (default 20).</summary>
    public int SignInAttemptsPerMinute { get; set; } = 20;

    /// <summary>Failed sign-ins for one account from one client address before that pair must wait (default 10).</summary>
    public int FailedSignInsPerAccountAndAddress { get; set; } = 10;

    /// <summary>How long failed sign-ins are remembered, in minutes (default 15).</summary>
    public int FailedSignInWindowMinutes { get; set; } = 15;

    /// <summary>
    /// Expensive requests (evaluate, simulate, optimise, reports, results workbooks, imports, starting jobs, news screening) per
    /// user per minute (default 30; anonymous callers are counted by address).
    /// </summary>
    public int ExpensiveRequestsPerMinute { get; set; } = 30;

    /// <summary>Expensive requests one user may have in progress at once (default 2); more answer 429 at once.</summary>
    public int ExpensiveRequestsInParallel { get; set; } = 2;

    /// <summary>
    /// E-mail addresses without an account that one user may try per hour when adding workspace members (default 10); beyond it
    /// every member lookup by that user answers 429 until the hour is over. Site admins are not counted.
    /// </summary>
    public int UnknownMemberAddressesPerHour { get; set; } = 10;

    /// <summary>Strict-Transport-Security max-age in days sent on HTTPS responses (default 365; 0 sends none).</summary>
    public int HstsDays { get; set; } = 365;

    /// <summary>The workbook limits.</summary>
    public WorkbookLimits Workbook => new()
    {
        MaxUnpackedBytes = WorkbookMaxUnpackedBytes, MaxRowsPerSheet = WorkbookMaxRowsPerSheet, MaxCells = WorkbookMaxCells,
    };

    /// <summary>The problems with the configured values (each must be positive).</summary>
    public IEnumerable<string> Problems()
    {
        foreach (var (name, value) in new (string, long)[]
        {
            (nameof(MaxRequestBodyBytes), MaxRequestBodyBytes), (nameof(MaxFormValues), MaxFormValues), (nameof(MaxUploadBytes), MaxUploadBytes), (nameof(WorkbookMaxUnpackedBytes), WorkbookMaxUnpackedBytes),
            (nameof(WorkbookMaxRowsPerSheet), WorkbookMaxRowsPerSheet), (nameof(WorkbookMaxCells), WorkbookMaxCells), (nameof(SignInAttemptsPerMinute), SignInAttemptsPerMinute),
            (nameof(FailedSignInsPerAccountAndAddress), FailedSignInsPerAccountAndAddress), (nameof(FailedSignInWindowMinutes), FailedSignInWindowMinutes),
            (nameof(ExpensiveRequestsPerMinute), ExpensiveRequestsPerMinute), (nameof(ExpensiveRequestsInParallel), ExpensiveRequestsInParallel),
            (nameof(UnknownMemberAddressesPerHour), UnknownMemberAddressesPerHour),
        })
            if (value <= 0) yield return $"{Section}:{name} must be a positive number (it is {value}).";
        if (HstsDays < 0) yield return $"{Section}:{nameof(HstsDays)} must be zero or more (it is {HstsDays}).";
    }
}
