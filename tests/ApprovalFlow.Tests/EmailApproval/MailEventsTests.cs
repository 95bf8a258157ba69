using System.Net;
using ApprovalFlow.Notifications;
using ApprovalFlow.Proposals;
using ApprovalFlow.Tests.Web;
using ApprovalFlow.WorkItems;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Tests.EmailApproval;

/// <summary>Every event's message at a real SMTP server, and mail that waits out an SMTP server's absence.</summary>
public sealed class MailEventsTests
{
    [Fact]
    public async Task Each_event_reaches_its_recipients_in_Vietnamese_with_a_link_that_opens_the_work()
    {
        await using var mail = await MailChain.StartAsync();
        await mail.DeliverAsync(); // the seeded drafts: news of new work for each agency's staff
        var proposal = await mail.SubmitBdtProposalAsync();
        var item = await mail.Driver.ItemAsync(MailChain.Head, proposal, WorkItemForms.SignOff);

        // The reminder policy's notices for the head's sign-off, and the decision for the agency (their queuing is
        // the reminder sweep's and the decision step's, proven where those are tested).
        await mail.InDbAsync(async db =>
        {
            foreach (var kind in new[] { NotificationKinds.Reminder, NotificationKinds.DueToday, NotificationKinds.Overdue })
            {
                db.Notifications.Add(new Notification { Kind = kind, WorkItemId = item, RecipientRole = "AgencyHead", AgencyId = (await db.WorkItems.FindAsync(item))!.AgencyId, CreatedAt = mail.Clock.GetUtcNow() });
            }

            db.Notifications.Add(new Notification { Kind = NotificationKinds.Escalation, WorkItemId = item, RecipientRole = "AgencyHead", AgencyId = (await db.WorkItems.FindAsync(item))!.AgencyId, CreatedAt = mail.Clock.GetUtcNow() });
            var decided = await db.Proposals.SingleAsync(p => p.Id == proposal);
            decided.Decisions = [new TaskDecision { TaskIndex = 0, Verdict = TaskVerdict.Approve, PeriodAmount = 48, PlanYearAmount = 48 }, new TaskDecision { TaskIndex = 1, Verdict = TaskVerdict.Reject, Reason = "Trùng với dự án của tỉnh." }];
            decided.Status = ProposalStatus.PartlyApproved;
            db.Notifications.Add(new Notification { Kind = NotificationKinds.Decision, ProposalId = proposal, RecipientRole = "AgencyStaff", AgencyId = decided.AgencyId, CreatedAt = mail.Clock.GetUtcNow() });
            return await db.SaveChangesAsync();
        });
        await mail.DeliverAsync();

        var expected = new (string To, string Subject, string Text)[]
        {
            (MailChain.Staff, "Việc mới: Soạn đề xuất", "Anh/chị có việc mới cần xử lý"),
            (MailChain.Head, "Việc mới: Ký duyệt", "Duyệt ngay từ thư này"),
            (MailChain.Head, "Sắp đến hạn: Ký duyệt", "sẽ đến hạn vào"),
            (MailChain.Head, "Đến hạn hôm nay: Ký duyệt", "đến hạn hôm nay"),
            (MailChain.Head, "Quá hạn: Ký duyệt", "Đề nghị xử lý sớm"),
            (MailChain.Head, "Báo cáo việc quá hạn: Ký duyệt", "mà chưa được xử lý"),
            (MailChain.Staff, "Quyết định phê duyệt:", "được phê duyệt một phần"),
        };
        var staffPages = await PageSession.LoginAsync(mail.App, MailChain.Staff);
        var headPages = await PageSession.LoginAsync(mail.App, MailChain.Head);
        foreach (var (to, subject, text) in expected)
        {
            var message = Assert.Single(mail.MessagesTo(to, subject));
            Assert.Contains(text, message.TextBody, StringComparison.Ordinal);
            Assert.Contains(text, message.HtmlBody, StringComparison.Ordinal);
            var link = System.Text.RegularExpressions.Regex.Match(message.TextBody ?? "", $@"{MailChain.BaseUrl}(/(work|proposals)/[0-9a-f-]{{36}})").Groups[1].Value;
            using var opened = await (to == MailChain.Head ? headPages : staffPages).Client.GetAsync(link);
            Assert.True(opened.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect, $"{subject}: {link} gave {opened.StatusCode}");
        }

        // The decision lists each task with its verdict and the approved sums.
        var decision = Assert.Single(mail.MessagesTo(MailChain.Staff, "Quyết định phê duyệt:")).TextBody;
        Assert.Contains("Kinh phí được phê duyệt: 48 triệu đồng", decision, StringComparison.Ordinal);
        Assert.Contains("không phê duyệt, 0 / 0 triệu đồng (Trùng với dự án của tỉnh.)", decision, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_the_SMTP_server_down_the_work_goes_on_and_every_message_is_delivered_once_when_it_is_back()
    {
        await using var mail = await MailChain.StartAsync();
        await mail.StopSmtpAsync();

        var proposal = await mail.SubmitBdtProposalAsync();
        await mail.DeliverAsync();
        var waiting = await mail.InDbAsync(db => db.Notifications.AsNoTracking().Where(n => n.DeliveredAt == null).ToListAsync());
        Assert.NotEmpty(waiting);
        Assert.All(waiting, n => Assert.True(n.Attempts == 1 && !string.IsNullOrEmpty(n.LastError), $"{n.Kind}: {n.Attempts} {n.LastError}"));
        await mail.Driver.ItemAsync(MailChain.Head, proposal, WorkItemForms.SignOff);

        await mail.RestartSmtpAsync();
        Assert.Equal(0, await mail.DeliverAsync()); // still within the back-off
        mail.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(waiting.Count, await mail.DeliverAsync());
        Assert.Equal(0, await mail.DeliverAsync());

        var received = mail.Smtp.Received();
        Assert.All(received.GroupBy(m => m.MessageId), g => Assert.Single(g));
        Assert.Equal(waiting.Select(n => n.Id.ToString("N")).Order(), received.Select(m => m.MessageId!.Split('.')[0]).Distinct().Order());
        Assert.Single(mail.MessagesTo(MailChain.Head, "Việc mới: Ký duyệt"));
    }
}
