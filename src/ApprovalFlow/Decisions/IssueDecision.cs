using ApprovalFlow.Audit;
using ApprovalFlow.Data;
using ApprovalFlow.Documents.Records;
using ApprovalFlow.Proposals;
using ApprovalFlow.Reminders;
using ApprovalFlow.Requests;
using ApprovalFlow.Workflows.Activities;
using ApprovalFlow.Workflows.Activities.Core;
using ApprovalFlow.Workflows.Persistence;
using ApprovalFlow.Workflows.Runtime;
using ApprovalFlow.WorkItems;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Decisions;

/// <summary>
/// Issues the UBND decision for the instance's request: every proposal before the UBND is told (the event
/// <see cref="DecisionIssuedEvent"/>, on which its own workflow applies its verdicts); every other proposal is
/// left out (<see cref="ProposalStatus.NotIncluded"/>), its open work cancelled; the request closes.
/// </summary>
[Activity("ApprovalFlow.IssueDecision", "Approval", "Ban hành quyết định", "Issue the decision")]
public sealed class IssueDecision(ApprovalFlowDbContext db, DocumentSignOff documents) : WorkflowActivity
{
    /// <summary>The event each decided proposal's workflow waits on.</summary>
    public const string DecisionIssuedEvent = "DecisionIssued";

    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var request = (Guid.TryParse(context.CorrelationId, out var requestId) ? await db.Requests.FindAsync(requestId) : null)
            ?? throw new InvalidOperationException($"The instance's correlation '{context.CorrelationId}' is not a request.");
        var proposals = await db.ProposalsOfRequestAsync(context.CorrelationId);

        // The decision as issued, from the verdicts recorded on the proposals before the UBND.
        await documents.DecisionAsync(request.Id, context.Now, CancellationToken.None);
        foreach (var proposal in proposals)
        {
            if (proposal.Status == ProposalStatus.AwaitingDecision)
            {
                context.Publish(new PublishedEvent(DecisionIssuedEvent, proposal.Id.ToString(), null));
            }
            else if (proposal.Status is not (ProposalStatus.Approved or ProposalStatus.PartlyApproved or ProposalStatus.Rejected))
            {
                await LeaveOutAsync(context, proposal);
            }
        }

        request.Status = RequestStatus.Closed;
        db.Audit(AuditActions.RequestDecided, "request", request.Id, context.Now, details: new { Decided = proposals.Count(p => p.Status == ProposalStatus.AwaitingDecision) });
        return ActivityResult.Complete(ActivityResult.Done);
    }

    private async Task LeaveOutAsync(ActivityContext context, Proposal proposal)
    {
        var key = proposal.Id.ToString();
        var open = await db.WorkItems.Where(i => i.CorrelationId == key && i.Status == WorkItemStatus.Open).ToListAsync();
        foreach (var item in open)
        {
            item.Status = WorkItemStatus.Cancelled;
            item.Revision++;
            await db.StopRemindersAsync(item.Id, CancellationToken.None);
        }

        var instances = await db.Set<WorkflowInstanceRecord>()
            .Where(i => i.CorrelationId == key && i.Status != WorkflowStatus.Finished && i.Status != WorkflowStatus.Cancelled)
            .Select(i => i.Id).ToListAsync();
        instances.ForEach(context.CancelInstance);
        db.MoveTo(proposal, ProposalStatus.NotIncluded, context.Now);
    }
}
