using ApprovalFlow.Data;
using ApprovalFlow.Tests.Web;
using ApprovalFlow.Tests.Workflows;
using ApprovalFlow.Workflows.Persistence;
using ApprovalFlow.Workflows.Runtime;
using ApprovalFlow.Workflows.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ApprovalFlow.Tests.Workflows.Flow;

namespace ApprovalFlow.Tests.Jobs;

/// <summary>The engine's timers through the real Hangfire server in the host, on the real clock with short intervals.</summary>
public sealed class HangfireTimerTests
{
    private static readonly Dictionary<string, string> FastJobs = new() { ["Jobs:SchedulePollingInterval"] = "00:00:01" };

    [Fact]
    public async Task A_delay_activity_resumes_its_workflow_through_Hangfire()
    {
        using var app = new AppFactory { WorkflowsDir = await WorkflowsWithDelayAsync(TimeSpan.FromSeconds(2)), Settings = FastJobs };
        var instance = await StartAsync(app);

        Assert.Equal(WorkflowStatus.Finished, await WaitForEndAsync(app, instance));
        Assert.Contains("after", await ExecutedAsync(app, instance));
    }

    [Fact]
    public async Task A_timer_waiting_when_the_app_stops_fires_after_a_restart_from_the_database()
    {
        var folder = await WorkflowsWithDelayAsync(TimeSpan.FromSeconds(3));
        var dataDir = Path.Combine(Path.GetTempPath(), "approvalflow-tests", Guid.NewGuid().ToString("N"));
        string instance;
        using (var first = new AppFactory { WorkflowsDir = folder, Settings = FastJobs, DataDir = dataDir, KeepDataDir = true })
        {
            instance = await StartAsync(first);
        }

        // The in-memory schedule died with the first host; the second rebuilds it from the bookmark rows.
        using var second = new AppFactory { WorkflowsDir = folder, Settings = FastJobs, DataDir = dataDir };
        Assert.Equal(WorkflowStatus.Finished, await WaitForEndAsync(second, instance));
        Assert.Single(await ExecutedAsync(second, instance), id => id == "after");
    }

    private static async Task<string> WorkflowsWithDelayAsync(TimeSpan delay)
    {
        var folder = AppFactory.WorkflowsFolderWithDefaults();
        var definition = new Flow("delay-test")
            .Activity("start", "Elsa.Start")
            .Activity("wait", "Elsa.Delay", ("duration", Literal(delay.ToString("c"))))
            .Activity("after", "Elsa.WriteLine", ("text", Literal("đã hết thời gian chờ")))
            .Connect("start", "wait").Connect("wait", "after")
            .Build();
        definition.IsPublished = true;
        await File.WriteAllTextAsync(Path.Combine(folder, "delay-test.json"), WorkflowJson.Write(definition));
        return folder;
    }

    private static async Task<string> StartAsync(AppFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var run = await scope.ServiceProvider.GetRequiredService<WorkflowRuntime>().StartAsync("delay-test", null, null, CancellationToken.None);
        Assert.Equal(WorkflowStatus.Suspended, run.State.Status);
        return run.State.InstanceId;
    }

    /// <summary>
    /// Waits (up to two minutes on a loaded machine) for the instance to leave the suspended state. The timer's own
    /// job resumes it within seconds; when that job comes late on a machine running far more than its cores, the
    /// minute sweep (the safety net) resumes it, which one minute of waiting does not always see.
    /// </summary>
    private static async Task<WorkflowStatus> WaitForEndAsync(AppFactory app, string instance)
    {
        var status = WorkflowStatus.Suspended;
        for (var attempt = 0; attempt < 480 && status == WorkflowStatus.Suspended; attempt++)
        {
            await Task.Delay(250);
            await using var scope = app.Services.CreateAsyncScope();
            status = await scope.ServiceProvider.GetRequiredService<ApprovalFlowDbContext>().Set<WorkflowInstanceRecord>()
                .Where(i => i.Id == instance).Select(i => i.Status).SingleAsync();
        }

        return status;
    }

    private static async Task<List<string?>> ExecutedAsync(AppFactory app, string instance)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ApprovalFlowDbContext>().Set<JournalRecord>()
            .Where(j => j.InstanceId == instance && j.Event == JournalEvents.Executed).Select(j => j.ActivityId).ToListAsync();
    }
}
