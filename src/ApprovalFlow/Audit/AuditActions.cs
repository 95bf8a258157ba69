namespace ApprovalFlow.Audit;

/// <summary>The actions the audit log records; readers (the timeline, the verification) match on these.</summary>
public static class AuditActions
{
    public const string ProposalSaved = "proposal.saved";
    public const string ProposalStatus = "proposal.status";
    public const string ProposalReviewed = "proposal.reviewed";
    public const string ProposalDecided = "proposal.decided";
    public const string RequestCreated = "request.created";
    public const string RequestPublished = "request.published";
    public const string RequestSubmitted = "request.submitted";
    public const string RequestDecided = "request.decided";

    /// <summary>A signed document's version was stored; the details carry its SHA-256 hashes.</summary>
    public const string DocumentFrozen = "document.frozen";
    public const string CalendarDayAdded = "calendar.day-added";
    public const string CalendarDayDeleted = "calendar.day-deleted";
    public const string WorkItemOpened = "work-item.opened";
    public const string WorkItemCompleted = "work-item.completed";
    public const string WorkItemClaimed = "work-item.claimed";
    public const string WorkItemReleased = "work-item.released";
    public const string WorkItemReassigned = "work-item.reassigned";
    public const string UserAway = "user.away";
    public const string MailTemplateSaved = "mail-template.saved";
    public const string MailTemplateReset = "mail-template.reset";
    public const string ApprovalLinkUsed = "approval-link.used";
    public const string ApprovalLinkRefused = "approval-link.refused";
    public const string WorkflowCreated = "workflow.created";
    public const string WorkflowSaved = "workflow.saved";
    public const string WorkflowPublished = "workflow.published";
    public const string WorkflowReverted = "workflow.reverted";
    public const string WorkflowImported = "workflow.imported";
}
