using System.Globalization;
using Reshore.Core.Costing;
using Reshore.Core.Risk;
using Reshore.Data.CaseFiles;
using Reshore.Data.ReferenceData;

namespace Reshore.Core.Tests.Costing;

/// <summary>The searches (break-even, flips, tornado) use <see cref="CaseEvaluator.PresentCosts"/>: it must give the full evaluation's present costs.</summary>
public class PresentCostsTests
{
    private static readonly Lazy<Reshore.Core.MarketData.MarketSnapshot> Market = new(ReferenceDataLoader.Embedded);

    private static IEnumerable<string> ExampleFiles()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir!.FullName, "Reshore.slnx"))) dir = dir.Parent;
        return Directory.GetFiles(Path.Combine(dir.FullName, "examples"), "*.yaml").Order();
    }

    public static TheoryData<string> Examples => new(ExampleFiles());

    [Theory]
    [MemberData(nameof(Examples))]
    public void Equal_the_full_evaluation_for_every_item_and_option(string path)
    {
        var document = CaseFileReader.ReadDocumentFile(path, Market.Value);
        var evaluator = new CaseEvaluator();
        foreach (var item in document.Case.Items)
        {
            // As the searches do: the item alone, with an input moved off its value.
            var variant = document.Uncertain.FirstOrDefault(u => u.Path.StartsWith("$.items[0].", StringComparison.Ordinal)) is { } u && item.Id == document.Case.Items[0].Id
                ? CasePaths.With(document.Case, u.Path, u.Quantile(0.8))
                : document.Case;
            var full = evaluator.Evaluate(variant with { Items = variant.Items.Where(i => i.Id == item.Id).ToList() }, Market.Value, CultureInfo.InvariantCulture).Items.Single();
            var lean = evaluator.PresentCosts(variant, Market.Value, item.Id, CultureInfo.InvariantCulture);
            Assert.Equal(full.Options.Select(o => o.Id), lean.Select(o => o.Id));
            foreach (var (o, l) in full.Options.Zip(lean))
            {
                Assert.Equal(o.PvCost, l.PvCost);
                Assert.Equal(o.PvCostHardOnly, l.PvCostHardOnly);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void The_simulations_annualised_one_off_costs_equal_the_business_cases(string path)
    {
        // RiskAnalyzer.AnnualisedOneOffCosts takes the transition flows without costing the years: the business case's own figures.
        var document = CaseFileReader.ReadDocumentFile(path, Market.Value);
        var c = document.Case;
        for (var index = 0; index < c.Items.Count; index++)
        {
            var evaluation = new CaseEvaluator().Evaluate(c with { Items = [c.Items[index]] }, Market.Value, CultureInfo.InvariantCulture).Items[0];
            var annuity = Reshore.Core.Costing.Formulas.FinanceFormulas.AnnuityFactor(c.DiscountRatePct / 100, c.HorizonYears);
            var expected = evaluation.Options.Select(o => o.Years.Sum(y => (y.OneOffCosts - y.Incentives - y.ResidualValue) * y.DiscountFactor) / annuity);
            Assert.Equal(expected, RiskAnalyzer.AnnualisedOneOffCosts(c, index, Market.Value));
        }
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void The_engine_without_explanations_gives_the_same_numbers(string path)
    {
        // Searches and the simulation run the engine without notes and sources (TcoCostingEngine.Explains = false).
        var document = CaseFileReader.ReadDocumentFile(path, Market.Value);
        var ctx = new CaseContext(document.Case, Market.Value);
        var (explained, unexplained) = (new TcoCostingEngine(), new TcoCostingEngine(explain: false));
        foreach (var item in document.Case.Items)
            foreach (var option in item.Options)
                for (var year = 1; year <= document.Case.HorizonYears; year++)
                {
                    var full = explained.Calculate(ctx, item, option, year, CultureInfo.GetCultureInfo("nl"));
                    var lean = unexplained.Calculate(ctx, item, option, year, CultureInfo.GetCultureInfo("nl"));
                    Assert.Equal(full.Lines.Select(Numbers), lean.Lines.Select(Numbers));
                    // The lines keep no inputs: the searches read only the amounts, and building the inputs was a third of their allocation.
                    Assert.All(lean.Lines, l => Assert.Empty(l.Inputs));
                    Assert.Equal((full.Volume, full.LeadTimeDays, full.TransitDays, full.LandedValuePerUnit, full.Co2eKgPerUnit, full.LeadTimeKnown),
                        (lean.Volume, lean.LeadTimeDays, lean.TransitDays, lean.LandedValuePerUnit, lean.Co2eKgPerUnit, lean.LeadTimeKnown));
                    // Most notes are left out (those built outside the engine's helpers, e.g. duties', stay).
                    Assert.True(Notes(lean) < Notes(full) / 2, $"{Notes(lean)} of {Notes(full)} characters of notes kept");
                }

        static int Notes(OptionYearResult r) => r.Lines.Sum(l => l.Note?.Length ?? 0);

        static string Numbers(CostLine l) =>
            FormattableString.Invariant($"{l.Factor} {l.Category} {l.Kind} {l.Status} {l.PerUnit:R} {l.PerYear:R} {l.FixedPerUnit:R} {l.Incomplete}");
    }

    [Fact]
    public void An_unknown_item_is_named()
    {
        var document = CaseFileReader.ReadDocumentFile(ExampleFiles().First(), Market.Value);
        var e = Assert.Throws<ArgumentException>(() => new CaseEvaluator().PresentCosts(document.Case, Market.Value, "no-such-item", CultureInfo.InvariantCulture));
        Assert.Contains("no-such-item", e.Message);
    }
}
