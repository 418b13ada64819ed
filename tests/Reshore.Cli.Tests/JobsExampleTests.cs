using System.Text.Json;

namespace Reshore.Cli.Tests;

/// <summary>
/// The Metes-like example (examples/enclosures-serbia.yaml): its headline jobs, automation and market numbers checked by hand, in the
/// public JSON of `evaluate --format json` (options[].jobs with fteHome, fteAbroad, netFteVsStatusQuo and skillMix per year), and
/// the jobs section of the terminal and Markdown output.
/// </summary>
public sealed class JobsExampleTests
{
    private static readonly string Example = Path.Combine(CliRunner.RepoRoot, "examples", "enclosures-serbia.yaml");

    // Hours per FTE (reference-data/labour_market.csv, Eurostat tps00071 2024, × 46 working weeks): Belgium 40.1 × 46 = 1,844.6 h,
    // Serbia 42.8 × 46 = 1,968.8 h. Volume in 2027: 40,000 cabinets, 80% for the EU (32,000) and 20% for the Balkans (8,000).
    private const double HoursBe = 40.1 * 46;
    private const double HoursRs = 42.8 * 46;

    private static JsonElement Option(JsonDocument doc, string id) =>
        doc.RootElement.GetProperty("items")[0].GetProperty("options").EnumerateArray().Single(o => o.GetProperty("id").GetString() == id);

    private static JsonElement Year(JsonElement option, int index) => option.GetProperty("jobs").GetProperty("years")[index];

    [Fact]
    public void The_example_is_listed()
    {
        var r = CliRunner.Run("example", "--list");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("enclosures-serbia", r.Out);
    }

    [Fact]
    public void Headline_jobs_match_the_hand_calculation()
    {
        var r = CliRunner.Run("evaluate", Example, "--format", "json");
        Assert.True(r.ExitCode == 0, r.Error);
        using var doc = JsonDocument.Parse(r.Out);

        // Status quo: every step in Serbia, 0.6 + 0.9 + 0.25 + 1.8 + 0.3 = 3.85 h × 40,000 = 154,000 h.
        var sq = Year(Option(doc, "rs-plant"), 0);
        Assert.Equal(154_000 / HoursRs, sq.GetProperty("fteAbroad").GetDouble(), 6);          // 78.22
        Assert.Equal(0, sq.GetProperty("fteHome").GetDouble());

        // Metes-like split, 2027 (welding cells at 60%): in Limburg 0.25 + (0.9 − 0.7 × 0.6) + 0.3 = 1.03 h × 32,000 = 32,960 h, plus
        // 1.5 technicians and 0.5 engineers for the cells; in Serbia coating and assembly 2.05 h × 32,000 = 65,600 h and the
        // Balkan market from the Serbian plant 3.85 h × 8,000 = 30,800 h.
        var split = Option(doc, "be-rs-partial");
        var y1 = Year(split, 0);
        var home = 32_960 / HoursBe + 2;                                                          // 19.87
        var abroad = (65_600 + 30_800) / HoursRs;                                                 // 48.96
        Assert.Equal(home, y1.GetProperty("fteHome").GetDouble(), 6);
        Assert.Equal(abroad, y1.GetProperty("fteAbroad").GetDouble(), 6);
        var net = y1.GetProperty("netFteVsStatusQuo");
        Assert.Equal(home, net.GetProperty("home").GetDouble(), 6);
        Assert.Equal(abroad - 154_000 / HoursRs, net.GetProperty("abroad").GetDouble(), 6);     // −29.26: fewer jobs in Serbia
        Assert.True(net.GetProperty("total").GetDouble() < 0, "reshoring with robots creates fewer jobs at home than it ends abroad");
        var skills = y1.GetProperty("skillMix").GetProperty("home");
        Assert.Equal(32_960 / HoursBe, skills.GetProperty("operators").GetDouble(), 6);
        Assert.Equal(1.5, skills.GetProperty("technicians").GetDouble(), 12);
        Assert.Equal(0.5, skills.GetProperty("engineers").GetDouble(), 12);
        Assert.Equal(10, split.GetProperty("jobs").GetProperty("years").GetArrayLength());

        // Everything back home, 2027: 0.25 + 0.48 + 0.15 + 1.8 + 0.3 = 2.98 h × 40,000 = 119,200 h + 2 support FTE; nothing abroad.
        var all = Year(Option(doc, "be-automated"), 0);
        Assert.Equal(119_200 / HoursBe + 2, all.GetProperty("fteHome").GetDouble(), 6);
        Assert.Equal(0, all.GetProperty("fteAbroad").GetDouble());

        // Split by market: Limburg makes the EU's 32,000 (2.98 h each), Serbia the Balkans' 8,000 (3.85 h each).
        var byMarket = Year(Option(doc, "be-eu-rs-local"), 0);
        Assert.Equal(2.98 * 32_000 / HoursBe + 2, byMarket.GetProperty("fteHome").GetDouble(), 6);
        Assert.Equal(3.85 * 8_000 / HoursRs, byMarket.GetProperty("fteAbroad").GetDouble(), 6);
    }

