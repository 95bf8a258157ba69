using System.Text.Json.Nodes;
using ApprovalFlow.Workflows.Activities;
using ApprovalFlow.Workflows.Expressions;
using ApprovalFlow.Workflows.Model;

namespace ApprovalFlow.Workflows.Runtime;

/// <summary>What a running activity may see and do: its node, the instance's variables, expressions, the journal.</summary>
public sealed class ActivityContext
{
    private readonly WorkflowExecution execution;

    internal ActivityContext(WorkflowExecution execution, ActivityNode node, string? fromActivityId)
    {
        this.execution = execution;
        Node = node;
        FromActivityId = fromActivityId;
    }

    public ActivityNode Node { get; }

    /// <summary>The activity whose outcome led here; null for the first activity and for resumes.</summary>
    public string? FromActivityId { get; }

    public string InstanceId => execution.State.InstanceId;

    public string? CorrelationId => execution.State.CorrelationId;

    public DateTimeOffset Now => execution.Clock.GetUtcNow();

    public IServiceProvider Services => execution.Services;

    public WorkflowDefinition Definition => execution.Definition;

    /// <summary>The state being run; activities with state of their own (joins) keep it here.</summary>
    public WorkflowState State => execution.State;

    public JsonNode? GetVariable(string name) => execution.State.Variables.TryGetValue(name, out var value) ? value : null;

    public void SetVariable(string name, JsonNode? value) => execution.State.Variables[name] = value;

    /// <summary>Evaluates an expression in this instance's scope.</summary>
    public JsonNode? Evaluate(WorkflowExpression expression) => execution.Expressions.Evaluate(expression, execution.Scope());

    /// <summary>Renders a Liquid template in this instance's scope, HTML-encoding values for HTML output.</summary>
    public string RenderLiquid(string template, bool htmlEncode) => ExpressionEvaluator.RenderLiquid(template, execution.Scope(), htmlEncode);

    /// <summary>The ids of the activities with a connection into this one.</summary>
    public IReadOnlyList<string> InboundActivityIds() =>
        [.. execution.Definition.Root.Connections.Where(c => c.Target.Activity == Node.Id).Select(c => c.Source.Activity).Distinct(StringComparer.Ordinal)];

    /// <summary>Writes a line to the instance's journal.</summary>
    public void Log(string message) => execution.Journal(Node, JournalEvents.Log, JsonValue.Create(message));

    /// <summary>Publishes an event, delivered to every instance waiting on it once this run is committed.</summary>
    public void Publish(PublishedEvent published) => execution.Published.Add(published);

    /// <summary>Asks for a child instance, started once this run is committed.</summary>
    public void Dispatch(ChildDispatch child) => execution.Dispatches.Add(child);

    /// <summary>Asks for another instance to be cancelled once this run is committed (a proposal left out when its request closes).</summary>
    public void CancelInstance(string instanceId) => execution.Cancellations.Add(instanceId);
}
