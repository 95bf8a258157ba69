using ApprovalFlow.Decisions;
using ApprovalFlow.Identity;
using ApprovalFlow.Requests;
using ApprovalFlow.Web.Features.Account;
using ApprovalFlow.Web.Features.Proposals;
using ApprovalFlow.Web.Features.Work;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ApprovalFlow.Web.Features.Requests;

/// <summary>A request letter, the replies to it that the user may see, its consolidation for the ICT and the UBND, and sending it.</summary>
public sealed class DetailsModel(RequestQueries requests, ProposalQueries proposals, Consolidation consolidation, RequestPublisher publisher, IStringLocalizer<SharedResource> text) : PageModel
{
    public RequestDto Letter { get; private set; } = null!;

    public IReadOnlyList<ProposalListItem> Proposals { get; private set; } = [];

    public ConsolidationView? Consolidation { get; private set; }

    /// <summary>Whether the user may send this draft to its agencies: an ICT reviewer of the issuing agency.</summary>
    public bool CanPublish { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var actor = User.RequireActor();
        if (await requests.FindAsync(id, actor, cancellationToken) is not { } request)
        {
            return NotFound();
        }

        Letter = request;
        Proposals = await proposals.ListAsync(actor, id, cancellationToken);
        Consolidation = request.Status == RequestStatus.Draft ? null : await consolidation.ForRequestAsync(id, actor, cancellationToken);
        CanPublish = request.Status == RequestStatus.Draft && actor.IsInRole(Roles.IctReviewer) && request.Issuer?.Id == actor.AgencyId;
        return Page();
    }

    public async Task<IActionResult> OnPostPublishAsync(Guid id, CancellationToken cancellationToken)
    {
        var actor = User.RequireActor();
        if (await requests.FindAsync(id, actor, cancellationToken) is not { } request)
        {
            return NotFound();
        }

        if (!actor.IsInRole(Roles.IctReviewer) || request.Issuer?.Id != actor.AgencyId)
        {
            return Forbid();
        }

        var refusal = await publisher.PublishAsync(id, actor, cancellationToken);
        StepOutcome.Tell(TempData, refusal ?? text["Request.Published"], isError: refusal is not null);
        return RedirectToPage(new { id });
    }
}
