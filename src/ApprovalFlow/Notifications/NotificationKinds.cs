namespace ApprovalFlow.Notifications;

/// <summary>What a notification announces; each kind has a template per language (<see cref="MailTemplates"/>).</summary>
public static class NotificationKinds
{
    /// <summary>Việc mới: a work item opened for you or your role, or given to you.</summary>
    public const string WorkItem = "work-item";

    /// <summary>Đề xuất bị trả lại: the draft is back with the agency, with the comment of whoever returned it.</summary>
    public const string Returned = "returned";

    /// <summary>Đề xuất đã sửa: what awaits your approval changed; the earlier link no longer works.</summary>
    public const string Revised = "revised";

    /// <summary>Nhắc việc trước hạn.</summary>
    public const string Reminder = "reminder";

    /// <summary>Đến hạn hôm nay.</summary>
    public const string DueToday = "due-today";

    /// <summary>Quá hạn.</summary>
    public const string Overdue = "overdue";

    /// <summary>Báo cáo lãnh đạo: overdue work of the agency.</summary>
    public const string Escalation = "escalation";

    /// <summary>Quyết định đã ban hành: the UBND's verdict and the approved amounts.</summary>
    public const string Decision = "decision";

    /// <summary>Every kind, in the order the administrators' page lists them.</summary>
    public static readonly IReadOnlyList<string> All = [WorkItem, Returned, Revised, Reminder, DueToday, Overdue, Escalation, Decision];

    /// <summary>Kinds that ask the recipient to act on an open item: those mails may carry an approval link.</summary>
    public static bool AsksToAct(string kind) => kind is WorkItem or Revised or Reminder or DueToday or Overdue;
}
