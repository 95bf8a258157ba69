namespace ApprovalFlow.Proposals;

/// <summary>
/// Everything an agency writes in its reply (công văn đề xuất), section by section as in the seed letter.
/// Section IV (the summary table) is absent on purpose: it is computed by <see cref="Budget.BudgetSummary"/>, never typed.
/// Amounts are in million VND (triệu đồng).
/// </summary>
public sealed class ProposalContent
{
    /// <summary>Số: the letter's number; usually blank until the clerk issues it.</summary>
    public string? Number { get; set; }

    /// <summary>Ngày ký: the letter's date; the place comes from the agency's profile on that date.</summary>
    public DateOnly? Date { get; set; }

    /// <summary>V/v: the subject, by default the request's.</summary>
    public string Subject { get; set; } = "";

    /// <summary>Kính gửi: the addressee, by default the reviewing agency.</summary>
    public string Addressee { get; set; } = "";

    /// <summary>The opening paragraph citing the request ("Thực hiện Công văn số …").</summary>
    public string Opening { get; set; } = "";

    /// <summary>I.1 Những nhiệm vụ đã thực hiện: paragraphs separated by new lines.</summary>
    public string TasksDone { get; set; } = "";

    /// <summary>I.2 Những lĩnh vực còn hạn chế.</summary>
    public string Limitations { get; set; } = "";

    /// <summary>I.3 Kinh phí đã bố trí: funds allocated in the request's past years.</summary>
    public List<AllocatedFund> AllocatedFunds { get; set; } = [];

    /// <summary>II. Mục tiêu năm kế hoạch và các năm tiếp theo.</summary>
    public string Goals { get; set; } = "";

    /// <summary>III. Danh mục nhiệm vụ, dự án.</summary>
    public List<ProposedTask> Tasks { get; set; } = [];

    /// <summary>V. Đề xuất, kiến nghị.</summary>
    public string Recommendations { get; set; } = "";

    /// <summary>Nơi nhận: one recipient a line, e.g. "Như trên", "Lưu VT".</summary>
    public List<string> Recipients { get; set; } = [];

    /// <summary>Chức vụ người ký, e.g. "TRƯỞNG BAN".</summary>
    public string SignerTitle { get; set; } = "";

    /// <summary>Họ tên người ký.</summary>
    public string SignerName { get; set; } = "";
}

/// <summary>A row of table I.3: a project funded in the past years and what it received each year.</summary>
public sealed class AllocatedFund
{
    /// <summary>Tên dự án/nhiệm vụ.</summary>
    public string Project { get; set; } = "";

    /// <summary>Đơn vị sử dụng kinh phí.</summary>
    public string UsingUnit { get; set; } = "";

    /// <summary>One amount per past year; a blank cell is a null amount.</summary>
    public List<YearAmount> Amounts { get; set; } = [];
}

/// <summary>An amount in million VND for one year; null where the cell is blank.</summary>
public sealed class YearAmount
{
    public int Year { get; set; }

    public decimal? Amount { get; set; }
}

/// <summary>A task or project of section III with the eight points the request asks for.</summary>
public sealed class ProposedTask
{
    /// <summary>Tên nhiệm vụ.</summary>
    public string Name { get; set; } = "";

    /// <summary>x.1 Đơn vị thực hiện.</summary>
    public string ImplementingUnit { get; set; } = "";

    /// <summary>x.2 Căn cứ áp dụng: the plan or decision the task rests on.</summary>
    public string LegalBasis { get; set; } = "";

    /// <summary>x.3 Mục tiêu của nhiệm vụ.</summary>
    public string Objective { get; set; } = "";

    /// <summary>x.4 Nội dung thực hiện.</summary>
    public string Content { get; set; } = "";

    /// <summary>The content as the summary table (IV) states it, when shorter than <see cref="Content"/>.</summary>
    public string? SummaryContent { get; set; }

    /// <summary>x.5 Phạm vi, khối lượng: one line each.</summary>
    public List<string> Scope { get; set; } = [];

    /// <summary>x.6 Thời gian, giai đoạn thực hiện: first year.</summary>
    public int StartYear { get; set; }

    /// <summary>x.6: last year (equal to <see cref="StartYear"/> for a one-year task).</summary>
    public int EndYear { get; set; }

    /// <summary>x.7 Tổng kinh phí for the whole period.</summary>
    public decimal Total { get; set; }

    /// <summary>x.7 the split by year ("cần phân bổ theo các năm"); may be empty for a one-year task.</summary>
    public List<YearAmount> YearSplit { get; set; } = [];

    /// <summary>Nhu cầu kinh phí năm kế hoạch: the need in the request's plan year.</summary>
    public decimal PlanYearNeed { get; set; }

    /// <summary>x.7 "Đã phân bổ trong năm": already allocated in the plan year, when stated.</summary>
    public decimal? AllocatedThisYear { get; set; }

    /// <summary>x.7 Nguồn vốn: a <see cref="Budget.FundingSource"/> code.</summary>
    public string FundingSource { get; set; } = "";

    /// <summary>x.8 Tính cấp thiết của nhiệm vụ.</summary>
    public string Necessity { get; set; } = "";

    /// <summary>The task's period as a range.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public Requests.YearRange Period => new(StartYear, EndYear);
}
