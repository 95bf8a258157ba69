using System.Globalization;
using System.Text.Json.Nodes;
using ApprovalFlow.Data;
using ApprovalFlow.Workflows.Activities;
using ApprovalFlow.Workflows.Hosting;
using ApprovalFlow.Workflows.Model;
using ApprovalFlow.Workflows.Persistence;
using ApprovalFlow.Workflows.Serialization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalFlow.Benchmarks;

/// <summary>
/// The persisted transition the product lives on: resume a waiting bookmark, run to the next wait, commit on
/// SQLite; per second. Baseline, in the same run and on the same file: a hand-written ADO.NET transaction that
/// reads the instance and writes the same rows (instance update, bookmark delete and insert, four journal lines).
/// Targets: at least 1,000 transitions per second, and at most 3× the baseline's time.
/// </summary>
public sealed class TransitionSuite : ISuite
{
    private const int Instances = 100;

    public string Name => "transition";

    public async Task<Dictionary<string, object>> RunAsync(bool quick)
    {
        var file = Path.Combine(Path.GetTempPath(), $"approvalflow-bench-{Guid.NewGuid():N}.db");
        var connectionString = $"Data Source={file}";
        try
        {
            await using var engine = new Engine(connectionString);
            await engine.PrepareAsync();
            var bookmarks = await engine.StartInstancesAsync(Instances);
            var (runs, operations) = quick ? (3, 300) : (7, 1_000);

            var engineMs = await Measure.MillisecondsPerOperationAsync(runs, operations, async i =>
            {
                var slot = i % Instances;
                bookmarks[slot] = await engine.TransitionAsync(bookmarks[slot]);
            });

            var baseline = new AdoNetBaseline(connectionString, await engine.SampleStateAsync());
            await baseline.PrepareAsync(Instances);
            var baselineMs = await Measure.MillisecondsPerOperationAsync(runs, operations, i => baseline.TransitionAsync(i % Instances));

            return new()
            {
                ["transitionsPerSecond"] = Math.Round(1000 / engineMs),
                ["msPerTransition"] = Math.Round(engineMs, 3),
                ["baselineTransitionsPerSecond"] = Math.Round(1000 / baselineMs),
                ["baselineMsPerTransition"] = Math.Round(baselineMs, 3),
                ["ratioToBaseline"] = Math.Round(engineMs / baselineMs, 2),
                ["targetTransitionsPerSecond"] = 1000,
                ["targetMaxRatio"] = 3,
            };
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(file);
        }
    }

    /// <summary>The engine wired as the web host wires it: a scope (and context) per transition.</summary>
    private sealed class Engine(string connectionString) : IAsyncDisposable
    {
        private readonly ServiceProvider services = new ServiceCollection()
            .AddDbContext<SqliteApprovalFlowDbContext>(options => options.UseSqlite(connectionString))
            .AddWorkflowEngine<SqliteApprovalFlowDbContext>()
            .BuildServiceProvider();

        public async Task PrepareAsync()
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SqliteApprovalFlowDbContext>();
            await db.Database.MigrateAsync();
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            var definition = Loop();
            definition.IsPublished = true;
            await scope.ServiceProvider.GetRequiredService<WorkflowDefinitionStore>().ImportAsync(WorkflowJson.Write(definition), CancellationToken.None);
        }

        public async Task<string[]> StartInstancesAsync(int count)
        {
            await using var scope = services.CreateAsyncScope();
            var runtime = scope.ServiceProvider.GetRequiredService<WorkflowRuntime>();
            var bookmarks = new string[count];
            for (var i = 0; i < count; i++)
            {
                bookmarks[i] = (await runtime.StartAsync("loop", $"p-{i}", null, CancellationToken.None)).State.Bookmarks.Single().Id;
            }

            return bookmarks;
        }

        public async Task<string> TransitionAsync(string bookmark)
        {
            await using var scope = services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<WorkflowRuntime>().ResumeAsync(bookmark, new ResumeInput(), CancellationToken.None) is ResumeResult.Resumed resumed
                ? resumed.Run.State.Bookmarks.Single().Id
                : throw new InvalidOperationException("A transition was not resumed.");
        }

        public async Task<string> SampleStateAsync()
        {
            await using var scope = services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<SqliteApprovalFlowDbContext>().Set<WorkflowInstanceRecord>().Select(i => i.StateJson).FirstAsync();
        }

        public ValueTask DisposeAsync() => services.DisposeAsync();

