using ApprovalFlow.Data;
using ApprovalFlow.Workflows.Activities;
using ApprovalFlow.Workflows.Expressions;
using ApprovalFlow.Workflows.Persistence;
using ApprovalFlow.Workflows.Runtime;
using ApprovalFlow.Workflows.Serialization;
using ApprovalFlow.Workflows.Validation;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Tests.Workflows;

/// <summary>The application's SQLite database, migrated, in a temporary file: the engine's runs commit into it.</summary>
public sealed class EngineDatabase : IAsyncLifetime
{
    public string File { get; } = Path.Combine(Path.GetTempPath(), $"approvalflow-engine-{Guid.NewGuid():N}.db");
    private readonly DefinitionCache cache = new();
    private readonly ActivityRegistry registry = ActivityRegistry.CreateDefault();
    private readonly InstanceLocks locks = new();

    public TimeProvider Clock { get; } = TimeProvider.System;

    public SqliteApprovalFlowDbContext NewContext() =>
        new(new DbContextOptionsBuilder<SqliteApprovalFlowDbContext>().UseSqlite($"Data Source={File}").Options);

    public WorkflowDefinitionStore Definitions(SqliteApprovalFlowDbContext db) => new(db, new WorkflowValidator(registry), cache, Clock);

    /// <summary>A runtime on <paramref name="db"/>; pass <paramref name="node"/> locks to act as another node of a cluster.</summary>
    public WorkflowRuntime Runtime(SqliteApprovalFlowDbContext db, InstanceLocks? node = null, params IWorkflowCommitParticipant[] participants) =>
        new(db, Definitions(db), new WorkflowRunner(registry, new ExpressionEvaluator(new ScriptLimits()), Flow.NoServices, Clock), node ?? locks, participants, Clock);

    /// <summary>Imports a definition built in a test as a published file.</summary>
    public async Task<ImportResult> ImportAsync(ApprovalFlow.Workflows.Model.WorkflowDefinition definition)
    {
        definition.IsPublished = true;
        await using var db = NewContext();
        return await Definitions(db).ImportAsync(WorkflowJson.Write(definition), CancellationToken.None);
    }

    public async Task InitializeAsync()
    {
        await using var db = NewContext();
        await db.Database.MigrateAsync();
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        System.IO.File.Delete(File);
        return Task.CompletedTask;
    }
}
