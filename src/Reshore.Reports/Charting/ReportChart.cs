using ScottPlot;

namespace Reshore.Reports.Charting;

/// <summary>A chart of a report: a stable id (unique within an item), its localised title and the ScottPlot plot that draws it.</summary>
/// <param name="Id">Id, e.g. "tco-breakdown"; used to make SVG element ids unique when several charts share one HTML page.</param>
/// <param name="Title">Localised title (also drawn on the plot).</param>
/// <param name="Plot">The plot; render it with <see cref="Svg"/>, onto an SKCanvas (PDF) or to PNG.</param>
public sealed record ReportChart(string Id, string Title, Plot Plot)
{
    /// <summary>The chart as a standalone SVG document of <paramref name="width"/> × <paramref name="height"/> pixels that scales with its container.</summary>
    public string Svg(int width = Charts.DefaultWidth, int height = Charts.DefaultHeight) => Charts.ToSvg(Plot, width, height, Id);
}
