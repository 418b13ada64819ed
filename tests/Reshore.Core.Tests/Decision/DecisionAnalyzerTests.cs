using System.Globalization;
using Reshore.Core.Costing;
using Reshore.Core.Costing.Formulas;
using Reshore.Core.Decision;
using Reshore.Core.Risk;
using Reshore.Data.CaseFiles;
using Reshore.Data.ReferenceData;

namespace Reshore.Core.Tests.Decision;

/// <summary>The decision summary (docs/model.md §14): the rules behind it, checked by hand and against the engines it reads.</summary>
public sealed class DecisionAnalyzerTests
{
    private static readonly CultureInfo En = CultureInfo.GetCultureInfo("en");
    private static readonly Lazy<Reshore.Core.MarketData.MarketSnapshot> Market = new(ReferenceDataLoader.Embedded);

    private static string Example(string name)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Reshore.slnx"))) dir = dir.Parent;
        return Path.Combine(dir!.FullName, "examples", name);
    }

    private static (CaseDocument Document, CaseReview Review) Led(int? scenarios = 0)
    {
        var document = CaseFileReader.ReadDocumentFile(Example("led-lamps.yaml"), Market.Value);
        return (document, CaseReviewer.Review(document.Case, document.Uncertain, Market.Value, En, new ReviewOptions { Scenarios = scenarios }));
    }

    [Fact]
    public void Flip_searches_started_before_the_simulation_give_the_same_decision()
    {
        var document = CaseFileReader.ReadDocumentFile(Example("led-lamps.yaml"), Market.Value);
        var (c, uncertain, market) = (document.Case, document.Uncertain, Market.Value);
        var evaluation = new CaseEvaluator().Evaluate(c, market, En);
        var searches = DecisionAnalyzer.StartFlipSearches(evaluation, c, uncertain, market);
        var simulation = new RiskAnalyzer(En).Simulate(c, uncertain, market, 200, 1);
        var early = DecisionAnalyzer.Decide(evaluation, c, uncertain, market, simulation, null, En, searches).Items.Single().Decision!;
        var late = DecisionAnalyzer.Decide(evaluation, c, uncertain, market, simulation, null, En).Items.Single().Decision!;
        Assert.Contains(early.Flips, f => f.Kind == "input");
        Assert.Equal(late.Flips.Select(f => (f.Input, f.FlipsAt, f.Option, f.Text)), early.Flips.Select(f => (f.Input, f.FlipsAt, f.Option, f.Text)));
        Assert.Equal(late.Confidence, early.Confidence);
        Assert.Equal(late.ConfidenceReasons, early.ConfidenceReasons);
        // Searches of another evaluation (here: on hard costs only) are not taken for this one's.
        var hardOnly = c with { Assumptions = (c.Assumptions ?? new()) with { RecommendOnAllFactors = false } };
        var other = DecisionAnalyzer.StartFlipSearches(evaluation, hardOnly, uncertain, market);
        Assert.Equal(late.Flips.Select(f => (f.Input, f.FlipsAt)),
            DecisionAnalyzer.Decide(evaluation, c, uncertain, market, simulation, null, En, other).Items.Single().Decision!.Flips.Select(f => (f.Input, f.FlipsAt)));
    }

    [Fact]
    public void Irr_solves_a_two_year_annuity_in_closed_form()
    {
        // −100 + 60/(1+r) + 60/(1+r)² = 0 ⇒ with x = 1/(1+r): 60x² + 60x − 100 = 0, x = (−60 + √27,600)/120.
        var x = (-60 + Math.Sqrt(27_600)) / 120;
        var irr = FinanceFormulas.InternalRateOfReturn([-100, 60, 60]);
        Assert.NotNull(irr);
        Assert.Equal(1 / x - 1, irr!.Value, 1e-9);
        Assert.Null(FinanceFormulas.InternalRateOfReturn([100, 60]));
        Assert.Null(FinanceFormulas.InternalRateOfReturn([]));
    }

    [Fact]
    public void The_present_value_breakdown_adds_up_to_the_present_cost_on_all_and_on_hard_lines()
    {
        var (_, review) = Led();
        foreach (var o in review.Evaluation.Items[0].Options)
        {
            Assert.Equal(o.PvCost, PresentValueBreakdown.Of(o).Total, 1e-6 * o.PvCost);
            Assert.Equal(o.PvCostHardOnly, PresentValueBreakdown.Of(o, hardOnly: true).Total, 1e-6 * o.PvCost);
        }
    }

    [Fact]
    public void The_option_irr_zeroes_the_savings_against_the_status_quo()
    {
        var (_, review) = Led();
        foreach (var o in review.Evaluation.Items[0].Options.Where(o => o.IrrPct is not null))
            Assert.Equal(0, FinanceFormulas.PresentValue(o.Years.Select(y => y.SavingVsStatusQuo).ToList(), o.IrrPct!.Value / 100), 1e-3 * o.Years.Sum(y => Math.Abs(y.SavingVsStatusQuo)));
    }

    [Theory]
    [InlineData(0.05, null, 0.2, 0.1, 0, false, DecisionConfidence.Fragile)]
    [InlineData(0.50, 0.55, 0.2, 0.1, 0, false, DecisionConfidence.Fragile)]
    [InlineData(0.50, 0.90, 0.2, 0.1, 1, false, DecisionConfidence.Fragile)]
    [InlineData(0.50, 0.90, 0.86, 0.1, 0, false, DecisionConfidence.DependsOnEstimates)]
    [InlineData(0.50, 0.90, 0.2, 0.28, 0, false, DecisionConfidence.DependsOnEstimates)]
    [InlineData(0.50, null, 0.2, 0.1, 0, true, DecisionConfidence.DependsOnEstimates)]
    [InlineData(0.10, 0.60, 0.5, 0.25, 0, false, DecisionConfidence.Robust)]
    [InlineData(null, null, 0.0, 0.0, 0, false, DecisionConfidence.Robust)]
    public void The_confidence_rule_applies_its_thresholds(double? flip, double? pCheapest, double soft, double notAssessed, int disagreeing, bool hardDisagrees,
        DecisionConfidence expected) =>
        Assert.Equal(expected, DecisionAnalyzer.Rate(new ConfidenceInputs(soft, flip, pCheapest, notAssessed), disagreeing, hardDisagrees));

    [Fact]
    public void Led_lamps_without_simulation_rests_on_the_present_cost_and_depends_on_its_risk_estimates()
    {
        var (document, review) = Led();
        var item = review.Evaluation.Items[0];
        var d = item.Decision!;
        Assert.Equal("pl-supplier", d.VerdictOptionId);
        Assert.Equal(DecisionView.Tco, d.Basis);
        // Poland saves 1.1 M EUR in present cost (ECB 2025 average: 1 USD = 0.885 EUR), 87% of it from risk and strategic lines
        // (lead-time mismatch, engineering change, 'made in'); its price must rise 14% to flip the comparison, beyond the 10% of a fragile verdict.
        Assert.Equal(DecisionConfidence.DependsOnEstimates, d.Confidence);
        Assert.Equal(0.865, d.ConfidenceInputs.SoftShare, 0.01);
        Assert.Equal(["tco", "tcoHardOnly", "scorecard"], d.Views.Select(v => DecisionAnalyzer.Code(v.View)));
        Assert.Contains(d.Views, v => v.View == DecisionView.TcoHardOnly && v.OptionId == "cn-cm" && !v.Agrees);
        Assert.Contains(d.Reconciliation, r => r.Contains("On hard costs alone Contract manufacturer, Ningbo is cheapest", StringComparison.Ordinal));

        // The nearest flip: the Polish price. At its flip value the two options cost the same in present value (the break-even engine).
        var price = d.Flips.First(f => f.Kind == "input" && f.Input.EndsWith("options[2].production.unitPrice", StringComparison.Ordinal));
        Assert.Equal(0.78, price.Current, 9);
        Assert.Equal("cn-cm", price.Option);
        var moved = new CaseEvaluator().Evaluate(CasePaths.With(document.Case, price.Input, price.FlipsAt), Market.Value, En).Items[0];
        Assert.Equal(moved.Options.Single(o => o.Id == "cn-cm").PvCost, moved.Options.Single(o => o.Id == "pl-supplier").PvCost, 1e-6 * moved.Options[0].PvCost);
        Assert.Equal(0.8909, price.FlipsAt, 3);
        Assert.True(price.RelativeChange > DecisionAnalyzer.FragileChange);

        // A driver's flip, where a single driver's advantage exceeds the gap: its present-value advantage less the gap (closed form).
        var gap = item.Options.Single(o => o.Id == "cn-cm").PvCost - item.Options.Single(o => o.Id == "pl-supplier").PvCost;
        foreach (var driver in d.Flips.Where(f => f.Kind == "driver"))
        {
            Assert.Equal(driver.Current - gap, driver.FlipsAt, 1e-6);
            Assert.Equal(gap / driver.Current, driver.RelativeChange, 1e-12);
        }
        Assert.Equal(d.Flips.OrderBy(f => f.RelativeChange).Select(f => f.Input), d.Flips.Select(f => f.Input));
    }

    [Fact]
    public void With_the_simulation_the_verdict_rests_on_it_and_each_disagreeing_view_has_its_reason()
    {
        var (_, review) = Led(scenarios: 300);
        var d = review.Evaluation.Items[0].Decision!;
        Assert.Equal(DecisionView.Simulation, d.Basis);
        var sim = review.Simulation!.Items[0].Strategies.MinBy(s => s.AnnualCost.Mean)!;
        Assert.Equal(sim.Shares.Where(s => s.Value > 0).Select(s => s.Key), d.VerdictShares.Keys);
        Assert.Equal(["tco", "tcoHardOnly", "scorecard", "simulation"], d.Views.Select(v => DecisionAnalyzer.Code(v.View)));
        Assert.Single(d.Views, v => v.IsBasis);
        // The simulation agrees with the present cost (Poland); the advantage still rests on risk estimates.
        Assert.Equal(DecisionConfidence.DependsOnEstimates, d.Confidence);
        // Each view that disagrees has its reason.
        Assert.Equal(d.Views.Count(v => !v.Agrees && !v.IsBasis), d.Reconciliation.Count);
    }

    [Fact]
    public void Every_example_gets_a_decision_for_every_item()
    {
        foreach (var file in new[] { "led-lamps.yaml", "electronics-china.yaml", "assembly-romania.yaml" })
        {
            var document = CaseFileReader.ReadDocumentFile(Example(file), Market.Value);
            var e = CaseReviewer.Review(document.Case, document.Uncertain, Market.Value, En, new ReviewOptions { Scenarios = 0 }).Evaluation;
            foreach (var item in e.Items)
            {
                Assert.NotNull(item.Decision);
                Assert.NotEmpty(item.Decision!.Verdict);
                Assert.NotEmpty(item.Decision.ConfidenceReasons);
                Assert.Equal(item.RecommendedOptionId, item.Decision.VerdictOptionId);
            }
        }
    }

    [Fact]
    public void A_cancelled_review_stops_with_the_caller_s_token()
    {
        // The simulation runs on its own task beside the evaluation (CaseReviewer): a cancellation must still read as the caller's.
        var document = CaseFileReader.ReadDocumentFile(Example("led-lamps.yaml"), Market.Value);
        using var before = new CancellationTokenSource();
        before.Cancel();
        var e = Assert.ThrowsAny<OperationCanceledException>(() =>
            CaseReviewer.Review(document.Case, document.Uncertain, Market.Value, En, new ReviewOptions { Scenarios = 2000 }, before.Token));
        Assert.Equal(before.Token, e.CancellationToken);
        using var during = new CancellationTokenSource();
        var options = new ReviewOptions { Scenarios = 100_000 };
        during.CancelAfter(TimeSpan.FromMilliseconds(50));
        e = Assert.ThrowsAny<OperationCanceledException>(() => CaseReviewer.Review(document.Case, document.Uncertain, Market.Value, En, options, during.Token));
        Assert.Equal(during.Token, e.CancellationToken);
    }
}
