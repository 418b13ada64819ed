namespace Reshore.Monitor;

/// <summary>
/// Where a case was reported: a press release, newspaper article, report. <see cref="Lines"/> points into a long document
/// (for the seed cases: line numbers of the SERV study's text).
/// </summary>
public sealed record CaseSource
{
    /// <summary>Title of the article or document. Required.</summary>
    public required string Title { get; init; }
    /// <summary>Publisher (newspaper, agency, company, institution).</summary>
    public string? Publisher { get; init; }
    /// <summary>Publication date, when known.</summary>
    public DateOnly? Date { get; init; }
    /// <summary>Absolute http(s) URL, when there is one.</summary>
    public string? Url { get; init; }
    /// <summary>ISO 639-1 language of the source (nl, en, fr, de, …).</summary>
    public string? Language { get; init; }
    /// <summary>Line range or page inside the document, e.g. "2294–2314".</summary>
    public string? Lines { get; init; }
}
