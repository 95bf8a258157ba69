using System.Globalization;
using ApprovalFlow.Budget;
using ApprovalFlow.Data;
using ApprovalFlow.Decisions;
using ApprovalFlow.Organization;
using ApprovalFlow.Proposals;
using ApprovalFlow.Web.Features.Account;
using ApprovalFlow.WorkItems;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ApprovalFlow.Web.Features.Work;

/// <summary>One task's verdict as typed on the decision page.</summary>
public sealed class DecisionTaskInput
{
    public TaskVerdict Verdict { get; set; }

    public string PeriodAmount { get; set; } = "";

    public string PlanYearAmount { get; set; } = "";

    public string? Reason { get; set; }
}

/// <summary>One proposal's verdicts as typed, and whether it is ticked for a bulk action.</summary>
public sealed class DecisionProposalInput
{
    public Guid ProposalId { get; set; }

    public bool Selected { get; set; }

    public List<DecisionTaskInput> Tasks { get; set; } = [];
}

/// <summary>A proposal before the UBND, with its agency's name.</summary>
public sealed record DecisionSubject(Proposal Proposal, string AgencyName);

/// <summary>
/// The UBND decision: per task approve (as recommended), approve an adjusted amount, or reject, with a reason; the
/// totals; ticking proposals approves all their tasks as recommended at once; issuing completes the step.
/// </summary>
public sealed class DecisionModel(WorkItemInbox inbox, ApprovalFlowDbContext db, AgencyDirectory directory, Assessments assessments, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty]
    public List<DecisionProposalInput> Proposals { get; set; } = [];

    [BindProperty]
    public string? Comment { get; set; }

    public WorkItem Item { get; private set; } = null!;

    public IReadOnlyList<DecisionSubject> Subjects { get; private set; } = [];

    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    /// <summary>The totals of the verdicts as they stand on the form (period, plan year).</summary>
    public BudgetFigures ApprovedTotal { get; private set; }

    public BudgetFigures RecommendedTotal { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Proposals = [.. Subjects.Select(s => new DecisionProposalInput
        {
            ProposalId = s.Proposal.Id,
            Tasks = [.. s.Proposal.Content.Tasks.Select((_, index) => AsRecommended(s.Proposal, index))],
        })];
        Tally(out _);
        return Page();
    }

    /// <summary>Bulk decision: every task of the ticked proposals approved as recommended; nothing is issued yet.</summary>
    public async Task<IActionResult> OnPostApproveSelectedAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return StepOutcome.Respond(this, id, new WorkItemResult.AlreadyHandled(), text);
        }

        foreach (var input in Proposals.Where(p => p.Selected))
        {
            var subject = Subjects.FirstOrDefault(s => s.Proposal.Id == input.ProposalId);
            if (subject is not null)
            {
                input.Tasks = [.. subject.Proposal.Content.Tasks.Select((_, index) => AsRecommended(subject.Proposal, index))];
                input.Selected = false;
            }
        }

        ModelState.Clear();
        Tally(out _);
        return Page();
    }

    public async Task<IActionResult> OnPostRecalculateAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return StepOutcome.Respond(this, id, new WorkItemResult.AlreadyHandled(), text);
        }

        Tally(out _);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return StepOutcome.Respond(this, id, new WorkItemResult.AlreadyHandled(), text);
        }

        var verdicts = Tally(out var complete);
        if (!complete)
        {
            return Page();
        }

        var result = await assessments.DecideAsync(id, verdicts, Comment, User.RequireActor(), "inbox", cancellationToken);
        if (result is WorkItemResult.Refused refused)
        {
            Errors[""] = refused.Message;
            return Page();
        }

        return StepOutcome.Respond(this, id, result, text);
    }

    /// <summary>Reads the form into verdicts and totals; <paramref name="complete"/> is false when an amount did not parse.</summary>
    private List<ProposalVerdicts> Tally(out bool complete)
    {
        var culture = CultureInfo.CurrentCulture;
        var verdicts = new List<ProposalVerdicts>();
        BudgetFigures approved = default, recommended = default;
        for (var p = 0; p < Proposals.Count; p++)
        {
            var input = Proposals[p];
            if (Subjects.FirstOrDefault(s => s.Proposal.Id == input.ProposalId)?.Proposal is not { } proposal)
            {
                continue;
            }

            var tasks = new List<TaskDecision>();
            for (var t = 0; t < Math.Min(input.Tasks.Count, proposal.Content.Tasks.Count); t++)
            {
                var typed = input.Tasks[t];
                var (period, planYear) = (Parse(typed.PeriodAmount, $"proposals[{p}].tasks[{t}].periodAmount", culture), Parse(typed.PlanYearAmount, $"proposals[{p}].tasks[{t}].planYearAmount", culture));
                var suggested = Assessments.Recommended(proposal, t);
                recommended += suggested;
                approved += typed.Verdict switch { TaskVerdict.Approve => suggested, TaskVerdict.Reject => default, _ => new BudgetFigures(period, planYear) };
                tasks.Add(new TaskDecision { TaskIndex = t, Verdict = typed.Verdict, PeriodAmount = period, PlanYearAmount = planYear, Reason = typed.Reason });
            }

            verdicts.Add(new ProposalVerdicts(proposal.Id, tasks));
        }

        (ApprovedTotal, RecommendedTotal) = (approved, recommended);
        complete = Errors.Count == 0;
        return verdicts;
    }

    private decimal Parse(string typed, string field, CultureInfo culture)
    {
        if (Amounts.TryParse(typed, culture, out var amount))
        {
            return amount;
        }

        Errors[field] = text["Review.AmountInvalid", typed];
        return 0;
    }

    private static DecisionTaskInput AsRecommended(Proposal proposal, int index)
    {
        var figures = Assessments.Recommended(proposal, index);
        return new DecisionTaskInput
        {
            Verdict = TaskVerdict.Approve,
            PeriodAmount = Amounts.Format(figures.Period, CultureInfo.CurrentCulture),
            PlanYearAmount = Amounts.Format(figures.PlanYear, CultureInfo.CurrentCulture),
        };
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var actor = User.RequireActor();
        // A decision step belongs to a request; one a designer put elsewhere has nothing to decide here.
        if (await inbox.FindOpenAsync(id, actor, cancellationToken) is not { Form: WorkItemForms.Decision } item
            || !Guid.TryParse(item.CorrelationId, out var requestId)
            || await db.Requests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == requestId, cancellationToken) is not { } request)
        {
            return false;
        }

        var proposals = await db.Proposals.AsNoTracking()
            .Where(p => p.RequestId == requestId && p.Status == ProposalStatus.AwaitingDecision)
            .Where(ProposalAccess.VisibleTo(actor)).ToListAsync(cancellationToken);
        var agencies = await directory.LoadAsync(cancellationToken);
        Item = item;
        Subjects = [.. proposals
            .Select(p => new DecisionSubject(p, agencies.ProfileOn(p.AgencyId, request.Date)?.Name ?? ""))
            .OrderBy(s => s.AgencyName, VietnameseOrder.Comparer)];
        return true;
    }
}
