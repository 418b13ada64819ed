using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Reshore.Data.Examples;

namespace Reshore.Web.Tests;

/// <summary>A workspace's own countries, lanes and HS codes (issue 14, item 5): stored per workspace, used by its cases only.</summary>
public abstract class WorkspaceReferenceTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : ReshoreApp
{
    // The LED example with its Polish supplier moved to Ecuador (not in the bundled data) on a lane the bundle lacks.
    private static string EcuadorCase => ExampleCatalog.Find("led-lamps")!.Text
        .Replace("country: PL", "country: EC").Replace("lane: PL-ROAD-WARSAW", "lane: EC-SEA-GUAYAQUIL");

    private static async Task<JsonElement> Json(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode} {response.StatusCode}, expected {expected}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    private static async Task<Guid> Workspace(HttpClient client, string name) =>
        (await Json(await client.PostAsJsonAsync("/api/workspaces", new { name }), HttpStatusCode.Created)).GetProperty("id").GetGuid();

    private static object Ecuador => new { code = "EC", name = "Ecuador", currency = "USD", tradeRegime = "fta", labourCostEurPerHour = 3.1, electricityEurPerKwh = 0.09, gridGCo2ePerKwh = 250, source = "INEC test figures", year = 2025 };
    private static object Guayaquil => new { id = "EC-SEA-GUAYAQUIL", origin = "EC", originPlace = "Guayaquil", mode = "sea", distanceKm = 10500, transitDays = 21, rate = 1800, rateCurrency = "USD", rateUnit = "per_feu", isDefault = true, source = "forwarder quote test", year = 2026 };
    private static object LedDuty => new { hsCode = "8539 52 00", description = "LED lamps", mfnDutyPct = 9.9, source = "TARIC test", year = 2026 };

