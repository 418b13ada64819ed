using Reshore.Core.Values;
using Reshore.Monitor;

namespace Reshore.Monitor.Tests;

/// <summary>The computed part of the ex-post evaluation template (docs/model.md §21.6), by hand.</summary>
public sealed class InstrumentEvaluationTest
{
    private static MonitorCase Case(string name, int employees, string destination, double? support, int? jobs, double? investment) => new()
    {
        CompanyName = name, Employees = employees, HomeCountry = "BE", Destination = destination, JobsCreated = jobs,
        PublicSupport = support is { } s ? new Money(s, CurrencyCode.Eur) : null, Investment = investment is { } i ? new Money(i, CurrencyCode.Eur) : null,
    };

    [Fact]
    public void Uptake_jobs_per_million_and_leverage_add_up_by_hand()
    {
        var cases = new[]
        {
            Case("A", 30, "BE", 100_000, 10, 1_000_000),
            Case("B", 300, "BE", 400_000, 30, 3_000_000),
            Case("C", 120, "BE", null, 20, null),
            Case("D", 500, "DE", 1_000_000, 100, 5_000_000),   // another destination: not counted
        };
        var r = InstrumentEvaluation.Evaluate(cases, "BE");
        Assert.Equal((3, 2), (r.Cases, r.Supported));
        Assert.Equal(200.0 / 3, r.UptakePct!.Value, 9);               // 2 of 3
        Assert.Equal(500_000, r.SupportEur);
        Assert.Equal(40, r.JobsInSupportedCases);
        Assert.Equal(80, r.JobsPerMillionEur!.Value, 9);               // 40 ÷ 500,000 × 10⁶
        Assert.Equal(12_500, r.SupportPerJobEur!.Value, 9);            // 500,000 ÷ 40
        Assert.Equal(8, r.Leverage!.Value, 9);                         // 4,000,000 ÷ 500,000
        Assert.Equal([new SizeUptake("large", 1, 1), new SizeUptake("medium", 1, 0), new SizeUptake("small", 1, 1)], r.BySize);
        Assert.Null(InstrumentEvaluation.UptakePct(0, 0));
    }
}
