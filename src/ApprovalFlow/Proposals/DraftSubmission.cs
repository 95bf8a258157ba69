using ApprovalFlow.Data;
using ApprovalFlow.WorkItems;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Proposals;

/// <summary>A draft goes on to its head only when it has tasks and passes every rule of the editor.</summary>
public sealed class DraftSubmission(ApprovalFlowDbContext db, ProposalDrafts drafts) : IWorkItemCompletion
{
    public async Task<string?> PrepareAsync(WorkItem item, string outcome, CancellationToken cancellationToken)
    {
        if (item.Form != WorkItemForms.Draft || outcome != WorkItemForms.Submit)
        {
            return null;
        }

        var proposalId = Guid.Parse(item.CorrelationId!);
        var proposal = await db.Proposals.AsNoTracking().SingleAsync(p => p.Id == proposalId, cancellationToken);
        if (proposal.Content.Tasks.Count == 0)
        {
            return ValidationMessages.Get("WorkItemDraftHasNoTasks");
        }

        var issues = await drafts.ValidateAsync(proposal.RequestId, proposal.Content, cancellationToken);
        return issues.Count == 0 ? null : ValidationMessages.Get("WorkItemDraftInvalid", issues.Count, issues[0].Message);
    }
}
