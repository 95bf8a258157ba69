using ApprovalFlow.Reminders;
using Hangfire;

namespace ApprovalFlow.Web.Features.Jobs;

/// <summary>The reminder sweep as a recurring Hangfire job; the database decides what is due and what was sent.</summary>
public sealed class ReminderJobs(ReminderSweep sweep)
{
    /// <summary>The recurring job's id in Hangfire.</summary>
    public const string SweepId = "reminders";

    [DisableConcurrentExecution(timeoutInSeconds: 300)]
    public Task<int> SweepAsync(CancellationToken cancellationToken) => sweep.RunAsync(cancellationToken);
}
