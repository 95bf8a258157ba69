using System.Net;
using System.Text.RegularExpressions;
using ApprovalFlow.Data;
using ApprovalFlow.Notifications;
using ApprovalFlow.Tests.Chain;
using ApprovalFlow.Tests.Fixtures;
using ApprovalFlow.Tests.Infrastructure;
using ApprovalFlow.Tests.Web;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace ApprovalFlow.Tests.EmailApproval;

/// <summary>
/// The app with mail going to a real SMTP server on loopback and the outbox delivered when the test says so (the
/// recurring jobs are set never to fire), on a clock the test moves; the Ban Dân tộc drafts, submits and signs.
/// </summary>
public sealed partial class MailChain : IAsyncDisposable
{
    public const string BaseUrl = "https://approvalflow.example.gov.vn";
    public const string Staff = "chuyenvien.bdt@demo.local";
    public const string Head = "truongban.bdt@demo.local";

    private bool smtpStopped;

    private MailChain(SmtpServer smtp, AppFactory app, FakeTimeProvider clock)
    {
        (Smtp, App, Clock) = (smtp, app, clock);
        Driver = new ChainDriver(app, clock);
    }

    public SmtpServer Smtp { get; private set; }

    public AppFactory App { get; }

    public FakeTimeProvider Clock { get; }

    public ChainDriver Driver { get; }

    /// <summary>Starts the SMTP server and the app (Monday 7/2/2022, 9:00 in Vietnam), with further settings.</summary>
    public static async Task<MailChain> StartAsync(Dictionary<string, string>? settings = null)
    {
        var smtp = await SmtpServer.StartAsync();
        var clock = new FakeTimeProvider(new DateTimeOffset(2022, 2, 7, 2, 0, 0, TimeSpan.Zero));
        var all = smtp.AppSettings();
        all["ApprovalFlow:BaseUrl"] = BaseUrl;
        all["Jobs:MailCron"] = Cron.Never();
        all["Jobs:ReminderSweepCron"] = Cron.Never();
        foreach (var (key, value) in settings ?? [])
        {
            all[key] = value;
        }

        return new MailChain(smtp, new AppFactory { Clock = clock, Settings = all }, clock);
    }

    /// <summary>The Ban Dân tộc's proposal, with the seed letter saved and submitted to its head.</summary>
    public async Task<Guid> SubmitBdtProposalAsync()
    {
        var staff = await Driver.AsAsync(Staff);
        var proposal = await staff.OwnProposalIdAsync();
        var revision = (await staff.GetJsonAsync($"/api/proposals/{proposal}")).GetProperty("revision").GetInt32();
        using (var saved = await staff.PutProposalAsync(proposal, revision, SeedLetter.Content()))
        {
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        }

        await Driver.DoAsync(Staff, proposal, "draft", "Submit");
        return proposal;
    }

    /// <summary>Delivers what waits, then returns the approval page's path in the head's message starting with <paramref name="subject"/>.</summary>
    public async Task<string> HeadsLinkAsync(string subject = "Việc mới: Ký duyệt")
    {
        await DeliverAsync();
        return ApprovalPath(Assert.Single(MessagesTo(Head, subject)));
    }

    /// <summary>The staff correct the proposal (its goals) while it awaits sign-off; returns the revision saved.</summary>
    public async Task<int> ReviseBdtProposalAsync(Guid proposal)
    {
        var staff = await Driver.AsAsync(Staff);
        var current = await staff.GetJsonAsync($"/api/proposals/{proposal}");
        var content = ApiSession.ContentOf(current);
        content.Goals += " Bổ sung.";
        using var saved = await staff.PutProposalAsync(proposal, current.GetProperty("revision").GetInt32(), content);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        return current.GetProperty("revision").GetInt32() + 1;
    }

    /// <summary>Runs the delivery job's work once; returns how many notifications were delivered.</summary>
    public async Task<int> DeliverAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<NotificationDelivery>().DeliverPendingAsync(BaseUrl, CancellationToken.None);
    }

    /// <summary>The messages to <paramref name="address"/> whose subject starts with <paramref name="subject"/>.</summary>
    public IReadOnlyList<MimeMessage> MessagesTo(string address, string subject) =>
        [.. Smtp.Received().Where(m => m.To.Mailboxes.Any(b => b.Address == address) && m.Subject?.StartsWith(subject, StringComparison.Ordinal) == true)];

    /// <summary>The approval page's path in <paramref name="message"/>, as the plain-text and HTML parts both carry it.</summary>
    public static string ApprovalPath(MimeMessage message)
    {
        var path = Assert.Single(ApprovalLink().Matches(message.TextBody ?? "")).Groups[1].Value;
        Assert.Contains($"href=\"{BaseUrl}{path}\"", message.HtmlBody, StringComparison.Ordinal);
        return path;
    }

    /// <summary>Stops the SMTP server; <see cref="RestartSmtpAsync"/> starts it again on the same port.</summary>
    public async Task StopSmtpAsync()
    {
        await Smtp.DisposeAsync();
        smtpStopped = true;
    }

    public async Task RestartSmtpAsync()
    {
        Smtp = await SmtpServer.StartAsync(Smtp.Port);
        smtpStopped = false;
    }

    public async Task<T> InDbAsync<T>(Func<ApprovalFlowDbContext, Task<T>> read)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<ApprovalFlowDbContext>());
    }

    public Task<ApprovalFlow.WorkItems.WorkItem> ItemAsync(Guid id) => InDbAsync(db => db.WorkItems.AsNoTracking().SingleAsync(i => i.Id == id));

    public async ValueTask DisposeAsync()
    {
        App.Dispose();
        if (!smtpStopped)
        {
            await Smtp.DisposeAsync();
        }
    }

    [GeneratedRegex(@"https://approvalflow\.example\.gov\.vn(/approve/[A-Za-z0-9_-]{43})")]
    private static partial Regex ApprovalLink();
}
