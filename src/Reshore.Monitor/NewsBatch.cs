using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace Reshore.Monitor;

/// <summary>One article to screen: where it came from, its title, text, link and date when the feed gives them.</summary>
public sealed record NewsItem(string Source, string? Title, string Text, string? Url, DateOnly? Published);

/// <summary>One screened article of a batch, with its rank (1 = most likely a reshoring announcement).</summary>
public sealed record RankedScreening(int Rank, NewsItem Item, ScreeningResult Result);

/// <summary>
/// Batch news screening: reads a folder of articles (.txt, .md, .html; HTML tags stripped) or an RSS 2.0 / Atom feed file, screens
/// every article with <see cref="NewsScreener"/> and ranks them, flagged ones first, then by score. Each result carries a pre-filled
/// draft whose source is the article (title, link, date). Limits: at most <see cref="MaxItems"/> articles a batch, each cut to
/// <see cref="NewsScreener.MaxTextLength"/> characters; feeds are read without DTDs or external entities and at most
/// <see cref="MaxFeedBytes"/> long.
/// </summary>
public static class NewsBatch
{
    /// <summary>Most articles in one batch.</summary>
    public const int MaxItems = 2_000;
    /// <summary>Largest feed file, in bytes.</summary>
    public const long MaxFeedBytes = 20 * 1024 * 1024;

    /// <summary>The articles of a folder or a feed file.</summary>
    public static IReadOnlyList<NewsItem> Read(string path)
    {
        if (Directory.Exists(path))
        {
            return Directory.EnumerateFiles(path).Where(f => Path.GetExtension(f).ToLowerInvariant() is ".txt" or ".md" or ".html" or ".htm")
                .Order(StringComparer.Ordinal).Take(MaxItems)
                .Select(f =>
                {
                    var text = File.ReadAllText(f);
                    if (Path.GetExtension(f).ToLowerInvariant() is ".html" or ".htm") text = StripHtml(text);
                    var firstLine = text.Split('\n', 2)[0].Trim();
                    return new NewsItem(Path.GetFileName(f), firstLine.Length is > 0 and <= 200 ? firstLine : null, Cut(text), null, null);
                }).ToList();
        }
        if (!File.Exists(path)) throw new FileNotFoundException($"No folder or feed file {path}.", path);
        if (new FileInfo(path).Length > MaxFeedBytes) throw new InvalidDataException($"{path} is larger than {MaxFeedBytes / 1024 / 1024} MB.");
        using var stream = File.OpenRead(path);
        return ReadFeed(stream, Path.GetFileName(path));
    }

    /// <summary>The items of an RSS 2.0 or Atom feed. Throws <see cref="InvalidDataException"/> for a file that is neither.</summary>
    public static IReadOnlyList<NewsItem> ReadFeed(Stream stream, string name)
    {
        XDocument doc;
        try
        {
            using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersInDocument = MaxFeedBytes });
            doc = XDocument.Load(reader);
        }
        catch (XmlException e)
        {
            throw new InvalidDataException($"{name} is not a readable RSS or Atom feed: {e.Message}", e);
        }
        XNamespace atom = "http://www.w3.org/2005/Atom";
        var root = doc.Root!;
        IEnumerable<NewsItem> items;
        if (root.Name.LocalName == "rss" || root.Name.LocalName == "RDF")
        {
            items = root.Descendants().Where(e => e.Name.LocalName == "item").Select((e, i) =>
            {
                string? Child(string n) => e.Elements().FirstOrDefault(x => x.Name.LocalName == n)?.Value.Trim();
                var body = Child("encoded") ?? Child("description") ?? "";
                return new NewsItem($"{name}#{i + 1}", Child("title"), Cut(Join(Child("title"), StripHtml(body))), Child("link"), Date(Child("pubDate") ?? Child("date")));
            });
        }
        else if (root.Name == atom + "feed")
        {
            items = root.Elements(atom + "entry").Select((e, i) =>
            {
                var body = e.Element(atom + "content")?.Value ?? e.Element(atom + "summary")?.Value ?? "";
                var link = e.Elements(atom + "link").FirstOrDefault(l => (string?)l.Attribute("rel") is null or "alternate")?.Attribute("href")?.Value;
                var title = e.Element(atom + "title")?.Value.Trim();
                return new NewsItem($"{name}#{i + 1}", title, Cut(Join(title, StripHtml(body))), link, Date(e.Element(atom + "published")?.Value ?? e.Element(atom + "updated")?.Value));
            });
        }
        else throw new InvalidDataException($"{name} is neither an RSS nor an Atom feed (root element <{root.Name.LocalName}>).");
        return items.Take(MaxItems).ToList();
    }

    /// <summary>Screens and ranks the items: flagged first, then by score, then in the order given. Each draft cites its article.</summary>
    public static IReadOnlyList<RankedScreening> Screen(IEnumerable<NewsItem> items, CultureInfo culture, CancellationToken cancellationToken = default)
    {
        var screened = items.Take(MaxItems).Select((item, index) =>
        {
            cancellationToken.ThrowIfCancellationRequested();
            var r = NewsScreener.Screen(item.Text, culture, cancellationToken);
            var source = new CaseSource
            {
                Title = item.Title ?? item.Source, Url = item.Url is { } u && Uri.TryCreate(u, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? u : null, Date = item.Published,
            };
            var draft = r.Draft with { Sources = [source], AnnouncementDate = r.Draft.AnnouncementDate ?? item.Published };
            return (Index: index, Item: item, Result: r with { Draft = draft });
        }).ToList();
        return screened.OrderByDescending(x => x.Result.IsLikelyReshoring).ThenByDescending(x => x.Result.Score).ThenBy(x => x.Index)
            .Select((x, i) => new RankedScreening(i + 1, x.Item, x.Result)).ToList();
    }

    private static string Join(string? title, string body) => string.IsNullOrWhiteSpace(title) || body.StartsWith(title, StringComparison.Ordinal) ? body : title + ".\n" + body;

    private static string Cut(string text) => text.Length <= NewsScreener.MaxTextLength ? text : text[..NewsScreener.MaxTextLength];

    private static readonly Regex Tags = new("<[^>]{0,2000}>", RegexOptions.NonBacktracking);
    private static readonly Regex Blank = new(@"[ \t]+", RegexOptions.NonBacktracking);

    /// <summary>Text of an HTML fragment: tags removed, entities decoded, runs of blanks collapsed.</summary>
    public static string StripHtml(string html) => Blank.Replace(WebUtility.HtmlDecode(Tags.Replace(html, " ")), " ").Trim();

    private static DateOnly? Date(string? text) =>
        text is not null && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var d) ? DateOnly.FromDateTime(d.UtcDateTime) : null;
}
