using ApprovalFlow.Data;
using ApprovalFlow.Identity;
using ApprovalFlow.Notifications;
using ApprovalFlow.Proposals;
using ApprovalFlow.Workflows.Activities;
using ApprovalFlow.Workflows.Runtime;

namespace ApprovalFlow.Decisions;

/// <summary>
/// Gives the instance's proposal its final status from the UBND's verdicts on its tasks: approved when every task is
/// approved as recommended, rejected when every task is rejected, partly approved otherwise.
/// </summary>
[Activity("ApprovalFlow.ApplyDecision", "Approval", "Áp dụng quyết định phê duyệt", "Apply the decision")]
public sealed class ApplyDecision(ApprovalFlowDbContext db) : WorkflowActivity
{
    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var proposal = await db.ProposalOfAsync(context.CorrelationId);
        var status = FinalStatus(proposal.Decisions);
        db.MoveTo(proposal, status, context.Now);

        // The agency learns the outcome: its head and the staff who wrote the proposal.
        foreach (var role in new[] { Roles.AgencyHead, Roles.AgencyStaff })
        {
            db.Notifications.Add(new Notification { Kind = NotificationKinds.Decision, ProposalId = proposal.Id, RecipientRole = role, AgencyId = proposal.AgencyId, CreatedAt = context.Now });
        }

        return ActivityResult.Complete(ActivityResult.Done);
    }

    /// <summary>The status the verdicts add up to.</summary>
    public static ProposalStatus FinalStatus(IReadOnlyCollection<TaskDecision> decisions) =>
        decisions.Count == 0 || decisions.All(d => d.Verdict == TaskVerdict.Reject) ? ProposalStatus.Rejected
        : decisions.All(d => d.Verdict == TaskVerdict.Approve) ? ProposalStatus.Approved
        : ProposalStatus.PartlyApproved;
}
