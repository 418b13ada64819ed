using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Reshore.Monitor;
using Reshore.Web.Services.Monitor;

namespace Reshore.Web.Tests;

/// <summary>The reshoring monitor's API, run against each database provider (the subclasses at the end).</summary>
public abstract class MonitorApiTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : ReshoreApp
{
    private const string Header = "company,homeCountry,origins,destination,nace,announcementDate,motives,jobs,status,sourceTitle";

    private static async Task<JsonElement> Json(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode} {response.StatusCode}, expected {expected}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>A signed-in client whose user has the given monitor role (null: none).</summary>
    private async Task<HttpClient> ClientAsync(string? role)
    {
        var email = $"{role ?? "plain"}-{Guid.NewGuid():N}@example.org";
        var id = await app.CreateUserAsync(email);
        if (role is not null)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
            var result = await users.AddToRoleAsync((await users.FindByIdAsync(id))!, role);
            Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
        }
        return await app.ApiClientAsync(email);
    }

    private HttpClient Anonymous() => app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private static object CompleteCase(string company, string home = "BE", string origins = "CN", string destination = "BE") => new
    {
        company, homeCountry = home, origins, destination, nace = "C26", announcementDate = "2021-03-01", motives = new[] { "automation" },
        sourceTitle = "Press release", sourceUrl = "https://example.org/news",
    };

    private static async Task<JsonElement> Create(HttpClient client, object body) =>
        (await Json(await client.PostAsJsonAsync("/api/monitor/cases", body), HttpStatusCode.Created)).GetProperty("case");

    private static Task<HttpResponseMessage> Transition(HttpClient client, JsonElement c, string action) =>
        client.PostAsJsonAsync($"/api/monitor/cases/{c.GetProperty("id").GetString()}/transitions", new { action, version = c.GetProperty("version").GetInt32() });

    private static async Task<HttpResponseMessage> Import(HttpClient client, string csv, bool dryRun = false)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "cases.csv");
        return await client.PostAsync("/api/monitor/import" + (dryRun ? "?dryRun=true" : ""), form);
    }

    private static async Task<List<string>> PublicCompanies(HttpClient client) =>
        (await Json(await client.GetAsync("/api/monitor/public/cases"), HttpStatusCode.OK)).EnumerateArray().Select(c => c.GetProperty("company").GetString()!).ToList();

    [Fact]
    public async Task A_fresh_database_holds_the_published_seed_cases()
    {
        var companies = await PublicCompanies(Anonymous());
        foreach (var seed in MonitorSeed.Cases) Assert.Contains(seed.CompanyName, companies);
        var stats = await Json(await Anonymous().GetAsync("/api/monitor/public/stats?seed=true&by=homeCountry"), HttpStatusCode.OK);
        Assert.Equal(MonitorSeed.Cases.Count, stats.GetProperty("cases").GetInt32());
        Assert.Equal(8, stats.GetProperty("counts").GetProperty("homeCountry").EnumerateArray().Single(r => r.GetProperty("key").GetString() == "BE").GetProperty("count").GetInt32());
        Assert.Equal(160, stats.GetProperty("jobs").GetProperty("totalJobs").GetInt32());
    }

    [Fact]
    public async Task Non_public_endpoints_need_a_login()
    {
        var anonymous = Anonymous();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/monitor/cases")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/monitor/cases", CompleteCase("Nobody NV"))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/monitor/export?format=csv")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Import(anonymous, Header + "\nX,BE,CN,BE,C26,2020,,,Draft,t\n")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/monitor/screen", new { text = "reshoring" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/monitor/cases/{MonitorSeed.Cases[0].Id}/history")).StatusCode);
        // A signed-in user without a monitor role cannot create.
        var plain = await ClientAsync(null);
        var refused = await Json(await plain.PostAsJsonAsync("/api/monitor/cases", CompleteCase("Nobody NV")), HttpStatusCode.Forbidden);
        Assert.Contains("monitor role", refused.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task An_editor_cannot_publish_a_reviewer_can_and_the_history_records_each_step()
    {
        var editor = await ClientAsync(MonitorRoles.Editor);
        var reviewer = await ClientAsync(MonitorRoles.Reviewer);
        var draft = await Create(editor, CompleteCase("Workflow Test NV"));
        Assert.Equal("Draft", draft.GetProperty("status").GetString());
        var submitted = await Json(await Transition(editor, draft, "submit"), HttpStatusCode.OK);
        Assert.Equal("InReview", submitted.GetProperty("status").GetString());

        var refused = await Json(await Transition(editor, submitted, "publish"), HttpStatusCode.Forbidden);
        Assert.Contains("reviewer", refused.GetProperty("detail").GetString());
        var published = await Json(await Transition(reviewer, submitted, "publish"), HttpStatusCode.OK);
        Assert.Equal("Published", published.GetProperty("status").GetString());
        Assert.Equal(3, published.GetProperty("version").GetInt32());

        var history = await Json(await reviewer.GetAsync($"/api/monitor/cases/{draft.GetProperty("id").GetString()}/history"), HttpStatusCode.OK);
        Assert.Equal(["Create", "Submit", "Publish"], history.EnumerateArray().Select(h => h.GetProperty("action").GetString()!).ToArray());
        var last = history.EnumerateArray().Last();
        Assert.Equal("InReview", last.GetProperty("from").GetString());
        Assert.Equal("Published", last.GetProperty("to").GetString());
        Assert.StartsWith("monitor-reviewer-", last.GetProperty("user").GetString());
        Assert.Equal("status", last.GetProperty("changes")[0].GetProperty("field").GetString());
    }

    [Fact]
    public async Task Anonymous_visitors_see_only_published_cases_and_withdrawn_ones_drop_out()
    {
        var reviewer = await ClientAsync(MonitorRoles.Reviewer);
        var draft = await Create(reviewer, CompleteCase("Visibility Draft BV", home: "NL", destination: "NL"));
        var toPublish = await Create(reviewer, CompleteCase("Visibility Published BV", home: "NL", destination: "NL", origins: "VN"));
        var published = await Json(await Transition(reviewer, await Json(await Transition(reviewer, toPublish, "submit"), HttpStatusCode.OK), "publish"), HttpStatusCode.OK);

        var anonymous = Anonymous();
        var companies = await PublicCompanies(anonymous);
        Assert.Contains("Visibility Published BV", companies);
        Assert.DoesNotContain("Visibility Draft BV", companies);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/monitor/public/cases/{draft.GetProperty("id").GetString()}")).StatusCode);
        var stats = await Json(await anonymous.GetAsync("/api/monitor/public/stats?homeCountry=NL&by=origin,status"), HttpStatusCode.OK);
        Assert.Equal(1, stats.GetProperty("cases").GetInt32());
        Assert.Equal("VN", stats.GetProperty("counts").GetProperty("origin")[0].GetProperty("key").GetString());
        Assert.False(stats.GetProperty("counts").TryGetProperty("year", out _));

        await Json(await Transition(reviewer, published, "withdraw"), HttpStatusCode.OK);
        Assert.DoesNotContain("Visibility Published BV", await PublicCompanies(anonymous));
        Assert.Equal(0, (await Json(await anonymous.GetAsync("/api/monitor/public/stats?homeCountry=NL"), HttpStatusCode.OK)).GetProperty("cases").GetInt32());
        // A signed-in reviewer still sees all three statuses.
        var mine = await Json(await reviewer.GetAsync("/api/monitor/cases?homeCountry=NL"), HttpStatusCode.OK);
        Assert.Equal(["Draft", "Withdrawn"], mine.EnumerateArray().Select(c => c.GetProperty("status").GetString()!).Order().ToArray());
    }

    [Fact]
    public async Task An_import_with_one_bad_row_stores_nothing_and_names_row_and_column()
    {
        var editor = await ClientAsync(MonitorRoles.Editor);
        var csv = Header + "\n" +
                  "Atomic One NV,BE,CN,BE,C26,2020,automation,10,Draft,Press\n" +
                  "Atomic Two NV,XX,CN,BE,C26,2020,automation,10,Draft,Press\n" +
                  "Atomic Three NV,BE,CN,BE,C26,2020,automation,10,Draft,Press\n";
        var problem = await Json(await Import(editor, csv), HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors").EnumerateArray().ToList();
        Assert.Contains(errors, e => e.GetProperty("row").GetInt32() == 3 && e.GetProperty("column").GetString() == "homeCountry");
        Assert.Contains("Nothing was stored", problem.GetProperty("detail").GetString());
        var all = await Json(await editor.GetAsync("/api/monitor/cases"), HttpStatusCode.OK);
        Assert.DoesNotContain(all.EnumerateArray(), c => c.GetProperty("company").GetString()!.StartsWith("Atomic", StringComparison.Ordinal));

        // An editor may not import published cases: also all or nothing.
        var published = await Json(await Import(editor, Header + "\nAtomic Four NV,BE,CN,BE,C26,2020,automation,10,Published,Press\n"), HttpStatusCode.BadRequest);
        Assert.Contains("status", published.GetProperty("errors")[0].GetProperty("column").GetString());
    }

    [Fact]
    public async Task A_dry_run_stores_nothing_and_a_real_import_stores_every_row()
    {
        var editor = await ClientAsync(MonitorRoles.Editor);
        var csv = Header + "\nDry Run One NV,BE,CN,BE,C26,2020,automation,10,Draft,Press\nDry Run Two NV,FR,IN,FR,C25,2021,labourCostGap,,Draft,Press\n";
        var dry = await Json(await Import(editor, csv, dryRun: true), HttpStatusCode.OK);
        Assert.Equal(2, dry.GetProperty("rowsRead").GetInt32());
        Assert.Equal(0, dry.GetProperty("stored").GetInt32());
        Assert.Contains("Nothing was stored", dry.GetProperty("summary").GetString());
        var before = await Json(await editor.GetAsync("/api/monitor/cases"), HttpStatusCode.OK);
        Assert.DoesNotContain(before.EnumerateArray(), c => c.GetProperty("company").GetString()!.StartsWith("Dry Run", StringComparison.Ordinal));

        var real = await Json(await Import(editor, csv), HttpStatusCode.OK);
        Assert.Equal(2, real.GetProperty("stored").GetInt32());
        var after = await Json(await editor.GetAsync("/api/monitor/cases?status=Draft"), HttpStatusCode.OK);
        Assert.Equal(2, after.EnumerateArray().Count(c => c.GetProperty("company").GetString()!.StartsWith("Dry Run", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Export_writes_csv_xlsx_and_json()
    {
        var client = await ClientAsync(MonitorRoles.Editor);
        var csv = await client.GetAsync("/api/monitor/export?format=csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var text = await csv.Content.ReadAsStringAsync();
        Assert.StartsWith("id,status,isSeed,version,direction,company", text.TrimStart('\uFEFF'));
        Assert.Contains("Barco", text);
        var xlsx = await client.GetByteArrayAsync("/api/monitor/export?format=xlsx");
        Assert.Equal("PK", Encoding.ASCII.GetString(xlsx, 0, 2));
        var json = JsonDocument.Parse(await client.GetStringAsync("/api/monitor/export?format=json")).RootElement;
        Assert.Contains(json.EnumerateArray(), c => c.GetProperty("company").GetString() == "Adidas");
        var stats = await client.GetStringAsync("/api/monitor/export?format=csv&what=stats");
        Assert.StartsWith("dimension,key,label,cases,jobs", stats.TrimStart('\uFEFF'));
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/monitor/export?format=pdf")).StatusCode);
    }

    [Fact]
    public async Task Editing_from_an_old_version_is_a_conflict()
    {
        var editor = await ClientAsync(MonitorRoles.Editor);
        var draft = await Create(editor, new { company = "Conflict Test NV", homeCountry = "BE", origins = "CN", destination = "BE" });
        var id = draft.GetProperty("id").GetString();
        var first = await Json(await editor.PutAsJsonAsync($"/api/monitor/cases/{id}", new { version = 1, company = "Conflict Test NV", homeCountry = "BE", origins = "CN", destination = "BE", jobs = 12 }), HttpStatusCode.OK);
        Assert.Equal(2, first.GetProperty("version").GetInt32());
        var conflict = await Json(await editor.PutAsJsonAsync($"/api/monitor/cases/{id}", new { version = 1, company = "Conflict Test NV", homeCountry = "BE", origins = "CN", destination = "BE", jobs = 99 }), HttpStatusCode.Conflict);
        Assert.Equal(2, conflict.GetProperty("currentVersion").GetInt32());
        var stored = await Json(await editor.GetAsync($"/api/monitor/cases/{id}"), HttpStatusCode.OK);
        Assert.Equal(12, stored.GetProperty("jobs").GetInt32());
        // Without a version the edit is refused; with an invalid field the error is keyed by column.
        Assert.Equal(HttpStatusCode.BadRequest, (await editor.PutAsJsonAsync($"/api/monitor/cases/{id}", new { company = "Conflict Test NV", homeCountry = "BE", destination = "BE" })).StatusCode);
        var invalid = await Json(await editor.PutAsJsonAsync($"/api/monitor/cases/{id}", new { version = 2, company = "Conflict Test NV", homeCountry = "ZZ", destination = "BE" }), HttpStatusCode.BadRequest);
        Assert.True(invalid.GetProperty("errors").TryGetProperty("homeCountry", out _), invalid.GetRawText());
        // Another editor may not edit someone else's draft.
        var other = await ClientAsync(MonitorRoles.Editor);
        await Json(await other.PutAsJsonAsync($"/api/monitor/cases/{id}", new { version = 2, company = "Hijack", homeCountry = "BE", destination = "BE" }), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Creating_a_case_like_a_stored_one_warns_of_a_duplicate()
    {
        var editor = await ClientAsync(MonitorRoles.Editor);
        var created = await Json(await editor.PostAsJsonAsync("/api/monitor/cases", new { company = "Barco NV", homeCountry = "BE", origins = "NO", destination = "BE" }), HttpStatusCode.Created);
        Assert.Contains(created.GetProperty("duplicates").EnumerateArray(), d => d.GetProperty("company").GetString() == "Barco");
    }

    [Fact]
    public async Task Screening_flags_an_announcement_and_prefills_a_draft()
    {
        var editor = await ClientAsync(MonitorRoles.Editor);
        var result = await Json(await editor.PostAsJsonAsync("/api/monitor/screen", new { text = "Acme NV brings production back from China to Belgium, creating 120 jobs at its plant." }), HttpStatusCode.OK);
        Assert.True(result.GetProperty("isLikelyReshoring").GetBoolean(), result.GetRawText());
        Assert.Contains("CN", result.GetProperty("draft").GetProperty("origins").EnumerateArray().Select(o => o.GetString()));
    }

    [Fact]
    public async Task Public_statistics_match_a_hand_counted_fixture()
    {
        // Three published cases from Luxembourg and one draft (not counted). By hand:
        // year 2019: 2, 2020: 1; origin CN 2, IN 1, PL 1 (a case leaving CN and IN counts for both); sector C26 2, C29 1;
        // type backshoring 2 (LU → LU), nearshoring 1 (LU → DE); motive automation 2, labourCostGap 1, deliveryTimes 1;
        // quadrant internal cost 2, external cost 1, internal customer value 1; jobs 40 + 120 = 160 over 2 cases, 1 unknown;
        // bands 11-50: 1 case (40), 101-250: 1 case (120).
        var admin = await ClientAsync(MonitorRoles.Admin);
        var csv = Header + "\n" +
                  "Fixture A SA,LU,CN;IN,LU,C26,2019-04-01,labourCostGap;automation,40,Published,Press\n" +
                  "Fixture B SA,LU,CN,LU,C29,2019,automation,120,Published,Press\n" +
                  "Fixture C SA,LU,PL,DE,C26,2020-06-30,deliveryTimes,,Published,Press\n" +
                  "Fixture D SA,LU,CN,LU,C26,2020,automation,1000,Draft,Press\n";
        await Json(await Import(admin, csv), HttpStatusCode.OK);
        var s = await Json(await Anonymous().GetAsync("/api/monitor/public/stats?homeCountry=LU&seed=false"), HttpStatusCode.OK);
        Assert.Equal(3, s.GetProperty("cases").GetInt32());
        Dictionary<string, int> Counts(string dim) => s.GetProperty("counts").GetProperty(dim).EnumerateArray().ToDictionary(r => r.GetProperty("key").GetString()!, r => r.GetProperty("count").GetInt32());
        Assert.Equal(new Dictionary<string, int> { ["2019"] = 2, ["2020"] = 1 }, Counts("year"));
        Assert.Equal(new Dictionary<string, int> { ["CN"] = 2, ["IN"] = 1, ["PL"] = 1 }, Counts("origin"));
        Assert.Equal(new Dictionary<string, int> { ["C26"] = 2, ["C29"] = 1 }, Counts("sector"));
        Assert.Equal(new Dictionary<string, int> { ["Backshoring"] = 2, ["Nearshoring"] = 1 }, Counts("type"));
        Assert.Equal(new Dictionary<string, int> { ["automation"] = 2, ["labourCostGap"] = 1, ["deliveryTimes"] = 1 }, Counts("motive"));
        // deliveryTimes sits in the hybrid zone of customer value (the study's framework, issue 18).
        Assert.Equal(new Dictionary<string, int> { ["InternalCostEfficiency"] = 2, ["ExternalCostEfficiency"] = 1, ["HybridCustomerValue"] = 1 }, Counts("quadrant"));
        Assert.Equal(new Dictionary<string, int> { ["Published"] = 3 }, Counts("status"));
        var jobs = s.GetProperty("jobs");
        Assert.Equal(160, jobs.GetProperty("totalJobs").GetInt32());
        Assert.Equal(2, jobs.GetProperty("casesWithKnownJobs").GetInt32());
        Assert.Equal(1, jobs.GetProperty("casesWithUnknownJobs").GetInt32());
        var bands = jobs.GetProperty("bands").EnumerateArray().ToDictionary(b => b.GetProperty("band").GetString()!, b => (b.GetProperty("cases").GetInt32(), b.GetProperty("jobs").GetInt32()));
        Assert.Equal((1, 40), bands["11-50"]);
        Assert.Equal((1, 120), bands["101-250"]);
        Assert.Equal((0, 0), bands[">1000"]);

        // Filters narrow it: sector C26 and year 2019 leaves Fixture A only.
        var narrowed = await Json(await Anonymous().GetAsync("/api/monitor/public/stats?homeCountry=LU&sector=C26&from=2019&to=2019&by=year"), HttpStatusCode.OK);
        Assert.Equal(1, narrowed.GetProperty("cases").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, (await Anonymous().GetAsync("/api/monitor/public/stats?by=colour")).StatusCode);
    }

    [Fact]
    public async Task The_site_admin_assigns_monitor_roles()
    {
        var adminEmail = $"site-{Guid.NewGuid():N}@example.org";
        await app.CreateUserAsync(adminEmail, admin: true);
        var admin = await app.ApiClientAsync(adminEmail);
        var email = $"later-{Guid.NewGuid():N}@example.org";
        var id = await app.CreateUserAsync(email);
        var user = await app.ApiClientAsync(email);
        Assert.Equal(HttpStatusCode.Forbidden, (await user.PostAsJsonAsync("/api/monitor/cases", CompleteCase("Role Test NV"))).StatusCode);
        var set = await Json(await admin.PutAsJsonAsync($"/api/users/{id}/roles", new { roles = new[] { MonitorRoles.Editor } }), HttpStatusCode.OK);
        Assert.Equal(MonitorRoles.Editor, set.GetProperty("roles")[0].GetString());
        // The role applies at once, with the token issued before.
        await Create(user, CompleteCase("Role Test NV"));
        Assert.Equal(HttpStatusCode.Forbidden, (await user.PutAsJsonAsync($"/api/users/{id}/roles", new { roles = new[] { MonitorRoles.Admin } })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PutAsJsonAsync($"/api/users/{id}/roles", new { roles = new[] { "wizard" } })).StatusCode);
    }
}

/// <summary>On SQLite.</summary>
public sealed class SqliteMonitorApiTests(SqliteApp app) : MonitorApiTests<SqliteApp>(app);

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresMonitorApiTests(PostgresApp app) : MonitorApiTests<PostgresApp>(app);
