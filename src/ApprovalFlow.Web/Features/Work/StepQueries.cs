using ApprovalFlow.Identity;
using ApprovalFlow.WorkItems;

namespace ApprovalFlow.Web.Features.Work;

/// <summary>Finds the open work item a step page is about, within what the actor may act on.</summary>
public sealed class StepQueries(WorkItemInbox inbox)
{
    /// <summary>The item when it is open and in <paramref name="actor"/>'s inbox; null otherwise (not told apart, so as not to leak).</summary>
    public async Task<WorkItem?> FindOpenAsync(Guid id, Actor actor, CancellationToken cancellationToken) =>
        (await inbox.OpenItemsAsync(actor, cancellationToken)).FirstOrDefault(i => i.Id == id);

    /// <summary>The actor's open item of <paramref name="form"/> for the proposal or request <paramref name="correlationId"/>.</summary>
    public async Task<WorkItem?> FindOpenForAsync(Guid correlationId, string form, Actor actor, CancellationToken cancellationToken)
    {
        var key = correlationId.ToString();
        return (await inbox.OpenItemsAsync(actor, cancellationToken)).FirstOrDefault(i => i.CorrelationId == key && i.Form == form);
    }
}
