using ApprovalFlow.Notifications;
using ApprovalFlow.Web.Hosting;
using Hangfire;
using Microsoft.Extensions.Options;

namespace ApprovalFlow.Web.Features.Jobs;

/// <summary>Delivers the notification outbox; recurring, and enqueued after each reminder sweep that queued mail.</summary>
public sealed class MailJobs(NotificationDelivery delivery, IOptions<ApprovalFlowOptions> app)
{
    /// <summary>The recurring job's id in Hangfire.</summary>
    public const string DeliverId = "mail";

    /// <summary>Where links in mail point when no address is configured: the embedded default's.</summary>
    public const string DefaultBaseUrl = "http://127.0.0.1:5080";

    /// <summary>
    /// Delivers the outbox. Deliveries may overlap, on one node or several: each message is claimed in the database
    /// before it is sent. (A Hangfire distributed lock instead would stall every node's mail, after a node died holding
    /// it, until the storage's lock timeout.)
    /// </summary>
    public Task<int> DeliverAsync(CancellationToken cancellationToken) =>
        delivery.DeliverPendingAsync(app.Value.BaseUrl ?? DefaultBaseUrl, cancellationToken);
}
