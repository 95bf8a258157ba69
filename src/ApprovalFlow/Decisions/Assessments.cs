using ApprovalFlow.Audit;
using ApprovalFlow.Data;
using ApprovalFlow.Identity;
using ApprovalFlow.Proposals;
using ApprovalFlow.WorkItems;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Decisions;

/// <summary>The UBND's verdicts on one proposal's tasks, as the decision page or the API sends them.</summary>
public sealed record ProposalVerdicts(Guid ProposalId, IReadOnlyList<TaskDecision> Tasks);

/// <summary>
/// The two steps that put figures on tasks: the ICT review (recommended amounts) and the UBND decision (verdicts and
/// approved amounts). Each records its figures and completes its work item in one transaction, or changes nothing.
/// </summary>
public sealed class Assessments(ApprovalFlowDbContext db, WorkItemInbox inbox, TimeProvider clock)
{
    /// <summary>Completes a review item; on <c>Accept</c>, records a recommendation for every task (as proposed where none is given).</summary>
    public async Task<WorkItemResult> ReviewAsync(Guid workItemId, string outcome, string? comment, IReadOnlyList<TaskRecommendation> recommendations, Actor actor, string channel, CancellationToken cancellationToken)
    {
        var item = await OpenItemAsync(workItemId, actor, cancellationToken);
        if (item is { Form: WorkItemForms.Review } && outcome == WorkItemForms.Accept)
        {
            var proposal = await db.ProposalOfAsync(item.CorrelationId);
            var refusal = Recommend(proposal, recommendations);
            if (refusal is not null)
            {
                return Settle(new WorkItemResult.Refused(refusal));
            }

            db.Audit(AuditActions.ProposalReviewed, "proposal", proposal.Id, clock.GetUtcNow(), actor, channel, new { proposal.Recommendations });
        }

        return Settle(await inbox.CompleteAsync(workItemId, outcome, comment, actor, channel, cancellationToken));
    }

    /// <summary>Completes the decision item: every task of every proposal before the UBND needs a verdict.</summary>
    public async Task<WorkItemResult> DecideAsync(Guid workItemId, IReadOnlyList<ProposalVerdicts> verdicts, string? comment, Actor actor, string channel, CancellationToken cancellationToken)
    {
        var item = await OpenItemAsync(workItemId, actor, cancellationToken);
        if (item is { Form: WorkItemForms.Decision })
        {
            var proposals = await db.ProposalsOfRequestAsync(item.CorrelationId);
            foreach (var proposal in proposals.Where(p => p.Status == ProposalStatus.AwaitingDecision))
            {
                var given = verdicts.FirstOrDefault(v => v.ProposalId == proposal.Id)?.Tasks ?? [];
                if (Decide(proposal, given) is { } refusal)
                {
                    return Settle(new WorkItemResult.Refused(refusal));
                }

                db.Audit(AuditActions.ProposalDecided, "proposal", proposal.Id, clock.GetUtcNow(), actor, channel, new { proposal.Decisions });
            }
        }

        return Settle(await inbox.CompleteAsync(workItemId, WorkItemForms.Issue, comment, actor, channel, cancellationToken));
    }

    /// <summary>Anything but a completion leaves nothing behind: the figures set on the proposals were never saved, and must not be by a later save.</summary>
    private WorkItemResult Settle(WorkItemResult result)
    {
        if (result is not WorkItemResult.Done)
        {
            db.ChangeTracker.Clear();
        }

        return result;
    }

    /// <summary>
    /// Sets a recommendation for every task: the one given, else the one already recorded in this review, else the
    /// task as proposed. Returns why not, or null.
    /// </summary>
    public static string? Recommend(Proposal proposal, IReadOnlyList<TaskRecommendation> given)
    {
        var result = new List<TaskRecommendation>();
        for (var index = 0; index < proposal.Content.Tasks.Count; index++)
        {
            var task = proposal.Content.Tasks[index];
            var recommendation = given.FirstOrDefault(r => r.TaskIndex == index)
                ?? proposal.Recommendations.FirstOrDefault(r => r.TaskIndex == index)
                ?? new TaskRecommendation { TaskIndex = index, PeriodAmount = task.Total, PlanYearAmount = task.PlanYearNeed };
            if (AmountsRefusal(recommendation.PeriodAmount, recommendation.PlanYearAmount, index) is { } refusal)
            {
                return refusal;
            }

            result.Add(new TaskRecommendation { TaskIndex = index, PeriodAmount = recommendation.PeriodAmount, PlanYearAmount = recommendation.PlanYearAmount, Note = Clean(recommendation.Note) });
        }

        proposal.Recommendations = result;
        return null;
    }

    private static string? Decide(Proposal proposal, IReadOnlyList<TaskDecision> given)
    {
        var result = new List<TaskDecision>();
        for (var index = 0; index < proposal.Content.Tasks.Count; index++)
        {
            var task = proposal.Content.Tasks[index];
            if (given.FirstOrDefault(d => d.TaskIndex == index) is not { } decision)
            {
                return ValidationMessages.Get("DecisionMissing", index + 1, task.Name);
            }

            if (decision.Verdict != TaskVerdict.Approve && string.IsNullOrWhiteSpace(decision.Reason))
            {
                return ValidationMessages.Get("DecisionReasonRequired", index + 1, task.Name);
            }

            var recommended = Recommended(proposal, index);
            var (period, planYear) = decision.Verdict switch
            {
                TaskVerdict.Approve => (recommended.Period, recommended.PlanYear),
                TaskVerdict.Reject => (0m, 0m),
                _ => (decision.PeriodAmount, decision.PlanYearAmount),
            };
            if (AmountsRefusal(period, planYear, index) is { } refusal)
            {
                return refusal;
            }

            result.Add(new TaskDecision { TaskIndex = index, Verdict = decision.Verdict, PeriodAmount = period, PlanYearAmount = planYear, Reason = Clean(decision.Reason) });
        }

        proposal.Decisions = result;
        return null;
    }

    /// <summary>What the review recommends for a task: its recommendation, or the task as proposed where there is none.</summary>
    public static BudgetFigures Recommended(Proposal proposal, int index) =>
        proposal.Recommendations.FirstOrDefault(r => r.TaskIndex == index) is { } r
            ? new BudgetFigures(r.PeriodAmount, r.PlanYearAmount)
            : new BudgetFigures(proposal.Content.Tasks[index].Total, proposal.Content.Tasks[index].PlanYearNeed);

    /// <summary>The item if it is open in the actor's inbox: nobody else learns anything about it, not even why it would be refused.</summary>
    private Task<WorkItem?> OpenItemAsync(Guid workItemId, Actor actor, CancellationToken cancellationToken) =>
        inbox.FindOpenAsync(workItemId, actor, cancellationToken);

    private static string? AmountsRefusal(decimal period, decimal planYear, int index) =>
        period < 0 || planYear < 0 ? ValidationMessages.Get("AssessmentAmountNegative", index + 1)
        : planYear > period ? ValidationMessages.Get("AssessmentPlanYearAbovePeriod", index + 1)
        : null;

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
