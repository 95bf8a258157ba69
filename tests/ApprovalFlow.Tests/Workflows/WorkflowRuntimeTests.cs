using System.Text.Json.Nodes;
using ApprovalFlow.Tests.Infrastructure;
using ApprovalFlow.Workflows.Activities;
using ApprovalFlow.Workflows.Persistence;
using ApprovalFlow.Workflows.Runtime;
using ApprovalFlow.Workflows.Serialization;
using Microsoft.EntityFrameworkCore;
using static ApprovalFlow.Tests.Workflows.Flow;

namespace ApprovalFlow.Tests.Workflows;

/// <summary>The engine on SQLite, the embedded default.</summary>
[Trait(TestDatabase.Trait, TestDatabase.None)]
public sealed class SqliteWorkflowRuntimeTests(SqliteEngineDatabase database) : WorkflowRuntimeTests(database), IClassFixture<SqliteEngineDatabase>;

/// <summary>The engine on PostgreSQL, as production runs it.</summary>
[Trait(TestDatabase.Trait, TestDatabase.None)]
public sealed class PostgresWorkflowRuntimeTests(PostgresEngineDatabase database) : WorkflowRuntimeTests(database), IClassFixture<PostgresEngineDatabase>;

/// <summary>The engine against a real database: versions, bookmarks resumed once, events, incidents, children.</summary>
public abstract class WorkflowRuntimeTests(EngineDatabase database)
{
    private static Flow WaitThenLog(string name, string text) => new Flow(name)
        .Activity("start", "Elsa.Start")
        .Activity("wait", "Elsa.Event", ("eventName", Literal("Go")))
        .Activity("log", "Elsa.WriteLine", ("text", Literal(text)))
        .Connect("start", "wait").Connect("wait", "log");

    [Fact]
    public async Task A_changed_file_is_a_new_version_and_an_unchanged_one_is_nothing()
    {
        var v1 = WorkflowJson.Write(WaitThenLog("versions", "một").Build());
        var v2 = WorkflowJson.Write(WaitThenLog("versions", "hai").Build());
        await using var db = database.NewContext();
        var store = database.Definitions(db);

        Assert.Equal((ImportStatus.Created, 1), Summary(await store.ImportAsync(v1, default)));
        Assert.Equal((ImportStatus.Unchanged, 1), Summary(await store.ImportAsync(v1, default)));
        Assert.Equal((ImportStatus.Created, 2), Summary(await store.ImportAsync(v2, default)));
        Assert.Equal(ImportStatus.Refused, (await store.ImportAsync(v2.Replace("Elsa.WriteLine", "Acme.Fax", StringComparison.Ordinal), default)).Status);
        Assert.Equal(ImportStatus.Refused, (await store.ImportAsync("{ broken", default)).Status);

        static (ImportStatus, int?) Summary(ImportResult r) => (r.Status, r.Version);
    }

    [Fact]
    public async Task A_waiting_instance_finishes_on_its_version_while_new_ones_start_on_the_published_one()
    {
        await database.ImportAsync(WaitThenLog("upgrade", "phiên bản 1").Build());
        await using var db = database.NewContext();
        var runtime = database.Runtime(db);
        var old = await runtime.StartAsync("upgrade", "p-1", null, default);

        await database.ImportAsync(WaitThenLog("upgrade", "phiên bản 2").Build());
        var fresh = await runtime.StartAsync("upgrade", "p-2", null, default);
        Assert.Equal(2, fresh.State.DefinitionVersion);

        var resumed = Assert.IsType<ResumeResult.Resumed>(await runtime.ResumeAsync(old.State.Bookmarks.Single().Id, new(), default));
        Assert.Equal(WorkflowStatus.Finished, resumed.Run.State.Status);
        Assert.Equal("phiên bản 1", resumed.Run.Journal.Single(j => j.Event == JournalEvents.Log).Payload!.GetValue<string>());
    }

