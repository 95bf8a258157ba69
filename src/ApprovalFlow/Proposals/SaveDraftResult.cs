namespace ApprovalFlow.Proposals;

/// <summary>What became of a draft save; exactly one of the nested cases.</summary>
public abstract record SaveDraftResult
{
    private SaveDraftResult()
    {
    }

    /// <summary>Stored as a new revision.</summary>
    public sealed record Saved(Proposal Proposal) : SaveDraftResult;

    /// <summary>No such proposal, or one the actor may not see (the two are not told apart, so as not to leak).</summary>
    public sealed record NotFound : SaveDraftResult;

    /// <summary>Visible, but the actor may not change it now (not its staff, or no longer a draft).</summary>
    public sealed record Forbidden : SaveDraftResult;

    /// <summary>Rejected field by field; nothing was stored.</summary>
    public sealed record Invalid(IReadOnlyList<ValidationIssue> Issues) : SaveDraftResult;

    /// <summary>
    /// Someone saved since the editor's base revision; nothing was stored. <paramref name="Changes"/> lists what the
    /// other save(s) changed, so the editor can merge by hand and save again on top of <paramref name="Current"/>.
    /// </summary>
    public sealed record Conflict(Proposal Current, IReadOnlyList<ContentChange> Changes) : SaveDraftResult;
}