        /// <summary>start → wait → log → wait …: every resume runs to the next wait, as a human-task chain does.</summary>
        private static WorkflowDefinition Loop()
        {
            var root = new ActivityNode { Id = "root", Type = "Elsa.Flowchart" };
            root.Activities.Add(new ActivityNode { Id = "start", Type = "Elsa.Start" });
            var wait = new ActivityNode { Id = "wait", Type = "Elsa.Event" };
            wait.Inputs["eventName"] = InputValue.Literal("String", JsonValue.Create("Next"));
            var log = new ActivityNode { Id = "log", Type = "Elsa.WriteLine" };
            log.Inputs["text"] = InputValue.Literal("String", JsonValue.Create("transition"));
            root.Activities.AddRange([wait, log]);
            root.Connections.Add(new Connection { Source = new("start", "Done"), Target = new("wait", "In") });
            root.Connections.Add(new Connection { Source = new("wait", "Done"), Target = new("log", "In") });
            root.Connections.Add(new Connection { Source = new("log", "Done"), Target = new("wait", "In") });
            return new WorkflowDefinition { Id = "loop-v1", DefinitionId = "loop", Name = "loop", Root = root };
        }
    }

    /// <summary>What the transition writes, by hand: the floor any ORM-based engine is measured against.</summary>
    private sealed class AdoNetBaseline(string connectionString, string stateJson)
    {
        private readonly string[] bookmarks = new string[Instances];
        private readonly long[] sequences = new long[Instances];

        public async Task PrepareAsync(int count)
        {
            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync();
            for (var i = 0; i < count; i++)
            {
                bookmarks[i] = Guid.NewGuid().ToString("N");
                await Execute(connection, null, "INSERT INTO WorkflowInstances (Id, DefinitionId, DefinitionVersionId, DefinitionVersion, CorrelationId, Status, StateJson, Revision, CreatedAt, UpdatedAt) VALUES ($id, 'loop', 'loop-v1', 1, $id, 1, $state, 1, $now, $now)",
                    ("$id", Id(i)), ("$state", stateJson), ("$now", Now()));
                await Execute(connection, null, "INSERT INTO WorkflowBookmarks (Id, InstanceId, ActivityId, Name, Key, ResumeAt, CreatedAt) VALUES ($b, $id, 'wait', 'Elsa.Event', 'Next|', NULL, $now)",
                    ("$b", bookmarks[i]), ("$id", Id(i)), ("$now", Now()));
            }
        }

        public async Task TransitionAsync(int slot)
        {
            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync();
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
            await using (var read = connection.CreateCommand())
            {
                read.Transaction = transaction;
                read.CommandText = "SELECT StateJson, Revision FROM WorkflowInstances WHERE Id = $id";
                read.Parameters.AddWithValue("$id", Id(slot));
                await using var reader = await read.ExecuteReaderAsync();
                await reader.ReadAsync();
            }

            var next = Guid.NewGuid().ToString("N");
            await Execute(connection, transaction, "UPDATE WorkflowInstances SET StateJson = $state, Status = 1, Revision = Revision + 1, UpdatedAt = $now WHERE Id = $id", ("$state", stateJson), ("$now", Now()), ("$id", Id(slot)));
            await Execute(connection, transaction, "DELETE FROM WorkflowBookmarks WHERE Id = $b", ("$b", bookmarks[slot]));
            await Execute(connection, transaction, "INSERT INTO WorkflowBookmarks (Id, InstanceId, ActivityId, Name, Key, ResumeAt, CreatedAt) VALUES ($b, $id, 'wait', 'Elsa.Event', 'Next|', NULL, $now)", ("$b", next), ("$id", Id(slot)), ("$now", Now()));
            foreach (var e in new[] { "Resumed", "Executed", "Executed", "Suspended" })
            {
                await Execute(connection, transaction, "INSERT INTO WorkflowJournal (InstanceId, Sequence, ActivityId, ActivityType, Event, Timestamp, PayloadJson) VALUES ($id, $seq, 'wait', 'Elsa.Event', $e, $now, '{\"bookmark\":\"x\"}')",
                    ("$id", Id(slot)), ("$seq", ++sequences[slot]), ("$e", e), ("$now", Now()));
            }

            await transaction.CommitAsync();
            bookmarks[slot] = next;
        }

        private static string Id(int slot) => "baseline-" + slot.ToString(CultureInfo.InvariantCulture);

        private static string Now() => DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);

        private static async Task Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object Value)[] parameters)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            foreach (var (name, value) in parameters)
            {
                command.Parameters.AddWithValue(name, value);
            }

            await command.ExecuteNonQueryAsync();
        }
    }
}
