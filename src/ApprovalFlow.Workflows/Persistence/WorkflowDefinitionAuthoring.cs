using System.Security.Cryptography;
using System.Text;
using ApprovalFlow.Workflows.Model;
using ApprovalFlow.Workflows.Runtime;
using ApprovalFlow.Workflows.Serialization;
using ApprovalFlow.Workflows.Validation;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Workflows.Persistence;

/// <summary>
/// A version of a definition as the designer lists it, with its <c>ActiveInstances</c>: the instances on it that have
/// not ended (running, waiting or faulted).
/// </summary>
public sealed record DefinitionVersionSummary(int Version, string Id, DateTimeOffset CreatedAt, bool IsLatest, bool IsPublished, int ActiveInstances);

/// <summary>A definition with all its versions, newest first.</summary>
public sealed record DefinitionSummary(string DefinitionId, string Name, int LatestVersion, int? PublishedVersion, IReadOnlyList<DefinitionVersionSummary> Versions);

/// <summary>What a save did: the version it wrote and what still keeps that version from being published.</summary>
public sealed record DraftSaveResult(int Version, bool NewVersion, IReadOnlyList<WorkflowProblem> Problems);

/// <summary>
/// The designer's side of definitions: list them, read any version, save drafts, revert. Follows Elsa 3's rules:
/// editing a published (or used) version makes a new version; saving the same draft again rewrites it; a revert
/// copies an old version into a new draft and publishes nothing.
/// </summary>
public sealed class WorkflowDefinitionAuthoring(DbContext db, WorkflowValidator validator, DefinitionCache cache, TimeProvider clock)
{
    private static readonly WorkflowStatus[] Active = [WorkflowStatus.Running, WorkflowStatus.Suspended, WorkflowStatus.Faulted];

    /// <summary>Every definition, by name.</summary>
    public async Task<IReadOnlyList<DefinitionSummary>> ListAsync(CancellationToken cancellationToken)
    {
        var versions = await db.Set<WorkflowDefinitionRecord>().AsNoTracking()
            .Select(d => new { d.DefinitionId, d.Name, d.Version, d.Id, d.CreatedAt, d.IsLatest, d.IsPublished })
            .ToListAsync(cancellationToken);
        var active = await ActiveCountsAsync(null, cancellationToken);
        return
        [
            .. versions.GroupBy(v => v.DefinitionId, StringComparer.Ordinal)
                .Select(g => new DefinitionSummary(
                    g.Key,
                    g.MaxBy(v => v.Version)!.Name,
                    g.Max(v => v.Version),
                    g.SingleOrDefault(v => v.IsPublished)?.Version,
                    [.. g.OrderByDescending(v => v.Version).Select(v => new DefinitionVersionSummary(v.Version, v.Id, v.CreatedAt, v.IsLatest, v.IsPublished, active.GetValueOrDefault(v.Id)))]))
                .OrderBy(d => d.Name, StringComparer.CurrentCulture),
        ];
    }

    /// <summary>One definition's versions, newest first; null when there is no such definition.</summary>
    public async Task<DefinitionSummary?> FindAsync(string definitionId, CancellationToken cancellationToken)
    {
        var versions = await db.Set<WorkflowDefinitionRecord>().AsNoTracking().Where(d => d.DefinitionId == definitionId)
            .OrderByDescending(d => d.Version)
            .Select(d => new { d.Name, d.Version, d.Id, d.CreatedAt, d.IsLatest, d.IsPublished })
            .ToListAsync(cancellationToken);
        if (versions.Count == 0)
        {
            return null;
        }

        var active = await ActiveCountsAsync(definitionId, cancellationToken);
        return new DefinitionSummary(
            definitionId,
            versions[0].Name,
            versions[0].Version,
            versions.SingleOrDefault(v => v.IsPublished)?.Version,
            [.. versions.Select(v => new DefinitionVersionSummary(v.Version, v.Id, v.CreatedAt, v.IsLatest, v.IsPublished, active.GetValueOrDefault(v.Id)))]);
    }

    /// <summary>A version (the latest when <paramref name="version"/> is null) with its current flags; null when absent.</summary>
    public async Task<WorkflowDefinition?> GetAsync(string definitionId, int? version, CancellationToken cancellationToken)
    {
        var query = db.Set<WorkflowDefinitionRecord>().AsNoTracking().Where(d => d.DefinitionId == definitionId);
        var record = await (version is { } number ? query.Where(d => d.Version == number) : query.Where(d => d.IsLatest)).SingleOrDefaultAsync(cancellationToken);
        if (record is null)
        {
            return null;
        }

        // Parsed afresh, not from the runtime's cache: a draft changes between saves.
        var definition = WorkflowJson.Read(record.Json);
        definition.IsLatest = record.IsLatest;
        definition.IsPublished = record.IsPublished;
        return definition;
    }

