using System.Globalization;
using System.Text.Json;
using Reshore.Monitor;
using Xunit.Abstractions;

namespace Reshore.Monitor.Tests;

/// <summary>
/// Precision and recall of the news screener per field on Data/news-labelled.json: 106 texts in the styles of wire copy, newspapers,
/// trade press, press releases, regional news, blogs, opinion and RSS headlines, in English, Dutch, French and German, 59 of them
/// reshoring announcements (labelled with company, destination, jobs and investment where the text states them) and 47 not
/// (offshoring, closures, surveys, opinion, markets, other senses of "back"). Written apart from the glossary: see docs/monitor.md
/// for the measured figures. Fields are measured on the announcements: recall = right / labelled, precision = right / extracted.
/// </summary>
public sealed class ScreeningMeasureTest(ITestOutputHelper output)
{
    private static readonly CultureInfo En = CultureInfo.GetCultureInfo("en");

    private sealed record Money(double Amount, string Currency);
    private sealed record Labelled(string Style, string Lang, bool Reshoring, string? Company, string? Destination, int? Jobs, Money? Investment, string Text);

    private static IReadOnlyList<Labelled> Load() =>
        JsonSerializer.Deserialize<List<Labelled>>(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Data", "news-labelled.json")),
            new JsonSerializerOptions(JsonSerializerDefaults.Web))!;

    /// <summary>Precision and recall of one field.</summary>
    public sealed record Score(string Field, int Labelled, int Extracted, int Right)
    {
        /// <summary>Right / extracted.</summary>
        public double Precision => Extracted == 0 ? 0 : (double)Right / Extracted;
        /// <summary>Right / labelled.</summary>
        public double Recall => Labelled == 0 ? 0 : (double)Right / Labelled;
    }

    private static bool SameCompany(string expected, string? found)
    {
        if (found is null) return false;
        var a = DuplicateDetector.NormalizeName(expected);
        var b = DuplicateDetector.NormalizeName(found);
        return a.Length > 0 && b.Length > 0 && (a == b || DuplicateDetector.NameSimilarity(a, b) >= 0.9);
    }

    private static IReadOnlyList<Score> Measure(IReadOnlyList<Labelled> set)
    {
        var results = set.Select(x => (x, r: NewsScreener.Screen(x.Text, En))).ToList();
        var flagged = results.Count(t => t.r.IsLikelyReshoring);
        var truePositives = results.Count(t => t.r.IsLikelyReshoring && t.x.Reshoring);
        var scores = new List<Score> { new("isReshoring", set.Count(x => x.Reshoring), flagged, truePositives) };
        var positives = results.Where(t => t.x.Reshoring).ToList();
        scores.Add(new("company", positives.Count(t => t.x.Company is not null), positives.Count(t => t.r.Company is not null),
            positives.Count(t => t.x.Company is { } c && SameCompany(c, t.r.Company))));
        scores.Add(new("destination", positives.Count(t => t.x.Destination is not null), positives.Count(t => t.r.Destination is not null),
            positives.Count(t => t.x.Destination is { } d && d == t.r.Destination)));
        scores.Add(new("jobs", positives.Count(t => t.x.Jobs is not null), positives.Count(t => t.r.Draft.JobsCreated is not null),
            positives.Count(t => t.x.Jobs is { } j && j == t.r.Draft.JobsCreated)));
        scores.Add(new("investment", positives.Count(t => t.x.Investment is not null), positives.Count(t => t.r.Draft.Investment is not null),
            positives.Count(t => t.x.Investment is { } m && t.r.Draft.Investment is { } got && got.Currency.ToString() == m.Currency
                && Math.Abs((double)got.Amount - m.Amount) <= 0.01 * m.Amount)));
        return scores;
    }

    [Fact]
    public void The_labelled_set_is_large_and_varied()
    {
        var set = Load();
        Assert.True(set.Count >= 100);
        Assert.All(new[] { "en", "nl", "fr", "de" }, lang => Assert.True(set.Count(x => x.Lang == lang) >= 10, lang));
        Assert.True(set.Select(x => x.Style).Distinct().Count() >= 8);
        Assert.True(set.Count(x => x.Reshoring) >= 40 && set.Count(x => !x.Reshoring) >= 40);
    }

    [Fact]
    public void Precision_and_recall_per_field()
    {
        var scores = Measure(Load());
        foreach (var s in scores)
            output.WriteLine($"{s.Field,-12} labelled {s.Labelled,3}  extracted {s.Extracted,3}  right {s.Right,3}  precision {s.Precision:0.000}  recall {s.Recall:0.000}");
        // Floors a little under the figures measured when the set was made (docs/monitor.md), so a change that makes the
        // screener worse fails here.
        double P(string f) => scores.Single(s => s.Field == f).Precision;
        double R(string f) => scores.Single(s => s.Field == f).Recall;
        Assert.True(P("isReshoring") >= Floors.FlagPrecision && R("isReshoring") >= Floors.FlagRecall, "flag");
        Assert.True(P("company") >= Floors.CompanyPrecision && R("company") >= Floors.CompanyRecall, "company");
        Assert.True(P("destination") >= Floors.DestinationPrecision && R("destination") >= Floors.DestinationRecall, "destination");
        Assert.True(P("jobs") >= Floors.JobsPrecision && R("jobs") >= Floors.JobsRecall, "jobs");
        Assert.True(P("investment") >= Floors.InvestmentPrecision && R("investment") >= Floors.InvestmentRecall, "investment");
    }

    private static class Floors
    {
        // Measured: flag 1.000 / 0.729, company 1.000 / 0.661, destination 0.842 / 0.542, jobs 1.000 / 0.697, investment 1.000 / 0.944.
        public const double FlagPrecision = 0.95, FlagRecall = 0.68, CompanyPrecision = 0.95, CompanyRecall = 0.6, DestinationPrecision = 0.78, DestinationRecall = 0.5;
        public const double JobsPrecision = 0.95, JobsRecall = 0.65, InvestmentPrecision = 0.95, InvestmentRecall = 0.88;
    }
}
