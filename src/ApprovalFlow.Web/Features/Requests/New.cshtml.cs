using ApprovalFlow.Calendar;
using ApprovalFlow.Data;
using ApprovalFlow.Identity;
using ApprovalFlow.Requests;
using ApprovalFlow.Web.Features.Account;
using ApprovalFlow.Web.Localization;
using ApprovalFlow.WorkItems;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Web.Features.Requests;

/// <summary>What the request form posts.</summary>
public sealed class RequestForm
{
    public string Number { get; set; } = "";

    public DateOnly Date { get; set; }

    public string Subject { get; set; } = "";

    public int PeriodFrom { get; set; }

    public int PeriodTo { get; set; }

    public int PlanYear { get; set; }

    public int PastFrom { get; set; }

    public int PastTo { get; set; }

    public DateOnly Deadline { get; set; }

    public List<Guid> TargetAgencyIds { get; set; } = [];

    public RequestDraft ToDraft() => new(Number, Date, Subject, new YearRange(PeriodFrom, PeriodTo), PlanYear, new YearRange(PastFrom, PastTo), Deadline, TargetAgencyIds);
}

/// <summary>An agency offered as a target, named as of today.</summary>
public sealed record AgencyChoice(Guid Id, string Name);

/// <summary>The ICT reviewer writes a request letter; it is saved as a draft and sent from its page.</summary>
public sealed class NewModel(RequestLetters letters, ApprovalFlowDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty]
    public RequestForm Form { get; set; } = new();

    public IReadOnlyList<AgencyChoice> Agencies { get; private set; } = [];

    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!User.RequireActor().IsInRole(Roles.IctReviewer))
        {
            return Forbid();
        }

        var today = VietnamTime.Today(clock);
        Form = new RequestForm
        {
            Date = today,
            Deadline = today.AddDays(21),
            PeriodFrom = today.Year + 1,
            PeriodTo = today.Year + 5,
            PlanYear = today.Year + 1,
            PastFrom = today.Year - 1,
            PastTo = today.Year,
        };
        await LoadAgenciesAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var actor = User.RequireActor();
        if (!actor.IsInRole(Roles.IctReviewer))
        {
            return Forbid();
        }

        var (request, issues) = await letters.CreateAsync(Form.ToDraft(), actor, cancellationToken);
        if (request is not null)
        {
            return Redirect($"/requests/{request.Id}");
        }

        foreach (var issue in issues)
        {
            Errors[issue.Field] = issue.Message;
        }

        await LoadAgenciesAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAgenciesAsync(CancellationToken cancellationToken)
    {
        var me = User.RequireActor().AgencyId;
        var today = VietnamTime.Today(clock);
        var agencies = await db.Agencies.AsNoTracking().Include(a => a.Profiles).Where(a => a.Id != me && a.ParentId != null).ToListAsync(cancellationToken);
        Agencies = [.. agencies.Select(a => new AgencyChoice(a.Id, a.ProfileOn(today)?.Name ?? a.Code)).OrderBy(a => a.Name, VietnameseOrder.Comparer)];
    }
}
