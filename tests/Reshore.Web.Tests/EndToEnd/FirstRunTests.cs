using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Reshore.Web.Tests.EndToEnd;

/// <summary>The first start: no account yet, the setup page creates the administrator.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class FirstRunTests(EndToEndFixture fixture) : IClassFixture<EndToEndFixture>
{
    [Fact]
    public async Task First_run_setup_creates_the_admin_who_can_sign_out_and_in_again()
    {
        const string email = "owner@example.org";
        const string password = "Owner-Secret-1";
        var page = await fixture.NewPageAsync();
        try
        {
            // Without an account, the login page points to the setup.
            await page.GotoAsync("/login");
            await Expect(page.Locator("a[href='/setup']")).ToBeVisibleAsync();
            await Screenshots.SaveAsync(page, "00-login-first-run");

            await page.Locator("a[href='/setup']").ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/setup$"));
            await page.Locator("input[name=email]").FillAsync(email);
            await page.Locator("input[name=password]").FillAsync(password);
            await page.Locator("#setup").ClickAsync();

            // Signed in as the administrator, a member of the Examples workspace.
            await Expect(page).ToHaveURLAsync(new Regex(@"^http://[^/]+/$"));
            await Expect(page.Locator("header .user")).ToHaveTextAsync(email);
            await Expect(page.Locator("header a[href='/admin/users']")).ToBeVisibleAsync();
            await Expect(page.Locator("#workspaces")).ToContainTextAsync("Examples");

            // The setup is done once only.
            await page.GotoAsync("/setup");
            await Expect(page.Locator("form[action='/account/setup']")).ToHaveCountAsync(0);
            await Expect(page.Locator("a[href='/login']").First).ToBeVisibleAsync();

            // Sign out: back on the login page, and the workspaces are out of reach.
            await page.GotoAsync("/");
            await page.Locator("form[action='/account/logout'] button").ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/login"));
            await Expect(page.Locator("header .user")).ToHaveCountAsync(0);
            await Screenshots.SaveAsync(page, "01-login");
            await page.GotoAsync("/");
            await Expect(page).ToHaveURLAsync(new Regex("/login"));

            // A wrong password is refused.
            await page.Locator("input[name=email]").FillAsync(email);
            await page.Locator("input[name=password]").FillAsync("wrong-password-1");
            await page.Locator("#login").ClickAsync();
            await Expect(page.Locator("p.error[role=alert]")).ToBeVisibleAsync();

            // Sign in again.
            await EndToEndFixture.LoginAsync(page, email, password);
            await Expect(page.Locator("header .user")).ToHaveTextAsync(email);
            await Expect(page.Locator("#workspaces")).ToContainTextAsync("Examples");
        }
        finally
        {
            await EndToEndFixture.CloseAsync(page);
        }
    }
}
