namespace ApprovalFlow.Audit;

/// <summary>
/// One line of the append-only audit log (nhật ký kiểm toán): a change of state or a document, who made it (and on
/// whose behalf), through which channel, chained to the line before by a SHA-256 hash so that an altered or deleted
/// line breaks the chain.
/// </summary>
public sealed class AuditEntry
{
    /// <summary>The row's identity; the chain's order is <see cref="Sequence"/>, which is only known at save time.</summary>
    public Guid Id { get; init; } = Guid.NewGuid();

    /// <summary>1, 2, 3…: assigned when the line is saved; unique, so two writers cannot fork the chain.</summary>
    public long Sequence { get; set; }

    /// <summary>When, to the millisecond (what both databases keep exactly, so the hash survives a round trip).</summary>
    public DateTimeOffset At { get; set; }

    /// <summary>What happened, e.g. <c>proposal.saved</c>, <c>work-item.completed</c>.</summary>
    public required string Action { get; init; }

    /// <summary>What it happened to, e.g. <c>proposal</c>, <c>work-item</c>, <c>request</c>.</summary>
    public required string EntityType { get; init; }

    public required string EntityId { get; init; }

    /// <summary>Empty for the system (a timer, a workflow step).</summary>
    public Guid? ActorId { get; init; }

    public string? ActorName { get; init; }

    /// <summary>The absent user a substitute acted for.</summary>
    public string? OnBehalfOfName { get; init; }

    /// <summary>inbox, email, api or system.</summary>
    public string? Channel { get; init; }

    /// <summary>The particulars as JSON: outcome, comment, revision, status, a document's SHA-256…</summary>
    public string? Details { get; init; }

    public string PreviousHash { get; set; } = "";

    public string Hash { get; set; } = "";
}