    [Fact]
    public async Task A_workspace_adds_a_country_a_lane_and_an_hs_code_and_its_cases_use_them()
    {
        var client = await app.NewUserClientAsync();
        var ws = await Workspace(client, "Andes sourcing");
        var other = await Workspace(client, "Other client");

        // Before: the country and the lane are unknown, so the case is refused.
        var refused = await Json(await client.PostAsJsonAsync($"/api/workspaces/{ws}/cases", new { text = EcuadorCase, format = "yaml" }), HttpStatusCode.BadRequest);
        Assert.Contains("EC", refused.GetRawText());

        var country = await Json(await client.PutAsJsonAsync($"/api/workspaces/{ws}/reference/countries", Ecuador), HttpStatusCode.OK);
        Assert.Equal("EC", country.GetProperty("key").GetString());
        await Json(await client.PutAsJsonAsync($"/api/workspaces/{ws}/reference/lanes", Guayaquil), HttpStatusCode.OK);
        var duty = await Json(await client.PutAsJsonAsync($"/api/workspaces/{ws}/reference/hs-codes", LedDuty), HttpStatusCode.OK);
        Assert.Equal("85395200", duty.GetProperty("key").GetString());

        var list = await Json(await client.GetAsync($"/api/workspaces/{ws}/reference"), HttpStatusCode.OK);
        Assert.Equal(1, list.GetProperty("countries").GetArrayLength());
        Assert.Equal(1, list.GetProperty("lanes").GetArrayLength());
        Assert.Equal("TARIC test", list.GetProperty("hsCodes")[0].GetProperty("entry").GetProperty("source").GetString());

        // Now the case validates and its evaluation shows the workspace's values with their source.
        var created = await Json(await client.PostAsJsonAsync($"/api/workspaces/{ws}/cases", new { text = EcuadorCase, format = "yaml" }), HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();
        var evaluation = await Json(await client.PostAsync($"/api/cases/{id}/evaluate", null), HttpStatusCode.OK);
        var text = evaluation.GetRawText();
        Assert.Contains("\"country\":\"EC\"", text.Replace(" ", ""));
        Assert.Contains("workspace: forwarder quote test", text);
        Assert.Contains("workspace: TARIC test", text);
        // The Chinese option (MFN) pays the workspace's 9.9 % instead of the bundled rate.
        var cn = evaluation.GetProperty("items")[0].GetProperty("options").EnumerateArray().First(o => o.GetProperty("id").GetString() == "cn-cm");
        var dutyInputs = cn.GetProperty("lines").EnumerateArray().Where(l => l.GetProperty("factor").GetString() == "importDuty")
            .SelectMany(l => l.GetProperty("inputs").EnumerateArray()).Select(i => i.GetRawText()).ToList();
        Assert.Contains(dutyInputs, i => i.Contains("9.9") && i.Contains("workspace: TARIC test"));

        // One snapshot per set of entries: a second read finds the first, and with it the results cached for the case (issue 17).
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var reference = scope.ServiceProvider.GetRequiredService<Reshore.Web.Services.WorkspaceReference>();
            Assert.Same(await reference.MarketAsync(ws), await reference.MarketAsync(ws));
        }

        // Another workspace of the same user does not see them: the same case is refused there.
        await Json(await client.PostAsJsonAsync($"/api/workspaces/{other}/cases", new { text = EcuadorCase, format = "yaml" }), HttpStatusCode.BadRequest);

        // Removing the HS code brings back the bundled duty; removing the country makes the stored case unreadable (400, not 500).
        await Json(await client.DeleteAsync($"/api/workspaces/{ws}/reference/hs-codes/85395200"), HttpStatusCode.NoContent);
        Assert.DoesNotContain("workspace: TARIC test", (await Json(await client.PostAsync($"/api/cases/{id}/evaluate", null), HttpStatusCode.OK)).GetRawText());
        await Json(await client.DeleteAsync($"/api/workspaces/{ws}/reference/countries/ec"), HttpStatusCode.NoContent);
        await Json(await client.PostAsync($"/api/cases/{id}/evaluate", null), HttpStatusCode.BadRequest);
        await Json(await client.DeleteAsync($"/api/workspaces/{ws}/reference/countries/EC"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Viewers_read_editors_write_outsiders_see_nothing_and_bad_entries_are_refused_by_field()
    {
        var owner = await app.NewUserClientAsync();
        var viewerEmail = $"viewer-{Guid.NewGuid():N}@example.org";
        var viewer = await app.NewUserClientAsync(viewerEmail);
        var outsider = await app.NewUserClientAsync();
        var ws = await Workspace(owner, "Reference rules");
        await Json(await owner.PostAsJsonAsync($"/api/workspaces/{ws}/members", new { email = viewerEmail, role = "viewer" }), HttpStatusCode.OK);
        await Json(await owner.PutAsJsonAsync($"/api/workspaces/{ws}/reference/hs-codes", LedDuty), HttpStatusCode.OK);

        await Json(await viewer.GetAsync($"/api/workspaces/{ws}/reference"), HttpStatusCode.OK);
        await Json(await viewer.PutAsJsonAsync($"/api/workspaces/{ws}/reference/countries", Ecuador), HttpStatusCode.Forbidden);
        await Json(await viewer.DeleteAsync($"/api/workspaces/{ws}/reference/hs-codes/85395200"), HttpStatusCode.Forbidden);
        await Json(await outsider.GetAsync($"/api/workspaces/{ws}/reference"), HttpStatusCode.NotFound);
        await Json(await outsider.PutAsJsonAsync($"/api/workspaces/{ws}/reference/countries", Ecuador), HttpStatusCode.NotFound);

        var bad = await Json(await owner.PutAsJsonAsync($"/api/workspaces/{ws}/reference/lanes",
            new { id = "EC-BOAT", origin = "EC", originPlace = "Manta", mode = "boat", distanceKm = -5, transitDays = 10, source = "", year = 2026 }), HttpStatusCode.BadRequest);
        var errors = bad.GetProperty("errors");
        foreach (var field in new[] { "mode", "distanceKm", "source" }) Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}: {bad}");
        var unreadable = await Json(await owner.PutAsJsonAsync($"/api/workspaces/{ws}/reference/countries", new { code = "EC", labourCost = 3, source = "x", year = 2025 }), HttpStatusCode.BadRequest);
        Assert.Contains("labourCost", unreadable.GetRawText());
        await Json(await owner.PutAsJsonAsync($"/api/workspaces/{ws}/reference/planets", Ecuador), HttpStatusCode.BadRequest);
        var list = await Json(await owner.GetAsync($"/api/workspaces/{ws}/reference"), HttpStatusCode.OK);
        Assert.Equal(0, list.GetProperty("lanes").GetArrayLength());
        Assert.Equal(0, list.GetProperty("countries").GetArrayLength());
    }
}

/// <summary>On SQLite.</summary>
public sealed class SqliteWorkspaceReferenceTests(SqliteApp app) : WorkspaceReferenceTests<SqliteApp>(app);

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresWorkspaceReferenceTests(PostgresApp app) : WorkspaceReferenceTests<PostgresApp>(app);