    /// <summary>Starts a new definition: version 1, a draft with an empty flowchart.</summary>
    public async Task<string> CreateAsync(string name, CancellationToken cancellationToken)
    {
        var definitionId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var definition = new WorkflowDefinition
        {
            Id = $"{definitionId}-v1",
            DefinitionId = definitionId,
            Name = name.Trim(),
            CreatedAt = clock.GetUtcNow(),
            Root = new ActivityNode { Id = "flowchart", Type = Activities.Core.Flowchart.TypeName, Name = "Flowchart1" },
        };
        db.Add(NewRecord(definition));
        await db.SaveChangesAsync(cancellationToken);
        return definitionId;
    }

    /// <summary>
    /// Saves the designer's graph as the draft of <paramref name="definition"/>'s definition. The latest version is
    /// rewritten when it is a draft no instance has run on; otherwise the graph becomes a new version. The problems
    /// are what would stop a publish: a draft may be saved with them.
    /// </summary>
    public async Task<DraftSaveResult?> SaveDraftAsync(WorkflowDefinition definition, CancellationToken cancellationToken)
    {
        var versions = await db.Set<WorkflowDefinitionRecord>().Where(d => d.DefinitionId == definition.DefinitionId).ToListAsync(cancellationToken);
        if (versions.Count == 0)
        {
            return null;
        }

        var latest = versions.Single(v => v.IsLatest);
        var problems = validator.Validate(definition);
        var rewrite = !latest.IsPublished && !await db.Set<WorkflowInstanceRecord>().AnyAsync(i => i.DefinitionVersionId == latest.Id, cancellationToken);
        if (rewrite)
        {
            definition.Id = latest.Id;
            definition.Version = latest.Version;
            definition.CreatedAt = latest.CreatedAt;
            definition.IsLatest = true;
            definition.IsPublished = false;
            latest.Name = definition.Name;
            latest.Json = WorkflowJson.Write(definition);
            latest.SourceHash = Hash(latest.Json);
            cache.Remove(latest.Id);
        }
        else
        {
            AddVersion(definition, versions);
        }

        await db.SaveChangesAsync(cancellationToken);
        return new DraftSaveResult(definition.Version, !rewrite, problems);
    }

    /// <summary>Copies <paramref name="version"/> into a new draft (Elsa's revert); null when there is no such version.</summary>
    public async Task<int?> RevertAsync(string definitionId, int version, CancellationToken cancellationToken)
    {
        var versions = await db.Set<WorkflowDefinitionRecord>().Where(d => d.DefinitionId == definitionId).ToListAsync(cancellationToken);
        if (versions.SingleOrDefault(v => v.Version == version) is not { } source)
        {
            return null;
        }

        var definition = WorkflowJson.Read(source.Json);
        AddVersion(definition, versions);
        await db.SaveChangesAsync(cancellationToken);
        return definition.Version;
    }

    /// <summary>Validates a graph without storing it.</summary>
    public IReadOnlyList<WorkflowProblem> Validate(WorkflowDefinition definition) => validator.Validate(definition);

    private void AddVersion(WorkflowDefinition definition, List<WorkflowDefinitionRecord> versions)
    {
        definition.Version = versions.Max(v => v.Version) + 1;
        definition.Id = $"{definition.DefinitionId}-v{definition.Version}";
        definition.CreatedAt = clock.GetUtcNow();
        definition.IsLatest = true;
        definition.IsPublished = false;
        versions.ForEach(v => v.IsLatest = false);
        db.Add(NewRecord(definition));
    }

    private static WorkflowDefinitionRecord NewRecord(WorkflowDefinition definition)
    {
        var json = WorkflowJson.Write(definition);
        return new WorkflowDefinitionRecord
        {
            Id = definition.Id,
            DefinitionId = definition.DefinitionId,
            Version = definition.Version,
            Name = definition.Name,
            IsLatest = definition.IsLatest,
            IsPublished = definition.IsPublished,
            Json = json,
            SourceHash = Hash(json),
            CreatedAt = definition.CreatedAt,
        };
    }

    private async Task<Dictionary<string, int>> ActiveCountsAsync(string? definitionId, CancellationToken cancellationToken)
    {
        var instances = db.Set<WorkflowInstanceRecord>().AsNoTracking().Where(i => Active.Contains(i.Status));
        if (definitionId is not null)
        {
            instances = instances.Where(i => i.DefinitionId == definitionId);
        }

        return await instances.GroupBy(i => i.DefinitionVersionId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, StringComparer.Ordinal, cancellationToken);
    }

    private static string Hash(string json) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)));
}
