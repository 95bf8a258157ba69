using ApprovalFlow.Data;
using ApprovalFlow.Identity;
using ApprovalFlow.WorkItems;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Notifications;

/// <summary>
/// Delivers the notifications the outbox holds: each to its named recipient, or to every member of its role (within
/// its agency). A delivery that fails is tried again later with back-off and never touches the workflow that queued it.
/// Several deliveries may run at once (one per node): each notification is claimed before it is sent, so one node
/// sends it and the others pass it by.
/// </summary>
public sealed class NotificationDelivery(ApprovalFlowDbContext db, IMailTransport transport, MailOptions options, TimeProvider clock)
{
    /// <summary>
    /// How long a claim keeps other deliveries off a notification: far longer than a send takes. Only a node that died
    /// between its claim and its record of the send leaves one behind; another node sends it once the claim lapses.
    /// </summary>
    public static readonly TimeSpan ClaimLease = TimeSpan.FromMinutes(5);

    /// <summary>Delivers what is waiting and due for another attempt; returns how many were delivered.</summary>
    public async Task<int> DeliverPendingAsync(string baseUrl, CancellationToken cancellationToken)
    {
        var nowTicks = clock.GetUtcNow().UtcTicks;
        var pending = await db.Notifications
            .Where(n => n.DeliveredAt == null && n.Attempts < options.MaxAttempts && n.NextAttemptAtUtcTicks <= nowTicks)
            .OrderBy(n => n.NextAttemptAtUtcTicks).Take(200).ToListAsync(cancellationToken);
        var delivered = 0;
        foreach (var notification in pending)
        {
            if (!await ClaimAsync(notification, cancellationToken))
            {
                continue; // another node's delivery has it
            }

            try
            {
                var item = await db.WorkItems.AsNoTracking().SingleAsync(i => i.Id == notification.WorkItemId, cancellationToken);
                foreach (var recipient in await RecipientsAsync(notification, cancellationToken))
                {
                    await transport.SendAsync(NotificationMail.Render(notification, item, recipient, options, baseUrl), cancellationToken);
                }

                notification.DeliveredAt = clock.GetUtcNow();
                notification.LastError = null;
                delivered++;
            }
            catch (Exception error) when (error is MailKit.Net.Smtp.SmtpCommandException or MailKit.Net.Smtp.SmtpProtocolException or IOException or System.Net.Sockets.SocketException or MailKit.ServiceNotConnectedException or MailKit.Security.AuthenticationException)
            {
                // Wait 1, 2, 4, 8… minutes before the next attempt; an administrator sees the error meanwhile.
                notification.Attempts++;
                notification.LastError = error.Message;
                notification.NextAttemptAtUtcTicks = clock.GetUtcNow().AddMinutes(Math.Pow(2, notification.Attempts - 1)).UtcTicks;
            }

            // Saved one by one: a message handed over is never handed over again because a later one failed.
            await db.SaveChangesAsync(cancellationToken);
        }

        return delivered;
    }

    /// <summary>
    /// Takes <paramref name="notification"/> for this delivery by moving its next attempt past the lease, only if no
    /// one moved it since it was read: of concurrent deliveries, exactly one sees a row updated.
    /// </summary>
    private async Task<bool> ClaimAsync(Notification notification, CancellationToken cancellationToken)
    {
        var seen = notification.NextAttemptAtUtcTicks;
        var claimed = await db.Notifications
            .Where(n => n.Id == notification.Id && n.DeliveredAt == null && n.NextAttemptAtUtcTicks == seen)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.NextAttemptAtUtcTicks, clock.GetUtcNow().Add(ClaimLease).UtcTicks), cancellationToken);
        return claimed == 1;
    }

    private async Task<List<NotificationMail.Recipient>> RecipientsAsync(Notification notification, CancellationToken cancellationToken)
    {
        var users = db.Users.AsNoTracking().Where(u => u.Email != null);
        if (notification.RecipientUserId is { } userId)
        {
            users = users.Where(u => u.Id == userId);
        }
        else if (notification.RecipientRole is { } role)
        {
            var roleId = await db.Roles.Where(r => r.Name == role).Select(r => r.Id).SingleOrDefaultAsync(cancellationToken);
            users = users.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == roleId));
            if (notification.AgencyId is { } agencyId)
            {
                users = users.Where(u => u.AgencyId == agencyId);
            }
        }
        else
        {
            return [];
        }

        return await users.Select(u => new NotificationMail.Recipient(u.Id, u.Email!, u.FullName, u.PreferredLanguage)).ToListAsync(cancellationToken);
    }
}
