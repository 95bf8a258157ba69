using ApprovalFlow.WorkItems;

namespace ApprovalFlow.Web.Features.Inbox;

/// <summary>A work item as the inbox API returns it, with the request and agency it is about and whom the caller would act for.</summary>
public sealed record WorkItemDto(
    Guid Id, string Title, string Form, string? CorrelationId, string? AssigneeRole, bool Claimed, bool ClaimedByMe, bool AssignedToMe,
    IReadOnlyList<string> Outcomes, IReadOnlyList<string> CommentRequiredFor, DateTimeOffset CreatedAt, DateTimeOffset? DueAt,
    Guid? RequestId, string? RequestNumber, Guid? AgencyId, string? AgencyName, bool Overdue, bool DueSoon,
    string? OnBehalfOf, Guid? OnBehalfOfUserId, int Revision)
{
    /// <summary>An inbox line.</summary>
    public static WorkItemDto From(InboxEntry entry, Guid me) => Of(entry.Item, me) with
    {
        RequestId = entry.RequestId,
        RequestNumber = entry.RequestNumber,
        AgencyId = entry.AgencyId,
        AgencyName = entry.AgencyName,
        Overdue = entry.Due == DueState.Overdue,
        DueSoon = entry.Due == DueState.DueSoon,
        OnBehalfOf = entry.OnBehalfOf?.Name,
        OnBehalfOfUserId = entry.OnBehalfOf?.Id,
    };

    /// <summary>An item just changed: what it records, without the inbox's description.</summary>
    public static WorkItemDto From(WorkItem item, Guid me) => Of(item, me);

    private static WorkItemDto Of(WorkItem item, Guid me) => new(
        item.Id, item.Title, item.Form, item.CorrelationId, item.AssigneeRole, item.ClaimedByUserId is not null, item.ClaimedByUserId == me,
        item.AssigneeUserId == me, item.Outcomes, item.CommentRequiredFor, item.CreatedAt, item.DueAt,
        null, null, item.AgencyId, null, false, false, item.OnBehalfOfName, item.OnBehalfOfUserId, item.Revision);
}

/// <summary>The body of <c>POST /api/work-items/{id}/complete</c>.</summary>
public sealed record CompleteWorkItemBody(string Outcome, string? Comment);

/// <summary>The body of <c>POST /api/work-items/{id}/reassign</c>: the new assignee.</summary>
public sealed record ReassignWorkItemBody(Guid UserId);

/// <summary>The body of <c>POST /api/work-items/claim</c>.</summary>
public sealed record BulkClaimBody(IReadOnlyList<Guid> Ids);

/// <summary>What <c>POST /api/work-items/claim</c> did: how many it claimed, which, and which were taken already.</summary>
public sealed record BulkClaimDto(int ClaimedCount, IReadOnlyList<Guid> Claimed, IReadOnlyList<Guid> NotClaimed);
