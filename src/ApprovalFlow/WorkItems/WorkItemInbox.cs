using System.Linq.Expressions;
using System.Text.Json.Nodes;
using ApprovalFlow.Audit;
using ApprovalFlow.Data;
using ApprovalFlow.EmailApproval;
using ApprovalFlow.Identity;
using ApprovalFlow.Proposals;
using ApprovalFlow.Reminders;
using ApprovalFlow.Workflows.Activities;
using ApprovalFlow.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.WorkItems;

/// <summary>
/// The inbox: a person's own items and the unclaimed items of their role (within their agency when scoped), and
/// those of the absent colleagues they stand in for; claiming, releasing, reassigning and completing them.
/// Completing resumes the workflow in the same transaction, so an item is completed exactly once however many
/// people press the button at once.
/// </summary>
public sealed partial class WorkItemInbox(ApprovalFlowDbContext db, WorkflowRuntime runtime, IEnumerable<IWorkItemCompletion> completions, OutOfOffice outOfOffice, TimeProvider clock)
{
    /// <summary>The open items <paramref name="actor"/> may act on, oldest due first.</summary>
    public async Task<IReadOnlyList<WorkItem>> OpenItemsAsync(Actor actor, CancellationToken cancellationToken)
    {
        var items = await db.WorkItems.AsNoTracking().Where(await OpenForAsync(actor, cancellationToken)).ToListAsync(cancellationToken);
        return [.. items.OrderBy(i => i.DueAt ?? DateTimeOffset.MaxValue).ThenBy(i => i.CreatedAt)];
    }

    /// <summary>One open item, if <paramref name="actor"/> may act on it; null otherwise (not told apart, so as not to leak).</summary>
    public async Task<WorkItem?> FindOpenAsync(Guid id, Actor actor, CancellationToken cancellationToken) =>
        await db.WorkItems.AsNoTracking().Where(await OpenForAsync(actor, cancellationToken)).SingleOrDefaultAsync(i => i.Id == id, cancellationToken);

    /// <summary>The actor's open item of <paramref name="form"/> about <paramref name="correlationId"/> (a proposal or a request).</summary>
    public async Task<WorkItem?> FindOpenForAsync(string correlationId, string form, Actor actor, CancellationToken cancellationToken) =>
        await db.WorkItems.AsNoTracking().Where(await OpenForAsync(actor, cancellationToken)).FirstOrDefaultAsync(i => i.CorrelationId == correlationId && i.Form == form, cancellationToken);

    /// <summary>How many open items <paramref name="actor"/> may act on, absent colleagues' included: the navigation bar's badge.</summary>
    public async Task<int> CountAsync(Actor actor, CancellationToken cancellationToken) =>
        await db.WorkItems.CountAsync(await OpenForAsync(actor, cancellationToken), cancellationToken);

    /// <summary>Takes a role's item, so that others of the role no longer see it (for an absent colleague: on their behalf).</summary>
    public Task<WorkItemResult> ClaimAsync(Guid id, Actor actor, CancellationToken cancellationToken) =>
        ChangeAsync(id, actor, AuditActions.WorkItemClaimed, (_, _) => null, (item, onBehalf) => Claim(item, actor, onBehalf), cancellationToken);

    /// <summary>Gives a claimed item back to the role's queue.</summary>
    public Task<WorkItemResult> ReleaseAsync(Guid id, Actor actor, CancellationToken cancellationToken) =>
        ChangeAsync(
            id,
            actor,
            AuditActions.WorkItemReleased,
            (item, _) => item.ClaimedByUserId != actor.UserId ? ValidationMessages.Get("WorkItemNotClaimedByYou") : null,
            (item, _) => (item.ClaimedByUserId, item.OnBehalfOfUserId, item.OnBehalfOfName) = (null, null, null),
            cancellationToken);

    /// <summary>
    /// Claims each of <paramref name="ids"/> that is still free (or held by an absent colleague the actor stands in
    /// for), each on its own, so that one taken meanwhile does not undo the others.
    /// </summary>
    public async Task<BulkClaimResult> ClaimManyAsync(IEnumerable<Guid> ids, Actor actor, CancellationToken cancellationToken)
    {
        var claimed = new List<Guid>();
        var notClaimed = new List<Guid>();
        foreach (var id in ids.Distinct())
        {
            var result = await ChangeAsync(
                id,
                actor,
                AuditActions.WorkItemClaimed,
                (item, onBehalf) => item.ClaimedByUserId is not { } holder || holder == onBehalf?.Id ? null : ValidationMessages.Get("WorkItemAlreadyClaimed"),
                (item, onBehalf) => Claim(item, actor, onBehalf),
                cancellationToken);
            (result is WorkItemResult.Done ? claimed : notClaimed).Add(id);
        }

        return new BulkClaimResult(claimed, notClaimed);
    }

