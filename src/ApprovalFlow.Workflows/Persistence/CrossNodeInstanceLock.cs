using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Workflows.Persistence;

/// <summary>
/// Holds one instance for one run across every node that shares the database. On PostgreSQL it is a session-level
/// advisory lock keyed by the instance id, taken on the connection the run loads and commits through: a second node
/// waits for the first to commit and then finds the bookmark gone, instead of running the same step a second time
/// and losing the commit. The server drops the lock with the session, so a node that dies never leaves it held.
/// SQLite is one file on one machine: the in-process <see cref="InstanceLocks"/> and the row's revision suffice.
/// </summary>
internal static class CrossNodeInstanceLock
{
    /// <summary>The first half of the two-key advisory lock: names the engine's instance locks apart from any other lock on the server.</summary>
    private const int InstanceLockSpace = 0x41464931; // "AFI1"

    private const string PostgreSqlProvider = "Npgsql.EntityFrameworkCore.PostgreSQL";

    /// <summary>Waits for the lock on <paramref name="instanceId"/> on the context's open connection; disposing releases it.</summary>
    public static async Task<IAsyncDisposable?> AcquireAsync(DbContext db, string instanceId, CancellationToken cancellationToken)
    {
        if (db.Database.ProviderName != PostgreSqlProvider)
        {
            return null;
        }

        var connection = db.Database.GetDbConnection();
        await ExecuteAsync(connection, "SELECT pg_advisory_lock(@space, hashtext(@instance))", instanceId, cancellationToken);
        return new Held(connection, instanceId);
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql, string instanceId, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var space = command.CreateParameter();
        space.ParameterName = "@space";
        space.Value = InstanceLockSpace;
        command.Parameters.Add(space);
        var instance = command.CreateParameter();
        instance.ParameterName = "@instance";
        instance.Value = instanceId;
        command.Parameters.Add(instance);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private sealed class Held(DbConnection connection, string instanceId) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            // A broken connection has lost its session, and the server has released the lock with it.
            if (connection.State == ConnectionState.Open)
            {
                await ExecuteAsync(connection, "SELECT pg_advisory_unlock(@space, hashtext(@instance))", instanceId, CancellationToken.None);
            }
        }
    }
}
