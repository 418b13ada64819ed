using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Reshore.Cli.Tests;

/// <summary>Every English string has a Dutch translation with the same placeholders.</summary>
public sealed partial class ResourceTests
{
    private static Dictionary<string, string> Load(string file) =>
        XDocument.Load(Path.Combine(CliRunner.RepoRoot, "src", "Reshore.Core", "Resources", file)).Root!.Elements("data")
            .ToDictionary(d => d.Attribute("name")!.Value, d => d.Element("value")!.Value);

    [Fact]
    public void Dutch_and_english_resources_have_the_same_keys_and_placeholders()
    {
        var en = Load("Strings.resx");
        var nl = Load("Strings.nl.resx");
        Assert.Empty(en.Keys.Except(nl.Keys));
        Assert.Empty(nl.Keys.Except(en.Keys));
        foreach (var (key, text) in en)
        {
            var expected = Placeholder().Matches(text).Select(m => m.Value).Order();
            var actual = Placeholder().Matches(nl[key]).Select(m => m.Value).Order();
            Assert.True(expected.SequenceEqual(actual), $"{key}: placeholders differ between '{text}' and '{nl[key]}'");
        }
    }

    [GeneratedRegex(@"\{[0-9]+(:[^}]*)?\}")]
    private static partial Regex Placeholder();
}
