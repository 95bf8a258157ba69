using System.Text.Json.Nodes;
using ApprovalFlow.Data;
using ApprovalFlow.Identity;
using ApprovalFlow.Reminders;
using ApprovalFlow.Tests.Web;
using ApprovalFlow.Tests.Workflows;
using ApprovalFlow.Workflows.Persistence;
using ApprovalFlow.Workflows.Serialization;
using ApprovalFlow.WorkItems;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static ApprovalFlow.Tests.Workflows.Flow;

namespace ApprovalFlow.Tests.Reminders;

/// <summary>
/// The default reminder policy on a clock the test moves, business day by business day: each reminder and the
/// escalation on its day, each once; completing or reassigning an item stops its reminders.
/// </summary>
public sealed class ReminderPolicyTests : IAsyncLifetime, IDisposable
{
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    // Monday 2 March 2026, 09:00 in Vietnam: a plain working week, then a weekend.
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, Vietnam));
    private AppFactory app = null!;

    public async Task InitializeAsync()
    {
        var folder = AppFactory.WorkflowsFolderWithDefaults();
        var definition = new Flow("reminder-test")
            .Activity("start", "Elsa.Start")
            .Activity("task", HumanTask.TypeName,
                ("title", Literal("Soạn báo cáo")), ("form", Literal("sign-off")), ("assigneeRole", Literal(Roles.AgencyStaff)),
                ("scopeToAgency", Literal(true)), ("outcomes", Literal(JsonNode.Parse("""["Submit"]"""))), ("dueBusinessDays", Literal(3)))
            .Activity("done", "Elsa.End")
            .Connect("start", "task").Connect("task", "done", "Submit")
            .Build();
        definition.IsPublished = true;
        await File.WriteAllTextAsync(Path.Combine(folder, "reminder-test.json"), WorkflowJson.Write(definition));
        app = new AppFactory { WorkflowsDir = folder, Clock = clock };
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task The_default_policy_reminds_before_on_and_after_the_due_day_and_escalates_each_once()
    {
        var item = await OpenTaskAsync("SYT");
        Assert.Equal(new DateTimeOffset(2026, 3, 5, 17, 0, 0, Vietnam), await DueAtAsync(item));

        await WalkAsync(days: 14);

        Assert.Equal(
        [
            ("reminder", "2026-03-03"), ("due-today", "2026-03-05"), ("overdue", "2026-03-06"), ("overdue", "2026-03-09"),
            ("escalation", "2026-03-10"), ("overdue", "2026-03-10"), ("overdue", "2026-03-11"), ("overdue", "2026-03-12"),
        ],
        await SentAsync(item));
        await using var scope = app.Services.CreateAsyncScope();
        var escalation = await scope.ServiceProvider.GetRequiredService<ApprovalFlowDbContext>().Notifications.SingleAsync(n => n.WorkItemId == item && n.Kind == "escalation");
        Assert.Equal(Roles.AgencyHead, escalation.RecipientRole);
    }

    [Fact]
    public async Task Completing_or_reassigning_an_item_stops_its_reminders()
    {
        var completed = await OpenTaskAsync("SYT");
        var reassigned = await OpenTaskAsync("STC");
        await WalkAsync(days: 1); // Tuesday: the before-due reminders go out

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var staff = await users.FindByEmailAsync("chuyenvien.syt@demo.local");
            var actor = new Actor(staff!.Id, staff.FullName, staff.AgencyId, new HashSet<string> { Roles.AgencyStaff });
            Assert.IsType<WorkItemResult.Done>(await scope.ServiceProvider.GetRequiredService<WorkItemInbox>().CompleteAsync(completed, "Submit", null, actor, "api", CancellationToken.None));
            var head = await users.FindByEmailAsync("giamdoc.stc@demo.local");
            var leader = new Actor(head!.Id, head.FullName, head.AgencyId, new HashSet<string> { Roles.AgencyHead });
            var other = await users.FindByEmailAsync("chuyenvien.stc@demo.local");
            Assert.IsType<WorkItemResult.Done>(await scope.ServiceProvider.GetRequiredService<WorkItemInbox>().ReassignAsync(reassigned, other!.Id, leader, CancellationToken.None));
        }

        await WalkAsync(days: 14);
        Assert.Equal([("reminder", "2026-03-03")], await SentAsync(completed));
        Assert.Equal([("reminder", "2026-03-03")], await SentAsync(reassigned));
    }

    /// <summary>Starts the test task on the agency's proposal of the seeded request; returns its work item.</summary>
    private async Task<Guid> OpenTaskAsync(string agencyCode)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApprovalFlowDbContext>();
        var agency = await db.Agencies.SingleAsync(a => a.Code == agencyCode);
        var proposal = await db.Proposals.SingleAsync(p => p.AgencyId == agency.Id);
        var run = await scope.ServiceProvider.GetRequiredService<WorkflowRuntime>().StartAsync("reminder-test", proposal.Id.ToString(), null, CancellationToken.None);
        return await db.WorkItems.Where(w => w.InstanceId == run.State.InstanceId).Select(w => w.Id).SingleAsync();
    }

    /// <summary>Moves the clock an hour at a time for <paramref name="days"/> days, sweeping twice each hour as two nodes might.</summary>
    private async Task WalkAsync(int days)
    {
        for (var hour = 0; hour < days * 24; hour++)
        {
            clock.Advance(TimeSpan.FromHours(1));
            for (var node = 0; node < 2; node++)
            {
                await using var scope = app.Services.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<ReminderSweep>().RunAsync(CancellationToken.None);
            }
        }
    }

    private async Task<DateTimeOffset?> DueAtAsync(Guid item)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ApprovalFlowDbContext>().WorkItems.Where(w => w.Id == item).Select(w => w.DueAt).SingleAsync();
    }

    /// <summary>What the reminder policy sent for <paramref name="item"/> (not the news of the work itself), in order: the kind and the Vietnam date it went out.</summary>
    private async Task<List<(string Kind, string Day)>> SentAsync(Guid item)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var sent = await scope.ServiceProvider.GetRequiredService<ApprovalFlowDbContext>().Notifications.AsNoTracking()
            .Where(n => n.WorkItemId == item && n.Kind != ApprovalFlow.Notifications.NotificationKinds.WorkItem).ToListAsync();
        return [.. sent.OrderBy(n => n.CreatedAt).ThenBy(n => n.Kind, StringComparer.Ordinal)
            .Select(n => (n.Kind, n.CreatedAt.ToOffset(Vietnam).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)))];
    }
}
