using ApprovalFlow.Web.Features.Account;
using ApprovalFlow.Web.Features.Proposals;
using ApprovalFlow.Web.Features.Requests;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ApprovalFlow.Web.Features;

/// <summary>The start page: the requests and proposals the user may see.</summary>
public sealed class IndexModel(RequestQueries requests, ProposalQueries proposals) : PageModel
{
    public IReadOnlyList<RequestDto> Requests { get; private set; } = [];

    public IReadOnlyList<ProposalListItem> Proposals { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var actor = User.RequireActor();
        Requests = await requests.ListAsync(actor, cancellationToken);
        Proposals = await proposals.ListAsync(actor, null, cancellationToken);
    }
}
