using System.Text.Json.Nodes;

namespace ApprovalFlow.Workflows.Model;

/// <summary>An activity as it stands in a definition: its type, its inputs as expressions, where its outputs go.</summary>
public sealed class ActivityNode
{
    public required string Id { get; set; }

    /// <summary>The activity type's name, e.g. <c>Elsa.FlowDecision</c> or <c>ApprovalFlow.HumanTask</c>.</summary>
    public required string Type { get; set; }

    /// <summary>The designer's name for it, e.g. <c>Decision1</c>.</summary>
    public string? Name { get; set; }

    /// <summary>Elsa's path of the node, e.g. <c>Workflow1:root:a1</c>; kept as read.</summary>
    public string? NodeId { get; set; }

    public int Version { get; set; } = 1;

    /// <summary>Input values by input name (camelCase, as Elsa writes them at the activity's level).</summary>
    public Dictionary<string, InputValue> Inputs { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Output bindings by output name: which variable receives the output.</summary>
    public Dictionary<string, OutputBinding> Outputs { get; init; } = new(StringComparer.Ordinal);

    /// <summary><c>customProperties</c> (canStartWorkflow, runAsynchronously, mergeMode, …), kept as read.</summary>
    public JsonObject CustomProperties { get; init; } = [];

    /// <summary><c>metadata</c>, where the designer keeps <c>designer.position</c> and <c>designer.size</c>.</summary>
    public JsonObject Metadata { get; init; } = [];

    /// <summary>A flowchart's activities; empty for other activities.</summary>
    public List<ActivityNode> Activities { get; init; } = [];

    /// <summary>A flowchart's connections; empty for other activities.</summary>
    public List<Connection> Connections { get; init; } = [];

    /// <summary>A flowchart's own variables, kept as read.</summary>
    public JsonArray? FlowchartVariables { get; set; }

    /// <summary>Whatever else the activity object held.</summary>
    public JsonObject Extra { get; init; } = [];

    /// <summary>Whether the designer marked it as a place where the workflow may start (Elsa's <c>canStartWorkflow</c>).</summary>
    public bool CanStartWorkflow => CustomProperties["canStartWorkflow"]?.GetValueKind() == System.Text.Json.JsonValueKind.True;
}
