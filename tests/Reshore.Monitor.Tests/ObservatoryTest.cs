using System.Globalization;
using System.Text;
using Reshore.Core.Domain;
using Reshore.Core.Scorecard;
using Reshore.Monitor;

namespace Reshore.Monitor.Tests;

/// <summary>The taxonomy as the study gives it, the observatory fields, the seed corrections, net balance, benchmarks and the linear import.</summary>
public sealed class ObservatoryTest
{
    private static readonly CultureInfo En = CultureInfo.GetCultureInfo("en");
    private static readonly CultureInfo Nl = CultureInfo.GetCultureInfo("nl-BE");

    [Theory]
    // Study lines 584–608: quadrant 2 (external × customer value), quadrant 1 (internal × customer value), 3 and 4 (cost efficiency).
    [InlineData("poorQuality", MotiveZone.ExternalCustomerValue, 48)]
    [InlineData("madeIn", MotiveZone.ExternalCustomerValue, 40)]
    [InlineData("customerProximity", MotiveZone.InternalCustomerValue, 43)]
    [InlineData("innovation", MotiveZone.InternalCustomerValue, 28)]
    [InlineData("labourCostGap", MotiveZone.ExternalCostEfficiency, 19)]
    [InlineData("economicCrisis", MotiveZone.ExternalCostEfficiency, 18)]
    [InlineData("automation", MotiveZone.InternalCostEfficiency, 51)]
    public void Most_cited_motives_sit_where_the_study_puts_them(string id, MotiveZone zone, int cases)
    {
        var m = ReshoringMotives.Find(id)!;
        Assert.Equal((zone, cases), (m.Zone, m.EurofoundCases));
        Assert.False(m.IsHybrid);
    }

    [Fact]
    public void Top_two_motives_are_in_hybrid_zones_and_every_zone_is_used()
    {
        // Cited more often than automation (51), the top motive of the cost quadrants, so in no pure quadrant (lines 538–542, 604–608).
        Assert.True(ReshoringMotives.Find("globalReorganisation")!.IsHybrid);
        Assert.True(ReshoringMotives.Find("deliveryTimes")!.IsHybrid);
        Assert.All(Enum.GetValues<MotiveZone>(), z => Assert.Contains(ReshoringMotives.All, m => m.Zone == z));
        Assert.Equal("external+internal", ReshoringMotives.Find("deliveryTimes")!.Context);
        Assert.Equal("customerValue+costEfficiency", ReshoringMotives.Find("globalReorganisation")!.Goal);
        // "Not in the study" was wrong for these three (lines 427–429 and 451, 514–522, 540–541).
        Assert.All(new[] { "rdProximity", "economicCrisis", "globalReorganisation" }, id => Assert.True(ReshoringMotives.Find(id)!.InStudy));
        // Motives the study names that neither old list had.
        Assert.All(new[] { "geopoliticalRisk", "ownSustainableProduction", "hostInfrastructure", "idleHomeCapacity", "hostMarketPlant" }, id => Assert.NotNull(ReshoringMotives.Find(id)));
        Assert.Equal(ReshoringMotives.All.Select(m => m.Id), ScorecardEvaluator.MotiveCatalog.Select(m => m.Id));
        Assert.All(Enum.GetValues<MotiveZone>(), z => Assert.NotEqual(ReshoringMotives.ZoneLabel(En, z), ReshoringMotives.ZoneLabel(Nl, z)));
        Assert.Contains("klantgepercipieerde waardebepaling", ReshoringMotives.ZoneLabel(Nl, MotiveZone.ExternalCustomerValue));
        Assert.Contains("externe factoren", ReshoringMotives.ZoneLabel(Nl, MotiveZone.ExternalCustomerValue));
    }

