using System.Text.Json;
using MiniExcelLibs;

namespace Reshore.Cli.Tests;

/// <summary>`reshore screen`: the JSON contract of issue #4, file formats and row errors.</summary>
public sealed class ScreenCommandTests
{
    private const string Header = "part_id,description,annual_volume,unit_price,currency,unit_weight_kg,hs_code,current_country,lead_time_days,series_size,complexity,knowledge_intensity,customisation,labour_share_pct";

    [Fact]
    public void The_bundled_parts_list_ranks_with_reasons()
    {
        var r = CliRunner.Run("screen", Path.Combine(CliRunner.RepoRoot, "examples", "parts-list.csv"), "--format", "json", "--top", "50");
        Assert.True(r.ExitCode == 0, r.Error);
        using var doc = JsonDocument.Parse(r.Out);
        Assert.True(doc.RootElement.GetProperty("rowsRead").GetInt32() >= 2000);
        Assert.Equal(0, doc.RootElement.GetProperty("rowsRejected").GetInt32());
        var parts = doc.RootElement.GetProperty("parts").EnumerateArray().ToList();
        Assert.Equal(50, parts.Count);
        for (var i = 0; i < parts.Count; i++)
        {
            foreach (var field in new[] { "id", "rank", "currentCountry", "bestLocation", "estimatedAnnualSaving", "suitability", "reason" })
                Assert.True(parts[i].TryGetProperty(field, out _), $"part lacks {field}");
            Assert.Equal(i + 1, parts[i].GetProperty("rank").GetInt32());
            Assert.False(string.IsNullOrWhiteSpace(parts[i].GetProperty("reason").GetString()));
        }
        Assert.Equal(JsonValueKind.Array, doc.RootElement.GetProperty("rejectedRows").ValueKind);
    }

    [Fact]
    public void Bad_rows_are_reported_with_row_and_column_and_good_rows_still_screen()
    {
        var csv = string.Join('\n',
            Header,
            "A1,good,1000,10,USD,2,85395200,CN,70,2,4,4,4,20",
            "A2,bad volume,-5,10,USD,2,85395200,CN,70,,,,,",
            "A3,bad country,1000,10,USD,2,85395200,XX,70,,,,,",
            "A4,bad trait,1000,10,USD,2,85395200,CN,70,9,,,,",
            "A5,good,500,3.5,EUR,0.4,392690,VN,60,,,,,") + "\n";
        var r = CliRunner.Run("screen", CliRunner.TempFile(csv, ".csv"), "--format", "json");
        Assert.True(r.ExitCode == 0, r.Error);
        using var doc = JsonDocument.Parse(r.Out);
        Assert.Equal(2, doc.RootElement.GetProperty("parts").GetArrayLength());
        Assert.Equal(3, doc.RootElement.GetProperty("rowsRejected").GetInt32());
        var rejected = doc.RootElement.GetProperty("rejectedRows").EnumerateArray().Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("column").GetString())).ToList();
        Assert.Contains((3, "annual_volume"), rejected);
        Assert.Contains((4, "current_country"), rejected);
        Assert.Contains((5, "series_size"), rejected);
        Assert.Contains("row 3, column annual_volume", r.Error);
        Assert.Contains("5 rows read, 2 screened, 3 rejected", r.Error);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_file_where_every_row_is_bad_is_a_user_error_also_with_top(bool withTop)
    {
        var csv = string.Join('\n', Header, "A2,bad volume,-5,10,USD,2,85395200,CN,70,,,,,", "A3,bad country,1000,10,USD,2,85395200,XX,70,,,,,") + "\n";
        string[] args = withTop ? ["screen", CliRunner.TempFile(csv, ".csv"), "--top", "5"] : ["screen", CliRunner.TempFile(csv, ".csv")];
        var r = CliRunner.Run(args);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("None of the 2 rows can be screened", r.Error);
    }

    [Fact]
    public void A_missing_required_column_is_a_user_error()
    {
        var r = CliRunner.Run("screen", CliRunner.TempFile("part_id,unit_price\nA,1\n", ".csv"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("missing required column(s) annual_volume", r.Error);
    }

    [Fact]
    public void Excel_in_and_out_and_csv_out_work()
    {
        var input = Path.Combine(Path.GetTempPath(), $"parts-{Guid.NewGuid():N}.xlsx");
        MiniExcel.SaveAs(input, new[]
        {
            new Dictionary<string, object> { ["part_id"] = "X1", ["annual_volume"] = 1000, ["unit_price"] = 12.5, ["currency"] = "USD", ["unit_weight_kg"] = 1.2, ["hs_code"] = "853710", ["current_country"] = "CN", ["lead_time_days"] = 80 },
            new Dictionary<string, object> { ["part_id"] = "X2", ["annual_volume"] = 0, ["unit_price"] = 12.5, ["currency"] = "USD", ["unit_weight_kg"] = 1.2, ["hs_code"] = "853710", ["current_country"] = "CN", ["lead_time_days"] = 80 },
        });
        var output = Path.Combine(Path.GetTempPath(), $"ranked-{Guid.NewGuid():N}.xlsx");
        var r = CliRunner.Run("screen", input, "--format", "xlsx", "--output", output);
        Assert.True(r.ExitCode == 0, r.Error);
        var ranked = MiniExcel.Query(output, useHeaderRow: true, sheetName: "ranking").Cast<IDictionary<string, object>>().ToList();
        Assert.Single(ranked);
        Assert.Equal("X1", ranked[0]["part_id"]);
        var rejected = MiniExcel.Query(output, useHeaderRow: true, sheetName: "rejected rows").Cast<IDictionary<string, object>>().ToList();
        Assert.Equal("annual_volume", rejected.Single()["column"]);
        var csv = CliRunner.Run("screen", input, "--format", "csv");
        Assert.StartsWith("rank,part_id", csv.Out);
        Assert.Equal(2, CliRunner.Run("screen", input, "--format", "xlsx").ExitCode);
    }

    [Fact]
    public void Csv_output_writes_formula_like_text_as_text()
    {
        // Issue 20, item 9: a part id or description from the parts list must not become a formula in the user's spreadsheet.
        var csv = string.Join('\n',
            Header,
            "@SUM(1+1)*cmd|' /C calc'!A0,=HYPERLINK(\"http://evil.example\"),1000,10,USD,2,85395200,CN,70,2,4,4,4,20",
            "-2+3,+cmd,500,3.5,EUR,0.4,392690,VN,60,,,,,") + "\n";
        var r = CliRunner.Run("screen", CliRunner.TempFile(csv, ".csv"), "--format", "csv");
        Assert.True(r.ExitCode == 0, r.Error);
        var cells = r.Out.Split('\n').Skip(1).Where(l => l.Length > 0).SelectMany(l => l.Split(',')).ToList();
        Assert.Contains("'@SUM(1+1)*cmd|' /C calc'!A0", cells);
        Assert.Contains("'-2+3", cells);
        Assert.Contains("'+cmd", cells);
        Assert.DoesNotContain(cells, c => c.TrimStart('"').Length > 0 && c.TrimStart('"')[0] is '=' or '@' or '+' || (c.StartsWith('-') && !double.TryParse(c, System.Globalization.CultureInfo.InvariantCulture, out _)));
    }
}
