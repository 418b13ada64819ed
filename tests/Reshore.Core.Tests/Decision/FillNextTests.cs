using Reshore.Core.Decision;

namespace Reshore.Core.Tests.Decision;

/// <summary>"Fill next": the value of perfect information of one input (docs/model.md §15), checked against hand-worked integrals.</summary>
public sealed class FillNextTests
{
    [Fact]
    public void Two_options_give_the_closed_form_d1_squared_over_twice_the_rise()
    {
        // Chosen: 100 → 160 over the range; other: 130 flat. d = −30 → +30, so EVPI = 30² ÷ (2 × 60) = 7.5;
        // by hand: ∫ from ½ to 1 of (60t − 30) dt = [30t² − 30t] = 0 − (7.5 − 15) = 7.5.
        var lines = new[] { new CostLineOverRange(100, 160), new CostLineOverRange(130, 130) };
        Assert.Equal(7.5, ValueOfInformation.UniformExpectedRegret(lines, 0), 10);
        // Choosing the flat option instead: regret is 130 − (100 + 60t) on t < ½, ∫ = [30t − 30t²] from 0 to ½ = 15 − 7.5 = 7.5.
        Assert.Equal(7.5, ValueOfInformation.UniformExpectedRegret(lines, 1), 10);
    }

    [Fact]
    public void Three_options_integrate_the_lower_envelope_exactly()
    {
        // A 100 → 160 (chosen), B 130 flat, C 170 → 110. The cheapest is A up to t = ½, B up to ⅔, then C.
        // Regret: 0 on [0, ½]; 60t − 30 on [½, ⅔] (∫ = 5/6); A − C = 120t − 70 on [⅔, 1] (∫ = [60t² − 70t] = −10 + 20 = 10). Total 65/6.
        var lines = new[] { new CostLineOverRange(100, 160), new CostLineOverRange(130, 130), new CostLineOverRange(170, 110) };
        Assert.Equal(65.0 / 6, ValueOfInformation.UniformExpectedRegret(lines, 0), 10);
    }

    [Fact]
    public void An_option_cheapest_over_the_whole_range_has_no_value_of_information()
    {
        var lines = new[] { new CostLineOverRange(100, 120), new CostLineOverRange(130, 125) };
        Assert.Equal(0, ValueOfInformation.UniformExpectedRegret(lines, 0), 12);
    }

    [Fact]
    public void Inputs_are_ranked_by_value_of_information_then_by_swing_and_a_flip_is_located()
    {
        static FillNextCandidate Candidate(string path, double aLow, double aHigh, double bLow, double bHigh) =>
            new(path, path, FillNextReason.NotAssessed, 0, 0, 10, "%", "test",
                new Dictionary<string, double> { ["a"] = aLow, ["b"] = bLow }, new Dictionary<string, double> { ["a"] = aHigh, ["b"] = bHigh });
        var ranked = FillNextRanker.Rank("a", [
            Candidate("$.small-swing", 100, 105, 130, 130),   // never flips; the lead moves by 5
            Candidate("$.flips", 100, 160, 130, 130),         // flips at 5 (half-way); EVPI 7.5
            Candidate("$.large-swing", 100, 120, 130, 130),   // never flips; the lead moves by 20
        ]);
        Assert.Equal(["$.flips", "$.large-swing", "$.small-swing"], ranked.Select(e => e.Candidate.Path));
        Assert.Equal(7.5, ranked[0].ValueOfInformation, 10);
        Assert.Equal(5, ranked[0].FlipsAt!.Value, 10);
        Assert.Equal("b", ranked[0].FlipsTo);
        Assert.Equal(60, ranked[0].Swing, 10);
        Assert.Null(ranked[1].FlipsAt);
        Assert.Equal(20, ranked[1].Swing, 10);
    }
}
