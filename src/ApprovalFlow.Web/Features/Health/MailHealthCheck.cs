using System.Net.Sockets;
using ApprovalFlow.Notifications;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ApprovalFlow.Web.Features.Health;

/// <summary>
/// The SMTP server accepts a connection. Its failure is <see cref="HealthStatus.Degraded"/>, never unhealthy: mail
/// waits in the outbox and is delivered when the server is back, while the app goes on working.
/// </summary>
public sealed class MailHealthCheck(MailOptions options) : IHealthCheck
{
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(3);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(options.Host))
        {
            return HealthCheckResult.Healthy("Mail is written to files (no SMTP server configured).");
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ConnectTimeout);
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(options.Host, options.Port, timeout.Token);
            return HealthCheckResult.Healthy("The SMTP server accepts connections.");
        }
        catch (Exception error) when (error is SocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            // Host and port stay out of the answer, which anyone may read; the log has them.
            return HealthCheckResult.Degraded("The SMTP server cannot be reached; mail waits in the outbox.", error);
        }
    }
}