    /// <param name="separateNodes">Each resume as its own node, so that only the database stands between them.</param>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Fifty_concurrent_resumes_of_one_bookmark_proceed_exactly_once(bool separateNodes)
    {
        await database.ImportAsync(WaitThenLog("race", "một lần").Build());
        RunResult started;
        await using (var db = database.NewContext())
        {
            started = await database.Runtime(db).StartAsync("race", "p-race", null, default);
        }

        var bookmark = started.State.Bookmarks.Single().Id;
        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(async _ =>
        {
            await using var db = database.NewContext();
            return await database.Runtime(db, separateNodes ? new InstanceLocks() : null).ResumeAsync(bookmark, new ResumeInput(), default);
        }));

        Assert.Single(results, r => r is ResumeResult.Resumed);
        Assert.Equal(49, results.Count(r => r is ResumeResult.AlreadyHandled));
        await using var check = database.NewContext();
        var journal = await database.Runtime(check).JournalAsync(started.State.InstanceId, default);
        Assert.Single(journal, j => j.Event == JournalEvents.Resumed);
        Assert.Single(journal, j => j.Event == JournalEvents.Log);
        Assert.Empty(await check.Set<BookmarkRecord>().Where(b => b.InstanceId == started.State.InstanceId).ToListAsync());
    }

    [Fact]
    public async Task An_event_resumes_only_the_instances_of_its_correlation()
    {
        await database.ImportAsync(WaitThenLog("events", "đã nhận").Build());
        await using var db = database.NewContext();
        var runtime = database.Runtime(db);
        var mine = await runtime.StartAsync("events", "proposal-A", null, default);
        var other = await runtime.StartAsync("events", "proposal-B", null, default);

        Assert.Equal(1, await runtime.PublishEventAsync("Go", "proposal-A", JsonValue.Create(258), default));

        var statuses = await db.Set<WorkflowInstanceRecord>().AsNoTracking()
            .Where(i => i.Id == mine.State.InstanceId || i.Id == other.State.InstanceId).ToDictionaryAsync(i => i.CorrelationId!, i => i.Status);
        Assert.Equal(WorkflowStatus.Finished, statuses["proposal-A"]);
        Assert.Equal(WorkflowStatus.Suspended, statuses["proposal-B"]);
    }

    [Fact]
    public async Task A_publish_event_activity_reaches_the_waiting_instance_after_its_own_commit()
    {
        await database.ImportAsync(WaitThenLog("listener", "nghe thấy").Build());
        await database.ImportAsync(new Flow("speaker").Activity("start", "Elsa.Start")
            .Activity("say", "Elsa.PublishEvent", ("eventName", Literal("Go"))).Connect("start", "say").Build());
        await using var db = database.NewContext();
        var runtime = database.Runtime(db);
        var listener = await runtime.StartAsync("listener", "request-9", null, default);

        await runtime.StartAsync("speaker", "request-9", null, default);

        Assert.Equal(WorkflowStatus.Finished, (await db.Set<WorkflowInstanceRecord>().AsNoTracking().SingleAsync(i => i.Id == listener.State.InstanceId)).Status);
    }

    [Fact]
    public async Task An_incident_is_stored_and_a_retry_closes_it()
    {
        var flow = new Flow("incident").Variable("ok", false)
            .Activity("start", "Elsa.Start")
            .Activity("check", "Elsa.RunJavaScript", ("script", Js("if (!getOk()) throw new Error('hỏng'); return 1;")))
            .Connect("start", "check");
        await database.ImportAsync(flow.Build());
        await using var db = database.NewContext();
        var runtime = database.Runtime(db);

        var faulted = await runtime.StartAsync("incident", null, null, default);
        var incident = await db.Set<IncidentRecord>().AsNoTracking().SingleAsync(i => i.InstanceId == faulted.State.InstanceId);
        Assert.Equal(("check", null), (incident.ActivityId, incident.ResolvedAt));

        // Still failing: a new incident, the old one closed.
        Assert.IsType<ResumeResult.Resumed>(await runtime.RetryAsync(faulted.State.InstanceId, default));
        var incidents = await db.Set<IncidentRecord>().AsNoTracking().Where(i => i.InstanceId == faulted.State.InstanceId).ToListAsync();
        Assert.Equal(2, incidents.Count);
        Assert.Single(incidents, i => i.ResolvedAt == null);

        Assert.IsType<ResumeResult.Resumed>(await runtime.CancelAsync(faulted.State.InstanceId, default));
        Assert.Equal(WorkflowStatus.Cancelled, (await db.Set<WorkflowInstanceRecord>().AsNoTracking().SingleAsync(i => i.Id == faulted.State.InstanceId)).Status);
        Assert.All(await db.Set<IncidentRecord>().AsNoTracking().Where(i => i.InstanceId == faulted.State.InstanceId).ToListAsync(), i => Assert.NotNull(i.ResolvedAt));
        Assert.IsType<ResumeResult.AlreadyHandled>(await runtime.RetryAsync(faulted.State.InstanceId, default));
    }

    private static Flow Child(string name) => new Flow(name)
        .Activity("start", "Elsa.Start")
        .Activity("drafted", "Elsa.WriteLine", ("text", Literal("đã soạn")))
        .Activity("signed", "Elsa.Event", ("eventName", Literal("Signed")))
        .Connect("start", "drafted").Connect("drafted", "signed");

    private static Flow Parent(string name, string child, bool wait, string? until = null) => new Flow(name)
        .Activity("start", "Elsa.Start")
        .Activity("dispatch", "Elsa.DispatchWorkflow",
            ("workflowDefinitionId", Literal(child)), ("items", Literal(JsonNode.Parse("""["BDT","STC","SYT"]"""))),
            ("waitForCompletion", Literal(wait)), ("waitUntil", Literal(until)))
        .Activity("consolidate", "Elsa.WriteLine", ("text", Literal("tổng hợp")))
        .Connect("start", "dispatch").Connect("dispatch", "consolidate");

    [Fact]
    public async Task Children_dispatched_per_item_carry_their_item_and_the_parent_waits_for_them_all()
    {
        await database.ImportAsync(Child("proposal-child").Build());
        await database.ImportAsync(Parent("request-parent", "proposal-child", wait: true).Build());
        await using var db = database.NewContext();
        var runtime = database.Runtime(db);

        var parent = await runtime.StartAsync("request-parent", "request-113", null, default);
        var children = await db.Set<WorkflowInstanceRecord>().AsNoTracking().Where(i => i.ParentInstanceId == parent.State.InstanceId).ToListAsync();
        Assert.Equal(["BDT", "STC", "SYT"], children.Select(c => c.CorrelationId).Order());
        Assert.All(children, c => Assert.Equal(WorkflowStatus.Suspended, c.Status));

        foreach (var agency in new[] { "BDT", "STC" })
        {
            await runtime.PublishEventAsync("Signed", agency, null, default);
        }

        Assert.Equal(WorkflowStatus.Suspended, await StatusAsync(db, parent.State.InstanceId));
        await runtime.PublishEventAsync("Signed", "SYT", null, default);
        Assert.Equal(WorkflowStatus.Finished, await StatusAsync(db, parent.State.InstanceId));
        var journal = await runtime.JournalAsync(parent.State.InstanceId, default);
        Assert.Single(journal, j => j is { ActivityId: "consolidate", Event: JournalEvents.Executed });
    }

    [Fact]
    public async Task A_parent_may_wait_only_until_every_child_reaches_a_named_activity()
    {
        await database.ImportAsync(Child("point-child").Build());
        await database.ImportAsync(Parent("point-parent", "point-child", wait: true, until: "drafted").Build());
        await using var db = database.NewContext();
        var runtime = database.Runtime(db);

        var parent = await runtime.StartAsync("point-parent", "request-114", null, default);

        Assert.Equal(WorkflowStatus.Finished, await StatusAsync(db, parent.State.InstanceId));
        Assert.Equal(3, await db.Set<WorkflowInstanceRecord>().CountAsync(i => i.ParentInstanceId == parent.State.InstanceId && i.Status == WorkflowStatus.Suspended));
    }

    [Fact]
    public async Task A_parent_that_does_not_wait_goes_on_at_once()
    {
        await database.ImportAsync(Child("free-child").Build());
        await database.ImportAsync(Parent("free-parent", "free-child", wait: false).Build());
        await using var db = database.NewContext();

        var parent = await database.Runtime(db).StartAsync("free-parent", "request-115", null, default);

        Assert.Equal(WorkflowStatus.Finished, parent.State.Status);
        Assert.Equal(3, await db.Set<WorkflowInstanceRecord>().CountAsync(i => i.ParentInstanceId == parent.State.InstanceId));
    }

    private static Task<WorkflowStatus> StatusAsync(ApprovalFlow.Data.ApprovalFlowDbContext db, string instanceId) =>
        db.Set<WorkflowInstanceRecord>().AsNoTracking().Where(i => i.Id == instanceId).Select(i => i.Status).SingleAsync();

    [Fact]
    public async Task Due_timers_are_resumed_and_others_wait()
    {
        var flow = new Flow("timers").Activity("start", "Elsa.Start")
            .Activity("soon", "Elsa.Delay", ("duration", Literal("00:00:01")))
            .Activity("done", "Elsa.WriteLine", ("text", Literal("hết giờ")))
            .Connect("start", "soon").Connect("soon", "done");
        await database.ImportAsync(flow.Build());
        await using var db = database.NewContext();
        var runtime = database.Runtime(db);
        var instance = await runtime.StartAsync("timers", null, null, default);

        Assert.Equal(0, await runtime.ResumeDueTimersAsync(DateTimeOffset.UtcNow.AddMinutes(-1), default));
        Assert.Equal(1, await runtime.ResumeDueTimersAsync(DateTimeOffset.UtcNow.AddMinutes(1), default));
        Assert.Equal(0, await runtime.ResumeDueTimersAsync(DateTimeOffset.UtcNow.AddMinutes(1), default));
        Assert.Equal(WorkflowStatus.Finished, await StatusAsync(db, instance.State.InstanceId));
    }

    [Fact]
    public async Task A_participant_that_fails_rolls_the_whole_step_back()
    {
        await database.ImportAsync(WaitThenLog("atomic", "không được ghi").Build());
        RunResult started;
        await using (var db = database.NewContext())
        {
            started = await database.Runtime(db).StartAsync("atomic", "p-atomic", null, default);
        }

        await using (var db = database.NewContext())
        {
            var failing = new FailingParticipant(db);
            await Assert.ThrowsAsync<InvalidOperationException>(() => database.Runtime(db, null, failing).ResumeAsync(started.State.Bookmarks.Single().Id, new(), default));
        }

        await using var check = database.NewContext();
        Assert.Equal(WorkflowStatus.Suspended, await StatusAsync(check, started.State.InstanceId));
        Assert.Equal(1, await check.Set<BookmarkRecord>().CountAsync(b => b.InstanceId == started.State.InstanceId));
        Assert.DoesNotContain(await check.Set<JournalRecord>().Where(j => j.InstanceId == started.State.InstanceId).Select(j => j.Event).ToListAsync(), e => e == JournalEvents.Resumed);
        Assert.Empty(await check.Set<ApprovalFlow.Budget.FundingSource>().Where(f => f.Code == "ATOMIC").ToListAsync());
    }

    [Fact]
    public async Task A_retracted_workflow_starts_no_new_instance()
    {
        await database.ImportAsync(WaitThenLog("retract", "x").Build());
        await using var db = database.NewContext();
        await database.Definitions(db).RetractAsync("retract", default);
        await Assert.ThrowsAsync<InvalidOperationException>(() => database.Runtime(db).StartAsync("retract", null, null, default));
    }

    /// <summary>Adds a domain row to the step, then fails: neither the row nor the step may be committed.</summary>
    private sealed class FailingParticipant(Microsoft.EntityFrameworkCore.DbContext db) : IWorkflowCommitParticipant
    {
        public ValueTask OnCommittingAsync(RunResult run, CancellationToken cancellationToken)
        {
            db.Add(new ApprovalFlow.Budget.FundingSource { Code = "ATOMIC", Name = "x", ShortName = "x" });
            throw new InvalidOperationException("The domain refused the step.");
        }
    }
}
