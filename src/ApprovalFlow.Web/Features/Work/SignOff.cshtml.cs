using ApprovalFlow.Data;
using ApprovalFlow.EmailApproval;
using ApprovalFlow.Proposals;
using ApprovalFlow.Web.Features.Account;
using ApprovalFlow.Web.Features.Proposals;
using ApprovalFlow.WorkItems;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ApprovalFlow.Web.Features.Work;

/// <summary>The agency head's sign-off: the letter as it will be sent, its totals, what changed since a return; approve or return.</summary>
public sealed class SignOffModel(WorkItemInbox inbox, ProposalDrafts drafts, ProposalQueries queries, ProposalHistory history, ApprovalFlowDbContext db) : PageModel
{
    public WorkItem Item { get; private set; } = null!;

    public LetterView Letter { get; private set; } = null!;

    public HistoryView History { get; private set; } = null!;

    /// <summary>The revision shown, posted back with the outcome: an edit in between is shown before anything is signed.</summary>
    public string SubjectRevision { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var actor = User.RequireActor();
        if (await inbox.FindOpenAsync(id, actor, cancellationToken) is not { Form: WorkItemForms.SignOff } item
            || !Guid.TryParse(item.CorrelationId, out var subject)
            || await drafts.FindAsync(subject, actor, cancellationToken) is not { } proposal)
        {
            return NotFound();
        }

        Item = item;
        SubjectRevision = await db.RevisionOfAsync(item, cancellationToken);
        Letter = new LetterView(await queries.ToDtoAsync(proposal, actor, cancellationToken), await drafts.FundingSourcesAsync(cancellationToken));
        History = new HistoryView(await history.LastReturnAsync(proposal, cancellationToken), await history.TimelineAsync(proposal.Id, cancellationToken));
        return Page();
    }
}
