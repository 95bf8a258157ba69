using ApprovalFlow.Tests.Browser;
using Microsoft.Playwright;

namespace ApprovalFlow.Tests.Dashboard;

/// <summary>The dashboard in Chromium: Chart.js draws the four charts from the page's data, and the budget switch redraws them.</summary>
public sealed class DashboardBrowserTests(DashboardBrowserTests.Fixture fixture) : IClassFixture<DashboardBrowserTests.Fixture>
{
    /// <summary>The browser host with the dashboard's known figures.</summary>
    public sealed class Fixture : IAsyncLifetime
    {
        public BrowserFixture Browser { get; } = new();

        public Guid RequestA { get; private set; }

        public async Task InitializeAsync()
        {
            await Browser.InitializeAsync();
            (RequestA, _) = await DashboardFixture.SeedAsync(Browser.App);
        }

        public Task DisposeAsync() => Browser.DisposeAsync();
    }

    /// <summary>The values of each dataset Chart.js holds for the chart drawn on <c>canvas[data-chart=name]</c>.</summary>
    private static Task<decimal[][]> DatasetsAsync(IPage page, string name) =>
        page.EvaluateAsync<decimal[][]>(
            "name => Chart.getChart(document.querySelector(`canvas[data-chart=\"${name}\"]`)).data.datasets.map(d => d.data)", name);

    [Fact]
    public async Task The_charts_are_drawn_and_the_switch_shows_the_whole_period()
    {
        var page = await fixture.Browser.SignInAsync("admin@demo.local");
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        await page.EmulateMediaAsync(new() { ReducedMotion = ReducedMotion.Reduce });

        await page.GotoAsync($"/dashboard?requestId={fixture.RequestA}");
        foreach (var chart in new[] { "agency", "year", "steps", "overdue" })
        {
            await Assertions.Expect(page.Locator($"canvas[data-chart={chart}]")).ToBeVisibleAsync();
        }

        // Agencies by name (Ban Dân tộc, Sở Tài chính); series proposed, recommended, approved; the plan year first.
        Assert.Equal([[350.25m, 500m], [300m, 400m], [150m, 0m]], await DatasetsAsync(page, "agency"));
        // Steps in the chain's order (draft, sign-off, review, consolidation, decision); overdue, on time, completed, cancelled.
        var steps = await DatasetsAsync(page, "steps");
        Assert.Equal([0m, 0m, 1m, 1m, 0m], steps[0]);
        Assert.Equal([2m, 1m, 1m, 0m, 1m], steps[2]);

        await page.GetByRole(AriaRole.Group, new() { Name = "Biểu đồ kinh phí:" }).GetByText("Cả giai đoạn").ClickAsync();
        Assert.Equal([[1250.5m, 500m], [1150m, 400m], [800.5m, 0m]], await DatasetsAsync(page, "agency"));
        Assert.Equal([[1750.5m], [1550m], [800.5m]], await DatasetsAsync(page, "year"));

        await BrowserFixture.KeepScreenshotAsync(page, "dashboard");
        Assert.Empty(errors);
    }
}
