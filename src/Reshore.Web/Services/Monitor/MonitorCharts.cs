using System.Globalization;
using Reshore.Monitor;
using Reshore.Reports.Charting;
using Reshore.Reports;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace Reshore.Web.Services.Monitor;

/// <summary>Bar charts of the monitor's counts, as inline SVG (ScottPlot through <see cref="Charts.ToSvg"/>).</summary>
public static class MonitorCharts
{
    /// <summary>
    /// Horizontal bars of counts, one per row (at most <paramref name="maxBars"/>, largest first as given), labelled with the rows'
    /// labels, in the look of the report charts (<see cref="ReportFonts.Family"/>, Category10). The count axis has whole-number ticks
    /// only. No title inside the chart unless <paramref name="title"/> is given: the page's section heading names it.
    /// </summary>
    public static string Bars(IReadOnlyList<(string Label, double Value)> rows, string? title, string axis, string id, int maxBars = 15)
    {
        var shown = rows.Take(maxBars).ToList();
        ReportFonts.EnsureRegistered();
        var plot = new Plot();
        plot.Font.Set(ReportFonts.Family);
        plot.Axes.Title.Label.FontSize = 15;
        var bars = shown.Select((r, i) => new Bar { Position = shown.Count - 1 - i, Value = r.Value, FillColor = Charts.SeriesColor(0), LineWidth = 0, Size = 0.7 }).ToList();
        var barPlot = plot.Add.Bars(bars);
        barPlot.Horizontal = true;
        plot.Axes.Left.SetTicks(shown.Select((_, i) => (double)(shown.Count - 1 - i)).ToArray(), shown.Select(r => Shorten(r.Label)).ToArray());
        plot.Axes.Bottom.TickGenerator = IntegerTicks(shown.Count == 0 ? 0 : shown.Max(r => r.Value));
        plot.Axes.Margins(left: 0, right: 0.1, bottom: 0.02, top: 0.02);
        if (!string.IsNullOrEmpty(title)) plot.Title(title);
        plot.XLabel(axis);
        var height = Math.Max(160, 60 + 26 * shown.Count);
        return Charts.ToSvg(plot, 720, height, id);
    }

    /// <summary>Ticks at whole numbers only, at a step of 1, 2, 5, 10, 20, 50… that gives at most about eight ticks up to <paramref name="max"/>.</summary>
    internal static NumericManual IntegerTicks(double max)
    {
        var top = Math.Max(1, (long)Math.Ceiling(max * 1.1));
        long step = 1;
        for (long magnitude = 1; top / step > 8; magnitude *= 10)
            foreach (var f in new long[] { 1, 2, 5 })
            {
                step = f * magnitude;
                if (top / step <= 8) break;
            }
        var ticks = new NumericManual();
        for (long v = 0; v <= top; v += step) ticks.AddMajor(v, v.ToString("N0", CultureInfo.CurrentCulture));
        return ticks;
    }

    /// <summary>The bars of one dimension of a statistics result (no title: the section's heading names the dimension).</summary>
    public static string Dimension(MonitorStatisticsResult result, string dimension, string id) =>
        Bars(result.Counts[dimension].Select(r => (r.Label, (double)r.Count)).ToList(), null, L.T("Mon_Web_Cases", "Cases"), id);

    private static string Shorten(string label) => label.Length <= 38 ? label : label[..36] + "…";

    /// <summary>The name of a statistics dimension in the page language.</summary>
    public static string DimensionLabel(string dimension) => dimension switch
    {
        "year" => L.T("Mon_Web_Dim_Year", "Year of announcement"),
        "homeCountry" => L.T("Mon_Web_Dim_HomeCountry", "Home country"),
        "origin" => L.T("Mon_Web_Dim_Origin", "Origin (moved from)"),
        "destination" => L.T("Mon_Web_Dim_Destination", "Destination (moved to)"),
        "sector" => L.T("Mon_Web_Dim_Sector", "Sector (NACE division)"),
        "section" => L.T("Mon_Web_Dim_Section", "Sector (NACE section)"),
        "sizeClass" => L.T("Mon_Web_Dim_SizeClass", "Company size"),
        "function" => L.T("Mon_Web_Dim_Function", "Function moved"),
        "governance" => L.T("Mon_Web_Dim_Governance", "Governance model"),
        "type" => L.T("Mon_Web_Dim_Type", "Type of move"),
        "motive" => L.T("Mon_Web_Dim_Motive", "Motive"),
        "quadrant" => L.T("Mon_Web_Dim_Quadrant", "Motive quadrant (Eurofound)"),
        "status" => L.T("Mon_Web_Dim_Status", "Status"),
        "region" or "eurostatKind" or "direction" or "reversal" => MonitorStatistics.DimensionLabel(CultureInfo.CurrentUICulture, dimension),
        _ => dimension,
    };

    /// <summary>A case's status in the page language.</summary>
    public static string Status(CaseStatus status) => MonitorWorkflow.StatusLabel(CultureInfo.CurrentUICulture, status);
}
