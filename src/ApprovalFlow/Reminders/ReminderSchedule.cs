using ApprovalFlow.Data;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Reminders;

/// <summary>Stops a work item's reminders: it was completed, reassigned or cancelled.</summary>
public static class ReminderSchedule
{
    /// <summary>Removes the unsent reminders of <paramref name="workItemId"/> in the caller's unit of work: gone exactly when the change commits.</summary>
    public static async Task StopRemindersAsync(this ApprovalFlowDbContext db, Guid workItemId, CancellationToken cancellationToken) =>
        db.WorkItemReminders.RemoveRange(await db.WorkItemReminders.Where(r => r.WorkItemId == workItemId && r.SentAt == null).ToListAsync(cancellationToken));
}
