using System.Net.Http.Headers;

namespace Reshore.Web.Tests;

/// <summary>The jobs section of the results page (issue 19), for the Metes-like example.</summary>
public sealed partial class PageTests
{
    [Fact]
    public async Task The_results_page_shows_jobs_per_option_and_year()
    {
        var (browser, id) = await SignedInWithCase("enclosures-serbia");
        var html = await browser.GetStringAsync($"/cases/{id}");
        Assert.Contains("id=\"jobs-cabinet-ks600\"", html);
        Assert.Contains("Jobs and skills", html);
        Assert.Contains("net at home vs status quo", html);
        Assert.Contains("78.2", html);                               // the Serbian plant's FTE in 2027
        Assert.Contains("Automation of", html);
        browser.DefaultRequestHeaders.AcceptLanguage.Clear();
        browser.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("nl-BE"));
        var dutch = await browser.GetStringAsync($"/cases/{id}");
        Assert.Contains("Jobs en vaardigheden", dutch);
    }
}
