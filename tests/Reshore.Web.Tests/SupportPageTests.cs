using System.Net.Http.Headers;

namespace Reshore.Web.Tests;

/// <summary>The support section of the results page (issue 19 part 2), for the Metes-like example.</summary>
public sealed partial class PageTests
{
    [Fact]
    public async Task The_results_page_shows_the_incentive_to_flip_and_state_aid_flags()
    {
        var (browser, id) = await SignedInWithCase("enclosures-serbia");
        var html = await browser.GetStringAsync($"/cases/{id}");
        Assert.Contains("id=\"support-cabinet-ks600\"", html);
        Assert.Contains("Support instruments and what it would take", html);
        Assert.Contains("Extra incentive to be the cheapest", html);
        Assert.Contains("GBER", html);
        browser.DefaultRequestHeaders.AcceptLanguage.Clear();
        browser.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("nl-BE"));
        var dutch = await browser.GetStringAsync($"/cases/{id}");
        Assert.Contains("Steuninstrumenten en wat nodig is", dutch);
    }
}
