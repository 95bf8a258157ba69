using ApprovalFlow.Audit;
using ApprovalFlow.Data;
using ApprovalFlow.Documents.Records;
using ApprovalFlow.Proposals;
using ApprovalFlow.Workflows.Activities;
using ApprovalFlow.Workflows.Runtime;

namespace ApprovalFlow.Decisions;

/// <summary>
/// Puts the request's accepted proposals before the UBND (trình UBND), once the ICT leader has signed the
/// consolidated submission. Proposals not accepted by then stay where they are and are left out when the decision issues.
/// </summary>
[Activity("ApprovalFlow.SubmitToUbnd", "Approval", "Trình UBND các đề xuất đã thẩm định", "Submit accepted proposals to the UBND")]
public sealed class SubmitToUbnd(ApprovalFlowDbContext db, DocumentSignOff documents) : WorkflowActivity
{
    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var proposals = await db.ProposalsOfRequestAsync(context.CorrelationId);
        foreach (var proposal in proposals.Where(p => p.Status == ProposalStatus.Accepted))
        {
            db.MoveTo(proposal, ProposalStatus.AwaitingDecision, context.Now);
        }

        // The tờ trình as the ICT leader signed it, listing what goes before the UBND now.
        await documents.SubmissionAsync(Guid.Parse(context.CorrelationId!), context.Now, CancellationToken.None);
        db.Audit(AuditActions.RequestSubmitted, "request", context.CorrelationId!, context.Now, details: new { Proposals = proposals.Count(p => p.Status == ProposalStatus.AwaitingDecision) });
        return ActivityResult.Complete(ActivityResult.Done);
    }
}
