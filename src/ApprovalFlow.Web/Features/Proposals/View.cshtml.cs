using ApprovalFlow.Proposals;
using ApprovalFlow.Web.Features.Account;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ApprovalFlow.Web.Features.Proposals;

/// <summary>The read-only letter, for everyone allowed to see the proposal; 404 for everyone else.</summary>
public sealed class ViewModel(ProposalQueries queries, ProposalDrafts drafts, ProposalHistory history) : PageModel
{
    public ProposalDto Proposal { get; private set; } = null!;

    public LetterView Letter { get; private set; } = null!;

    public HistoryView History { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var actor = User.RequireActor();
        if (await drafts.FindAsync(id, actor, cancellationToken) is not { } entity)
        {
            return NotFound();
        }

        Proposal = await queries.ToDtoAsync(entity, actor, cancellationToken);
        Letter = new LetterView(Proposal, await drafts.FundingSourcesAsync(cancellationToken));
        History = new HistoryView(await history.LastReturnAsync(entity, cancellationToken), await history.TimelineAsync(id, cancellationToken));
        return Page();
    }
}
