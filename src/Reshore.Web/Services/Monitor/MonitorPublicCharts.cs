using System.Globalization;
using System.Text;
using Reshore.Monitor;
using Reshore.Reports;
using Reshore.Reports.Charting;
using ScottPlot;

namespace Reshore.Web.Services.Monitor;

/// <summary>
/// The public monitor's charts, each by a name: "dim-{dimension}" (bars of one dimension), "trend-cases" (reshoring and
/// offshoring cases per year), "trend-jobs" (jobs in, out and net per year) and "map" (origins → destinations over Europe).
/// Every chart renders as inline SVG for the page, as PNG for download, and gives its data as CSV rows — one definition, three
/// outputs, so the picture and the numbers can never disagree.
/// </summary>
public static class MonitorPublicCharts
{
    /// <summary>A chart's data: header and rows, as written to CSV.</summary>
    public sealed record ChartData(IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows);

    /// <summary>True for a chart name this class draws.</summary>
    public static bool IsKnown(string name) =>
        name is "trend-cases" or "trend-jobs" or "map" || (name.StartsWith("dim-", StringComparison.Ordinal) && MonitorStatistics.Dimensions.Contains(name[4..]));

    /// <summary>The plot and the size it is drawn at.</summary>
    public static (Plot Plot, int Width, int Height) Plot(string name, MonitorStatisticsResult result, IReadOnlyList<MonitorCase> cases, CultureInfo culture)
    {
        ReportFonts.EnsureRegistered();
        return name switch
        {
            "trend-cases" => (TrendCases(result, culture), 640, 300),
            "trend-jobs" => (TrendJobs(result, culture), 640, 300),
            "map" => MonitorMap.Plot(cases, culture),
            _ => Bars(result, name[4..], culture),
        };
    }

    /// <summary>The chart's data.</summary>
    public static ChartData Data(string name, MonitorStatisticsResult result, IReadOnlyList<MonitorCase> cases, CultureInfo culture)
    {
        var inv = CultureInfo.InvariantCulture;
        if (name is "trend-cases" or "trend-jobs")
            return new(["year", "reshoringCases", "offshoringCases", "netCases", "reshoringJobs", "offshoringJobs", "netJobs"],
                Years(result).Select(r => (IReadOnlyList<string>)[r.Key, r.ReshoringCases.ToString(inv), r.OffshoringCases.ToString(inv), r.NetCases.ToString(inv),
                    r.ReshoringJobs.ToString(inv), r.OffshoringJobs.ToString(inv), r.NetJobs.ToString(inv)]).ToList());
        if (name == "map")
            return new(["origin", "destination", "direction", "cases", "jobs"],
                MonitorMap.Flows(cases).Select(f => (IReadOnlyList<string>)[f.From, f.To, f.Direction.ToString(), f.Cases.ToString(inv), f.Jobs.ToString(inv)]).ToList());
        var d = name[4..];
        return new(["key", "label", "cases"], result.Counts[d].Select(r => (IReadOnlyList<string>)[r.Key, r.Label, r.Count.ToString(inv)]).ToList());
    }

