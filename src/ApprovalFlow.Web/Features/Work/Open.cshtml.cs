using ApprovalFlow.Calendar;
using ApprovalFlow.Data;
using ApprovalFlow.EmailApproval;
using ApprovalFlow.Proposals;
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
public sealed class OpenModel(WorkItemInbox inbox, ProposalDrafts drafts, ApprovalFlowDbContext db, IStringLocalizer<SharedResource> text) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var actor = User.RequireActor();
        if (await inbox.FindOpenAsync(id, actor, cancellationToken) is not { } item || !Guid.TryParse(item.CorrelationId, out var subject))
        {
            return await DoneElsewhereAsync(id, actor, cancellationToken);
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

    /// <summary>
    /// An old mail's link to work already done: to the proposal, saying who did it, for whoever may see the proposal;
    /// a 404 for anyone else, as for work that does not exist.
    /// </summary>
    private async Task<IActionResult> DoneElsewhereAsync(Guid id, ApprovalFlow.Identity.Actor actor, CancellationToken cancellationToken)
    {
        var done = await db.WorkItems.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id && i.Status != WorkItemStatus.Open, cancellationToken);
        if (done is null || !Guid.TryParse(done.CorrelationId, out var subject) || await drafts.FindAsync(subject, actor, cancellationToken) is null)
        {
            return NotFound();
        }

        TempData["Message"] = text["Work.AlreadyDone", done.Title, done.CompletedByName ?? "", done.CompletedAt is { } at ? VietnamTime.Format(at) : ""].Value;
        return Redirect($"/proposals/{subject}");
    }

    /// <param name="id">The work item.</param>
    /// <param name="outcome">The button pressed.</param>
    /// <param name="comment">The comment typed.</param>
    /// <param name="subjectRevision">What the page showed (<see cref="ApprovalSubjects"/>), when it showed what is approved:
    /// if it changed since, the person is shown the new version rather than approving one they have not seen.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    public async Task<IActionResult> OnPostAsync(Guid id, string outcome, string? comment, string? subjectRevision, CancellationToken cancellationToken)
    {
        if (subjectRevision is not null
            && await db.WorkItems.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, cancellationToken) is { } shown
            && await db.RevisionOfAsync(shown, cancellationToken) != subjectRevision)
        {
            StepOutcome.Tell(TempData, text["Work.ChangedSinceShown"], isError: true);
            return LocalRedirect($"/work/{id}");
        }

        var result = await inbox.CompleteAsync(id, outcome, comment, User.RequireActor(), "inbox", cancellationToken);
        return StepOutcome.Respond(this, id, result, text);
    }
}
