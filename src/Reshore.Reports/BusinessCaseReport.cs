using System.Globalization;
using Reshore.Reports.Document;

namespace Reshore.Reports;

/// <summary>
/// The board-ready business case of a reshoring case, as a self-contained HTML page or a PDF with vector charts. Both show the same content
/// (<see cref="ReportComposer"/>); see docs/reports.md.
/// </summary>
public static class BusinessCaseReport
{
    /// <summary>A self-contained HTML document (inline CSS including print CSS, inline SVG charts) in <paramref name="culture"/>.</summary>
    public static string Html(ReportInput input, CultureInfo culture) => HtmlRenderer.Render(ReportComposer.Compose(input, culture));

    /// <summary>An A4 PDF with embedded DejaVu Sans and the charts as vector graphics, in <paramref name="culture"/>.</summary>
    public static byte[] Pdf(ReportInput input, CultureInfo culture) => PdfRenderer.Render(ReportComposer.Compose(input, culture));

    /// <summary>Page <paramref name="page"/> of the PDF as a PNG (the same drawing onto a bitmap, <paramref name="scale"/> pixels per point).</summary>
    public static byte[] PdfPagePng(ReportInput input, CultureInfo culture, int page = 1, float scale = 2) =>
        PdfRenderer.RenderPagePng(ReportComposer.Compose(input, culture), page, scale);
}
