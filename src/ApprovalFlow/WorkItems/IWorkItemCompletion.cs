namespace ApprovalFlow.WorkItems;

/// <summary>
/// What a step's form requires before an outcome is accepted, whichever channel it comes from (a page, the API, an
/// e-mail link). Runs in the completion's unit of work: it may refuse, or complete the record (defaults, say).
/// </summary>
public interface IWorkItemCompletion
{
    /// <summary>Null to let the completion go on; otherwise why not, in the user's language.</summary>
    Task<string?> PrepareAsync(WorkItem item, string outcome, CancellationToken cancellationToken);
}
