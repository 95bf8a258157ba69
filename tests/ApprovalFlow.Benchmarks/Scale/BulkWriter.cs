using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace ApprovalFlow.Benchmarks.Scale;

/// <summary>Writes many rows at once, the fastest way each provider has, with values stored as EF Core stores them.</summary>
public interface IBulkWriter
{
    Task WriteAsync(BulkRows rows);

    /// <summary>Refreshes the planner's statistics after the load, as a DBA would after a migration of this size.</summary>
    Task AnalyzeAsync();
}

/// <summary>SQLite: one prepared INSERT, rebound per row, in a single transaction.</summary>
public sealed class SqliteBulkWriter(string connectionString) : IBulkWriter
{
    public async Task WriteAsync(BulkRows rows)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = $"""INSERT INTO "{rows.Table}" ({string.Join(", ", rows.Columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", rows.Columns.Select((_, i) => $"$p{i}"))})""";
        var parameters = rows.Columns.Select((_, i) => insert.Parameters.Add($"$p{i}", SqliteType.Text)).ToArray();
        insert.Prepare();
        foreach (var row in rows.Rows)
        {
            for (var i = 0; i < row.Length; i++)
            {
                (parameters[i].SqliteType, parameters[i].Value) = Stored(row[i]);
            }

            await insert.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }

    public async Task AnalyzeAsync()
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var analyze = connection.CreateCommand();
        analyze.CommandText = "ANALYZE;";
        await analyze.ExecuteNonQueryAsync();
    }

    // The SQLite provider's representations: upper-case Guid text, DateTimeOffset as sortable text, collections as JSON.
    private static (SqliteType, object) Stored(object? value) => value switch
    {
        null => (SqliteType.Text, DBNull.Value),
        Guid id => (SqliteType.Text, id.ToString().ToUpperInvariant()),
        DateTimeOffset at => (SqliteType.Text, at.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture)),
        string[] list => (SqliteType.Text, JsonSerializer.Serialize(list)),
        bool flag => (SqliteType.Integer, flag ? 1 : 0),
        int number => (SqliteType.Integer, number),
        string text => (SqliteType.Text, text),
        _ => throw new NotSupportedException(value.GetType().Name),
    };
}

/// <summary>PostgreSQL: binary <c>COPY … FROM STDIN</c>.</summary>
public sealed class PostgreSqlBulkWriter(string connectionString) : IBulkWriter
{
    public async Task WriteAsync(BulkRows rows)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var importer = await connection.BeginBinaryImportAsync(
            $"""COPY "{rows.Table}" ({string.Join(", ", rows.Columns.Select(c => $"\"{c}\""))}) FROM STDIN (FORMAT BINARY)""");
        foreach (var row in rows.Rows)
        {
            await importer.StartRowAsync();
            foreach (var value in row)
            {
                await (value switch
                {
                    null => importer.WriteNullAsync(),
                    DateTimeOffset at => importer.WriteAsync(at.ToUniversalTime(), NpgsqlTypes.NpgsqlDbType.TimestampTz),
                    _ => importer.WriteAsync(value),
                });
            }
        }

        await importer.CompleteAsync();
    }

    public async Task AnalyzeAsync()
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var analyze = new NpgsqlCommand("VACUUM ANALYZE;", connection);
        await analyze.ExecuteNonQueryAsync();
    }
}
