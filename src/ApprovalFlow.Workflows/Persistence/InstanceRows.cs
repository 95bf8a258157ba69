using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace ApprovalFlow.Workflows.Persistence;

/// <summary>
/// Reads and writes an instance's own rows with a few plain commands on the context's connection and transaction.
/// These rows are the engine's alone and their shape is fixed, so EF's query pipeline and change tracker would only
/// add cost: they made a transition several times slower than the same statements by hand (see the
/// <c>transition</c> benchmark). The SQL quotes its identifiers and so runs unchanged on SQLite and PostgreSQL.
/// </summary>
internal sealed class InstanceRows(DbContext db)
{
    /// <summary>The instance a bookmark belongs to, or null when the bookmark is gone (resumed already).</summary>
    public async Task<string?> InstanceOfBookmarkAsync(string bookmarkId, CancellationToken cancellationToken)
    {
        await using var command = Command("""SELECT "InstanceId" FROM "WorkflowBookmarks" WHERE "Id" = @id""", ("@id", bookmarkId));
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    /// <summary>The instance row, or null.</summary>
    public async Task<WorkflowInstanceRecord?> FindInstanceAsync(string instanceId, CancellationToken cancellationToken)
    {
        await using var command = Command(
            """SELECT "Id", "DefinitionId", "DefinitionVersionId", "DefinitionVersion", "CorrelationId", "Status", "StateJson", "Revision", "CreatedAt", "UpdatedAt", "ParentBookmarkId" FROM "WorkflowInstances" WHERE "Id" = @id""",
            ("@id", instanceId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new WorkflowInstanceRecord
        {
            Id = reader.GetString(0),
            DefinitionId = reader.GetString(1),
            DefinitionVersionId = reader.GetString(2),
            DefinitionVersion = reader.GetInt32(3),
            CorrelationId = reader.IsDBNull(4) ? null : reader.GetString(4),
            Status = (Runtime.WorkflowStatus)reader.GetInt32(5),
            StateJson = reader.GetString(6),
            Revision = reader.GetInt32(7),
            CreatedAt = reader.GetFieldValue<DateTimeOffset>(8),
            UpdatedAt = reader.GetFieldValue<DateTimeOffset>(9),
            ParentBookmarkId = reader.IsDBNull(10) ? null : reader.GetString(10),
        };
    }

    public Task InsertInstanceAsync(WorkflowInstanceRecord instance, CancellationToken cancellationToken) =>
        ExecuteAsync(
            """INSERT INTO "WorkflowInstances" ("Id", "DefinitionId", "DefinitionVersionId", "DefinitionVersion", "CorrelationId", "ParentInstanceId", "ParentBookmarkId", "Status", "StateJson", "Revision", "CreatedAt", "UpdatedAt") VALUES (@id, @definition, @version, @number, @correlation, @parent, @parentBookmark, @status, @state, @revision, @created, @updated)""",
            cancellationToken,
            ("@id", instance.Id), ("@definition", instance.DefinitionId), ("@version", instance.DefinitionVersionId), ("@number", instance.DefinitionVersion),
            ("@correlation", instance.CorrelationId), ("@parent", instance.ParentInstanceId), ("@parentBookmark", instance.ParentBookmarkId), ("@status", (int)instance.Status), ("@state", instance.StateJson), ("@revision", instance.Revision),
            ("@created", instance.CreatedAt), ("@updated", instance.UpdatedAt));

    /// <summary>Updates the instance if it is still at <paramref name="expectedRevision"/>; otherwise the run lost a race.</summary>
    public async Task UpdateInstanceAsync(WorkflowInstanceRecord instance, int expectedRevision, CancellationToken cancellationToken)
    {
        var rows = await ExecuteAsync(
            """UPDATE "WorkflowInstances" SET "Status" = @status, "StateJson" = @state, "Revision" = @revision, "UpdatedAt" = @updated WHERE "Id" = @id AND "Revision" = @expected""",
            cancellationToken,
            ("@status", (int)instance.Status), ("@state", instance.StateJson), ("@revision", instance.Revision), ("@updated", instance.UpdatedAt),
            ("@id", instance.Id), ("@expected", expectedRevision));
        if (rows != 1)
        {
            throw new DbUpdateConcurrencyException($"Instance {instance.Id} was changed by another run.");
        }
    }

    /// <summary>Deletes the bookmarks a run consumed; one already gone means another run resumed it first.</summary>
    public async Task DeleteBookmarksAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return;
        }

        var names = ids.Select((_, i) => $"@b{i}").ToList();
        var rows = await ExecuteAsync(
            $"""DELETE FROM "WorkflowBookmarks" WHERE "Id" IN ({string.Join(", ", names)})""",
            cancellationToken,
            [.. ids.Select((id, i) => (names[i], (object?)id))]);
        if (rows != ids.Count)
        {
            throw new DbUpdateConcurrencyException("A bookmark was resumed by another run.");
        }
    }

    public Task InsertBookmarksAsync(IEnumerable<BookmarkRecord> bookmarks, CancellationToken cancellationToken) =>
        InsertRowsAsync(
            "WorkflowBookmarks", ["Id", "InstanceId", "ActivityId", "Name", "Key", "ResumeAt", "CreatedAt"],
            bookmarks.Select(b => new object?[] { b.Id, b.InstanceId, b.ActivityId, b.Name, b.Key, b.ResumeAt, b.CreatedAt }), cancellationToken);

    public Task InsertJournalAsync(IEnumerable<JournalRecord> entries, CancellationToken cancellationToken) =>
        InsertRowsAsync(
            "WorkflowJournal", ["InstanceId", "Sequence", "ActivityId", "ActivityType", "Event", "Timestamp", "PayloadJson"],
            entries.Select(j => new object?[] { j.InstanceId, j.Sequence, j.ActivityId, j.ActivityType, j.Event, j.Timestamp, j.PayloadJson }), cancellationToken);

    private async Task InsertRowsAsync(string table, string[] columns, IEnumerable<object?[]> rows, CancellationToken cancellationToken)
    {
        var list = rows.ToList();
        if (list.Count == 0)
        {
            return;
        }

        var sql = new StringBuilder($"""INSERT INTO "{table}" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES """);
        var parameters = new List<(string, object?)>();
        for (var r = 0; r < list.Count; r++)
        {
            sql.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < columns.Length; c++)
            {
                var name = string.Create(CultureInfo.InvariantCulture, $"@p{r}_{c}");
                sql.Append(c == 0 ? name : ", " + name);
                parameters.Add((name, list[r][c]));
            }

            sql.Append(')');
        }

        await ExecuteAsync(sql.ToString(), cancellationToken, [.. parameters]);
    }

    private async Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>A command on the context's open connection, in its transaction if one is under way.</summary>
    private DbCommand Command(string sql, params (string Name, object? Value)[] parameters)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            // PostgreSQL's timestamptz takes UTC only, and a deadline given in Vietnam's offset is the same instant in UTC.
            parameter.Value = value is DateTimeOffset instant ? instant.ToUniversalTime() : value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return command;
    }
}
