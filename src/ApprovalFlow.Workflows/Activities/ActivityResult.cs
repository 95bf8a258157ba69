using System.Text.Json.Nodes;

namespace ApprovalFlow.Workflows.Activities;

/// <summary>How an activity ended its turn.</summary>
public abstract record ActivityResult
{
    public const string Done = "Done";

    private ActivityResult()
    {
    }

    /// <summary>Leave by these ports (none: the branch ends here).</summary>
    public static ActivityResult Complete(params string[] outcomes) => new Completed(outcomes);

    /// <summary>Wait until the bookmark is resumed.</summary>
    public static ActivityResult Suspend(BookmarkRequest bookmark) => new Suspended(bookmark);

    /// <summary>End the whole workflow now, whatever else is scheduled or waiting.</summary>
    public static ActivityResult EndWorkflow { get; } = new Ended();

    public sealed record Completed(IReadOnlyList<string> Outcomes) : ActivityResult;

    public sealed record Suspended(BookmarkRequest Bookmark) : ActivityResult;

    public sealed record Ended : ActivityResult;
}

/// <summary>A bookmark an activity asks for.</summary>
/// <param name="Name">What it waits for, e.g. <c>Elsa.Event</c> or <c>ApprovalFlow.HumanTask</c>.</param>
/// <param name="Key">What makes it findable, e.g. an event name with its correlation; null when found by id only.</param>
/// <param name="ResumeAt">For timers: when the scheduler should resume it.</param>
/// <param name="Payload">Whatever the activity wants back on resume.</param>
public sealed record BookmarkRequest(string Name, string? Key = null, DateTimeOffset? ResumeAt = null, JsonNode? Payload = null);

/// <summary>What a resume brings: the outcome chosen (e.g. <c>Approve</c>) and any input.</summary>
public sealed record ResumeInput(string? Outcome = null, JsonNode? Input = null);
