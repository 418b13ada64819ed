using Reshore.Core.Values;

namespace Reshore.Monitor;

/// <summary>Uptake by size class: cases and supported cases.</summary>
public sealed record SizeUptake(string SizeClass, int Cases, int Supported);

/// <summary>
/// The computed part of an ex-post evaluation of a support instrument from monitor cases (docs/model.md §21.6): uptake, uptake by
/// size class, jobs per million euro of support, support per job and leverage. Amounts in EUR only; cases in another currency are
/// counted as cases but not in the amounts.
/// </summary>
public sealed record InstrumentEvaluationResult(
    int Cases, int Supported, double? UptakePct, IReadOnlyList<SizeUptake> BySize, double SupportEur, int JobsInSupportedCases, int SupportedWithJobs,
    double? JobsPerMillionEur, double? SupportPerJobEur, double? Leverage, int NotInEur);

/// <summary>Computes <see cref="InstrumentEvaluationResult"/> from monitor cases; pure.</summary>
public static class InstrumentEvaluation
{
    /// <summary>Uptake u = supported ÷ cases, %.</summary>
    public static double? UptakePct(int supported, int cases) => cases > 0 ? 100.0 * supported / cases : null;

    /// <summary>Jobs per million euro: Σ jobs ÷ Σ support × 10⁶, over supported cases that report both.</summary>
    public static double? JobsPerMillion(double jobs, double support) => support > 0 ? jobs / support * 1e6 : null;

    /// <summary>Leverage: Σ investment ÷ Σ support, over supported cases that report both.</summary>
    public static double? Leverage(double investment, double support) => support > 0 ? investment / support : null;

    /// <summary>The evaluation of the cases whose destination is <paramref name="country"/> (reshoring to it).</summary>
    public static InstrumentEvaluationResult Evaluate(IEnumerable<MonitorCase> all, string country)
    {
        var cases = all.Where(c => string.Equals(c.Destination, country, StringComparison.OrdinalIgnoreCase)).ToList();
        static bool Eur(Money? m) => m is { } x && x.Currency == CurrencyCode.Eur;
        var supported = cases.Where(c => c.PublicSupport is { Amount: > 0 }).ToList();
        var inEur = supported.Where(c => Eur(c.PublicSupport)).ToList();
        var withJobs = inEur.Where(c => c.JobsCreated is not null).ToList();
        var jobs = withJobs.Sum(c => c.JobsCreated!.Value);
        var supportForJobs = withJobs.Sum(c => c.PublicSupport!.Value.Amount);
        var withInvestment = inEur.Where(c => Eur(c.Investment)).ToList();
        string Size(MonitorCase c) => (c.SizeClass ?? (c.Employees is { } e ? CompanySize.FromEmployees(e) : null))?.ToString().ToLowerInvariant() ?? "unknown";
        var bySize = cases.GroupBy(Size).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new SizeUptake(g.Key, g.Count(), g.Count(c => c.PublicSupport is { Amount: > 0 }))).ToList();
        return new InstrumentEvaluationResult(cases.Count, supported.Count, UptakePct(supported.Count, cases.Count), bySize, inEur.Sum(c => c.PublicSupport!.Value.Amount),
            jobs, withJobs.Count, JobsPerMillion(jobs, supportForJobs), jobs > 0 ? supportForJobs / jobs : null,
            Leverage(withInvestment.Sum(c => c.Investment!.Value.Amount), withInvestment.Sum(c => c.PublicSupport!.Value.Amount)), supported.Count - inEur.Count);
    }
}
