using System.Globalization;
using ApprovalFlow.Budget;
using ApprovalFlow.Data;
using ApprovalFlow.Proposals;
using ApprovalFlow.Requests;
using ApprovalFlow.Web.Features.Account;
using ApprovalFlow.Web.Features.Work;
using ApprovalFlow.WorkItems;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ApprovalFlow.Web.Features.Proposals;

/// <summary>
/// The proposal editor for the agency's staff: every section, structural buttons, live totals, save as draft.
/// A save on top of someone else's newer save shows what they changed and keeps everything typed here.
/// </summary>
[RequestFormLimits(ValueCountLimit = 20_000)] // a proposal of 200 tasks posts about 5,000 fields
public sealed class EditModel(ProposalDrafts drafts, ApprovalFlowDbContext db, WorkItemInbox inbox, ProposalHistory history, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty]
    public ProposalForm Form { get; set; } = new();

    public Proposal Proposal { get; private set; } = null!;

    public BudgetRequest BudgetRequest { get; private set; } = null!;

    public IReadOnlyList<FundingSource> FundingSources { get; private set; } = [];

    /// <summary>The user's open draft step for this proposal, whose Submit sends it to the head; null when there is none.</summary>
    public WorkItem? DraftItem { get; private set; }

    /// <summary>The last return, with the comment to act on.</summary>
    public ReturnNote? LastReturn { get; private set; }

    /// <summary>Messages by form key (<c>tasks[0].total</c>, <c>allocatedFunds[1].amounts[0]</c>, …).</summary>
    public Dictionary<string, List<string>> Errors { get; } = new(StringComparer.Ordinal);

    /// <summary>Set when the save collided with another: what the other save changed.</summary>
    public SaveDraftResult.Conflict? Conflict { get; private set; }

    [TempData]
    public string? Saved { get; set; }

    public string Invalid(string key) => Errors.ContainsKey(key) ? "is-invalid" : "";

    public IEnumerable<string> ErrorsFor(string key) => Errors.GetValueOrDefault(key) ?? [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        Form = ProposalFormMapper.ToForm(Proposal.Content, Proposal.Revision, BudgetRequest, CultureInfo.CurrentCulture);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, string? op, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        // The bound form is the truth from here on: stale model-state values would reappear at shifted indexes.
        ModelState.Clear();
        if (op is not null and not "save")
        {
            FormOperation.TryApply(op, Form, BudgetRequest, FundingSources.Count > 0 ? FundingSources[0].Code : "");
            return Page();
        }

        var content = ProposalFormMapper.ToContent(Form, BudgetRequest, CultureInfo.CurrentCulture, Errors);
        if (Errors.Count > 0)
        {
            // Report the rules broken elsewhere too, so that one save shows every problem; rows holding an
            // unreadable amount are left out, as their sums would only mislead.
            var unreadable = Errors.Keys.Select(k => k.Split('.')[0]).ToHashSet(StringComparer.Ordinal);
            AddIssues(await drafts.ValidateAsync(Proposal.RequestId, content, cancellationToken), content, skip: key => unreadable.Contains(key.Split('.')[0]));
            return Page();
        }

        switch (await drafts.SaveAsync(id, Form.Revision, content, User.RequireActor(), cancellationToken))
        {
            case SaveDraftResult.Saved saved:
                Saved = text["Editor.Saved", saved.Proposal.Revision];
                return RedirectToPage(new { id });
            case SaveDraftResult.Invalid invalid:
                AddIssues(invalid.Issues, content, skip: _ => false);
                return Page();
            case SaveDraftResult.Conflict conflict:
                // Keep what was typed; the next save goes on top of the revision just shown.
                Conflict = conflict;
                Form.Revision = conflict.Current.Revision;
                return Page();
            case SaveDraftResult.NotFound:
                return NotFound();
            default:
                return Forbid();
        }
    }

    private void AddIssues(IEnumerable<ValidationIssue> issues, ProposalContent content, Func<string, bool> skip)
    {
        foreach (var issue in issues)
        {
            var key = ProposalFormMapper.FormKey(issue.Field, content, BudgetRequest);
            if (!skip(key))
            {
                ProposalFormMapper.Add(Errors, key, issue.Message);
            }
        }
    }

    /// <summary>Loads what the page needs; a result when the user may not edit (404 if they may not even see it).</summary>
    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var actor = User.RequireActor();
        if (await drafts.FindAsync(id, actor, cancellationToken) is not { } proposal)
        {
            return NotFound();
        }

        if (!ProposalAccess.CanEdit(proposal, actor))
        {
            return RedirectToPage("View", new { id });
        }

        Proposal = proposal;
        BudgetRequest = await db.Requests.AsNoTracking().SingleAsync(r => r.Id == proposal.RequestId, cancellationToken);
        FundingSources = await drafts.FundingSourcesAsync(cancellationToken);
        DraftItem = await inbox.FindOpenForAsync(id.ToString(), WorkItemForms.Draft, actor, cancellationToken);
        LastReturn = await history.LastReturnAsync(proposal, cancellationToken);
        return null;
    }
}
