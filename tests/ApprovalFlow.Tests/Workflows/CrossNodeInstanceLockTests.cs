using ApprovalFlow.Workflows.Activities;
using ApprovalFlow.Workflows.Expressions;
using ApprovalFlow.Workflows.Persistence;
using ApprovalFlow.Workflows.Runtime;
using ApprovalFlow.Workflows.Serialization;
using ApprovalFlow.Workflows.Validation;
using static ApprovalFlow.Tests.Workflows.Flow;

namespace ApprovalFlow.Tests.Workflows;

/// <summary>
/// One runner per instance across nodes on PostgreSQL: nodes that share nothing but the database resume the same
/// bookmark at once, and the step behind it runs once — not once per node with all commits but one thrown away.
/// </summary>
// Always on PostgreSQL, whatever the run's provider: it runs once.
[Trait("Database", "None")]
public sealed class CrossNodeInstanceLockTests(PostgresEngineDatabase database) : IClassFixture<PostgresEngineDatabase>
{
    private const int Nodes = 8;

    [Fact]
    public async Task Eight_nodes_resuming_one_bookmark_at_once_run_the_next_step_once()
    {
        var registry = ActivityRegistry.CreateDefault().Add<CountRuns>();
        var cache = new DefinitionCache();
        WorkflowRuntime Node(ApprovalFlow.Data.ApprovalFlowDbContext db) => new(
            db, new WorkflowDefinitionStore(db, new WorkflowValidator(registry), cache, database.Clock),
            new WorkflowRunner(registry, new ExpressionEvaluator(new ScriptLimits()), NoServices, database.Clock),
            new InstanceLocks(), [], [], database.Clock);

        var definition = new Flow("cross-node")
            .Activity("start", "Elsa.Start")
            .Activity("wait", "Elsa.Event", ("eventName", Literal("Go")))
            .Activity("count", CountRuns.TypeName)
            .Connect("start", "wait").Connect("wait", "count")
            .Build();
        definition.IsPublished = true;
        RunResult started;
        await using (var db = database.NewContext())
        {
            Assert.Equal(ImportStatus.Created, (await new WorkflowDefinitionStore(db, new WorkflowValidator(registry), cache, database.Clock).ImportAsync(WorkflowJson.Write(definition), default)).Status);
            started = await Node(db).StartAsync("cross-node", "p-cross-node", null, default);
        }

        var bookmark = started.State.Bookmarks.Single().Id;
        var results = await Task.WhenAll(Enumerable.Range(0, Nodes).Select(async _ =>
        {
            await using var db = database.NewContext();
            return await Node(db).ResumeAsync(bookmark, new ResumeInput(), default);
        }));

        Assert.Single(results, r => r is ResumeResult.Resumed);
        Assert.Equal(Nodes - 1, results.Count(r => r is ResumeResult.AlreadyHandled));
        Assert.Equal(1, CountRuns.Runs(started.State.InstanceId));
    }
}

/// <summary>Counts its executions per instance, and takes a moment, as a step that calls another system would.</summary>
[Activity(TypeName, "Test", "Đếm số lần chạy", "Count runs")]
internal sealed class CountRuns : WorkflowActivity
{
    public const string TypeName = "Test.CountRuns";

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> Executions = new();

    public static int Runs(string instanceId) => Executions.GetValueOrDefault(instanceId);

    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        Executions.AddOrUpdate(context.InstanceId, 1, (_, runs) => runs + 1);
        await Task.Delay(200);
        return ActivityResult.Complete(ActivityResult.Done);
    }
}
