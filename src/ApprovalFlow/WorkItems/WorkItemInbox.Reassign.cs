using ApprovalFlow.Audit;
using ApprovalFlow.EmailApproval;
using ApprovalFlow.Identity;
using ApprovalFlow.Notifications;
using ApprovalFlow.Proposals;
using ApprovalFlow.Reminders;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.WorkItems;

/// <summary>Reassignment by leaders and administrators (<see cref="WorkItemAccess.ReassignableBy"/>).</summary>
public sealed partial class WorkItemInbox
{
    /// <summary>
    /// Gives the item to <paramref name="toUserId"/>, who must hold its role (and belong to its agency when scoped):
    /// it leaves the role's queue and any claim, and shows in the new assignee's inbox only.
    /// </summary>
    public async Task<WorkItemResult> ReassignAsync(Guid id, Guid toUserId, Actor actor, CancellationToken cancellationToken)
    {
        var item = await db.WorkItems.Where(WorkItemAccess.ReassignableBy(actor)).SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (item is null)
        {
            // Saying "not allowed" only about items the actor sees anyway tells nothing of other agencies' work.
            return await db.WorkItems.Where(await OpenForAsync(actor, cancellationToken)).AnyAsync(i => i.Id == id, cancellationToken)
                ? new WorkItemResult.Refused(ValidationMessages.Get("WorkItemReassignNotAllowed"))
                : new WorkItemResult.NotFound();
        }

        var target = await WorkItemAccess.EligibleFor(db, item).Where(u => u.Id == toUserId)
            .Select(u => new UserRef(u.Id, u.FullName)).SingleOrDefaultAsync(cancellationToken);
        if (target is null)
        {
            return new WorkItemResult.Refused(ValidationMessages.Get("WorkItemReassignIneligible"));
        }

        var holderId = item.ClaimedByUserId ?? item.AssigneeUserId;
        var from = holderId is { } holder ? await db.Users.Where(u => u.Id == holder).Select(u => u.FullName).SingleOrDefaultAsync(cancellationToken) : null;
        (item.AssigneeUserId, item.ClaimedByUserId, item.OnBehalfOfUserId, item.OnBehalfOfName) = (target.Id, null, null, null);
        item.Revision++;
        var now = clock.GetUtcNow();
        await db.StopRemindersAsync(item.Id, cancellationToken);
        await db.RevokeApprovalLinksAsync(item.Id, ApprovalLinkRevocation.Reassigned, now, cancellationToken);
        db.Notifications.Add(new Notification { Kind = NotificationKinds.WorkItem, WorkItemId = item.Id, RecipientUserId = target.Id, CreatedAt = now });
        db.Audit(AuditActions.WorkItemReassigned, "work-item", item.Id, now, actor, details: new { from, to = target.Name, toUserId = target.Id, item.Form, item.CorrelationId });
        return await SaveAsync(item, cancellationToken);
    }

    /// <summary>Who the item may be given to, or null when the actor may not reassign it (or it does not exist).</summary>
    public async Task<IReadOnlyList<UserRef>?> CandidatesAsync(Guid id, Actor actor, CancellationToken cancellationToken) =>
        await db.WorkItems.AsNoTracking().Where(WorkItemAccess.ReassignableBy(actor)).SingleOrDefaultAsync(i => i.Id == id, cancellationToken) is { } item
            ? await CandidatesAsync(item, cancellationToken)
            : null;

    /// <summary>Who <paramref name="item"/> may be given to, in Vietnamese alphabetical order.</summary>
    private async Task<IReadOnlyList<UserRef>> CandidatesAsync(WorkItem item, CancellationToken cancellationToken)
    {
        var users = await WorkItemAccess.EligibleFor(db, item).AsNoTracking().Select(u => new UserRef(u.Id, u.FullName)).ToListAsync(cancellationToken);
        return [.. users.OrderBy(u => u.Name, VietnameseOrder.Comparer)];
    }
}
