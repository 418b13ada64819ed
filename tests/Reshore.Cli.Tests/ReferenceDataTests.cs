using System.Text.Json;

namespace Reshore.Cli.Tests;

/// <summary>Issue 14: the bundled reference data — coverage, sources, the check command, and a case priced from defaults alone.</summary>
public sealed class ReferenceDataTests
{
    private static JsonElement Json(params string[] args)
    {
        var r = CliRunner.Run(args);
        Assert.True(r.ExitCode == 0, r.Error + r.Out);
        return JsonDocument.Parse(r.Out).RootElement.Clone();
    }

    private static void AssertSourced(JsonElement value, string where)
    {
        Assert.True(value.GetProperty("value").GetDouble() is var v && double.IsFinite(v), where);
        Assert.False(string.IsNullOrWhiteSpace(value.GetProperty("source").GetString()), $"{where}: no source");
        Assert.Equal(JsonValueKind.Number, value.GetProperty("year").ValueKind);
        Assert.False(string.IsNullOrWhiteSpace(value.GetProperty("unit").GetString()), $"{where}: no unit");
    }

    [Fact]
    public void Countries_json_lists_at_least_sixty_countries_with_sourced_values()
    {
        var rows = Json("reference", "countries", "--format", "json").GetProperty("rows").EnumerateArray().ToList();
        Assert.True(rows.Count >= 60, $"{rows.Count} countries");
        foreach (var issue14 in new[] { "TW", "VN", "TH", "MY", "ID", "KR", "JP", "BD", "PK", "LK", "EG", "US", "CA", "BR", "HK", "PH", "KH", "UA", "GB", "CH", "NO" })
            Assert.Contains(rows, r => r.GetProperty("iso2").GetString() == issue14);
        foreach (var r in rows)
        {
            var iso = r.GetProperty("iso2").GetString()!;
            Assert.Matches("^[A-Z]{3}$", r.GetProperty("currency").GetString());
            AssertSourced(r.GetProperty("gridIntensity"), $"{iso} grid");
            AssertSourced(r.GetProperty("wageGrowth"), $"{iso} wage growth");
            // Every value that is present carries its source, year and unit; absent values are null, never zero.
            foreach (var field in new[] { "labourCost", "productivity", "electricity" })
                if (r.GetProperty(field).ValueKind != JsonValueKind.Null) AssertSourced(r.GetProperty(field), $"{iso} {field}");
            foreach (var band in r.GetProperty("electricityBands").EnumerateArray()) AssertSourced(band, $"{iso} electricity band");
            var growth = r.GetProperty("wageGrowth").GetProperty("value").GetDouble();
            Assert.InRange(growth, -5, 15);
        }
        // Coverage of the values the engine needs, as documented in docs/reference-data.md (gaps are listed there).
        Assert.True(rows.Count(r => r.GetProperty("labourCost").ValueKind != JsonValueKind.Null) >= 32);
        Assert.True(rows.Count(r => r.GetProperty("productivity").ValueKind != JsonValueKind.Null) >= 59);
        Assert.True(rows.Count(r => r.GetProperty("electricityBands").GetArrayLength() >= 3 || r.GetProperty("electricity").ValueKind != JsonValueKind.Null) >= 44);
        var be = rows.Single(r => r.GetProperty("iso2").GetString() == "BE");
        Assert.Contains("manufacturing", be.GetProperty("labourCostScope").GetString());
        Assert.True(be.GetProperty("electricityBands").GetArrayLength() >= 3, "Belgian electricity by band");
        Assert.True(be.GetProperty("gasBands").GetArrayLength() >= 3, "Belgian gas by band");
    }

