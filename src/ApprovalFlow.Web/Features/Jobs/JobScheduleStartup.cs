using ApprovalFlow.Workflows.Persistence;
using Hangfire;
using Microsoft.Extensions.Options;

namespace ApprovalFlow.Web.Features.Jobs;

/// <summary>
/// At start-up: registers the recurring jobs and, when Hangfire's storage does not survive a restart (in memory),
/// schedules again every timer the database says is waiting.
/// </summary>
public sealed partial class JobScheduleStartup(
    IServiceScopeFactory scopes, IRecurringJobManager recurring, IOptions<JobsOptions> options, JobStorage storage, ILogger<JobScheduleStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        Register(WorkflowTimerJobs.SweepId, () => recurring.AddOrUpdate<WorkflowTimerJobs>(WorkflowTimerJobs.SweepId, j => j.SweepAsync(CancellationToken.None), options.Value.TimerSweepCron));
        Register(ReminderJobs.SweepId, () => recurring.AddOrUpdate<ReminderJobs>(ReminderJobs.SweepId, j => j.SweepAsync(CancellationToken.None), options.Value.ReminderSweepCron));
        Register(MailJobs.DeliverId, () => recurring.AddOrUpdate<MailJobs>(MailJobs.DeliverId, j => j.DeliverAsync(CancellationToken.None), options.Value.MailCron));
        if (storage is not Hangfire.InMemory.InMemoryStorage)
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var timers = await scope.ServiceProvider.GetRequiredService<WorkflowRuntime>().PendingTimersAsync(cancellationToken);
        var scheduler = scope.ServiceProvider.GetRequiredService<IWorkflowTimerScheduler>();
        foreach (var (bookmarkId, resumeAt) in timers)
        {
            scheduler.Schedule(bookmarkId, resumeAt);
        }

        LogRebuilt(logger, timers.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Registers one recurring job. On shared storage another node may hold the job's lock — triggering it, or dead
    /// while it did, until the storage's lock timeout — and the job is registered there already from the same
    /// settings: this node starts anyway rather than fail for it. (Hangfire.PostgreSql's lock exception is internal,
    /// hence the name.)
    /// </summary>
    private void Register(string jobId, Action addOrUpdate)
    {
        try
        {
            addOrUpdate();
        }
        catch (Exception error) when (error is Hangfire.Storage.DistributedLockTimeoutException || error.GetType().FullName == "Hangfire.PostgreSql.PostgreSqlDistributedLockException")
        {
            LogLockBusy(logger, jobId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recurring job {JobId} was not updated at start-up: another node holds its lock; it keeps the stored schedule")]
    private static partial void LogLockBusy(ILogger logger, string jobId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Rebuilt the in-memory job schedule from the database: {Timers} timers")]
    private static partial void LogRebuilt(ILogger logger, int timers);
}
