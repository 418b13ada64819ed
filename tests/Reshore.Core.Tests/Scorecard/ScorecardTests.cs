using System.Globalization;
using Reshore.Core.Costing;
using Reshore.Core.Domain;
using Reshore.Core.Scorecard;
using Reshore.Core.Values;

namespace Reshore.Core.Tests.Scorecard;

/// <summary>AHP against Saaty's worked example, score mappings at their boundaries, missing scores, and the ranking-flip sensitivity.</summary>
public sealed class ScorecardTests
{
    [Fact]
    public void Ahp_reproduces_the_textbook_three_criteria_example()
    {
        // The classic reciprocal matrix [[1, 3, 5], [1/3, 1, 3], [1/5, 1/3, 1]] (Saaty 1980; reproduced in most AHP texts):
        // weights 0.637, 0.258, 0.105; λmax 3.039; CI 0.019; CR = 0.019 ÷ 0.58 = 0.033.
        var r = Ahp.Solve(new double[,] { { 1, 3, 5 }, { 1.0 / 3, 1, 3 }, { 1.0 / 5, 1.0 / 3, 1 } });
        Assert.Equal(0.637, r.Weights[0], 3);
        Assert.Equal(0.258, r.Weights[1], 3);
        Assert.Equal(0.105, r.Weights[2], 3);
        Assert.Equal(3.039, r.LambdaMax, 3);
        Assert.Equal(0.033, r.ConsistencyRatio, 3);
    }

    [Fact]
    public void A_consistent_matrix_has_ratio_zero_and_an_inconsistent_one_is_above_a_tenth()
    {
        // Consistent: a_ij = w_i / w_j for w = (0.5, 0.3, 0.2).
        var consistent = Ahp.Solve(new double[,] { { 1, 5.0 / 3, 2.5 }, { 0.6, 1, 1.5 }, { 0.4, 2.0 / 3, 1 } });
        Assert.Equal(0, consistent.ConsistencyRatio, 9);
        Assert.Equal(0.5, consistent.Weights[0], 9);
        // A prefers B (3), B prefers C (3), but C prefers A (5): circular.
        var circular = Ahp.Solve(new double[,] { { 1, 3, 1.0 / 5 }, { 1.0 / 3, 1, 3 }, { 5, 1.0 / 3, 1 } });
        Assert.True(circular.ConsistencyRatio > 0.1, $"CR {circular.ConsistencyRatio}");
    }

    [Theory]
    [InlineData(7.0, 5)]
    [InlineData(7.0001, 4)]
    [InlineData(21.0, 4)]
    [InlineData(45.0, 3)]
    [InlineData(90.0, 2)]
    [InlineData(90.5, 1)]
    public void Delivery_bands_include_their_upper_limit(double days, double expected) =>
        Assert.Equal(expected, ScorecardEvaluator.Band(days, 7, 21, 45, 90));

    private static ReshoringCase Case(ScorecardInputs? scorecard = null) => new()
    {
        Name = "sc", BaseYear = 2027, HorizonYears = 2, DiscountRatePct = 8,
        Items =
        [
            new Item
            {
                Id = "part", AnnualVolumeUnits = 1000, UnitWeightKg = 1, Scorecard = scorecard,
                Options =
                [
                    new SourcingOption { Id = "cn", Governance = GovernanceModel.StatusQuo, Country = CountryCode.Parse("CN"), Production = new ProductionInputs { UnitPrice = new Money(10, CurrencyCode.Eur), ProductionLeadTimeDays = 30 } },
                    new SourcingOption { Id = "be", Governance = GovernanceModel.OutsourcedReshoring, Country = CountryCode.Parse("BE"), Production = new ProductionInputs { UnitPrice = new Money(12.5, CurrencyCode.Eur), ProductionLeadTimeDays = 5 } },
                ],
            },
        ],
    };

    private static ItemScorecard Score(ScorecardInputs? inputs = null) =>
        new CaseEvaluator().Evaluate(Case(inputs), TestMarket.Create(), CultureInfo.GetCultureInfo("en")).Items.Single().Scorecard!;

    [Fact]
    public void Computed_scores_follow_their_mappings_and_unjudged_criteria_stay_missing()
    {
        var sc = Score();
        var cn = sc.Options.Single(o => o.OptionId == "cn").Scores.ToDictionary(s => s.Criterion);
        var be = sc.Options.Single(o => o.OptionId == "be").Scores.ToDictionary(s => s.Criterion);
        // Cost: cn is cheapest (5); be costs 12.5/10 = 1.25 times as much → 5 − 8 × 0.25 = 3.
        Assert.Equal(5, cn["cost"].Score);
        Assert.Equal(3, be["cost"].Score!.Value, 9);
        // Delivery: 30 days → 3; 5 days → 5.
        Assert.Equal(3, cn["delivery"].Score);
        Assert.Equal(5, be["delivery"].Score);
        // Innovation: R&D at home; be is at home (5); cn has no transport leg to measure, so an offshore location counts as 9,000 km → 2.
        Assert.Equal(5, be["innovation"].Score);
        Assert.Equal(2, cn["innovation"].Score);
        foreach (var judgedOnly in new[] { "flexibility", "service", "legislation", "culture" })
        {
            Assert.Null(cn[judgedOnly].Score);
            Assert.Equal(ScoreSource.Missing, cn[judgedOnly].Source);
        }
        // Reputation (job creation, issue 19): the status quo's net change in home jobs is zero by definition (3); the Belgian supplier's
        // home jobs are unknown without the labour share of its price, so its score is missing, never a middle score.
        Assert.Equal(3, cn["reputation"].Score);
        Assert.Equal(ScoreSource.Computed, cn["reputation"].Source);
        Assert.Null(be["reputation"].Score);
        Assert.Equal(ScoreSource.Missing, be["reputation"].Source);
        Assert.Null(cn["quality"].Score);   // no defect or return rates given
        Assert.Equal("equal", sc.WeightingMethod);
        Assert.True(sc.Coverage < 1);
    }

