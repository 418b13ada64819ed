using System.Globalization;
using System.Text.RegularExpressions;
using Reshore.Core.Costing;
using Reshore.Core.Domain;
using Reshore.Core.Localization;
using Reshore.Core.Optimization;
using Reshore.Core.Risk;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace Reshore.Reports.Charting;

/// <summary>
/// The charts of the business case, as ScottPlot plots: every title, axis label and legend entry is localised and every tick label is
/// formatted in the culture passed in. Render them with <see cref="ToSvg"/> (web, HTML report) or onto an SKCanvas (PDF report).
/// The chart definitions are documented in docs/reports.md.
/// </summary>
public static partial class Charts
{
    /// <summary>Default SVG width, px.</summary>
    public const int DefaultWidth = 800;
    /// <summary>Default SVG height, px.</summary>
    public const int DefaultHeight = 450;

    private static readonly Color[] Palette = new ScottPlot.Palettes.Category10().Colors;
    private static readonly Color Increase = Color.FromHex("#C0392B");
    private static readonly Color Decrease = Color.FromHex("#27864A");
    private static readonly Color Total = Color.FromHex("#34495E");

    /// <summary>Colour of series <paramref name="index"/> (Category10, cycling).</summary>
    public static Color SeriesColor(int index) => Palette[index % Palette.Length];

