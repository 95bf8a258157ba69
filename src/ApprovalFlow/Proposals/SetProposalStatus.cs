using ApprovalFlow.Data;
using ApprovalFlow.Workflows.Activities;
using ApprovalFlow.Workflows.Runtime;

namespace ApprovalFlow.Proposals;

/// <summary>
/// Moves the instance's proposal (its correlation) to a status, in the step's transaction. Reaching the ICT review
/// or the UBND for the first time is recorded, and from then on those roles may see the proposal.
/// </summary>
[Activity("ApprovalFlow.SetProposalStatus", "Approval", "Chuyển trạng thái đề xuất", "Set proposal status")]
public sealed class SetProposalStatus(ApprovalFlowDbContext db) : WorkflowActivity
{
    [Input("Trạng thái", "Status", Required = true, DescriptionVi = "Draft, AwaitingSignOff, Returned, UnderReview, Accepted, AwaitingDecision, Approved, PartlyApproved, Rejected.", DescriptionEn = "Draft, AwaitingSignOff, Returned, UnderReview, Accepted, AwaitingDecision, Approved, PartlyApproved, Rejected.")]
    public ProposalStatus Status { get; set; }

    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var proposal = (Guid.TryParse(context.CorrelationId, out var id) ? await db.Proposals.FindAsync(id) : null)
            ?? throw new InvalidOperationException($"The instance's correlation '{context.CorrelationId}' is not a proposal.");
        proposal.Status = Status;
        proposal.UpdatedAt = context.Now;

        // A new revision, so that an editor saving on top of the old one gets a conflict, not a silent change.
        proposal.Revision++;
        db.ProposalRevisions.Add(ProposalDrafts.Snapshot(proposal));
        if (Status is ProposalStatus.UnderReview)
        {
            proposal.SubmittedToIctAt ??= context.Now;
        }

        if (Status is ProposalStatus.AwaitingDecision)
        {
            proposal.SubmittedToUbndAt ??= context.Now;
        }

        return ActivityResult.Complete(ActivityResult.Done);
    }
}
