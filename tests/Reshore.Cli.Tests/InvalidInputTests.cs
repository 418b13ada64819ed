namespace Reshore.Cli.Tests;

/// <summary>Bad case files give exit code 2 and a message with file, JSON path and line — never a stack trace.</summary>
public sealed class InvalidInputTests
{
    internal const string ValidJson = """
        {
          "name": "minimal",
          "baseYear": 2027,
          "horizonYears": 5,
          "discountRatePct": 8,
          "items": [
            {
              "id": "part",
              "annualVolumeUnits": 1000,
              "unitWeightKg": 1.5,
              "options": [
                { "id": "cn", "governance": "statusQuo", "country": "CN", "production": { "unitPrice": "4.2 USD" } },
                { "id": "be", "governance": "outsourcedReshoring", "country": "BE", "production": { "unitPrice": 5.1 } }
              ]
            }
          ]
        }
        """;

    private static CliRunner.Result EvaluateJson(string json) => CliRunner.Run("evaluate", CliRunner.TempFile(json, ".json"), "--format", "json");

    private static void AssertInvalid(CliRunner.Result r, params string[] fragments)
    {
        Assert.True(r.ExitCode == 2, $"exit code {r.ExitCode}; stderr: {r.Error}");
        Assert.Equal("", r.Out);
        foreach (var f in fragments) Assert.Contains(f, r.Error);
        Assert.DoesNotContain("   at ", r.Error);
    }

    [Fact]
    public void A_valid_minimal_case_evaluates()
    {
        var r = EvaluateJson(ValidJson);
        Assert.True(r.ExitCode == 0, r.Error);
        Assert.Contains("\"recommendedOptionId\"", r.Out);
    }

    [Fact]
    public void Malformed_json_names_file_and_line()
    {
        var path = CliRunner.TempFile(ValidJson.Replace("\"horizonYears\": 5,", "\"horizonYears\": 5,,"), ".json");
        var r = CliRunner.Run("evaluate", path);
        AssertInvalid(r, Path.GetFileName(path) + ":4:", "Invalid JSON");
    }

    [Fact]
    public void A_wrong_type_names_the_path_and_line()
    {
        var r = EvaluateJson(ValidJson.Replace("\"annualVolumeUnits\": 1000", "\"annualVolumeUnits\": \"lots\""));
        AssertInvalid(r, "$.items[0].annualVolumeUnits", ":9:", "Expected a number, found text \"lots\"");
    }

    [Fact]
    public void A_negative_volume_is_out_of_range()
    {
        var r = EvaluateJson(ValidJson.Replace("\"annualVolumeUnits\": 1000", "\"annualVolumeUnits\": -5"));
        AssertInvalid(r, "$.items[0].annualVolumeUnits", ":9:", "-5 is out of range");
    }

    [Fact]
    public void An_unknown_country_code_is_rejected()
    {
        var r = EvaluateJson(ValidJson.Replace("\"country\": \"CN\"", "\"country\": \"XX\""));
        AssertInvalid(r, "$.items[0].options[0].country", "'XX' is not an ISO 3166-1 alpha-2 country code");
    }

    [Fact]
    public void A_country_without_reference_data_is_rejected_with_the_known_list()
    {
        var r = EvaluateJson(ValidJson.Replace("\"country\": \"CN\"", "\"country\": \"SN\""));
        AssertInvalid(r, "$.items[0].options[0].country", "No reference data for country SN", "known: AL, AT, BA, BD, BE", "referenceOverrides.countries.SN");
    }

    [Fact]
    public void A_missing_required_field_is_named()
    {
        var r = EvaluateJson(ValidJson.Replace("\"horizonYears\": 5,", ""));
        AssertInvalid(r, "$.horizonYears", "Missing required field 'horizonYears'", ":1:");
    }

    [Fact]
    public void An_unknown_field_gets_a_suggestion()
    {
        var r = EvaluateJson(ValidJson.Replace("\"unitWeightKg\"", "\"unitWeighKg\""));
        AssertInvalid(r, "$.items[0].unitWeighKg", "did you mean 'unitWeightKg'?", ":10:");
    }

    private static string WithSchedule(string entries) => ValidJson.Replace(
        "\"production\": { \"unitPrice\": \"4.2 USD\" } }",
        "\"production\": { \"unitPrice\": \"4.2 USD\" }, \"trade\": { \"dutySchedule\": [ " + entries + " ] } }");

    [Fact]
    public void A_duty_schedule_evaluates()
    {
        var r = EvaluateJson(WithSchedule("""{ "duty": "importDuty", "fromYear": 2029, "ratePct": 12, "reason": "preference lost" }"""));
        Assert.True(r.ExitCode == 0, r.Error);
    }

