using System.Net;
using System.Text.Json;
using ApprovalFlow.Tests.Infrastructure;
using ApprovalFlow.Tests.Web;

namespace ApprovalFlow.Tests.Dashboard;

/// <summary>On SQLite, the embedded default.</summary>
public sealed class DashboardApiTests(DashboardFixture fixture) : DashboardApiTestsBase(fixture), IClassFixture<DashboardFixture>;

/// <summary>On PostgreSQL: the same queries must translate for Npgsql too.</summary>
[Trait(TestDatabase.Trait, TestDatabase.None)]
public sealed class DashboardPostgreSqlApiTests(DashboardFixture.OnPostgreSql fixture) : DashboardApiTestsBase(fixture), IClassFixture<DashboardFixture.OnPostgreSql>;

/// <summary><c>GET /api/dashboard</c>: exact totals per agency and plan year, work items by step, overdue by agency, each in the caller's scope.</summary>
public abstract class DashboardApiTestsBase(DashboardFixture fixture)
{
    private static readonly string[] Kinds = ["proposed", "recommended", "approved"];
    private static readonly string[] Measures = ["period", "planYear"];
    private static readonly string[] States = ["overdue", "onTime", "completed", "cancelled"];

    private AppFactory App => fixture.App;

    /// <summary>Proposed, recommended, approved: each for the period, then the plan year.</summary>
    private static decimal[] Figures(JsonElement totals) =>
    [
        .. from kind in Kinds
           from measure in Measures
           select totals.GetProperty(kind).GetProperty(measure).GetDecimal(),
    ];

    private static Dictionary<string, decimal[]> ByAgency(JsonElement dashboard) =>
        dashboard.GetProperty("byAgency").EnumerateArray().ToDictionary(a => a.GetProperty("agency").GetProperty("code").GetString()!, a => Figures(a.GetProperty("totals")));

    private static Dictionary<int, decimal[]> ByYear(JsonElement dashboard) =>
        dashboard.GetProperty("byYear").EnumerateArray().ToDictionary(y => y.GetProperty("planYear").GetInt32(), y => Figures(y.GetProperty("totals")));

    private static Dictionary<string, int> Overdue(JsonElement dashboard) =>
        dashboard.GetProperty("overdueByAgency").EnumerateArray().ToDictionary(a => a.GetProperty("agency").GetProperty("code").GetString()!, a => a.GetProperty("count").GetInt32());

    /// <summary>Overdue, on time, completed, cancelled per step title.</summary>
    private static Dictionary<string, int[]> Steps(JsonElement dashboard) =>
        dashboard.GetProperty("workItems").EnumerateArray().ToDictionary(
            s => s.GetProperty("title").GetString()!,
            s => States.Select(p => s.GetProperty(p).GetInt32()).ToArray());

    private async Task<JsonElement> DashboardAsync(string email, Guid? requestId = null) =>
        await (await ApiSession.LoginAsync(App, email)).GetJsonAsync("/api/dashboard" + (requestId is { } id ? $"?requestId={id}" : ""));

    [Fact]
    public async Task An_administrator_gets_exact_totals_per_agency_and_plan_year()
    {
        var all = await DashboardAsync("admin@demo.local");
        var a = await DashboardAsync("admin@demo.local", fixture.RequestA);

        var byAgency = ByAgency(a);
        Assert.Equal(["BDT", "STC"], byAgency.Keys.Order());
        Assert.Equal([1250.5m, 350.25m, 1150m, 300m, 800.5m, 150m], byAgency["BDT"]);
        Assert.Equal([500m, 500m, 400m, 400m, 0m, 0m], byAgency["STC"]);
        Assert.Equal([1750.5m, 850.25m, 1550m, 700m, 800.5m, 150m], Figures(a.GetProperty("total")));
        Assert.Equal([1750.5m, 850.25m, 1550m, 700m, 800.5m, 150m], Assert.Single(ByYear(a), y => y.Key == 2025).Value);

        var years = ByYear(all);
        Assert.Equal([2022, 2025, 2026], years.Keys);
        Assert.Equal([0m, 0m, 0m, 0m, 0m, 0m], years[2022]);
        Assert.Equal([1750.5m, 850.25m, 1550m, 700m, 800.5m, 150m], years[2025]);
        Assert.Equal([2300.75m, 1300.75m, 0m, 0m, 0m, 0m], years[2026]);
        Assert.Equal([3250.5m, 1350.25m, 1150m, 300m, 800.5m, 150m], ByAgency(all)["BDT"]);
    }

