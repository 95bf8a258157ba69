using System.Net;
using ApprovalFlow.Audit;
using ApprovalFlow.Tests.Web;
using ApprovalFlow.WorkItems;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Tests.EmailApproval;

/// <summary>
/// The agency head approves from the link in their mail: the page only shows until its own POST acts, once; every
/// way a link can stop working gets its own page.
/// </summary>
public sealed class EmailApprovalTests
{
    [Fact]
    public async Task Scanners_opening_the_link_change_nothing_the_head_approves_once_and_a_second_press_is_told_so()
    {
        await using var mail = await MailChain.StartAsync();
        var proposal = await mail.SubmitBdtProposalAsync();
        await mail.DeliverAsync();

        var message = Assert.Single(mail.MessagesTo(MailChain.Head, "Việc mới: Ký duyệt"));
        Assert.Contains("Kính gửi", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("(Ban Dân tộc", message.Subject, StringComparison.Ordinal);
        var path = MailChain.ApprovalPath(message);
        var item = await mail.Driver.ItemAsync(MailChain.Head, proposal, WorkItemForms.SignOff);

        // Mail scanners fetch every link, with GET and HEAD, several times: nothing happens.
        var scanner = PageSession.Anonymous(mail.App);
        for (var i = 0; i < 3; i++)
        {
            var page = await scanner.GetAsync(path);
            Assert.NotNull(page.QuerySelector("[data-testid=approval-summary]"));
            using var probe = await scanner.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));
            Assert.Equal(HttpStatusCode.OK, probe.StatusCode);
        }

