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

    [Fact]
    public void Streamed_rows_come_one_at_a_time_and_a_malformed_row_fails_when_reached()
    {
        using var rows = Csv.Stream("x,y\n1,2\n\n3,4\n5\n", "t.csv").GetEnumerator();
        Assert.True(rows.MoveNext());
        Assert.Equal(["1", "2"], rows.Current.Values);
        Assert.True(rows.MoveNext()); // the blank line is skipped, but counted in the row numbers
        Assert.Equal(["3", "4"], rows.Current.Values);
        Assert.Equal("t.csv: row 5 has 1 fields, the header has 2.", Assert.Throws<FormatException>(() => rows.MoveNext()).Message);
    }

    [Fact]
    public void Repeated_short_values_are_one_string()
    {
        var rows = Csv.Parse("d,s\n2020-01-01,UKGT2020\n2020-01-01,UKGT2020\n", "t.csv");
        Assert.Same(rows[0]["d"], rows[1]["d"]);
        Assert.Same(rows[0]["s"], rows[1]["s"]);
    }
}
