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

    [Fact]
    public void An_unknown_item_is_named()
    {
        var document = CaseFileReader.ReadDocumentFile(ExampleFiles().First(), Market.Value);
        var e = Assert.Throws<ArgumentException>(() => new CaseEvaluator().PresentCosts(document.Case, Market.Value, "no-such-item", CultureInfo.InvariantCulture));
        Assert.Contains("no-such-item", e.Message);
    }
}
