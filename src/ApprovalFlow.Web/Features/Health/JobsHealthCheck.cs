using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ApprovalFlow.Web.Features.Health;

/// <summary>
/// Hangfire's storage answers and a job server has reported in lately: otherwise mail, reminders and timers wait.
/// On PostgreSQL every node's server counts, so one node can report that the cluster still runs its jobs.
/// </summary>
public sealed class JobsHealthCheck(JobStorage storage) : IHealthCheck
{
    /// <summary>Hangfire's servers report every 30 s; a server silent for longer than this is taken for dead.</summary>
    private static readonly TimeSpan Silence = TimeSpan.FromMinutes(2);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            // Hangfire's heartbeats are on the system's clock, whatever clock the app runs on.
            var alive = storage.GetMonitoringApi().Servers().Count(s => s.Heartbeat is { } beat && DateTime.UtcNow - beat < Silence);
            return Task.FromResult(alive > 0
                ? HealthCheckResult.Healthy($"{alive} job server(s) running.")
                : HealthCheckResult.Unhealthy("No job server is running."));
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("The job storage does not answer.", error));
        }
    }
}
