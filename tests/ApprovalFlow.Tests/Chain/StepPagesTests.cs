using System.Net;
using AngleSharp.Html.Dom;
using ApprovalFlow.Tests.Fixtures;
using ApprovalFlow.Tests.Web;
using Microsoft.Extensions.Time.Testing;

namespace ApprovalFlow.Tests.Chain;

/// <summary>
/// The chain through its pages, as people click it: the request form, the editor's submit, the head's sign-off, the
/// review form with amounts, the consolidation and the UBND decision page with its bulk approval.
/// </summary>
public sealed class StepPagesTests : IDisposable
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2022, 2, 1, 2, 0, 0, TimeSpan.Zero));
    private readonly AppFactory app;
    private readonly ChainDriver api;

    public StepPagesTests()
    {
        app = new AppFactory { Clock = clock };
        api = new ChainDriver(app, clock);
    }

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task A_request_goes_from_its_form_to_the_UBND_decision_through_the_pages()
    {
        // The ICT reviewer writes the request on its form and sends it from its page.
        var reviewer = await PageSession.LoginAsync(app, ChainDriver.Reviewer);
        var form = await reviewer.GetAsync("/requests/new");
        var stc = (await api.AgenciesAsync())["STC"];
        using var created = await reviewer.SubmitAsync("/requests/new", Form(form, "request-form"), overrides: new()
        {
            ["Form.Number"] = "30/STTTT-CĐS",
            ["Form.Subject"] = "đề xuất nhiệm vụ chuyển đổi số",
            ["Form.Date"] = "2022-02-01",
            ["Form.Deadline"] = "2022-02-18",
            ["Form.PeriodFrom"] = "2022",
            ["Form.PeriodTo"] = "2025",
            ["Form.PlanYear"] = "2022",
            ["Form.PastFrom"] = "2020",
            ["Form.PastTo"] = "2021",
            ["Form.TargetAgencyIds"] = stc.ToString(),
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var requestUrl = created.Headers.Location!.OriginalString;
        var details = await reviewer.GetAsync(requestUrl);
        using (var sent = await reviewer.SubmitAsync(requestUrl + "?handler=Publish", Form(details, "publish")))
        {
            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        }

        Assert.Contains("Đã gửi các cơ quan", (await reviewer.GetAsync(requestUrl)).QuerySelector("[data-testid=request-status]")!.TextContent, StringComparison.Ordinal);
        var requestId = Guid.Parse(requestUrl.Split('/')[^1]);
        var proposal = (await api.ProposalAsync("chuyenvien.stc@demo.local", requestId, stc)).GetProperty("id").GetGuid();

        // The staff fill it in (through the API here: the editor has its own tests) and submit from the editor.
        var revision = (await api.GetAsync("chuyenvien.stc@demo.local", $"/api/proposals/{proposal}")).GetProperty("revision").GetInt32();
        using (var saved = await (await api.AsAsync("chuyenvien.stc@demo.local")).PutProposalAsync(proposal, revision, SeedLetter.Content()))
        {
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        }

        var staff = await PageSession.LoginAsync(app, "chuyenvien.stc@demo.local");
        var editor = await staff.GetAsync($"/proposals/{proposal}/edit");
        await ExpectInboxAsync(await staff.SubmitAsync($"/proposals/{proposal}/edit", FormOf(editor, "[data-testid=submit]"), overrides: new() { ["outcome"] = "Submit" }));

        // The head opens the item: the letter as it will be sent, with its totals. Returning needs a comment.
        var head = await PageSession.LoginAsync(app, "giamdoc.stc@demo.local");
        var signOffUrl = await OpenAsync(head, await api.ItemAsync("giamdoc.stc@demo.local", proposal, "sign-off"));
        var signOff = await head.GetAsync(signOffUrl);
        Assert.Equal("408", signOff.QuerySelector("[data-testid=period-total]")!.TextContent.Trim());
        using (var bare = await head.SubmitAsync(signOffUrl, Form(signOff, "step-actions"), overrides: new() { ["outcome"] = "Return" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, bare.StatusCode);
            var back = await head.GetAsync(await OpenAsync(head, Guid.Parse(bare.Headers.Location!.OriginalString.Split('/')[^1])));
            Assert.Contains("Cần nhập ý kiến", back.QuerySelector("[data-testid=flash]")!.TextContent, StringComparison.Ordinal);
        }

        Assert.Equal("AwaitingSignOff", (await api.GetAsync("chuyenvien.stc@demo.local", $"/api/proposals/{proposal}")).GetProperty("status").GetString());
        await ExpectInboxAsync(await head.SubmitAsync(signOffUrl, Form(signOff, "step-actions"), overrides: new() { ["outcome"] = "Return", ["comment"] = "Ghi rõ nguồn vốn nhiệm vụ 3." }));
        Assert.Equal("Ghi rõ nguồn vốn nhiệm vụ 3.", (await staff.GetAsync($"/proposals/{proposal}/edit")).QuerySelector("[data-testid=return-comment]")!.TextContent.Trim());

        // Resubmitted and signed, it reaches the review form; an unreadable amount is refused and kept as typed.
        editor = await staff.GetAsync($"/proposals/{proposal}/edit");
        await ExpectInboxAsync(await staff.SubmitAsync($"/proposals/{proposal}/edit", FormOf(editor, "[data-testid=submit]"), overrides: new() { ["outcome"] = "Submit" }));
        signOffUrl = await OpenAsync(head, await api.ItemAsync("giamdoc.stc@demo.local", proposal, "sign-off"));
        await ExpectInboxAsync(await head.SubmitAsync(signOffUrl, Form(await head.GetAsync(signOffUrl), "step-actions"), overrides: new() { ["outcome"] = "Approve" }));
        var reviewUrl = await OpenAsync(reviewer, await api.ItemAsync(ChainDriver.Reviewer, proposal, "review"));
        var review = await reviewer.GetAsync(reviewUrl);
        Assert.Equal("160", ((IHtmlInputElement)review.QuerySelector("input[name='Tasks[1].PeriodAmount']")!).Value);
        using (var typo = await reviewer.SubmitAsync(reviewUrl, FormOf(review, "[data-testid=review-tasks]"), overrides: new() { ["outcome"] = "Accept", ["Tasks[1].PeriodAmount"] = "12o" }))
        {
            Assert.Equal(HttpStatusCode.OK, typo.StatusCode);
            var again = await PageSession.ParseAsync(typo);
            Assert.Equal("12o", ((IHtmlInputElement)again.QuerySelector("input[name='Tasks[1].PeriodAmount']")!).Value);
            Assert.NotNull(again.QuerySelector("input[name='Tasks[1].PeriodAmount'].is-invalid"));
        }

        await ExpectInboxAsync(await reviewer.SubmitAsync(reviewUrl, FormOf(review, "[data-testid=review-tasks]"), overrides: new() { ["outcome"] = "Accept", ["Tasks[1].PeriodAmount"] = "120", ["Tasks[1].PlanYearAmount"] = "120" }));

        // Past the deadline the reviewer consolidates, the ICT leader signs from the consolidation.
        await api.AdvanceAsync(TimeSpan.FromDays(18));
        reviewer = await PageSession.LoginAsync(app, ChainDriver.Reviewer);
        var consolidationUrl = await OpenAsync(reviewer, await api.ItemAsync(ChainDriver.Reviewer, requestId, "consolidation"));
        var consolidation = await reviewer.GetAsync(consolidationUrl);
        Assert.Equal("368", consolidation.QuerySelector("[data-testid=recommended-total]")!.TextContent.Trim());
        await ExpectInboxAsync(await reviewer.SubmitAsync(consolidationUrl, Form(consolidation, "step-actions"), overrides: new() { ["outcome"] = "Submit" }));
        var leader = await PageSession.LoginAsync(app, ChainDriver.IctLeader);
        var leaderUrl = await OpenAsync(leader, await api.ItemAsync(ChainDriver.IctLeader, requestId, "sign-off"));
        Assert.EndsWith("/consolidation", leaderUrl, StringComparison.Ordinal);
        await ExpectInboxAsync(await leader.SubmitAsync(leaderUrl, Form(await leader.GetAsync(leaderUrl), "step-actions"), overrides: new() { ["outcome"] = "Approve" }));

        // The UBND ticks the proposal to approve it as recommended, rejects task 4 (a reason is required) and issues.
        var ubnd = await PageSession.LoginAsync(app, ChainDriver.Ubnd);
        var decisionUrl = await OpenAsync(ubnd, await api.ItemAsync(ChainDriver.Ubnd, requestId, "decision"));
        var decision = await ubnd.GetAsync(decisionUrl);
        using var bulk = await ubnd.SubmitAsync(decisionUrl + "?handler=ApproveSelected", FormOf(decision, "[data-testid=issue]"), overrides: new() { ["Proposals[0].Selected"] = "true" });
        var approvedAll = await PageSession.ParseAsync(bulk);
        Assert.Equal("368", approvedAll.QuerySelector("[data-testid=approved-total]")!.TextContent.Trim());
        using (var unexplained = await ubnd.SubmitAsync(decisionUrl, FormOf(approvedAll, "[data-testid=issue]"), overrides: new() { ["Proposals[0].Tasks[3].Verdict"] = "Reject" }))
        {
            Assert.Equal(HttpStatusCode.OK, unexplained.StatusCode);
            Assert.Contains("lý do", (await PageSession.ParseAsync(unexplained)).QuerySelector("[data-testid=form-error]")!.TextContent, StringComparison.Ordinal);
        }

        await ExpectInboxAsync(await ubnd.SubmitAsync(decisionUrl, FormOf(approvedAll, "[data-testid=issue]"), overrides: new()
        {
            ["Proposals[0].Tasks[3].Verdict"] = "Reject",
            ["Proposals[0].Tasks[3].Reason"] = "Trùng nhiệm vụ của tỉnh",
        }));

        // The proposal page shows the outcome per task and every step, taken from the inbox.
        staff = await PageSession.LoginAsync(app, "chuyenvien.stc@demo.local");
        var final = await staff.GetAsync($"/proposals/{proposal}");
        Assert.Contains("Phê duyệt một phần", final.QuerySelector("[data-testid=status]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(4, final.QuerySelectorAll("[data-testid=assessment-task]").Length);
        var steps = final.QuerySelectorAll("[data-testid=timeline-step]");
        Assert.Equal(5, steps.Length);
        Assert.All(steps, s => Assert.Contains("qua hộp việc", s.TextContent, StringComparison.Ordinal));
    }

    /// <summary>Opens <c>/work/{id}</c> and follows it to the step's page.</summary>
    private static async Task<string> OpenAsync(PageSession session, Guid item)
    {
        using var response = await session.Client.GetAsync($"/work/{item}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!.OriginalString;
    }

    private static async Task ExpectInboxAsync(HttpResponseMessage response)
    {
        using (response)
        {
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            Assert.Equal("/inbox", response.Headers.Location!.OriginalString);
        }
    }

    private static IHtmlFormElement Form(IHtmlDocument page, string testId) =>
        page.QuerySelector($"[data-testid={testId}]") switch
        {
            IHtmlFormElement form => form,
            { } inside => (IHtmlFormElement)inside.Closest("form")!,
            null => throw new InvalidOperationException($"No form {testId} on the page."),
        };

    private static IHtmlFormElement FormOf(IHtmlDocument page, string selector) =>
        (IHtmlFormElement)(page.QuerySelector(selector) ?? throw new InvalidOperationException($"Nothing matches {selector}.")).Closest("form")!;
}
