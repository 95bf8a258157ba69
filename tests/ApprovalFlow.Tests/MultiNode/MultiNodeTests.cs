using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ApprovalFlow.Audit;
using ApprovalFlow.Data;
using ApprovalFlow.Notifications;
using ApprovalFlow.Proposals;
using ApprovalFlow.Requests;
using ApprovalFlow.Tests.Infrastructure;
using ApprovalFlow.Tests.Web;
using ApprovalFlow.Workflows.Persistence;
using ApprovalFlow.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace ApprovalFlow.Tests.MultiNode;

/// <summary>
/// Two app processes on one real PostgreSQL server, as production runs behind a load balancer: 200 proposals through
/// the whole chain with each request sent to the other node than the one before; completions raced on both nodes;
/// reminders and mail sent once by whichever node gets to them; one node killed while reminders go out, and the
/// other finishing the work.
/// </summary>
// Always on PostgreSQL, whatever the run's provider: it runs once.
[Trait("Database", "None")]
public sealed class MultiNodeTests(ITestOutputHelper output) : IAsyncLifetime, IDisposable
{
    private const int Requests = 40;
    private static readonly string[] AgencyCodes = ["STC", "SYT", "SGDDT", "STP", "SNV"];
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    /// <summary>Monday 7 February 2022, before the working day: the requests go out, due Wednesday 17:00.</summary>
    private static readonly DateTimeOffset Monday = new(2022, 2, 7, 7, 45, 0, Vietnam);
    private static readonly DateOnly Deadline = new(2022, 2, 9);

    private readonly NodeBalancer balancer = new();
    private readonly TestClockFile clock = new(Monday);
    private readonly string dataRoot = Directory.CreateTempSubdirectory("approvalflow-nodes-").FullName;
    private SmtpServer smtp = null!;
    private string connectionString = null!;
    private WebAppProcess? nodeA;
    private WebAppProcess? nodeB;
    private ClusterDriver chain = null!;

    public async Task InitializeAsync()
    {
        smtp = await SmtpServer.StartAsync();
        connectionString = await (await PostgresServer.InstanceAsync()).CreateDatabaseAsync();

        // Started together on an empty database: one migrates and seeds while the other waits for it.
        var (a, b) = (StartNodeAsync("A"), StartNodeAsync("B"));
        try
        {
            await Task.WhenAll(a, b);
        }
        finally
        {
            // Whichever started is stopped at disposal, even if the other did not.
            nodeA = a.IsCompletedSuccessfully ? a.Result : null;
            nodeB = b.IsCompletedSuccessfully ? b.Result : null;
        }

        balancer.Route(A, B);
        chain = new ClusterDriver(balancer);
    }

    public async Task DisposeAsync()
    {
        foreach (var node in new[] { nodeA, nodeB })
        {
            if (node is not null)
            {
                await node.DisposeAsync();
            }
        }

        await smtp.DisposeAsync();
        Directory.Delete(dataRoot, recursive: true);
    }

    public void Dispose() => clock.Dispose();

    private WebAppProcess A => nodeA ?? throw new InvalidOperationException("Node A is not running.");

    private WebAppProcess B => nodeB ?? throw new InvalidOperationException("Node B is not running.");

    [Fact]
    public async Task Two_nodes_take_200_proposals_through_the_chain_and_send_each_reminder_and_mail_once_when_one_dies()
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        void Phase(string name) => output.WriteLine($"{watch.Elapsed:mm\\:ss} {name}");
        var agencies = await AgenciesAsync();

        // The nodes started together made one data-protection key between them, and both use it.
        await using (var db = Context())
        {
            Assert.Equal(1, await db.DataProtectionKeys.CountAsync());
        }

        await SignInOnOneNodeIsHonouredByTheOtherAsync();

        // 40 requests to five agencies each: 200 proposals, each with its draft waiting on the agency's staff.
        var letters = new List<(Guid Request, Dictionary<Guid, Guid> Proposals)>();
        for (var n = 1; n <= Requests; n++)
        {
            var request = await chain.PublishRequestAsync(n, DateOnly.FromDateTime(Monday.Date), Deadline, agencies.Values);
            await using var db = Context();
            letters.Add((request, await db.Proposals.Where(p => p.RequestId == request).ToDictionaryAsync(p => p.AgencyId, p => p.Id)));
        }

        var proposals = letters.SelectMany(l => l.Proposals.Select(p => (l.Request, Agency: agencies.Single(a => a.Value == p.Key).Key, Proposal: p.Value))).ToList();
        Assert.Equal(200, proposals.Count);

