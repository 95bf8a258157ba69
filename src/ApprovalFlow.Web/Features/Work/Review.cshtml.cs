using System.Globalization;
using ApprovalFlow.Budget;
using ApprovalFlow.Decisions;
using ApprovalFlow.Proposals;
using ApprovalFlow.Web.Features.Account;
using ApprovalFlow.Web.Features.Proposals;
using ApprovalFlow.WorkItems;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ApprovalFlow.Web.Features.Work;

/// <summary>One task's row of the review form, as typed (amounts stay text until they parse).</summary>
public sealed class ReviewTaskInput
{
    public string PeriodAmount { get; set; } = "";

    public string PlanYearAmount { get; set; } = "";

    public string? Note { get; set; }
}

/// <summary>The ICT review: per task the recommended amounts and a note; accept, or return with a comment.</summary>
public sealed class ReviewModel(WorkItemInbox inbox, ProposalDrafts drafts, ProposalQueries queries, ProposalHistory history, Assessments assessments, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty]
    public List<ReviewTaskInput> Tasks { get; set; } = [];

    [BindProperty]
    public string? Comment { get; set; }

    public WorkItem Item { get; private set; } = null!;

    public ProposalDto Proposal { get; private set; } = null!;

    public HistoryView History { get; private set; } = null!;

    /// <summary>Problems with what was typed, by field (<c>tasks[1].periodAmount</c>), or for the whole form ("").</summary>
    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var culture = CultureInfo.CurrentCulture;
        Tasks = [.. Proposal.Content.Tasks.Select((task, index) => Proposal.Recommendations.FirstOrDefault(r => r.TaskIndex == index) is { } r
            ? new ReviewTaskInput { PeriodAmount = Amounts.Format(r.PeriodAmount, culture), PlanYearAmount = Amounts.Format(r.PlanYearAmount, culture), Note = r.Note }
            : new ReviewTaskInput { PeriodAmount = Amounts.Format(task.Total, culture), PlanYearAmount = Amounts.Format(task.PlanYearNeed, culture) })];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, string outcome, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            // Gone from the inbox between loading and pressing the button: someone else handled it.
            return StepOutcome.Respond(this, id, new WorkItemResult.AlreadyHandled(), text);
        }

        var recommendations = new List<TaskRecommendation>();
        for (var index = 0; index < Math.Min(Tasks.Count, Proposal.Content.Tasks.Count); index++)
        {
            var input = Tasks[index];
            var period = Parse(input.PeriodAmount, $"tasks[{index}].periodAmount");
            var planYear = Parse(input.PlanYearAmount, $"tasks[{index}].planYearAmount");
            recommendations.Add(new TaskRecommendation { TaskIndex = index, PeriodAmount = period, PlanYearAmount = planYear, Note = input.Note });
        }

        if (Errors.Count > 0 && outcome == WorkItemForms.Accept)
        {
            return Page();
        }

        var result = await assessments.ReviewAsync(id, outcome, Comment, recommendations, User.RequireActor(), "inbox", cancellationToken);
        if (result is WorkItemResult.Refused refused)
        {
            Errors[""] = refused.Message;
            return Page();
        }

        return StepOutcome.Respond(this, id, result, text);
    }

    private decimal Parse(string typed, string field)
    {
        if (Amounts.TryParse(typed, CultureInfo.CurrentCulture, out var amount))
        {
            return amount;
        }

        Errors[field] = text["Review.AmountInvalid", typed];
        return 0;
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var actor = User.RequireActor();
        if (await inbox.FindOpenAsync(id, actor, cancellationToken) is not { Form: WorkItemForms.Review } item
            || !Guid.TryParse(item.CorrelationId, out var subject)
            || await drafts.FindAsync(subject, actor, cancellationToken) is not { } proposal)
        {
            return false;
        }

        Item = item;
        Proposal = await queries.ToDtoAsync(proposal, actor, cancellationToken);
        History = new HistoryView(await history.LastReturnAsync(proposal, cancellationToken), await history.TimelineAsync(proposal.Id, cancellationToken));
        return true;
    }
}
