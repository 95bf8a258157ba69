using ApprovalFlow.Budget;
using ApprovalFlow.Proposals;
using ApprovalFlow.Web.Features.Account;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ApprovalFlow.Web.Features.Proposals;

/// <summary>The read-only letter, for everyone allowed to see the proposal; 404 for everyone else.</summary>
public sealed class ViewModel(ProposalQueries queries, ProposalDrafts drafts) : PageModel
{
    private IReadOnlyList<FundingSource> sources = [];

    public ProposalDto Proposal { get; private set; } = null!;

    public string FundingSourceName(string code) => sources.FirstOrDefault(s => s.Code == code)?.Name ?? code;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await queries.GetAsync(id, User.RequireActor(), cancellationToken) is not { } proposal)
        {
            return NotFound();
        }

        Proposal = proposal;
        sources = await drafts.FundingSourcesAsync(cancellationToken);
        return Page();
    }
}
