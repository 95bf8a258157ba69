using ApprovalFlow.Data;
using ApprovalFlow.Tests.Infrastructure;
using ApprovalFlow.Workflows.Activities;
using ApprovalFlow.Workflows.Expressions;
using ApprovalFlow.Workflows.Persistence;
using ApprovalFlow.Workflows.Runtime;
using ApprovalFlow.Workflows.Serialization;
using ApprovalFlow.Workflows.Validation;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Tests.Workflows;

/// <summary>The application database, migrated, that the engine's runs commit into; one flavour per provider.</summary>
public abstract class EngineDatabase : IAsyncLifetime
{
    private readonly DefinitionCache cache = new();
    private readonly ActivityRegistry registry = ActivityRegistry.CreateDefault();
    private readonly InstanceLocks locks = new();

    public TimeProvider Clock { get; } = TimeProvider.System;

    public abstract ApprovalFlowDbContext NewContext();

    public WorkflowDefinitionStore Definitions(ApprovalFlowDbContext db) => new(db, new WorkflowValidator(registry), cache, Clock);

    /// <summary>A runtime on <paramref name="db"/>; pass <paramref name="node"/> locks to act as another node of a cluster.</summary>
    public WorkflowRuntime Runtime(ApprovalFlowDbContext db, InstanceLocks? node = null, params IWorkflowCommitParticipant[] participants) =>
        new(db, Definitions(db), new WorkflowRunner(registry, new ExpressionEvaluator(new ScriptLimits()), Flow.NoServices, Clock), node ?? locks, participants, [], Clock);

    /// <summary>Imports a definition built in a test as a published file.</summary>
    public async Task<ImportResult> ImportAsync(ApprovalFlow.Workflows.Model.WorkflowDefinition definition)
    {
        definition.IsPublished = true;
        await using var db = NewContext();
        return await Definitions(db).ImportAsync(WorkflowJson.Write(definition), CancellationToken.None);
    }

    public virtual async Task InitializeAsync()
    {
        await using var db = NewContext();
        await db.Database.MigrateAsync();
    }

    public virtual Task DisposeAsync() => Task.CompletedTask;
}

/// <summary>SQLite in a temporary file, as the embedded default runs.</summary>
public sealed class SqliteEngineDatabase : EngineDatabase
{
    public string File { get; } = Path.Combine(Path.GetTempPath(), $"approvalflow-engine-{Guid.NewGuid():N}.db");

    public override ApprovalFlowDbContext NewContext() =>
        new SqliteApprovalFlowDbContext(new DbContextOptionsBuilder<SqliteApprovalFlowDbContext>().UseSqlite($"Data Source={File}").Options);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var db = NewContext();
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
    }

    public override Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        System.IO.File.Delete(File);
        return Task.CompletedTask;
    }
}

/// <summary>A database of its own on the test run's PostgreSQL server, as production runs.</summary>
public sealed class PostgresEngineDatabase : EngineDatabase
{
    private DbContextOptions<PostgreSqlApprovalFlowDbContext>? options;

    public override ApprovalFlowDbContext NewContext() => new PostgreSqlApprovalFlowDbContext(options!);

    public override async Task InitializeAsync()
    {
        var connectionString = await (await PostgresServer.InstanceAsync()).CreateDatabaseAsync();
        options = new DbContextOptionsBuilder<PostgreSqlApprovalFlowDbContext>().UseNpgsql(connectionString).Options;
        await base.InitializeAsync();
    }
}
