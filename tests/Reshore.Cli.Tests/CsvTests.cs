using Reshore.Data.ReferenceData;

namespace Reshore.Cli.Tests;

/// <summary>The reference-data CSV reader (RFC 4180: quotes, doubled quotes, embedded newlines; CRLF or LF line ends).</summary>
public sealed class CsvTests
{
    [Fact]
    public void Reads_plain_quoted_and_mixed_fields()
    {
        var rows = Csv.Parse("a,b,c\r\n1, two ,\"3,\"\"x\"\"\r\nnext\"\n\"\"\"q\",p\"q\"r,\r\n\r\n4,5,6", "t.csv");
        Assert.Equal(3, rows.Count);
        Assert.Equal(["1", "two", "3,\"x\"\r\nnext"], rows[0].Values); // quoted text keeps its line break; values are trimmed
        Assert.Equal(["\"q", "pqr", ""], rows[1].Values);
        Assert.Equal(("4", "5", "6"), (rows[2]["a"], rows[2]["b"], rows[2]["c"]));
    }

    [Theory]
    [InlineData("x,y\r\n\"a, b\",\"c\"\r\n", "a, b", "c")]
    [InlineData("x,y\n\"a\nb\",\"c\"", "a\nb", "c")]
    [InlineData("x,y\n\"a\"z,\"c\"\r", "az", "c")]
    [InlineData("x,y\n \"a\",\"\"", "a", "")]
    public void Quoted_fields_end_at_a_comma_a_line_end_or_the_end_of_the_text(string text, string x, string y)
    {
        var row = Csv.Parse(text, "t.csv").Single();
        Assert.Equal((x, y), (row["x"], row["y"]));
    }

    [Theory]
    [InlineData(0.5)]   // a multi-line quoted field across the middle of the text
    [InlineData(0.49)]
    [InlineData(0.2)]
    public void A_long_text_read_in_two_halves_gives_every_row_as_written(double longFieldAt)
    {
        var random = new Random(17);
        var written = new List<string[]>();
        for (var i = 0; i < 6000; i++)
            written.Add([i.ToString(System.Globalization.CultureInfo.InvariantCulture),
                random.Next(4) switch { 0 => "plain text", 1 => "with, comma", 2 => "say \"hi\"", _ => "two\nlines" },
                new string('x', random.Next(60))]);
        written[(int)(written.Count * longFieldAt)][2] = string.Join("\n", Enumerable.Repeat("a long \"quoted\", field", 4000));
        static string Quote(string v) => v.IndexOfAny([',', '"', '\n']) >= 0 ? "\"" + v.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : v;
        var text = "id,text,pad\r\n" + string.Concat(written.Select(r => string.Join(",", r.Select(Quote)) + "\r\n"));
        Assert.True(text.Length >= Csv.TwoHalvesFrom);
        var rows = Csv.Parse(text, "t.csv");
        Assert.Equal(written.Count, rows.Count);
        for (var i = 0; i < rows.Count; i++)
            Assert.Equal(written[i].Select(v => v.Trim()), rows[i].Values);
    }

    [Fact]
    public void A_row_error_in_the_second_half_of_a_long_text_names_its_row()
    {
        var lines = Enumerable.Range(0, 20_000).Select(i => $"{i},some text to make the file long").ToList();
        lines[15_000] += ",extra";
        var e = Assert.Throws<FormatException>(() => Csv.Parse("id,text\n" + string.Join("\n", lines), "t.csv"));
        Assert.Equal("t.csv: row 15002 has 3 fields, the header has 2.", e.Message);
    }

    [Fact]
    public void A_row_is_a_map_in_header_order()
    {
        var row = Csv.Parse("x,y\n1,2\n", "t.csv").Single();
        Assert.Equal(["x", "y"], row.Keys);
        Assert.Equal([new KeyValuePair<string, string>("x", "1"), new("y", "2")], row);
        Assert.True(row.TryGetValue("y", out var y) && y == "2");
        Assert.False(row.TryGetValue("z", out _));
        Assert.False(row.ContainsKey("X")); // column names are case-sensitive
        Assert.Throws<KeyNotFoundException>(() => row["z"]);
    }

    [Fact]
    public void A_trailing_comma_at_the_end_of_the_text_is_an_empty_last_field()
    {
        var row = Csv.Parse("x,y\n1,", "t.csv").Single();
        Assert.Equal(["1", ""], row.Values);
    }

    [Theory]
    [InlineData("x,y\n1,2,3\n", "t.csv: row 2 has 3 fields, the header has 2.")]
    [InlineData("x,x\n1,2\n", "t.csv: the header names column 'x' twice.")]
    [InlineData("", "t.csv: empty file.")]
    public void Malformed_files_are_named(string text, string message) =>
        Assert.Equal(message, Assert.Throws<FormatException>(() => Csv.Parse(text, "t.csv")).Message);
}
