using System.Diagnostics;
using System.Globalization;
using ApprovalFlow.Data;
using ApprovalFlow.Reminders;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Benchmarks;

/// <summary>
/// The reminder sweep over 100,000 open work items (800,000 scheduled reminders) on SQLite: the idle sweep every
/// minute runs when nothing is due, and a busy one when 1,000 reminders fall due at once (each marked sent and its
/// notification written). Baseline, in the same run and on the same file: the same work as hand-written ADO.NET.
/// Target: a busy sweep under one second.
/// </summary>
public sealed class RemindersSuite : ISuite
{
    private const int Items = 100_000;
    private const int RemindersPerItem = 8;
    private const int DueAtOnce = 1_000;
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);

    public string Name => "reminders";

    public async Task<Dictionary<string, object>> RunAsync(bool quick)
    {
        var file = Path.Combine(Path.GetTempPath(), $"approvalflow-bench-{Guid.NewGuid():N}.db");
        var connectionString = $"Data Source={file}";
        try
        {
            var seedWatch = Stopwatch.StartNew();
            await SeedAsync(connectionString);
            var seedSeconds = seedWatch.Elapsed.TotalSeconds;
            var runs = quick ? 3 : 7;

            // Item i's first reminder falls i × 30 s after the start: 1,000 are due 500 minutes in.
            var busyAt = Start.AddSeconds(DueAtOnce * 30 - 1);
            var idleMs = await MedianAsync(runs, () => SweepAsync(connectionString, Start.AddSeconds(-60), expected: 0));
            var busyMs = await MedianAsync(runs, async () =>
            {
                await ResetAsync(connectionString);
                return await SweepAsync(connectionString, busyAt, expected: DueAtOnce);
            });
            var baselineIdleMs = await MedianAsync(runs, () => BaselineSweepAsync(connectionString, Start.AddSeconds(-60), expected: 0));
            var baselineBusyMs = await MedianAsync(runs, async () =>
            {
                await ResetAsync(connectionString);
                return await BaselineSweepAsync(connectionString, busyAt, expected: DueAtOnce);
            });

            return new()
            {
                ["openWorkItems"] = Items,
                ["scheduledReminders"] = Items * RemindersPerItem,
                ["seedSeconds"] = Math.Round(seedSeconds, 1),
                ["idleSweepMs"] = Math.Round(idleMs, 2),
                ["busySweepMs"] = Math.Round(busyMs, 1),
                ["remindersSentPerBusySweep"] = DueAtOnce,
                ["baselineIdleSweepMs"] = Math.Round(baselineIdleMs, 2),
                ["baselineBusySweepMs"] = Math.Round(baselineBusyMs, 1),
                ["busyRatioToBaseline"] = Math.Round(busyMs / baselineBusyMs, 2),
                ["targetBusySweepMs"] = 1000,
            };
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(file);
        }
    }

    private static async Task<double> MedianAsync(int runs, Func<Task<double>> run)
    {
        await run();
        var samples = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            samples.Add(await run());
        }

        samples.Sort();
        return samples[samples.Count / 2];
    }

    /// <summary>The product's sweep with a fresh context, as each Hangfire run has; returns its milliseconds.</summary>
    private static async Task<double> SweepAsync(string connectionString, DateTimeOffset now, int expected)
    {
        await using var db = new SqliteApprovalFlowDbContext(new DbContextOptionsBuilder<SqliteApprovalFlowDbContext>().UseSqlite(connectionString).Options);
        var watch = Stopwatch.StartNew();
        var sent = await new ReminderSweep(db, new FixedClock(now)).RunAsync(CancellationToken.None);
        var ms = watch.Elapsed.TotalMilliseconds;
        return sent == expected ? ms : throw new InvalidOperationException($"The sweep sent {sent} reminders, not {expected}.");
    }

    /// <summary>The same work in plain ADO.NET: find the due rows, mark each sent if unsent, write its notification.</summary>
    private static async Task<double> BaselineSweepAsync(string connectionString, DateTimeOffset now, int expected)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        var watch = Stopwatch.StartNew();
        var sent = 0;
        while (true)
        {
            var due = new List<(string Id, string ItemId)>();
            await using (var find = connection.CreateCommand())
            {
                find.CommandText = """
                    SELECT r."Id", r."WorkItemId" FROM "WorkItemReminders" r JOIN "WorkItems" i ON i."Id" = r."WorkItemId"
                    WHERE r."SentAt" IS NULL AND r."DueAtUtcTicks" <= $now ORDER BY r."DueAtUtcTicks" LIMIT 500
                    """;
                find.Parameters.AddWithValue("$now", now.UtcTicks);
                await using var reader = await find.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    due.Add((reader.GetString(0), reader.GetString(1)));
                }
            }

            if (due.Count == 0)
            {
                break;
            }

            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
            await using var mark = connection.CreateCommand();
            mark.Transaction = transaction;
            mark.CommandText = """UPDATE "WorkItemReminders" SET "SentAt" = $at WHERE "Id" = $id AND "SentAt" IS NULL""";
            var markId = mark.Parameters.Add("$id", SqliteType.Text);
            mark.Parameters.AddWithValue("$at", now.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture));
            await using var notify = connection.CreateCommand();
            notify.Transaction = transaction;
            notify.CommandText = """INSERT INTO "Notifications" ("Id", "Kind", "WorkItemId", "CreatedAt", "Attempts", "NextAttemptAtUtcTicks") VALUES ($id, 'reminder', $item, $at, 0, 0)""";
            var notifyId = notify.Parameters.Add("$id", SqliteType.Text);
            var notifyItem = notify.Parameters.Add("$item", SqliteType.Text);
            notify.Parameters.AddWithValue("$at", now.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture));
            foreach (var (id, itemId) in due)
            {
                markId.Value = id;
                if (await mark.ExecuteNonQueryAsync() == 1)
                {
                    notifyId.Value = Guid.NewGuid().ToString().ToUpperInvariant();
                    notifyItem.Value = itemId;
                    await notify.ExecuteNonQueryAsync();
                    sent++;
                }
            }

            await transaction.CommitAsync();
        }

        var ms = watch.Elapsed.TotalMilliseconds;
        return sent == expected ? ms : throw new InvalidOperationException($"The baseline sent {sent} reminders, not {expected}.");
    }

    /// <summary>Puts the sent reminders back, so that each measured busy sweep finds the same work.</summary>
    private static async Task ResetAsync(string connectionString)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var reset = connection.CreateCommand();
        reset.CommandText = """UPDATE "WorkItemReminders" SET "SentAt" = NULL WHERE "SentAt" IS NOT NULL; DELETE FROM "Notifications";""";
        await reset.ExecuteNonQueryAsync();
    }

    private static async Task SeedAsync(string connectionString)
    {
        await using (var db = new SqliteApprovalFlowDbContext(new DbContextOptionsBuilder<SqliteApprovalFlowDbContext>().UseSqlite(connectionString).Options))
        {
            await db.Database.MigrateAsync();
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }

        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        await using var item = connection.CreateCommand();
        item.Transaction = transaction;
        item.CommandText = """
            INSERT INTO "WorkItems" ("Id", "InstanceId", "ActivityId", "Title", "Form", "AssigneeRole", "Outcomes", "CommentRequiredFor", "AllowEmailApproval", "CreatedAt", "Status", "Revision")
            VALUES ($id, $instance, 'sign-off', 'Ký duyệt đề xuất', 'sign-off', 'AgencyHead', '["Approve","Return"]', '["Return"]', 0, '2026-03-01 00:00:00+00:00', 0, 1)
            """;
        var itemId = item.Parameters.Add("$id", SqliteType.Text);
        var instance = item.Parameters.Add("$instance", SqliteType.Text);
        await using var reminder = connection.CreateCommand();
        reminder.Transaction = transaction;
        reminder.CommandText = """INSERT INTO "WorkItemReminders" ("Id", "WorkItemId", "Kind", "Number", "DueAtUtcTicks") VALUES ($id, $item, $kind, 1, $due)""";
        var reminderId = reminder.Parameters.Add("$id", SqliteType.Text);
        var reminderItem = reminder.Parameters.Add("$item", SqliteType.Text);
        var kind = reminder.Parameters.Add("$kind", SqliteType.Integer);
        var due = reminder.Parameters.Add("$due", SqliteType.Integer);
        for (var i = 0; i < Items; i++)
        {
            var id = Guid.NewGuid().ToString().ToUpperInvariant();
            (itemId.Value, instance.Value) = (id, $"bench-{i}");
            await item.ExecuteNonQueryAsync();
            for (var k = 0; k < RemindersPerItem; k++)
            {
                (reminderId.Value, reminderItem.Value, kind.Value) = (Guid.NewGuid().ToString().ToUpperInvariant(), id, Math.Min(k, 2));
                due.Value = Start.AddSeconds(i * 30).AddDays(k).UtcTicks;
                await reminder.ExecuteNonQueryAsync();
            }
        }

        await transaction.CommitAsync();
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