    /// <summary>
    /// TCO breakdown: one stacked bar per option, a segment per cost category (or kind) in year 1, per unit or per year. Positive segments
    /// stack up from zero and negative ones (e.g. a "made in" premium) down from zero, so the bar's net height is the TCO.
    /// </summary>
    public static Plot TcoBreakdown(CaseEvaluation evaluation, ItemEvaluation item, CultureInfo culture, CostBasis basis = CostBasis.PerUnit,
        BreakdownGrouping grouping = BreakdownGrouping.Category)
    {
        var plot = NewPlot();
        var factor = basis == CostBasis.PerUnit ? 1 : item.AnnualVolumeUnits;
        var groups = grouping == BreakdownGrouping.Category
            ? Enum.GetValues<CostCategory>().Select(g => (Name: FactorText.Category(g, culture), Value: (Func<OptionEvaluation, double>)(o => o.TcoPerUnitByCategory.GetValueOrDefault(g) * factor))).ToList()
            : Enum.GetValues<CostKind>().Select(g => (Name: FactorText.Kind(g, culture), Value: (Func<OptionEvaluation, double>)(o => o.TcoPerUnitByKind.GetValueOrDefault(g) * factor))).ToList();
        var bars = new List<Bar>();
        var used = new List<int>();
        var up = new double[item.Options.Count];
        var down = new double[item.Options.Count];
        for (var g = 0; g < groups.Count; g++)
        {
            var any = false;
            for (var i = 0; i < item.Options.Count; i++)
            {
                var v = groups[g].Value(item.Options[i]);
                if (Math.Abs(v) < 1e-12) continue;
                any = true;
                var start = v >= 0 ? up[i] : down[i];
                var end = start + v;
                if (v >= 0) up[i] = end;
                else down[i] = end;
                bars.Add(new Bar { Position = i, ValueBase = start, Value = end, FillColor = SeriesColor(g), LineWidth = 0, Size = 0.6 });
            }
            if (any) used.Add(g);
        }
        plot.Add.Bars(bars);
        for (var i = 0; i < item.Options.Count; i++)
            plot.Add.Marker(i, up[i] + down[i], MarkerShape.FilledDiamond, 7, Colors.Black);
        foreach (var g in used)
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = groups[g].Name, FillColor = SeriesColor(g), LineWidth = 0 });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = Text.Get(culture, "Chart_NetTco", "Net TCO"), MarkerShape = MarkerShape.FilledDiamond, MarkerColor = Colors.Black, MarkerSize = 7, LineWidth = 0 });
        OptionTicks(plot.Axes.Bottom, item);
        var currency = evaluation.Currency.ToString();
        plot.Title(basis == CostBasis.PerUnit
            ? Text.Format(culture, "Chart_TcoPerUnitTitle", "TCO per unit in year 1 ({0})", evaluation.BaseYear)
            : Text.Format(culture, "Chart_TcoPerYearTitle", "TCO per year in year 1 ({0})", evaluation.BaseYear));
        plot.YLabel(basis == CostBasis.PerUnit
            ? Text.Format(culture, "Chart_CostPerUnit", "Cost per unit ({0})", currency)
            : Text.Format(culture, "Chart_CostPerYear", "Cost per year ({0})", currency));
        plot.Axes.Left.TickGenerator = Numbers(culture);
        plot.Axes.Margins(bottom: 0);
        if (down.Any(d => d < 0)) plot.Axes.Margins(bottom: 0.05);
        plot.ShowLegend(Edge.Right);
        return plot;
    }

    /// <summary>Cost over the horizon: one line per option, its net cost per calendar year (running cost + one-offs − incentives − residual value), undiscounted.</summary>
    public static Plot CostOverHorizon(CaseEvaluation evaluation, ItemEvaluation item, CultureInfo culture)
    {
        var plot = NewPlot();
        for (var i = 0; i < item.Options.Count; i++)
        {
            var o = item.Options[i];
            var years = o.Years;
            var scatter = plot.Add.Scatter(years.Select(y => (double)(y.Year == 0 ? evaluation.BaseYear - 1 : y.CalendarYear)).ToArray(), years.Select(y => y.NetCost).ToArray(), SeriesColor(i));
            scatter.LegendText = OptionLabel(item, o, culture);
            scatter.LineWidth = o.Id == item.VerdictOptionId ? 3 : 2;
            scatter.MarkerSize = 5;
        }
        plot.Title(Text.Get(culture, "Chart_HorizonTitle", "Net cost per year over the horizon"));
        plot.XLabel(Text.Get(culture, "Chart_Year", "Year"));
        plot.YLabel(Text.Format(culture, "Chart_CostPerYear", "Cost per year ({0})", evaluation.Currency));
        plot.Axes.Bottom.TickGenerator = new NumericAutomatic { LabelFormatter = v => v.ToString("0", CultureInfo.InvariantCulture), IntegerTicksOnly = true };
        plot.Axes.Left.TickGenerator = Numbers(culture);
        plot.ShowLegend(Edge.Right);
        return plot;
    }

    /// <summary>
    /// The steps of the present-value waterfall of <paramref name="optionId"/> against the status quo: the status quo's PV, then per cost
    /// category the PV of (option − status quo) over the horizon, then one-off costs net of residual value and incentives, ending at the
    /// option's PV. Depreciation is left out as in the cash-based business case (new capex enters as a one-off). Steps that round to zero
    /// are dropped; a remainder step appears only if the parts do not add up to PV(option) − PV(status quo).
    /// </summary>
    public static IReadOnlyList<WaterfallStep> WaterfallSteps(ItemEvaluation item, string optionId, CultureInfo culture)
    {
        var sq = item.Options.Single(o => o.Id == item.StatusQuoOptionId);
        var option = item.Options.SingleOrDefault(o => o.Id == optionId) ?? throw new ArgumentException($"Unknown option '{optionId}' in item '{item.Id}'.", nameof(optionId));
        var pvOption = PresentValueBreakdown.Of(option);
        var pvSq = PresentValueBreakdown.Of(sq);
        var changes = Enum.GetValues<CostCategory>().Select(c => (Label: FactorText.Category(c, culture), Change: pvOption.Category(c) - pvSq.Category(c))).ToList();
        changes.Add((Text.Get(culture, "Chart_OneOff", "One-off costs"), pvOption.OneOffNetOfResidual - pvSq.OneOffNetOfResidual));
        changes.Add((Text.Get(culture, "Chart_Incentives", "Incentives"), pvSq.Incentives - pvOption.Incentives));
        var tolerance = 1e-9 * Math.Max(1, Math.Abs(sq.PvCost));
        var remainder = option.PvCost - sq.PvCost - changes.Sum(c => c.Change);
        if (Math.Abs(remainder) > tolerance) changes.Add((Text.Get(culture, "Chart_Remainder", "Other"), remainder));
        var steps = new List<WaterfallStep> { new(Text.Format(culture, "Chart_StatusQuoBar", "Status quo ({0})", sq.Name ?? sq.Id), 0, sq.PvCost, true) };
        var running = sq.PvCost;
        foreach (var (label, change) in changes)
        {
            if (Math.Abs(change) <= tolerance) continue;
            steps.Add(new WaterfallStep(label, running, running + change, false));
            running += change;
        }
        steps.Add(new WaterfallStep(option.Name ?? option.Id, 0, option.PvCost, true));
        return steps;
    }

    /// <summary>
    /// Present-value waterfall of <paramref name="optionId"/> (default: the recommended option, or the best alternative when the status quo
    /// is recommended) against the status quo; see <see cref="WaterfallSteps"/>. Rises are red, falls green, totals dark.
    /// </summary>
    public static Plot PresentValueWaterfall(CaseEvaluation evaluation, ItemEvaluation item, CultureInfo culture, string? optionId = null)
    {
        optionId ??= ComparedOption(item);
        var steps = WaterfallSteps(item, optionId, culture);
        var plot = NewPlot();
        var bars = steps.Select((s, i) => new Bar
        {
            Position = i, ValueBase = s.Start, Value = s.End, Size = 0.6, LineWidth = 0,
            FillColor = s.IsTotal ? Total : s.Change > 0 ? Increase : Decrease,
        }).ToList();
        plot.Add.Bars(bars);
        var labels = steps.Select(s => Shorten(s.Label, 30)).ToArray();
        plot.Axes.Bottom.SetTicks(steps.Select((_, i) => (double)i).ToArray(), labels);
        // Rotated tick labels as in the ScottPlot cookbook: rotate clockwise, anchor at the left, and reserve room for the longest.
        plot.Axes.Bottom.TickLabelStyle.Rotation = 40;
        plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleLeft;
        using (var font = new SkiaSharp.SKFont(ReportFonts.Regular, 12))
        {
            var longest = labels.Max(l => font.MeasureText(l));
            plot.Axes.Bottom.MinimumSize = (float)(longest * Math.Sin(40 * Math.PI / 180)) + 24;
            plot.Axes.Right.MinimumSize = (float)(font.MeasureText(labels[^1]) * Math.Cos(40 * Math.PI / 180)) + 4;
        }
        plot.Title(Text.Format(culture, "Chart_WaterfallTitle", "Present value over {0} years against the status quo", evaluation.HorizonYears));
        plot.YLabel(Text.Format(culture, "Chart_PresentValue", "Present value ({0})", evaluation.Currency));
        plot.Axes.Left.TickGenerator = Numbers(culture);
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = Text.Get(culture, "Chart_Increase", "Raises cost"), FillColor = Increase, LineWidth = 0 });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = Text.Get(culture, "Chart_Decrease", "Lowers cost"), FillColor = Decrease, LineWidth = 0 });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = Text.Get(culture, "Chart_TotalBar", "Total"), FillColor = Total, LineWidth = 0 });
        plot.ShowLegend(Alignment.UpperRight);
        var min = steps.Min(s => Math.Min(s.Start, s.End));
        var max = steps.Max(s => Math.Max(s.Start, s.End));
        plot.Axes.SetLimitsY(Math.Min(0, min), max + 0.15 * (max - Math.Min(0, min)));
        return plot;
    }

    /// <summary>Histogram of annual cost per strategy: a step line per strategy over common bins, as the share of scenarios in each bin.</summary>
    public static Plot RiskHistogram(ItemSimulation simulation, string currency, CultureInfo culture, int bins = 30, IReadOnlyDictionary<string, string>? optionNames = null)
    {
        var plot = NewPlot();
        var samples = simulation.Strategies.Where(s => s.AnnualCostSamples.Count > 0).ToList();
        if (samples.Count > 0)
        {
            var lo = samples.Min(s => s.AnnualCostSamples[0]);
            var hi = samples.Max(s => s.AnnualCostSamples[^1]);
            var width = hi > lo ? (hi - lo) / bins : Math.Max(1, Math.Abs(lo) * 0.01);
            for (var k = 0; k < samples.Count; k++)
            {
                var s = samples[k];
                var counts = new double[bins];
                foreach (var v in s.AnnualCostSamples) counts[Math.Clamp((int)((v - lo) / width), 0, bins - 1)]++;
                // Step line: a point at each bin's left edge, plus the right edge of the last bin, so the shape reads as bars.
                var xs = Enumerable.Range(0, bins + 1).Select(b => lo + b * width).ToArray();
                var ys = counts.Select(c => c / s.AnnualCostSamples.Count).Append(counts[^1] / s.AnnualCostSamples.Count).ToArray();
                var line = plot.Add.Scatter(xs, ys, SeriesColor(k));
                line.ConnectStyle = ConnectStyle.StepHorizontal;
                line.MarkerSize = 0;
                line.LineWidth = 2;
                line.LegendText = StrategyLabel(s, optionNames);
            }
        }
        plot.Title(Text.Get(culture, "Chart_HistogramTitle", "Distribution of annual cost per strategy"));
        plot.XLabel(Text.Format(culture, "Chart_AnnualCost", "Annual cost ({0})", currency));
        plot.YLabel(Text.Get(culture, "Chart_ShareOfScenarios", "Share of scenarios"));
        plot.Axes.Bottom.TickGenerator = Numbers(culture);
        plot.Axes.Left.TickGenerator = new NumericAutomatic { LabelFormatter = v => v.ToString("P0", culture) };
        plot.Axes.Margins(bottom: 0);
        plot.ShowLegend(Edge.Right);
        return plot;
    }

    /// <summary>Empirical CDF of annual cost per strategy: the share of scenarios whose annual cost is at most x (at most 400 points per line).</summary>
    public static Plot RiskCdf(ItemSimulation simulation, string currency, CultureInfo culture, IReadOnlyDictionary<string, string>? optionNames = null)
    {
        var plot = NewPlot();
        var samples = simulation.Strategies.Where(s => s.AnnualCostSamples.Count > 0).ToList();
        for (var k = 0; k < samples.Count; k++)
        {
            var sorted = samples[k].AnnualCostSamples;
            var n = sorted.Count;
            var points = Math.Min(n, 400);
            var idx = Enumerable.Range(0, points).Select(p => points == 1 ? n - 1 : (int)Math.Round((double)p * (n - 1) / (points - 1))).Distinct().ToArray();
            var line = plot.Add.Scatter(idx.Select(i => sorted[i]).ToArray(), idx.Select(i => (i + 1.0) / n).ToArray(), SeriesColor(k));
            line.ConnectStyle = ConnectStyle.StepHorizontal;
            line.MarkerSize = 0;
            line.LineWidth = 2;
            line.LegendText = StrategyLabel(samples[k], optionNames);
        }
        plot.Title(Text.Get(culture, "Chart_CdfTitle", "Cumulative distribution of annual cost"));
        plot.XLabel(Text.Format(culture, "Chart_AnnualCost", "Annual cost ({0})", currency));
        plot.YLabel(Text.Get(culture, "Chart_CdfAxis", "Share of scenarios with annual cost ≤ x"));
        plot.Axes.Bottom.TickGenerator = Numbers(culture);
        plot.Axes.Left.TickGenerator = new NumericAutomatic { LabelFormatter = v => v.ToString("P0", culture) };
        plot.Axes.SetLimitsY(0, 1.02);
        plot.ShowLegend(Edge.Right);
        return plot;
    }

    /// <summary>
    /// Tornado of the PV saving of the compared option against the status quo: per uncertain input a horizontal bar from the base saving to the
    /// saving with the input at its p10 and one to the saving at its p90; widest swing on top (at most <paramref name="maxBars"/> bars).
    /// </summary>
    public static Plot Tornado(TornadoResult tornado, ReshoringCase? reshoringCase, string currency, CultureInfo culture, int maxBars = 12)
    {
        var plot = NewPlot();
        var shown = tornado.Bars.Take(maxBars).ToList();
        var lowColor = SeriesColor(0);
        var highColor = SeriesColor(1);
        var bars = new List<Bar>();
        for (var i = 0; i < shown.Count; i++)
        {
            var b = shown[i];
            var position = shown.Count - 1 - i;
            bars.Add(new Bar { Position = position, ValueBase = tornado.BaseSaving, Value = b.SavingAtLow, FillColor = lowColor, LineWidth = 0, Size = 0.7 });
            bars.Add(new Bar { Position = position, ValueBase = tornado.BaseSaving, Value = b.SavingAtHigh, FillColor = highColor.WithAlpha(0.75), LineWidth = 0, Size = 0.7 });
        }
        var barPlot = plot.Add.Bars(bars);
        barPlot.Horizontal = true;
        var baseLine = plot.Add.VerticalLine(tornado.BaseSaving, 1.5f, Colors.Black);
        baseLine.LinePattern = LinePattern.Dashed;
        plot.Axes.Left.SetTicks(shown.Select((_, i) => (double)(shown.Count - 1 - i)).ToArray(), shown.Select(b => InputLabel(b.Path, reshoringCase, culture)).ToArray());
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = Text.Get(culture, "Chart_AtP10", "Input at its p10"), FillColor = lowColor, LineWidth = 0 });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = Text.Get(culture, "Chart_AtP90", "Input at its p90"), FillColor = highColor.WithAlpha(0.75), LineWidth = 0 });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = Text.Format(culture, "Chart_BaseSaving", "Saving with inputs at their means: {0}", tornado.BaseSaving.ToString("N0", culture)), LineColor = Colors.Black, LineWidth = 1.5f, LinePattern = LinePattern.Dashed });
        string Name(string id) => reshoringCase?.Items.SelectMany(i => i.Options).FirstOrDefault(o => o.Id == id)?.Name ?? id;
        plot.Title(Text.Format(culture, "Chart_TornadoTitle", "Sensitivity of the saving of {0} against {1}", Name(tornado.ComparedOptionId), Name(tornado.StatusQuoOptionId)));
        plot.XLabel(Text.Format(culture, "Chart_Saving", "Present-value saving against the status quo ({0})", currency));
        plot.Axes.Bottom.TickGenerator = Numbers(culture);
        plot.ShowLegend(Edge.Bottom);
        return plot;
    }

    /// <summary>
    /// Efficient frontier of an item's optimisation: expected annual cost against CVaR for each risk aversion λ swept (a line), each option
    /// alone (points) and the chosen optimum (a star).
    /// </summary>
    public static Plot EfficientFrontier(ItemOptimization optimization, string currency, CultureInfo culture, IReadOnlyDictionary<string, string>? optionNames = null)
    {
        var plot = NewPlot();
        if (optimization.Frontier is { Count: > 0 } frontier)
        {
            var ordered = frontier.OrderBy(f => f.Cvar).ToList();
            var line = plot.Add.Scatter(ordered.Select(f => f.Cvar).ToArray(), ordered.Select(f => f.ExpectedCost).ToArray(), SeriesColor(0));
            line.LegendText = Text.Get(culture, "Chart_FrontierLine", "Efficient mixes (λ swept)");
            line.LineWidth = 2;
            line.MarkerSize = 6;
        }
        for (var i = 0; i < optimization.SingleSource.Count; i++)
        {
            if (optimization.SingleSource[i] is not { } alone) continue;
            var point = plot.Add.Marker(alone.Cvar, alone.ExpectedCost, MarkerShape.FilledSquare, 9, SeriesColor(i + 1));
            point.LegendText = Text.Format(culture, "Chart_SingleSource", "{0} alone", optionNames?.GetValueOrDefault(optimization.OptionIds[i]) ?? optimization.OptionIds[i]);
        }
        if (optimization.Optimum is { } best)
        {
            var star = plot.Add.Marker(best.Cvar, best.ExpectedCost, MarkerShape.FilledDiamond, 13, Colors.Black);
            star.LegendText = Text.Format(culture, "Chart_Optimum", "Optimum (λ = {0})", best.RiskAversion.ToString("0.##", culture));
        }
        plot.Title(Text.Get(culture, "Chart_FrontierTitle", "Efficient frontier: expected cost against tail risk"));
        plot.XLabel(Text.Format(culture, "Chart_Cvar", "CVaR {0} of annual cost ({1})", optimization.Alpha.ToString("P0", culture), currency));
        plot.YLabel(Text.Format(culture, "Chart_ExpectedCost", "Expected annual cost ({0})", currency));
        plot.Axes.Bottom.TickGenerator = Numbers(culture);
        plot.Axes.Left.TickGenerator = Numbers(culture);
        plot.ShowLegend(Edge.Right);
        return plot;
    }

    /// <summary>
    /// Every chart of an item that the input supports, ids "item-{id}-…": tco, horizon, waterfall; histogram and cdf when simulated;
    /// tornado when a sensitivity result exists; frontier when the optimisation has one.
    /// </summary>
    public static IReadOnlyList<ReportChart> ForItem(ReportInput input, ItemEvaluation item, CultureInfo culture)
    {
        var e = input.Evaluation;
        var cur = e.Currency.ToString();
        var id = "item-" + item.Id;
        var list = new List<ReportChart>();
        ReportChart Add(string suffix, Plot plot)
        {
            var chart = new ReportChart($"{id}-{suffix}", plot.Axes.Title.Label.Text, plot);
            list.Add(chart);
            return chart;
        }
        Add("present-cost", PresentCostByOption(e, item, culture));
        Add("tco", TcoBreakdown(e, item, culture));
        Add("horizon", CostOverHorizon(e, item, culture));
        Add("waterfall", PresentValueWaterfall(e, item, culture));
        if (input.Simulation?.Items.FirstOrDefault(s => s.ItemId == item.Id) is { } sim && sim.Strategies.Any(s => s.AnnualCostSamples.Count > 0))
        {
            var names = item.Options.ToDictionary(o => o.Id, o => o.Name ?? o.Id);
            Add("histogram", RiskHistogram(sim, cur, culture, optionNames: names));
            Add("cdf", RiskCdf(sim, cur, culture, names));
        }
        if (input.Sensitivity.FirstOrDefault(t => t.ItemId == item.Id) is { Bars.Count: > 0 } tornado) Add("tornado", Tornado(tornado, input.Case, cur, culture));
        if (input.Optimization.FirstOrDefault(o => o.ItemId == item.Id) is { Frontier.Count: > 0 } opt) Add("frontier", EfficientFrontier(opt, cur, culture, item.Options.ToDictionary(o => o.Id, o => o.Name ?? o.Id)));
        return list;
    }

    /// <summary>The option the waterfall compares with the status quo: the recommended one, or the compared alternative (Core's <see cref="ItemEvaluation.ComparedOptionId"/>) when the status quo is recommended.</summary>
    public static string ComparedOption(ItemEvaluation item) =>
        item.RecommendedOptionId != item.StatusQuoOptionId ? item.RecommendedOptionId : item.ComparedOptionId ?? item.StatusQuoOptionId;

    /// <summary>
    /// Present cost by option over the horizon: one horizontal bar per option (net of one-off costs, incentives and residual value), the
    /// verdict in the accent colour, each bar labelled with its value. The chart of the verdict card and of the report's first page.
    /// </summary>
    public static Plot PresentCostByOption(CaseEvaluation evaluation, ItemEvaluation item, CultureInfo culture)
    {
        var plot = NewPlot();
        var n = item.Options.Count;
        var bars = item.Options.Select((o, i) => new Bar
        {
            Position = n - 1 - i, Value = o.PvCost, Size = 0.6, LineWidth = 0,
            FillColor = o.Id == item.VerdictOptionId ? Total : Color.FromHex("#A9B7C6"),
            Label = Number(o.PvCost, culture), CenterLabel = false,
        }).ToList();
        var barPlot = plot.Add.Bars(bars);
        barPlot.Horizontal = true;
        barPlot.ValueLabelStyle.FontName = ReportFonts.Family;
        barPlot.ValueLabelStyle.FontSize = 12;
        plot.Axes.Left.SetTicks(item.Options.Select((_, i) => (double)(n - 1 - i)).ToArray(), item.Options.Select(o => OptionLabel(item, o, culture)).ToArray());
        plot.Title(Text.Format(culture, "Chart_PresentCostTitle", "Present cost over {0} years by option ({1})", evaluation.HorizonYears, evaluation.Currency));
        plot.Axes.Bottom.TickGenerator = Numbers(culture);
        var max = item.Options.Max(o => o.PvCost);
        plot.Axes.SetLimitsX(Math.Min(0, item.Options.Min(o => o.PvCost)), max * 1.25);
        return plot;
    }

    /// <summary>
    /// The plot as an SVG document that scales with its container (viewBox, width 100%). Element ids are prefixed with
    /// <paramref name="idPrefix"/> so several charts can be inlined in one HTML page.
    /// </summary>
    public static string ToSvg(Plot plot, int width = DefaultWidth, int height = DefaultHeight, string? idPrefix = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 50);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 50);
        var svg = plot.GetSvgXml(width, height);
        var start = svg.IndexOf("<svg", StringComparison.Ordinal);
        if (start > 0) svg = svg[start..];
        svg = RootSize().Replace(svg, $"<svg$1 viewBox=\"0 0 {width} {height}\" width=\"100%\" preserveAspectRatio=\"xMidYMid meet\" role=\"img\"", 1);
        if (idPrefix is not null)
        {
            var prefix = Regex.Replace(idPrefix, "[^A-Za-z0-9_-]", "-");
            svg = svg.Replace("id=\"", $"id=\"{prefix}-", StringComparison.Ordinal).Replace("url(#", $"url(#{prefix}-", StringComparison.Ordinal)
                .Replace("xlink:href=\"#", $"xlink:href=\"#{prefix}-", StringComparison.Ordinal);
        }
        return svg;
    }

    [GeneratedRegex("<svg([^>]*?) width=\"\\d+\" height=\"\\d+\"")]
    private static partial Regex RootSize();

    /// <summary>A readable label for an input path ("$.items[0].options[1].production.unitPrice" → "unit price of Supplier near Łódź"), from Core's <see cref="InputText"/>.</summary>
    public static string InputLabel(string path, ReshoringCase? reshoringCase, CultureInfo culture) => InputText.Describe(path, reshoringCase, culture);

    internal static Plot NewPlot()
    {
        ReportFonts.EnsureRegistered();
        var plot = new Plot();
        plot.Font.Set(ReportFonts.Family);
        plot.Legend.FontName = ReportFonts.Family;
        plot.Legend.FontSize = 11;
        plot.Axes.Title.Label.FontSize = 15;
        return plot;
    }

    private static NumericAutomatic Numbers(CultureInfo culture) => new() { LabelFormatter = v => Number(v, culture) };

    /// <summary>A tick label in the culture: thousands separators for large values, up to three decimals for small ones.</summary>
    public static string Number(double value, CultureInfo culture)
    {
        var a = Math.Abs(value);
        if (a < 1e-9) return 0.0.ToString("0", culture);
        return a >= 100 ? value.ToString("N0", culture) : a >= 1 ? value.ToString("#,##0.##", culture) : value.ToString("0.###", culture);
    }

    private static void OptionTicks(IAxis axis, ItemEvaluation item) =>
        axis.SetTicks(item.Options.Select((_, i) => (double)i).ToArray(),
            item.Options.Select(o => Wrap(o.Name ?? o.Id, 18) + (o.Id == item.VerdictOptionId ? " ★" : "")).ToArray());

    private static string OptionLabel(ItemEvaluation item, OptionEvaluation o, CultureInfo culture) =>
        (o.Name ?? o.Id) + (o.Id == item.StatusQuoOptionId ? " " + Text.Get(culture, "Chart_StatusQuoTag", "(status quo)") : "") + (o.Id == item.VerdictOptionId ? " ★" : "");

    private static string StrategyLabel(StrategyResult s, IReadOnlyDictionary<string, string>? optionNames) => s.Name ?? optionNames?.GetValueOrDefault(s.Id) ?? s.Id;

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)].TrimEnd() + "…";

    /// <summary>Breaks a label into lines of at most about <paramref name="width"/> characters at spaces.</summary>
    internal static string Wrap(string text, int width)
    {
        var lines = new List<string>();
        var current = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (current.Length > 0 && current.Length + 1 + word.Length > width)
            {
                lines.Add(current);
                current = word;
            }
            else current = current.Length == 0 ? word : current + " " + word;
        }
        if (current.Length > 0) lines.Add(current);
        return string.Join("\n", lines);
    }
}
