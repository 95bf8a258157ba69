using ApprovalFlow.Workflows.Runtime;

namespace ApprovalFlow.Workflows.Activities.Core;

/// <summary>Waits for a while; the host's scheduler resumes the bookmark when it is due.</summary>
[Activity("Elsa.Delay", "Scheduling", "Chờ một khoảng thời gian", "Delay")]
public sealed class Delay : WorkflowActivity
{
    [Input("Thời gian chờ", "Duration", UiHint = UiHints.Duration, Required = true)]
    public TimeSpan Duration { get; set; }

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) =>
        ValueTask.FromResult(ActivityResult.Suspend(new BookmarkRequest("Elsa.Delay", ResumeAt: context.Now + Duration)));
}

/// <summary>Waits one interval (Elsa's timer; as a start it is the host's scheduler that starts instances).</summary>
[Activity("Elsa.Timer", "Scheduling", "Hẹn giờ", "Timer")]
public sealed class Timer : WorkflowActivity
{
    [Input("Chu kỳ", "Interval", UiHint = UiHints.Duration, Required = true)]
    public TimeSpan Interval { get; set; }

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) =>
        ValueTask.FromResult(ActivityResult.Suspend(new BookmarkRequest("Elsa.Timer", ResumeAt: context.Now + Interval)));
}

/// <summary>Waits until a moment.</summary>
[Activity("Elsa.StartAt", "Scheduling", "Chờ đến thời điểm", "Start at")]
public sealed class StartAt : WorkflowActivity
{
    [Input("Thời điểm", "Date and time", UiHint = UiHints.DateTime, Required = true)]
    public DateTimeOffset DateTime { get; set; }

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) =>
        ValueTask.FromResult(DateTime <= context.Now
            ? ActivityResult.Complete(ActivityResult.Done)
            : ActivityResult.Suspend(new BookmarkRequest("Elsa.StartAt", ResumeAt: DateTime)));
}
