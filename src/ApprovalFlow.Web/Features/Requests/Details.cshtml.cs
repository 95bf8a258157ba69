using ApprovalFlow.Web.Features.Account;
using ApprovalFlow.Web.Features.Proposals;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ApprovalFlow.Web.Features.Requests;

/// <summary>A request letter and the replies to it that the user may see.</summary>
public sealed class DetailsModel(RequestQueries requests, ProposalQueries proposals) : PageModel
{
    public RequestDto Letter { get; private set; } = null!;

    public IReadOnlyList<ProposalListItem> Proposals { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var actor = User.RequireActor();
        if (await requests.FindAsync(id, actor, cancellationToken) is not { } request)
        {
            return NotFound();
        }

        Letter = request;
        Proposals = await proposals.ListAsync(actor, id, cancellationToken);
        return Page();
    }
}
