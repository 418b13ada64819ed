using Reshore.Core.Screening;
using Reshore.Core.Values;

namespace Reshore.Core.Tests.Screening;

/// <summary>The screening estimate against a hand calculation, the suitability rule of thumb and the ranking.</summary>
public sealed class PortfolioScreenerTests
{
    private static PartRecord Part(string id = "p1", double labourShare = 0, double volume = 1000, double? series = null, double? complexity = null) => new()
    {
        Row = 2, Id = id, AnnualVolume = volume, UnitPrice = 10, Currency = CurrencyCode.Parse("USD"), UnitWeightKg = 2, HsCode = "85395200",
        CurrentCountry = CountryCode.Parse("CN"), LeadTimeDays = 60, LabourSharePct = labourShare, SeriesSize = series, Complexity = complexity,
    };

    private static PortfolioScreener Screener() =>
        new(TestMarket.Create(), new ScreeningOptions { Home = CountryCode.Parse("BE"), Candidates = [CountryCode.Parse("PL")], CarryingRate = 0.2 });

    [Fact]
    public void Landed_costs_match_the_hand_calculation()
    {
        var result = Screener().Screen(Part());
        // Current (CN): price 10 USD × 0.9 = 9; sea lane 2,000 USD × 0.9 = 1,800 EUR per FEU over 26,500 kg × 85% → 0.0799112 EUR/kg × 2 kg = 0.1598224;
        // duty 3.7% × (9 + 0.1598224) = 0.3389134; landed 9.4987358; pipeline 9.4987358 × 20% × 60/365 = 0.3122872; total 9.8110230.
        Assert.Equal(9.811023, result.CurrentLandedCostPerUnit, 5);
        // Home (BE), labour share 0: price 9, no lane in the test market, no duty; lead 60 − 35 + 0 = 25 days;
        // pipeline 9 × 20% × 25/365 = 0.1232877; total 9.1232877. Saving (9.811023 − 9.1232877) × 1,000 = 687.74.
        var home = result.Locations.Single(l => l.Country.Value == "BE");
        Assert.Equal(9.1232877, home.LandedCostPerUnit, 5);
        Assert.Equal(687.735, home.AnnualSaving, 1);
        Assert.Equal("BE", result.BestLocation.Value);
        Assert.Equal(35, result.LeadTimeReductionDays, 9);
    }

    [Fact]
    public void Labour_share_scales_with_unit_labour_cost()
    {
        // Unit labour cost BE 48/100 = 0.48, CN 6/20 = 0.30: ratio 1.6. With a 20% labour share the BE price is 9 × (0.8 + 0.2 × 1.6) = 10.08,
        // pipeline 10.08 × 0.2 × 25/365 = 0.1380822: landed 10.2180822, dearer than China, so the part stays.
        var result = Screener().Screen(Part(labourShare: 20));
        Assert.Equal(10.2180822, result.Locations.Single(l => l.Country.Value == "BE").LandedCostPerUnit, 5);
        Assert.Equal("CN", result.BestLocation.Value);
        Assert.Equal(0, result.EstimatedAnnualSaving);
        Assert.StartsWith("Stay in CN", result.Reason);
    }

    [Theory]
    [InlineData(1.0, 5.0, 1.0)]     // one-offs and complex: (3 − 1)/2 = 1 and (5 − 3)/2 = 1
    [InlineData(5.0, 1.0, -1.0)]    // mass production, simple
    [InlineData(3.0, 3.0, 0.0)]
    public void Suitability_follows_the_rule_of_thumb(double series, double complexity, double expected) =>
        Assert.Equal(expected, PortfolioScreener.Suitability(Part(series: series, complexity: complexity) with { LabourSharePct = null })!.Value, 12);

    [Fact]
    public void Labour_intensive_work_points_far_and_no_traits_give_no_score()
    {
        Assert.Equal(-1, PortfolioScreener.Suitability(Part(labourShare: 60))!.Value, 12);   // −(60 − 30)/30
        Assert.Null(PortfolioScreener.Suitability(Part() with { LabourSharePct = null }));
    }

    [Fact]
    public void Ranking_puts_the_largest_saving_share_first_and_numbers_from_one()
    {
        // "near" and "small" save the same share of their spend; "near"'s traits point home harder (suitability +1 against +1/3).
        var ranked = Screener().ScreenAndRank([Part("small", volume: 10, series: 5, complexity: 5), Part("stay", labourShare: 20), Part("near", series: 1, complexity: 5)]);
        Assert.Equal(new[] { "near", "small", "stay" }, ranked.Select(r => r.Part.Id));
        Assert.Equal(new[] { 1, 2, 3 }, ranked.Select(r => r.Rank));
        Assert.Single(Screener().ScreenAndRank([Part("a"), Part("b")], top: 1));
        // The bounded heap behind --top keeps the same order as a full sort.
        var all = Screener().ScreenAndRank(Enumerable.Range(0, 50).Select(i => Part($"p{i:00}", volume: 100 + i, series: 1 + i % 5)).ToList());
        var top = Screener().ScreenAndRank(Enumerable.Range(0, 50).Select(i => Part($"p{i:00}", volume: 100 + i, series: 1 + i % 5)).ToList(), top: 7);
        Assert.Equal(all.Take(7).Select(p => p.Part.Id), top.Select(p => p.Part.Id));
    }
}