    [Theory]
    [InlineData(new[] { 10.0, 12.5 }, 12.5, 1.25)]          // v ÷ min
    [InlineData(new[] { 0.0, 4.0, 8.0 }, 4.0, 1.5)]         // min 0: 1 + (4 − 0) ÷ 8
    [InlineData(new[] { -2.0, 2.0 }, 2.0, 3.0)]             // min −2: 1 + (2 + 2) ÷ 2
    [InlineData(new[] { 0.0, 0.0 }, 0.0, 1.0)]
    public void Ratio_to_the_lowest_also_ranks_when_the_lowest_is_zero_or_negative(double[] values, double value, double expected) =>
        Assert.Equal(expected, ScorecardEvaluator.RatioToLowest(values)(value), 12);

    [Fact]
    public void Coverage_warns_when_weight_sits_on_an_unscored_criterion_and_an_ahp_gap_is_warned_once()
    {
        // Weight on cost and flexibility; flexibility is judged for no option → only half of the weight is scored.
        var direct = Score(new ScorecardInputs { Weights = new Dictionary<string, double> { ["cost"] = 1, ["flexibility"] = 1 } });
        Assert.Equal(0.5, direct.Coverage, 12);
        Assert.Contains(direct.Warnings, w => w.Contains("Only 50%", StringComparison.Ordinal));
        // Three criteria, two pairs: cost–delivery is not compared.
        var ahp = Score(new ScorecardInputs { Ahp = [new PairwiseComparison { A = "cost", B = "quality", Value = 3 }, new PairwiseComparison { A = "quality", B = "delivery", Value = 2 }] });
        Assert.Single(ahp.Warnings, w => w.StartsWith("AHP:", StringComparison.Ordinal));
    }

    [Fact]
    public void A_judgement_replaces_the_computed_score_and_keeps_its_rationale()
    {
        var sc = Score(new ScorecardInputs
        {
            Judgements = new Dictionary<string, IReadOnlyDictionary<string, Judgement>>
            {
                ["cn"] = new Dictionary<string, Judgement> { ["cost"] = new() { Score = 2, Rationale = "hidden costs we know of" } },
            },
        });
        var cost = sc.Options.Single(o => o.OptionId == "cn").Scores.Single(s => s.Criterion == "cost");
        Assert.Equal(2, cost.Score);
        Assert.Equal(ScoreSource.Judged, cost.Source);
        Assert.Equal("hidden costs we know of", cost.Explanation);
    }

    [Fact]
    public void The_ranking_flip_matches_the_hand_calculation()
    {
        // Two options, two criteria, weights 0.6 / 0.4. Scores: A (5, 1) → 3.4; B (2, 4) → 2.8. A is on top.
        // Moving the weight of criterion x to w: A = 5w + (1 − w), B = 2w + 4(1 − w); equal when 4w + 1 = 4 − 2w → w = 0.5: a change of −0.1.
        // On criterion y the same tie needs w_y = 0.5, a change of +0.1; the first found with the smallest |δ| is x.
        var a = new OptionScorecard("A", [new("x", 5, ScoreSource.Judged, null, ""), new("y", 1, ScoreSource.Judged, null, "")], 3.4, 1);
        var b = new OptionScorecard("B", [new("x", 2, ScoreSource.Judged, null, ""), new("y", 4, ScoreSource.Judged, null, "")], 2.8, 2);
        var r = ScorecardEvaluator.Sensitivity([a, b], ["x", "y"], new Dictionary<string, double> { ["x"] = 0.6, ["y"] = 0.4 })!;
        Assert.Equal("x", r.Criterion);
        Assert.Equal(-0.1, r.WeightChange, 12);
        Assert.Equal(0.5, r.NewWeight, 12);
        Assert.Equal("B", r.NewTopOptionId);
    }

    [Fact]
    public void Suitability_follows_the_rule_of_thumb()
    {
        Assert.Equal(1, ScorecardEvaluator.Suitability(new ProductTraits { SeriesSize = 1, Complexity = 5, RdProximityNeed = 5 })!.Value, 12);
        Assert.Equal(-1, ScorecardEvaluator.Suitability(new ProductTraits { SeriesSize = 5, VolumeStability = 5, Customisation = 1 })!.Value, 12);
        Assert.Null(ScorecardEvaluator.Suitability(new ProductTraits()));
    }

    [Fact]
    public void Unknown_criteria_motives_and_barriers_are_rejected()
    {
        var c = Case(new ScorecardInputs { Weights = new Dictionary<string, double> { ["price"] = 1 } }) with
        {
            MotivesAndBarriers = new MotivesAndBarriers { Motives = ["cheaper"], Barriers = [new BarrierEntry { Barrier = "labourContracts", Option = "cn", OneOffCost = 3 }] },
        };
        var errors = ScorecardEvaluator.Validate(c);
        Assert.Contains(errors, e => e.Path == "$.items[0].scorecard.weights.price");
        Assert.Contains(errors, e => e.Path == "$.motivesAndBarriers.motives[0]");
        Assert.Contains(errors, e => e.Path == "$.motivesAndBarriers.barriers[0].oneOffCost");
    }
}
