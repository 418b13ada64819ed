using Reshore.Core.Screening;
using Reshore.Core.Values;
using Reshore.Data.Examples;
using Reshore.Data.ReferenceData;
using Reshore.Data.Screening;

namespace Reshore.Core.Tests.Screening;

/// <summary>
/// The columnar batch scorer behind --top against the part-at-a-time screen: the same numbers to the last bit, so the same parts and order.
/// </summary>
public sealed class ColumnarScreeningTests
{
    private static readonly Lazy<Reshore.Core.MarketData.MarketSnapshot> Market = new(ReferenceDataLoader.Embedded);

    private static List<PartRecord> BundledParts()
    {
        var path = Path.Combine(Path.GetTempPath(), $"parts-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, ExampleCatalog.All.First(e => e.FileName == "parts-list.csv").Text);
        try { return new PartsReader(Market.Value).Read(path).ToList(); }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Batch_scores_equal_the_part_at_a_time_screen_exactly()
    {
        var parts = BundledParts();
        var random = new Random(17);
        // The bundled list plus random variations: other currencies, traits missing, labour shares, weights and lead times.
        var varied = parts.Select(p => p with
        {
            Currency = CurrencyCode.Parse(random.Next(3) switch { 0 => "EUR", 1 => "USD", _ => "CNY" }),
            LabourSharePct = random.NextDouble() < 0.3 ? null : 100 * random.NextDouble(),
            UnitWeightKg = 0.01 + 20 * random.NextDouble(),
            LeadTimeDays = random.Next(0, 120),
            SeriesSize = random.NextDouble() < 0.5 ? null : p.SeriesSize,
        });
        foreach (var options in new[] { new ScreeningOptions(), new ScreeningOptions { Home = CountryCode.Parse("DE"), Candidates = [CountryCode.Parse("CZ"), CountryCode.Parse("MA"), CountryCode.Parse("CN")] } })
        foreach (var list in new[] { parts, varied.ToList() })
        {
            var screener = new PortfolioScreener(Market.Value, options);
            var scores = new PortfolioScreener.BatchScores(list.Count);
            screener.ScoreBatch(list, scores);
            for (var k = 0; k < list.Count; k++)
            {
                var one = screener.Screen(list[k]);
                Assert.Equal(one.Attractiveness, scores.Attractiveness[k]);
                Assert.Equal(one.EstimatedAnnualSaving, scores.Saving[k]);
            }
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(100)]
    [InlineData(5000)]
    public void Top_n_is_the_head_of_the_full_ranking(int top)
    {
        var parts = BundledParts();
        // Repeated ids tie on every key but the id: the bundled list twice, with new ids for the copy.
        var twice = parts.Concat(parts.Select(p => p with { Id = p.Id + "-b" })).ToList();
        var screener = new PortfolioScreener(Market.Value, new ScreeningOptions());
        var all = screener.ScreenAndRank(twice);
        var head = screener.ScreenAndRank(twice, top);
        static object Key(ScreenedPart p) => (p.Part.Id, p.Rank, p.Attractiveness, p.EstimatedAnnualSaving, p.BestLocation, p.Reason, p.Best, p.Current,
            string.Join(";", p.Locations));
        Assert.Equal(all.Take(top).Select(Key), head.Select(Key));
    }
}