    [Fact]
    public void Barriers_of_the_study_are_listed_with_labels()
    {
        foreach (var id in new[] { "reshoringCosts", "narrowSupplierBase", "sunkCostsAndRelations", "noMadeInPremium", "labourShortage", "missingProductExpertise", "costVisibility" })
            Assert.Contains(id, ScorecardEvaluator.BarrierCatalog);
        Assert.All(ReshoringBarriers.All, b => Assert.NotEqual(b.Label(En), b.Label(Nl)));
        Assert.Contains("intellectuele eigendom", ReshoringBarriers.All.Single(b => b.Id == "ipInProcesses").Label(Nl));
    }

    [Theory]
    [InlineData(GovernanceModel.InHouseReshoring, EurostatKind.Backshoring)]
    [InlineData(GovernanceModel.ReshoringForOutsourcing, EurostatKind.Backshoring)]
    [InlineData(GovernanceModel.ReshoringForInsourcing, EurostatKind.HomeShoring)]
    [InlineData(GovernanceModel.OutsourcedReshoring, EurostatKind.HomeShoring)]
    public void Eurostat_kind_follows_from_whose_activity_abroad_it_was(GovernanceModel governance, EurostatKind kind)
    {
        var c = Case("X", 2020, governance: governance);
        Assert.Equal(kind, c.EurostatKind);
        var other = kind == EurostatKind.Backshoring ? EurostatKind.HomeShoring : EurostatKind.Backshoring;
        Assert.Equal(other, (c with { EurostatKindOverride = other }).EurostatKind);
        Assert.Null((c with { Governance = null }).EurostatKind);
        Assert.Null((c with { Direction = CaseDirection.Offshoring, Governance = null }).EurostatKind);
    }

    [Fact]
    public void Seed_cases_carry_the_corrections()
    {
        MonitorCase S(string name) => MonitorSeed.Cases.Single(c => c.CompanyName.StartsWith(name, StringComparison.Ordinal));
        var metes = S("Metes");
        Assert.Equal(["automation"], metes.Motives);                                   // the 2008 crisis is timing, not a motive
        Assert.True(metes.IsPartial);
        Assert.Contains("manual", metes.StayedActivities);
        var atkore = S("Atkore");
        Assert.Equal("Aarova (maatwerkbedrijf)", atkore.SocialEconomyPartner);
        Assert.Equal(GovernanceModel.InHouseReshoring, atkore.Governance);
        Assert.Equal((2021, true), (atkore.AnnouncementDate!.Value.Year, atkore.AnnouncementYearOnly));
        Assert.Contains(atkore.Sources, s => s.Date == new DateOnly(2021, 5, 28) && s.Publisher == "De Standaard");
        Assert.Null(S("Corbeo").Governance);
        Assert.Contains(S("Corbeo").Sources, s => s.Date == new DateOnly(2020, 9, 8));
        Assert.Contains(S("ED&A").Sources, s => s.Date == new DateOnly(2020, 3, 7));
        Assert.Contains("hiddenCosts", S("IVC").Motives);
        var barco = S("Barco");
        Assert.Null(barco.Governance);
        Assert.Equal(ReshoringType.Other, barco.Type);
        var continental = S("Continental");
        Assert.Null(continental.EffectiveSizeClass);
        Assert.Equal("Continental AG", continental.ParentCompany);
        var adidas = S("Adidas");
        Assert.Equal((ReversalKind.Reversed, 2020), (adidas.Reversal, adidas.ReversalDate!.Value.Year));
        Assert.All(MonitorSeed.Cases.Where(c => c.HomeCountry == "BE"), c => Assert.Contains(c.Region, MonitorRegions.Codes));
        Assert.All(MonitorSeed.Cases, c => Assert.Empty(MonitorCaseValidator.ValidateComplete(c, En)));
    }

