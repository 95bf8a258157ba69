using System.Globalization;
using ApprovalFlow.WorkItems;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ApprovalFlow.Web.Features.Account;

/// <summary>Out of office: the last day away and the colleague who acts on one's behalf meanwhile.</summary>
public sealed class AwayModel(OutOfOffice outOfOffice, IStringLocalizer<SharedResource> text) : PageModel
{
    public AwayStatus Status { get; private set; } = new(null, null, false);

    public IReadOnlyList<UserRef> Candidates { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    [TempData]
    public bool IsError { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var actor = User.RequireActor();
        Status = await outOfOffice.GetAsync(actor, cancellationToken);
        Candidates = await outOfOffice.CandidatesAsync(actor, cancellationToken);
    }

    /// <summary>Sets the away period; the date comes as the date input sends it (yyyy-MM-dd), whatever the page's language.</summary>
    public async Task<IActionResult> OnPostAsync(string? awayUntil, Guid? substituteUserId, CancellationToken cancellationToken)
    {
        if (!DateOnly.TryParseExact(awayUntil, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var until))
        {
            (Message, IsError) = (text["Away.DateInvalid"].Value, true);
            return RedirectToPage();
        }

        return await SaveAsync(until, substituteUserId, cancellationToken);
    }

    public Task<IActionResult> OnPostBackAsync(CancellationToken cancellationToken) => SaveAsync(null, null, cancellationToken);

    private async Task<IActionResult> SaveAsync(DateOnly? until, Guid? substituteUserId, CancellationToken cancellationToken)
    {
        var refusal = await outOfOffice.SetAsync(User.RequireActor(), until, substituteUserId, cancellationToken);
        (Message, IsError) = (refusal ?? text["Away.Saved"].Value, refusal is not null);
        return RedirectToPage();
    }
}
