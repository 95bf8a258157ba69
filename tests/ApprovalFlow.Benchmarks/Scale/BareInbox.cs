using System.Data.Common;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace ApprovalFlow.Benchmarks.Scale;

/// <summary>
/// The baseline: the inbox's database work as hand-written ADO.NET, on its own connections in this process, in the
/// product's shape (<c>WorkItemAccess.OpenFor</c>): the colleagues stood in for today, then the open items that are
/// the user's own, claimed by them or offered to their role within their agency (and, when someone is away, those
/// of the absent), then the proposals and requests the items are about; every row read. Driven with as many
/// concurrent callers as the load run has connections, so that both figures are taken under the same concurrency.
/// </summary>
public abstract class BareInbox(InboxOwner owner)
{
    private const string StandingInFor = """
        SELECT u."Id" FROM "AspNetUsers" AS u
        WHERE u."SubstituteUserId" = @user AND u."AwayUntil" IS NOT NULL AND u."AwayUntil" >= @today AND u."AgencyId" = @agency
        """;

    private const string Items = """
        SELECT w.* FROM "WorkItems" AS w
        WHERE w."Status" = 0 AND (
            w."AssigneeUserId" = @user OR w."ClaimedByUserId" = @user
            OR (w."AssigneeUserId" IS NULL AND w."ClaimedByUserId" IS NULL AND w."AssigneeRole" IN ('AgencyHead') AND (w."AgencyId" IS NULL OR w."AgencyId" = @agency)))
        """;

    public static BareInbox Sqlite(string connectionString, InboxOwner owner) => new OnSqlite(connectionString, owner);

    public static BareInbox PostgreSql(string connectionString, InboxOwner owner) => new OnPostgreSql(connectionString, owner);

    /// <summary>How many items the inbox holds, as the bare query reads them.</summary>
    public async Task<int> ItemCountAsync()
    {
        await using var connection = await OpenAsync();
        return await CallAsync(connection);
    }

    /// <summary>Runs the inbox's queries from <paramref name="callers"/> callers for <paramref name="duration"/>.</summary>
    public async Task<LoadFigures> RunAsync(int callers, TimeSpan duration)
    {
        var clock = Stopwatch.StartNew();
        var latencies = await Task.WhenAll(Enumerable.Range(0, callers).Select(_ => Task.Run(async () =>
        {
            await using var connection = await OpenAsync();
            var mine = new List<double>();
            while (clock.Elapsed < duration)
            {
                var started = clock.Elapsed;
                await CallAsync(connection);
                mine.Add((clock.Elapsed - started).TotalMilliseconds);
            }

            return mine;
        })));
        var seconds = clock.Elapsed.TotalSeconds;
        var all = latencies.SelectMany(l => l).Order().ToList();
        double Percentile(double p) => Math.Round(all[Math.Min(all.Count - 1, (int)Math.Ceiling(p / 100 * all.Count) - 1)], 2);
        return new LoadFigures(Math.Round(all.Count / seconds, 1), Percentile(50), Percentile(95), Percentile(99), all.Count, 0, 0);
    }

    /// <summary>One inbox's worth of queries; returns how many items it read.</summary>
    public async Task<int> CallAsync(DbConnection connection)
    {
        var correlations = new HashSet<Guid>();
        var count = 0;
        await using (var absent = connection.CreateCommand())
        {
            // The measured user stands in for no one: the items query then has no branch for the absent, as in the product.
            absent.CommandText = StandingInFor;
            Add(absent, "user", Id(owner.UserId));
            Add(absent, "agency", Id(owner.AgencyId));
            Add(absent, "today", Today());
            if (await absent.ExecuteScalarAsync() is not null)
            {
                throw new InvalidOperationException("The measured user stands in for someone: the bare query does not cover that case.");
            }
        }

        await using (var items = connection.CreateCommand())
        {
            items.CommandText = Items;
            Add(items, "user", Id(owner.UserId));
            Add(items, "agency", Id(owner.AgencyId));
            await using var reader = await items.ExecuteReaderAsync();
            var correlation = reader.GetOrdinal("CorrelationId");
            var values = new object[reader.FieldCount];
            while (await reader.ReadAsync())
            {
                reader.GetValues(values);
                count++;
                if (!reader.IsDBNull(correlation) && Guid.TryParse(reader.GetString(correlation), out var id))
                {
                    correlations.Add(id);
                }
            }
        }

        var requestIds = new HashSet<Guid>(correlations);
        await using (var proposals = connection.CreateCommand())
        {
            proposals.CommandText = $"""SELECT "Id", "RequestId", "AgencyId" FROM "Proposals" WHERE "Id" {InList(proposals, correlations)}""";
            await using var reader = await proposals.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                requestIds.Add(ReadGuid(reader, 1));
            }
        }

        await using (var requests = connection.CreateCommand())
        {
            requests.CommandText = $"""SELECT "Id", "Number", "Date" FROM "Requests" WHERE "Id" {InList(requests, requestIds)}""";
            await using var reader = await requests.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                _ = (reader.GetValue(0), reader.GetValue(1), reader.GetValue(2));
            }
        }

        return count;
    }

    public abstract Task<DbConnection> OpenAsync();

    protected abstract object Id(Guid id);

    protected abstract object Today();

    protected abstract string InList(DbCommand command, IReadOnlyCollection<Guid> ids);

    protected abstract Guid ReadGuid(DbDataReader reader, int ordinal);

    protected static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        (parameter.ParameterName, parameter.Value) = ("@" + name, value);
        command.Parameters.Add(parameter);
    }

    private static DateOnly Vietnam() => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));

    /// <summary>SQLite, with values as EF Core stores them: upper-case Guid text, dates as ISO text.</summary>
    private sealed class OnSqlite(string connectionString, InboxOwner owner) : BareInbox(owner)
    {
        public override async Task<DbConnection> OpenAsync()
        {
            var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync();
            return connection;
        }

        protected override object Id(Guid id) => id.ToString().ToUpperInvariant();

        protected override object Today() => Vietnam().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        protected override string InList(DbCommand command, IReadOnlyCollection<Guid> ids)
        {
            var names = ids.Select((id, i) =>
            {
                Add(command, $"id{i}", Id(id));
                return $"@id{i}";
            }).ToList();
            return names.Count == 0 ? "IN (NULL)" : $"IN ({string.Join(", ", names)})";
        }

        protected override Guid ReadGuid(DbDataReader reader, int ordinal) => Guid.Parse(reader.GetString(ordinal));
    }

    /// <summary>PostgreSQL, with native uuid and date values and an array parameter for the id lists.</summary>
    private sealed class OnPostgreSql(string connectionString, InboxOwner owner) : BareInbox(owner)
    {
        public override async Task<DbConnection> OpenAsync()
        {
            var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            return connection;
        }

        protected override object Id(Guid id) => id;

        protected override object Today() => Vietnam();

        protected override string InList(DbCommand command, IReadOnlyCollection<Guid> ids)
        {
            Add(command, "ids", ids.ToArray());
            return "= ANY(@ids)";
        }

        protected override Guid ReadGuid(DbDataReader reader, int ordinal) => reader.GetGuid(ordinal);
    }
}
