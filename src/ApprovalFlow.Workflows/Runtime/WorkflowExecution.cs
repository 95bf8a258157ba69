using System.Text.Json.Nodes;
using ApprovalFlow.Workflows.Expressions;
using ApprovalFlow.Workflows.Model;

namespace ApprovalFlow.Workflows.Runtime;

/// <summary>One run of one instance: the state it changes and what it produces (journal lines, events, an incident).</summary>
internal sealed class WorkflowExecution(
    WorkflowDefinition definition, WorkflowState state, ExpressionEvaluator expressions, IServiceProvider services, TimeProvider clock, JsonNode? input)
{
    public WorkflowDefinition Definition { get; } = definition;

    public WorkflowState State { get; } = state;

    public ExpressionEvaluator Expressions { get; } = expressions;

    public IServiceProvider Services { get; } = services;

    public TimeProvider Clock { get; } = clock;

    public List<JournalEntry> JournalEntries { get; } = [];

    public List<PublishedEvent> Published { get; } = [];

    public List<ChildDispatch> Dispatches { get; } = [];

    public List<string> Cancellations { get; } = [];

    public Incident? Incident { get; set; }

    public ExpressionScope Scope() => new(State.Variables)
    {
        WorkflowInstanceId = State.InstanceId,
        CorrelationId = State.CorrelationId,
        Input = input,
    };

    public void Journal(ActivityNode? node, string @event, JsonNode? payload = null) =>
        JournalEntries.Add(new JournalEntry(++State.JournalSequence, node?.Id, node?.Type, @event, Clock.GetUtcNow(), payload));
}
