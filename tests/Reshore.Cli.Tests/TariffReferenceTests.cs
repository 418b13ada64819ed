using System.Globalization;
using System.Text.Json;
using Reshore.Core.Costing;
using Reshore.Core.Domain;
using Reshore.Core.Values;
using Reshore.Data.ReferenceData;

namespace Reshore.Cli.Tests;

/// <summary>The bundled tariff reference data: `reference tariffs`, the tariff checks, and the duties a case gets from defaults alone.</summary>
public sealed class TariffReferenceTests
{
    [Fact]
    public void Reference_tariffs_as_json_lists_an_mfn_rate_for_every_chapter_25_to_97_with_source_and_year()
    {
        var r = CliRunner.Run("reference", "tariffs", "--format", "json");
        Assert.True(r.ExitCode == 0, r.Error);
        using var doc = JsonDocument.Parse(r.Out);
        var mfn = doc.RootElement.GetProperty("mfn").EnumerateArray().ToList();
        Assert.True(mfn.Count > 5000, $"{mfn.Count} MFN rows");
        Assert.All(mfn, row =>
        {
            Assert.False(string.IsNullOrEmpty(row.GetProperty("source").GetString()));
            Assert.Equal(JsonValueKind.Number, row.GetProperty("year").ValueKind);
            Assert.True(row.GetProperty("mfnDutyPct").ValueKind == JsonValueKind.Number || row.GetProperty("dutyExpression").ValueKind == JsonValueKind.String);
        });
        var chapters = mfn.Select(row => int.Parse(row.GetProperty("hsCode").GetString()![..2], CultureInfo.InvariantCulture)).ToHashSet();
        Assert.All(Enumerable.Range(25, 73).Where(ch => ch != 77), ch => Assert.Contains(ch, chapters));
        Assert.Contains(doc.RootElement.GetProperty("preferences").EnumerateArray(), p => p.GetProperty("origin").GetString() == "BD" && p.GetProperty("validTo").GetString() == "2029-11-23");
        Assert.Contains(doc.RootElement.GetProperty("extraDuties").EnumerateArray(), p => p.GetProperty("kind").GetString() == "antiDumping" && p.GetProperty("origin").GetString() == "CN");
    }

    [Fact]
    public void Reference_tariffs_filters_by_code_and_rejects_a_bad_code()
    {
        var r = CliRunner.Run("reference", "tariffs", "--hs", "8539 50");
        Assert.True(r.ExitCode == 0, r.Error);
        Assert.Contains("853950", r.Out);
        Assert.Contains("3.7", r.Out);
        var bad = CliRunner.Run("reference", "tariffs", "--hs", "x");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("--hs 'x' is not an HS/CN code", bad.Error);
    }

    [Fact]
    public void The_bundled_tariffs_pass_the_tariff_checks_and_list_the_2020_mfn_table_as_stale()
    {
        var report = TariffReferenceCheck.Run(ReferenceDataLoader.Embedded());
        Assert.True(report.Passed, string.Join("\n", report.Errors.Select(e => $"{e.File} {e.Row}: {e.Message}")));
        Assert.Contains(report.Stale, s => s.File == "tariff_mfn.csv" && s.Message.Contains("Year 2020", StringComparison.Ordinal));
    }

    [Fact]
    public void The_tariff_checks_find_overlapping_regimes_a_regime_that_contradicts_the_country_file_and_bad_dates()
    {
        var dir = Directory.CreateTempSubdirectory("reshore-tariffs-").FullName;
        foreach (var name in ReferenceDataLoader.Files.Concat(ReferenceDataLoader.OptionalFiles))
            File.WriteAllText(Path.Combine(dir, name), ReferenceDataLoader.ReadEmbedded(name));
        File.AppendAllText(Path.Combine(dir, "tariff_preferences.csv"),
            "VN,gsp,GSP general arrangement,2026-01-01,,REG978,overlaps the FTA\n" +
            "MA,mfn,none,2030-01-01,2029-01-01,REG978,ends before it starts\n");
        File.AppendAllText(Path.Combine(dir, "tariffs.csv"),
            "7604,aluminium bars,,CN,600,test measure,anti_dumping,2024-01-01,,2024,test source,\n");
        var report = TariffReferenceCheck.Run(ReferenceDataLoader.FromDirectory(dir));
        Assert.False(report.Passed);
        Assert.Contains(report.Errors, e => e.Row == "VN" && e.Message.Contains("both in force", StringComparison.Ordinal));
        Assert.Contains(report.Errors, e => e.Row == "VN" && e.Message.Contains("disagrees with countries.csv (eu_trade_regime fta)", StringComparison.Ordinal));
        Assert.Contains(report.Errors, e => e.Row == "MA" && e.Message.Contains("valid_to 2029-01-01 is before valid_from 2030-01-01", StringComparison.Ordinal));
        Assert.Contains(report.Errors, e => e.File == "tariffs.csv" && e.Row == "7604 CN" && e.Message.Contains("outside 0–500", StringComparison.Ordinal));
    }

    [Fact]
    public void A_folder_without_the_new_tariff_files_still_loads()
    {
        var dir = Directory.CreateTempSubdirectory("reshore-old-").FullName;
        foreach (var name in ReferenceDataLoader.Files)
            File.WriteAllText(Path.Combine(dir, name), ReferenceDataLoader.ReadEmbedded(name));
        var market = ReferenceDataLoader.FromDirectory(dir);
        Assert.Empty(market.Preferences);
        Assert.Equal(3.7, market.MfnTariff("85395200")!.MfnDutyPct!.Value);
    }

    [Fact]
    public void With_the_bundled_data_a_chinese_cylinder_pays_its_mfn_duty_and_its_anti_dumping_duty()
    {
        // Issue 12 item 2 with the bundled tariffs.csv row 8424100021 (CN): MFN 1.7 % and provisional AD 118 % on a customs value of 100.
        var option = new SourcingOption
        {
            Id = "cn", Country = CountryCode.Parse("CN"), Governance = GovernanceModel.StatusQuo,
            Production = new ProductionInputs { UnitPrice = new Money(100, CurrencyCode.Eur) },
        };
        var c = new ReshoringCase
        {
            Name = "cylinders", BaseYear = 2027, HorizonYears = 1, DiscountRatePct = 5,
            Items = [new Item { Id = "cyl", AnnualVolumeUnits = 100, UnitWeightKg = 5, HsCode = "8424 10 00 21", Options = [option] }],
        };
        var lines = new CaseEvaluator().Evaluate(c, ReferenceDataLoader.Embedded(), CultureInfo.GetCultureInfo("en")).Items.Single().Options.Single().YearResults[0].Lines;
        Assert.Equal(1.7, lines.Single(l => l.Factor == "importDuty").PerUnit, 12);
        Assert.Equal(118.0, lines.Single(l => l.Factor == "extraTariffs").PerUnit, 12);
    }
}
