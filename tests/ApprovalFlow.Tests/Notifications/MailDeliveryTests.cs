using ApprovalFlow.Data;
using ApprovalFlow.Identity;
using ApprovalFlow.Notifications;
using ApprovalFlow.Tests.Infrastructure;
using ApprovalFlow.Tests.Web;
using ApprovalFlow.WorkItems;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalFlow.Tests.Notifications;

/// <summary>The notification outbox delivered by MailKit to a real SMTP server on loopback, and kept when delivery fails.</summary>
public sealed class MailDeliveryTests
{
    [Fact]
    public async Task An_overdue_notice_reaches_each_member_of_the_role_in_their_language_with_a_link_to_the_work()
    {
        await using var smtp = await SmtpServer.StartAsync();
        using var app = new AppFactory { Settings = MailTo(smtp.Port) };
        await DeliverAsync(app); // the seeded drafts' news of new work, sent at the first start
        var (notification, item) = await QueueOverdueNoticeAsync(app, "SYT");

        Assert.True(await DeliverAsync(app) == 1, await LastErrorAsync(app, notification));

        var message = Assert.Single(smtp.Received(), m => m.MessageId?.StartsWith($"{notification:N}.", StringComparison.Ordinal) == true);
        Assert.Equal("chuyenvien.syt@demo.local", message.To.Mailboxes.Single().Address);
        Assert.StartsWith("Quá hạn: Soạn đề xuất", message.Subject, StringComparison.Ordinal);
        Assert.Contains($"https://approvalflow.example.gov.vn/work/{item}", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("<p>", message.HtmlBody, StringComparison.Ordinal);
        await using var scope = app.Services.CreateAsyncScope();
        Assert.NotNull((await scope.ServiceProvider.GetRequiredService<ApprovalFlowDbContext>().Notifications.SingleAsync(n => n.Id == notification)).DeliveredAt);
        Assert.Equal(0, await DeliverAsync(app));
        Assert.Single(smtp.Received(), m => m.MessageId?.StartsWith($"{notification:N}.", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Without_an_SMTP_server_messages_are_written_to_the_data_folder()
    {
        using var app = new AppFactory { Settings = new() { ["Jobs:MailCron"] = Hangfire.Cron.Never() } };
        await DeliverAsync(app);
        var (notification, _) = await QueueOverdueNoticeAsync(app, "STC");

        Assert.Equal(1, await DeliverAsync(app));

        var file = Assert.Single(Directory.GetFiles(Path.Combine(app.DataDir, "mail"), $"*{notification:N}*.eml"));
        var message = await MimeKit.MimeMessage.LoadAsync(file);
        Assert.Equal("chuyenvien.stc@demo.local", message.To.Mailboxes.Single().Address);
        Assert.StartsWith($"{notification:N}.", message.MessageId, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_delivery_that_fails_is_kept_with_the_error_and_tried_again_later()
    {
        int closedPort;
        await using (var gone = await SmtpServer.StartAsync())
        {
            closedPort = gone.Port;
        }

        using var app = new AppFactory { Settings = MailTo(closedPort) };
        var (notification, _) = await QueueOverdueNoticeAsync(app, "SYT");

        Assert.Equal(0, await DeliverAsync(app));

        await using var scope = app.Services.CreateAsyncScope();
        var kept = await scope.ServiceProvider.GetRequiredService<ApprovalFlowDbContext>().Notifications.AsNoTracking().SingleAsync(n => n.Id == notification);
        Assert.Null(kept.DeliveredAt);
        Assert.Equal(1, kept.Attempts);
        Assert.False(string.IsNullOrEmpty(kept.LastError));
        Assert.True(kept.NextAttemptAtUtcTicks > DateTimeOffset.UtcNow.UtcTicks, "the next attempt waits");
    }

    private static Dictionary<string, string> MailTo(int port)
    {
        var settings = SmtpServer.SettingsFor(port);
        settings["ApprovalFlow:BaseUrl"] = "https://approvalflow.example.gov.vn";

        // The test delivers when it means to; the recurring job would race it.
        settings["Jobs:MailCron"] = Hangfire.Cron.Never();
        return settings;
    }

    /// <summary>An overdue notice for the agency's draft (the seeded request's), addressed to its staff's role.</summary>
    private static async Task<(Guid Notification, Guid Item)> QueueOverdueNoticeAsync(AppFactory app, string agencyCode)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApprovalFlowDbContext>();
        var agency = await db.Agencies.SingleAsync(a => a.Code == agencyCode);
        var item = await db.WorkItems.SingleAsync(w => w.AgencyId == agency.Id && w.Form == WorkItemForms.Draft);
        var notification = new Notification { Kind = "overdue", WorkItemId = item.Id, RecipientRole = Roles.AgencyStaff, AgencyId = agency.Id, CreatedAt = DateTimeOffset.UtcNow };
        db.Notifications.Add(notification);
        await db.SaveChangesAsync();
        return (notification.Id, item.Id);
    }

    private static async Task<string> LastErrorAsync(AppFactory app, Guid notification)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<ApprovalFlowDbContext>().Notifications.AsNoTracking().SingleAsync(n => n.Id == notification)).LastError ?? "no error recorded";
    }

    private static async Task<int> DeliverAsync(AppFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<NotificationDelivery>().DeliverPendingAsync("https://approvalflow.example.gov.vn", CancellationToken.None);
    }
}
