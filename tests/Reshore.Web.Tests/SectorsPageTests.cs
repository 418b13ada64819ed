using System.Net.Http.Headers;
using Reshore.Data.Examples;

namespace Reshore.Web.Tests;

/// <summary>The sector screen page (issue 19 part 5): the bundled sample and an uploaded BACI file.</summary>
public sealed partial class PageTests
{
    [Fact]
    public async Task The_sector_screen_runs_on_the_bundled_sample_and_on_uploaded_files()
    {
        var (browser, _) = await SignedInWithCase();
        var page = await browser.GetStringAsync("/sectors?shift=30");
        Assert.Contains("id=\"sectors-table\"", page);
        Assert.Contains("EU-strategic", page);
        Assert.Contains("What-if: 30% of their imports", page);
        Assert.Contains("Total", page);

        using var form = new MultipartFormDataContent
        {
            { new StringContent(Token().Match(page).Groups[1].Value), "__RequestVerificationToken" },
            { new StringContent("sectors-upload"), "_handler" },
            { new StringContent("BE"), "country" },
            { new StringContent("50"), "shift" },
        };
        foreach (var (field, name) in new[] { ("trade", "trade-baci-sample.csv"), ("codes", "baci-country-codes.csv"), ("ecosystems", "hs6-ecosystems.csv") })
        {
            var content = new StringContent(ExampleCatalog.Find(name)!.Text);
            content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            form.Add(content, field, name);
        }
        var posted = await (await browser.PostAsync("/sectors", form)).Content.ReadAsStringAsync();
        Assert.Contains("id=\"sectors-table\"", posted);
        Assert.Contains("What-if: 50% of their imports", posted);
        Assert.Contains("trade-baci-sample.csv", posted);

        browser.DefaultRequestHeaders.AcceptLanguage.Clear();
        browser.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("nl-BE"));
        Assert.Contains("Sectorscreening", await browser.GetStringAsync("/sectors"));
    }
}
