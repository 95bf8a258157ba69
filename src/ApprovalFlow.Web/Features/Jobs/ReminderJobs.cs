using ApprovalFlow.Reminders;
using Hangfire;

namespace ApprovalFlow.Web.Features.Jobs;

/// <summary>The reminder sweep as a recurring Hangfire job; the database decides what is due and what was sent.</summary>
public sealed class ReminderJobs(ReminderSweep sweep, IBackgroundJobClient jobs)
{
    /// <summary>The recurring job's id in Hangfire.</summary>
    public const string SweepId = "reminders";

    /// <summary>
    /// Sends the reminders due. Sweeps may overlap across nodes: each reminder is claimed by one statement (see
    /// <see cref="ReminderSweep"/>), so no Hangfire lock is needed, and none is left held by a node that died.
    /// </summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var sent = await sweep.RunAsync(cancellationToken);
        if (sent > 0)
        {
            // Deliver now rather than at the next minute; deliveries claim each message, so this never sends one twice.
            jobs.Enqueue<MailJobs>(j => j.DeliverAsync(CancellationToken.None));
        }

        return sent;
    }
}
