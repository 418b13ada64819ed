using System.Text.Json;

namespace Reshore.Cli.Tests;

/// <summary>
/// `reshore instruments` and the support view of the Metes-like example (examples/enclosures-serbia.yaml, docs/model.md §21): the
/// instruments' amounts by hand, the incentive needed to flip as the present-cost gap, and the GBER and entry-threshold flags.
/// </summary>
public sealed class SupportExampleTests
{
    private static readonly string Example = Path.Combine(CliRunner.RepoRoot, "examples", "enclosures-serbia.yaml");

    [Fact]
    public void Instruments_lists_the_catalogue_with_sources_as_a_table_and_as_json()
    {
        var table = CliRunner.Run("instruments");
        Assert.True(table.ExitCode == 0, table.Error);
        Assert.Contains("vlaio-sts-investment", table.Out);
        Assert.Contains("gber-17", table.Out);
        var json = CliRunner.Run("instruments", "--format", "json");
        Assert.True(json.ExitCode == 0, json.Error);
        using var doc = JsonDocument.Parse(json.Out);
        var instruments = doc.RootElement.GetProperty("instruments").EnumerateArray().ToList();
        Assert.Contains(instruments, i => i.GetProperty("id").GetString() == "vlaio-kmo-portefeuille" && i.GetProperty("intensitySmallPct").GetDouble() == 30);
        Assert.All(instruments, i =>
        {
            Assert.False(string.IsNullOrWhiteSpace(i.GetProperty("source").GetString()));
            Assert.True(i.GetProperty("year").GetInt32() >= 2020);
        });
        Assert.Contains(doc.RootElement.GetProperty("stateAidRules").EnumerateArray(), r => r.GetProperty("id").GetString() == "de-minimis" && r.GetProperty("amountCeilingEur").GetDouble() == 300_000);
        var dutch = CliRunner.Run("instruments", "--lang", "nl");
        Assert.Contains("Steuninstrumenten", dutch.Out);
    }

    [Fact]
    public void The_example_prices_its_instruments_and_shows_the_incentive_needed_to_flip()
    {
        var r = CliRunner.Run("evaluate", Example, "--format", "json", "--simulate-risk", "0");
        Assert.True(r.ExitCode == 0, r.Error);
        using var doc = JsonDocument.Parse(r.Out);
        var support = doc.RootElement.GetProperty("items")[0].GetProperty("support");
        Assert.Equal("medium", support.GetProperty("firmSize").GetString());
        JsonElement Opt(string id) => support.GetProperty("options").EnumerateArray().Single(o => o.GetProperty("option").GetString() == id);
        var split = Opt("be-rs-partial");
        // Strategic transformation support, investment: 8% × (fit-out 360,000 + tooling 60,000 + 2 robot cells × 380,000) = 94,400.
        var investment = split.GetProperty("incentives")[0];
        Assert.Equal(1_180_000, investment.GetProperty("eligibleCost").GetDouble(), 6);
        Assert.Equal(94_400, investment.GetProperty("amount").GetDouble(), 6);
        // Training: 60,000 is below the 100,000 entry threshold: counted as 0 and flagged.
        Assert.Equal(0, split.GetProperty("incentives")[1].GetProperty("amount").GetDouble(), 9);
        Assert.Contains(split.GetProperty("flags").EnumerateArray(), f => f.GetProperty("kind").GetString() == "entryThreshold"
            && f.GetProperty("path").GetString() == "$.items[0].options[3].transition.incentives[1]");
        // Everything home: 8% × (900,000 + 650,000 + 760,000) = 184,800 and 20% × 150,000 = 30,000.
        var home = Opt("be-automated");
        Assert.Equal(184_800, home.GetProperty("incentives")[0].GetProperty("amount").GetDouble(), 6);
        Assert.Equal(30_000, home.GetProperty("incentives")[1].GetProperty("amount").GetDouble(), 6);
        // The incentive to flip is the present-cost gap to the Serbian status quo, the cheapest.
        var statusQuo = Opt("rs-plant");
        var gap = split.GetProperty("presentCost").GetDouble() - statusQuo.GetProperty("presentCost").GetDouble();
        Assert.Equal(gap, split.GetProperty("incentiveToFlip").GetDouble(), 6);
        Assert.Equal("be-rs-partial", support.GetProperty("cheapestReshoringOption").GetString());
        Assert.Equal(gap, support.GetProperty("incentiveToFlip").GetDouble(), 6);
        Assert.Equal("rs-plant", split.GetProperty("bestOtherOption").GetString());
        // As a year-1 tax credit at the 8% discount rate: × 1.08.
        Assert.Equal(gap * 1.08, split.GetProperty("incentiveToFlipAsYear1TaxCredit").GetDouble(), 4);
        // A medium-sized firm in a 'c' area: 10% for large firms + 10 points = 20%, above GBER art. 17's 10%.
        Assert.Equal(20, split.GetProperty("gberMaxInvestmentIntensityPct").GetDouble());
        Assert.Equal((94_400 + gap) / 1_180_000 * 100, split.GetProperty("intensityToFlipPct").GetDouble(), 6);
        Assert.Contains(split.GetProperty("flags").EnumerateArray(), f => f.GetProperty("kind").GetString() == "flipBeyondGber");
        Assert.Equal("insufficient", split.GetProperty("additionality").GetProperty("status").GetString());
        Assert.Equal("none", statusQuo.GetProperty("additionality").GetProperty("status").GetString());
    }

