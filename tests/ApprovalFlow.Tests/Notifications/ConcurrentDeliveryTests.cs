using ApprovalFlow.Data;
using ApprovalFlow.Identity;
using ApprovalFlow.Notifications;
using ApprovalFlow.Tests.Infrastructure;
using ApprovalFlow.Tests.Web;
using ApprovalFlow.WorkItems;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalFlow.Tests.Notifications;

/// <summary>
/// Deliveries of the outbox running at the same moment on one PostgreSQL database, as the nodes of a cluster run
/// them: each message is claimed by one delivery and reaches the SMTP server once.
/// </summary>
// Always on PostgreSQL, whatever the run's provider: it runs once.
[Trait("Database", "None")]
public sealed class ConcurrentDeliveryTests
{
    private const int Messages = 60;
    private const int Deliveries = 4;

    [Fact]
    public async Task Four_deliveries_at_once_hand_each_message_to_the_smtp_server_once()
    {
        await using var smtp = await SmtpServer.StartAsync();
        var connectionString = await (await PostgresServer.InstanceAsync()).CreateDatabaseAsync();
        var settings = smtp.AppSettings();
        settings["Database:Provider"] = "PostgreSql";
        settings["Database:ConnectionString"] = connectionString;

        // Only the deliveries this test starts: the recurring one waits for the next hour.
        settings["Jobs:MailCron"] = "0 * * * *";
        await using var app = new AppFactory { Settings = settings };
        var queued = await QueueAsync(app);

        var delivered = await Task.WhenAll(Enumerable.Range(0, Deliveries).Select(async _ =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<NotificationDelivery>().DeliverPendingAsync("https://approvalflow.example.gov.vn", CancellationToken.None);
        }));

        Assert.Equal(Messages, delivered.Sum());
        var received = smtp.Received().Select(m => m.MessageId!).ToList();
        Assert.Equal(received.Count, received.Distinct().Count());
        Assert.Equal(queued.Select(id => id.ToString("N")).Order(), received.Select(id => id.Split('.')[0]).Distinct().Order());
    }

    /// <summary>Overdue notices for the seeded request's drafts, each addressed to its agency's staff (one person).</summary>
    private static async Task<List<Guid>> QueueAsync(AppFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApprovalFlowDbContext>();

        // The seed's own mail (new drafts for each agency) is not this test's to count.
        await db.Notifications.ExecuteDeleteAsync();
        var drafts = await db.WorkItems.Where(w => w.Form == WorkItemForms.Draft && w.AgencyId != null).ToListAsync();
        var notifications = Enumerable.Range(0, Messages).Select(i => drafts[i % drafts.Count]).Select(item => new Notification
        {
            Kind = "overdue",
            WorkItemId = item.Id,
            RecipientRole = Roles.AgencyStaff,
            AgencyId = item.AgencyId,
            CreatedAt = DateTimeOffset.UtcNow,
        }).ToList();
        db.Notifications.AddRange(notifications);
        await db.SaveChangesAsync();
        return [.. notifications.Select(n => n.Id)];
    }
}
