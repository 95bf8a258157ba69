using ApprovalFlow.Audit;
using ApprovalFlow.Calendar;
using ApprovalFlow.Data;
using ApprovalFlow.Identity;
using ApprovalFlow.Notifications;
using ApprovalFlow.Proposals;
using ApprovalFlow.Reminders;
using ApprovalFlow.Workflows.Activities;
using ApprovalFlow.Workflows.Runtime;

namespace ApprovalFlow.WorkItems;

/// <summary>
/// Opens a work item and waits until a person completes it; leaves by the outcome they chose. The item is written
/// in the step's transaction, so an inbox never shows work for a step that rolled back.
/// </summary>
[Activity(TypeName, "Approval", "Việc cần người xử lý", "Human task", PortsFromInput = "outcomes", Outcomes = [])]
public sealed class HumanTask(ApprovalFlowDbContext db, IBusinessCalendar calendar) : WorkflowActivity
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

    [Input("Hạn xử lý (thời điểm)", "Due at (a moment)", UiHint = UiHints.DateTime, DescriptionVi = "Nếu có, thay cho thời hạn theo ngày làm việc; ví dụ hạn gửi đề xuất của công văn.", DescriptionEn = "When set, replaces the due period; e.g. the request's deadline.")]
    public DateTimeOffset? DueAt { get; set; }

    [Input("Nhắc trước hạn (ngày làm việc)", "Remind before due (business days)", UiHint = UiHints.BusinessDays, DefaultValue = 2)]
    public int? RemindBeforeDays { get; set; } = 2;

    [Input("Nhắc vào ngày đến hạn", "Remind on the due day", UiHint = UiHints.Checkbox, DefaultValue = true)]
    public bool RemindOnDueDay { get; set; } = true;

    [Input("Số lần nhắc khi quá hạn (mỗi ngày làm việc)", "Overdue reminders (one a business day, at most)", DefaultValue = 5)]
    public int OverdueReminderCap { get; set; } = 5;

    [Input("Báo cáo lãnh đạo sau (ngày làm việc quá hạn)", "Escalate after (business days overdue)", UiHint = UiHints.BusinessDays, DefaultValue = 3)]
    public int? EscalateAfterDays { get; set; } = 3;

    [Input("Vai trò nhận báo cáo", "Escalate to role", UiHint = UiHints.RolePicker, DefaultValue = Roles.AgencyHead)]
    public string? EscalateToRole { get; set; } = Roles.AgencyHead;

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

            // Stored in UTC: PostgreSQL keeps instants in UTC only; pages show them in Vietnam time.
            DueAt = (DueAt ?? (DueBusinessDays is { } days ? calendar.DueAt(context.Now, days) : null))?.ToUniversalTime(),
            EscalateToRole = EscalateToRole,
        };
        db.WorkItems.Add(item);
        if (item.DueAt is { } due)
        {
            var policy = new ReminderPolicy(RemindBeforeDays, RemindOnDueDay, Math.Max(0, OverdueReminderCap), EscalateAfterDays, EscalateToRole);
            db.WorkItemReminders.AddRange(policy.ScheduleFor(item.Id, context.Now, due, calendar));
        }
        db.Notifications.Add(new Notification
        {
            Kind = await NotificationKindAsync(context.CorrelationId),
            WorkItemId = item.Id,
            RecipientRole = item.AssigneeRole,
            AgencyId = item.AgencyId,
            CreatedAt = context.Now,
        });
        db.Audit(AuditActions.WorkItemOpened, "work-item", item.Id, context.Now, details: new { item.Title, item.Form, item.AssigneeRole, item.CorrelationId });
        return ActivityResult.Suspend(new BookmarkRequest(TypeName, item.Id.ToString()));
    }

    /// <summary>A draft handed back after a return is announced as the return, with its comment; anything else as new work.</summary>
    private async Task<string> NotificationKindAsync(string? correlationId) =>
        Form == WorkItemForms.Draft && Guid.TryParse(correlationId, out var id) && await db.Proposals.FindAsync(id) is { Status: ProposalStatus.Returned }
            ? NotificationKinds.Returned
            : NotificationKinds.WorkItem;

    /// <summary>The agency of the proposal the instance is about: scoped items are that agency's alone.</summary>
    private async Task<Guid> AgencyOfAsync(string? correlationId)
    {
        var proposal = Guid.TryParse(correlationId, out var id) ? await db.Proposals.FindAsync(id) : null;
        return proposal?.AgencyId ?? throw new InvalidOperationException($"A task scoped to the proposal's agency needs a proposal as correlation, not '{correlationId}'.");
    }
}