    [Fact]
    public void The_terminal_and_markdown_show_the_support_section_in_both_languages()
    {
        var en = CliRunner.Run("evaluate", Example, "--simulate-risk", "0");
        Assert.True(en.ExitCode == 0, en.Error);
        Assert.Contains("Support instruments and what it would take", en.Out);
        Assert.Contains("Extra incentive to be the", en.Out);
        var nl = CliRunner.Run("evaluate", Example, "--simulate-risk", "0", "--format", "markdown", "--lang", "nl");
        Assert.True(nl.ExitCode == 0, nl.Error);
        Assert.Contains("Steuninstrumenten en wat nodig is", nl.Out);
    }

    [Fact]
    public void An_unknown_instrument_is_refused_with_its_json_path()
    {
        var text = File.ReadAllText(Example).Replace("instrument: vlaio-sts-investment }", "instrument: vlaio-nope }");
        var r = CliRunner.Run("evaluate", CliRunner.TempFile(text, ".yaml"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("$.items[0].options[1].transition.incentives[0].instrument", r.Error + r.Out);
        Assert.Contains("vlaio-nope", r.Error + r.Out);
    }

    [Fact]
    public void The_ex_post_evaluation_template_computes_uptake_from_monitor_cases()
    {
        var csv = "company,employees,homeCountry,nace,function,announcementDate,origins,destination,governance,motives,jobs,investment,publicSupport,sourceTitle,sourcePublisher,sourceDate,sourceUrl,sourceLanguage,notes\n"
                  + "Alfa NV,30,BE,C25,Production,2024-01-10,CN,BE,InHouseReshoring,automation,10,1000000 EUR,100000 EUR,Alfa,Krant,2024-01-10,https://example.org/a,nl,\n"
                  + "Beta NV,300,BE,C28,Production,2024-02-10,RS,BE,InHouseReshoring,automation,30,3000000 EUR,400000 EUR,Beta,Krant,2024-02-10,https://example.org/b,nl,\n"
                  + "Gamma NV,120,BE,C27,Production,2024-03-10,TR,BE,InHouseReshoring,automation,20,,,Gamma,Krant,2024-03-10,https://example.org/c,nl,\n";
        var file = CliRunner.TempFile(csv, ".csv");
        var r = CliRunner.Run("instruments", "--evaluate-monitor", file, "--instrument", "vlaio-sts-investment");
        Assert.True(r.ExitCode == 0, r.Error);
        Assert.Contains("Strategic transformation support: investment", r.Out);
        Assert.Contains("2 of 3 reshoring cases", r.Out);
        Assert.Contains("Jobs per million euro of support: 80.0", r.Out);   // 40 jobs ÷ 500,000 EUR × 10⁶
        Assert.Contains("Leverage (investment per euro of support): 8.0", r.Out);
        var bad = CliRunner.Run("instruments", "--evaluate-monitor", file, "--instrument", "nope");
        Assert.Equal(2, bad.ExitCode);
    }
}