    private static MonitorCase Case(string company, int? year, int? jobs = null, CaseDirection direction = CaseDirection.Reshoring, string nace = "C26",
        string? region = null, GovernanceModel? governance = null, string origin = "CN") => new()
    {
        Id = Guid.NewGuid(), CompanyName = company, HomeCountry = "BE", Status = CaseStatus.Published, NaceCode = nace, JobsCreated = jobs, Region = region,
        Direction = direction, Governance = governance,
        Origins = direction == CaseDirection.Offshoring ? ["BE"] : [origin], Destination = direction == CaseDirection.Offshoring ? "CN" : "BE",
        AnnouncementDate = year is { } y ? new DateOnly(y, 3, 1) : null, Sources = [new CaseSource { Title = "t" }],
    };

    [Fact]
    public void Net_balance_by_hand()
    {
        // Reshoring: 2019 10 and 20 jobs, 2020 5 jobs; offshoring: 2019 40 jobs, 2020 unknown jobs.
        MonitorCase[] cases =
        [
            Case("R1", 2019, 10, region: "BE23"), Case("R2", 2019, 20, nace: "C14"), Case("R3", 2020, 5, region: "BE23"),
            Case("O1", 2019, 40, CaseDirection.Offshoring, region: "BE23"), Case("O2", 2020, null, CaseDirection.Offshoring),
        ];
        var s = MonitorStatistics.Compute(cases, MonitorFilter.Public, En);
        Assert.Equal(3, s.Cases);                                                       // counts: reshoring cases only
        var b = s.Balance!;
        Assert.Equal((3, 2, 1, 35, 40, -5), (b.ReshoringCases, b.OffshoringCases, b.NetCases, b.ReshoringJobs, b.OffshoringJobs, b.NetJobs));
        var y2019 = b.Groups["year"].Single(r => r.Key == "2019");
        Assert.Equal((2, 1, 1, 30, 40, -10), (y2019.ReshoringCases, y2019.OffshoringCases, y2019.NetCases, y2019.ReshoringJobs, y2019.OffshoringJobs, y2019.NetJobs));
        var y2020 = b.Groups["year"].Single(r => r.Key == "2020");
        Assert.Equal((1, 1, 0, 5, 0, 5), (y2020.ReshoringCases, y2020.OffshoringCases, y2020.NetCases, y2020.ReshoringJobs, y2020.OffshoringJobs, y2020.NetJobs));
        var oostVlaanderen = b.Groups["region"].Single(r => r.Key == "BE23");
        Assert.Equal((2, 1, 15, 40), (oostVlaanderen.ReshoringCases, oostVlaanderen.OffshoringCases, oostVlaanderen.ReshoringJobs, oostVlaanderen.OffshoringJobs));
        Assert.Equal("Oost-Vlaanderen", oostVlaanderen.Label);
        // Naming a direction counts it.
        Assert.Equal(2, MonitorStatistics.Compute(cases, MonitorFilter.Public with { Directions = new HashSet<CaseDirection> { CaseDirection.Offshoring } }, En).Cases);
    }

    [Fact]
    public void Benchmarks_stand_beside_the_monitor_figures()
    {
        // 4 reshoring cases: 1 of 4 leaves China (25 %); 2 report 30 jobs in all (15 per case).
        MonitorCase[] cases = [Case("A", 2019, 10, origin: "CN"), Case("B", 2019, 20, origin: "IN"), Case("C", 2019, origin: "VN"), Case("D", 2019, origin: "TR")];
        var s = MonitorStatistics.Compute(cases, MonitorFilter.Public, En);
        var china = s.Benchmarks!.Single(x => x.Figure.Id == "ermShareChina");
        Assert.Equal((0.30, 0.25, 4), (china.Figure.Value, china.MonitorValue!.Value, china.MonitorBase!.Value));
        var perCase = s.Benchmarks!.Single(x => x.Figure.Id == "ermJobsPerCase");
        Assert.Equal(15, perCase.MonitorValue!.Value, 9);
        Assert.Equal(12_840.0 / 99, perCase.Figure.Value, 9);
        Assert.Null(s.Benchmarks!.Single(x => x.Figure.Id == "cbsShareReshoring").MonitorValue);
        Assert.All(s.Benchmarks!, x => Assert.False(string.IsNullOrEmpty(x.Figure.Source)));
        Assert.All(MonitorBenchmarks.All, f => Assert.NotEqual(f.Label(En), f.Label(Nl)));
    }

