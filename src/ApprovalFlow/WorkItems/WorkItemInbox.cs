using System.Linq.Expressions;
using System.Text.Json.Nodes;
using ApprovalFlow.Audit;
using ApprovalFlow.Data;
using ApprovalFlow.Identity;
using ApprovalFlow.Proposals;
using ApprovalFlow.Workflows.Activities;
using ApprovalFlow.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.WorkItems;

/// <summary>
/// The inbox: a person's own items and the unclaimed items of their role (within their agency when scoped);
/// claiming, releasing and completing them. Completing resumes the workflow in the same transaction, so an item is
/// completed exactly once however many people press the button at once.
/// </summary>
public sealed class WorkItemInbox(ApprovalFlowDbContext db, WorkflowRuntime runtime, IEnumerable<IWorkItemCompletion> completions, TimeProvider clock)
{
    /// <summary>The open items <paramref name="actor"/> may act on, oldest due first.</summary>
    public async Task<IReadOnlyList<WorkItem>> OpenItemsAsync(Actor actor, CancellationToken cancellationToken)
    {
        var items = await db.WorkItems.AsNoTracking().Where(OpenFor(actor)).ToListAsync(cancellationToken);
        return [.. items.OrderBy(i => i.DueAt ?? DateTimeOffset.MaxValue).ThenBy(i => i.CreatedAt)];
    }

    /// <summary>How many open items <paramref name="actor"/> may act on: the navigation bar's badge.</summary>
    public Task<int> CountAsync(Actor actor, CancellationToken cancellationToken) => db.WorkItems.CountAsync(OpenFor(actor), cancellationToken);

    /// <summary>Takes a role's item, so that others of the role no longer see it.</summary>
    public Task<WorkItemResult> ClaimAsync(Guid id, Actor actor, CancellationToken cancellationToken) =>
        ChangeAsync(id, actor, _ => null, item => item.ClaimedByUserId = actor.UserId, cancellationToken);

    /// <summary>Gives a claimed item back to the role's queue.</summary>
    public Task<WorkItemResult> ReleaseAsync(Guid id, Actor actor, CancellationToken cancellationToken) =>
        ChangeAsync(id, actor, item => item.ClaimedByUserId != actor.UserId ? ValidationMessages.Get("WorkItemNotClaimedByYou") : null, item => item.ClaimedByUserId = null, cancellationToken);

    /// <summary>Completes the item with an outcome (and a comment where the task requires one) and resumes its workflow.</summary>
    /// <param name="id">The work item.</param>
    /// <param name="outcome">One of the item's outcomes.</param>
    /// <param name="comment">The actor's comment.</param>
    /// <param name="actor">Who completes it.</param>
    /// <param name="channel">Where: <c>inbox</c>, <c>email</c> or <c>api</c>.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    public async Task<WorkItemResult> CompleteAsync(Guid id, string outcome, string? comment, Actor actor, string channel, CancellationToken cancellationToken)
    {
        var item = await db.WorkItems.Where(OpenFor(actor)).SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (item is null)
        {
            return await db.WorkItems.AnyAsync(i => i.Id == id && i.Status != WorkItemStatus.Open, cancellationToken)
                ? new WorkItemResult.AlreadyHandled()
                : new WorkItemResult.NotFound();
        }

        if (!item.Outcomes.Contains(outcome))
        {
            return new WorkItemResult.Refused(ValidationMessages.Get("WorkItemOutcomeInvalid", outcome, string.Join(", ", item.Outcomes)));
        }

        if (item.CommentRequiredFor.Contains(outcome) && string.IsNullOrWhiteSpace(comment))
        {
            return new WorkItemResult.Refused(ValidationMessages.Get("WorkItemCommentRequired"));
        }

        if (await RefusalOfFormAsync(item, outcome, cancellationToken) is { } refusal)
        {
            return new WorkItemResult.Refused(refusal);
        }

        item.Status = WorkItemStatus.Completed;
        item.Outcome = outcome;
        item.Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        item.CompletedByUserId = actor.UserId;
        item.CompletedByName = actor.DisplayName;
        item.Channel = channel;
        item.CompletedAt = clock.GetUtcNow();
        item.Revision++;
        db.Audit(AuditActions.WorkItemCompleted, "work-item", item.Id, item.CompletedAt.Value, actor, channel, new { item.Outcome, item.Comment, item.Form, item.CorrelationId });

        // The item's change is saved in the run's own transaction: both happen, or neither.
        var input = new JsonObject { ["comment"] = item.Comment, ["actorId"] = actor.UserId.ToString(), ["actorName"] = actor.DisplayName, ["channel"] = channel };
        return await runtime.ResumeByKeyAsync(HumanTask.TypeName, id.ToString(), new ResumeInput(outcome, input), cancellationToken) is ResumeResult.Resumed
            ? new WorkItemResult.Done(item)
            : new WorkItemResult.AlreadyHandled();
    }

    /// <summary>What the item's form requires before this outcome (see <see cref="IWorkItemCompletion"/>).</summary>
    private async Task<string?> RefusalOfFormAsync(WorkItem item, string outcome, CancellationToken cancellationToken)
    {
        foreach (var completion in completions)
        {
            if (await completion.PrepareAsync(item, outcome, cancellationToken) is { } refusal)
            {
                return refusal;
            }
        }

        return null;
    }

    private async Task<WorkItemResult> ChangeAsync(Guid id, Actor actor, Func<WorkItem, string?> refuse, Action<WorkItem> change, CancellationToken cancellationToken)
    {
        var item = await db.WorkItems.Where(OpenFor(actor)).SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (item is null)
        {
            return new WorkItemResult.NotFound();
        }

        if (refuse(item) is { } reason)
        {
            return new WorkItemResult.Refused(reason);
        }

        change(item);
        item.Revision++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new WorkItemResult.AlreadyHandled();
        }

        return new WorkItemResult.Done(item);
    }

    /// <summary>
    /// Open items assigned to the actor, claimed by them, or offered to their role and not claimed by another
    /// (within their agency when scoped).
    /// </summary>
    private static Expression<Func<WorkItem, bool>> OpenFor(Actor actor)
    {
        var userId = actor.UserId;
        var roles = actor.Roles.ToList();
        var agencyId = actor.AgencyId;
        return i => i.Status == WorkItemStatus.Open
            && (i.AssigneeUserId == userId
                || i.ClaimedByUserId == userId
                || (i.AssigneeUserId == null && i.ClaimedByUserId == null && i.AssigneeRole != null && roles.Contains(i.AssigneeRole)
                    && (i.AgencyId == null || i.AgencyId == agencyId)));
    }
}
