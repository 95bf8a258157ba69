using ApprovalFlow.Data;
using ApprovalFlow.Web.Features.Account;
using ApprovalFlow.WorkItems;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ApprovalFlow.Web.Features.Work;

/// <summary>
/// <c>/work/{id}</c>: opens a work item on the page of its step (GET), and completes it with an outcome from that
/// page (POST), then returns to the inbox with what happened.
/// </summary>
public sealed class OpenModel(WorkItemInbox inbox, ApprovalFlowDbContext db, IStringLocalizer<SharedResource> text) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await inbox.FindOpenAsync(id, User.RequireActor(), cancellationToken) is not { } item || !Guid.TryParse(item.CorrelationId, out var subject))
        {
            return NotFound();
        }

        var aboutProposal = await db.Proposals.AnyAsync(p => p.Id == subject, cancellationToken);
        return Redirect(item.Form switch
        {
            WorkItemForms.Draft => $"/proposals/{subject}/edit",
            WorkItemForms.SignOff when aboutProposal => $"/work/{id}/sign-off",
            WorkItemForms.Review => $"/work/{id}/review",
            WorkItemForms.Decision => $"/work/{id}/decision",

            // The ICT leader signs the consolidated submission from the consolidation itself.
            _ => $"/work/{id}/consolidation",
        });
    }

    public async Task<IActionResult> OnPostAsync(Guid id, string outcome, string? comment, CancellationToken cancellationToken)
    {
        var result = await inbox.CompleteAsync(id, outcome, comment, User.RequireActor(), "inbox", cancellationToken);
        return StepOutcome.Respond(this, id, result, text);
    }
}
