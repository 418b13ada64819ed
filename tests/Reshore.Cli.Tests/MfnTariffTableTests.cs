using System.Text;
using Reshore.Core.MarketData;
using Reshore.Data.ReferenceData;

namespace Reshore.Cli.Tests;

/// <summary>
/// The bundled MFN table is read row by row as codes ask for it (MfnTariffTable); a folder's is read whole. Both must give the same rows
/// and the same answers for every code.
/// </summary>
public sealed class MfnTariffTableTests
{
    private static readonly Lazy<MarketSnapshot> Folder = new(() => ReferenceDataLoader.FromDirectory(Path.Combine(CliRunner.RepoRoot, "reference-data")));

    [Fact]
    public void The_bundled_rows_are_read_on_demand_and_equal_the_rows_read_whole()
    {
        var embedded = ReferenceDataLoader.Embedded();
        Assert.IsAssignableFrom<IPrefixTariffRows>(embedded.Tariffs);
        Assert.IsNotAssignableFrom<IPrefixTariffRows>(Folder.Value.Tariffs);
        Assert.Equal(Folder.Value.Tariffs, embedded.Tariffs);
    }

    [Fact]
    public void Every_code_and_prefix_gets_the_same_answer_from_both()
    {
        var embedded = ReferenceDataLoader.Embedded();
        var codes = Folder.Value.Tariffs.Select(t => t.HsPrefix)
            .SelectMany(c => Enumerable.Range(2, c.Length - 1).Select(n => c[..n]).Append(c + "0").Append(c + "99"))
            .Concat(["0", "9999", "12ab", "8539", "85395200", "72"]).Distinct().ToList();
        var on = new DateOnly(2026, 6, 1);
        foreach (var code in codes)
        {
            Assert.Equal(Folder.Value.RowsCovering(code), embedded.RowsCovering(code));
            Assert.Equal(Folder.Value.MfnTariff(code, on), embedded.MfnTariff(code, on));
            Assert.Equal(Folder.Value.MfnRateLowerBound(code, on), embedded.MfnRateLowerBound(code, on));
        }
    }

    private static readonly Func<IReadOnlyDictionary<string, string>, TariffEntry> Map = r => new TariffEntry
    {
        HsPrefix = r["hs_code"], Description = r["description"],
        MfnDutyPct = new Reshore.Core.Values.SourcedValue(double.Parse(r["rate"], System.Globalization.CultureInfo.InvariantCulture), "test", 2026),
    };

    private static MfnTariffTable? TryTable(string text, params TariffEntry[] listed) =>
        MfnTariffTable.TryCreate(listed, Encoding.UTF8.GetBytes(text), "t.csv", Map);

    private static MfnTariffTable Table(string text, params TariffEntry[] listed) => TryTable(text, listed) ?? throw new InvalidOperationException("not in place");

    [Theory]
    [InlineData("hs_code,description,rate\n\"8539\",lamps,2\n")]
    [InlineData("hs_code,description,rate\n8539 ,lamps,2\n")]
    [InlineData("hs_code,description,rate\n,lamps,2\n")]
    [InlineData("description,hs_code,rate\nlamps,8539,2\n")]
    [InlineData(" hs_code,description,rate\n8539,lamps,2\n")]
    public void A_table_whose_codes_are_not_plain_digits_in_the_first_column_is_not_read_in_place(string text) =>
        // The loader then reads the file whole, which trims and unquotes (a spreadsheet may have quoted the codes).
        Assert.Null(TryTable(text));

    [Fact]
    public void A_table_out_of_code_order_with_quoted_line_breaks_and_crlf_is_indexed_by_code()
    {
        var table = Table("hs_code,description,rate\r\n8539,\"lamps,\nand bulbs\",2\r\n7208,steel,0\r\n853952,LED,2.7\r\n\r\n85,\"chapter \"\"85\"\"\",1\r\n");
        Assert.Equal(["2.7", "2", "1"], new[] { "853952", "8539", "85" }.SelectMany(p => table.WithPrefix(p)).Select(t => t.MfnDutyPct!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal("lamps,\nand bulbs", table.WithPrefix("8539").Single().Description);
        Assert.Equal("chapter \"85\"", table.WithPrefix("85").Single().Description);
        Assert.Equal(["8539", "853952"], table.Below("85").Select(t => t.HsPrefix)); // the file's order
        Assert.Empty(table.WithPrefix("720"));
        Assert.Equal(["8539", "7208", "853952", "85"], table.Select(t => t.HsPrefix));
    }

    [Fact]
    public void Listed_rows_come_before_the_table_s_and_a_bad_line_is_reported_with_its_row_number_when_asked_for()
    {
        var listed = new TariffEntry { HsPrefix = "8539", Description = "listed" };
        var table = Table("hs_code,description,rate\n8539,lamps,2\n7208,steel\n", listed);
        Assert.Equal(["listed", "lamps"], table.WithPrefix("8539").Select(t => t.Description));
        Assert.Equal("t.csv: row 3 has 2 fields, the header has 3.", Assert.Throws<FormatException>(() => table.WithPrefix("7208")).Message);
    }
}
