using ApprovalFlow.Workflows.Persistence;
using Hangfire;

namespace ApprovalFlow.Web.Features.Jobs;

/// <summary>
/// The engine's timers as Hangfire jobs: one scheduled job per timer at its due moment, and a sweep every minute that
/// resumes whatever is due and was not resumed (a node that died between commit and schedule, say). Both ask the
/// database, so a timer fires once however many jobs point at it.
/// </summary>
public sealed class WorkflowTimerJobs(WorkflowRuntime runtime, IBackgroundJobClient jobs, TimeProvider clock)
{
    /// <summary>The recurring sweep's id in Hangfire.</summary>
    public const string SweepId = "workflow-timers";

    [AutomaticRetry(Attempts = 3)]
    public async Task ResumeAsync(string bookmarkId, CancellationToken cancellationToken)
    {
        // Hangfire may start a scheduled job a little before its moment by the app's clock: wait out the rest.
        if (await runtime.ResumeTimerIfDueAsync(bookmarkId, clock.GetUtcNow(), cancellationToken) is { } rest)
        {
            jobs.Schedule<WorkflowTimerJobs>(j => j.ResumeAsync(bookmarkId, CancellationToken.None), rest);
        }
    }

    /// <summary>Resumes every timer due; sweeps may overlap across nodes, as each resume takes the instance's lock and the bookmark only once.</summary>
    public Task<int> SweepAsync(CancellationToken cancellationToken) => runtime.ResumeDueTimersAsync(clock.GetUtcNow(), cancellationToken);
}

/// <summary>Tells Hangfire of each committed timer bookmark.</summary>
public sealed class HangfireTimerScheduler(IBackgroundJobClient jobs) : IWorkflowTimerScheduler
{
    public void Schedule(string bookmarkId, DateTimeOffset resumeAt) =>
        jobs.Schedule<WorkflowTimerJobs>(j => j.ResumeAsync(bookmarkId, CancellationToken.None), resumeAt);
}
