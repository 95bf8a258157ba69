using System.Text.Json;
using ApprovalFlow.Workflows.Model;
using ApprovalFlow.Workflows.Runtime;

namespace ApprovalFlow.Workflows.Activities.Core;

/// <summary>Leaves by the label of the first case whose condition holds (or all that hold), else by <c>Default</c>.</summary>
[Activity("Elsa.FlowSwitch", "Flow", "Rẽ nhiều nhánh", "Switch", Outcomes = [DefaultPort], PortsFromInput = "cases")]
public sealed class FlowSwitch : WorkflowActivity
{
    public const string DefaultPort = "Default";

    [Input("Các trường hợp", "Cases", UiHint = UiHints.Json, Required = true,
        DescriptionVi = "Danh sách {label, condition}; condition là biểu thức JavaScript.", DescriptionEn = "A list of {label, condition}; condition is a JavaScript expression.")]
    public List<SwitchCase> Cases { get; set; } = [];

    [Input("Chế độ", "Mode", DefaultValue = "MatchFirst", DescriptionVi = "MatchFirst hoặc MatchAny.", DescriptionEn = "MatchFirst or MatchAny.")]
    public string Mode { get; set; } = "MatchFirst";

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var matches = new List<string>();
        foreach (var @case in Cases)
        {
            var holds = context.Evaluate(new WorkflowExpression(ExpressionTypes.JavaScript, @case.Condition)) is { } value
                && value.GetValueKind() == JsonValueKind.True;
            if (holds)
            {
                matches.Add(@case.Label);
                if (Mode != "MatchAny")
                {
                    break;
                }
            }
        }

        return ValueTask.FromResult(ActivityResult.Complete(matches.Count > 0 ? [.. matches] : [DefaultPort]));
    }
}

/// <summary>A case of a switch: the port it leaves by, and the JavaScript condition that chooses it.</summary>
public sealed record SwitchCase(string Label, string Condition);
