namespace ApprovalFlow.EmailApproval;

/// <summary>
/// A link in a mail from which one person may act on one work item (duyệt qua thư). Only the SHA-256 of its token is
/// kept: the token itself exists in the mail alone. It is bound to the item, the approver and the revision of what
/// they approve (<see cref="SubjectRevision"/>), and works once, until <see cref="ExpiresAt"/>.
/// </summary>
public sealed class ApprovalLink
{
    public Guid Id { get; init; } = Guid.NewGuid();

    /// <summary>Lower-case hex SHA-256 of the token.</summary>
    public required string TokenHash { get; init; }

    public Guid WorkItemId { get; init; }

    public Guid ApproverUserId { get; init; }

    /// <summary>What the approver saw when the mail was written (<see cref="ApprovalSubjects"/>): an edit since kills the link.</summary>
    public required string SubjectRevision { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset ExpiresAt { get; init; }

    public DateTimeOffset? UsedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    /// <summary>Why it died: <see cref="ApprovalLinkRevocation"/>.</summary>
    public string? RevokedReason { get; set; }

    /// <summary>Marks the link dead unless it was used or is already dead.</summary>
    public void Revoke(string reason, DateTimeOffset at)
    {
        if (UsedAt is null && RevokedAt is null)
        {
            (RevokedAt, RevokedReason) = (at, reason);
        }
    }
}

/// <summary>Why a link died.</summary>
public static class ApprovalLinkRevocation
{
    /// <summary>The work item was completed (by anyone, from anywhere).</summary>
    public const string Completed = "completed";

    /// <summary>The work item was given to someone else.</summary>
    public const string Reassigned = "reassigned";

    /// <summary>What the link approves changed after the mail was written.</summary>
    public const string Edited = "edited";
}
