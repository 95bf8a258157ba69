using ApprovalFlow.Workflows.Runtime;

namespace ApprovalFlow.Workflows.Activities.Core;

/// <summary>Leaves by <c>True</c> or <c>False</c> as its condition says.</summary>
[Activity("Elsa.FlowDecision", "Flow", "Rẽ nhánh theo điều kiện", "Decision", Outcomes = ["True", "False"])]
public sealed class FlowDecision : WorkflowActivity
{
    [Input("Điều kiện", "Condition", UiHint = UiHints.Code, Required = true)]
    public bool Condition { get; set; }

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) =>
        ValueTask.FromResult(ActivityResult.Complete(Condition ? "True" : "False"));
}
