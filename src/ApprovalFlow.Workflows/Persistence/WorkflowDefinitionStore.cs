using System.Security.Cryptography;
using System.Text;
using ApprovalFlow.Workflows.Model;
using ApprovalFlow.Workflows.Serialization;
using ApprovalFlow.Workflows.Validation;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Workflows.Persistence;

/// <summary>What became of an imported file.</summary>
public enum ImportStatus
{
    /// <summary>A new version was stored.</summary>
    Created,

    /// <summary>The file is the latest version already: nothing stored.</summary>
    Unchanged,

    /// <summary>The file cannot be used (broken JSON or unknown activity types): nothing stored.</summary>
    Refused,
}

/// <summary>The outcome of an import, with the problems that refused it or kept it from being published.</summary>
public sealed record ImportResult(string? DefinitionId, int? Version, ImportStatus Status, IReadOnlyList<WorkflowProblem> Problems);

/// <summary>
/// Definition versions in the database. Importing a changed file makes a new version; publishing makes a version
/// the one new instances start on, while running instances stay on theirs.
/// </summary>
public sealed class WorkflowDefinitionStore(DbContext db, WorkflowValidator validator, DefinitionCache cache, TimeProvider clock)
{
    /// <summary>Imports every <c>*.json</c> of <paramref name="folder"/>, in name order.</summary>
    public async Task<IReadOnlyList<ImportResult>> ImportFolderAsync(string folder, CancellationToken cancellationToken)
    {
        var results = new List<ImportResult>();
        foreach (var file in Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal) : Enumerable.Empty<string>())
        {
            results.Add(await ImportAsync(await File.ReadAllTextAsync(file, cancellationToken), cancellationToken));
        }

        return results;
    }

    /// <summary>
    /// Stores <paramref name="json"/> as the next version of its definition unless it equals the latest. A file that
    /// says <c>isPublished</c> is published when it validates; its problems are returned otherwise.
    /// </summary>
    public Task<ImportResult> ImportAsync(string json, CancellationToken cancellationToken) => ImportAsync(json, publishIfMarked: true, cancellationToken);

    /// <summary>
    /// Stores <paramref name="json"/> as the next version of its definition unless some version came from the same
    /// text already. With <paramref name="publishIfMarked"/> false the version is a draft whatever the file says: the
    /// designer's import, where nothing goes live before an administrator publishes it.
    /// </summary>
    public async Task<ImportResult> ImportAsync(string json, bool publishIfMarked, CancellationToken cancellationToken)
    {
        WorkflowDefinition definition;
        try
        {
            definition = WorkflowJson.Read(json);
        }
        catch (WorkflowFormatException ex)
        {
            return new ImportResult(null, null, ImportStatus.Refused, [new WorkflowProblem("InvalidJson", null, null, ex.Message)]);
        }

        if (validator.CheckTypes(definition) is { Count: > 0 } unknown)
        {
            return new ImportResult(definition.DefinitionId, null, ImportStatus.Refused, unknown);
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)));
        var versions = await db.Set<WorkflowDefinitionRecord>().Where(d => d.DefinitionId == definition.DefinitionId).ToListAsync(cancellationToken);

        // Any version, not only the latest: a file imported at every start-up must not undo what an administrator
        // has since saved or published in the designer.
        if (versions.Any(v => v.SourceHash == hash))
        {
            return new ImportResult(definition.DefinitionId, versions.Max(v => v.Version), ImportStatus.Unchanged, []);
        }

        var wantsPublish = publishIfMarked && definition.IsPublished;
        definition.Version = versions.Count == 0 ? 1 : versions.Max(v => v.Version) + 1;
        definition.Id = $"{definition.DefinitionId}-v{definition.Version}";
        definition.IsLatest = true;
        definition.IsPublished = false;
        var problems = wantsPublish ? validator.Validate(definition) : [];
        if (wantsPublish && problems.Count == 0)
        {
            versions.ForEach(v => v.IsPublished = false);
            definition.IsPublished = true;
        }

        versions.ForEach(v => v.IsLatest = false);
        db.Add(new WorkflowDefinitionRecord
        {
            Id = definition.Id,
            DefinitionId = definition.DefinitionId,
            Version = definition.Version,
            Name = definition.Name,
            IsLatest = true,
            IsPublished = definition.IsPublished,
            Json = WorkflowJson.Write(definition),
            SourceHash = hash,
            CreatedAt = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(cancellationToken);
        return new ImportResult(definition.DefinitionId, definition.Version, ImportStatus.Created, problems);
    }

    /// <summary>Makes <paramref name="version"/> the one new instances start on, if it validates; returns its problems otherwise.</summary>
    public async Task<IReadOnlyList<WorkflowProblem>> PublishAsync(string definitionId, int version, CancellationToken cancellationToken)
    {
        var versions = await db.Set<WorkflowDefinitionRecord>().Where(d => d.DefinitionId == definitionId).ToListAsync(cancellationToken);
        var target = versions.SingleOrDefault(v => v.Version == version)
            ?? throw new InvalidOperationException($"Workflow '{definitionId}' has no version {version}.");
        var problems = validator.Validate(WorkflowJson.Read(target.Json));
        if (problems.Count == 0)
        {
            versions.ForEach(v => v.IsPublished = v == target);
            await db.SaveChangesAsync(cancellationToken);
        }

        return problems;
    }

    /// <summary>Withdraws the published version: no new instance starts until another is published; running ones go on.</summary>
    public async Task RetractAsync(string definitionId, CancellationToken cancellationToken)
    {
        await db.Set<WorkflowDefinitionRecord>().Where(d => d.DefinitionId == definitionId && d.IsPublished)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.IsPublished, false), cancellationToken);
    }

    /// <summary>The published version of a definition, or null when none is.</summary>
    public async Task<WorkflowDefinition?> FindPublishedAsync(string definitionId, CancellationToken cancellationToken)
    {
        var id = await db.Set<WorkflowDefinitionRecord>().Where(d => d.DefinitionId == definitionId && d.IsPublished).Select(d => d.Id).SingleOrDefaultAsync(cancellationToken);
        return id is null ? null : await GetVersionAsync(id, cancellationToken);
    }

    /// <summary>A version by id. Versions never change once stored, so each is parsed once per process.</summary>
    public async Task<WorkflowDefinition> GetVersionAsync(string versionId, CancellationToken cancellationToken)
    {
        if (cache.TryGet(versionId) is { } cached)
        {
            return cached;
        }

        var record = await db.Set<WorkflowDefinitionRecord>().AsNoTracking().SingleAsync(d => d.Id == versionId, cancellationToken);
        var definition = WorkflowJson.Read(record.Json);
        definition.IsPublished = record.IsPublished;
        return cache.Add(versionId, definition);
    }
}

/// <summary>Parsed definition versions by id, shared by every scope of a process.</summary>
public sealed class DefinitionCache
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, WorkflowDefinition> versions = new(StringComparer.Ordinal);

    public WorkflowDefinition? TryGet(string versionId) => versions.GetValueOrDefault(versionId);

    public WorkflowDefinition Add(string versionId, WorkflowDefinition definition) => versions.GetOrAdd(versionId, definition);

    /// <summary>Forgets a draft that was saved again.</summary>
    public void Remove(string versionId) => versions.TryRemove(versionId, out _);
}
