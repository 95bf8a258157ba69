using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using ApprovalFlow.Tests.Web;

namespace ApprovalFlow.Tests.Dashboard;

/// <summary>The <c>/dashboard</c> page: tables with the Vietnamese number format, a canvas per chart, data for the script.</summary>
public sealed class DashboardPageTests(DashboardFixture fixture) : IClassFixture<DashboardFixture>
{
    private AppFactory App => fixture.App;

    private static string[] Cells(IElement row) => [.. row.QuerySelectorAll("th, td").Select(c => c.TextContent.Trim())];

    private static IElement RowOf(IElement table, string label) =>
        table.QuerySelectorAll("tbody tr").Single(r => Cells(r)[0].StartsWith(label, StringComparison.Ordinal));

    [Fact]
    public async Task The_page_shows_every_chart_and_the_same_numbers_in_tables_formatted_the_Vietnamese_way()
    {
        var page = await (await PageSession.LoginAsync(App, "admin@demo.local")).GetAsync($"/dashboard?requestId={fixture.RequestA}");

        Assert.Equal(["agency", "year", "steps", "overdue"], page.QuerySelectorAll("canvas[data-chart]").Select(c => c.GetAttribute("data-chart")));
        var byAgency = page.QuerySelector("[data-testid=by-agency]")!;
        Assert.Equal(["Ban Dân tộc tỉnh Quảng Ngãi", "1.250,5", "350,25", "1.150", "300", "800,5", "150"], Cells(RowOf(byAgency, "Ban Dân tộc")));
        Assert.Equal(["Tổng cộng", "1.750,5", "850,25", "1.550", "700", "800,5", "150"], Cells(page.QuerySelector("[data-testid=by-agency-total]")!));
        Assert.Equal(["2025", "1.750,5", "850,25", "1.550", "700", "800,5", "150"], Cells(RowOf(page.QuerySelector("[data-testid=by-year]")!, "2025")));
        Assert.Equal(["Thẩm định đề xuất", "1", "0", "1", "0", "2"], Cells(RowOf(page.QuerySelector("[data-testid=by-step]")!, "Thẩm định đề xuất")));
        Assert.Equal(["Sở Tài chính tỉnh Quảng Ngãi", "1"], Cells(RowOf(page.QuerySelector("[data-testid=overdue-by-agency]")!, "Sở Tài chính")));

        var data = JsonDocument.Parse(page.QuerySelector("script#dashboard-data")!.TextContent).RootElement;
        Assert.Equal("vi-VN", data.GetProperty("locale").GetString());
        var agencyChart = data.GetProperty("charts").GetProperty("agency");
        Assert.Equal(2, agencyChart.GetProperty("labels").GetArrayLength());
        var proposedPeriod = agencyChart.GetProperty("series").EnumerateArray().Single(s => s.GetProperty("key").GetString() == "proposed" && s.GetProperty("measure").GetString() == "period");
        Assert.Equal("Đề xuất", proposedPeriod.GetProperty("label").GetString());
        Assert.Equal([1250.5m, 500m], proposedPeriod.GetProperty("values").EnumerateArray().Select(v => v.GetDecimal()));
        Assert.NotNull(page.QuerySelector("script[src^='/lib/chart.js/chart.umd.min.js']"));
    }

    [Fact]
    public async Task In_English_the_numbers_and_labels_follow_the_culture_switch()
    {
        var session = await PageSession.LoginAsync(App, "admin@demo.local");
        var url = $"/dashboard?requestId={fixture.RequestA}";
        var toggle = (await session.GetAsync(url)).Forms.Single(f => f.GetAttribute("action") == "/culture");
        using var switched = await session.SubmitAsync(url, toggle, overrides: new() { ["culture"] = "en" });
        Assert.Equal(url, switched.Headers.Location!.OriginalString);
        var page = await session.GetAsync(url);

        Assert.Equal(["Total", "1,750.5", "850.25", "1,550", "700", "800.5", "150"], Cells(page.QuerySelector("[data-testid=by-agency-total]")!));
        var data = JsonDocument.Parse(page.QuerySelector("script#dashboard-data")!.TextContent).RootElement;
        Assert.Equal("en-US", data.GetProperty("locale").GetString());
        Assert.Contains(data.GetProperty("charts").GetProperty("agency").GetProperty("series").EnumerateArray(), s => s.GetProperty("label").GetString() == "Proposed");
    }

    [Fact]
    public async Task A_hostile_step_title_stays_text_in_the_table_and_inside_the_chart_data()
    {
        var session = await PageSession.LoginAsync(App, "admin@demo.local");
        using var response = await session.Client.GetAsync($"/dashboard?requestId={fixture.RequestB}");
        var html = await response.Content.ReadAsStringAsync();
        var page = await PageSession.ParseAsync(response);

        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.Contains(page.QuerySelectorAll("[data-testid=by-step] tbody th"), th => th.TextContent == DashboardFixture.HostileTitle);
        var steps = JsonDocument.Parse(page.QuerySelector("script#dashboard-data")!.TextContent).RootElement.GetProperty("charts").GetProperty("steps");
        Assert.Contains(steps.GetProperty("labels").EnumerateArray(), l => l.GetString() == DashboardFixture.HostileTitle);
    }

    [Fact]
    public async Task An_agency_user_sees_their_own_agency_only_and_the_navigation_links_the_page()
    {
        var page = await (await PageSession.LoginAsync(App, "chuyenvien.stc@demo.local")).GetAsync("/dashboard");

        var rows = page.QuerySelectorAll("[data-testid=by-agency] tbody tr");
        Assert.Equal("Sở Tài chính tỉnh Quảng Ngãi", Cells(Assert.Single(rows))[0]);
        Assert.NotNull(page.QuerySelector("nav a[href='/dashboard']"));
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_the_login_page_and_an_invisible_request_is_not_found()
    {
        using var anonymous = await PageSession.Anonymous(App).Client.GetAsync("/dashboard");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/Account/Login", anonymous.Headers.Location!.PathAndQuery, StringComparison.Ordinal);

        var stc = await PageSession.LoginAsync(App, "chuyenvien.stc@demo.local");
        using var other = await stc.Client.GetAsync($"/dashboard?requestId={fixture.RequestB}");
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
    }
}
