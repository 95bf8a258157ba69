using System.Diagnostics;
using ApprovalFlow.Tests.Infrastructure;
using ApprovalFlow.Workflows.Persistence;
using ApprovalFlow.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using static ApprovalFlow.Tests.Workflows.Flow;

namespace ApprovalFlow.Tests.Workflows;

/// <summary>A process killed in the middle of a run: the instance stays at its last commit and nothing committed runs twice.</summary>
[Trait(TestDatabase.Trait, TestDatabase.None)]
public sealed class CrashRecoveryTests(SqliteEngineDatabase database) : IClassFixture<SqliteEngineDatabase>
{
    [Fact]
    public async Task A_run_killed_before_its_commit_leaves_the_instance_resumable_from_its_last_commit()
    {
        var flow = new Flow("crash").Variable("slow", true)
            .Activity("start", "Elsa.Start")
            .Activity("before", "Elsa.WriteLine", ("text", Literal("trước khi chờ")))
            .Activity("wait", "Elsa.Event", ("eventName", Literal("Go")))
            .Activity("work", "Elsa.RunJavaScript", ("script", Js("if (getSlow()) { var end = Date.now() + 60000; while (Date.now() < end) {} } return 1;")))
            .Activity("after", "Elsa.WriteLine", ("text", Literal("sau khi làm")))
            .Connect("start", "before").Connect("before", "wait").Connect("wait", "work").Connect("work", "after");
        await database.ImportAsync(flow.Build());
        RunResult started;
        await using (var db = database.NewContext())
        {
            started = await database.Runtime(db).StartAsync("crash", null, null, default);
        }

        var bookmark = started.State.Bookmarks.Single().Id;
        var committed = await SnapshotAsync(started.State.InstanceId);

        await RunAndKillAsync(database.File, bookmark);

        Assert.Equal(committed, await SnapshotAsync(started.State.InstanceId));

        // Another process (this one) takes over: the script is quick now, and the run completes from the bookmark.
        await using (var db = database.NewContext())
        {
            var record = await db.Set<WorkflowInstanceRecord>().SingleAsync(i => i.Id == started.State.InstanceId);
            record.StateJson = record.StateJson.Replace("\"slow\":true", "\"slow\":false", StringComparison.Ordinal);
            await db.SaveChangesAsync();
            var resumed = Assert.IsType<ResumeResult.Resumed>(await database.Runtime(db).ResumeAsync(bookmark, new(), default));
            Assert.Equal(WorkflowStatus.Finished, resumed.Run.State.Status);
            var journal = await database.Runtime(db).JournalAsync(started.State.InstanceId, default);
            Assert.Single(journal, j => j is { ActivityId: "before", Event: JournalEvents.Executed });
            Assert.Single(journal, j => j is { ActivityId: "after", Event: JournalEvents.Executed });
            Assert.Equal(Enumerable.Range(1, journal.Count).Select(i => (long)i), journal.Select(j => j.Sequence));
        }
    }

    private async Task<(string State, int Revision, int Journal, int Bookmarks)> SnapshotAsync(string instanceId)
    {
        await using var db = database.NewContext();
        var record = await db.Set<WorkflowInstanceRecord>().AsNoTracking().SingleAsync(i => i.Id == instanceId);
        return (record.StateJson, record.Revision,
            await db.Set<JournalRecord>().CountAsync(j => j.InstanceId == instanceId),
            await db.Set<BookmarkRecord>().CountAsync(b => b.InstanceId == instanceId));
    }

    /// <summary>Starts the engine host on the bookmark, waits until its run is under way, and kills it.</summary>
    private static async Task RunAndKillAsync(string databaseFile, string bookmark)
    {
        var host = AppContext.BaseDirectory.Replace("ApprovalFlow.Tests", "ApprovalFlow.EngineHost", StringComparison.Ordinal);
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { Path.Combine(host, "ApprovalFlow.EngineHost.dll"), databaseFile, bookmark })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var line = await process.StandardOutput.ReadLineAsync(timeout.Token);
        Assert.Equal("RUNNING", line);

        // Past the bookmark's load and into the script, which runs for a minute unless killed.
        await Task.Delay(TimeSpan.FromSeconds(4), timeout.Token);
        if (process.HasExited)
        {
            Assert.Fail("The run ended before it could be killed: " + await process.StandardOutput.ReadToEndAsync(timeout.Token));
        }

        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync(timeout.Token);
    }
}
