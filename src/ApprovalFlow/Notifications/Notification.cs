namespace ApprovalFlow.Notifications;

/// <summary>
/// A message to deliver (thông báo), written in the transaction of the change that caused it (the outbox pattern):
/// nothing is announced for a change that rolled back. Mail delivery reads these rows.
/// </summary>
public sealed class Notification
{
    public Guid Id { get; init; } = Guid.NewGuid();

    /// <summary>What it announces: one of <see cref="NotificationKinds"/>, which names its template.</summary>
    public required string Kind { get; init; }

    /// <summary>The work it is about, when it is about work (all kinds but <see cref="NotificationKinds.Decision"/>).</summary>
    public Guid? WorkItemId { get; init; }

    /// <summary>The proposal it is about, when it is about one (a decision issued).</summary>
    public Guid? ProposalId { get; init; }

    /// <summary>A named recipient; otherwise everyone in <see cref="RecipientRole"/> (within <see cref="AgencyId"/> when set).</summary>
    public Guid? RecipientUserId { get; init; }

    public string? RecipientRole { get; init; }

    public Guid? AgencyId { get; init; }

    public DateTimeOffset CreatedAt
    {
        get;
        init
        {
            field = value;
            QueuedAtUtcTicks = value.UtcTicks;
        }
    }

    /// <summary><see cref="CreatedAt"/> as UTC ticks: what lists sort by (SQLite cannot order by an offset date).</summary>
    public long QueuedAtUtcTicks { get; private set; }

    /// <summary>Set when delivered.</summary>
    public DateTimeOffset? DeliveredAt { get; set; }

    /// <summary>The addresses it was delivered to, for the administrators' outbox page.</summary>
    public string? SentTo { get; set; }

    /// <summary>Failed attempts so far; at the configured maximum it waits for an administrator.</summary>
    public int Attempts { get; set; }

    /// <summary>The last failure, e.g. the SMTP server's answer.</summary>
    public string? LastError { get; set; }

    /// <summary>Not before this (UTC ticks): the back-off after a failure.</summary>
    public long NextAttemptAtUtcTicks { get; set; }
}
