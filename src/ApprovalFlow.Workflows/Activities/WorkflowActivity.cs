using ApprovalFlow.Workflows.Runtime;

namespace ApprovalFlow.Workflows.Activities;

/// <summary>
/// The base of every activity. A new instance runs each time, its <see cref="InputAttribute"/> properties already
/// set from the definition; it completes with outcomes, or suspends on a bookmark until resumed.
/// </summary>
public abstract class WorkflowActivity
{
    /// <summary>Runs the activity when the flowchart reaches it.</summary>
    public abstract ValueTask<ActivityResult> ExecuteAsync(ActivityContext context);

    /// <summary>Continues after a bookmark of this activity was resumed; by default leaves by the outcome given, or <c>Done</c>.</summary>
    public virtual ValueTask<ActivityResult> ResumeAsync(ActivityContext context, ResumeInput resume) =>
        ValueTask.FromResult(ActivityResult.Complete(resume.Outcome ?? ActivityResult.Done));
}
