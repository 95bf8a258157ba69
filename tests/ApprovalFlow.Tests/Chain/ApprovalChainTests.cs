using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ApprovalFlow.Audit;
using ApprovalFlow.Data;
using ApprovalFlow.Tests.Fixtures;
using ApprovalFlow.Tests.Web;
using ApprovalFlow.Workflows.Persistence;
using ApprovalFlow.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ApprovalFlow.Tests.Chain;

/// <summary>
/// The product's main job, end to end through HTTP as each role, for three agencies: STC is returned once by its
/// head and once by the ICT reviewer, SYT goes straight through, SGDDT never submits before the deadline.
/// </summary>
public sealed class ApprovalChainTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2022, 2, 1, 2, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider clock = new(Start);
    private readonly AppFactory app;
    private readonly ChainDriver chain;

    public ApprovalChainTests()
    {
        app = new AppFactory { Clock = clock };
        chain = new ChainDriver(app, clock);
    }

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task Three_agencies_through_the_whole_chain_end_in_the_right_status_with_the_right_amounts()
    {
        var agencies = await chain.AgenciesAsync();
        var (stc, syt, sgddt) = (agencies["STC"], agencies["SYT"], agencies["SGDDT"]);

        // The ICT reviewer writes the request and sends it to three agencies.
        using var created = await chain.PostAsync(ChainDriver.Reviewer, "/api/requests", new
        {
            number = "25/STTTT-CĐS",
            date = "2022-02-01",
            subject = "đề xuất nhiệm vụ, kinh phí chuyển đổi số năm 2022",
            planPeriod = new { from = 2022, to = 2025 },
            planYear = 2022,
            pastYears = new { from = 2020, to = 2021 },
            deadline = "2022-02-18",
            targetAgencyIds = new[] { stc, syt, sgddt },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var requestId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        using (var published = await chain.PostAsync(ChainDriver.Reviewer, $"/api/requests/{requestId}/publish", new { }))
        {
            Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        }

        var stcProposal = (await chain.ProposalAsync("chuyenvien.stc@demo.local", requestId, stc)).GetProperty("id").GetGuid();
        var sytProposal = (await chain.ProposalAsync("chuyenvien.syt@demo.local", requestId, syt)).GetProperty("id").GetGuid();
        var sgddtProposal = (await chain.ProposalAsync("chuyenvien.sgddt@demo.local", requestId, sgddt)).GetProperty("id").GetGuid();

        // The drafts fall due on the deadline day at the due hour, Vietnam time.
        var draft = Assert.Single((await chain.GetAsync("chuyenvien.stc@demo.local", "/api/inbox")).EnumerateArray(), i => i.GetProperty("correlationId").GetString() == stcProposal.ToString());
        Assert.Equal(new DateTimeOffset(2022, 2, 18, 17, 0, 0, TimeSpan.FromHours(7)), draft.GetProperty("dueAt").GetDateTimeOffset());

        // STC drafts and submits; its head returns it, which needs a comment.
        await SaveSeedContentAsync("chuyenvien.stc@demo.local", stcProposal);
        await chain.DoAsync("chuyenvien.stc@demo.local", stcProposal, "draft", "Submit");
        using (var bare = await chain.CompleteAsync("giamdoc.stc@demo.local", stcProposal, "sign-off", "Return", "  "))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bare.StatusCode);
        }

        await chain.DoAsync("giamdoc.stc@demo.local", stcProposal, "sign-off", "Return", "Bổ sung căn cứ pháp lý cho nhiệm vụ 2.");
        var returned = await chain.GetAsync("chuyenvien.stc@demo.local", $"/api/proposals/{stcProposal}/timeline");
        Assert.Equal("Bổ sung căn cứ pháp lý cho nhiệm vụ 2.", returned.GetProperty("lastReturn").GetProperty("comment").GetString());

        // The staff revise task 2 and resubmit: the head sees what changed since the return.
        await ReviseAsync("chuyenvien.stc@demo.local", stcProposal, content => content.Tasks[1].LegalBasis += "; Quyết định 749/QĐ-TTg");
        await chain.DoAsync("chuyenvien.stc@demo.local", stcProposal, "draft", "Submit");
        var changes = (await chain.GetAsync("giamdoc.stc@demo.local", $"/api/proposals/{stcProposal}/timeline")).GetProperty("lastReturn").GetProperty("changesSince");
        Assert.Contains(changes.EnumerateArray(), c => c.GetProperty("field").GetString() == "tasks[1].legalBasis");
        await chain.DoAsync("giamdoc.stc@demo.local", stcProposal, "sign-off", "Approve");

        // The ICT reviewer returns it once, then accepts the resubmission with task 3 recommended lower.
        await chain.DoAsync(ChainDriver.Reviewer, stcProposal, "review", "Return", "Làm rõ số lượng thiết bị phòng họp.");
        await ReviseAsync("chuyenvien.stc@demo.local", stcProposal, content => content.Tasks[1].Scope.Add("02 màn hình hiển thị"));
        await chain.DoAsync("chuyenvien.stc@demo.local", stcProposal, "draft", "Submit");
        await chain.DoAsync("giamdoc.stc@demo.local", stcProposal, "sign-off", "Approve");
        var reviewItem = await chain.ItemAsync(ChainDriver.Reviewer, stcProposal, "review");
        using (var accepted = await chain.PostAsync(ChainDriver.Reviewer, $"/api/work-items/{reviewItem}/review", new
        {
            outcome = "Accept",
            tasks = new[] { new { taskIndex = 2, periodAmount = 30m, planYearAmount = 10m, note = "Giảm theo đơn giá bản quyền năm 2022" } },
        }))
        {
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        }

        // SYT goes straight through; its review recommends what it proposed.
        await SaveSeedContentAsync("chuyenvien.syt@demo.local", sytProposal);
        await chain.DoAsync("chuyenvien.syt@demo.local", sytProposal, "draft", "Submit");
        await chain.DoAsync("giamdoc.syt@demo.local", sytProposal, "sign-off", "Approve");
        await chain.DoAsync(ChainDriver.Reviewer, sytProposal, "review", "Accept");

        // SGDDT never submits. Before the deadline nothing is consolidated; after it, the reviewer consolidates.
        Assert.False(await chain.HasItemAsync(ChainDriver.Reviewer, requestId));
        await chain.AdvanceAsync(TimeSpan.FromDays(18));
        var consolidation = await chain.GetAsync(ChainDriver.Reviewer, $"/api/requests/{requestId}/consolidation");
        var rows = consolidation.GetProperty("agencies").EnumerateArray().ToList();
        Assert.Equal(new[] { stc, syt }.Order(), rows.Where(r => r.GetProperty("included").GetBoolean()).Select(r => r.GetProperty("agencyId").GetGuid()).Order());
        Assert.Equal(sgddt, Assert.Single(rows, r => !r.GetProperty("included").GetBoolean()).GetProperty("agencyId").GetGuid());
        Assert.Equal(408m + 408m, consolidation.GetProperty("proposed").GetProperty("period").GetDecimal());
        Assert.Equal(408m - 10m + 408m, consolidation.GetProperty("recommended").GetProperty("period").GetDecimal());

        // The ICT leader returns the submission once, then signs it.
        await chain.DoAsync(ChainDriver.Reviewer, requestId, "consolidation", "Submit");
        await chain.DoAsync(ChainDriver.IctLeader, requestId, "sign-off", "Return", "Bổ sung ý kiến thẩm định cho Sở Y tế.");
        await chain.DoAsync(ChainDriver.Reviewer, requestId, "consolidation", "Submit");
        await chain.DoAsync(ChainDriver.IctLeader, requestId, "sign-off", "Approve");

        // The UBND approves most tasks, adjusts one and rejects one; a rejection without a reason is refused.
        var decisionItem = await chain.ItemAsync(ChainDriver.Ubnd, requestId, "decision");
        object Verdicts(string rejectReason) => new
        {
            proposals = new object[]
            {
                new
                {
                    proposalId = stcProposal,
                    tasks = new object[]
                    {
                        new { taskIndex = 0, verdict = "Approve" },
                        new { taskIndex = 1, verdict = "Adjust", periodAmount = 120m, planYearAmount = 120m, reason = "Điều chỉnh theo định mức trang thiết bị" },
                        new { taskIndex = 2, verdict = "Approve" },
                        new { taskIndex = 3, verdict = "Reject", reason = rejectReason },
                    },
                },
                new { proposalId = sytProposal, tasks = Enumerable.Range(0, 4).Select(i => new { taskIndex = i, verdict = "Approve" }).ToArray() },
            },
        };
        using (var unexplained = await chain.PostAsync(ChainDriver.Ubnd, $"/api/work-items/{decisionItem}/decision", Verdicts("")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, unexplained.StatusCode);
        }

        using (var decided = await chain.PostAsync(ChainDriver.Ubnd, $"/api/work-items/{decisionItem}/decision", Verdicts("Trùng nhiệm vụ của Cổng thông tin tỉnh")))
        {
            Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        }

        // Every proposal ends right, with the approved amounts per task.
        var stcFinal = await chain.GetAsync("chuyenvien.stc@demo.local", $"/api/proposals/{stcProposal}");
        Assert.Equal("PartlyApproved", stcFinal.GetProperty("status").GetString());
        Assert.Equal([48m, 120m, 30m, 0m], stcFinal.GetProperty("decisions").EnumerateArray().Select(d => d.GetProperty("periodAmount").GetDecimal()));
        Assert.Equal([48m, 120m, 10m, 0m], stcFinal.GetProperty("decisions").EnumerateArray().Select(d => d.GetProperty("planYearAmount").GetDecimal()));
        Assert.Equal("Approved", (await chain.GetAsync("chuyenvien.syt@demo.local", $"/api/proposals/{sytProposal}")).GetProperty("status").GetString());
        Assert.Equal("NotIncluded", (await chain.GetAsync("chuyenvien.sgddt@demo.local", $"/api/proposals/{sgddtProposal}")).GetProperty("status").GetString());
        Assert.False(await chain.HasItemAsync("chuyenvien.sgddt@demo.local", sgddtProposal));
        Assert.Equal("Closed", (await chain.GetAsync(ChainDriver.Reviewer, $"/api/requests/{requestId}")).GetProperty("status").GetString());

        // The timeline shows every step of STC with its actor, channel and comment.
        var steps = (await chain.GetAsync("giamdoc.stc@demo.local", $"/api/proposals/{stcProposal}/timeline")).GetProperty("steps").EnumerateArray().ToList();
        Assert.Equal(
            ["draft:Submit", "sign-off:Return", "draft:Submit", "sign-off:Approve", "review:Return", "draft:Submit", "sign-off:Approve", "review:Accept"],
            steps.Select(s => $"{s.GetProperty("form").GetString()}:{s.GetProperty("outcome").GetString()}"));
        Assert.All(steps, s => Assert.Equal("api", s.GetProperty("channel").GetString()));
        Assert.Equal("Huỳnh Văn Nam", steps[1].GetProperty("actorName").GetString());
        Assert.Equal("Làm rõ số lượng thiết bị phòng họp.", steps[4].GetProperty("comment").GetString());

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApprovalFlowDbContext>();
        await AssertEveryInstanceEndedAsync(db, requestId, [stcProposal, sytProposal], sgddtProposal);
        await AssertAuditTellsTheStoryAsync(db, stcProposal);

        // Each decided agency's head and staff hear of the decision by mail; the one left out hears nothing of it.
        var decisionMail = await db.Notifications.AsNoTracking().Where(n => n.Kind == ApprovalFlow.Notifications.NotificationKinds.Decision).ToListAsync();
        Assert.Equal(
            [(stcProposal, "AgencyHead"), (stcProposal, "AgencyStaff"), (sytProposal, "AgencyHead"), (sytProposal, "AgencyStaff")],
            decisionMail.Select(n => (n.ProposalId!.Value, n.RecipientRole!)).OrderBy(n => n.Item1 == stcProposal ? 0 : 1).ThenBy(n => n.Item2, StringComparer.Ordinal));
    }

    private static async Task AssertEveryInstanceEndedAsync(ApprovalFlowDbContext db, Guid requestId, Guid[] decided, Guid leftOut)
    {
        var instances = await db.Set<WorkflowInstanceRecord>().AsNoTracking().ToListAsync();
        var request = Assert.Single(instances, i => i.CorrelationId == requestId.ToString());
        Assert.Equal(WorkflowStatus.Finished, request.Status);
        foreach (var proposal in decided)
        {
            var instance = Assert.Single(instances, i => i.CorrelationId == proposal.ToString());
            Assert.Equal(WorkflowStatus.Finished, instance.Status);
            var journal = await db.Set<JournalRecord>().Where(j => j.InstanceId == instance.Id && j.Event == JournalEvents.Executed).Select(j => j.ActivityId).ToListAsync();
            Assert.Superset(new HashSet<string?> { "draft", "sign-off", "review", "accepted", "await-decision", "apply-decision", "end" }, journal.ToHashSet());
        }

        Assert.Equal(WorkflowStatus.Cancelled, Assert.Single(instances, i => i.CorrelationId == leftOut.ToString()).Status);
    }

    private static async Task AssertAuditTellsTheStoryAsync(ApprovalFlowDbContext db, Guid stcProposal)
    {
        var lines = await db.AuditEntries.AsNoTracking().Where(e => e.EntityId == stcProposal.ToString()).Select(e => e.Action).ToListAsync();
        Assert.Contains(AuditActions.ProposalReviewed, lines);
        Assert.Contains(AuditActions.ProposalDecided, lines);
        Assert.Equal(
            ["AwaitingSignOff", "Returned", "AwaitingSignOff", "UnderReview", "Returned", "AwaitingSignOff", "UnderReview", "Accepted", "AwaitingDecision", "PartlyApproved"],
            (await db.AuditEntries.AsNoTracking().Where(e => e.EntityId == stcProposal.ToString() && e.Action == AuditActions.ProposalStatus).OrderBy(e => e.Sequence).Select(e => e.Details).ToListAsync())
                .Select(d => JsonDocument.Parse(d!).RootElement.GetProperty("to").GetString()));
        Assert.Null(await AuditChain.VerifyAsync(db, CancellationToken.None));

        // Altering one line in the database breaks the chain exactly there.
        var victim = await db.AuditEntries.AsNoTracking().Where(e => e.Action == AuditActions.ProposalDecided).Select(e => e.Sequence).FirstAsync();
        await db.AuditEntries.Where(e => e.Sequence == victim).ExecuteUpdateAsync(s => s.SetProperty(e => e.Details, "{\"decisions\":[]}"));
        Assert.Equal(victim, (await AuditChain.VerifyAsync(db, CancellationToken.None))?.Sequence);
    }

    private async Task SaveSeedContentAsync(string staff, Guid proposal)
    {
        var revision = (await chain.GetAsync(staff, $"/api/proposals/{proposal}")).GetProperty("revision").GetInt32();
        using var saved = await (await chain.AsAsync(staff)).PutProposalAsync(proposal, revision, SeedLetter.Content());
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
    }

    private async Task ReviseAsync(string staff, Guid proposal, Action<ApprovalFlow.Proposals.ProposalContent> change)
    {
        var current = await chain.GetAsync(staff, $"/api/proposals/{proposal}");
        var content = ApiSession.ContentOf(current);
        change(content);
        using var saved = await (await chain.AsAsync(staff)).PutProposalAsync(proposal, current.GetProperty("revision").GetInt32(), content);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
    }
}
