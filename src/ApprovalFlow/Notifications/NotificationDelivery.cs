using ApprovalFlow.Calendar;
using ApprovalFlow.Data;
using ApprovalFlow.EmailApproval;
using ApprovalFlow.WorkItems;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Notifications;

/// <summary>
/// Delivers the notifications the outbox holds: each to its named recipient, or to every member of its role (within
/// its agency). A recipient who may act on an email-approvable item gets a fresh approval link in their message. A
/// delivery that fails is tried again later with back-off and never touches the workflow that queued it.
/// </summary>
public sealed class NotificationDelivery(
    ApprovalFlowDbContext db, IMailTransport transport, MailOptions options, MailTemplates templates, ApprovalLinks links, TimeProvider clock)
{
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
            return "—";
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

        return string.Join(", ", recipients.Select(r => r.Email));
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
