using ApprovalFlow.Data;
using ApprovalFlow.Proposals;
using ApprovalFlow.WorkItems;

namespace ApprovalFlow.Decisions;

/// <summary>
/// Keeps the figures whole whichever way a review or a decision is completed: an accepted proposal has a
/// recommendation for every task (as proposed unless the reviewer said otherwise), and a decision issues only when
/// every task before the UBND has a verdict.
/// </summary>
public sealed class AssessmentCompletion(ApprovalFlowDbContext db) : IWorkItemCompletion
{
    public async Task<string?> PrepareAsync(WorkItem item, string outcome, CancellationToken cancellationToken)
    {
        if (item.Form == WorkItemForms.Review && outcome == WorkItemForms.Accept)
        {
            Assessments.Recommend(await db.ProposalOfAsync(item.CorrelationId), []);
            return null;
        }

        if (item.Form == WorkItemForms.Decision && outcome == WorkItemForms.Issue)
        {
            var undecided = (await db.ProposalsOfRequestAsync(item.CorrelationId))
                .FirstOrDefault(p => p.Status == ProposalStatus.AwaitingDecision && p.Decisions.Count != p.Content.Tasks.Count);
            return undecided is null ? null : ValidationMessages.Get("DecisionMissing", undecided.Decisions.Count + 1, undecided.Content.Tasks[undecided.Decisions.Count].Name);
        }

        return null;
    }
}
