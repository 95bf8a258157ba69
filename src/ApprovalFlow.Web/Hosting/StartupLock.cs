using ApprovalFlow.Data;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Web.Hosting;

/// <summary>
/// Lets one node at a time prepare a shared PostgreSQL database at start-up (migrations, holidays, workflow imports,
/// demo data, the first data-protection key), so that nodes started together neither seed twice nor race on a
/// key: a session advisory lock on the context's connection, released when the preparation ends or the node dies.
/// A SQLite database has one node, and needs none.
/// </summary>
internal sealed class StartupLock : IAsyncDisposable
{
    /// <summary>An arbitrary constant naming the start-up lock on the server.</summary>
    private const long LockKey = 0x4146_5374_6172_74; // "AFStart"

    private readonly ApprovalFlowDbContext db;

    private StartupLock(ApprovalFlowDbContext db) => this.db = db;

    public static async Task<StartupLock> AcquireAsync(ApprovalFlowDbContext db, CancellationToken cancellationToken)
    {
        // The connection stays open until disposal: the lock lives as long as the session that took it.
        await db.Database.OpenConnectionAsync(cancellationToken);
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_lock({LockKey})", cancellationToken);
        }

        return new StartupLock(db);
    }

    public async ValueTask DisposeAsync()
    {
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_unlock({LockKey})");
        }

        await db.Database.CloseConnectionAsync();
    }
}
