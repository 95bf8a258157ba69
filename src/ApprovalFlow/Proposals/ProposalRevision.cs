namespace ApprovalFlow.Proposals;

/// <summary>
/// The content as it stood after one save. Kept so that a conflicting editor can be shown what changed since
/// the revision they started from, and so that later steps can point at the exact revision they approved.
/// </summary>
public sealed class ProposalRevision
{
    public long Id { get; init; }

    public Guid ProposalId { get; init; }

    public int Revision { get; init; }

    public required ProposalContent Content { get; init; }

    public DateTimeOffset SavedAt { get; init; }

    public Guid? SavedById { get; init; }

    public string? SavedByName { get; init; }
}
