namespace ApprovalFlow.Requests;

/// <summary>
/// The ICT department's request letter (công văn đề nghị) asking agencies to review their e-government tasks
/// and propose tasks and budgets, e.g. 113/STTTT-BCVT&amp;CNTT of 28/01/2022.
/// </summary>
public sealed class BudgetRequest
{
    public Guid Id { get; init; } = Guid.NewGuid();

    /// <summary>The issuing (reviewing) agency.</summary>
    public Guid IssuerAgencyId { get; init; }

    /// <summary>Số ký hiệu, e.g. "113/STTTT-BCVT&amp;CNTT".</summary>
    public required string Number { get; set; }

    /// <summary>Ngày ban hành.</summary>
    public DateOnly Date { get; set; }

    /// <summary>Trích yếu: what the letter is about, without the leading "V/v".</summary>
    public required string Subject { get; set; }

    /// <summary>The plan period (giai đoạn), e.g. 2022–2025.</summary>
    public YearRange PlanPeriod { get; set; }

    /// <summary>The year whose needs are asked for first (năm kế hoạch); the first year of the period by default.</summary>
    public int PlanYear { get; set; }

    /// <summary>The past years whose allocated funds are reported (kinh phí đã bố trí), e.g. 2020–2021.</summary>
    public YearRange PastYears { get; set; }

    /// <summary>Hạn gửi đề xuất: the agencies' deadline.</summary>
    public DateOnly Deadline { get; set; }

    public RequestStatus Status { get; set; }

    /// <summary>The agencies asked to reply; each gets one proposal.</summary>
    public List<Guid> TargetAgencyIds { get; init; } = [];
}

/// <summary>Where a request is in its cycle.</summary>
public enum RequestStatus
{
    Draft = 0,
    Published = 1,
    Closed = 2,
}
