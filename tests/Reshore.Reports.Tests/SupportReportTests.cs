using Reshore.Data.CaseFiles;
using Reshore.Data.ReferenceData;

namespace Reshore.Reports.Tests;

/// <summary>The support section of the report (PDF and HTML) for the Metes-like example (docs/model.md §21).</summary>
public sealed class SupportReportTests
{
    [Fact]
    public void The_pdf_and_html_show_the_incentive_to_flip_and_the_state_aid_flags()
    {
        var market = ReferenceDataLoader.Embedded();
        var document = CaseFileReader.ReadDocumentFile(Path.Combine(ReportFixture.RepoRoot, "examples", "enclosures-serbia.yaml"), market);
        var input = ReportBuilder.Build(document, market, ReportFixture.English, new ReportOptions { Scenarios = 0 }, "enclosures-serbia.yaml");
        var text = PdfText.Extract(BusinessCaseReport.Pdf(input, ReportFixture.English));
        Assert.Contains("Support instruments and what it would take", text);
        Assert.Contains("94,400", text);               // 8% strategic transformation support on 1,180,000 of investment
        Assert.Contains("GBER", text);
        var html = BusinessCaseReport.Html(input, ReportFixture.English);
        Assert.Contains("id=\"item-cabinet-ks600-support\"", html);
        Assert.Contains("Extra incentive to be the cheapest", html);
        var dutch = PdfText.Extract(BusinessCaseReport.Pdf(ReportBuilder.Build(document, market, ReportFixture.Dutch, new ReportOptions { Scenarios = 0 }, "x.yaml"), ReportFixture.Dutch));
        Assert.Contains("Steuninstrumenten", dutch);
    }
}