    [Fact]
    public void The_automation_and_the_markets_are_in_the_json()
    {
        var r = CliRunner.Run("evaluate", Example, "--format", "json");
        using var doc = JsonDocument.Parse(r.Out);
        var split = Option(doc, "be-rs-partial");
        var a = split.GetProperty("automation");
        Assert.Equal(760_000, a.GetProperty("capex").GetDouble(), 6);                            // 2 cells × 380,000
        Assert.Equal(0.7 * 0.6 * 32_000, a.GetProperty("years")[1].GetProperty("hoursSaved").GetDouble(), 6);   // 13,440 h in 2027
        // The cells alone: 2 shifts × 8 h × 225 days = 3,600 h each; 2036 volume 40,000 × 1.03⁹ × 80% × 300 s ÷ 3600 ÷ 0.75.
        var required = 40_000 * Math.Pow(1.03, 9) * 0.8 * 300 / 3600 / 0.75;
        Assert.Equal(required / 7200, a.GetProperty("capacity").GetProperty("utilisation").GetDouble(), 6);
        Assert.Equal(0.5, a.GetProperty("gapBenchmark").GetDouble());
        Assert.Equal("paysBack", a.GetProperty("payback").GetProperty("status").GetString());
        var markets = split.GetProperty("markets").EnumerateArray().ToDictionary(m => m.GetProperty("market").GetString()!);
        Assert.Equal("be-rs-partial", markets["eu"].GetProperty("servedByOptionId").GetString());
        Assert.Equal("rs-plant", markets["rs"].GetProperty("servedByOptionId").GetString());
        Assert.Equal("local", markets["rs"].GetProperty("delivery").GetString());
        // The steps' lines: freight between Limburg and Niš both ways, and no EU duty under the Serbian preference.
        var lines = split.GetProperty("lines").EnumerateArray().ToDictionary(l => l.GetProperty("factor").GetString()!);
        Assert.True(lines["stepTransport"].GetProperty("perUnit").GetDouble() > 0);
        Assert.Equal(0, lines["stepDuty"].GetProperty("perUnit").GetDouble());
        Assert.Equal("assessed", lines["stepDuty"].GetProperty("status").GetString());
    }

    [Fact]
    public void Terminal_and_markdown_show_the_jobs_section_in_both_languages()
    {
        var table = CliRunner.Run("evaluate", Example);
        Assert.True(table.ExitCode == 0, table.Error);
        Assert.Contains("Jobs and skills", table.Out);
        Assert.Contains("net at home vs status quo", table.Out);
        var markdown = CliRunner.Run("evaluate", Example, "--format", "markdown", "--lang", "nl");
        Assert.Contains("### Jobs en vaardigheden", markdown.Out);
        Assert.Contains("Automatisering van", markdown.Out);
    }
}