        Phase("published 40 requests");
        // The first half goes to the ICT review; every tenth sign-off is sent to both nodes at the same moment.
        var raced = new List<(Guid Item, HttpStatusCode[] Answers)>();
        await Parallel.ForEachAsync(proposals.Take(100).Select((p, i) => (p, i)), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (entry, _) =>
        {
            var ((request, agency, proposal), index) = entry;
            await chain.DraftAndSubmitAsync(Staff(agency), request, proposal);
            if (index % 10 == 0)
            {
                var race = await RaceSignOffAsync(Head(agency), request, proposal);
                lock (raced)
                {
                    raced.Add(race);
                }
            }
            else
            {
                await chain.CompleteAsync(Head(agency), request, proposal, "sign-off", "Approve");
            }

            await chain.PostAsync(ClusterDriver.Reviewer, $"/api/work-items/{await chain.ItemAsync(ClusterDriver.Reviewer, request, proposal, "review")}/review", new { outcome = "Accept" });
        });

        Phase("100 proposals reviewed");
        // 08:00 on Monday: the 100 drafts still open are two business days from due. Both nodes sweep; each
        // reminder is sent once, and each message reaches the SMTP server once.
        clock.Set(new DateTimeOffset(2022, 2, 7, 8, 0, 10, Vietnam));
        await WaitForBackgroundWorkAsync();
        await using (var db = Context())
        {
            var reminders = await NotificationsOfKindAsync(db, "reminder");
            Assert.Equal(100, reminders.Count);
            Assert.Equal(reminders.Count, reminders.Select(n => n.WorkItemId).Distinct().Count());
            var received = MessagesFor(reminders);
            Assert.Equal(reminders.Count, received.Count);
            Assert.Equal(received.Count, received.Distinct().Count());
        }

        Phase("Monday's reminders sent");
        // 08:00 on Wednesday, the due day: node B dies while the reminders go out, and node A sends them all. A
        // message B claimed and never recorded is A's once B's claim lapses.
        clock.Set(new DateTimeOffset(2022, 2, 9, 8, 0, 10, Vietnam));
        await Task.Delay(Random.Shared.Next(300, 1500));
        balancer.Route(A);
        B.Kill();
        clock.Set(clock.Now + NotificationDelivery.ClaimLease + TimeSpan.FromMinutes(1));
        await WaitForBackgroundWorkAsync();
        await using (var db = Context())
        {
            var dueToday = await NotificationsOfKindAsync(db, "due-today");
            Assert.Equal(100, dueToday.Count);
            Assert.Equal(dueToday.Count, dueToday.Select(n => n.WorkItemId).Distinct().Count());

            // A kill between the SMTP server's acceptance and the outbox's record hands a message over again under
            // its one Message-ID, which mail programs show once: each message is there, none is missing or foreign.
            Assert.Equal(dueToday.Select(n => n.Id).Order(), MessagesFor(dueToday).Select(NotificationOf).Distinct().Order());
        }

        Phase("Wednesday's reminders sent by A alone");
        // B comes back, and the rest of the chain alternates between the two nodes again.
        await B.DisposeAsync();
        nodeB = await StartNodeAsync("B");
        balancer.Route(A, B);
        chain.SignOutEveryone();
        await Parallel.ForEachAsync(proposals.Skip(100), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (entry, _) =>
        {
            var (request, agency, proposal) = entry;
            await chain.DraftAndSubmitAsync(Staff(agency), request, proposal);
            await chain.CompleteAsync(Head(agency), request, proposal, "sign-off", "Approve");
            await chain.PostAsync(ClusterDriver.Reviewer, $"/api/work-items/{await chain.ItemAsync(ClusterDriver.Reviewer, request, proposal, "review")}/review", new { outcome = "Accept" });
        });

        Phase("200 proposals reviewed");
        // Every request, once all five are reviewed: consolidated, signed, decided.
        await Parallel.ForEachAsync(letters, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (letter, _) =>
        {
            await chain.CompleteAsync(ClusterDriver.Reviewer, letter.Request, letter.Request, "consolidation", "Submit");
            await chain.CompleteAsync(ClusterDriver.IctLeader, letter.Request, letter.Request, "sign-off", "Approve");
            var decision = await chain.ItemAsync(ClusterDriver.Ubnd, letter.Request, letter.Request, "decision");
            await chain.PostAsync(ClusterDriver.Ubnd, $"/api/work-items/{decision}/decision", new
            {
                proposals = letter.Proposals.Values.Select(p => new { proposalId = p, tasks = Enumerable.Range(0, 4).Select(i => new { taskIndex = i, verdict = "Approve" }) }),
            });
        });

