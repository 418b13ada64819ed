using System.Globalization;
using Reshore.Monitor;
using Reshore.Reports;
using Reshore.Reports.Charting;
using ScottPlot;

namespace Reshore.Web.Services.Monitor;

/// <summary>
/// The flow map of the public monitor: Europe in a plain equirectangular projection (x = longitude × cos 50°, y = latitude),
/// one dot per country at an approximate centre (for drawing only), and one arrow per origin → destination with a width by the
/// number of cases; reshoring arrows in blue, offshoring in orange. Places far from Europe (China, India, the Americas, the
/// regions "Asia" and "low-wage countries") sit at the edge of the map in their direction, labelled. No tiles and no country
/// outlines: nothing is fetched, and the same plot gives the SVG on the page and the PNG download.
/// </summary>
public static class MonitorMap
{
    /// <summary>One flow: from, to, direction, cases and jobs (a case's jobs divided evenly over its origins, rounded down).</summary>
    public sealed record Flow(string From, string To, CaseDirection Direction, int Cases, int Jobs);

    // Approximate centres (latitude, longitude), for placing dots only.
    private static readonly Dictionary<string, (double Lat, double Lon)> Centres = new(StringComparer.Ordinal)
    {
        ["BE"] = (50.6, 4.6), ["NL"] = (52.2, 5.6), ["LU"] = (49.8, 6.1), ["DE"] = (51.1, 10.4), ["FR"] = (46.6, 2.4), ["GB"] = (53.0, -1.8), ["IE"] = (53.2, -8.0),
        ["ES"] = (40.3, -3.7), ["PT"] = (39.6, -8.0), ["IT"] = (42.8, 12.6), ["CH"] = (46.8, 8.2), ["AT"] = (47.6, 14.1), ["DK"] = (56.0, 9.5), ["SE"] = (62.0, 15.5),
        ["NO"] = (61.5, 9.0), ["FI"] = (63.5, 26.0), ["PL"] = (52.1, 19.4), ["CZ"] = (49.8, 15.5), ["SK"] = (48.7, 19.7), ["HU"] = (47.2, 19.4), ["SI"] = (46.1, 14.8),
        ["HR"] = (45.3, 16.0), ["RS"] = (44.0, 20.9), ["BA"] = (44.2, 17.8), ["RO"] = (45.9, 24.9), ["BG"] = (42.7, 25.3), ["GR"] = (39.1, 22.0), ["TR"] = (39.0, 35.0),
        ["EE"] = (58.7, 25.5), ["LV"] = (56.9, 24.6), ["LT"] = (55.3, 23.9), ["UA"] = (49.0, 31.4), ["MD"] = (47.2, 28.5), ["MK"] = (41.6, 21.7), ["AL"] = (41.1, 20.1),
        ["MA"] = (31.8, -7.1), ["TN"] = (34.0, 9.5), ["DZ"] = (32.0, 3.0), ["EG"] = (30.0, 31.0), ["MT"] = (35.9, 14.4), ["CY"] = (35.1, 33.2), ["IS"] = (64.9, -18.6),
    };

    // Far places: anchored at the edge of the map in their direction.
    private static readonly Dictionary<string, (double Lat, double Lon)> Edge = new(StringComparer.Ordinal)
    {
        ["CN"] = (44, 46), ["ASIA"] = (41, 46), ["IN"] = (35, 46), ["VN"] = (38, 46), ["TH"] = (37, 46), ["BD"] = (36, 46), ["ID"] = (33, 46), ["MY"] = (34, 46),
        ["TW"] = (43, 46), ["JP"] = (47, 46), ["KR"] = (46, 46), ["RU"] = (58, 42), ["LWC"] = (32, 40), ["EEUR"] = (50, 30),
        ["US"] = (45, -20), ["MX"] = (38, -20), ["CA"] = (52, -20), ["BR"] = (33, -20),
    };

    private const double Aspect = 0.643; // cos 50°

    private static (double X, double Y)? Place(string code)
    {
        if (Centres.TryGetValue(code, out var c) || Edge.TryGetValue(code, out c)) return (c.Lon * Aspect, c.Lat);
        return null;
    }

    /// <summary>The flows of the cases, largest first.</summary>
    public static IReadOnlyList<Flow> Flows(IEnumerable<MonitorCase> cases)
    {
        var tally = new Dictionary<(string, string, CaseDirection), (int Cases, int Jobs)>();
        foreach (var c in cases)
        {
            if (c.Origins.Count == 0 || string.IsNullOrEmpty(c.Destination)) continue;
            var share = (c.JobsCreated ?? 0) / c.Origins.Count;
            foreach (var o in c.Origins.Distinct())
            {
                var key = (o, c.Destination, c.Direction);
                var (n, j) = tally.GetValueOrDefault(key);
                tally[key] = (n + 1, j + share);
            }
        }
        return tally.Select(kv => new Flow(kv.Key.Item1, kv.Key.Item2, kv.Key.Item3, kv.Value.Cases, kv.Value.Jobs))
            .OrderByDescending(f => f.Cases).ThenBy(f => f.From, StringComparer.Ordinal).ThenBy(f => f.To, StringComparer.Ordinal).ToList();
    }

    /// <summary>The map as a plot, with the size to draw it at.</summary>
    public static (Plot Plot, int Width, int Height) Plot(IEnumerable<MonitorCase> cases, CultureInfo culture)
    {
        ReportFonts.EnsureRegistered();
        var flows = Flows(cases);
        var plot = new Plot();
        plot.Font.Set(ReportFonts.Family);
        var reshoring = Charts.SeriesColor(0);
        var offshoring = Charts.SeriesColor(1);
        // Faint dots for every European country, so the shape of Europe shows.
        foreach (var (code, (lat, lon)) in Centres)
        {
            var m = plot.Add.Marker(lon * Aspect, lat, MarkerShape.FilledCircle, 5, Colors.LightGray);
            _ = code;
        }
        var max = flows.Count == 0 ? 1 : flows.Max(f => f.Cases);
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var f in flows)
        {
            if (Place(f.From) is not { } a || Place(f.To) is not { } b || f.From == f.To) continue;
            var arrow = plot.Add.Arrow(new Coordinates(a.X, a.Y), new Coordinates(b.X, b.Y));
            var color = f.Direction == CaseDirection.Offshoring ? offshoring : reshoring;
            arrow.ArrowFillColor = color.WithAlpha(0.75);
            arrow.ArrowLineColor = color;
            arrow.ArrowWidth = (float)(1.5 + 5.0 * f.Cases / max);
            arrow.ArrowheadWidth = arrow.ArrowWidth * 3;
            arrow.ArrowheadLength = arrow.ArrowWidth * 3;
            used.Add(f.From);
            used.Add(f.To);
        }
        foreach (var code in used)
        {
            if (Place(code) is not { } p) continue;
            plot.Add.Marker(p.X, p.Y, MarkerShape.FilledCircle, 8, Colors.Black);
            var label = plot.Add.Text(code, p.X, p.Y + 0.8);
            label.LabelFontSize = 12;
            label.LabelBold = true;
            label.LabelAlignment = Alignment.LowerCenter;
        }
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = MonitorStatistics.Label(culture, "direction", "Reshoring"), FillColor = reshoring });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = MonitorStatistics.Label(culture, "direction", "Offshoring"), FillColor = offshoring });
        plot.Legend.Alignment = Alignment.UpperLeft;
        plot.Axes.SetLimits(-22 * Aspect, 48 * Aspect, 29, 72);
        plot.Axes.Frameless();
        plot.HideGrid();
        return (plot, 720, 560);
    }
}
