namespace ApprovalFlow.WorkItems;

/// <summary>
/// A step waiting for a person (việc cần xử lý): opened by an <c>ApprovalFlow.HumanTask</c> activity, shown in the
/// inbox of its assignee or of everyone in its role (within the agency when scoped), completed with an outcome.
/// </summary>
public sealed class WorkItem
{
    public Guid Id { get; init; } = Guid.NewGuid();

    /// <summary>The workflow instance waiting on it.</summary>
    public required string InstanceId { get; init; }

    /// <summary>The HumanTask activity that opened it.</summary>
    public required string ActivityId { get; init; }

    /// <summary>What the instance is about (the proposal's or request's id), as the instance's correlation says.</summary>
    public string? CorrelationId { get; init; }

    public required string Title { get; init; }

    /// <summary>Which page renders it: draft, sign-off, review, consolidation, decision.</summary>
    public required string Form { get; init; }

    /// <summary>The role whose members may take it.</summary>
    public string? AssigneeRole { get; init; }

    /// <summary>When set, only members of this agency may take it (the proposal's agency, for its staff and head).</summary>
    public Guid? AgencyId { get; init; }

    /// <summary>A named assignee, instead of or besides the role.</summary>
    public Guid? AssigneeUserId { get; set; }

    /// <summary>Who has claimed it from the role's shared queue.</summary>
    public Guid? ClaimedByUserId { get; set; }

    /// <summary>The outcomes it may be completed with, e.g. Approve, Return.</summary>
    public List<string> Outcomes { get; init; } = [];

    /// <summary>The outcomes that need a comment, e.g. Return.</summary>
    public List<string> CommentRequiredFor { get; init; } = [];

    /// <summary>Whether the outcome may be given from an e-mail link.</summary>
    public bool AllowEmailApproval { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? DueAt { get; init; }

    /// <summary>Who hears of it when it stays overdue (báo cáo lãnh đạo), within <see cref="AgencyId"/> when scoped.</summary>
    public string? EscalateToRole { get; init; }

    public WorkItemStatus Status { get; set; }

    public string? Outcome { get; set; }

    public string? Comment { get; set; }

    public Guid? CompletedByUserId { get; set; }

    public string? CompletedByName { get; set; }

    /// <summary>When a substitute completed it: the absent user they acted for.</summary>
    public Guid? OnBehalfOfUserId { get; set; }

    public string? OnBehalfOfName { get; set; }

    /// <summary>Inbox, email link or API: recorded with the outcome for the timeline and the audit log.</summary>
    public string? Channel { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    /// <summary>Raised by every change: two people acting on the same item at once cannot both succeed.</summary>
    public int Revision { get; set; }
}

/// <summary>Where a work item stands.</summary>
public enum WorkItemStatus
{
    Open = 0,
    Completed = 1,
    Cancelled = 2,
}
