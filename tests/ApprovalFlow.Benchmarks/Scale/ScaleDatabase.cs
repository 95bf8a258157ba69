using System.Data.Common;
using ApprovalFlow.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace ApprovalFlow.Benchmarks.Scale;

/// <summary>One provider's database for the scale run: the app's settings for it, its bulk writer and its bare baseline.</summary>
public abstract class ScaleDatabase : IAsyncDisposable
{
    public const string OwnerEmail = "truongban.bdt@demo.local";

    public abstract string Provider { get; }

    /// <summary>The data folder (keys; the SQLite file).</summary>
    public string DataDir { get; } = Directory.CreateTempSubdirectory("approvalflow-scale-").FullName;

    /// <summary>The app's <c>Database:*</c> settings.</summary>
    public abstract IReadOnlyDictionary<string, string> Settings { get; }

    public abstract IBulkWriter Writer { get; }

    public static ScaleDatabase Sqlite() => new OnSqlite();

    public static async Task<ScaleDatabase> PostgreSqlAsync() => new OnPostgreSql(await (await PostgresServer.InstanceAsync()).CreateDatabaseAsync());

    public abstract BareInbox Bare(InboxOwner owner);

    /// <summary>The measured user and what their items are about, as the app's demo seed made them.</summary>
    public async Task<InboxOwner> OwnerAsync()
    {
        await using var connection = await OpenAsync();
        var (userId, agencyId) = await ReadAsync(connection, """SELECT "Id", "AgencyId" FROM "AspNetUsers" WHERE "NormalizedEmail" = @email""", r => (AsGuid(r[0]), AsGuid(r[1])), ("email", OwnerEmail.ToUpperInvariant()))
            is [var one] ? one : throw new InvalidOperationException($"The demo seed has no {OwnerEmail}.");
        var proposals = await ReadAsync(connection, """SELECT "Id", "AgencyId" FROM "Proposals" """, r => (Id: AsGuid(r[0]), Agency: AsGuid(r[1])));
        var requests = await ReadAsync(connection, """SELECT "Id" FROM "Requests" """, r => AsGuid(r[0]));
        return new InboxOwner(userId, agencyId, [.. proposals.Where(p => p.Agency == agencyId).Select(p => p.Id), .. requests]);
    }

    public abstract ValueTask DisposeAsync();

    protected abstract Task<DbConnection> OpenAsync();

    private static Guid AsGuid(object value) => value is Guid id ? id : Guid.Parse((string)value);

    private static async Task<List<T>> ReadAsync<T>(DbConnection connection, string sql, Func<DbDataReader, T> read, params (string Name, object Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            (parameter.ParameterName, parameter.Value) = ("@" + name, value);
            command.Parameters.Add(parameter);
        }

        var rows = new List<T>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    private sealed class OnSqlite : ScaleDatabase
    {
        private string ConnectionString => $"Data Source={Path.Combine(DataDir, "approvalflow.db")}";

        public override string Provider => "Sqlite";

        public override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["Database:Provider"] = "Sqlite" };

        public override IBulkWriter Writer => new SqliteBulkWriter(ConnectionString);

        public override BareInbox Bare(InboxOwner owner) => BareInbox.Sqlite(ConnectionString, owner);

        public override ValueTask DisposeAsync()
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(DataDir, recursive: true);
            return ValueTask.CompletedTask;
        }

        protected override async Task<DbConnection> OpenAsync()
        {
            var connection = new SqliteConnection(ConnectionString);
            await connection.OpenAsync();
            return connection;
        }
    }

    private sealed class OnPostgreSql(string connectionString) : ScaleDatabase
    {
        public override string Provider => "PostgreSql";

        public override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
        {
            ["Database:Provider"] = "PostgreSql",
            ["Database:ConnectionString"] = connectionString,
        };

        public override IBulkWriter Writer => new PostgreSqlBulkWriter(connectionString);

        public override BareInbox Bare(InboxOwner owner) => BareInbox.PostgreSql(connectionString, owner);

        public override ValueTask DisposeAsync()
        {
            NpgsqlConnection.ClearAllPools();
            Directory.Delete(DataDir, recursive: true);
            return ValueTask.CompletedTask;
        }

        protected override async Task<DbConnection> OpenAsync()
        {
            var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            return connection;
        }
    }
}
