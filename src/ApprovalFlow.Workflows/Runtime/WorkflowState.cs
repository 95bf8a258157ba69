using System.Text.Json.Nodes;

namespace ApprovalFlow.Workflows.Runtime;

/// <summary>Where an instance stands; what is persisted between runs.</summary>
public enum WorkflowStatus
{
    /// <summary>Running now (never seen at rest except after a crash).</summary>
    Running = 0,

    /// <summary>Waiting on one or more bookmarks.</summary>
    Suspended = 1,

    /// <summary>Reached its end.</summary>
    Finished = 2,

    /// <summary>An activity failed; an administrator may retry it or cancel the instance.</summary>
    Faulted = 3,

    /// <summary>Cancelled by an administrator.</summary>
    Cancelled = 4,
}

/// <summary>The state of one instance: status, variables, bookmarks, join arrivals and the work a fault interrupted.</summary>
public sealed class WorkflowState
{
    public required string InstanceId { get; init; }

    public required string DefinitionId { get; init; }

    /// <summary>The id of the definition version the instance runs on, for as long as it runs.</summary>
    public required string DefinitionVersionId { get; init; }

    public int DefinitionVersion { get; init; }

    /// <summary>What the instance is about, e.g. the proposal's id; events are matched on it.</summary>
    public string? CorrelationId { get; init; }

    public WorkflowStatus Status { get; set; }

    public Dictionary<string, JsonNode?> Variables { get; init; } = new(StringComparer.Ordinal);

    public List<Bookmark> Bookmarks { get; init; } = [];

    /// <summary>For each join, the activities that have arrived at it since it last fired.</summary>
    public Dictionary<string, List<string>> JoinArrivals { get; init; } = new(StringComparer.Ordinal);

    /// <summary>The step a fault interrupted, run again by a retry.</summary>
    public ScheduledStep? FaultedStep { get; set; }

    /// <summary>The number of the last journal entry written.</summary>
    public long JournalSequence { get; set; }
}

/// <summary>An activity waiting to run, and the activity it was reached from (which a join needs).</summary>
public sealed record ScheduledStep(string ActivityId, string? FromActivityId);

/// <summary>A suspended activity waiting to be resumed.</summary>
public sealed record Bookmark(string Id, string ActivityId, string Name, string? Key, DateTimeOffset? ResumeAt, JsonNode? Payload, DateTimeOffset CreatedAt);
