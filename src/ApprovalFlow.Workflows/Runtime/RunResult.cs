namespace ApprovalFlow.Workflows.Runtime;

/// <summary>What a run did to an instance: its new state, and what must be persisted and delivered with it.</summary>
/// <param name="State">The instance after the run.</param>
/// <param name="Journal">The journal lines the run wrote, in order.</param>
/// <param name="Published">Events to deliver once the run is committed.</param>
/// <param name="Incident">The fault that stopped the run, if one did.</param>
/// <param name="CreatedBookmarks">Bookmarks the run created (timers among them need scheduling).</param>
/// <param name="Dispatches">Child instances to start once the run is committed.</param>
public sealed record RunResult(
    WorkflowState State,
    IReadOnlyList<JournalEntry> Journal,
    IReadOnlyList<PublishedEvent> Published,
    Incident? Incident,
    IReadOnlyList<Bookmark> CreatedBookmarks,
    IReadOnlyList<ChildDispatch> Dispatches)
{
    /// <summary>Other instances to cancel once the run is committed.</summary>
    public IReadOnlyList<string> Cancellations { get; init; } = [];
}
