using ApprovalFlow.Calendar;
using ApprovalFlow.Data;
using ApprovalFlow.Notifications;
using ApprovalFlow.Web.Features.Account;
using ApprovalFlow.Web.Features.Jobs;
using Hangfire;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MimeKit;

namespace ApprovalFlow.Web.Features.Mail;

/// <summary>
/// Administrators watch the mail: the outbox (waiting, sent, failed with the server's answer) with a retry for what
/// failed, where mail goes, and a test message sent at once so that a wrong SMTP setting shows its error here.
/// </summary>
public sealed class OutboxModel(
    ApprovalFlowDbContext db, MailOptions options, IMailTransport transport, IBackgroundJobClient jobs, TimeProvider clock,
    IStringLocalizer<SharedResource> text) : PageModel
{
    private const int PageSize = 200;

    /// <summary>all, waiting, sent or failed.</summary>
    [BindProperty(SupportsGet = true)]
    public string Show { get; set; } = "all";

    [BindProperty]
    public string? TestAddress { get; set; }

    public MailOptions Options => options;

    public IReadOnlyList<Notification> Notifications { get; private set; } = [];

    /// <summary>Who each role-addressed row went to, by agency id, for the list.</summary>
    public IReadOnlyDictionary<Guid, string> AgencyNames { get; private set; } = new Dictionary<Guid, string>();

    public IReadOnlyDictionary<Guid, string> UserNames { get; private set; } = new Dictionary<Guid, string>();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!User.RequireActor().IsAdministrator)
        {
            return Forbid();
        }

        TestAddress ??= User.Identity?.Name;
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRetryAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!User.RequireActor().IsAdministrator)
        {
            return Forbid();
        }

        var updated = await db.Notifications.Where(n => n.Id == id && n.DeliveredAt == null)
            .ExecuteUpdateAsync(n => n.SetProperty(x => x.Attempts, 0).SetProperty(x => x.NextAttemptAtUtcTicks, clock.GetUtcNow().UtcTicks), cancellationToken);
        if (updated > 0)
        {
            jobs.Enqueue<MailJobs>(j => j.DeliverAsync(CancellationToken.None));
        }

        TempData["Message"] = text[updated > 0 ? "Mail.RetryQueued" : "Mail.RetryNothing"].Value;
        TempData["IsError"] = updated == 0;
        return RedirectToPage(new { Show });
    }

    public async Task<IActionResult> OnPostTestAsync(CancellationToken cancellationToken)
    {
        if (!User.RequireActor().IsAdministrator)
        {
            return Forbid();
        }

        if (!MailboxAddress.TryParse(TestAddress, out var to) || !to.Address.Contains('@', StringComparison.Ordinal))
        {
            TempData["Message"] = text["Mail.TestAddressInvalid"].Value;
            TempData["IsError"] = true;
            return RedirectToPage(new { Show });
        }

        var message = new MimeMessage { Subject = text["Mail.TestSubject"].Value, Body = new TextPart("plain") { Text = text["Mail.TestBody", VietnamTimeNow()].Value } };
        message.From.Add(new MailboxAddress(options.FromName, options.From));
        message.To.Add(to);
        try
        {
            await transport.SendAsync(message, cancellationToken);
            TempData["Message"] = text["Mail.TestSent", to.Address].Value;
        }
        catch (Exception error) when (error is MailKit.Net.Smtp.SmtpCommandException or MailKit.Net.Smtp.SmtpProtocolException or IOException
            or System.Net.Sockets.SocketException or MailKit.Security.AuthenticationException or MailKit.Security.SslHandshakeException)
        {
            TempData["Message"] = text["Mail.TestFailed", error.Message].Value;
            TempData["IsError"] = true;
        }

        return RedirectToPage(new { Show });
    }

    private string VietnamTimeNow() => ApprovalFlow.Calendar.VietnamTime.Format(clock.GetUtcNow());

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var rows = db.Notifications.AsNoTracking();
        rows = Show switch
        {
            "waiting" => rows.Where(n => n.DeliveredAt == null && n.Attempts < options.MaxAttempts),
            "failed" => rows.Where(n => n.DeliveredAt == null && n.LastError != null),
            "sent" => rows.Where(n => n.DeliveredAt != null),
            _ => rows,
        };

        Notifications = await rows.OrderByDescending(n => n.QueuedAtUtcTicks).Take(PageSize).ToListAsync(cancellationToken);
        var userIds = Notifications.Select(n => n.RecipientUserId).OfType<Guid>().Distinct().ToList();
        UserNames = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.FullName, cancellationToken);
        var today = ApprovalFlow.Calendar.VietnamTime.Today(clock);
        AgencyNames = (await db.Agencies.AsNoTracking().Include(a => a.Profiles).ToListAsync(cancellationToken))
            .ToDictionary(a => a.Id, a => a.ProfileOn(today)?.Name ?? a.Code);
    }
}
