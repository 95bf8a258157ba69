using ApprovalFlow.Web.Features.Account;
using ApprovalFlow.WorkItems;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ApprovalFlow.Web.Features.Inbox;

/// <summary>
/// The inbox page: my items, my role's unclaimed ones and those of colleagues I stand in for, filtered and ordered
/// as I left them; claim (one or several) and release. Each item's own page (<c>/work/{id}</c>) completes it.
/// </summary>
public sealed class IndexModel(WorkItemInbox inbox, InboxQueries queries, IStringLocalizer<SharedResource> text) : PageModel
{
    /// <summary>The <c>ViewData</c> key by which a page gives the layout the inbox count it already knows.</summary>
    public const string InboxCountKey = "InboxCount";

    /// <summary>The items the view keeps, in its order.</summary>
    public IReadOnlyList<InboxEntry> Entries { get; private set; } = [];

    /// <summary>How many open items the inbox holds before filtering.</summary>
    public int Total { get; private set; }

    public InboxView View { get; private set; } = InboxView.Default;

    /// <summary>The requests and agencies of the inbox's items: the filters offer these, never others.</summary>
    public IReadOnlyList<(Guid Id, string Name)> Requests { get; private set; } = [];

    public IReadOnlyList<(Guid Id, string Name)> Agencies { get; private set; } = [];

    public Guid Me { get; private set; }

    public bool MayReassign { get; private set; }

    [TempData]
    public string? Message { get; set; }

    [TempData]
    public bool IsError { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var actor = User.RequireActor();
        Me = actor.UserId;
        MayReassign = WorkItemAccess.MayReassign(actor);
        (var all, View) = await queries.ListWithViewAsync(actor, cancellationToken);
        Entries = InboxQueries.Apply(all, View);
        Total = all.Count;
        ViewData[InboxCountKey] = Total;
        Requests = Distinct(all.Where(e => e.RequestId is not null).Select(e => (e.RequestId!.Value, e.RequestNumber ?? "")));
        Agencies = Distinct(all.Where(e => e.AgencyId is not null && e.AgencyName is not null).Select(e => (e.AgencyId!.Value, e.AgencyName!)));
    }

    public async Task<IActionResult> OnPostFilterAsync(Guid? requestId, Guid? agencyId, string? form, DueFilter due, InboxSort sort, CancellationToken cancellationToken)
    {
        var view = new InboxView { RequestId = requestId, AgencyId = agencyId, Form = string.IsNullOrEmpty(form) ? null : form, Due = due, Sort = sort };
        await queries.SaveViewAsync(User.RequireActor(), view, cancellationToken);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostResetFilterAsync(CancellationToken cancellationToken)
    {
        await queries.SaveViewAsync(User.RequireActor(), InboxView.Default, cancellationToken);
        return RedirectToPage();
    }

    public Task<IActionResult> OnPostClaimAsync(Guid id, CancellationToken cancellationToken) =>
        RespondAsync(inbox.ClaimAsync(id, User.RequireActor(), cancellationToken), "Inbox.Claimed");

    public Task<IActionResult> OnPostReleaseAsync(Guid id, CancellationToken cancellationToken) =>
        RespondAsync(inbox.ReleaseAsync(id, User.RequireActor(), cancellationToken), "Inbox.Released");

    public async Task<IActionResult> OnPostClaimSelectedAsync(List<Guid> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            (Message, IsError) = (text["Inbox.NothingSelected"].Value, true);
            return RedirectToPage();
        }

        var result = await inbox.ClaimManyAsync(ids.Take(InboxEndpoints.MaxBulkClaim), User.RequireActor(), cancellationToken);
        var message = text["Inbox.BulkClaimed", result.Claimed.Count].Value;
        if (result.NotClaimed.Count > 0)
        {
            message += " " + text["Inbox.BulkNotClaimed", result.NotClaimed.Count].Value;
        }

        (Message, IsError) = (message, result.Claimed.Count == 0);
        return RedirectToPage();
    }

    private static IReadOnlyList<(Guid Id, string Name)> Distinct(IEnumerable<(Guid Id, string Name)> options) =>
        [.. options.DistinctBy(o => o.Id).OrderBy(o => o.Name, VietnameseOrder.Comparer)];

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
