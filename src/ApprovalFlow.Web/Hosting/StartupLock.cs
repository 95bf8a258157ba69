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

    /// <summary>How often a node waiting for another's preparation asks again.</summary>
    private static readonly TimeSpan RetryInterval = TimeSpan.FromMilliseconds(500);

    public static async Task<StartupLock> AcquireAsync(ApprovalFlowDbContext db, CancellationToken cancellationToken)
    {
        // The connection stays open until disposal: the lock lives as long as the session that took it.
        await db.Database.OpenConnectionAsync(cancellationToken);
        if (db.Database.IsNpgsql())
        {
            // Asked again and again rather than waited for in one statement: the first node's migrations may take
            // longer than a command may run.
            while (!await TryLockAsync(db, cancellationToken))
            {
                await Task.Delay(RetryInterval, cancellationToken);
            }
        }

        return new StartupLock(db);
    }

    private static async Task<bool> TryLockAsync(ApprovalFlowDbContext db, CancellationToken cancellationToken)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = $"SELECT pg_try_advisory_lock({LockKey})";
        return await command.ExecuteScalarAsync(cancellationToken) is true;
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
