using ApprovalFlow.Data;
using ApprovalFlow.Documents.Records;
using ApprovalFlow.Workflows.Activities;
using ApprovalFlow.Workflows.Runtime;

namespace ApprovalFlow.Proposals;

/// <summary>
/// Moves the instance's proposal (its correlation) to a status, in the step's transaction. Reaching the ICT review
/// or the UBND for the first time is recorded, and from then on those roles may see the proposal. Going to the ICT
/// review follows the agency head's approval: the letter as signed is frozen then (<see cref="DocumentSignOff"/>).
/// </summary>
[Activity("ApprovalFlow.SetProposalStatus", "Approval", "Chuyển trạng thái đề xuất", "Set proposal status")]
public sealed class SetProposalStatus(ApprovalFlowDbContext db, DocumentSignOff documents) : WorkflowActivity
{
    [Input("Trạng thái", "Status", Required = true, DescriptionVi = "Draft, AwaitingSignOff, Returned, UnderReview, Accepted, AwaitingDecision, Approved, PartlyApproved, Rejected, NotIncluded.", DescriptionEn = "Draft, AwaitingSignOff, Returned, UnderReview, Accepted, AwaitingDecision, Approved, PartlyApproved, Rejected, NotIncluded.")]
    public ProposalStatus Status { get; set; }

    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var proposal = await db.ProposalOfAsync(context.CorrelationId);
        db.MoveTo(proposal, Status, context.Now);
        if (Status == ProposalStatus.UnderReview)
        {
            await documents.ProposalAsync(proposal, context.Now, CancellationToken.None);
        }

        return ActivityResult.Complete(ActivityResult.Done);
    }
}