    [Fact]
    public void New_fields_survive_csv_export_and_import()
    {
        var c = Case("Roundtrip NV", 2021, 12, region: "BE25", governance: GovernanceModel.ReshoringForInsourcing) with
        {
            ParentCompany = "Group SE", IsPartial = true, MovedActivities = "final assembly", StayedActivities = "casting", SocialEconomyPartner = "Aarova",
            Outcomes = [new CaseOutcome("quality", OutcomeEffect.Better, OutcomeEffect.Better), new CaseOutcome("cost", OutcomeEffect.Worse, null)],
            Reversal = ReversalKind.Abandoned, ReversalDate = new DateOnly(2023, 2, 1), EurostatKindOverride = EurostatKind.Backshoring,
        };
        var buffer = new MemoryStream();
        MonitorExport.WriteCasesCsv(buffer, [c]);
        buffer.Position = 0;
        var back = Assert.Single(MonitorImport.ParseCsv(buffer, En).Cases);
        Assert.Equal(c with { Version = back.Version, Status = back.Status }, back with { Outcomes = c.Outcomes, Origins = c.Origins, Sources = c.Sources, Motives = c.Motives });
        Assert.Equal(c.Outcomes, back.Outcomes);
        Assert.Equal("quality:Better/Better;cost:Worse/", MonitorColumns.FormatOutcomes(back.Outcomes));
        Assert.Equal(EurostatKind.Backshoring, back.EurostatKind);
    }

    [Fact]
    public void Bad_outcomes_and_reversal_dates_are_errors()
    {
        var csv = "company,homeCountry,origins,destination,nace,outcomes,reversalDate,sourceTitle\nA,BE,CN,BE,C26,speed:Better/,2020,t\n";
        var r = MonitorImport.ParseCsv(new MemoryStream(Encoding.UTF8.GetBytes(csv)), En);
        Assert.Contains(r.Errors, e => e.Column == "outcomes" && e.Row == 2);
        csv = "company,homeCountry,origins,destination,nace,reversalDate,sourceTitle\nA,BE,CN,BE,C26,2020,t\n";
        r = MonitorImport.ParseCsv(new MemoryStream(Encoding.UTF8.GetBytes(csv)), En);
        Assert.Contains(r.Errors, e => e.Column == "reversalDate");
    }

