using System.Text.Json;

namespace Reshore.Cli.Tests;

/// <summary>`reshore dependencies bom|trade`: JSON contracts of issue #7, file handling and errors.</summary>
public sealed class DependenciesCommandTests
{
    private static string Example(string name) => Path.Combine(CliRunner.RepoRoot, "examples", name);

    [Fact]
    public void Bom_json_has_the_contract_fields()
    {
        var r = CliRunner.Run("dependencies", "bom", Example("led-lamps.yaml"), "--format", "json");
        Assert.True(r.ExitCode == 0, r.Error);
        using var doc = JsonDocument.Parse(r.Out);
        foreach (var option in doc.RootElement.GetProperty("items")[0].GetProperty("options").EnumerateArray())
            foreach (var field in new[] { "hhi", "topCountry", "topCountryShare", "nonEuShare", "criticalRawMaterials", "singleSourceComponents", "warnings" })
                Assert.True(option.TryGetProperty(field, out _), $"option lacks {field}");
        Assert.Contains("Still dependent", r.Out);
    }

    [Theory]
    [InlineData("EU27", "EU27")]
    [InlineData("BE,NL,LU,DE,FR,IT", "BEL,DEU,FRA,ITA,LUX,NLD")]
    public void Trade_table_header_names_the_importer_group(string importers, string shown)
    {
        var r = CliRunner.Run("dependencies", "trade", Example("trade-baci-sample.csv"), "--country-codes", Example("baci-country-codes.csv"), "--importers", importers);
        Assert.True(r.ExitCode == 0, r.Error);
        Assert.Contains($"imported by {shown};", r.Out);
    }

    [Fact]
    public void Trade_on_the_bundled_baci_sample_finds_the_designed_dependencies()
    {
        var r = CliRunner.Run("dependencies", "trade", Example("trade-baci-sample.csv"), "--country-codes", Example("baci-country-codes.csv"), "--ecosystems", Example("hs6-ecosystems.csv"), "--format", "json");
        Assert.True(r.ExitCode == 0, r.Error);
        using var doc = JsonDocument.Parse(r.Out);
        var products = doc.RootElement.GetProperty("products").EnumerateArray().ToList();
        foreach (var field in new[] { "hs6", "hhi", "extraShare", "importExportRatio", "dependent", "topSource", "topSourceShare", "importValue" })
            Assert.True(products[0].TryGetProperty(field, out _), $"product lacks {field}");
        var dependent = products.Where(p => p.GetProperty("dependent").GetBoolean()).Select(p => p.GetProperty("hs6").GetString()).ToHashSet();
        Assert.Contains("850760", dependent);
        Assert.DoesNotContain("010110", dependent);
        // Leading zeros come back even where the file dropped them.
        Assert.Contains(products, p => p.GetProperty("hs6").GetString() == "010110");
        Assert.True(doc.RootElement.GetProperty("counts").GetProperty("dependent").GetInt32() >= 5);
    }

    [Fact]
    public void Simple_layout_with_iso_codes_duplicates_and_leading_zeros()
    {
        var csv = "year,exporter,importer,hs6,value\n2023,CN,BE,10110,60\n2023,CN,BE,10110,60\n2023,US,BE,010110,30\n2023,DE,BE,010110,50\n2023,BEL,USA,10110,40\n";
        var r = CliRunner.Run("dependencies", "trade", CliRunner.TempFile(csv, ".csv"), "--importers", "BE,DE", "--format", "json");
        Assert.True(r.ExitCode == 0, r.Error);
        using var doc = JsonDocument.Parse(r.Out);
        var p = doc.RootElement.GetProperty("products")[0];
        Assert.Equal("010110", p.GetProperty("hs6").GetString());
        // Duplicate CN→BE lines add up: M_out = 150 (CHN 120, USA 30): HHI = 0.8² + 0.2² = 0.68; M_in 50; X_out 40.
        Assert.Equal(0.68, p.GetProperty("hhi").GetDouble(), 9);
        Assert.Equal(150.0 / 200, p.GetProperty("extraShare").GetDouble(), 9);
        Assert.Equal(150.0 / 40, p.GetProperty("importExportRatio").GetDouble(), 9);
    }

    [Fact]
    public void Malformed_rows_fail_the_run_unless_skipped()
    {
        var csv = "year,exporter,importer,hs6,value\n2023,CN,BE,850760,60\n2023,XX,BE,850760,10\n20x3,CN,BE,850760,5\n2023,CN,BE,8507600,5\n2023,CN,BE,850760,-1\n";
        var path = CliRunner.TempFile(csv, ".csv");
        var fail = CliRunner.Run("dependencies", "trade", path, "--importers", "BE");
        Assert.Equal(2, fail.ExitCode);
        Assert.Contains("line 3, column exporter", fail.Error);
        Assert.Contains("line 4, column year", fail.Error);
        Assert.Contains("line 5, column hs6", fail.Error);
        Assert.Contains("line 6, column value", fail.Error);
        Assert.Contains("--skip-bad-rows", fail.Error);
        var skip = CliRunner.Run("dependencies", "trade", path, "--importers", "BE", "--skip-bad-rows", "--format", "json");
        Assert.Equal(0, skip.ExitCode);
        Assert.Contains("\"malformedLines\": 4", skip.Out);
    }

    [Fact]
    public void Baci_layout_needs_the_country_codes()
    {
        var r = CliRunner.Run("dependencies", "trade", Example("trade-baci-sample.csv"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("--country-codes", r.Error);
        var unknown = CliRunner.Run("dependencies", "trade", CliRunner.TempFile("a,b,c\n1,2,3\n", ".csv"));
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("unknown layout", unknown.Error);
    }

    [Fact]
    public void Malformed_rows_of_the_baci_layout_are_named_by_line_among_rows_read_in_place()
    {
        // Valid BACI rows are parsed in place (TradeFileReader.BaciFlow); any other row goes field by field: the line numbers and the
        // sums must not depend on which path read a row.
        var codes = Example("baci-country-codes.csv");
        const string good = "2023,156,56,850760,60,1\n2023, 156 ,\"56\",850760,20,1\n2023,56,251,850760,5,1\n";
        var bad = "t,i,j,k,v,q\n" + good + "2023,999,56,850760,10,1\n20x3,156,56,850760,5,1\n2023,156,56,8507600,5,1\n2023,156,56,850760,-1,1\n2023,156\n2023,156,56,850760,NaN,1\n";
        var path = CliRunner.TempFile(bad, ".csv");
        var fail = CliRunner.Run("dependencies", "trade", path, "--country-codes", codes, "--importers", "BE");
        Assert.Equal(2, fail.ExitCode);
        foreach (var expected in new[] { "line 5, column i", "line 6, column t", "line 7, column k", "line 8, column v", "line 9, column *", "line 10, column v" })
            Assert.Contains(expected, fail.Error);
        var skip = CliRunner.Run("dependencies", "trade", path, "--country-codes", codes, "--importers", "BE", "--skip-bad-rows", "--format", "json");
        Assert.Equal(0, skip.ExitCode);
        Assert.Contains("\"malformedLines\": 6", skip.Out);
        var clean = CliRunner.Run("dependencies", "trade", CliRunner.TempFile("t,i,j,k,v,q\n" + good, ".csv"), "--country-codes", codes, "--importers", "BE", "--format", "json");
        Assert.Equal(0, clean.ExitCode);
        Assert.Equal(Products(clean.Out), Products(skip.Out));

        static string Products(string json) => System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("products").GetRawText();
    }
}
