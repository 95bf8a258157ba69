using ApprovalFlow.Audit;
using ApprovalFlow.Data;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Web.Features.Audit;

/// <summary>
/// <c>dotnet run --project src/ApprovalFlow.Web -- verify-audit</c>: walks the audit chain of the configured database
/// and reports the first broken link. Exit code 0 when the chain holds, 1 when it is broken.
/// </summary>
public static class VerifyAuditCommand
{
    public const string Name = "verify-audit";

    public static async Task<int> RunAsync(WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApprovalFlowDbContext>();
        var count = await db.AuditEntries.LongCountAsync();
        if (await AuditChain.VerifyAsync(db, CancellationToken.None) is { } broken)
        {
            await Console.Error.WriteLineAsync($"Audit chain BROKEN at line {broken.Sequence}: {broken.Reason}. Lines before it are intact.");
            return 1;
        }

        Console.WriteLine($"Audit chain holds: {count} lines verified.");
        return 0;
    }
}
