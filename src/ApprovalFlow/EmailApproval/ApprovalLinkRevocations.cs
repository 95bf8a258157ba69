using ApprovalFlow.Data;
using ApprovalFlow.Notifications;
using ApprovalFlow.WorkItems;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.EmailApproval;

/// <summary>Kills links in the unit of work that moves their item on: they die with it, or not at all.</summary>
public static class ApprovalLinkRevocations
{
    /// <summary>Revokes every live link to the item (a link being used in this unit of work is left as used).</summary>
    public static async Task RevokeApprovalLinksAsync(this ApprovalFlowDbContext db, Guid workItemId, string reason, DateTimeOffset at, CancellationToken cancellationToken)
    {
        foreach (var link in await db.ApprovalLinks.Where(l => l.WorkItemId == workItemId && l.UsedAt == null && l.RevokedAt == null).ToListAsync(cancellationToken))
        {
            link.Revoke(reason, at);
        }
    }

    /// <summary>
    /// The subject of open email-approvable items changed (the proposal was edited while awaiting sign-off): their
    /// links die, and whoever holds each item gets a mail with a fresh link to the new version.
    /// </summary>
    public static async Task ReviseOpenApprovalsAsync(this ApprovalFlowDbContext db, Guid proposalId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var correlation = proposalId.ToString();
        var items = await db.WorkItems.AsNoTracking()
            .Where(i => i.CorrelationId == correlation && i.Status == WorkItemStatus.Open && i.AllowEmailApproval).ToListAsync(cancellationToken);
        foreach (var item in items)
        {
            await db.RevokeApprovalLinksAsync(item.Id, ApprovalLinkRevocation.Edited, at, cancellationToken);
            var holder = item.ClaimedByUserId ?? item.AssigneeUserId;
            db.Notifications.Add(new Notification
            {
                Kind = NotificationKinds.Revised,
                WorkItemId = item.Id,
                RecipientUserId = holder,
                RecipientRole = holder is null ? item.AssigneeRole : null,
                AgencyId = item.AgencyId,
                CreatedAt = at,
            });
        }
    }
}
