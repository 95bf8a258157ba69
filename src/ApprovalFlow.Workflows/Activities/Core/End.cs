using ApprovalFlow.Workflows.Runtime;

namespace ApprovalFlow.Workflows.Activities.Core;

/// <summary>Ends the workflow, cancelling whatever else still waits.</summary>
[Activity("Elsa.End", "Flow", "Kết thúc", "End", Outcomes = [])]
public sealed class End : WorkflowActivity
{
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) => ValueTask.FromResult(ActivityResult.EndWorkflow);
}
