using System.Net;
using System.Text.Json;
using ApprovalFlow.Proposals;
using ApprovalFlow.Tests.Fixtures;

namespace ApprovalFlow.Tests.Web;

/// <summary>The seed letter typed in through the API by the Ban Dân tộc's staff, and read back.</summary>
public sealed class SeedProposalApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task The_seed_proposal_reads_back_field_for_field_with_the_seeds_summary()
    {
        var staff = await ApiSession.LoginAsync(app, "chuyenvien.bdt@demo.local");
        var id = await staff.OwnProposalIdAsync();
        var before = await staff.GetJsonAsync($"/api/proposals/{id}");
        var revision = before.GetProperty("revision").GetInt32();

        using var saved = await staff.PutProposalAsync(id, revision, SeedLetter.Content());
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);

        var proposal = await staff.GetJsonAsync($"/api/proposals/{id}");
        Assert.Equal(revision + 1, proposal.GetProperty("revision").GetInt32());
        Assert.Equal(ProposalJson.Serialize(SeedLetter.Content()), ProposalJson.Serialize(ApiSession.ContentOf(proposal)));

        var summary = proposal.GetProperty("summary");
        Assert.Equal(
            [(48m, 48m), (160m, 160m), (40m, 10m), (160m, 40m)],
            summary.GetProperty("rows").EnumerateArray().Select(r => (r.GetProperty("periodTotal").GetDecimal(), r.GetProperty("planYearNeed").GetDecimal())));
        Assert.Equal(408m, summary.GetProperty("periodTotal").GetDecimal());
        Assert.Equal(258m, summary.GetProperty("planYearTotal").GetDecimal());
        Assert.Equal(621m, summary.GetProperty("pastFundsByYear").GetProperty("2021").GetDecimal());
    }

    [Fact]
    public async Task The_request_carries_the_seed_letters_facts()
    {
        var staff = await ApiSession.LoginAsync(app, "chuyenvien.bdt@demo.local");
        var request = Assert.Single((await staff.GetJsonAsync("/api/requests")).EnumerateArray());

        Assert.Equal("113/STTTT-BCVT&CNTT", request.GetProperty("number").GetString());
        Assert.Equal("2022-01-28", request.GetProperty("date").GetString());
        Assert.Equal("thực hiện rà soát, đánh giá lại nhiệm vụ, kinh phí đã bố trí để phát triển chính quyền điện tử, chuyển đổi số", request.GetProperty("subject").GetString());
        Assert.Equal((2022, 2025), Range(request.GetProperty("planPeriod")));
        Assert.Equal((2020, 2021), Range(request.GetProperty("pastYears")));
        Assert.Equal("Sở Thông tin và Truyền thông tỉnh Quảng Ngãi", request.GetProperty("issuer").GetProperty("name").GetString());
        Assert.Contains(request.GetProperty("targetAgencies").EnumerateArray(), a => a.GetProperty("name").GetString() == "Ban Dân tộc tỉnh Quảng Ngãi");
        Assert.True(request.GetProperty("targetAgencies").GetArrayLength() >= 5);
    }

    [Fact]
    public async Task A_new_draft_starts_with_the_letters_header_opening_and_signer()
    {
        var staff = await ApiSession.LoginAsync(app, "chuyenvien.stc@demo.local");
        var proposal = await staff.GetJsonAsync($"/api/proposals/{await staff.OwnProposalIdAsync()}");
        var content = ApiSession.ContentOf(proposal);

        Assert.Equal("Sở Thông tin và Truyền thông", content.Addressee);
        Assert.StartsWith("Thực hiện Công văn số 113/STTTT-BCVT&CNTT ngày 28/01/2022 của Sở Thông tin và Truyền thông", content.Opening, StringComparison.Ordinal);
        Assert.Equal("GIÁM ĐỐC", content.SignerTitle);
        Assert.Equal("UBND TỈNH QUẢNG NGÃI", proposal.GetProperty("header").GetProperty("parentName").GetString());
        Assert.Equal("SỞ TÀI CHÍNH", proposal.GetProperty("header").GetProperty("agencyName").GetString());
    }

    private static (int, int) Range(JsonElement range) => (range.GetProperty("from").GetInt32(), range.GetProperty("to").GetInt32());
}
