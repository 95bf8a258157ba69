using ApprovalFlow.Audit;
using ApprovalFlow.Data;
using ApprovalFlow.Workflows.Activities;
using ApprovalFlow.Workflows.Runtime;

namespace ApprovalFlow.WorkItems;

/// <summary>
/// Opens a work item and waits until a person completes it; leaves by the outcome they chose. The item is written
/// in the step's transaction, so an inbox never shows work for a step that rolled back.
/// </summary>
[Activity(TypeName, "Approval", "Việc cần người xử lý", "Human task", PortsFromInput = "outcomes", Outcomes = [])]
public sealed class HumanTask(ApprovalFlowDbContext db) : WorkflowActivity
{
    public const string TypeName = "ApprovalFlow.HumanTask";

    [Input("Tiêu đề", "Title", Required = true)]
    public string Title { get; set; } = "";

    [Input("Biểu mẫu", "Form", Required = true, DescriptionVi = "Trang xử lý: draft, sign-off, review, consolidation, decision.", DescriptionEn = "The page that renders it: draft, sign-off, review, consolidation, decision.")]
    public string Form { get; set; } = "";

    [Input("Vai trò xử lý", "Assignee role", UiHint = UiHints.RolePicker)]
    public string? AssigneeRole { get; set; }

    [Input("Giới hạn trong cơ quan của đề xuất", "Within the proposal's agency", UiHint = UiHints.Checkbox, DefaultValue = false)]
    public bool ScopeToAgency { get; set; }

    [Input("Kết quả", "Outcomes", UiHint = UiHints.OutcomeList, Required = true)]
    public List<string> Outcomes { get; set; } = [];

    [Input("Bắt buộc ý kiến khi", "Comment required for", UiHint = UiHints.OutcomeList)]
    public List<string> CommentRequiredFor { get; set; } = [];

    [Input("Cho phép duyệt qua thư", "Approval from an e-mail link", UiHint = UiHints.Checkbox, DefaultValue = false)]
    public bool AllowEmailApproval { get; set; }

    [Input("Thời hạn (ngày làm việc)", "Due period (business days)", UiHint = UiHints.BusinessDays)]
    public int? DueBusinessDays { get; set; }

    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        if (AssigneeRole is null)
        {
            throw new InvalidOperationException("A human task needs an assignee role.");
        }

        var item = new WorkItem
        {
            InstanceId = context.InstanceId,
            ActivityId = context.Node.Id,
            CorrelationId = context.CorrelationId,
            Title = Title,
            Form = Form,
            AssigneeRole = AssigneeRole,
            AgencyId = ScopeToAgency ? await AgencyOfAsync(context.CorrelationId) : null,
            Outcomes = Outcomes,
            CommentRequiredFor = CommentRequiredFor,
            AllowEmailApproval = AllowEmailApproval,
            CreatedAt = context.Now,

            // Calendar days until the business calendar arrives with the reminders issue.
            DueAt = DueBusinessDays is { } days ? context.Now.AddDays(days) : null,
        };
        db.WorkItems.Add(item);
        db.Audit(AuditActions.WorkItemOpened, "work-item", item.Id, context.Now, details: new { item.Title, item.Form, item.AssigneeRole, item.CorrelationId });
        return ActivityResult.Suspend(new BookmarkRequest(TypeName, item.Id.ToString()));
    }

    /// <summary>The agency of the proposal the instance is about: scoped items are that agency's alone.</summary>
    private async Task<Guid> AgencyOfAsync(string? correlationId)
    {
        var proposal = Guid.TryParse(correlationId, out var id) ? await db.Proposals.FindAsync(id) : null;
        return proposal?.AgencyId ?? throw new InvalidOperationException($"A task scoped to the proposal's agency needs a proposal as correlation, not '{correlationId}'.");
    }
}
