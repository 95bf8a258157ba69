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
        recurring.AddOrUpdate<WorkflowTimerJobs>(WorkflowTimerJobs.SweepId, j => j.SweepAsync(CancellationToken.None), options.Value.TimerSweepCron);
        recurring.AddOrUpdate<ReminderJobs>(ReminderJobs.SweepId, j => j.SweepAsync(CancellationToken.None), options.Value.ReminderSweepCron);
        recurring.AddOrUpdate<MailJobs>(MailJobs.DeliverId, j => j.DeliverAsync(CancellationToken.None), options.Value.MailCron);
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Rebuilt the in-memory job schedule from the database: {Timers} timers")]
    private static partial void LogRebuilt(ILogger logger, int timers);
}
