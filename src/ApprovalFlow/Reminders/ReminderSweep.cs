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

    /// <summary>Sends every reminder due by now; returns how many it claimed (those of closed items are claimed, not announced).</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var sent = 0;
        while (true)
        {
            var claimed = await SendBatchAsync(now, cancellationToken);
            sent += claimed;
            if (claimed < BatchSize)
            {
                return sent;
            }
        }
    }

    private async Task<int> SendBatchAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        // One statement claims the batch: only rows still unsent are marked, with this sweep's id, so a sweep on
        // another node (or one that restarted) cannot claim them again; PostgreSQL re-checks "unsent" on rows it
        // waited for. What this sweep claimed, it reads back by its id and announces in the same transaction.
        var nowTicks = now.UtcTicks;
        var sweep = Guid.NewGuid();
        var batch = await db.WorkItemReminders.Where(r => r.SentAt == null && r.DueAtUtcTicks <= nowTicks)
            .OrderBy(r => r.DueAtUtcTicks).Take(BatchSize).Select(r => r.Id).ToListAsync(cancellationToken);
        if (batch.Count == 0)
        {
            return 0;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var claimed = await db.WorkItemReminders.Where(r => batch.Contains(r.Id) && r.SentAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.SentAt, now).SetProperty(r => r.SentBySweep, sweep), cancellationToken);
        if (claimed == 0)
        {
            return 0;
        }

        var won = await db.WorkItemReminders.AsNoTracking().Where(r => r.SentBySweep == sweep)
            .Join(db.WorkItems, r => r.WorkItemId, i => i.Id, (r, i) => new { Reminder = r, Item = i })
            .ToListAsync(cancellationToken);
        foreach (var (reminder, item) in won.Select(w => (w.Reminder, w.Item)).Where(w => w.Item.Status == WorkItemStatus.Open))
        {
            db.Notifications.Add(NotificationFor(reminder, item, now));
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return claimed;
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
