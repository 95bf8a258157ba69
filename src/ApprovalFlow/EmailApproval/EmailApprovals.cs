using ApprovalFlow.Audit;
using ApprovalFlow.Data;
using ApprovalFlow.WorkItems;

namespace ApprovalFlow.EmailApproval;

/// <summary>
/// Acting from a mail link: the link is checked again at the moment of acting, used in the same transaction as the
/// item's completion (so that two presses of the same link, or a press and an inbox completion, act once), and the
/// completion is recorded with the channel <c>email</c>.
/// </summary>
public sealed class EmailApprovals(ApprovalFlowDbContext db, ApprovalLinks links, WorkItemInbox inbox, EmailApprovalOptions options, TimeProvider clock)
{
    /// <summary>The channel recorded on the item, its audit line and the timeline.</summary>
    public const string Channel = "email";

    /// <summary>Whether the step needs its approver signed in before the link acts (<see cref="EmailApprovalOptions.SignInRequiredForRoles"/>).</summary>
    public bool RequiresSignIn(WorkItem item) => item.AssigneeRole is { } role && options.SignInRequiredForRoles.Contains(role, StringComparer.Ordinal);

    /// <summary>Completes the link's item with <paramref name="outcome"/> as the link's approver.</summary>
    /// <param name="token">The token from the mail.</param>
    /// <param name="workItemId">The item the confirmation page showed: a token acts on its own item only.</param>
    /// <param name="outcome">Approve, Return…: one of the item's outcomes.</param>
    /// <param name="comment">Required for the outcomes the step names.</param>
    /// <param name="signedInUserId">Who is signed in, if anyone (see <see cref="RequiresSignIn"/>).</param>
    /// <param name="client">Where the press came from, for the audit log.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    public async Task<EmailActionResult> ActAsync(
        string token, Guid workItemId, string outcome, string? comment, Guid? signedInUserId, EmailClient client, CancellationToken cancellationToken)
    {
        if (await links.FindAsync(token, cancellationToken) is not ApprovalLinkState.Valid valid)
        {
            return new EmailActionResult.LinkNotValid(await links.FindAsync(token, cancellationToken));
        }

        var (link, item, approver) = (valid.Link, valid.Item, valid.Approver);
        var now = clock.GetUtcNow();
        if (item.Id != workItemId)
        {
            db.Audit(AuditActions.ApprovalLinkRefused, "work-item", workItemId, now, approver, Channel, new { reason = "other-item", linkItem = item.Id, client.Address, client.UserAgent });
            await db.SaveChangesAsync(cancellationToken);
            return new EmailActionResult.WrongItem();
        }

        if (RequiresSignIn(item) && signedInUserId != approver.UserId)
        {
            return new EmailActionResult.SignInRequired(approver.UserId);
        }

        link.UsedAt = now;
        db.Audit(AuditActions.ApprovalLinkUsed, "work-item", item.Id, now, approver, Channel, new { outcome, link.SubjectRevision, client.Address, client.UserAgent });
        switch (await inbox.CompleteAsync(item.Id, outcome, comment, approver, Channel, cancellationToken))
        {
            case WorkItemResult.Done:
                return new EmailActionResult.Done(item, outcome);
            case WorkItemResult.Refused refused:
                // Nothing was saved: the link stays usable once the approver fixes what was refused (a missing comment).
                db.ChangeTracker.Clear();
                return new EmailActionResult.Refused(refused.Message);
            default:
                db.ChangeTracker.Clear();
                return new EmailActionResult.LinkNotValid(await links.FindAsync(token, cancellationToken));
        }
    }
}

/// <summary>Where a press on a link came from.</summary>
public sealed record EmailClient(string? Address, string? UserAgent);

/// <summary>What pressing a button on the confirmation page did.</summary>
public abstract record EmailActionResult
{
    private EmailActionResult()
    {
    }

    public sealed record Done(WorkItem Item, string Outcome) : EmailActionResult;

    /// <summary>The step refused the outcome (e.g. a return without a comment); nothing changed.</summary>
    public sealed record Refused(string Message) : EmailActionResult;

    /// <summary>The link is used, expired, revoked or unknown: <see cref="State"/> says which.</summary>
    public sealed record LinkNotValid(ApprovalLinkState State) : EmailActionResult;

    /// <summary>The token belongs to another work item than the page posted.</summary>
    public sealed record WrongItem : EmailActionResult;

    /// <summary>The step needs the approver signed in first.</summary>
    public sealed record SignInRequired(Guid ApproverUserId) : EmailActionResult;
}
