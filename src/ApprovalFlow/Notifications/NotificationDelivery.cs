using ApprovalFlow.Calendar;
using ApprovalFlow.Data;
using ApprovalFlow.EmailApproval;
using ApprovalFlow.WorkItems;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Notifications;

/// <summary>
/// Delivers the notifications the outbox holds: each to its named recipient, or to every member of its role (within
/// its agency). A recipient who may act on an email-approvable item gets a fresh approval link in their message. A
/// delivery that fails is tried again later with back-off and never touches the workflow that queued it. Several
/// deliveries may run at once (one per node): each notification is claimed before it is sent, so one node sends it
/// and the others pass it by.
/// </summary>
public sealed class NotificationDelivery(
    ApprovalFlowDbContext db, IMailTransport transport, MailOptions options, MailTemplates templates, ApprovalLinks links, TimeProvider clock)
{
    /// <summary>
    /// How long a claim keeps other deliveries off a notification: far longer than a send takes. Only a node that died
    /// between its claim and its record of the send leaves one behind; another node sends it once the claim lapses.
    /// </summary>
    public static readonly TimeSpan ClaimLease = TimeSpan.FromMinutes(5);

    /// <summary>What <see cref="Notification.SentTo"/> holds when there was no one to send to, or nothing left to say.</summary>
    public const string NothingSent = "—";

    /// <summary>Delivers what is waiting and due for another attempt; returns how many were delivered.</summary>
    public async Task<int> DeliverPendingAsync(string baseUrl, CancellationToken cancellationToken)
    {
        var nowTicks = clock.GetUtcNow().UtcTicks;
        var pending = await db.Notifications
            .Where(n => n.DeliveredAt == null && n.Attempts < options.MaxAttempts && n.NextAttemptAtUtcTicks <= nowTicks)
            .OrderBy(n => n.NextAttemptAtUtcTicks).Take(200).ToListAsync(cancellationToken);
        var edited = await templates.EditedAsync(cancellationToken);
        var delivered = 0;
        foreach (var notification in pending)
        {
            if (!await ClaimAsync(notification, cancellationToken))
            {
                continue; // another node's delivery has it
            }

            try
            {
                notification.SentTo = await DeliverAsync(notification, edited, baseUrl, cancellationToken);
                notification.DeliveredAt = clock.GetUtcNow();
                notification.LastError = null;
                delivered++;
            }
            catch (Exception error) when (IsDeliveryFailure(error))
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

    /// <summary>Sends one notification to each recipient; returns the addresses, or a note when there was nothing to send.</summary>
    private async Task<string> DeliverAsync(Notification notification, IReadOnlyDictionary<string, MailTemplate> edited, string baseUrl, CancellationToken cancellationToken)
    {
        if (await NotificationSubject.LoadAsync(db, notification, cancellationToken) is not { } about)
        {
            return NothingSent;
        }

        var recipients = await RecipientsAsync(notification, cancellationToken);
        var subjectRevision = about.Item is { AllowEmailApproval: true } item && NotificationKinds.AsksToAct(notification.Kind)
            ? await db.RevisionOfAsync(item, cancellationToken)
            : null;
        foreach (var recipient in recipients)
        {
            var model = NotificationMail.ModelFor(notification, about, recipient, baseUrl);
            if (subjectRevision is not null && WorkItemAccess.ActsOn(about.Item!, recipient.UserId, recipient.AgencyId, recipient.Roles))
            {
                // The link's hash is stored before the mail leaves: a link in a delivered mail always works.
                var (token, expiresAt) = links.Issue(about.Item!, recipient.UserId, subjectRevision);
                await db.SaveChangesAsync(cancellationToken);
                model = model with { ApproveLink = $"{baseUrl.TrimEnd('/')}/approve/{token}", ApproveLinkExpires = VietnamTime.Format(expiresAt) };
            }

            var template = MailTemplates.InForce(MailTemplates.NameOf(notification.Kind, recipient.Language), edited);
            await transport.SendAsync(NotificationMail.Compose(template, model, notification, recipient, options), cancellationToken);
        }

        return recipients.Count == 0 ? NothingSent : string.Join(", ", recipients.Select(r => r.Email));
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

        var found = await users.Select(u => new { u.Id, u.Email, u.FullName, u.PreferredLanguage, u.AgencyId }).ToListAsync(cancellationToken);
        var ids = found.Select(u => u.Id).ToList();
        var roles = (await (from link in db.UserRoles join r in db.Roles on link.RoleId equals r.Id where ids.Contains(link.UserId) select new { link.UserId, r.Name })
                .ToListAsync(cancellationToken))
            .ToLookup(x => x.UserId, x => x.Name!);
        return [.. found.Select(u => new NotificationMail.Recipient(u.Id, u.Email!, u.FullName, u.PreferredLanguage, u.AgencyId, roles[u.Id].ToHashSet(StringComparer.Ordinal)))];
    }

    /// <summary>What makes a delivery fail and wait, rather than the job: the server's answers, the network, a template that no longer renders.</summary>
    private static bool IsDeliveryFailure(Exception error) =>
        error is MailKit.Net.Smtp.SmtpCommandException or MailKit.Net.Smtp.SmtpProtocolException or IOException or System.Net.Sockets.SocketException
            or MailKit.ServiceNotConnectedException or MailKit.Security.AuthenticationException or Fluid.FluidException or InvalidOperationException;
}
