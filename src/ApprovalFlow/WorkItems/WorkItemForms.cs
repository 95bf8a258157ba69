namespace ApprovalFlow.WorkItems;

/// <summary>The pages a <see cref="HumanTask"/> can name as its form, and the outcomes the default workflows use.</summary>
public static class WorkItemForms
{
    /// <summary>Soạn đề xuất: the proposal editor.</summary>
    public const string Draft = "draft";

    /// <summary>Lãnh đạo ký duyệt: the letter as it will be sent, approve or return.</summary>
    public const string SignOff = "sign-off";

    /// <summary>Thẩm định: per-task recommended amounts, accept or return.</summary>
    public const string Review = "review";

    /// <summary>Tổng hợp trình UBND: every agency's proposed and recommended totals.</summary>
    public const string Consolidation = "consolidation";

    /// <summary>Quyết định của UBND: per-task verdicts.</summary>
    public const string Decision = "decision";

    public static IReadOnlyList<string> All { get; } = [Draft, SignOff, Review, Consolidation, Decision];

    /// <summary>The outcome that sends a draft on to sign-off; refused while the proposal is incomplete.</summary>
    public const string Submit = "Submit";

    public const string Approve = "Approve";

    public const string Return = "Return";

    public const string Accept = "Accept";

    /// <summary>The UBND's outcome: the decision is issued.</summary>
    public const string Issue = "Issue";
}