    [Fact]
    public void A_duty_schedule_entry_ending_before_it_starts_is_rejected()
    {
        var r = EvaluateJson(WithSchedule("""{ "duty": "extraDuty", "fromYear": 2030, "untilYear": 2028, "ratePct": 20 }"""));
        AssertInvalid(r, "$.items[0].options[0].trade.dutySchedule[0].untilYear", "untilYear 2028 is before fromYear 2030");
    }

    [Fact]
    public void Overlapping_duty_schedule_entries_are_rejected()
    {
        var r = EvaluateJson(WithSchedule("""{ "duty": "importDuty", "untilYear": 2029, "ratePct": 0 }, { "duty": "importDuty", "fromYear": 2029, "ratePct": 12 }"""));
        AssertInvalid(r, "$.items[0].options[0].trade.dutySchedule[1]", "Overlaps $.items[0].options[0].trade.dutySchedule[0]: both set importDuty in 2029–2029");
    }

    [Fact]
    public void A_duty_schedule_entry_outside_the_horizon_and_an_unknown_duty_are_rejected()
    {
        AssertInvalid(EvaluateJson(WithSchedule("""{ "duty": "importDuty", "fromYear": 2040, "ratePct": 5 }""")),
            "$.items[0].options[0].trade.dutySchedule[0]", "outside the horizon 2027–2031");
        AssertInvalid(EvaluateJson(WithSchedule("""{ "duty": "antiDumping", "ratePct": 5 }""")), "$.items[0].options[0].trade.dutySchedule[0].duty");
    }

    [Fact]
    public void Two_status_quo_options_are_rejected()
    {
        var r = EvaluateJson(ValidJson.Replace("outsourcedReshoring", "statusQuo"));
        AssertInvalid(r, "$.items[0].options", "Exactly one option must have governance 'statusQuo'; found 2");
    }

    [Fact]
    public void A_bad_enum_lists_the_allowed_values()
    {
        var r = EvaluateJson(ValidJson.Replace("outsourcedReshoring", "reshore-it"));
        AssertInvalid(r, "$.items[0].options[1].governance", "expected one of statusQuo, inHouseReshoring");
    }

    [Fact]
    public void An_unknown_currency_in_an_amount_is_rejected()
    {
        var r = EvaluateJson(ValidJson.Replace("4.2 USD", "4.2 DOLLARS"));
        AssertInvalid(r, "$.items[0].options[0].production.unitPrice", "'DOLLARS' is not an ISO 4217 currency code");
    }

    [Fact]
    public void Yaml_errors_carry_the_yaml_line()
    {
        const string yaml = """
            name: minimal
            baseYear: 2027
            horizonYears: 5
            discountRatePct: 8
            items:
              - id: part
                annualVolumeUnits: many
                unitWeightKg: 1.5
                options:
                  - { id: cn, governance: statusQuo, country: CN, production: { unitPrice: 4 } }
            """;
        var path = CliRunner.TempFile(yaml, ".yaml");
        var r = CliRunner.Run("evaluate", path);
        AssertInvalid(r, Path.GetFileName(path) + ":7:", "$.items[0].annualVolumeUnits", "Expected a number");
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var r = EvaluateJson(ValidJson.Replace("\"annualVolumeUnits\": 1000", "\"annualVolumeUnits\": \"x\"").Replace("\"country\": \"CN\"", "\"country\": \"ZZ\""));
        AssertInvalid(r, "2 problem(s)", "$.items[0].annualVolumeUnits", "$.items[0].options[0].country");
    }

    [Fact]
    public void A_missing_file_is_a_user_error()
    {
        var r = CliRunner.Run("evaluate", "/nonexistent/case.yaml");
        AssertInvalid(r, "Case file not found");
    }