    private static byte[] Rows(int n, Func<int, string> company)
    {
        var sb = new StringBuilder("company,homeCountry,origins,destination,nace,announcementDate,sourceTitle\n");
        for (var i = 0; i < n; i++) sb.Append(CultureInfo.InvariantCulture, $"{company(i)},BE,CN,BE,C26,2020-01-01,t\n");
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    // Made-up names that are far apart (hexadecimal of a multiplicative hash): names that differ in one letter would be similar names.
    private static string Name(int n) => $"Co{unchecked((uint)n * 2654435761u):x8}";

    [Fact]
    public void Import_finds_the_duplicate_among_thousands_of_distinct_rows()
    {
        // 3,000 distinct names and one repeat (row 3,002 repeats row 11's company): exactly one warning, for that row.
        var data = Rows(3_001, i => Name(i == 3_000 ? 10 : i) + " NV");
        var r = MonitorImport.ParseCsv(new MemoryStream(data), En);
        Assert.True(r.Succeeded);
        var w = Assert.Single(r.Warnings, w => w.Match.NameSimilarity == 1);
        Assert.Equal(3_002, w.Row);
        Assert.Equal(Name(10) + " NV", w.Match.Existing.CompanyName);
    }

    [Fact]
    public void Import_caps_rows_errors_and_warnings()
    {
        var tooMany = MonitorImport.ParseCsv(new MemoryStream(Rows(MonitorImport.MaxRows + 1, i => $"Firm {i}")), En);
        Assert.False(tooMany.Succeeded);
        Assert.Empty(tooMany.Cases);
        Assert.Contains(tooMany.Errors, e => e.Reason.Contains("more than", StringComparison.Ordinal));
        // 1,000 rows with a bad NACE code each: 500 listed, the rest counted.
        var bad = Encoding.UTF8.GetString(Rows(1_000, i => $"Firm {i}")).Replace(",C26,", ",X99,", StringComparison.Ordinal);
        var errors = MonitorImport.ParseCsv(new MemoryStream(Encoding.UTF8.GetBytes(bad)), En);
        Assert.Equal((MonitorImport.MaxErrors, 1_000 - MonitorImport.MaxErrors), (errors.Errors.Count, errors.ErrorsLeftOut));
        Assert.Contains("1000 errors", MonitorImport.Summary(errors, dryRun: true, En), StringComparison.Ordinal);
        // 700 rows of one company: every row after the first is a possible duplicate; 500 listed.
        var same = MonitorImport.ParseCsv(new MemoryStream(Rows(700, _ => "Same NV")), En);
        Assert.True(same.Succeeded);
        Assert.Equal(MonitorImport.MaxWarnings, same.Warnings.Count);
        Assert.True(same.WarningsLeftOut > 0);
    }

    [Fact]
    public void Duplicate_index_compares_a_bounded_number_of_cases()
    {
        // Work per candidate is bounded: with 5,000 stored cases of one name, a candidate is compared with at most MaxComparisons.
        var index = new DuplicateIndex(new DuplicateDetector());
        for (var i = 0; i < 5_000; i++) index.Add(Case("Same NV", 2020));
        Assert.Equal(DuplicateIndex.MaxComparisons, index.Find(Case("Same NV", 2020), En).Count);
        // Similar names are still found through the blocking keys.
        index.Add(Case("Continental Automotive Benelux BVBA", 2018, origin: "HU"));
        Assert.Single(index.Find(Case("Continental", 2018, origin: "HU"), En));
    }

    [Fact]
    public void Screener_refuses_overlong_text_and_honours_cancellation()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => NewsScreener.Screen(new string('a', NewsScreener.MaxTextLength + 1), En));
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => NewsScreener.Screen("Acme NV brings production back from China to Belgium.", En, cts.Token));
        // The longest text allowed is screened (work grows linearly: `reshore bench --monitor` shows the times).
        var text = string.Concat(Enumerable.Repeat("Acme NV brings production back from China to Belgium, creating 40 jobs. ", NewsScreener.MaxTextLength / 75));
        Assert.True(NewsScreener.Screen(text, En).IsLikelyReshoring);
    }

    [Fact]
    public void Two_person_rule_keeps_the_drafter_from_publishing_an_admin_included()
    {
        var admin = new MonitorActor("admin-1", MonitorRole.Admin);
        var other = new MonitorActor("rev-2", MonitorRole.Reviewer);
        var draft = Case("Four Eyes NV", 2022) with { Status = CaseStatus.InReview, CreatedBy = "admin-1" };
        var strict = new MonitorWorkflow(TimeProvider.System, twoPersonRule: true);
        var refused = strict.Apply(admin, draft, WorkflowAction.Publish, En);
        Assert.False(refused.Succeeded);
        Assert.True(refused.BlockedByTwoPersonRule);
        Assert.True(strict.Apply(other, draft, WorkflowAction.Publish, En).Succeeded);
        Assert.True(new MonitorWorkflow(TimeProvider.System).Apply(admin, draft, WorkflowAction.Publish, En).Succeeded);   // the rule is per deployment
        var withdrawn = draft with { Status = CaseStatus.Withdrawn };
        Assert.False(strict.Apply(admin, withdrawn, WorkflowAction.Republish, En).Succeeded);
        Assert.True(strict.Apply(admin, draft, WorkflowAction.SendBack, En).Succeeded);                                   // other steps stay open
    }
}
