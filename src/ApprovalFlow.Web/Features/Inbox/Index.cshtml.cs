using ApprovalFlow.Web.Features.Account;
using ApprovalFlow.WorkItems;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ApprovalFlow.Web.Features.Inbox;

/// <summary>The inbox page: my items and my role's unclaimed ones, to claim, release or complete.</summary>
public sealed class IndexModel(WorkItemInbox inbox, TimeProvider clock, IStringLocalizer<SharedResource> text) : PageModel
{
    public IReadOnlyList<WorkItem> Items { get; private set; } = [];

    public Guid Me { get; private set; }

    public DateTimeOffset Now { get; private set; }

    [TempData]
    public string? Message { get; set; }

    [TempData]
    public bool IsError { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var actor = User.RequireActor();
        Me = actor.UserId;
        Now = clock.GetUtcNow();
        Items = await inbox.OpenItemsAsync(actor, cancellationToken);
    }

    public Task<IActionResult> OnPostClaimAsync(Guid id, CancellationToken cancellationToken) =>
        RespondAsync(inbox.ClaimAsync(id, User.RequireActor(), cancellationToken), "Inbox.Claimed");

    public Task<IActionResult> OnPostReleaseAsync(Guid id, CancellationToken cancellationToken) =>
        RespondAsync(inbox.ReleaseAsync(id, User.RequireActor(), cancellationToken), "Inbox.Released");

    public Task<IActionResult> OnPostCompleteAsync(Guid id, string outcome, string? comment, CancellationToken cancellationToken) =>
        RespondAsync(inbox.CompleteAsync(id, outcome, comment, User.RequireActor(), "inbox", cancellationToken), "Inbox.Completed");

    private async Task<IActionResult> RespondAsync(Task<WorkItemResult> action, string doneKey)
    {
        (Message, IsError) = await action switch
        {
            WorkItemResult.Done => (text[doneKey].Value, false),
            WorkItemResult.Refused refused => (refused.Message, true),
            WorkItemResult.AlreadyHandled => (text["WorkItem.AlreadyHandled"].Value, true),
            _ => (text["Status.404"].Value, true),
        };
        return RedirectToPage();
    }
}
