namespace ApprovalFlow.Proposals;

/// <summary>
/// The ICT reviewer's recommendation for one task of section III (ý kiến thẩm định): the amounts it proposes to fund,
/// in million VND, for the whole period and for the plan year, with a note.
/// </summary>
public sealed class TaskRecommendation
{
    /// <summary>The task's position in <see cref="ProposalContent.Tasks"/>.</summary>
    public int TaskIndex { get; set; }

    /// <summary>Kinh phí đề nghị cả giai đoạn.</summary>
    public decimal PeriodAmount { get; set; }

    /// <summary>Kinh phí đề nghị năm kế hoạch.</summary>
    public decimal PlanYearAmount { get; set; }

    public string? Note { get; set; }
}

/// <summary>What the UBND decided for one task.</summary>
public enum TaskVerdict
{
    /// <summary>Phê duyệt as recommended.</summary>
    Approve = 0,

    /// <summary>Phê duyệt với kinh phí điều chỉnh.</summary>
    Adjust = 1,

    /// <summary>Không phê duyệt.</summary>
    Reject = 2,
}

/// <summary>The UBND's decision on one task: the verdict, the approved amounts (zero when rejected) and the reason.</summary>
public sealed class TaskDecision
{
    public int TaskIndex { get; set; }

    public TaskVerdict Verdict { get; set; }

    /// <summary>Kinh phí phê duyệt cả giai đoạn.</summary>
    public decimal PeriodAmount { get; set; }

    /// <summary>Kinh phí phê duyệt năm kế hoạch.</summary>
    public decimal PlanYearAmount { get; set; }

    /// <summary>Required when the amount is adjusted or the task rejected.</summary>
    public string? Reason { get; set; }
}
