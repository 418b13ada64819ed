using System.Globalization;
using System.Text;
using Reshore.Monitor;

namespace Reshore.Monitor.Tests;

/// <summary>Batch screening: RSS and Atom feeds, folders, ranking, drafts that cite their article, safe XML.</summary>
public sealed class NewsBatchTest
{
    private static readonly CultureInfo En = CultureInfo.GetCultureInfo("en");

    private const string Rss = """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0"><channel><title>Industry news</title>
          <item><title>Markets close higher</title><description>Shares rose on Monday.</description><link>https://example.org/1</link><pubDate>Mon, 03 Mar 2025 08:00:00 GMT</pubDate></item>
          <item><title>Hydrovalve brings production back to Belgium</title>
            <description>&lt;p&gt;Valve maker Hydrovalve NV will bring production back from China to Belgium, investing EUR 18 million and creating 120 jobs.&lt;/p&gt;</description>
            <link>https://example.org/2</link><pubDate>Tue, 04 Mar 2025 08:00:00 GMT</pubDate></item>
        </channel></rss>
        """;

    [Fact]
    public void Rss_items_are_ranked_and_the_draft_cites_the_article()
    {
        var items = NewsBatch.ReadFeed(new MemoryStream(Encoding.UTF8.GetBytes(Rss)), "feed.xml");
        Assert.Equal(2, items.Count);
        var ranked = NewsBatch.Screen(items, En);
        var top = ranked[0];
        Assert.Equal((1, true), (top.Rank, top.Result.IsLikelyReshoring));
        Assert.Equal("Hydrovalve NV", top.Result.Company);
        Assert.Equal(120, top.Result.Draft.JobsCreated);
        Assert.Equal(18_000_000d, top.Result.Draft.Investment!.Value.Amount);
        var source = Assert.Single(top.Result.Draft.Sources);
        Assert.Equal(("https://example.org/2", new DateOnly(2025, 3, 4)), (source.Url, source.Date));
        Assert.False(ranked[1].Result.IsLikelyReshoring);
    }

    [Fact]
    public void Atom_feeds_and_folders_are_read()
    {
        const string atom = """
            <feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>
              <entry><title>Velomax haalt assemblage terug</title><link href="https://example.org/a"/><published>2024-05-02T10:00:00Z</published>
                <summary>Fietsenbouwer Velomax brengt de assemblage terug van Taiwan naar België. Er komen 75 banen bij.</summary></entry>
            </feed>
            """;
        var entry = Assert.Single(NewsBatch.ReadFeed(new MemoryStream(Encoding.UTF8.GetBytes(atom)), "a.atom"));
        Assert.Equal(("https://example.org/a", new DateOnly(2024, 5, 2)), (entry.Url, entry.Published));
        var folder = Directory.CreateTempSubdirectory("reshore-news-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "a.html"), "<html><body><h1>Lentis</h1><p>Eyewear group Lentis SpA will bring frame production back to Italy from China.</p></body></html>");
            File.WriteAllText(Path.Combine(folder.FullName, "b.txt"), "Weather: sunny spells.");
            File.WriteAllText(Path.Combine(folder.FullName, "c.pdf"), "ignored");
            var items = NewsBatch.Read(folder.FullName);
            Assert.Equal(2, items.Count);
            Assert.DoesNotContain("<p>", items[0].Text, StringComparison.Ordinal);
            Assert.True(NewsBatch.Screen(items, En)[0].Result.IsLikelyReshoring);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Feeds_with_a_dtd_or_another_root_are_refused()
    {
        const string bomb = """<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><rss><channel><item><title>&lol2;</title></item></channel></rss>""";
        Assert.Throws<InvalidDataException>(() => NewsBatch.ReadFeed(new MemoryStream(Encoding.UTF8.GetBytes(bomb)), "bomb.xml"));
        Assert.Throws<InvalidDataException>(() => NewsBatch.ReadFeed(new MemoryStream(Encoding.UTF8.GetBytes("<html/>")), "page.xml"));
    }

    [Theory]
    [InlineData("investing EUR 18 million in Ghent", 18_000_000, "EUR")]
    [InlineData("a €4.5m project", 4_500_000, "EUR")]
    [InlineData("investeert 4,5 miljoen euro", 4_500_000, "EUR")]
    [InlineData("investir 8 millions d'euros", 8_000_000, "EUR")]
    [InlineData("25 Mio. Euro werden investiert", 25_000_000, "EUR")]
    [InlineData("a £2m grant", 2_000_000, "GBP")]
    [InlineData("$1.2 billion plant", 1_200_000_000, "USD")]
    public void Investment_amounts(string text, double amount, string currency)
    {
        var m = NewsScreener.Investment(text)!.Value;
        Assert.Equal((amount, currency), ((double)m.Amount, m.Currency.ToString()));
    }

    [Fact]
    public void Prices_are_not_investments() => Assert.Null(NewsScreener.Investment("a coffee costs €5 in Brussels"));
}
