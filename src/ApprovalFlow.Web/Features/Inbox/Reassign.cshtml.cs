using ApprovalFlow.Web.Features.Account;
using ApprovalFlow.WorkItems;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ApprovalFlow.Web.Features.Inbox;

/// <summary>
/// Reassignment for leaders and administrators: the open items they may hand to someone else, each with the people
/// who may take it (the same rule as <c>GET /api/work-items/{id}/candidates</c>).
/// </summary>
public sealed class ReassignModel(WorkItemInbox inbox, InboxQueries queries, IStringLocalizer<SharedResource> text) : PageModel
{
    public IReadOnlyList<ReassignLine> Lines { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    [TempData]
    public bool IsError { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Lines = await queries.ReassignBoardAsync(User.RequireActor(), cancellationToken);

    public async Task<IActionResult> OnPostAsync(Guid id, Guid userId, CancellationToken cancellationToken)
    {
        (Message, IsError) = await inbox.ReassignAsync(id, userId, User.RequireActor(), cancellationToken) switch
        {
            WorkItemResult.Done => (text["Reassign.Done"].Value, false),
            WorkItemResult.Refused refused => (refused.Message, true),
            WorkItemResult.AlreadyHandled => (text["WorkItem.AlreadyHandled"].Value, true),
            _ => (text["Status.404"].Value, true),
        };
        return RedirectToPage();
    }
}