    [Theory]
    [InlineData(new[] { "countries.csv", "tariff_mfn.csv", "fx_history.csv" }, "countries.csv")]
    [InlineData(new[] { "tariff_mfn.csv", "fx_history.csv" }, "tariff_mfn.csv")]
    [InlineData(new[] { "fx_history.csv" }, "fx_history.csv")]
    public void Of_several_broken_reference_files_the_first_is_reported(string[] broken, string reported)
    {
        // The files are read in three parts side by side; the error is still the first file's, in the order they are listed.
        var folder = Directory.CreateTempSubdirectory("reshore-broken-reference-").FullName;
        try
        {
            foreach (var file in Directory.GetFiles(Path.Combine(CliRunner.RepoRoot, "reference-data"), "*.csv"))
                File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
            foreach (var file in broken)
            {
                var lines = File.ReadAllLines(Path.Combine(folder, file));
                File.WriteAllLines(Path.Combine(folder, file), [lines[0], lines[1] + ",one field too many"]);
            }
            var r = CliRunner.Run("evaluate", Path.Combine(CliRunner.RepoRoot, "examples", "led-lamps.yaml"), "--reference-data", folder);
            AssertInvalid(r, $"{reported}: row 2 has");
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }

    [Fact]
    public void A_broken_reference_data_folder_is_a_user_error_even_while_the_case_is_read_alongside()
    {
        // evaluate, simulate and report load the reference data on another thread while they read the case: its errors still end the run.
        var missing = CliRunner.Run("simulate", Path.Combine(CliRunner.RepoRoot, "examples", "led-lamps.yaml"), "--reference-data", "/nonexistent/reference");
        AssertInvalid(missing, "Reference data folder not found");
        var empty = Directory.CreateTempSubdirectory("reshore-empty-reference-").FullName;
        try
        {
            var r = CliRunner.Run("evaluate", Path.Combine(CliRunner.RepoRoot, "examples", "led-lamps.yaml"), "--reference-data", empty);
            AssertInvalid(r, "Invalid reference data in " + empty);
        }
        finally
        {
            Directory.Delete(empty, true);
        }
    }

    [Fact]
    public void An_unknown_option_is_a_user_error()
    {
        var r = CliRunner.Run("evaluate", "x.yaml", "--format", "pdf");
        Assert.Equal(2, r.ExitCode);
    }

    [Fact]
    public void A_failed_run_leaves_no_output_file()
    {
        var output = Path.Combine(Path.GetTempPath(), $"reshore-out-{Guid.NewGuid():N}.json");
        var r = CliRunner.Run("evaluate", CliRunner.TempFile(ValidJson.Replace("1000", "-1"), ".json"), "--format", "json", "--output", output);
        Assert.Equal(2, r.ExitCode);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void Leadtime_rejects_an_impossible_cost_order()
    {
        var r = CliRunner.Run("leadtime", "--price", "10", "--cost-short", "12", "--salvage", "2", "--volatility", "0.5", "--lead-time-weeks", "8");
        AssertInvalid(r, "--salvage < --cost-short < --price");
    }
}

/// <summary>Inputs that once slipped through or crashed (independent review).</summary>
public sealed class ReviewRegressionTests
{
    private static string Led => Path.Combine(CliRunner.RepoRoot, "examples", "led-lamps.yaml");

    private static string LedWith(string from, string to)
    {
        var text = File.ReadAllText(Led);
        Assert.Contains(from, text);
        return CliRunner.TempFile(text.Replace(from, to), ".yaml");
    }

    [Fact]
    public void A_duplicate_option_id_is_a_user_error_not_a_crash()
    {
        var r = CliRunner.Run("evaluate", LedWith("      - id: pl-supplier", "      - id: cn-cm"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("Duplicate option id 'cn-cm'", r.Error);
    }

    [Fact]
    public void A_judged_score_outside_one_to_five_is_rejected()
    {
        var r = CliRunner.Run("evaluate", LedWith("reputation: { score: 5,", "reputation: { score: 9,"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("judgements.be-own-line.reputation.score", r.Error);
    }

    [Theory]
    [InlineData("  inflationPct: 2 ", "  inflationPct: -200 ")]
    [InlineData("internalCarbonPricePerTonne: 90", "internalCarbonPricePerTonne: -500")]
    [InlineData("currencyDriftPct: { USD: 0 }", "currencyDriftPct: { USD: -200 }")]
    [InlineData("schemaVersion: 1", "schemaVersion: 2")]
    [InlineData("hsCode: \"8539 52 00\"", "hsCode: \"abcd\"")]
    public void Impossible_assumptions_are_rejected(string from, string to)
    {
        var r = CliRunner.Run("evaluate", LedWith(from, to));
        Assert.True(r.ExitCode == 2, r.Error + r.Out);
    }

    [Fact]
    public void Unknown_language_and_unwritable_outputs_are_user_errors()
    {
        Assert.Equal(2, CliRunner.Run("factors", "--lang", "fr").ExitCode);
        var parts = Path.Combine(CliRunner.RepoRoot, "examples", "parts-list.csv");
        var r = CliRunner.Run("screen", parts, "--format", "xlsx", "--output", "/nonexistent/x.xlsx");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("does not exist", r.Error);
    }

    [Fact]
    public void Breakeven_rejects_a_range_that_makes_the_case_invalid()
    {
        var r = CliRunner.Run("breakeven", Led, "--item", "led-a60-9w", "--input", "assumptions.wageGrowthPct.XX", "--between", "0", "5");
        Assert.Equal(2, r.ExitCode);
        var negative = CliRunner.Run("breakeven", Led, "--item", "led-a60-9w", "--input", "items[led-a60-9w].options[pl-supplier].production.unitPrice", "--between", "-5", "1");
        Assert.Equal(2, negative.ExitCode);
        Assert.Contains("negative", negative.Error);
    }
}
