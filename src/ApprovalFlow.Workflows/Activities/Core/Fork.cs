using ApprovalFlow.Workflows.Runtime;

namespace ApprovalFlow.Workflows.Activities.Core;

/// <summary>Leaves by every one of its branches at once.</summary>
[Activity("Elsa.Fork", "Flow", "Tách nhánh song song", "Fork", Outcomes = [], PortsFromInput = "branches")]
public sealed class Fork : WorkflowActivity
{
    [Input("Các nhánh", "Branches", UiHint = UiHints.OutcomeList, Required = true)]
    public List<string> Branches { get; set; } = [];

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) =>
        ValueTask.FromResult(ActivityResult.Complete([.. Branches]));
}
