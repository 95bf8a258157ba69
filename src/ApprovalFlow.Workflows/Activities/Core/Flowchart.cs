using ApprovalFlow.Workflows.Runtime;

namespace ApprovalFlow.Workflows.Activities.Core;

/// <summary>The root container: its activities and connections are what the runner walks; it never runs itself.</summary>
[Activity(TypeName, "Flow", "Lưu đồ", "Flowchart")]
public sealed class Flowchart : WorkflowActivity
{
    public const string TypeName = "Elsa.Flowchart";

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) =>
        throw new InvalidOperationException("A flowchart is run by the runner, not as an activity.");
}
