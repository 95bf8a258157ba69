using ApprovalFlow.Data;
using ApprovalFlow.Workflows.Activities;
using ApprovalFlow.Workflows.Expressions;
using ApprovalFlow.Workflows.Persistence;
using ApprovalFlow.Workflows.Runtime;
using ApprovalFlow.Workflows.Validation;
using Microsoft.EntityFrameworkCore;

// Usage: ApprovalFlow.EngineHost <sqlite file> <bookmark id>
// Resumes the bookmark with scripts allowed to run long, announcing "RUNNING" first, so that a test can kill the
// process while the run is under way.
var (file, bookmark) = (args[0], args[1]);
var options = new DbContextOptionsBuilder<SqliteApprovalFlowDbContext>().UseSqlite($"Data Source={file}").Options;
await using var db = new SqliteApprovalFlowDbContext(options);
var registry = ActivityRegistry.CreateDefault();
var limits = new ScriptLimits { Timeout = TimeSpan.FromMinutes(5), MaxStatements = int.MaxValue, MaxMemoryBytes = long.MaxValue };
var runtime = new WorkflowRuntime(
    db,
    new WorkflowDefinitionStore(db, new WorkflowValidator(registry), new DefinitionCache(), TimeProvider.System),
    new WorkflowRunner(registry, new ExpressionEvaluator(limits), new NoServices(), TimeProvider.System),
    new InstanceLocks(),
    [],
    TimeProvider.System);

Console.WriteLine("RUNNING");
Console.Out.Flush();
var result = await runtime.ResumeAsync(bookmark, new ResumeInput(), CancellationToken.None);
Console.WriteLine(result.GetType().Name);

internal sealed class NoServices : IServiceProvider
{
    public object? GetService(Type serviceType) => null;
}
