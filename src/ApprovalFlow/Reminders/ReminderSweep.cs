using ApprovalFlow.Data;
using ApprovalFlow.Notifications;
using ApprovalFlow.WorkItems;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Reminders;

/// <summary>
/// Sends the reminders that are due: each is marked sent and its notification written in one transaction, by a
/// conditional update that only one sweep can win, so two nodes or a restarted one never send a reminder twice.
/// </summary>
public sealed class ReminderSweep(ApprovalFlowDbContext db, TimeProvider clock)
{
    /// <summary>How many reminders one transaction sends; the sweep loops until none is due.</summary>
    public const int BatchSize = 500;

    /// <summary>Sends every reminder due by now; returns how many.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var sent = 0;
        while (true)
        {
            var batch = await SendBatchAsync(now, cancellationToken);
            sent += batch;
            if (batch < BatchSize)
            {
                return sent;
            }
        }
    }

    private async Task<int> SendBatchAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var nowTicks = now.UtcTicks;
        var due = await db.WorkItemReminders.AsNoTracking()
            .Where(r => r.SentAt == null && r.DueAtUtcTicks <= nowTicks)
            .OrderBy(r => r.DueAtUtcTicks)
            .Take(BatchSize)
            .Join(db.WorkItems, r => r.WorkItemId, i => i.Id, (r, i) => new { Reminder = r, Item = i })
            .ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return 0;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var sent = 0;
        foreach (var (reminder, item) in due.Select(d => (d.Reminder, d.Item)))
        {
            // Only the sweep whose update changes the row sends: the row, not Hangfire, decides.
            var won = await db.WorkItemReminders.Where(r => r.Id == reminder.Id && r.SentAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.SentAt, now), cancellationToken);
            if (won == 1 && item.Status == WorkItemStatus.Open)
            {
                db.Notifications.Add(NotificationFor(reminder, item, now));
                sent++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return sent;
    }

    private static Notification NotificationFor(WorkItemReminder reminder, WorkItem item, DateTimeOffset now) => reminder.Kind == ReminderKind.Escalation
        ? new Notification { Kind = "escalation", WorkItemId = item.Id, RecipientRole = item.EscalateToRole, AgencyId = item.AgencyId, CreatedAt = now }
        : new Notification
        {
            Kind = reminder.Kind switch { ReminderKind.BeforeDue => "reminder", ReminderKind.DueDay => "due-today", _ => "overdue" },
            WorkItemId = item.Id,
            RecipientUserId = item.AssigneeUserId ?? item.ClaimedByUserId,
            RecipientRole = (item.AssigneeUserId ?? item.ClaimedByUserId) is null ? item.AssigneeRole : null,
            AgencyId = item.AgencyId,
            CreatedAt = now,
        };
}