    /// <summary>Completes the item with an outcome (and a comment where the task requires one) and resumes its workflow.</summary>
    /// <param name="id">The work item.</param>
    /// <param name="outcome">One of the item's outcomes.</param>
    /// <param name="comment">The actor's comment.</param>
    /// <param name="actor">Who completes it.</param>
    /// <param name="channel">Where: <c>inbox</c>, <c>email</c> or <c>api</c>.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    public async Task<WorkItemResult> CompleteAsync(Guid id, string outcome, string? comment, Actor actor, string channel, CancellationToken cancellationToken)
    {
        var item = await db.WorkItems.Where(await OpenForAsync(actor, cancellationToken)).SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
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

        var onBehalf = await OnBehalfAsync(item, actor, cancellationToken);
        (item.OnBehalfOfUserId, item.OnBehalfOfName) = (onBehalf?.Id, onBehalf?.Name);

        item.Status = WorkItemStatus.Completed;
        item.Outcome = outcome;
        item.Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        item.CompletedByUserId = actor.UserId;
        item.CompletedByName = actor.DisplayName;
        item.Channel = channel;
        item.CompletedAt = clock.GetUtcNow();
        item.Revision++;
        await db.StopRemindersAsync(item.Id, cancellationToken);
        await db.RevokeApprovalLinksAsync(item.Id, ApprovalLinkRevocation.Completed, item.CompletedAt.Value, cancellationToken);
        db.Audit(AuditActions.WorkItemCompleted, "work-item", item.Id, item.CompletedAt.Value, actor, channel, new { item.Outcome, item.Comment, item.Form, item.CorrelationId }, onBehalf?.Name);

        // The item's change is saved in the run's own transaction: both happen, or neither.
        var input = new JsonObject
        {
            ["comment"] = item.Comment,
            ["actorId"] = actor.UserId.ToString(),
            ["actorName"] = actor.DisplayName,
            ["channel"] = channel,
            ["onBehalfOf"] = onBehalf?.Name,
            ["onBehalfOfId"] = onBehalf?.Id.ToString(),
        };
        if (await runtime.ResumeByKeyAsync(HumanTask.TypeName, id.ToString(), new ResumeInput(outcome, input), cancellationToken) is ResumeResult.Resumed)
        {
            return new WorkItemResult.Done(item);
        }

        // Someone else's run resumed the step first: this completion, its audit line and its reminders' removal never happened.
        db.ChangeTracker.Clear();
        return new WorkItemResult.AlreadyHandled();
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

    private static void Claim(WorkItem item, Actor actor, UserRef? onBehalf) =>
        (item.ClaimedByUserId, item.OnBehalfOfUserId, item.OnBehalfOfName) = (actor.UserId, onBehalf?.Id, onBehalf?.Name);

    /// <summary>Whom the actor acts for on <paramref name="item"/> (<see cref="WorkItemAccess.OnBehalfOf"/>).</summary>
    private async Task<UserRef?> OnBehalfAsync(WorkItem item, Actor actor, CancellationToken cancellationToken) =>
        WorkItemAccess.OnBehalfOf(
            item,
            actor,
            WorkItemAccess.ActsOn(item, actor.UserId, actor.AgencyId, actor.Roles) ? [] : await outOfOffice.AbsentForAsync(actor, cancellationToken));

    private async Task<WorkItemResult> ChangeAsync(
        Guid id, Actor actor, string action, Func<WorkItem, UserRef?, string?> refuse, Action<WorkItem, UserRef?> change, CancellationToken cancellationToken)
    {
        var item = await db.WorkItems.Where(await OpenForAsync(actor, cancellationToken)).SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (item is null)
        {
            return new WorkItemResult.NotFound();
        }

        var onBehalf = await OnBehalfAsync(item, actor, cancellationToken);
        if (refuse(item, onBehalf) is { } reason)
        {
            return new WorkItemResult.Refused(reason);
        }

        change(item, onBehalf);
        item.Revision++;
        db.Audit(action, "work-item", item.Id, clock.GetUtcNow(), actor, details: new { item.Form, item.CorrelationId }, onBehalfOf: onBehalf?.Name);
        return await SaveAsync(item, cancellationToken);
    }

    /// <summary>Saves a change of one item; someone else's change since it was read wins.</summary>
    private async Task<WorkItemResult> SaveAsync(WorkItem item, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Forget the losing change (and its audit line), so that the next action of this unit of work starts clean.
            db.ChangeTracker.Clear();
            return new WorkItemResult.AlreadyHandled();
        }

        return new WorkItemResult.Done(item);
    }

    /// <summary><see cref="WorkItemAccess.OpenFor"/> for <paramref name="actor"/>, with the colleagues they stand in for today.</summary>
    private async Task<Expression<Func<WorkItem, bool>>> OpenForAsync(Actor actor, CancellationToken cancellationToken) =>
        WorkItemAccess.OpenFor(actor, await outOfOffice.StandingInForAsync(actor, cancellationToken));
}
