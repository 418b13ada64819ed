using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Reshore.Data.Examples;
using static Microsoft.Playwright.Assertions;

namespace Reshore.Web.Tests.EndToEnd;

/// <summary>A workspace adds a country and a lane on its reference page; a case sourcing from that country then evaluates.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class WorkspaceReferenceEndToEndTests(EndToEndFixture fixture) : IClassFixture<EndToEndFixture>
{
    [Fact]
    public async Task A_workspace_adds_a_country_and_a_lane_and_a_case_from_that_country_is_evaluated_with_them()
    {
        var page = await fixture.AdminPageAsync();
        try
        {
            var ws = await EndToEndFixture.CreateWorkspaceAsync(page, "Andes sourcing");
            await page.Locator("#workspace-reference").ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex($"/workspaces/{ws}/reference$"));
            await Expect(page.Locator("#no-entries")).ToBeVisibleAsync();

            // A form error is shown and nothing is stored.
            await page.Locator("#country-code").FillAsync("EC");
            await page.Locator("#country-labour").FillAsync("3.1");
            await page.Locator("#country-source").FillAsync("INEC wage survey 2025 plus IESS employer contributions");
            await page.Locator("#country-year").FillAsync("2025");
            await page.Locator("#save-country").ClickAsync();
            await Expect(page.Locator("#reference-errors")).ToContainTextAsync("currency");
            await Expect(page.Locator("#no-entries")).ToBeVisibleAsync();

            await EndToEndFixture.AddEcuadorAsync(page, "INEC wage survey 2025 plus IESS employer contributions", "Forwarder quote, March 2026");
            var entries = page.Locator("#entries tbody tr");
            await Expect(entries).ToHaveCountAsync(2);
            await Expect(page.Locator("#entries")).ToContainTextAsync("Forwarder quote, March 2026");
            await Screenshots.SaveAsync(page, "14-workspace-reference");

            // A case whose supplier sits in Ecuador on that lane: uploaded, stored and evaluated.
            var yaml = ExampleCatalog.Find("led-lamps")!.Text.Replace("country: PL", "country: EC").Replace("lane: PL-ROAD-WARSAW", "lane: EC-SEA-GUAYAQUIL");
            await page.GotoAsync($"/workspaces/{ws}");
            await page.Locator("#upload-file").SetInputFilesAsync(new FilePayload { Name = "ecuador.yaml", MimeType = "application/x-yaml", Buffer = Encoding.UTF8.GetBytes(yaml) });
            await page.Locator("#upload").ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex(@"/cases/[0-9a-f-]{36}$"));
            // The country is named (Country_EC), not given as its code.
            await Expect(page.Locator("#comparison-led-a60-9w")).ToContainTextAsync("Ecuador");
        }
        finally
        {
            await EndToEndFixture.CloseAsync(page);
        }
    }
}
