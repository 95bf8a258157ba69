using ApprovalFlow.Data;
using ApprovalFlow.Workflows.Activities;
using ApprovalFlow.Workflows.Hosting;
using ApprovalFlow.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

// Usage: ApprovalFlow.EngineHost <sqlite file> <bookmark id>
// Resumes the bookmark with scripts allowed to run long, announcing "RUNNING" first, so that a test can kill the
// process while the run is under way. The engine is wired exactly as the web host wires it.
var (file, bookmark) = (args[0], args[1]);
await using var services = new ServiceCollection()
    .AddDbContext<SqliteApprovalFlowDbContext>(options => options.UseSqlite($"Data Source={file}"))
    .AddWorkflowEngine<SqliteApprovalFlowDbContext>(limits: limits =>
    {
        limits.Timeout = TimeSpan.FromMinutes(5);
        limits.MaxStatements = int.MaxValue;
        limits.MaxMemoryBytes = long.MaxValue;
    })
    .BuildServiceProvider();
await using var scope = services.CreateAsyncScope();

Console.WriteLine("RUNNING");
Console.Out.Flush();
var result = await scope.ServiceProvider.GetRequiredService<WorkflowRuntime>().ResumeAsync(bookmark, new ResumeInput(), CancellationToken.None);
Console.WriteLine(result.GetType().Name);