    [Fact]
    public void Wage_growth_is_a_trend_in_euros_not_one_quarter_compounded()
    {
        var rows = Json("reference", "countries", "--format", "json").GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("iso2").GetString()!);
        // Türkiye was 34.5 %/yr (one quarter's rise in lira); Belgium's 2019-2024 trend: (48.2 / 40.5)^(1/5) - 1 = 3.54 %.
        Assert.InRange(rows["TR"].GetProperty("wageGrowth").GetProperty("value").GetDouble(), -5, 15);
        Assert.Equal(3.54, rows["BE"].GetProperty("wageGrowth").GetProperty("value").GetDouble(), 2);
        Assert.Contains("2019-2024", rows["BE"].GetProperty("wageGrowth").GetProperty("source").GetString());
    }

    [Fact]
    public void Lanes_json_matches_the_glec_factor_to_the_lane_and_routes_asia_via_the_cape_by_default()
    {
        var lanes = Json("reference", "lanes", "--format", "json").GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("id").GetString()!);
        Assert.Equal("SEA-CONT-ASIA-NEUR-DRY", lanes["CN-SEA-SHANGHAI"].GetProperty("emissionFactor").GetProperty("id").GetString());
        Assert.Equal(4.69, lanes["CN-SEA-SHANGHAI"].GetProperty("emissionFactor").GetProperty("value").GetDouble(), 2);
        Assert.True(lanes["CN-SEA-SHANGHAI-CAPE"].GetProperty("isDefault").GetBoolean());
        Assert.False(lanes["CN-SEA-SHANGHAI"].GetProperty("isDefault").GetBoolean());
        // The 69 EUR Ghent–Antwerp truck is gone: no rate rather than an unrealistic one.
        Assert.Equal(JsonValueKind.Null, lanes["BE-ROAD-GHENT"].GetProperty("rate").ValueKind);
    }

    [Theory]
    [InlineData("countries")]
    [InlineData("energy")]
    [InlineData("lanes")]
    [InlineData("emissions")]
    [InlineData("carbon")]
    [InlineData("tariffs")]
    [InlineData("fx")]
    public void Every_table_has_a_json_format(string table)
    {
        var root = Json("reference", table, "--format", "json");
        Assert.Equal(table, root.GetProperty("table").GetString());
        // Tariffs have their own shape (MFN rows, preferences, extra duties); the other tables list rows.
        Assert.True(root.GetProperty(table == "tariffs" ? "mfn" : "rows").GetArrayLength() > 0);
    }

    [Fact]
    public void The_bundled_data_pass_the_check_and_hold_no_placeholder()
    {
        var root = Json("reference", "check", "--format", "json");
        Assert.True(root.GetProperty("passed").GetBoolean());
        Assert.Equal(0, root.GetProperty("errors").GetInt32());
        foreach (var file in Directory.GetFiles(Path.Combine(CliRunner.RepoRoot, "reference-data")))
            Assert.DoesNotContain("PLACEHOLDER", File.ReadAllText(file));
    }

    [Fact]
    public void The_check_fails_on_a_users_folder_with_a_quarter_compounded_wage_growth_and_names_the_row()
    {
        var dir = Directory.CreateTempSubdirectory("reshore-refdata-").FullName;
        foreach (var file in Directory.GetFiles(Path.Combine(CliRunner.RepoRoot, "reference-data"), "*.csv"))
            File.Copy(file, Path.Combine(dir, Path.GetFileName(file)));
        var countries = Path.Combine(dir, "countries.csv");
        var lines = File.ReadAllLines(countries);
        var header = lines[0].Split(',');
        var column = Array.IndexOf(header, "wage_growth_pct");
        // Türkiye's row: put back the old single-quarter figure.
        var tr = Array.FindIndex(lines, l => l.StartsWith("TR,", StringComparison.Ordinal));
        var cells = Reshore.Data.ReferenceData.Csv.Parse(lines[0] + "\n" + lines[tr], "countries.csv")[0];
        Assert.NotEmpty(cells["wage_growth_pct"]);
        lines[tr] = lines[tr].Replace("," + cells["wage_growth_pct"] + ",", ",34.5,", StringComparison.Ordinal);
        File.WriteAllLines(countries, lines);
        Assert.True(column > 0);

        var r = CliRunner.Run("reference", "check", "--reference-data", dir, "--format", "json");
        Assert.Equal(2, r.ExitCode);
        var root = JsonDocument.Parse(r.Out).RootElement;
        Assert.False(root.GetProperty("passed").GetBoolean());
        Assert.Contains(root.GetProperty("findings").EnumerateArray(), f =>
            f.GetProperty("severity").GetString() == "error" && f.GetProperty("key").GetString() == "TR" && f.GetProperty("field").GetString() == "wage_growth_pct");
    }

    [Fact]
    public void A_taiwanese_vietnamese_and_moroccan_plant_are_priced_from_the_reference_data_alone()
    {
        var root = Json("evaluate", Path.Combine(CliRunner.RepoRoot, "tests", "Reshore.Cli.Tests", "Cases", "taiwan-vietnam-morocco.yaml"), "--format", "json");
        var options = root.GetProperty("items")[0].GetProperty("options").EnumerateArray().ToDictionary(o => o.GetProperty("id").GetString()!);
        Assert.Equal(new[] { "ma", "tw", "vn" }, options.Keys.Order());
        foreach (var (id, option) in options)
        {
            var lines = option.GetProperty("lines").EnumerateArray().ToDictionary(l => l.GetProperty("factor").GetString()!);
            // The factors whose inputs the reference data supply: labour cost and wage growth, electricity, freight (lane
            // distance, transit, rate, emission factor) and import duty. None may be "not assessed", and each uses defaults.
            foreach (var factor in new[] { "labour", "energy", "mainFreight", "importDuty" })
            {
                var line = lines[factor];
                Assert.True(line.GetProperty("assessed").GetBoolean(), $"{id} {factor}: {line.GetProperty("note")}");
                Assert.True(line.GetProperty("perUnit").GetDouble() >= 0);
            }
            foreach (var factor in new[] { "labour", "energy", "mainFreight" })
                Assert.Contains(lines[factor].GetProperty("inputs").EnumerateArray(), i => i.GetProperty("isDefault").GetBoolean() && i.GetProperty("source").GetString()!.StartsWith("default:", StringComparison.Ordinal));
            Assert.True(lines["labour"].GetProperty("perUnit").GetDouble() > 0);
            Assert.True(lines["energy"].GetProperty("perUnit").GetDouble() > 0);
            Assert.True(lines["mainFreight"].GetProperty("perUnit").GetDouble() > 0);
            // No hard-cost line is missing for want of reference data.
            foreach (var line in option.GetProperty("lines").EnumerateArray().Where(l => l.GetProperty("kind").GetString() == "hard"))
                Assert.DoesNotContain("reference data hold no", line.GetProperty("note").GetString() ?? "");
        }
        // Taiwan trades on MFN terms: the cable-harness duty (8544 42 90, 3.3 %) applies; Vietnam (EVFTA) and Morocco (association agreement) are duty-free.
        Assert.True(options["tw"].GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("factor").GetString() == "importDuty").GetProperty("perUnit").GetDouble() > 0);
    }

    [Fact]
    public void A_country_that_is_not_bundled_works_through_reference_overrides()
    {
        var yaml = File.ReadAllText(Path.Combine(CliRunner.RepoRoot, "tests", "Reshore.Cli.Tests", "Cases", "taiwan-vietnam-morocco.yaml"))
            .Replace("        country: MA\n", "        country: SN\n", StringComparison.Ordinal)
            .Replace("            - lane: MA-ROAD-CASABLANCA\n", "            - { mode: sea, distanceKm: 5200, transitDays: 12, rate: \"1500 USD\", rateUnit: perFeu }\n", StringComparison.Ordinal)
            + "referenceOverrides:\n  countries:\n    SN: { currency: XOF, tradeRegime: eba, labourCostPerHour: 2.1, wageGrowthPct: 4, electricityPricePerKwh: 0.18 }\n";
        var path = CliRunner.TempFile(yaml, ".yaml");
        var root = Json("evaluate", path, "--format", "json");
        var sn = root.GetProperty("items")[0].GetProperty("options").EnumerateArray().Single(o => o.GetProperty("id").GetString() == "ma");
        Assert.Equal("SN", sn.GetProperty("country").GetString());
        var labour = sn.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("factor").GetString() == "labour");
        Assert.True(labour.GetProperty("assessed").GetBoolean());
        // Lines are year 1's: 0.3 h × 2.1 EUR/h (the override is a base-year value).
        Assert.Equal(0.63, labour.GetProperty("perUnit").GetDouble(), 6);

        // Without currency and trade regime the case is refused with the path of the missing field.
        var bad = CliRunner.TempFile(yaml.Replace("currency: XOF, tradeRegime: eba, ", "", StringComparison.Ordinal), ".yaml");
        var r = CliRunner.Run("evaluate", bad);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("$.referenceOverrides.countries.SN.currency", r.Error);
        Assert.Contains("$.referenceOverrides.countries.SN.tradeRegime", r.Error);
    }
}
