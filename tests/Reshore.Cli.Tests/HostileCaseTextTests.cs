using System.Text;
using Reshore.Core.Validation;
using Reshore.Data.CaseFiles;
using Reshore.Data.ReferenceData;
using Reshore.Tests.Shared;

namespace Reshore.Cli.Tests;

/// <summary>
/// Case text built to hurt the reader (issue 20, items 1 and 2; issue 12, item 4): deep nesting, alias bombs, unclosed
/// brackets, tabs, numbers beyond double. Each is a clear error with a line, never a crash.
/// </summary>
public sealed class HostileCaseTextTests
{
    private static string Nested(int depth) => HostileInputs.DeepYaml(depth);

    private static string BillionLaughs() => HostileInputs.BillionLaughs();

    private static string NestedMappings(int depth) => string.Concat(Enumerable.Repeat("{a: ", depth)) + "1" + new string('}', depth) + "\n";

    private static string BlockNested(int depth)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < depth; i++) sb.Append(' ', 2 * i).Append("a:\n");
        return sb.Append(' ', 2 * depth).Append("b\n").ToString();
    }

    // The reader keeps its own stack: it must not need the thread's. 256 KB is a fraction of the 1.5 MB a thread-pool thread has.
    private static Exception? OnSmallStack(Action action)
    {
        Exception? caught = null;
        var thread = new Thread(() =>
        {
            try { action(); }
            catch (Exception e) { caught = e; }
        }, maxStackSize: 256 * 1024);
        thread.Start();
        thread.Join();
        return caught;
    }

    [Theory]
    [InlineData(100_000)]
    [InlineData(10_000)]
    [InlineData(1_000)]
    [InlineData(65)]
    public void Nesting_deeper_than_64_is_refused_at_the_65th_level_without_deep_recursion(int depth)
    {
        var e = OnSmallStack(() => YamlNodeReader.Read(Nested(depth)));
        var syntax = Assert.IsType<CaseSyntaxException>(e);
        Assert.Contains("more than 64 levels", syntax.Message);
        Assert.Equal((1, 65), (syntax.Line, syntax.Column));
    }

    [Fact]
    public void Nesting_of_64_levels_is_read()
    {
        var node = YamlNodeReader.Read(Nested(64));
        for (var i = 0; i < 63; i++) node = Assert.Single(Assert.IsType<SequenceNode>(node).Items);
        Assert.Empty(Assert.IsType<SequenceNode>(node).Items);
    }

    [Fact]
    public void Deep_flow_mappings_and_deep_block_mappings_are_refused_too()
    {
        var flow = Assert.IsType<CaseSyntaxException>(OnSmallStack(() => YamlNodeReader.Read(NestedMappings(50_000))));
        Assert.Contains("more than 64 levels", flow.Message);
        var block = Assert.IsType<CaseSyntaxException>(OnSmallStack(() => YamlNodeReader.Read(BlockNested(1_000))));
        Assert.Contains("more than 64 levels", block.Message);
        Assert.Equal(65, block.Line);
    }

    [Fact]
    public void Json_nesting_has_the_same_limit()
    {
        var e = Assert.Throws<CaseSyntaxException>(() => JsonNodeReader.Read(Nested(100_000)));
        Assert.Contains("depth", e.Message, StringComparison.OrdinalIgnoreCase);
        JsonNodeReader.Read(Nested(64));
    }

    [Fact]
    public void A_billion_laughs_is_refused_before_anything_is_expanded()
    {
        var text = BillionLaughs();
        Assert.Equal(342, Encoding.UTF8.GetByteCount(text));
        var e = Assert.Throws<CaseSyntaxException>(() => CaseJson.ToNode(text, CaseFormat.Yaml));
        Assert.Contains("repeat more than 100,000 values", e.Message);
        Assert.Equal(6, e.Line);
    }

    [Fact]
    public void Ordinary_aliases_still_work()
    {
        const string yaml = "base: &base {unitPrice: 4.2, moq: 100}\ncopies: [*base, *base, *base]\n";
        var json = CaseJson.ToJson(yaml, CaseFormat.Yaml);
        Assert.Equal(3, System.Text.Json.Nodes.JsonNode.Parse(json)!["copies"]!.AsArray().Count);
        Assert.Equal(4.2, (double)System.Text.Json.Nodes.JsonNode.Parse(json)!["copies"]![2]!["unitPrice"]!);
    }

    [Theory]
    [InlineData("name: x\nitems: [a, b\nother: 1\n", "'[' at line 2, column 8", 2, 8)]
    [InlineData("name: {x\nb: 2\n", "'{' at line 1, column 7", 1, 7)]
    [InlineData("a:\n  - {b: 1\n  - c\n", "'{' at line 2, column 5", 2, 5)]
    [InlineData("name: x\nitems: [1, 2\n", "did not find expected ',' or ']'", 3, 1)]
    [InlineData("a: {\n", "did not find expected node content", 2, 1)]
    public void An_unclosed_bracket_is_a_syntax_error_with_its_position(string yaml, string message, int line, int column)
    {
        var e = Assert.Throws<CaseSyntaxException>(() => YamlNodeReader.Read(yaml));
        Assert.Contains(message, e.Message);
        Assert.Equal((line, column), (e.Line, e.Column));
    }

    [Fact]
    public void A_tab_used_as_indentation_is_reported_on_its_own_line()
    {
        var e = Assert.Throws<CaseSyntaxException>(() => YamlNodeReader.Read("name: x\nitems:\n\t- a\n"));
        Assert.Contains("tab", e.Message);
        Assert.Equal((3, 1), (e.Line, e.Column));
        var later = Assert.Throws<CaseSyntaxException>(() => YamlNodeReader.Read("name: x\nitems:\n  - a\n  -\tb\n  - c\n \t- d\n"));
        Assert.Equal(6, later.Line);
    }

    [Fact]
    public void A_key_given_twice_in_one_object_is_refused_with_both_lines()
    {
        // Found by the fuzz test: the second value silently replaced the first in the CLI, and the web app answered 500.
        var yaml = Assert.Throws<CaseSyntaxException>(() => YamlNodeReader.Read("name: a\nitems:\n  - id: x\n    id: y\n"));
        Assert.Equal("The key 'id' appears twice in the same object (first at line 3, column 5).", yaml.Message);
        Assert.Equal((4, 5), (yaml.Line, yaml.Column));
        var json = Assert.Throws<CaseSyntaxException>(() => JsonNodeReader.Read("{\"name\": \"a\",\n \"name\": \"b\"}"));
        Assert.Equal(2, json.Line);
        Assert.Contains("appears twice", json.Message);
        YamlNodeReader.Read("a: {id: 1}\nb: {id: 2}\n");
    }

    [Fact]
    public void A_number_beyond_double_is_out_of_range_at_its_path()
    {
        var market = ReferenceDataLoader.Embedded();
        var led = File.ReadAllText(Path.Combine(CliRunner.RepoRoot, "examples", "led-lamps.yaml"));
        var e = Assert.Throws<CaseValidationException>(() => CaseFileReader.ReadDocument(led.Replace("discountRatePct: 8", "discountRatePct: 1e999"), CaseFormat.Yaml, "led.yaml", market));
        var error = Assert.Single(e.Errors);
        Assert.Equal("$.discountRatePct", error.Path);
        Assert.Contains("1e999 is out of range", error.Message);
        var syntax = Assert.Throws<CaseSyntaxException>(() => CaseJson.ToJson("{\"a\": 1e999}", CaseFormat.Json));
        Assert.Contains("out of range", syntax.Message);
    }

    [Fact]
    public void The_cli_answers_a_deep_file_with_exit_code_2()
    {
        var r = CliRunner.Run("evaluate", CliRunner.TempFile(Nested(100_000), ".yaml"));
        Assert.True(r.ExitCode == 2, r.Error);
        Assert.Contains(":1:65", r.Error);
        Assert.DoesNotContain("   at ", r.Error);
        var laughs = CliRunner.Run("evaluate", CliRunner.TempFile(BillionLaughs(), ".yaml"));
        Assert.True(laughs.ExitCode == 2, laughs.Error);
        Assert.Contains("repeat more than 100,000 values", laughs.Error);
    }
}
