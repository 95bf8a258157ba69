using System.Net;
using AngleSharp.Html.Dom;
using ApprovalFlow.Tests.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalFlow.Tests.EmailApproval;

/// <summary>The administrators' mail pages: the outbox and its retry, the test message, the templates, the dropped files.</summary>
public sealed class MailAdminTests
{
    private const string Admin = "admin@demo.local";

    [Fact]
    public async Task The_outbox_shows_a_failed_delivery_with_the_servers_error_and_its_retry_delivers_it_through_Hangfire()
    {
        await using var mail = await MailChain.StartAsync();
        await mail.StopSmtpAsync();
        await mail.DeliverAsync();
        var admin = await PageSession.LoginAsync(mail.App, Admin);

        var failed = await admin.GetAsync("/admin/mail?show=failed");
        var row = failed.QuerySelectorAll("[data-testid=outbox-row]")[0];
        Assert.False(string.IsNullOrWhiteSpace(row.QuerySelector("[data-testid=outbox-error]")?.TextContent));

        await mail.RestartSmtpAsync();
        var id = Guid.Parse(row.GetAttribute("data-id")!);
        using (var retry = await admin.SubmitAsync("/admin/mail", (IHtmlFormElement)row.QuerySelector("form")!))
        {
            Assert.Equal(HttpStatusCode.Redirect, retry.StatusCode);
        }

        // Hangfire's worker runs the delivery job the retry enqueued (its single test worker may be busy a while).
        var retried = await mail.InDbAsync(db => db.Notifications.AsNoTracking().SingleAsync(n => n.Id == id));
        Assert.Equal(0, retried.Attempts);
        for (var wait = 0; wait < 1200 && retried.DeliveredAt is null; wait++)
        {
            await Task.Delay(100);
            retried = await mail.InDbAsync(db => db.Notifications.AsNoTracking().SingleAsync(n => n.Id == id));
        }

        Assert.True(retried.DeliveredAt is not null, $"not delivered: {retried.Attempts} attempts, {retried.LastError}");
        Assert.Contains(mail.Smtp.Received(), m => m.MessageId?.StartsWith($"{id:N}.", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task A_test_message_is_sent_at_once_or_its_error_is_shown()
    {
        await using var mail = await MailChain.StartAsync();
        var admin = await PageSession.LoginAsync(mail.App, Admin);
        var page = await admin.GetAsync("/admin/mail");
        var form = (IHtmlFormElement)page.QuerySelector("[data-testid=test-form]")!;

        using (var sent = await admin.SubmitAsync("/admin/mail", form, overrides: new() { ["TestAddress"] = "kiemtra@demo.local" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        }

        Assert.Single(mail.MessagesTo("kiemtra@demo.local", "Thư thử từ ApprovalFlow"));
        Assert.Contains("kiemtra@demo.local", (await admin.GetAsync("/admin/mail")).QuerySelector("[data-testid=flash]")!.TextContent, StringComparison.Ordinal);

        await mail.StopSmtpAsync();
        using (var refused = await admin.SubmitAsync("/admin/mail", form, overrides: new() { ["TestAddress"] = "kiemtra@demo.local" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        }

        var flash = (await admin.GetAsync("/admin/mail")).QuerySelector("[data-testid=flash]")!;
        Assert.Contains("alert-danger", flash.ClassName, StringComparison.Ordinal);
        Assert.StartsWith("Không gửi được thư thử", flash.TextContent.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_broken_template_is_refused_with_its_line_and_a_good_one_is_used_for_the_next_mail()
    {
        await using var mail = await MailChain.StartAsync();
        var admin = await PageSession.LoginAsync(mail.App, Admin);
        const string url = "/admin/mail/templates/work-item.vi";
        var form = (IHtmlFormElement)(await admin.GetAsync(url)).QuerySelector("[data-testid=template-form]")!;

        foreach (var (source, line) in new[]
        {
            ("Việc mới: {{ Title }}\n---\nKính gửi {{ Recipient }},\n{% if Due %}Hạn: {{ Due }}{% endfor %}\n", (int?)4),
            ("Việc mới: {{ Title }}\n---\nKính gửi {{ Nguoi_nhan }},\n", null),
            ("Việc mới: {{ Title }}\nKính gửi {{ Recipient }},\n", null),
        })
        {
            using var refused = await admin.SubmitAsync(url, form, overrides: new() { ["Source"] = source });
            Assert.True(HttpStatusCode.UnprocessableEntity == refused.StatusCode, source);
            var error = (await PageSession.ParseAsync(refused)).QuerySelector("[data-testid=template-error]")!.TextContent;
            Assert.Contains("Mẫu chưa được lưu", error, StringComparison.Ordinal);
            if (line is { } at)
            {
                Assert.Contains($"dòng {at}", error, StringComparison.Ordinal);
            }
        }

        Assert.Equal(0, await mail.InDbAsync(db => db.MailTemplates.CountAsync()));
        using (var saved = await admin.SubmitAsync(url, form, overrides: new() { ["Source"] = "[ApprovalFlow] Việc mới: {{ Title }}\n---\nKính gửi {{ Recipient }}, mời xử lý: {{ Link }}\n" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        await mail.SubmitBdtProposalAsync();
        await mail.DeliverAsync();
        Assert.Single(mail.MessagesTo(MailChain.Head, "[ApprovalFlow] Việc mới: Ký duyệt"));
    }

    [Fact]
    public async Task Without_an_SMTP_server_the_messages_are_listed_read_and_their_approval_link_works()
    {
        using var app = new AppFactory { Settings = new() { ["Jobs:MailCron"] = Hangfire.Cron.Never(), ["ApprovalFlow:BaseUrl"] = "http://localhost" } };
        var staff = await ApiSession.LoginAsync(app, MailChain.Staff);
        var proposal = await staff.OwnProposalIdAsync();
        var revision = (await staff.GetJsonAsync($"/api/proposals/{proposal}")).GetProperty("revision").GetInt32();
        (await staff.PutProposalAsync(proposal, revision, ApprovalFlow.Tests.Fixtures.SeedLetter.Content())).EnsureSuccessStatusCode();
        var draft = (await staff.GetJsonAsync("/api/inbox")).EnumerateArray().Single().GetProperty("id").GetGuid();
        (await staff.PostAsync($"/api/work-items/{draft}/complete", System.Net.Http.Json.JsonContent.Create(new { outcome = "Submit" }))).EnsureSuccessStatusCode();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ApprovalFlow.Notifications.NotificationDelivery>().DeliverPendingAsync("http://localhost", CancellationToken.None);
        }

        var admin = await PageSession.LoginAsync(app, Admin);
        var list = await admin.GetAsync("/admin/mail/files");
        var signOff = list.QuerySelectorAll("[data-testid=file-row] a").Single(a => a.TextContent.StartsWith("Việc mới: Ký duyệt", StringComparison.Ordinal));
        var message = await admin.GetAsync(signOff.GetAttribute("href")!);
        Assert.Equal(MailChain.Head, message.QuerySelector("[data-testid=mail-to]")!.TextContent.Split('<', '>')[1]);
        var frame = message.QuerySelector("[data-testid=mail-html]")!.GetAttribute("srcdoc")!;
        Assert.Contains("<base target=\"_top\">", frame, StringComparison.Ordinal);
        var approve = System.Text.RegularExpressions.Regex.Match(frame, "href=\"http://localhost(/approve/[A-Za-z0-9_-]{43})\"").Groups[1].Value;

        var page = await PageSession.Anonymous(app).GetAsync(approve);
        Assert.NotNull(page.QuerySelector("[data-testid=approval-form]"));
    }
}
