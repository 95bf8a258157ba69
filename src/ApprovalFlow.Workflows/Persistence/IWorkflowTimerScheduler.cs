namespace ApprovalFlow.Workflows.Persistence;

/// <summary>
/// The host's scheduler for timers (<c>Elsa.Delay</c>, <c>Elsa.Timer</c>, <c>Elsa.StartAt</c>): told of each timer
/// bookmark once its run has committed, it resumes the bookmark when due. The bookmark row is the truth; a timer
/// scheduled twice, or scheduled and then swept, is still resumed once.
/// </summary>
public interface IWorkflowTimerScheduler
{
    void Schedule(string bookmarkId, DateTimeOffset resumeAt);
}
