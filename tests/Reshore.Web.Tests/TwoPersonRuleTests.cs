using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Reshore.Web.Services.Monitor;

namespace Reshore.Web.Tests;

/// <summary>The monitor's two-person rule as a default deployment has it: nobody publishes what they drafted, an admin included.</summary>
public sealed class TwoPersonRuleTests(SqliteTwoPersonApp app) : IClassFixture<SqliteTwoPersonApp>
{
    private async Task<HttpClient> ClientAsync(string role)
    {
        var email = $"{role}-{Guid.NewGuid():N}@example.org";
        var id = await app.CreateUserAsync(email);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
            Assert.True((await users.AddToRoleAsync((await users.FindByIdAsync(id))!, role)).Succeeded);
        }
        return await app.ApiClientAsync(email);
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}, expected {expected}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static Task<HttpResponseMessage> Step(HttpClient client, JsonElement c, string action) =>
        client.PostAsJsonAsync($"/api/monitor/cases/{c.GetProperty("id").GetString()}/transitions", new { action, version = c.GetProperty("version").GetInt32() });

    [Fact]
    public async Task The_drafter_cannot_publish_a_second_person_can_and_imports_cannot_be_published()
    {
        var admin = await ClientAsync(MonitorRoles.Admin);
        var reviewer = await ClientAsync(MonitorRoles.Reviewer);
        var created = (await Json(await admin.PostAsJsonAsync("/api/monitor/cases", new
        {
            company = "Four Eyes NV", homeCountry = "BE", origins = "CN", destination = "BE", nace = "C26", announcementDate = "2022", sourceTitle = "Press release",
        }), HttpStatusCode.Created)).GetProperty("case");
        var submitted = await Json(await Step(admin, created, "submit"), HttpStatusCode.OK);
        var refused = await Json(await Step(admin, submitted, "publish"), HttpStatusCode.Forbidden);
        Assert.Contains("Two-person rule", refused.GetProperty("detail").GetString());
        var published = await Json(await Step(reviewer, submitted, "publish"), HttpStatusCode.OK);
        Assert.Equal("Published", published.GetProperty("status").GetString());

        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes("company,homeCountry,origins,destination,nace,status,sourceTitle\nSelf Published NV,BE,CN,BE,C26,Published,Press\n"));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "cases.csv");
        var import = await Json(await admin.PostAsync("/api/monitor/import", form), HttpStatusCode.BadRequest);
        Assert.Contains("Two-person rule", import.GetProperty("errors")[0].GetProperty("reason").GetString());
    }
}
