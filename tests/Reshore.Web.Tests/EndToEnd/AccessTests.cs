using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Reshore.Web.Tests.EndToEnd;

/// <summary>Accounts and who sees what: the admin page, workspace isolation, anonymous visitors; also the reference and API pages.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class AccessTests(EndToEndFixture fixture) : IClassFixture<EndToEndFixture>
{
    [Fact]
    public async Task A_second_user_created_by_the_admin_does_not_see_the_first_users_workspace_or_case()
    {
        const string second = "second@example.org";
        const string secondPassword = "Second-User-2";
        var admin = await fixture.AdminPageAsync();
        Guid ws, id;
        try
        {
            ws = await EndToEndFixture.CreateWorkspaceAsync(admin, "Confidential plans");
            id = await EndToEndFixture.CreateCaseAsync(admin, ws);

            await admin.Locator("header a[href='/admin/users']").ClickAsync();
            await Expect(admin).ToHaveURLAsync(new Regex("/admin/users$"));
            await admin.Locator("#new-email").FillAsync(second);
            await admin.Locator("#new-password").FillAsync(secondPassword);
            await admin.Locator("input[name=examples]").UncheckAsync();
            await admin.Locator("#create-user").ClickAsync();
            await Expect(admin.Locator("p.ok[role=status]")).ToContainTextAsync(second);
            await Expect(admin.Locator("#users")).ToContainTextAsync(second);
            await Screenshots.SaveAsync(admin, "11-admin-users");
        }
        finally
        {
            await EndToEndFixture.CloseAsync(admin);
        }

        var page = await fixture.NewPageAsync();
        try
        {
            await EndToEndFixture.LoginAsync(page, second, secondPassword);
            await Expect(page.Locator("header .user")).ToHaveTextAsync(second);
            await Expect(page.Locator("main")).Not.ToContainTextAsync("Confidential plans");
            await Expect(page.Locator("#workspaces")).ToHaveCountAsync(0);
            await Expect(page.Locator("header a[href='/admin/users']")).ToHaveCountAsync(0);

            // Every page of the other user's workspace and case answers 404 with the not-found message and nothing of the case.
            var problems = new List<string>();
            foreach (var url in new[] { $"/workspaces/{ws}", $"/cases/{id}", $"/cases/{id}/edit", $"/cases/{id}/simulate", $"/cases/{id}/optimize" })
            {
                var response = await page.GotoAsync(url);
                Assert.True(response is { Status: 404 }, $"{url}: {response?.Status}");
                if (url == $"/cases/{id}") await Screenshots.SaveAsync(page, "12-not-found");
                var body = await page.Locator("body").InnerTextAsync();
                Assert.DoesNotContain("LED lamps", body, StringComparison.Ordinal);
                Assert.DoesNotContain("Confidential plans", body, StringComparison.Ordinal);
                if (await page.Locator("main h1").CountAsync() == 0 || await page.Locator("main h1").InnerTextAsync() != "Not found")
                    problems.Add($"{url} answers 404 without the not-found page: {(body.Length > 200 ? body[..200] : body)}");
            }

            foreach (var url in new[] { $"/api/cases/{id}", $"/api/cases/{id}/case.json", $"/api/cases/{id}/report.pdf", $"/api/workspaces/{ws}/cases" })
            {
                var api = await page.APIRequest.GetAsync(url);
                Assert.True(api.Status == 404, $"{url}: {api.Status}");
            }

            // The users page is for site administrators only.
            await page.GotoAsync("/admin/users");
            await Expect(page).ToHaveURLAsync(new Regex("/login"));
            await Expect(page.Locator("#new-email")).ToHaveCountAsync(0);
            Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        }
        finally
        {
            await EndToEndFixture.CloseAsync(page);
        }
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_the_login_page()
    {
        var page = await fixture.NewPageAsync();
        try
        {
            foreach (var url in new[] { "/", $"/cases/{Guid.NewGuid()}", "/admin/users", $"/workspaces/{Guid.NewGuid()}", "/reference" })
            {
                await page.GotoAsync(url);
                await Expect(page).ToHaveURLAsync(new Regex(@"/login(\?|$)"));
                await Expect(page.Locator("#login")).ToBeVisibleAsync();
                await Expect(page.Locator("header .user")).ToHaveCountAsync(0);
            }
            var api = await page.APIRequest.GetAsync("/api/workspaces");
            Assert.Equal(401, api.Status);
        }
        finally
        {
            await EndToEndFixture.CloseAsync(page);
        }
    }

    [Fact]
    public async Task The_reference_data_and_API_pages_render()
    {
        var page = await fixture.AdminPageAsync();
        try
        {
            await page.Locator("header a[href='/reference']").ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/reference$"));
            await Expect(page.Locator("main h1")).ToHaveTextAsync("Reference data");
            await Expect(page.Locator("main table.grid").First).ToBeVisibleAsync();
            Assert.True(await page.Locator("main table.grid tbody tr").CountAsync() > 5);
            await Screenshots.SaveAsync(page, "09-reference");

            await page.Locator("header a[href='/api-docs']").ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/api-docs$"));
            await Expect(page.Locator("#api-endpoints")).ToContainTextAsync("/api/cases/{id:guid}");
            await Expect(page.Locator("#openapi-link")).ToBeVisibleAsync();
            await Screenshots.SaveAsync(page, "10-api");
            var openApi = await page.APIRequest.GetAsync("/openapi/v1.json");
            Assert.Equal(200, openApi.Status);
            Assert.Contains("\"openapi\"", await openApi.TextAsync(), StringComparison.Ordinal);
        }
        finally
        {
            await EndToEndFixture.CloseAsync(page);
        }
    }
}
