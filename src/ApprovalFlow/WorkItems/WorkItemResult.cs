namespace ApprovalFlow.WorkItems;

/// <summary>What became of an action on a work item; exactly one of the nested cases.</summary>
public abstract record WorkItemResult
{
    private WorkItemResult()
    {
    }

    public sealed record Done(WorkItem Item) : WorkItemResult;

    /// <summary>No such item in the actor's inbox (not told apart from "not yours", so as not to leak).</summary>
    public sealed record NotFound : WorkItemResult;

    /// <summary>Refused, with the reason in the user's language.</summary>
    public sealed record Refused(string Message) : WorkItemResult;

    /// <summary>Someone completed it first (or it was cancelled): nothing was done.</summary>
    public sealed record AlreadyHandled : WorkItemResult;
}

/// <summary>What a bulk claim did: the items now the actor's, and those someone had taken (or that are gone).</summary>
public sealed record BulkClaimResult(IReadOnlyList<Guid> Claimed, IReadOnlyList<Guid> NotClaimed);
