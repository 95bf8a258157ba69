using ApprovalFlow.Data;
using ApprovalFlow.Reminders;
using ApprovalFlow.Tests.Infrastructure;
using ApprovalFlow.Tests.MultiNode;
using ApprovalFlow.Tests.Web;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Tests.Reminders;

/// <summary>
/// The embedded default — SQLite, Hangfire in memory — as a real process on a clock the test moves through a week
/// and a half of reminders, killed ten times as they fall due and started again: the schedule is rebuilt from the
/// database at each start, and every reminder is sent once, to a real SMTP server.
/// </summary>
// Always the embedded default (SQLite), whatever the run's provider: it runs once.
[Trait("Database", "None")]
public sealed class ReminderRestartTests : IAsyncLifetime, IDisposable
{
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);
    private static readonly string[] AgencyCodes = ["STC", "SYT", "SGDDT", "STP", "SNV"];

    /// <summary>The request goes out on Monday 7 February 2022, due Wednesday: reminders from Monday to the next Wednesday.</summary>
    private static readonly DateTimeOffset Monday = new(2022, 2, 7, 7, 0, 0, Vietnam);

    /// <summary>Where the clock is moved to while the app runs, each time just as reminders fall due, and the app killed soon after.</summary>
    private static readonly DateTimeOffset[] Kills =
    [
        new(2022, 2, 7, 8, 0, 0, Vietnam), // before due
        new(2022, 2, 9, 8, 0, 0, Vietnam), // due day
        new(2022, 2, 9, 12, 0, 0, Vietnam),
        new(2022, 2, 10, 8, 0, 0, Vietnam), // overdue 1
        new(2022, 2, 11, 8, 0, 0, Vietnam), // overdue 2
        new(2022, 2, 12, 10, 0, 0, Vietnam), // Saturday: nothing
        new(2022, 2, 14, 8, 0, 0, Vietnam), // overdue 3 and the escalation
        new(2022, 2, 15, 8, 0, 0, Vietnam), // overdue 4
        new(2022, 2, 16, 8, 0, 0, Vietnam), // overdue 5
        new(2022, 2, 16, 8, 0, 1, Vietnam),
    ];

    private readonly TestClockFile clock = new(Monday);
    private readonly string dataDir = Directory.CreateTempSubdirectory("approvalflow-restarts-").FullName;
    private SmtpServer smtp = null!;

    public async Task InitializeAsync() => smtp = await SmtpServer.StartAsync();

    public async Task DisposeAsync() => await smtp.DisposeAsync();

    public void Dispose()
    {
        clock.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(dataDir, recursive: true);
    }

    [Fact]
    public async Task The_app_killed_and_restarted_ten_times_across_a_reminder_schedule_sends_each_reminder_exactly_once()
    {
        var balancer = new NodeBalancer();
        var chain = new ClusterDriver(balancer);
        Guid request;
        await using (var first = await StartAsync())
        {
            balancer.Route(first);
            Dictionary<string, Guid> agencies;
            await using (var db = Context())
            {
                agencies = await db.Agencies.Where(a => AgencyCodes.Contains(a.Code)).ToDictionaryAsync(a => a.Code, a => a.Id);
            }

            request = await chain.PublishRequestAsync(7, DateOnly.FromDateTime(Monday.Date), new DateOnly(2022, 2, 9), agencies.Values);
        }

        var random = new Random(20220207);
        foreach (var moment in Kills)
        {
            await using var app = await StartAsync();
            clock.Set(moment);
            await Task.Delay(random.Next(200, 3000));
            app.Kill();
        }

        // A last start after the whole schedule: whatever a kill left unsent goes now.
        await using (var last = await StartAsync())
        {
            clock.Set(new DateTimeOffset(2022, 2, 16, 9, 0, 0, Vietnam));
            await WaitUntilAllSentAsync();
        }

        // The drafts of this test's request; the seeded request's drafts have reminders of their own, checked below
        // only for being sent once.
        await using var check = Context();
        var proposals = (await check.Proposals.Where(p => p.RequestId == request).Select(p => p.Id).ToListAsync()).Select(id => id.ToString()).ToList();
        var items = await check.WorkItems.Where(w => proposals.Contains(w.CorrelationId!)).Select(w => w.Id).ToListAsync();
        Assert.Equal(5, items.Count);
        var reminders = await check.WorkItemReminders.AsNoTracking().Where(r => r.DueAtUtcTicks <= clock.Now.UtcTicks && items.Contains(r.WorkItemId)).ToListAsync();

        // Per item: before due, the due day, five overdue and the escalation — each sent, each announced once.
        Assert.All(items, item => Assert.Equal(
            [(ReminderKind.BeforeDue, 1), (ReminderKind.DueDay, 1), (ReminderKind.Overdue, 5), (ReminderKind.Escalation, 1)],
            reminders.Where(r => r.WorkItemId == item).GroupBy(r => r.Kind).OrderBy(g => g.Key).Select(g => (g.Key, g.Count()))));
        Assert.All(reminders, r => Assert.NotNull(r.SentAt));
        var reminderKinds = Enum.GetValues<ReminderKind>().Select(KindOf).ToList();
        var notifications = await check.Notifications.AsNoTracking()
            .Where(n => n.WorkItemId != null && items.Contains(n.WorkItemId.Value) && reminderKinds.Contains(n.Kind)).ToListAsync();
        Assert.Equal(reminders.Count, notifications.Count);
        Assert.Equal(
            reminders.GroupBy(r => (r.WorkItemId, Kind: KindOf(r.Kind))).Select(g => (g.Key.WorkItemId, g.Key.Kind, g.Count())).Order(),
            notifications.GroupBy(n => (WorkItemId: n.WorkItemId!.Value, n.Kind)).Select(g => (g.Key.WorkItemId, g.Key.Kind, g.Count())).Order());

        // At the SMTP server: a message for each notification the outbox holds (new work, reminders, the seeded
        // request's too), under its one Message-ID, and none for anything else. (A kill between the server's acceptance
        // and the outbox's record can hand a message over a second time; it carries the same Message-ID, which mail
        // programs show once.)
        var everyNotification = await check.Notifications.AsNoTracking().Select(n => n.Id).ToListAsync();
        var received = smtp.Received().Select(m => m.MessageId ?? "").Select(id => Guid.Parse(id.Split('.')[0])).Distinct().Order();
        Assert.Equal(everyNotification.Order(), received);
    }

    private static string KindOf(ReminderKind kind) => kind switch
    {
        ReminderKind.BeforeDue => "reminder",
        ReminderKind.DueDay => "due-today",
        ReminderKind.Overdue => "overdue",
        _ => "escalation",
    };

    private async Task WaitUntilAllSentAsync()
    {
        for (var attempt = 0; attempt < 300; attempt++)
        {
            await using var db = Context();
            var now = clock.Now.UtcTicks;
            if (!await db.WorkItemReminders.AnyAsync(r => r.DueAtUtcTicks <= now && r.SentAt == null) && !await db.Notifications.AnyAsync(n => n.DeliveredAt == null))
            {
                return;
            }

            await Task.Delay(200);
        }

        Assert.Fail("The reminders due were not all sent and delivered within a minute of the last start.");
    }

    private SqliteApprovalFlowDbContext Context() =>
        new(new DbContextOptionsBuilder<SqliteApprovalFlowDbContext>().UseSqlite($"Data Source={Path.Combine(dataDir, "approvalflow.db")}").Options);

    private Task<WebAppProcess> StartAsync()
    {
        var settings = WebAppProcess.Settings(dataDir, smtp, clock);
        settings["Jobs:ReminderSweepCron"] = "* * * * * *";
        return WebAppProcess.StartAsync("app", settings);
    }
}
