using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using ApprovalFlow.Audit;
using ApprovalFlow.Data;
using ApprovalFlow.Documents.Records;
using ApprovalFlow.Tests.Documents;
using ApprovalFlow.Tests.Fixtures;
using ApprovalFlow.Tests.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ApprovalFlow.Tests.Chain;

/// <summary>
/// Documents as records: a draft renders as it stands; each sign-off freezes the document as signed, with its SHA-256
/// in the audit chain; later readers download exactly those bytes, and a returned proposal signed again gets version 2.
/// </summary>
public sealed class DocumentRecordTests : IDisposable
{
    private const string Staff = "chuyenvien.stc@demo.local";
    private const string Head = "giamdoc.stc@demo.local";
    private static readonly DateTimeOffset Start = new(2022, 2, 1, 2, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider clock = new(Start);
    private readonly AppFactory app;
    private readonly ChainDriver chain;

    public DocumentRecordTests()
    {
        app = new AppFactory { Clock = clock };
        chain = new ChainDriver(app, clock);
    }

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task Each_sign_off_freezes_its_document_and_later_readers_get_the_signed_bytes()
    {
        var stc = (await chain.AgenciesAsync())["STC"];
        var requestId = await PublishRequestAsync(stc);
        var proposal = (await chain.ProposalAsync(Staff, requestId, stc)).GetProperty("id").GetGuid();
        await SaveSeedContentAsync(proposal);

        // While a draft, the letter is rendered on demand: it follows every save.
        var draft = await DownloadAsync(Staff, $"/api/proposals/{proposal}/document.pdf");
        PdfReading.AssertInOrder(PdfReading.Text(draft), ["SỞ TÀI CHÍNH", "Kính gửi: Sở Thông tin và Truyền thông", "Tổng cộng 408 258", "Trần Văn Mẫn"]);
        Assert.Empty(await VersionsAsync(proposal));

        // The head approves: version 1 is stored and its hashes written to the audit chain.
        await chain.DoAsync(Staff, proposal, "draft", "Submit");
        await chain.DoAsync(Head, proposal, "sign-off", "Approve");
        var first = Assert.Single(await VersionsAsync(proposal));
        Assert.Equal(1, first.Version);
        Assert.Equal(Sha256(first.Pdf), first.PdfSha256);
        var frozen = Assert.Single(await AuditAsync(proposal, AuditActions.DocumentFrozen));
        Assert.Contains(first.PdfSha256, frozen, StringComparison.Ordinal);
        Assert.Contains(first.DocxSha256, frozen, StringComparison.Ordinal);

        // The reviewer, the head and the API get exactly the signed bytes, as PDF and as DOCX.
        Assert.Equal(first.PdfSha256, Sha256(await DownloadAsync(ChainDriver.Reviewer, $"/api/proposals/{proposal}/document.pdf")));
        Assert.Equal(first.DocxSha256, Sha256(await DownloadAsync(Head, $"/api/proposals/{proposal}/document.docx")));
        var signedText = PdfReading.Text(first.Pdf);
        Assert.Contains("Quảng Ngãi, ngày 14 tháng 02 năm 2022", signedText, StringComparison.Ordinal);

        // Returned by the review and revised, the draft shows the revision; version 1 stays as it was signed.
        await chain.DoAsync(ChainDriver.Reviewer, proposal, "review", "Return", "Làm rõ số lượng thiết bị.");
        await ReviseAsync(proposal, c => c.Tasks[1].Scope.Add("02 màn hình hiển thị bổ sung"));
        Assert.Contains("02 màn hình hiển thị bổ sung", PdfReading.Text(await DownloadAsync(Staff, $"/api/proposals/{proposal}/document.pdf")), StringComparison.Ordinal);
        Assert.Equal(first.PdfSha256, Sha256(await DownloadAsync(Staff, $"/api/proposals/{proposal}/document.pdf?version=1")));

        await chain.DoAsync(Staff, proposal, "draft", "Submit");
        await chain.DoAsync(Head, proposal, "sign-off", "Approve");
        var second = (await VersionsAsync(proposal)).Single(v => v.Version == 2);
        Assert.Contains("02 màn hình hiển thị bổ sung", PdfReading.Text(second.Pdf), StringComparison.Ordinal);
        Assert.Equal(second.PdfSha256, Sha256(await DownloadAsync(ChainDriver.Reviewer, $"/api/proposals/{proposal}/document.pdf")));

        // The proposal page links to the signed version.
        var page = await (await PageSession.LoginAsync(app, Head)).Client.GetStringAsync($"/proposals/{proposal}");
        Assert.Contains($"/documents/proposals/{proposal}.pdf", page, StringComparison.Ordinal);

        // The ICT leader signs the tờ trình, the UBND issues the decision: each frozen, signed by name.
        await chain.DoAsync(ChainDriver.Reviewer, proposal, "review", "Accept");
        await chain.AdvanceAsync(TimeSpan.FromDays(18));
        await chain.DoAsync(ChainDriver.Reviewer, requestId, "consolidation", "Submit");
        await chain.DoAsync(ChainDriver.IctLeader, requestId, "sign-off", "Approve");
        var submission = Assert.Single(await VersionsAsync(requestId), v => v.Kind == DocumentKind.Submission);
        Assert.False(string.IsNullOrWhiteSpace(submission.SignedByName));
        PdfReading.AssertInOrder(PdfReading.Text(submission.Pdf), ["TỜ TRÌNH", "Kính gửi: Ủy ban nhân dân tỉnh Quảng Ngãi", "GIÁM ĐỐC", submission.SignedByName!, "Phụ lục", "Sở Tài chính tỉnh Quảng Ngãi", "TỔNG CỘNG 408 258 408 258"]);

        var decisionItem = await chain.ItemAsync(ChainDriver.Ubnd, requestId, "decision");
        using (var decided = await chain.PostAsync(ChainDriver.Ubnd, $"/api/work-items/{decisionItem}/decision", new
        {
            proposals = new[] { new { proposalId = proposal, tasks = Enumerable.Range(0, 4).Select(i => i == 3 ? new { taskIndex = i, verdict = "Reject", reason = "Trùng nhiệm vụ" } : new { taskIndex = i, verdict = "Approve", reason = "" }).ToArray() } },
        }))
        {
            Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        }

        var decision = Assert.Single(await VersionsAsync(requestId), v => v.Kind == DocumentKind.Decision);
        PdfReading.AssertInOrder(PdfReading.Text(decision.Pdf), ["QUYẾT ĐỊNH", "Điều 1.", "3 nhiệm vụ", "248 triệu đồng", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", decision.SignedByName!, "Sở Tài chính tỉnh Quảng Ngãi", "TỔNG CỘNG 248 218"]);
        Assert.Equal(decision.DocxSha256, Sha256(await DownloadAsync(ChainDriver.Ubnd, $"/api/requests/{requestId}/decision.docx")));
        Assert.Equal(2, (await AuditAsync(requestId, AuditActions.DocumentFrozen)).Count);
    }

    private async Task<Guid> PublishRequestAsync(Guid agency)
    {
        using var created = await chain.PostAsync(ChainDriver.Reviewer, "/api/requests", new
        {
            number = "113/STTTT-BCVT&CNTT",
            date = "2022-01-28",
            subject = "thực hiện rà soát, đánh giá lại nhiệm vụ, kinh phí đã bố trí để phát triển chính quyền điện tử, chuyển đổi số",
            planPeriod = new { from = 2022, to = 2025 },
            planYear = 2022,
            pastYears = new { from = 2020, to = 2021 },
            deadline = "2022-02-18",
            targetAgencyIds = new[] { agency },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var requestId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        using var published = await chain.PostAsync(ChainDriver.Reviewer, $"/api/requests/{requestId}/publish", new { });
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        return requestId;
    }

    private async Task<byte[]> DownloadAsync(string email, string url)
    {
        using var response = await (await chain.AsAsync(email)).GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} as {email}: {response.StatusCode}");
        return await response.Content.ReadAsByteArrayAsync();
    }

    private async Task<List<DocumentVersion>> VersionsAsync(Guid subject)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApprovalFlowDbContext>();
        return await db.DocumentVersions.AsNoTracking().Where(v => v.SubjectId == subject).ToListAsync();
    }

    private async Task<List<string>> AuditAsync(Guid subject, string action)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApprovalFlowDbContext>();
        return await db.AuditEntries.AsNoTracking().Where(e => e.EntityId == subject.ToString() && e.Action == action).Select(e => e.Details ?? "").ToListAsync();
    }

    private async Task SaveSeedContentAsync(Guid proposal)
    {
        var revision = (await chain.GetAsync(Staff, $"/api/proposals/{proposal}")).GetProperty("revision").GetInt32();
        using var saved = await (await chain.AsAsync(Staff)).PutProposalAsync(proposal, revision, SeedLetter.Content());
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
    }

    private async Task ReviseAsync(Guid proposal, Action<ApprovalFlow.Proposals.ProposalContent> change)
    {
        var current = await chain.GetAsync(Staff, $"/api/proposals/{proposal}");
        var content = ApiSession.ContentOf(current);
        change(content);
        using var saved = await (await chain.AsAsync(Staff)).PutProposalAsync(proposal, current.GetProperty("revision").GetInt32(), content);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
    }

    private static string Sha256(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));
}