        // The letter being approved downloads from the link too, and that changes nothing either.
        using (var pdf = await scanner.Client.GetAsync(path + "?handler=Document&format=pdf"))
        {
            Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
            Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(await pdf.Content.ReadAsByteArrayAsync())[..4], StringComparison.Ordinal);
        }

        Assert.Equal(WorkItemStatus.Open, (await mail.ItemAsync(item)).Status);
        Assert.Null(await mail.InDbAsync(db => db.ApprovalLinks.AsNoTracking().Select(l => l.UsedAt).SingleAsync()));

        // The page shows what is approved: the revision and the totals by year of the letter.
        var head = PageSession.Anonymous(mail.App);
        var confirm = await head.GetAsync(path);
        Assert.Contains("Ban Dân tộc", confirm.QuerySelector("[data-testid=approval-summary]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("408", confirm.QuerySelector("[data-testid=approval-totals]")!.TextContent, StringComparison.Ordinal);
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)confirm.QuerySelector("[data-testid=approval-form]")!;

        using (var approved = await head.SubmitAsync(path, form, overrides: new() { ["outcome"] = "Approve" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        }

        var done = await mail.ItemAsync(item);
        Assert.Equal((WorkItemStatus.Completed, "Approve", "email"), (done.Status, done.Outcome, done.Channel));
        Assert.Equal(await mail.InDbAsync(db => db.Users.Where(u => u.Email == MailChain.Head).Select(u => u.FullName).SingleAsync()), done.CompletedByName);
        Assert.True(await mail.InDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditActions.ApprovalLinkUsed && e.Channel == "email")));
        var timeline = await mail.Driver.GetAsync(MailChain.Staff, $"/api/proposals/{proposal}/timeline");
        Assert.Contains(timeline.GetProperty("steps").EnumerateArray(), s => s.GetProperty("form").GetString() == "sign-off" && s.GetProperty("channel").GetString() == "email");

        // The same form pressed again: the link is used, the page says by whom and when, nothing happens twice.
        using var again = await head.SubmitAsync(path, form, overrides: new() { ["outcome"] = "Approve" });
        Assert.Equal(HttpStatusCode.Gone, again.StatusCode);
        Assert.NotNull((await PageSession.ParseAsync(again)).QuerySelector("[data-testid=link-used]"));
        Assert.Equal(1, await mail.InDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.WorkItemCompleted && e.EntityId == item.ToString())));
    }

    [Fact]
    public async Task Tampered_expired_and_revoked_links_each_get_their_page_and_act_on_nothing()
    {
        await using var mail = await MailChain.StartAsync();
        var proposal = await mail.SubmitBdtProposalAsync();
        var path = await mail.HeadsLinkAsync();
        var visitor = PageSession.Anonymous(mail.App);

        // One character changed, or cut short: no such link.
        var tampered = path[..^1] + (path[^1] == 'A' ? 'B' : 'A');
        foreach (var wrong in new[] { tampered, path[..^5], "/approve/<script>" })
        {
            using var response = await visitor.Client.GetAsync(wrong);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.NotNull((await PageSession.ParseAsync(response)).QuerySelector("[data-testid=link-unknown]"));
        }

        // Past 72 hours: expired, and the page says the work still waits in the inbox.
        mail.Clock.Advance(TimeSpan.FromHours(72));
        using (var expired = await visitor.Client.GetAsync(path))
        {
            Assert.Equal(HttpStatusCode.Gone, expired.StatusCode);
            Assert.NotNull((await PageSession.ParseAsync(expired)).QuerySelector("[data-testid=link-expired]"));
        }

        // Completed from the inbox (the head signs in afresh): the link dies with the item.
        await mail.Driver.AdvanceAsync(TimeSpan.Zero);
        await mail.Driver.DoAsync(MailChain.Head, proposal, WorkItemForms.SignOff, "Approve");
        using var revoked = await visitor.Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.Gone, revoked.StatusCode);
        Assert.NotNull((await PageSession.ParseAsync(revoked)).QuerySelector("[data-testid=link-revoked-completed]"));
        Assert.NotNull(await mail.InDbAsync(db => db.ApprovalLinks.AsNoTracking().Select(l => l.RevokedAt).SingleAsync()));
    }

    [Fact]
    public async Task A_link_for_one_work_item_cannot_act_on_another()
    {
        await using var mail = await MailChain.StartAsync();
        var proposal = await mail.SubmitBdtProposalAsync();
        var path = await mail.HeadsLinkAsync();
        var item = await mail.Driver.ItemAsync(MailChain.Head, proposal, WorkItemForms.SignOff);
        var other = await mail.InDbAsync(db => db.WorkItems.Where(i => i.Id != item && i.Status == WorkItemStatus.Open).Select(i => i.Id).FirstAsync());

        var visitor = PageSession.Anonymous(mail.App);
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)(await visitor.GetAsync(path)).QuerySelector("[data-testid=approval-form]")!;
        using var response = await visitor.SubmitAsync(path, form, overrides: new() { ["outcome"] = "Approve", ["WorkItemId"] = other.ToString() });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await PageSession.ParseAsync(response)).QuerySelector("[data-testid=link-wrong-item]"));
        Assert.Equal(WorkItemStatus.Open, (await mail.ItemAsync(item)).Status);
        Assert.Equal(WorkItemStatus.Open, (await mail.ItemAsync(other)).Status);
        Assert.Null(await mail.InDbAsync(db => db.ApprovalLinks.AsNoTracking().Select(l => l.UsedAt).SingleAsync()));
    }

    [Fact]
    public async Task A_return_needs_a_comment_and_a_post_without_the_antiforgery_token_is_refused()
    {
        await using var mail = await MailChain.StartAsync();
        var proposal = await mail.SubmitBdtProposalAsync();
        var path = await mail.HeadsLinkAsync();
        var item = await mail.Driver.ItemAsync(MailChain.Head, proposal, WorkItemForms.SignOff);
        var visitor = PageSession.Anonymous(mail.App);
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)(await visitor.GetAsync(path)).QuerySelector("[data-testid=approval-form]")!;

        using (var forged = await PageSession.Anonymous(mail.App).Client.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string> { ["outcome"] = "Approve", ["WorkItemId"] = item.ToString() })))
        {
            Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        }

        using (var bare = await visitor.SubmitAsync(path, form, overrides: new() { ["outcome"] = "Return", ["Comment"] = "  " }))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, bare.StatusCode);
            Assert.NotNull((await PageSession.ParseAsync(bare)).QuerySelector("[data-testid=approval-error]"));
        }

        Assert.Equal(WorkItemStatus.Open, (await mail.ItemAsync(item)).Status);
        using (var returned = await visitor.SubmitAsync(path, form, overrides: new() { ["outcome"] = "Return", ["Comment"] = "Bổ sung dự toán chi tiết." }))
        {
            Assert.Equal(HttpStatusCode.Redirect, returned.StatusCode);
        }

        // The staff hear of it by mail, with the comment, in Vietnamese.
        await mail.DeliverAsync();
        var back = Assert.Single(mail.MessagesTo(MailChain.Staff, "Đề xuất bị trả lại"));
        Assert.Contains("\"Bổ sung dự toán chi tiết.\"", back.TextBody, StringComparison.Ordinal);
        Assert.Contains("Bổ sung dự toán chi tiết.", back.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_proposal_edited_after_the_link_was_sent_refuses_the_old_link_and_sends_a_new_one_that_works()
    {
        await using var mail = await MailChain.StartAsync();
        var proposal = await mail.SubmitBdtProposalAsync();
        var oldPath = await mail.HeadsLinkAsync();

        // The staff correct the text while the head has not signed yet.
        var revision = await mail.ReviseBdtProposalAsync(proposal);

        var visitor = PageSession.Anonymous(mail.App);
        using (var old = await visitor.Client.GetAsync(oldPath))
        {
            Assert.Equal(HttpStatusCode.Gone, old.StatusCode);
            Assert.NotNull((await PageSession.ParseAsync(old)).QuerySelector("[data-testid=link-revoked-edited]"));
        }

        var newPath = await mail.HeadsLinkAsync("Đề xuất đã được sửa");
        Assert.NotEqual(oldPath, newPath);
        var page = await visitor.GetAsync(newPath);
        Assert.Contains($"{revision}", page.QuerySelector("[data-testid=approval-revision]")!.TextContent, StringComparison.Ordinal);
        using var approved = await visitor.SubmitAsync(newPath, (AngleSharp.Html.Dom.IHtmlFormElement)page.QuerySelector("[data-testid=approval-form]")!, overrides: new() { ["outcome"] = "Approve" });
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        Assert.Equal("UnderReview", (await mail.Driver.GetAsync(MailChain.Staff, $"/api/proposals/{proposal}")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_step_configured_to_need_sign_in_acts_only_for_the_signed_in_approver()
    {
        await using var mail = await MailChain.StartAsync(new() { ["EmailApproval:SignInRequiredForRoles:0"] = "AgencyHead" });
        var proposal = await mail.SubmitBdtProposalAsync();
        var path = await mail.HeadsLinkAsync();
        var item = await mail.Driver.ItemAsync(MailChain.Head, proposal, WorkItemForms.SignOff);

        var anonymous = await PageSession.Anonymous(mail.App).GetAsync(path);
        Assert.NotNull(anonymous.QuerySelector("[data-testid=sign-in-required]"));
        Assert.Null(anonymous.QuerySelector("[data-testid=approval-summary]"));

        var head = await PageSession.LoginAsync(mail.App, MailChain.Head);
        var page = await head.GetAsync(path);
        using var approved = await head.SubmitAsync(path, (AngleSharp.Html.Dom.IHtmlFormElement)page.QuerySelector("[data-testid=approval-form]")!, overrides: new() { ["outcome"] = "Approve" });
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        Assert.Equal((WorkItemStatus.Completed, "email"), ((await mail.ItemAsync(item)).Status, (await mail.ItemAsync(item)).Channel));
    }

    [Fact]
    public async Task The_inbox_sign_off_page_also_refuses_to_sign_a_version_the_head_has_not_seen()
    {
        await using var mail = await MailChain.StartAsync();
        var proposal = await mail.SubmitBdtProposalAsync();
        var item = await mail.Driver.ItemAsync(MailChain.Head, proposal, WorkItemForms.SignOff);
        var head = await PageSession.LoginAsync(mail.App, MailChain.Head);
        var url = $"/work/{item}/sign-off";
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)(await head.GetAsync(url)).QuerySelector("[data-testid=step-actions]")!;

        await mail.ReviseBdtProposalAsync(proposal);

        using (var stale = await head.SubmitAsync(url, form, overrides: new() { ["outcome"] = "Approve" }))
        {
            Assert.Equal($"/work/{item}", stale.Headers.Location?.OriginalString);
        }

        Assert.Equal(WorkItemStatus.Open, (await mail.ItemAsync(item)).Status);
        var fresh = (AngleSharp.Html.Dom.IHtmlFormElement)(await head.GetAsync(url)).QuerySelector("[data-testid=step-actions]")!;
        using var signed = await head.SubmitAsync(url, fresh, overrides: new() { ["outcome"] = "Approve" });
        Assert.Equal("/inbox", signed.Headers.Location?.OriginalString);
        Assert.Equal(WorkItemStatus.Completed, (await mail.ItemAsync(item)).Status);
    }
}
