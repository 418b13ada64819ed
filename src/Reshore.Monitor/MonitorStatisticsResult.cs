namespace Reshore.Monitor;

/// <summary>One bar of a count: the key (code, year or "unknown"), its label in the requested culture and the number of cases.</summary>
public sealed record CountRow(string Key, string Label, int Count);

/// <summary>One band of jobs created per case.</summary>
public sealed record JobBand(string Band, int? Min, int? Max, int Cases, int Jobs);

/// <summary>Jobs created: total over cases that report a number, how many do, and the distribution over bands.</summary>
public sealed record JobStatistics(int TotalJobs, int CasesWithKnownJobs, int CasesWithUnknownJobs, IReadOnlyList<JobBand> Bands);

/// <summary>
/// Statistics over the cases that passed a filter; plain records, serialisable with System.Text.Json as they are.
/// <see cref="Counts"/> holds one list per dimension of <see cref="MonitorStatistics.Dimensions"/>.
/// </summary>
public sealed record MonitorStatisticsResult(int Cases, IReadOnlyDictionary<string, IReadOnlyList<CountRow>> Counts, JobStatistics Jobs, string Culture)
{
    /// <summary>Net balance of reshoring and offshoring cases and jobs, in all and per group (year, sector, region…).</summary>
    public BalanceStatistics? Balance { get; init; }
    /// <summary>The study's reference figures beside the monitor's own (<see cref="MonitorBenchmarks"/>).</summary>
    public IReadOnlyList<BenchmarkComparison>? Benchmarks { get; init; }
}

/// <summary>Reshoring against offshoring in one group: cases and the jobs they report (offshoring: jobs that leave home).</summary>
public sealed record BalanceRow(string Key, string Label, int ReshoringCases, int OffshoringCases, int NetCases, int ReshoringJobs, int OffshoringJobs, int NetJobs);

/// <summary>The net balance over all cases that pass the filter (whatever their direction), and per group of each dimension in <see cref="Groups"/>.</summary>
public sealed record BalanceStatistics(int ReshoringCases, int OffshoringCases, int NetCases, int ReshoringJobs, int OffshoringJobs, int NetJobs,
    IReadOnlyDictionary<string, IReadOnlyList<BalanceRow>> Groups);