        Phase("40 requests decided");
        await WaitForBackgroundWorkAsync();
        await AssertEveryProposalEndedRightAsync(letters);
        await AssertRacesCompletedOnceAsync(raced);
        await AssertRemindersAndMailOnceAsync();
        AssertBothNodesServedAndLoggedWithScopes(proposals.Select(p => p.Proposal));
    }

    private async Task AssertEveryProposalEndedRightAsync(List<(Guid Request, Dictionary<Guid, Guid> Proposals)> letters)
    {
        foreach (var (request, proposals) in letters)
        {
            Assert.Equal("Closed", (await chain.GetAsync(ClusterDriver.Reviewer, $"/api/requests/{request}")).GetProperty("status").GetString());
            var statuses = (await chain.GetAsync(ClusterDriver.Reviewer, $"/api/proposals?requestId={request}")).EnumerateArray().Select(p => p.GetProperty("status").GetString());
            Assert.All(statuses, s => Assert.Equal("Approved", s));
        }

        await using var db = Context();
        var ids = letters.SelectMany(l => l.Proposals.Values.Append(l.Request)).Select(id => id.ToString()).ToList();
        var instances = await db.Set<WorkflowInstanceRecord>().AsNoTracking().Where(i => ids.Contains(i.CorrelationId!)).ToListAsync();
        Assert.Equal(ids.Count, instances.Count);
        Assert.All(instances, i => Assert.Equal(WorkflowStatus.Finished, i.Status));
        Assert.Equal(200, await db.Proposals.CountAsync(p => ids.Contains(p.Id.ToString()) && p.Status == ProposalStatus.Approved));
        Assert.Equal(Requests, await db.Requests.CountAsync(r => ids.Contains(r.Id.ToString()) && r.Status == RequestStatus.Closed));

        // Writers on two nodes kept the audit log one unbroken chain.
        Assert.Null(await AuditChain.VerifyAsync(db, CancellationToken.None));
    }

    private async Task AssertRacesCompletedOnceAsync(List<(Guid Item, HttpStatusCode[] Answers)> raced)
    {
        Assert.Equal(10, raced.Count);
        await using var db = Context();
        foreach (var (item, answers) in raced)
        {
            Assert.Single(answers, a => a == HttpStatusCode.OK);
            Assert.Single(answers, a => a is HttpStatusCode.Conflict or HttpStatusCode.NotFound);
            Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.EntityId == item.ToString() && e.Action == AuditActions.WorkItemCompleted));
        }
    }

    private async Task AssertRemindersAndMailOnceAsync()
    {
        await using var db = Context();
        var now = clock.Now.UtcTicks;
        Assert.Equal(0, await db.WorkItemReminders.CountAsync(r => r.DueAtUtcTicks <= now && r.SentAt == null));
        var notifications = await db.Notifications.AsNoTracking().ToListAsync();
        Assert.All(notifications, n => Assert.NotNull(n.DeliveredAt));

        // One notification per event and addressee: new work, reminders, the decision to the head and to the staff.
        Assert.Equal(notifications.Count, notifications.Select(n => (n.WorkItemId, n.ProposalId, n.Kind, n.RecipientRole, n.RecipientUserId)).Distinct().Count());

        // Each one that had someone to reach (mail about work already done is not sent) is at the SMTP server, under
        // its one Message-ID; nothing else is.
        var sent = notifications.Where(n => n.SentTo != NotificationDelivery.NothingSent).Select(n => n.Id).Order().ToList();
        Assert.Equal(sent, smtp.Received().Select(m => NotificationOf(m.MessageId ?? "")).Distinct().Order());
    }

    private void AssertBothNodesServedAndLoggedWithScopes(IEnumerable<Guid> proposals)
    {
        // Each node answered a fair share of the chain, B before its death and after its return.
        var served = balancer.Served;
        var total = served.Values.Sum();
        Assert.True(served.GetValueOrDefault("A") > total / 3 && served.GetValueOrDefault("B") > total / 3, string.Join(", ", served));

        // The engine's log lines carry the work item (from the request), the instance and the proposal (its correlation).
        var ids = proposals.Select(p => p.ToString()).ToHashSet();
        var scoped = A.Output.Concat(B.Output).Where(line => line.StartsWith('{')).Select(line => JsonDocument.Parse(line).RootElement)
            .Where(e => e.GetProperty("Category").GetString() == typeof(WorkflowRuntime).FullName && e.TryGetProperty("Scopes", out _))
            .Select(e => e.GetProperty("Scopes").EnumerateArray().Where(s => s.ValueKind == JsonValueKind.Object).SelectMany(s => s.EnumerateObject())
                .GroupBy(p => p.Name).ToDictionary(g => g.Key, g => g.Last().Value.ToString()))
            .ToList();
        Assert.Contains(scoped, s => s.ContainsKey("WorkItemId") && s.ContainsKey("WorkflowInstanceId") && ids.Contains(s.GetValueOrDefault("CorrelationId") ?? ""));
    }

    /// <summary>The same sign-off sent to node A and node B at once, with the head's token.</summary>
    private async Task<(Guid Item, HttpStatusCode[] Answers)> RaceSignOffAsync(string head, Guid request, Guid proposal)
    {
        var item = await chain.ItemAsync(head, request, proposal, "sign-off");
        var token = (await chain.AsAsync(head)).DefaultRequestHeaders.Authorization;
        using var toA = A.CreateClient();
        using var toB = B.CreateClient();
        toA.DefaultRequestHeaders.Authorization = toB.DefaultRequestHeaders.Authorization = token;
        var answers = await Task.WhenAll(
            toA.PostAsJsonAsync($"/api/work-items/{item}/complete", new { outcome = "Approve" }),
            toB.PostAsJsonAsync($"/api/work-items/{item}/complete", new { outcome = "Approve" }));
        var codes = answers.Select(a => a.StatusCode).ToArray();
        foreach (var answer in answers)
        {
            answer.Dispose();
        }

        return (item, codes);
    }

    /// <summary>A cookie from signing in on node A opens a page on node B: the nodes share their data-protection keys.</summary>
    private async Task SignInOnOneNodeIsHonouredByTheOtherAsync()
    {
        var cookies = new CookieContainer();
        using var onA = A.CreateClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false });
        using var onB = B.CreateClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false });
        var form = await onA.GetStringAsync("/Account/Login");
        var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var login = await onA.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = "chuyenvien.stc@demo.local",
            ["Password"] = AppFactory.Password,
            ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        using var inbox = await onB.GetAsync("/inbox");
        Assert.Equal(HttpStatusCode.OK, inbox.StatusCode);
    }

    private async Task<Dictionary<string, Guid>> AgenciesAsync()
    {
        await using var db = Context();
        return await db.Agencies.Where(a => AgencyCodes.Contains(a.Code)).ToDictionaryAsync(a => a.Code, a => a.Id);
    }

    /// <summary>Waits until every reminder due by the clock is sent and every notification delivered.</summary>
    private async Task WaitForBackgroundWorkAsync()
    {
        for (var attempt = 0; attempt < 600; attempt++)
        {
            await using var db = Context();
            var now = clock.Now.UtcTicks;
            if (!await db.WorkItemReminders.AnyAsync(r => r.DueAtUtcTicks <= now && r.SentAt == null)
                && !await db.Notifications.AnyAsync(n => n.DeliveredAt == null))
            {
                return;
            }

            await Task.Delay(200);
        }

        Assert.Fail("The background work was not finished within two minutes.");
    }

    private static Task<List<Notification>> NotificationsOfKindAsync(ApprovalFlowDbContext db, string kind) =>
        db.Notifications.AsNoTracking().Where(n => n.Kind == kind).ToListAsync();

    /// <summary>The Message-IDs the SMTP server received for <paramref name="notifications"/> (one per recipient and hand-over).</summary>
    private List<string> MessagesFor(IReadOnlyCollection<Notification> notifications)
    {
        var ids = notifications.Select(n => n.Id).ToHashSet();
        return [.. smtp.Received().Select(m => m.MessageId ?? "").Where(id => Guid.TryParse(NotificationPart(id), out var n) && ids.Contains(n))];
    }

    private static Guid NotificationOf(string messageId) => Guid.Parse(NotificationPart(messageId));

    /// <summary>Message-IDs are <c>{notification}.{recipient}@approvalflow</c>.</summary>
    private static string NotificationPart(string messageId) => messageId.Split('.')[0];

    private static string Staff(string agency) => $"chuyenvien.{agency.ToLowerInvariant()}@demo.local";

    private static string Head(string agency) => $"giamdoc.{agency.ToLowerInvariant()}@demo.local";

    private PostgreSqlApprovalFlowDbContext Context() =>
        new(new DbContextOptionsBuilder<PostgreSqlApprovalFlowDbContext>().UseNpgsql(connectionString).Options);

    private Task<WebAppProcess> StartNodeAsync(string name)
    {
        var settings = WebAppProcess.Settings(Path.Combine(dataRoot, name), smtp, clock);
        settings["Database:Provider"] = "PostgreSql";
        settings["Database:ConnectionString"] = connectionString;
        settings["ApprovalFlow:BaseUrl"] = "http://approvalflow.test";

        // Sweeps every two seconds rather than every minute, so that the test waits seconds for what is due.
        settings["Jobs:ReminderSweepCron"] = "*/2 * * * * *";
        settings["Jobs:TimerSweepCron"] = "*/5 * * * * *";
        settings["Logging:Console:FormatterName"] = "json";
        settings["Logging:Console:FormatterOptions:IncludeScopes"] = "true";
        settings["Logging:LogLevel:Hangfire"] = "Warning";
        return WebAppProcess.StartAsync(name, settings);
    }
}
