using System.Diagnostics;
using System.Globalization;
using ApprovalFlow.Calendar;
using ApprovalFlow.Data;
using ApprovalFlow.Reminders;
using ApprovalFlow.Tests.Infrastructure;
using ApprovalFlow.WorkItems;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Tests.Reminders;

/// <summary>
/// The reminder sweep in another process, killed ten times in the middle of its schedule and started again:
/// every reminder due is sent, and none twice.
/// </summary>
[Trait(TestDatabase.Trait, TestDatabase.None)]
public sealed class ReminderCrashTests : IDisposable
{
    private const int Items = 2_000;
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);
    private static readonly DateTimeOffset Opened = new(2026, 3, 2, 9, 0, 0, Vietnam);
    private static readonly DateTimeOffset End = new(2026, 3, 20, 23, 0, 0, Vietnam);
    private readonly string file = Path.Combine(Path.GetTempPath(), $"approvalflow-reminders-{Guid.NewGuid():N}.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(file);
    }

    [Fact]
    public async Task A_sweep_killed_ten_times_across_the_schedule_sends_every_reminder_exactly_once()
    {
        await SeedAsync();
        var random = new Random(20261124);
        var interrupted = 0;
        for (var kill = 0; kill < 10; kill++)
        {
            // Each start picks up a little later in the schedule, as a restarted node would.
            interrupted += await RunAsync(Opened.AddDays(kill), End, killAfter: TimeSpan.FromMilliseconds(random.Next(300, 1500))) ? 0 : 1;
        }

        Assert.True(interrupted >= 5, $"only {interrupted} of the 10 runs were killed before they finished");

        await RunAsync(Opened, End, killAfter: null);

        await using var db = Context();
        var due = await db.WorkItemReminders.CountAsync(r => r.DueAtUtcTicks <= End.UtcTicks);
        Assert.True(due > Items * 5, $"the schedule has {due} reminders due");
        Assert.Equal(0, await db.WorkItemReminders.CountAsync(r => r.DueAtUtcTicks <= End.UtcTicks && r.SentAt == null));
        Assert.Equal(due, await db.WorkItemReminders.CountAsync(r => r.SentAt != null));
        Assert.Equal(due, await db.Notifications.CountAsync());

        // Per item, one notification for each reminder sent: none lost in a kill, none sent again after it.
        var sentPerItem = await db.WorkItemReminders.Where(r => r.SentAt != null).GroupBy(r => r.WorkItemId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        var notifiedPerItem = await db.Notifications.GroupBy(n => n.WorkItemId!.Value).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        Assert.Equal(sentPerItem.OrderBy(p => p.Key), notifiedPerItem.OrderBy(p => p.Key));
    }

    private SqliteApprovalFlowDbContext Context() =>
        new(new DbContextOptionsBuilder<SqliteApprovalFlowDbContext>().UseSqlite($"Data Source={file}").Options);

    /// <summary>2,000 open items due in one to five business days, each with the default policy's reminders.</summary>
    private async Task SeedAsync()
    {
        await using var db = Context();
        await db.Database.MigrateAsync();
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        var calendar = CalendarSnapshot.Create([], new CalendarOptions());
        var policy = new ReminderPolicy();
        for (var i = 0; i < Items; i++)
        {
            var item = new WorkItem
            {
                InstanceId = $"crash-{i}",
                ActivityId = "task",
                Title = "Ký duyệt đề xuất",
                Form = WorkItemForms.SignOff,
                AssigneeRole = "AgencyHead",
                CreatedAt = Opened,
                DueAt = calendar.DueAt(Opened, 1 + (i % 5)),
                EscalateToRole = "AgencyHead",
            };
            db.WorkItems.Add(item);
            db.WorkItemReminders.AddRange(policy.ScheduleFor(item.Id, Opened, item.DueAt!.Value, calendar));
        }

        await db.SaveChangesAsync();
    }

    /// <summary>Starts the sweeping process over [from, to] an hour at a time; kills it after <paramref name="killAfter"/>, or waits for it to finish.</summary>
    /// <returns>Whether the process got to the end of its schedule.</returns>
    private async Task<bool> RunAsync(DateTimeOffset from, DateTimeOffset to, TimeSpan? killAfter)
    {
        var host = AppContext.BaseDirectory.Replace("ApprovalFlow.Tests", "ApprovalFlow.EngineHost", StringComparison.Ordinal);
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { Path.Combine(host, "ApprovalFlow.EngineHost.dll"), "reminders", file, from.ToString("O", CultureInfo.InvariantCulture), to.ToString("O", CultureInfo.InvariantCulture), "60" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        Assert.Equal("RUNNING", await process.StandardOutput.ReadLineAsync(timeout.Token));
        if (killAfter is { } delay)
        {
            await Task.Delay(delay, timeout.Token);
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        await process.WaitForExitAsync(timeout.Token);
        var finished = (await process.StandardOutput.ReadToEndAsync(timeout.Token)).Contains("DONE", StringComparison.Ordinal);
        if (killAfter is null)
        {
            Assert.True(finished, await process.StandardError.ReadToEndAsync(timeout.Token));
        }

        return finished;
    }
}
