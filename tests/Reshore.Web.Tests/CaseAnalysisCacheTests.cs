using System.Globalization;
using Reshore.Data.CaseFiles;
using Reshore.Data.Examples;
using Reshore.Data.ReferenceData;
using Reshore.Web.Services;

namespace Reshore.Web.Tests;

/// <summary>Results are computed once per case version: the same stored text gives the same document, evaluation and tornado.</summary>
public sealed class CaseAnalysisCacheTests
{
    private static string Json(string example) => CaseJson.ToJson(ExampleCatalog.Find(example)!.Text, CaseFormat.Yaml);

    [Fact]
    public void A_stored_version_is_read_evaluated_and_analysed_once()
    {
        var analysis = new CaseAnalysis(ReferenceDataLoader.Embedded());
        var json = Json("electronics-china");
        var document = analysis.Read(json);
        Assert.Same(document, analysis.Read(json));
        var en = CultureInfo.GetCultureInfo("en");
        var evaluation = analysis.Evaluate(document, en);
        Assert.Same(evaluation, analysis.Evaluate(analysis.Read(json), en));
        // Another language is its own evaluation (explanations are translated), with the same numbers.
        var nl = analysis.Evaluate(document, CultureInfo.GetCultureInfo("nl-BE"));
        Assert.NotSame(evaluation, nl);
        Assert.Equal(evaluation.Items[0].Options[0].TcoPerUnit, nl.Items[0].Options[0].TcoPerUnit);
        var tornado = analysis.Tornado(document);
        Assert.NotEmpty(tornado);
        Assert.Same(tornado, analysis.Tornado(document));
        // A new version (any change to the text) is a new document with its own results.
        var edited = json.Replace("\"horizonYears\": 10", "\"horizonYears\": 9", StringComparison.Ordinal);
        Assert.NotEqual(json, edited);
        var other = analysis.Read(edited);
        Assert.NotSame(document, other);
        Assert.NotSame(evaluation, analysis.Evaluate(other, en));
    }

    [Fact]
    public void An_invalid_text_is_not_kept()
    {
        var analysis = new CaseAnalysis(ReferenceDataLoader.Embedded());
        const string bad = "{ \"name\": \"x\", \"items\": [] }";
        Assert.ThrowsAny<Exception>(() => analysis.Read(bad));
        Assert.ThrowsAny<Exception>(() => analysis.Read(bad));
    }
}
