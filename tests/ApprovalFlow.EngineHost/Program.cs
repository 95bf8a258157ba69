using System.Globalization;
using ApprovalFlow.Data;
using ApprovalFlow.Reminders;
using ApprovalFlow.Workflows.Activities;
using ApprovalFlow.Workflows.Hosting;
using ApprovalFlow.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

// Usage: ApprovalFlow.EngineHost <sqlite file> <bookmark id>
//   Resumes the bookmark with scripts allowed to run long, announcing "RUNNING" first, so that a test can kill the
//   process while the run is under way. The engine is wired exactly as the web host wires it.
// Usage: ApprovalFlow.EngineHost reminders <sqlite file> <from> <to> <step in minutes>
//   Runs the reminder sweep at each moment from <from> to <to> (a clock the test sets), announcing "RUNNING", so
//   that a test can kill the process in the middle of a sweep.
if (args is ["reminders", var database, var from, var to, var step])
{
    await SweepRemindersAsync(database, DateTimeOffset.Parse(from, CultureInfo.InvariantCulture), DateTimeOffset.Parse(to, CultureInfo.InvariantCulture), TimeSpan.FromMinutes(int.Parse(step, CultureInfo.InvariantCulture)));
    return;
}

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

static async Task SweepRemindersAsync(string file, DateTimeOffset from, DateTimeOffset to, TimeSpan step)
{
    Console.WriteLine("RUNNING");
    Console.Out.Flush();
    for (var now = from; now <= to; now += step)
    {
        await using var db = new SqliteApprovalFlowDbContext(new DbContextOptionsBuilder<SqliteApprovalFlowDbContext>().UseSqlite($"Data Source={file}").Options);
        await new ReminderSweep(db, new FixedClock(now)).RunAsync(CancellationToken.None);
    }

    Console.WriteLine("DONE");
}

/// <summary>The moment the test says it is.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
