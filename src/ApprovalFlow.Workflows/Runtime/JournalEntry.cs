using System.Text.Json.Nodes;

namespace ApprovalFlow.Workflows.Runtime;

/// <summary>One line of an instance's append-only journal.</summary>
/// <param name="Sequence">Its number within the instance, from 1, without gaps.</param>
/// <param name="ActivityId">The activity concerned, or null for the workflow itself.</param>
/// <param name="ActivityType">That activity's type.</param>
/// <param name="Event">What happened (<see cref="JournalEvents"/>).</param>
/// <param name="Timestamp">When.</param>
/// <param name="Payload">Details: outcomes, the bookmark, the error, a log message.</param>
public sealed record JournalEntry(long Sequence, string? ActivityId, string? ActivityType, string Event, DateTimeOffset Timestamp, JsonNode? Payload);

/// <summary>The events the journal records.</summary>
public static class JournalEvents
{
    public const string WorkflowStarted = "WorkflowStarted";
    public const string Executed = "Executed";
    public const string Suspended = "Suspended";
    public const string Resumed = "Resumed";
    public const string Faulted = "Faulted";
    public const string Log = "Log";
    public const string WorkflowFinished = "WorkflowFinished";
    public const string WorkflowCancelled = "WorkflowCancelled";
    public const string Retried = "Retried";
}

/// <summary>A fault recorded on an instance: which activity, what went wrong, when.</summary>
public sealed record Incident(string ActivityId, string ActivityType, string Message, DateTimeOffset Timestamp);

/// <summary>A child instance an activity asked for, started once the run is committed.</summary>
/// <param name="DefinitionId">The child's workflow.</param>
/// <param name="CorrelationId">The child's correlation.</param>
/// <param name="Input">The child's start input.</param>
/// <param name="ParentActivityId">The activity that dispatched it; if it waits, its bookmark is the children's parent.</param>
public sealed record ChildDispatch(string DefinitionId, string? CorrelationId, JsonNode? Input, string ParentActivityId);

/// <summary>A signal an activity published during a run, to be delivered once the run is committed.</summary>
/// <param name="Name">The event's name.</param>
/// <param name="CorrelationId">Only instances with this correlation receive it; null for all.</param>
/// <param name="Payload">What the receivers get as input.</param>
public sealed record PublishedEvent(string Name, string? CorrelationId, JsonNode? Payload);
