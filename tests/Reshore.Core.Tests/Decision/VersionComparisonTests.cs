using System.Text.Json.Nodes;
using Reshore.Core.Decision;

namespace Reshore.Core.Tests.Decision;

/// <summary>Comparing two versions of a case (docs/model.md, "What changed"): inputs by path, option figures and verdicts, worked by hand.</summary>
public sealed class VersionComparisonTests
{
    private const string Before = """
        { "name": "Frames", "discountRatePct": 8,
          "items": [ { "id": "frame", "annualVolume": 10000,
            "options": [
              { "id": "tw", "country": "TW", "production": { "unitPrice": 100 }, "logistics": { "legs": [ { "mode": "sea" } ] } },
              { "id": "be", "country": "BE", "production": { "unitPrice": 120 } } ] } ] }
        """;

    // The price in Genk drops to 105, the options are listed the other way round (no change), the discount rate is
    // removed, a leg is added to Taiwan and a third option appears.
    private const string After = """
        { "name": "Frames",
          "items": [ { "id": "frame", "annualVolume": 10000,
            "options": [
              { "id": "be", "country": "BE", "production": { "unitPrice": 105 } },
              { "id": "tw", "country": "TW", "production": { "unitPrice": 100 }, "logistics": { "legs": [ { "mode": "sea" }, { "mode": "road", "distanceKm": 200 } ] } },
              { "id": "pl", "country": "PL" } ] } ] }
        """;

    [Fact]
    public void Inputs_are_matched_by_id_and_listed_by_path()
    {
        var c = VersionComparison.Compare(JsonNode.Parse(Before), JsonNode.Parse(After), null, null);
        Assert.Equal(
        [
            new InputChange("discountRatePct", "8", null),
            new InputChange("items[frame].options[tw].logistics.legs[1].mode", null, "road"),
            new InputChange("items[frame].options[tw].logistics.legs[1].distanceKm", null, "200"),
            new InputChange("items[frame].options[be].production.unitPrice", "120", "105"),
            new InputChange("items[frame].options[pl].id", null, "pl"),
            new InputChange("items[frame].options[pl].country", null, "PL"),
        ], c.Inputs);
        Assert.Equal(["removed", "added", "added", "changed", "added", "added"], c.Inputs.Select(i => i.Kind));
        Assert.Empty(c.Options);
    }

    [Fact]
    public void Option_figures_and_the_verdict_move_by_the_differences()
    {
        // Before: Taiwan 112.50/unit, present cost 4,500,000; Genk 118.00, 4,720,000, NPV of the saving −220,000 → stay in Taiwan.
        // After: Genk 104.00, 4,160,000 ⇒ NPV 4,500,000 − 4,160,000 = +340,000 → Genk; its NPV moved by 340,000 − (−220,000) = 560,000.
        var before = new CaseOutcome([new ItemOutcome("frame", "tw", [new OptionOutcome("tw", 112.5, 4_500_000, 0), new OptionOutcome("be", 118, 4_720_000, -220_000)])]);
        var after = new CaseOutcome([new ItemOutcome("frame", "be", [new OptionOutcome("tw", 112.5, 4_500_000, 0), new OptionOutcome("be", 104, 4_160_000, 340_000), new OptionOutcome("pl", 109, 4_300_000, 200_000)])]);
        var c = VersionComparison.Compare(JsonNode.Parse(Before), JsonNode.Parse(After), before, after);

        var verdict = Assert.Single(c.Verdicts);
        Assert.True(verdict.Changed);
        Assert.Equal(("tw", "be"), (verdict.Before, verdict.After));
        var be = c.Options.Single(o => o.OptionId == "be");
        Assert.Equal(-14, be.TcoPerUnitDelta!.Value, 1e-9);
        Assert.Equal(-560_000, be.PvCostDelta!.Value, 1e-6);
        Assert.Equal(560_000, be.NpvDelta!.Value, 1e-6);
        var tw = c.Options.Single(o => o.OptionId == "tw");
        Assert.Equal(0, tw.TcoPerUnitDelta);
        var pl = c.Options.Single(o => o.OptionId == "pl");
        Assert.Null(pl.Before);
        Assert.Null(pl.NpvDelta);
        Assert.False(c.IsEmpty);
    }

    [Fact]
    public void Identical_versions_compare_empty()
    {
        var outcome = new CaseOutcome([new ItemOutcome("frame", "tw", [new OptionOutcome("tw", 1, 2, 0)])]);
        var c = VersionComparison.Compare(JsonNode.Parse(Before), JsonNode.Parse(Before), outcome, outcome);
        Assert.Empty(c.Inputs);
        Assert.True(c.IsEmpty);
    }
}
