using ApprovalFlow.Decisions;
using ApprovalFlow.Web.Features.Account;
using ApprovalFlow.WorkItems;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ApprovalFlow.Web.Features.Work;

/// <summary>
/// The consolidation (tổng hợp) of a request: every agency with its proposed and recommended totals and those left
/// out; the ICT reviewer submits it, the ICT leader signs it or returns it.
/// </summary>
public sealed class ConsolidationModel(WorkItemInbox inbox, Consolidation consolidation) : PageModel
{
    public WorkItem Item { get; private set; } = null!;

    public ConsolidationView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var actor = User.RequireActor();
        if (await inbox.FindOpenAsync(id, actor, cancellationToken) is not { Form: WorkItemForms.Consolidation or WorkItemForms.SignOff } item
            || !Guid.TryParse(item.CorrelationId, out var subject)
            || await consolidation.ForRequestAsync(subject, actor, cancellationToken) is not { } view)
        {
            return NotFound();
        }

        (Item, View) = (item, view);
        return Page();
    }
}
