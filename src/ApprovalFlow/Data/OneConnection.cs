using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Data;

/// <summary>
/// Holds a context's connection open across the several queries of one read. EF Core otherwise opens and closes
/// it around each query: on PostgreSQL every reopening also resets the session, which a hot page pays for each time.
/// </summary>
public readonly struct OneConnection : IAsyncDisposable
{
    private readonly DbContext db;

    private OneConnection(DbContext db) => this.db = db;

    /// <summary>Opens <paramref name="db"/>'s connection until the result is disposed (a no-op when it is open already).</summary>
    public static async Task<OneConnection> OpenAsync(DbContext db, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        return new OneConnection(db);
    }

    public ValueTask DisposeAsync() => new(db.Database.CloseConnectionAsync());
}
