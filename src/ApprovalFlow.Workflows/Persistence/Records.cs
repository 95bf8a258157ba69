namespace ApprovalFlow.Workflows.Persistence;

/// <summary>A stored definition version; <see cref="Json"/> is its Elsa export.</summary>
public sealed class WorkflowDefinitionRecord
{
    /// <summary>The version's id (Elsa's <c>id</c>).</summary>
    public required string Id { get; init; }

    public required string DefinitionId { get; init; }

    public int Version { get; init; }

    public required string Name { get; set; }

    public bool IsLatest { get; set; }

    public bool IsPublished { get; set; }

    /// <summary>
    /// The definition in Elsa 3's JSON, as exported by the engine. Only a draft no instance has run on is ever
    /// rewritten (saving it again in the designer); every other version stays as stored.
    /// </summary>
    public required string Json { get; set; }

    /// <summary>SHA-256 of the imported file or the designer's save, to tell a changed file from an unchanged one.</summary>
    public required string SourceHash { get; set; }

    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>A stored instance: its status for queries, its whole state as JSON, and a token against concurrent runs.</summary>
public sealed class WorkflowInstanceRecord
{
    public required string Id { get; init; }

    public required string DefinitionId { get; init; }

    public required string DefinitionVersionId { get; init; }

    public int DefinitionVersion { get; init; }

    public string? CorrelationId { get; init; }

    /// <summary>For a dispatched child: the instance that dispatched it.</summary>
    public string? ParentInstanceId { get; init; }

    /// <summary>For a child whose parent waits: the parent's bookmark, resumed when every child is done.</summary>
    public string? ParentBookmarkId { get; init; }

    public Runtime.WorkflowStatus Status { get; set; }

    /// <summary>The serialized <see cref="Runtime.WorkflowState"/>.</summary>
    public required string StateJson { get; set; }

    /// <summary>Raised by every committed run: two runs of one instance cannot both commit.</summary>
    public int Revision { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A waiting bookmark, as a row so that events and timers find it by name and key.</summary>
public sealed class BookmarkRecord
{
    public required string Id { get; init; }

    public required string InstanceId { get; init; }

    public required string ActivityId { get; init; }

    public required string Name { get; init; }

    public string? Key { get; init; }

    public DateTimeOffset? ResumeAt { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>A journal line (append-only), keyed by instance and sequence.</summary>
public sealed class JournalRecord
{
    public required string InstanceId { get; init; }

    public long Sequence { get; init; }

    public string? ActivityId { get; init; }

    public string? ActivityType { get; init; }

    public required string Event { get; init; }

    public DateTimeOffset Timestamp { get; init; }

    public string? PayloadJson { get; init; }
}

/// <summary>A fault of an instance, open until retried or cancelled.</summary>
public sealed class IncidentRecord
{
    public long Id { get; init; }

    public required string InstanceId { get; init; }

    public required string ActivityId { get; init; }

    public required string ActivityType { get; init; }

    public required string Message { get; init; }

    public DateTimeOffset Timestamp { get; init; }

    public DateTimeOffset? ResolvedAt { get; set; }
}
