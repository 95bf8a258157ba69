using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ApprovalFlow.Audit;
using ApprovalFlow.Data;
using ApprovalFlow.Identity;
using ApprovalFlow.Tests.Fixtures;
using ApprovalFlow.Tests.Inbox;
using ApprovalFlow.Tests.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ApprovalFlow.Tests.Chain;

/// <summary>Two reviewers on the same proposal at the same moment, and the rule that a return needs a comment.</summary>
public sealed class CompletionRaceTests : IAsyncLifetime, IDisposable
{
    private const string SecondReviewer = "thamdinh.phong2@demo.local";
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2022, 2, 1, 2, 0, 0, TimeSpan.Zero));
    private AppFactory app = null!;
    private ChainDriver chain = null!;
    private Guid proposal;

    public async Task InitializeAsync()
    {
        app = new AppFactory { Clock = clock };
        chain = new ChainDriver(app, clock);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await InboxHost.AddColleagueAsync(scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>(), ChainDriver.Reviewer, SecondReviewer, "Võ Văn Thẩm", Roles.IctReviewer);
        }

        // The seeded request's STC proposal, drafted, submitted and signed: it waits for the ICT review.
        var stc = (await chain.AgenciesAsync())["STC"];
        var request = (await chain.GetAsync("chuyenvien.stc@demo.local", "/api/requests")).EnumerateArray().Single().GetProperty("id").GetGuid();
        proposal = (await chain.ProposalAsync("chuyenvien.stc@demo.local", request, stc)).GetProperty("id").GetGuid();
        var revision = (await chain.GetAsync("chuyenvien.stc@demo.local", $"/api/proposals/{proposal}")).GetProperty("revision").GetInt32();
        using var saved = await (await chain.AsAsync("chuyenvien.stc@demo.local")).PutProposalAsync(proposal, revision, SeedLetter.Content());
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        await chain.DoAsync("chuyenvien.stc@demo.local", proposal, "draft", "Submit");
        await chain.DoAsync("giamdoc.stc@demo.local", proposal, "sign-off", "Approve");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task Two_reviewers_accepting_at_once_record_one_review_and_the_other_is_told_it_was_handled()
    {
        var item = await chain.ItemAsync(ChainDriver.Reviewer, proposal, "review");
        Assert.Equal(item, await chain.ItemAsync(SecondReviewer, proposal, "review"));
        var first = await chain.AsAsync(ChainDriver.Reviewer);
        var second = await chain.AsAsync(SecondReviewer);

        var responses = await Task.WhenAll(
            first.PostAsJsonAsync($"/api/work-items/{item}/review", new { outcome = "Accept", tasks = new[] { new { taskIndex = 0, periodAmount = 40m, planYearAmount = 40m } } }),
            second.PostAsJsonAsync($"/api/work-items/{item}/review", new { outcome = "Accept", tasks = new[] { new { taskIndex = 0, periodAmount = 30m, planYearAmount = 30m } } }));

        var won = Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        var lost = Assert.Single(responses, r => r.StatusCode != HttpStatusCode.OK);
        Assert.True(lost.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.NotFound, lost.StatusCode.ToString());
        if (lost.StatusCode == HttpStatusCode.Conflict)
        {
            Assert.Contains("đã được xử lý", (await lost.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString(), StringComparison.Ordinal);
        }

        var winner = Array.IndexOf(responses, won) == 0 ? 40m : 30m;
        var recorded = await chain.GetAsync("chuyenvien.stc@demo.local", $"/api/proposals/{proposal}");
        Assert.Equal("Accepted", recorded.GetProperty("status").GetString());
        Assert.Equal(winner, recorded.GetProperty("recommendations")[0].GetProperty("periodAmount").GetDecimal());

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApprovalFlowDbContext>();
        Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.EntityId == item.ToString() && e.Action == AuditActions.WorkItemCompleted));
        Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.EntityId == proposal.ToString() && e.Action == AuditActions.ProposalReviewed));
        Assert.Null(await AuditChain.VerifyAsync(db, CancellationToken.None));
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task Returning_without_a_comment_is_refused_with_a_message_and_changes_nothing()
    {
        var item = await chain.ItemAsync(ChainDriver.Reviewer, proposal, "review");
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApprovalFlowDbContext>();
        var linesBefore = await db.AuditEntries.CountAsync();

        foreach (var blank in new[] { null, "", "   \n " })
        {
            using var refused = await chain.PostAsync(ChainDriver.Reviewer, $"/api/work-items/{item}/review", new { outcome = "Return", comment = blank });
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Equal("Cần nhập ý kiến cho kết quả này.", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
        }

        Assert.Equal("UnderReview", (await chain.GetAsync("chuyenvien.stc@demo.local", $"/api/proposals/{proposal}")).GetProperty("status").GetString());
        Assert.Equal(item, await chain.ItemAsync(ChainDriver.Reviewer, proposal, "review"));
        Assert.Equal(linesBefore, await db.AuditEntries.CountAsync());

        await chain.DoAsync(ChainDriver.Reviewer, proposal, "review", "Return", "Thiếu căn cứ pháp lý.");
        Assert.Equal("Returned", (await chain.GetAsync("chuyenvien.stc@demo.local", $"/api/proposals/{proposal}")).GetProperty("status").GetString());
    }
}
