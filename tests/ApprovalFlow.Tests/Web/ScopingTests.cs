using System.Net;

namespace ApprovalFlow.Tests.Web;

/// <summary>Agency data is scoped: another agency's proposal does not exist for you; the ICT and UBND see only what reached them.</summary>
public sealed class ScopingTests(AppFactory app) : IClassFixture<AppFactory>
{
    private async Task<Guid> EthnicAffairsProposalAsync() =>
        await (await ApiSession.LoginAsync(app, "chuyenvien.bdt@demo.local")).OwnProposalIdAsync();

    [Theory]
    [InlineData("chuyenvien.stc@demo.local")]
    [InlineData("giamdoc.syt@demo.local")]
    [InlineData("thamdinh.stttt@demo.local")]
    [InlineData("giamdoc.stttt@demo.local")]
    [InlineData("ubnd@demo.local")]
    public async Task Others_get_404_for_the_agencys_draft_through_the_api(string email)
    {
        var id = await EthnicAffairsProposalAsync();
        var other = await ApiSession.LoginAsync(app, email);

        using var get = await other.GetAsync($"/api/proposals/{id}");
        using var put = await other.PutProposalAsync(id, 1, Fixtures.SeedLetter.Content());

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, put.StatusCode);
    }

    [Theory]
    [InlineData("chuyenvien.stc@demo.local")]
    [InlineData("thamdinh.stttt@demo.local")]
    [InlineData("ubnd@demo.local")]
    public async Task Others_get_404_for_the_agencys_draft_through_the_pages(string email)
    {
        var id = await EthnicAffairsProposalAsync();
        var other = await PageSession.LoginAsync(app, email);

        using var view = await other.Client.GetAsync($"/proposals/{id}");
        using var edit = await other.Client.GetAsync($"/proposals/{id}/edit");

        Assert.Equal(HttpStatusCode.NotFound, view.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, edit.StatusCode);
    }

    [Theory]
    [InlineData("thamdinh.stttt@demo.local")]
    [InlineData("giamdoc.stttt@demo.local")]
    [InlineData("ubnd@demo.local")]
    public async Task The_ICT_and_UBND_roles_see_no_proposal_before_one_is_submitted(string email)
    {
        var reviewer = await ApiSession.LoginAsync(app, email);
        Assert.Equal(0, (await reviewer.GetJsonAsync("/api/proposals")).GetArrayLength());

        var home = await (await PageSession.LoginAsync(app, email)).GetAsync("/");
        Assert.NotNull(home.QuerySelector("[data-testid=no-proposals]"));
    }

    [Fact]
    public async Task The_UBND_sees_no_request_before_a_proposal_is_put_before_it_and_the_ICT_sees_its_own()
    {
        var ubnd = await ApiSession.LoginAsync(app, "ubnd@demo.local");
        Assert.Equal(0, (await ubnd.GetJsonAsync("/api/requests")).GetArrayLength());

        var reviewer = await ApiSession.LoginAsync(app, "thamdinh.stttt@demo.local");
        var request = Assert.Single((await reviewer.GetJsonAsync("/api/requests")).EnumerateArray());
        using var forUbnd = await ubnd.GetAsync($"/api/requests/{request.GetProperty("id").GetGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, forUbnd.StatusCode);
    }

    [Fact]
    public async Task A_missing_page_says_so_in_Vietnamese_and_a_missing_api_resource_in_problem_details()
    {
        var session = await PageSession.LoginAsync(app, "chuyenvien.bdt@demo.local");
        using var page = await session.Client.GetAsync($"/proposals/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(
            "Không tìm thấy trang hoặc bạn không có quyền xem nội dung này.",
            (await PageSession.ParseAsync(page)).QuerySelector("[data-testid=status-text]")!.TextContent);

        var api = await ApiSession.LoginAsync(app, "chuyenvien.bdt@demo.local");
        using var missing = await api.GetAsync($"/api/proposals/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_agency_head_reads_the_draft_but_cannot_change_it()
    {
        var id = await EthnicAffairsProposalAsync();
        var head = await ApiSession.LoginAsync(app, "truongban.bdt@demo.local");

        var proposal = await head.GetJsonAsync($"/api/proposals/{id}");
        using var put = await head.PutProposalAsync(id, proposal.GetProperty("revision").GetInt32(), Fixtures.SeedLetter.Content());

        Assert.False(proposal.GetProperty("canEdit").GetBoolean());
        Assert.Equal(HttpStatusCode.Forbidden, put.StatusCode);
        var page = await (await PageSession.LoginAsync(app, "truongban.bdt@demo.local")).GetAsync($"/proposals/{id}");
        Assert.Null(page.QuerySelector("[data-testid=edit]"));
    }

    [Fact]
    public async Task An_agency_sees_only_its_own_proposal_in_lists()
    {
        var staff = await ApiSession.LoginAsync(app, "chuyenvien.syt@demo.local");
        var proposal = Assert.Single((await staff.GetJsonAsync("/api/proposals")).EnumerateArray());
        Assert.Equal("SYT", proposal.GetProperty("agency").GetProperty("code").GetString());
    }

    [Fact]
    public async Task The_api_refuses_anonymous_callers_and_cookies_alike()
    {
        using var anonymous = app.CreateClient(new() { AllowAutoRedirect = false });
        using var noToken = await anonymous.GetAsync("/api/proposals");
        Assert.Equal(HttpStatusCode.Unauthorized, noToken.StatusCode);

        // A signed-in browser's cookie is not enough: the API takes bearer tokens only, so no cross-site request can use it.
        var browser = await PageSession.LoginAsync(app, "chuyenvien.bdt@demo.local");
        using var withCookie = await browser.Client.GetAsync("/api/proposals");
        Assert.Equal(HttpStatusCode.Unauthorized, withCookie.StatusCode);
    }

    [Fact]
    public async Task Pages_send_anonymous_visitors_to_the_login_page()
    {
        using var response = await PageSession.Anonymous(app).Client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }
}
