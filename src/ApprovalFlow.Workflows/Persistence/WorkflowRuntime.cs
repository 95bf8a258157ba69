using System.Text.Json;
using System.Text.Json.Nodes;
using ApprovalFlow.Workflows.Activities;
using ApprovalFlow.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ApprovalFlow.Workflows.Persistence;

/// <summary>What became of a resume.</summary>
public abstract record ResumeResult
{
    private ResumeResult()
    {
    }

    /// <summary>The bookmark was resumed and the run committed.</summary>
    public sealed record Resumed(RunResult Run) : ResumeResult;

    /// <summary>Someone else resumed it first (or the instance moved on): nothing was done.</summary>
    public sealed record AlreadyHandled : ResumeResult;
}

/// <summary>
/// Something that commits with each run of an instance: the domain's work items, queued mail, scheduled timers.
/// It adds its rows to the same <see cref="DbContext"/>; they are saved in the run's transaction or not at all.
/// </summary>
public interface IWorkflowCommitParticipant
{
    ValueTask OnCommittingAsync(RunResult run, CancellationToken cancellationToken);
}

/// <summary>
/// Runs instances against the database: each start, resume, retry or cancel loads the instance, runs it, and
/// commits its state, bookmarks, journal, incident and every participant's rows in one transaction. One run of an
/// instance at a time, on one node and across nodes; an instance whose row changed meanwhile is not committed: the
/// loser's answer is <see cref="ResumeResult.AlreadyHandled"/>.
/// </summary>
public sealed partial class WorkflowRuntime(
    DbContext db, WorkflowDefinitionStore definitions, WorkflowRunner runner, InstanceLocks locks,
    IEnumerable<IWorkflowCommitParticipant> participants, IEnumerable<IWorkflowTimerScheduler> schedulers, TimeProvider clock,
    ILogger<WorkflowRuntime>? logger = null)
{
    private readonly ILogger log = logger ?? NullLogger<WorkflowRuntime>.Instance;

    private static readonly JsonSerializerOptions StateJson = new(JsonSerializerDefaults.Web);

    /// <summary>Starts an instance of the published version of <paramref name="definitionId"/>.</summary>
    public Task<RunResult> StartAsync(string definitionId, string? correlationId, JsonNode? input, CancellationToken cancellationToken) =>
        StartAsync(definitionId, correlationId, input, parent: null, cancellationToken);

    private async Task<RunResult> StartAsync(string definitionId, string? correlationId, JsonNode? input, (string InstanceId, string? BookmarkId)? parent, CancellationToken cancellationToken)
    {
        var definition = await definitions.FindPublishedAsync(definitionId, cancellationToken)
            ?? throw new InvalidOperationException($"Workflow '{definitionId}' has no published version.");
        var run = await runner.StartAsync(definition, Guid.NewGuid().ToString("N"), correlationId, input);
        var now = clock.GetUtcNow();
        var instance = new WorkflowInstanceRecord
        {
            Id = run.State.InstanceId,
            DefinitionId = definition.DefinitionId,
            DefinitionVersionId = definition.Id,
            DefinitionVersion = definition.Version,
            CorrelationId = correlationId,
            ParentInstanceId = parent?.InstanceId,
            ParentBookmarkId = parent?.BookmarkId,
            Status = run.State.Status,
            StateJson = JsonSerializer.Serialize(run.State, StateJson),
            Revision = 1,
            CreatedAt = now,
            UpdatedAt = now,
        };
        using var scope = BeginInstanceScope(instance.Id, instance.DefinitionId, correlationId);
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await CommitAsync(run, writer => writer.InsertInstanceAsync(instance, cancellationToken), [], cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        LogStarted(log, definition.DefinitionId, definition.Version, run.State.Status);

        await AfterCommitAsync(run, instance.ParentBookmarkId, cancellationToken);
        return run;
    }

    /// <summary>
    /// Resumes one timer bookmark if it is due by <paramref name="now"/>: the scheduler's job for one timer. Returns how
    /// much longer the timer has to wait when the job came early (a scheduler's clock is not the app's), else null.
    /// </summary>
    public async Task<TimeSpan?> ResumeTimerIfDueAsync(string bookmarkId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var resumeAt = await db.Set<BookmarkRecord>().AsNoTracking().Where(b => b.Id == bookmarkId).Select(b => b.ResumeAt).SingleOrDefaultAsync(cancellationToken);
        switch (resumeAt)
        {
            case null:
                return null; // resumed already, or cancelled
            case { } due when due > now:
                return due - now;
            default:
                await ResumeAsync(bookmarkId, new ResumeInput(), cancellationToken);
                return null;
        }
    }

    /// <summary>Every timer bookmark waiting, with when it is due: what a scheduler without durable storage rebuilds from at start-up.</summary>
    public async Task<IReadOnlyList<(string BookmarkId, DateTimeOffset ResumeAt)>> PendingTimersAsync(CancellationToken cancellationToken) =>
        [.. (await db.Set<BookmarkRecord>().AsNoTracking().Where(b => b.ResumeAt != null).Select(b => new { b.Id, b.ResumeAt }).ToListAsync(cancellationToken))
            .Select(b => (b.Id, b.ResumeAt!.Value))];

    /// <summary>Resumes a bookmark with an outcome and input.</summary>
    public async Task<ResumeResult> ResumeAsync(string bookmarkId, ResumeInput input, CancellationToken cancellationToken)
    {
        (ResumeResult Result, string? ParentBookmarkId) result;
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var instanceId = await new InstanceRows(db).InstanceOfBookmarkAsync(bookmarkId, cancellationToken);
            if (instanceId is null)
            {
                return new ResumeResult.AlreadyHandled();
            }


            result = await WithInstanceAsync(instanceId, (definition, state) =>
                state.Bookmarks.Any(b => b.Id == bookmarkId) ? runner.ResumeAsync(definition, state, bookmarkId, input) : null, cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        return await AfterCommitAsync(result, cancellationToken);
    }

    /// <summary>Resumes the bookmark an activity made findable by <paramref name="name"/> and <paramref name="key"/> (a work item's id, say).</summary>
    public async Task<ResumeResult> ResumeByKeyAsync(string name, string key, ResumeInput input, CancellationToken cancellationToken)
    {
        var bookmark = await db.Set<BookmarkRecord>().Where(b => b.Name == name && b.Key == key).Select(b => b.Id).FirstOrDefaultAsync(cancellationToken);
        return bookmark is null ? new ResumeResult.AlreadyHandled() : await ResumeAsync(bookmark, input, cancellationToken);
    }

    /// <summary>Resumes every instance waiting on <paramref name="eventName"/> for <paramref name="correlationId"/>; returns how many.</summary>
    public async Task<int> PublishEventAsync(string eventName, string? correlationId, JsonNode? payload, CancellationToken cancellationToken)
    {
        var key = Activities.Core.Event.KeyOf(eventName, correlationId);
        var bookmarks = await db.Set<BookmarkRecord>().Where(b => b.Name == Activities.Core.Event.TypeName && b.Key == key).Select(b => b.Id).ToListAsync(cancellationToken);
        var resumed = 0;
        foreach (var bookmark in bookmarks)
        {
            resumed += await ResumeAsync(bookmark, new ResumeInput(Input: payload?.DeepClone()), cancellationToken) is ResumeResult.Resumed ? 1 : 0;
        }

        return resumed;
    }

    /// <summary>
    /// Resumes every timer bookmark (<c>Elsa.Delay</c>, <c>Elsa.Timer</c>, <c>Elsa.StartAt</c>) due by <paramref name="now"/>;
    /// returns how many were resumed. The host's scheduler calls it; a timer resumed twice is resumed once.
    /// </summary>
    public async Task<int> ResumeDueTimersAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Compared in memory: SQLite stores instants as text, which does not order across offsets.
        var timers = await db.Set<BookmarkRecord>().AsNoTracking().Where(b => b.ResumeAt != null).Select(b => new { b.Id, b.ResumeAt }).ToListAsync(cancellationToken);
        var resumed = 0;
        foreach (var timer in timers.Where(t => t.ResumeAt <= now).OrderBy(t => t.ResumeAt))
        {
            resumed += await ResumeAsync(timer.Id, new ResumeInput(), cancellationToken) is ResumeResult.Resumed ? 1 : 0;
        }

        return resumed;
    }

    /// <summary>Runs again the activity that faulted the instance, closing its incident.</summary>
    public async Task<ResumeResult> RetryAsync(string instanceId, CancellationToken cancellationToken) =>
        await AfterCommitAsync(
            await WithInstanceAsync(instanceId, (definition, state) => state.Status == WorkflowStatus.Faulted ? runner.RetryAsync(definition, state) : null, cancellationToken),
            cancellationToken);

    /// <summary>Cancels an instance: its bookmarks go, it never runs again.</summary>
    public async Task<ResumeResult> CancelAsync(string instanceId, CancellationToken cancellationToken) =>
        await AfterCommitAsync(await WithInstanceAsync(instanceId, (_, state) =>
        {
            if (state.Status is WorkflowStatus.Finished or WorkflowStatus.Cancelled)
            {
                return null;
            }

            state.Bookmarks.Clear();
            state.FaultedStep = null;
            state.Status = WorkflowStatus.Cancelled;
            var entry = new JournalEntry(++state.JournalSequence, null, null, JournalEvents.WorkflowCancelled, clock.GetUtcNow(), null);
            return Task.FromResult(new RunResult(state, [entry], [], null, [], []));
        }, cancellationToken), cancellationToken);

    /// <summary>The journal of an instance, in order.</summary>
    public Task<List<JournalRecord>> JournalAsync(string instanceId, CancellationToken cancellationToken) =>
        db.Set<JournalRecord>().AsNoTracking().Where(j => j.InstanceId == instanceId).OrderBy(j => j.Sequence).ToListAsync(cancellationToken);

    /// <summary>The stored state of an instance (variables, bookmarks, status), or null when there is no such instance.</summary>
    public async Task<WorkflowState?> StateAsync(string instanceId, CancellationToken cancellationToken) =>
        await db.Set<WorkflowInstanceRecord>().AsNoTracking().Where(i => i.Id == instanceId).Select(i => i.StateJson).SingleOrDefaultAsync(cancellationToken) is { } json
            ? JsonSerializer.Deserialize<WorkflowState>(json, StateJson)
            : null;

    /// <summary>Loads, runs and commits under the instance's lock; returns the result and the instance's parent bookmark.</summary>
    private async Task<(ResumeResult Result, string? ParentBookmarkId)> WithInstanceAsync(string instanceId, Func<Model.WorkflowDefinition, WorkflowState, Task<RunResult>?> run, CancellationToken cancellationToken)
    {
        var stripe = locks.For(instanceId);
        await stripe.WaitAsync(cancellationToken);

        // One connection for the load and the commit: opening one costs more than the queries themselves. Across
        // nodes the database's lock serializes the runs; it is taken after the node's own, so a node queues its
        // runs of one instance in memory and holds at most one connection waiting on the database per instance.
        await db.Database.OpenConnectionAsync(cancellationToken);
        IAsyncDisposable? crossNode = null;
        try
        {
            crossNode = await CrossNodeInstanceLock.AcquireAsync(db, instanceId, cancellationToken);
            var record = await new InstanceRows(db).FindInstanceAsync(instanceId, cancellationToken);
            if (record is null)
            {
                return (new ResumeResult.AlreadyHandled(), null);
            }

            using var scope = BeginInstanceScope(record.Id, record.DefinitionId, record.CorrelationId);

            var state = JsonSerializer.Deserialize<WorkflowState>(record.StateJson, StateJson)!;
            var before = state.Bookmarks.Select(b => b.Id).ToList();
            var definition = await definitions.GetVersionAsync(record.DefinitionVersionId, cancellationToken);
            if (run(definition, state) is not { } pending)
            {
                return (new ResumeResult.AlreadyHandled(), null);
            }

            var result = await pending;
            var expectedRevision = record.Revision;
            record.Status = result.State.Status;
            record.StateJson = JsonSerializer.Serialize(result.State, StateJson);
            record.Revision++;
            record.UpdatedAt = clock.GetUtcNow();
            var gone = before.Except(result.State.Bookmarks.Select(b => b.Id)).ToList();
            try
            {
                await CommitAsync(result, writer => writer.UpdateInstanceAsync(record, expectedRevision, cancellationToken), gone, cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Another process committed a run of this instance first: ours never happened.
                db.ChangeTracker.Clear();
                LogLostRace(log);
                return (new ResumeResult.AlreadyHandled(), null);
            }

            LogRan(log, result.State.Status, result.State.Bookmarks.Count);
            if (result.Incident is { } incident)
            {
                LogIncident(log, incident.ActivityId, incident.ActivityType, incident.Message);
            }

            return (new ResumeResult.Resumed(result), record.ParentBookmarkId);
        }
        finally
        {
            if (crossNode is not null)
            {
                await crossNode.DisposeAsync();
            }

            await db.Database.CloseConnectionAsync();
            stripe.Release();
        }
    }

    /// <summary>
    /// Commits a run in one transaction: the instance row (<paramref name="writeInstance"/>), the bookmarks it
    /// consumed and created, its journal and incident, and whatever the participants added to the context.
    /// </summary>
    private async Task CommitAsync(RunResult run, Func<InstanceRows, Task> writeInstance, IReadOnlyCollection<string> removedBookmarks, CancellationToken cancellationToken)
    {
        var instanceId = run.State.InstanceId;
        var writer = new InstanceRows(db);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await writeInstance(writer);
        await writer.DeleteBookmarksAsync(removedBookmarks, cancellationToken);
        await writer.InsertBookmarksAsync(
            run.CreatedBookmarks.Select(b => new BookmarkRecord { Id = b.Id, InstanceId = instanceId, ActivityId = b.ActivityId, Name = b.Name, Key = b.Key, ResumeAt = b.ResumeAt, CreatedAt = b.CreatedAt }),
            cancellationToken);
        await writer.InsertJournalAsync(
            run.Journal.Select(j => new JournalRecord
            {
                InstanceId = instanceId,
                Sequence = j.Sequence,
                ActivityId = j.ActivityId,
                ActivityType = j.ActivityType,
                Event = j.Event,
                Timestamp = j.Timestamp,
                PayloadJson = j.Payload?.ToJsonString(),
            }),
            cancellationToken);
        if (run.Journal.Any(j => j.Event is JournalEvents.Retried or JournalEvents.WorkflowCancelled))
        {
            await db.Set<IncidentRecord>().Where(i => i.InstanceId == instanceId && i.ResolvedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.ResolvedAt, clock.GetUtcNow()), cancellationToken);
        }

        if (run.Incident is { } incident)
        {
            db.Add(new IncidentRecord { InstanceId = instanceId, ActivityId = incident.ActivityId, ActivityType = incident.ActivityType, Message = incident.Message, Timestamp = incident.Timestamp });
        }

        foreach (var participant in participants)
        {
            await participant.OnCommittingAsync(run, cancellationToken);
        }

        if (db.ChangeTracker.HasChanges())
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>What everything logged about one instance carries, on whichever node: its id, definition and correlation (a proposal's or request's id).</summary>
    private IDisposable? BeginInstanceScope(string instanceId, string definitionId, string? correlationId) =>
        log.BeginScope(new Dictionary<string, object?> { ["WorkflowInstanceId"] = instanceId, ["WorkflowDefinitionId"] = definitionId, ["CorrelationId"] = correlationId });

    [LoggerMessage(Level = LogLevel.Information, Message = "Started workflow {DefinitionId} v{Version}: {Status}")]
    private static partial void LogStarted(ILogger logger, string definitionId, int version, WorkflowStatus status);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ran the instance: {Status}, {Bookmarks} bookmark(s) waiting")]
    private static partial void LogRan(ILogger logger, WorkflowStatus status, int bookmarks);

    [LoggerMessage(Level = LogLevel.Information, Message = "Another run of the instance committed first; this run was dropped")]
    private static partial void LogLostRace(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Activity {ActivityId} ({ActivityType}) faulted: {Message}")]
    private static partial void LogIncident(ILogger logger, string activityId, string activityType, string message);

    private async Task<ResumeResult> AfterCommitAsync((ResumeResult Result, string? ParentBookmarkId) outcome, CancellationToken cancellationToken)
    {
        if (outcome.Result is ResumeResult.Resumed resumed)
        {
            await AfterCommitAsync(resumed.Run, outcome.ParentBookmarkId, cancellationToken);
        }

        return outcome.Result;
    }

    /// <summary>
    /// What a committed run sets off, outside any instance's lock: its child instances, its events, the cancellations it asked for, and — for a
    /// child whose parent waits — the parent's resume once every sibling is done.
    /// </summary>
    private async Task AfterCommitAsync(RunResult run, string? parentBookmarkId, CancellationToken cancellationToken)
    {
        foreach (var child in run.Dispatches)
        {
            var waiting = run.CreatedBookmarks.FirstOrDefault(b => b.ActivityId == child.ParentActivityId && b.Name == Activities.Core.DispatchWorkflow.TypeName);
            await StartAsync(child.DefinitionId, child.CorrelationId, child.Input, (run.State.InstanceId, waiting?.Id), cancellationToken);
        }

        foreach (var e in run.Published)
        {
            await PublishEventAsync(e.Name, e.CorrelationId, e.Payload, cancellationToken);
        }

        foreach (var instanceId in run.Cancellations)
        {
            await CancelAsync(instanceId, cancellationToken);
        }

        foreach (var timer in run.CreatedBookmarks.Where(b => b.ResumeAt is not null))
        {
            foreach (var scheduler in schedulers)
            {
                scheduler.Schedule(timer.Id, timer.ResumeAt!.Value);
            }
        }

        if (parentBookmarkId is not null)
        {
            await ResumeParentIfChildrenDoneAsync(parentBookmarkId, cancellationToken);
        }
    }

    private async Task ResumeParentIfChildrenDoneAsync(string parentBookmarkId, CancellationToken cancellationToken)
    {
        var key = await db.Set<BookmarkRecord>().Where(b => b.Id == parentBookmarkId).Select(b => b.Key).SingleOrDefaultAsync(cancellationToken);
        if (key is null)
        {
            return; // resumed already, or cancelled
        }

        var (expected, point) = Activities.Core.DispatchWorkflow.ParseKey(key);
        var children = db.Set<WorkflowInstanceRecord>().Where(i => i.ParentBookmarkId == parentBookmarkId);
        var done = await children.CountAsync(
            i => i.Status == WorkflowStatus.Finished || i.Status == WorkflowStatus.Cancelled
                || (point != null && db.Set<JournalRecord>().Any(j => j.InstanceId == i.Id && j.ActivityId == point && j.Event == JournalEvents.Executed)),
            cancellationToken);
        if (done >= expected)
        {
            await ResumeAsync(parentBookmarkId, new ResumeInput(), cancellationToken);
        }
    }
}

/// <summary>
/// One process's locks on instances (striped, so memory stays flat): runs of one instance on one node queue up
/// instead of racing to a commit that one of them would lose. Across nodes on PostgreSQL an advisory lock does the
/// same (<see cref="CrossNodeInstanceLock"/>), and the instance row's revision still refuses any commit that raced.
/// </summary>
public sealed class InstanceLocks
{
    private readonly SemaphoreSlim[] stripes = [.. Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1))];

    public SemaphoreSlim For(string instanceId) => stripes[(int)((uint)StringComparer.Ordinal.GetHashCode(instanceId) % stripes.Length)];
}