    [Fact]
    public async Task Work_items_are_counted_by_step_and_state_and_overdue_ones_by_agency()
    {
        var a = await DashboardAsync("admin@demo.local", fixture.RequestA);

        var steps = Steps(a);
        Assert.Equal(
            ["Soạn đề xuất nhiệm vụ, kinh phí", "Ký duyệt đề xuất", "Thẩm định đề xuất", "Tổng hợp đề xuất, trình UBND tỉnh", "Quyết định phê duyệt nhiệm vụ, kinh phí"],
            steps.Keys);
        Assert.Equal([0, 0, 2, 0], steps["Soạn đề xuất nhiệm vụ, kinh phí"]);
        Assert.Equal([1, 0, 1, 0], steps["Thẩm định đề xuất"]);
        Assert.Equal([1, 0, 0, 0], steps["Tổng hợp đề xuất, trình UBND tỉnh"]);

        // The consolidation is the request's own step: it counts against the issuing department.
        Assert.Equal(new Dictionary<string, int> { ["STC"] = 1, ["STTTT"] = 1 }, Overdue(a));

        var b = await DashboardAsync("admin@demo.local", fixture.RequestB);
        Assert.Equal([0, 1, 0, 0], Steps(b)["Thẩm định đề xuất"]);
        Assert.Equal([1, 0, 1, 0], Steps(b)["Soạn đề xuất nhiệm vụ, kinh phí"]);
        Assert.Equal(new Dictionary<string, int> { ["BDT"] = 1 }, Overdue(b));
    }

    [Fact]
    public async Task An_agency_user_sees_only_their_own_agency()
    {
        var all = await DashboardAsync("chuyenvien.bdt@demo.local");
        Assert.Equal(["BDT"], ByAgency(all).Keys);
        Assert.Equal([3250.5m, 1350.25m, 1150m, 300m, 800.5m, 150m], ByAgency(all)["BDT"]);
        Assert.Equal([2000m, 1000m, 0m, 0m, 0m, 0m], ByYear(all)[2026]);

        // Request A's consolidation is the ICT department's work, and request B's SYT review is another agency's.
        var a = await DashboardAsync("truongban.bdt@demo.local", fixture.RequestA);
        Assert.Empty(Overdue(a));
        Assert.DoesNotContain("Tổng hợp đề xuất, trình UBND tỉnh", Steps(a).Keys);
        var b = await DashboardAsync("chuyenvien.bdt@demo.local", fixture.RequestB);
        Assert.Equal([1, 0, 0, 0], Assert.Single(Steps(b)).Value);

        var stc = await DashboardAsync("chuyenvien.stc@demo.local");
        Assert.Equal(["STC"], ByAgency(stc).Keys);
        Assert.Equal(new Dictionary<string, int> { ["STC"] = 1 }, Overdue(stc));
    }

    [Fact]
    public async Task The_ICT_sees_what_was_submitted_to_it_and_the_UBND_what_was_put_before_it()
    {
        var ict = await DashboardAsync("thamdinh.stttt@demo.local");
        Assert.Equal([2025, 2026], ByYear(ict).Keys);
        Assert.Equal([300.75m, 300.75m, 0m, 0m, 0m, 0m], ByYear(ict)[2026]);
        Assert.Equal([1250.5m, 350.25m, 1150m, 300m, 800.5m, 150m], ByAgency(ict)["BDT"]);

        var ubnd = await DashboardAsync("ubnd@demo.local");
        Assert.Equal(["BDT"], ByAgency(ubnd).Keys);
        Assert.Equal([1250.5m, 350.25m, 1150m, 300m, 800.5m, 150m], Figures(ubnd.GetProperty("total")));
        Assert.Equal([2025], ByYear(ubnd).Keys);
    }

    [Fact]
    public async Task A_request_the_caller_may_not_see_is_not_found()
    {
        var stc = await ApiSession.LoginAsync(App, "chuyenvien.stc@demo.local");
        using var other = await stc.GetAsync($"/api/dashboard?requestId={fixture.RequestB}");
        using var missing = await stc.GetAsync($"/api/dashboard?requestId={Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task The_api_refuses_anonymous_callers_and_is_described_in_openapi()
    {
        using var anonymous = App.CreateClient(new() { AllowAutoRedirect = false });
        using var response = await anonymous.GetAsync("/api/dashboard");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);

        var document = JsonDocument.Parse(await anonymous.GetStringAsync("/openapi/v1.json")).RootElement;
        var get = document.GetProperty("paths").GetProperty("/api/dashboard").GetProperty("get");
        Assert.Contains(get.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "requestId");
        Assert.True(get.GetProperty("responses").TryGetProperty("200", out _));
    }
}
