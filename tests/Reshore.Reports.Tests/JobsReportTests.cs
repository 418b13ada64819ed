using Reshore.Data.CaseFiles;
using Reshore.Data.ReferenceData;

namespace Reshore.Reports.Tests;

/// <summary>The jobs section of the report (PDF and HTML) for the Metes-like example.</summary>
public sealed class JobsReportTests
{
    [Fact]
    public void The_pdf_and_html_have_a_jobs_section_with_fte_per_year()
    {
        var market = ReferenceDataLoader.Embedded();
        var document = CaseFileReader.ReadDocumentFile(Path.Combine(ReportFixture.RepoRoot, "examples", "enclosures-serbia.yaml"), market);
        var input = ReportBuilder.Build(document, market, ReportFixture.English, new ReportOptions { Scenarios = 0 }, "enclosures-serbia.yaml");
        var text = PdfText.Extract(BusinessCaseReport.Pdf(input, ReportFixture.English));
        Assert.Contains("Jobs and skills", text);
        Assert.Contains("Automation of", text);
        Assert.Contains("78.2", text);                 // the Serbian plant's FTE in 2027: 154,000 h ÷ 1,968.8 h
        var html = BusinessCaseReport.Html(input, ReportFixture.English);
        Assert.Contains("id=\"item-cabinet-ks600-jobs\"", html);
        Assert.Contains("net at home vs status quo", html);
        var dutch = PdfText.Extract(BusinessCaseReport.Pdf(ReportBuilder.Build(document, market, ReportFixture.Dutch, new ReportOptions { Scenarios = 0 }, "x.yaml"), ReportFixture.Dutch));
        Assert.Contains("Jobs en vaardigheden", dutch);
    }
}