    /// <summary>CSV text of a chart's data (UTF-8 with BOM when written by the endpoint).</summary>
    public static string Csv(ChartData data)
    {
        var sb = new StringBuilder();
        static string Esc(string s)
        {
            if (s.Length > 0 && s[0] is '=' or '+' or '-' or '@' && !double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out _)) s = "'" + s;
            return s.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;
        }
        sb.Append(string.Join(",", data.Header.Select(Esc))).Append("\r\n");
        foreach (var row in data.Rows) sb.Append(string.Join(",", row.Select(Esc))).Append("\r\n");
        return sb.ToString();
    }

    /// <summary>Inline SVG of a chart.</summary>
    public static string Svg(string name, MonitorStatisticsResult result, IReadOnlyList<MonitorCase> cases, CultureInfo culture)
    {
        var (plot, w, h) = Plot(name, result, cases, culture);
        return Charts.ToSvg(plot, w, h, "mon-" + name);
    }

    /// <summary>PNG bytes of a chart (twice the page size, for print).</summary>
    public static byte[] Png(string name, MonitorStatisticsResult result, IReadOnlyList<MonitorCase> cases, CultureInfo culture)
    {
        var (plot, w, h) = Plot(name, result, cases, culture);
        plot.ScaleFactor = 2;
        return plot.GetImageBytes(w * 2, h * 2, ImageFormat.Png);
    }

    private static IReadOnlyList<BalanceRow> Years(MonitorStatisticsResult result) =>
        result.Balance?.Groups.TryGetValue("year", out var rows) == true ? rows.Where(r => r.Key != MonitorStatistics.Unknown).ToList() : [];

    private static Plot NewPlot()
    {
        var plot = new Plot();
        plot.Font.Set(ReportFonts.Family);
        plot.Axes.Bottom.TickLabelStyle.FontSize = 11;
        plot.Axes.Left.TickLabelStyle.FontSize = 11;
        return plot;
    }

    /// <summary>Compact horizontal bars: the eight largest keys of a dimension.</summary>
    private static (Plot, int, int) Bars(MonitorStatisticsResult result, string dimension, CultureInfo culture)
    {
        var rows = result.Counts[dimension].Take(8).ToList();
        var plot = NewPlot();
        var bars = rows.Select((r, i) => new Bar { Position = rows.Count - 1 - i, Value = r.Count, FillColor = Charts.SeriesColor(0), LineWidth = 0, Size = 0.7 }).ToList();
        var barPlot = plot.Add.Bars(bars);
        barPlot.Horizontal = true;
        plot.Axes.Left.SetTicks(rows.Select((_, i) => (double)(rows.Count - 1 - i)).ToArray(), rows.Select(r => r.Label.Length <= 30 ? r.Label : r.Label[..28] + "…").ToArray());
        plot.Axes.Bottom.TickGenerator = MonitorCharts.IntegerTicks(rows.Count == 0 ? 0 : rows.Max(r => r.Count));
        plot.Axes.Margins(left: 0, right: 0.1, bottom: 0.02, top: 0.02);
        return (plot, 460, Math.Max(120, 34 + 20 * rows.Count));
    }

    private static Plot TrendCases(MonitorStatisticsResult result, CultureInfo culture)
    {
        var years = Years(result);
        var plot = NewPlot();
        var bars = new List<Bar>();
        for (var i = 0; i < years.Count; i++)
        {
            bars.Add(new Bar { Position = i - 0.2, Value = years[i].ReshoringCases, FillColor = Charts.SeriesColor(0), Size = 0.38, LineWidth = 0 });
            bars.Add(new Bar { Position = i + 0.2, Value = years[i].OffshoringCases, FillColor = Charts.SeriesColor(1), Size = 0.38, LineWidth = 0 });
        }
        plot.Add.Bars(bars);
        plot.Axes.Bottom.SetTicks(years.Select((_, i) => (double)i).ToArray(), years.Select(y => y.Key).ToArray());
        plot.Axes.Left.TickGenerator = MonitorCharts.IntegerTicks(years.Count == 0 ? 0 : years.Max(y => Math.Max(y.ReshoringCases, y.OffshoringCases)));
        plot.YLabel(L.T("Mon_Web_Cases", "Cases"));
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = MonitorStatistics.Label(culture, "direction", "Reshoring"), FillColor = Charts.SeriesColor(0) });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = MonitorStatistics.Label(culture, "direction", "Offshoring"), FillColor = Charts.SeriesColor(1) });
        plot.Legend.Alignment = Alignment.UpperLeft;
        plot.Axes.Margins(bottom: 0);
        return plot;
    }

    private static Plot TrendJobs(MonitorStatisticsResult result, CultureInfo culture)
    {
        var years = Years(result);
        var plot = NewPlot();
        var bars = years.Select((y, i) => new Bar { Position = i, Value = y.NetJobs, FillColor = y.NetJobs >= 0 ? Color.FromHex("#27864A") : Color.FromHex("#C0392B"), Size = 0.6, LineWidth = 0 }).ToList();
        plot.Add.Bars(bars);
        plot.Add.HorizontalLine(0, 1, Colors.Black);
        plot.Axes.Bottom.SetTicks(years.Select((_, i) => (double)i).ToArray(), years.Select(y => y.Key).ToArray());
        plot.YLabel(L.T("Mon_Web_NetJobs", "Net jobs (in − out)"));
        return plot;
    }
}
