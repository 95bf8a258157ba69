using ApprovalFlow.Reminders;
using Hangfire;

namespace ApprovalFlow.Web.Features.Jobs;

/// <summary>The reminder sweep as a recurring Hangfire job; the database decides what is due and what was sent.</summary>
public sealed class ReminderJobs(ReminderSweep sweep, IBackgroundJobClient jobs)
{
    /// <summary>The recurring job's id in Hangfire.</summary>
    public const string SweepId = "reminders";

    [DisableConcurrentExecution(timeoutInSeconds: 300)]
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var sent = await sweep.RunAsync(cancellationToken);
        if (sent > 0)
        {
            // Deliver now rather than at the next minute; the delivery job runs one at a time, so this never races it.
            jobs.Enqueue<MailJobs>(j => j.DeliverAsync(CancellationToken.None));
        }

        return sent;
    }
}
