namespace Reshore.Reports.Tests;
[Collection(ReportCollection.Name)]
public sealed class DumpTmp(ReportFixture f)
{
    [Fact]
    public void Dump()
    {
        var pdf = BusinessCaseReport.Pdf(f.English_, ReportFixture.English);
        File.WriteAllText("/tmp/pages.txt", string.Join("\n=====\n", PdfText.Pages(pdf)));
        File.WriteAllBytes("/tmp/page1.png", BusinessCaseReport.PdfPagePng(f.English_, ReportFixture.English));
        File.WriteAllBytes("/tmp/page1-nl.png", BusinessCaseReport.PdfPagePng(f.Dutch_, ReportFixture.Dutch));
        File.WriteAllBytes("/tmp/page2-nl.png", BusinessCaseReport.PdfPagePng(f.Dutch_, ReportFixture.Dutch, 2));
        File.WriteAllBytes("/tmp/report.pdf", pdf);
    }
}
