using System.Text.Json.Nodes;
using ApprovalFlow.Workflows.Runtime;

namespace ApprovalFlow.Workflows.Activities.Core;

/// <summary>Sets a workflow variable to a value.</summary>
[Activity("Elsa.SetVariable", "Primitives", "Gán biến", "Set variable")]
public sealed class SetVariable : WorkflowActivity
{
    [Input("Biến", "Variable", UiHint = UiHints.VariablePicker, Required = true)]
    public JsonNode? Variable { get; set; }

    [Input("Giá trị", "Value", UiHint = UiHints.Code)]
    public JsonNode? Value { get; set; }

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        // Elsa writes the variable as its whole definition ({id, name, …}); a plain name works too.
        var reference = Variable is JsonObject obj ? obj["name"]?.GetValue<string>() ?? obj["id"]?.GetValue<string>() : Variable?.GetValue<string>();
        var name = context.Definition.Variables.FirstOrDefault(v => v.Id == reference)?.Name ?? reference
            ?? throw new InvalidOperationException("SetVariable names no variable.");
        context.SetVariable(name, Value?.DeepClone());
        return ValueTask.FromResult(ActivityResult.Complete(ActivityResult.Done));
    }
}
