namespace ApprovalFlow.Notifications;

/// <summary>
/// A message to deliver (thông báo), written in the transaction of the change that caused it (the outbox pattern):
/// nothing is announced for a change that rolled back. Mail delivery reads these rows.
/// </summary>
public sealed class Notification
{
    public Guid Id { get; init; } = Guid.NewGuid();

    /// <summary>What it announces: <c>reminder</c>, <c>due-today</c>, <c>overdue</c>, <c>escalation</c>…</summary>
    public required string Kind { get; init; }

    public Guid? WorkItemId { get; init; }

    /// <summary>A named recipient; otherwise everyone in <see cref="RecipientRole"/> (within <see cref="AgencyId"/> when set).</summary>
    public Guid? RecipientUserId { get; init; }

    public string? RecipientRole { get; init; }

    public Guid? AgencyId { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Set when delivered.</summary>
    public DateTimeOffset? DeliveredAt { get; set; }

    /// <summary>Failed attempts so far; at the configured maximum it waits for an administrator.</summary>
    public int Attempts { get; set; }

    /// <summary>The last failure, e.g. the SMTP server's answer.</summary>
    public string? LastError { get; set; }

    /// <summary>Not before this (UTC ticks): the back-off after a failure.</summary>
    public long NextAttemptAtUtcTicks { get; set; }
}
