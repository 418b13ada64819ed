using PdfSharp.Pdf.IO;
using Reshore.Reports.Document;

namespace Reshore.Reports.Tests;

/// <summary>The business-case report: every section in HTML, Dutch labels and numbers, encoded user text, a real PDF.</summary>
[Collection(ReportCollection.Name)]
public sealed class ReportTests(ReportFixture f)
{
    [Fact]
    public void Html_has_every_section_and_the_recommended_option()
    {
        var html = BusinessCaseReport.Html(f.English_, ReportFixture.English);
        Assert.StartsWith("<!DOCTYPE html>", html);
        var item = f.English_.Evaluation.Items[0];
        foreach (var anchor in ReportComposer.SectionAnchors.Concat(["item-" + item.Id, $"item-{item.Id}-comparison", $"item-{item.Id}-co2e", $"item-{item.Id}-risk",
                     $"item-{item.Id}-sensitivity", $"item-{item.Id}-scorecard"]))
            Assert.Contains($"id=\"{anchor}\"", html);
        foreach (var chart in new[] { "tco", "horizon", "waterfall", "histogram", "cdf", "tornado" })
            Assert.Contains($"<figure id=\"item-{item.Id}-{chart}\"", html);
        Assert.Contains("class=\"verdict-option\">" + HtmlRenderer.Encode(item.Decision!.Verdict) + "</strong>", html);
        foreach (var heading in new[] { "Summary and recommendation", "Option comparison", "Greenhouse-gas emissions (CO2e)", "Risk: simulated equivalent annual cost", "Sensitivity", "Scorecard", "Assumptions and sources", "Method" })
            Assert.Contains(heading, html);
        Assert.Contains("@media print", html);
        Assert.DoesNotContain("<script", html);
        Assert.Contains("Eurostat", html);
    }

    [Fact]
    public void Dutch_report_uses_Dutch_labels_and_number_format()
    {
        var html = BusinessCaseReport.Html(f.Dutch_, ReportFixture.Dutch);
        Assert.Contains("<html lang=\"nl-BE\">", html);
        Assert.Contains("Samenvatting en aanbeveling", html);
        Assert.Contains("Vergelijking van de opties", html);
        Assert.DoesNotContain("Summary and recommendation", html);
        var item = f.Dutch_.Evaluation.Items[0];
        var pv = item.Options.Single(o => o.Id == item.StatusQuoOptionId).PvCost;
        Assert.Contains(pv.ToString("N0", ReportFixture.Dutch), html);
        Assert.Contains(".", pv.ToString("N0", ReportFixture.Dutch));
    }

    [Fact]
    public void User_text_is_html_encoded()
    {
        var input = f.English_ with { Evaluation = f.English_.Evaluation with { CaseName = "Pumps <script>alert('x')</script> & Co" } };
        var html = BusinessCaseReport.Html(input, ReportFixture.English);
        Assert.DoesNotContain("<script>alert", html);
        Assert.Contains("Pumps &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; Co", html);
    }

    [Fact]
    public void Report_without_simulation_or_sensitivity_leaves_those_sections_out()
    {
        var input = f.English_ with { Simulation = null, Sensitivity = [] };
        var html = BusinessCaseReport.Html(input, ReportFixture.English);
        Assert.DoesNotContain("-risk\"", html);
        Assert.DoesNotContain("-tornado\"", html);
        Assert.Contains("id=\"summary\"", html);
    }

    [Fact]
    public void Pdf_is_a_real_pdf_with_pages_and_the_case_name()
    {
        var pdf = BusinessCaseReport.Pdf(f.English_, ReportFixture.English);
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(pdf, 0, 4));
        using var document = PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Import);
        Assert.True(document.PageCount >= 1);
        Assert.Equal(f.English_.Evaluation.CaseName, document.Info.Title);
        var text = PdfText.Extract(pdf);
        Assert.Contains("Summary and recommendation", text);
        Assert.Contains("Option comparison", text);
    }

    [Fact]
    public void Dutch_pdf_has_Dutch_headings()
    {
        var text = PdfText.Extract(BusinessCaseReport.Pdf(f.Dutch_, ReportFixture.Dutch));
        Assert.Contains("Samenvatting en aanbeveling", text);
    }

    [Fact]
    public void Pdf_page_one_is_the_decision_with_verdict_confidence_and_flips()
    {
        var item = f.English_.Evaluation.Items[0];
        var d = item.Decision!;
        var page = Squash(PdfText.Pages(BusinessCaseReport.Pdf(f.English_, ReportFixture.English))[0]);
        Assert.Contains(Squash("Verdict: " + d.Verdict), page);
        Assert.Contains(Squash("Confidence: " + Core.Decision.DecisionAnalyzer.Label(d.Confidence, ReportFixture.English)), page);
        foreach (var flip in d.Flips.Take(3)) Assert.Contains(Squash(char.ToUpperInvariant(flip.Label[0]) + flip.Label[1..]), page);
        Assert.Contains(Squash("Present cost over 10 years by option"), page);
        var png = BusinessCaseReport.PdfPagePng(f.English_, ReportFixture.English);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
    }

    [Fact]
    public void Report_text_has_no_doubled_wording_field_paths_or_option_ids()
    {
        foreach (var (input, culture) in new[] { (f.English_, ReportFixture.English), (f.Dutch_, ReportFixture.Dutch) })
        {
            var text = PdfText.Extract(BusinessCaseReport.Pdf(input, culture));
            Assert.DoesNotContain("Recommendation:", text);
            Assert.DoesNotContain("Aanbeveling:", text);
            Assert.DoesNotContain("$.", text);
            Assert.DoesNotContain("items[", text);
            Assert.DoesNotContain("REFERENCES", text);
            foreach (var o in input.Evaluation.Items[0].Options.Where(o => o.Name is not null))
                Assert.DoesNotContain(Squash(o.Id), Squash(text));
        }
    }

    [Fact]
    public void Pdf_tables_never_break_a_word_or_a_number()
    {
        foreach (var (input, culture) in new[] { (f.Dutch_, ReportFixture.Dutch), (f.English_, ReportFixture.English) })
        {
            var document = ReportComposer.Compose(input, culture);
            foreach (var table in document.Blocks.OfType<TableBlock>())
            {
                var (size, widths) = PdfRenderer.TableLayout(table);
                foreach (var (cells, bold) in table.Rows.Select(r => (r.Cells, r.Emphasis)).Append((table.Header, true)))
                    for (var k = 0; k < cells.Count; k++)
                        foreach (var word in cells[k].Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries))
                            // A URL, file path or data-set identifier in a source note may wrap; words and numbers may not.
                            if (!word.Contains('/') && !word.Contains('_'))
                            Assert.True(PdfRenderer.TextWidth(word, size, bold) <= widths[k] - 2 * PdfRenderer.CellPadding + 0.01f,
                                $"'{word}' ({culture.Name}) is wider than its column in the table '{table.Caption ?? table.Header[0]}'");
            }
        }
    }

    private static string Squash(string s) => System.Text.RegularExpressions.Regex.Replace(s, @"\s+", "");
}
