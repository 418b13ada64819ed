using System.Text.RegularExpressions;
using Reshore.Core.Optimization;
using Reshore.Reports.Charting;
using ScottPlot.Plottables;

namespace Reshore.Reports.Tests;

/// <summary>Charts: localised titles and labels, culture number format, one series per option or strategy, waterfall arithmetic.</summary>
[Collection(ReportCollection.Name)]
public sealed class ChartTests(ReportFixture f)
{
    [Fact]
    public void Tco_breakdown_has_localised_title_and_axis_in_both_languages()
    {
        var en = f.English_.Evaluation;
        var svg = Charts.ToSvg(Charts.TcoBreakdown(en, en.Items[0], ReportFixture.English));
        Assert.Contains("TCO per unit in year 1 (2027)", svg);
        Assert.Contains("Cost per unit (EUR)", svg);
        Assert.Contains("Production", svg);
        var nl = f.Dutch_.Evaluation;
        var nlSvg = Charts.ToSvg(Charts.TcoBreakdown(nl, nl.Items[0], ReportFixture.Dutch));
        Assert.Contains("TCO per stuk in jaar 1 (2027)", nlSvg);
        Assert.Contains("Kost per stuk (EUR)", nlSvg);
        Assert.DoesNotContain("Cost per unit", nlSvg);
        // Dutch decimals use a comma: per-unit ticks such as 0,2 or 1,4.
        Assert.Matches(new Regex(@">\s*[01],\d\s*<"), nlSvg);
    }

    [Fact]
    public void Horizon_chart_has_one_line_per_option_with_its_name()
    {
        var e = f.English_.Evaluation;
        var item = e.Items[0];
        var plot = Charts.CostOverHorizon(e, item, ReportFixture.English);
        Assert.Equal(item.Options.Count, plot.GetPlottables<Scatter>().Count());
        var svg = Charts.ToSvg(plot);
        Assert.Contains("Net cost per year over the horizon", svg);
        foreach (var o in item.Options) Assert.Contains(o.Name ?? o.Id, svg.Replace("&amp;", "&"));
    }

    [Fact]
    public void Dutch_horizon_chart_formats_thousands_with_dots()
    {
        var e = f.Dutch_.Evaluation;
        var svg = Charts.ToSvg(Charts.CostOverHorizon(e, e.Items[0], ReportFixture.Dutch));
        Assert.Contains("Nettokost per jaar over de horizon", svg);
        Assert.Matches(new Regex(@">\s*\d{1,3}\.\d{3}\.\d{3}\s*<"), svg);
        Assert.DoesNotMatch(new Regex(@">\s*\d{1,3},\d{3},\d{3}\s*<"), svg);
    }

    [Fact]
    public void Waterfall_runs_from_status_quo_to_option_and_adds_up()
    {
        var item = f.English_.Evaluation.Items[0];
        var option = Charts.ComparedOption(item);
        var steps = Charts.WaterfallSteps(item, option, ReportFixture.English);
        var sq = item.Options.Single(o => o.Id == item.StatusQuoOptionId);
        var target = item.Options.Single(o => o.Id == option);
        Assert.True(steps[0].IsTotal && steps[^1].IsTotal);
        Assert.Equal(sq.PvCost, steps[0].End, 6);
        Assert.Equal(target.PvCost, steps[^1].End, 6);
        for (var i = 2; i < steps.Count - 1; i++) Assert.Equal(steps[i - 1].End, steps[i].Start, 6);
        // The categories reconcile with the business case exactly, so no remainder step is needed.
        Assert.Equal(target.PvCost, steps[^2].End, 3);
        Assert.DoesNotContain(steps, s => s.Label == "Other");
    }

    [Fact]
    public void Risk_charts_have_one_series_per_strategy()
    {
        var sim = f.English_.Simulation!.Items[0];
        var histogram = Charts.RiskHistogram(sim, "EUR", ReportFixture.English);
        var cdf = Charts.RiskCdf(sim, "EUR", ReportFixture.English);
        Assert.Equal(sim.Strategies.Count, histogram.GetPlottables<Scatter>().Count());
        Assert.Equal(sim.Strategies.Count, cdf.GetPlottables<Scatter>().Count());
        Assert.Contains("Cumulative distribution of annual cost", Charts.ToSvg(cdf));
        var nlSvg = Charts.ToSvg(Charts.RiskHistogram(f.Dutch_.Simulation!.Items[0], "EUR", ReportFixture.Dutch));
        Assert.Contains("Verdeling van de jaarlijkse kost per strategie", nlSvg);
    }

    [Fact]
    public void Tornado_shows_inputs_and_localised_legend()
    {
        var tornado = Assert.Single(f.Dutch_.Sensitivity);
        var svg = Charts.ToSvg(Charts.Tornado(tornado, f.Document.Case, "EUR", ReportFixture.Dutch));
        Assert.Contains("Invoerwaarde op p10", svg);
        Assert.Contains("eenheidsprijs van Contract manufacturer, Ningbo", svg);
        Assert.DoesNotContain("$.items", svg);
    }

    [Fact]
    public void Frontier_has_a_line_single_sources_and_the_optimum()
    {
        OptimizedStrategy S(double lambda, double cost, double cvar) => new(lambda, [0.5, 0.5], [true, true], 0, 0, cost, cvar, 0.99);
        var opt = new ItemOptimization
        {
            ItemId = "x", Status = "OPTIMAL", RiskAversion = 0.5, Alpha = 0.95, Optimum = S(0.5, 105, 130), OptionIds = ["a", "b"],
            SingleSource = [S(0, 100, 160), S(0, 120, 125)], OutOfSampleSeed = 1, Frontier = [S(0, 100, 150), S(0.5, 105, 130), S(2, 112, 126)],
            Conflicts = [], Explanation = "", Scenarios = 10, Periods = 13,
        };
        var plot = Charts.EfficientFrontier(opt, "EUR", ReportFixture.English);
        Assert.Single(plot.GetPlottables<Scatter>());
        Assert.Equal(3, plot.GetPlottables<Marker>().Count());
        var svg = Charts.ToSvg(plot);
        Assert.Contains("CVaR 95% of the equivalent annual cost (EUR)", svg);
        Assert.Contains("a alone", svg);
    }

    [Fact]
    public void Svg_ids_are_prefixed_so_charts_can_share_a_page()
    {
        var e = f.English_.Evaluation;
        var svg = Charts.ToSvg(Charts.CostOverHorizon(e, e.Items[0], ReportFixture.English), 640, 360, "chart-1");
        Assert.StartsWith("<svg", svg);
        Assert.Contains("viewBox=\"0 0 640 360\"", svg);
        Assert.DoesNotContain("id=\"cl_", svg);
    }
}
