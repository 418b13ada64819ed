using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Reshore.Web.Tests.EndToEnd;

/// <summary>The risk simulation (background job with progress) and the optimal mix.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class SimulationTests(EndToEndFixture fixture) : IClassFixture<EndToEndFixture>
{
    private const string Item = "led-a60-9w";

    // Records, in sessionStorage (it survives the navigation to the results), that the progress bar was shown and what the
    // status line said: with few scenarios the job can finish before a test could look at the bar.
    private const string WatchProgress = """
        () => {
          sessionStorage.removeItem('progressShown');
          sessionStorage.setItem('statusTexts', '[]');
          const bar = document.getElementById('simulation-progress');
          const status = document.querySelector('#simulation-runner .status');
          new MutationObserver(() => { if (!bar.hidden) sessionStorage.setItem('progressShown', bar.value); })
            .observe(bar, { attributes: true });
          new MutationObserver(() => {
            const texts = JSON.parse(sessionStorage.getItem('statusTexts'));
            texts.push(status.textContent);
            sessionStorage.setItem('statusTexts', JSON.stringify(texts));
          }).observe(status, { childList: true, characterData: true, subtree: true });
        }
        """;

    [Fact]
    public async Task A_simulation_with_few_scenarios_shows_progress_then_the_strategies_and_risk_charts()
    {
        var page = await fixture.AdminPageAsync();
        try
        {
            var ws = await EndToEndFixture.CreateWorkspaceAsync(page, "Risk");
            var id = await EndToEndFixture.CreateCaseAsync(page, ws);

            await page.Locator("#tab-simulate").ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex($"/cases/{id}/simulate$"));
            await Expect(page.Locator("#simulation-progress")).ToBeHiddenAsync();
            await page.Locator("#scenarios").FillAsync("200");
            await page.EvaluateAsync(WatchProgress);
            await page.Locator("#run-simulation").ClickAsync();

            await Expect(page).ToHaveURLAsync(new Regex($"/cases/{id}/simulate\\?job=[0-9a-f-]{{36}}$"));
            Assert.NotNull(await page.EvaluateAsync<string?>("() => sessionStorage.getItem('progressShown')"));
            var statuses = await page.EvaluateAsync<string[]>("() => JSON.parse(sessionStorage.getItem('statusTexts') || '[]')");
            Assert.Contains(statuses, s => Regex.IsMatch(s, @"^\d+ % \("));

            await Expect(page.Locator("#simulation-summary")).ToContainTextAsync("200 scenarios");
            var strategies = page.Locator($"#strategies-{Item}");
            await Expect(strategies).ToBeVisibleAsync();
            await Expect(strategies).ToContainTextAsync("Dual sourcing 70/30 China–Poland");
            Assert.True(await strategies.Locator("tbody tr").CountAsync() >= 3);
            await Expect(strategies.Locator("tbody tr.best")).ToHaveCountAsync(1);
            var charts = page.Locator($"#risk-charts-{Item} figure > svg");
            await Expect(charts).ToHaveCountAsync(2);
            for (var i = 0; i < 2; i++)
            {
                await Expect(charts.Nth(i)).ToBeVisibleAsync();
                var box = await charts.Nth(i).BoundingBoxAsync();
                Assert.True(box is { Width: > 100, Height: > 100 }, $"risk chart {i} is {box?.Width}×{box?.Height}");
            }
            await Expect(page.Locator($"#survival-{Item}")).ToBeVisibleAsync();
            await Screenshots.SaveAsync(page, "06-simulation-results");
        }
        finally
        {
            await EndToEndFixture.CloseAsync(page);
        }
    }

    [Fact]
    public async Task The_optimiser_finds_a_mix_and_draws_the_frontier()
    {
        var page = await fixture.AdminPageAsync();
        try
        {
            var ws = await EndToEndFixture.CreateWorkspaceAsync(page, "Mix");
            var id = await EndToEndFixture.CreateCaseAsync(page, ws);

            await page.Locator("#tab-optimize").ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex($"/cases/{id}/optimize$"));
            await page.Locator("input[name=scenarios]").FillAsync("200");
            await page.Locator("input[name=frontier]").CheckAsync();
            await page.Locator("#run-optimizer").ClickAsync();
            var optimum = page.Locator($"#optimum-{Item}");
            await Expect(optimum).ToBeVisibleAsync();
            await Expect(optimum.Locator("tbody tr.best")).ToHaveCountAsync(1);
            await Expect(page.Locator($"#chart-frontier-{Item} > svg")).ToBeVisibleAsync();
            await Expect(page.Locator($"#frontier-{Item}")).ToBeVisibleAsync();
            await Screenshots.SaveAsync(page, "07-optimize");
        }
        finally
        {
            await EndToEndFixture.CloseAsync(page);
        }
    }
}
