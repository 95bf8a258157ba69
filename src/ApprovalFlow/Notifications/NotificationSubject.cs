using ApprovalFlow.Data;
using ApprovalFlow.Organization;
using ApprovalFlow.Proposals;
using ApprovalFlow.WorkItems;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Notifications;

/// <summary>What a notification is about, read once for all its recipients.</summary>
/// <param name="Item">The work item, for every kind but a decision.</param>
/// <param name="Proposal">The proposal, when the work (or the decision) is about one; null for a request's steps.</param>
/// <param name="Agency">The proposal's (or the item's) agency, as named on the request's date.</param>
/// <param name="PlanYear">The request's plan year.</param>
/// <param name="LastReturn">The return a <see cref="NotificationKinds.Returned"/> mail reports.</param>
public sealed record NotificationSubject(WorkItem? Item, Proposal? Proposal, string Agency, int PlanYear, ReturnNote? LastReturn)
{
    /// <summary>Reads what <paramref name="notification"/> is about; null when there is nothing left to say (the work is done).</summary>
    public static async Task<NotificationSubject?> LoadAsync(ApprovalFlowDbContext db, Notification notification, CancellationToken cancellationToken)
    {
        var item = notification.WorkItemId is { } itemId ? await db.WorkItems.AsNoTracking().SingleOrDefaultAsync(i => i.Id == itemId, cancellationToken) : null;
        if (notification.WorkItemId is not null && item is not { Status: WorkItemStatus.Open })
        {
            // Work finished before its mail left: "please do it" would only mislead.
            return null;
        }

        var proposalId = notification.ProposalId ?? (Guid.TryParse(item?.CorrelationId, out var id) ? id : null);
        var proposal = proposalId is { } pid ? await db.Proposals.AsNoTracking().SingleOrDefaultAsync(p => p.Id == pid, cancellationToken) : null;
        var requestId = proposal?.RequestId ?? (Guid.TryParse(item?.CorrelationId, out var rid) ? rid : Guid.Empty);
        var request = await db.Requests.AsNoTracking().Where(r => r.Id == requestId).Select(r => new { r.Date, r.PlanYear }).SingleOrDefaultAsync(cancellationToken);
        var agencyId = proposal?.AgencyId ?? item?.AgencyId;
        var agency = agencyId is { } aid ? (await new AgencyDirectory(db).LoadAsync(cancellationToken)).ProfileOn(aid, request?.Date ?? DateOnly.FromDateTime(DateTime.UtcNow))?.Name : null;
        var lastReturn = notification.Kind == NotificationKinds.Returned && proposal is not null
            ? await new ProposalHistory(db).LastReturnAsync(proposal, cancellationToken)
            : null;
        return new NotificationSubject(item, proposal, agency ?? "", request?.PlanYear ?? 0, lastReturn);
    }
}
