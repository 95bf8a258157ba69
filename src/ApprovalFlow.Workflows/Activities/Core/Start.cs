using ApprovalFlow.Workflows.Runtime;

namespace ApprovalFlow.Workflows.Activities.Core;

/// <summary>Where the workflow begins.</summary>
[Activity(TypeName, "Flow", "Bắt đầu", "Start")]
public sealed class Start : WorkflowActivity
{
    public const string TypeName = "Elsa.Start";

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) => ValueTask.FromResult(ActivityResult.Complete(ActivityResult.Done));
}
