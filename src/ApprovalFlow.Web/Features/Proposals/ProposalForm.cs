namespace ApprovalFlow.Web.Features.Proposals;

/// <summary>
/// The editor's form as posted: amounts stay text until <see cref="ProposalFormMapper"/> parses them, so that
/// "12a" or "1.5" is reported against its field instead of silently becoming zero or fifteen.
/// </summary>
public sealed class ProposalForm
{
    /// <summary>The revision the editor was loaded from; a save on top of a newer one is a conflict.</summary>
    public int Revision { get; set; }

    public string? Number { get; set; }

    /// <summary>yyyy-MM-dd, as a date input posts it.</summary>
    public string? Date { get; set; }

    public string? Subject { get; set; }

    public string? Addressee { get; set; }

    public string? Opening { get; set; }

    public string? TasksDone { get; set; }

    public string? Limitations { get; set; }

    public List<FundForm> AllocatedFunds { get; set; } = [];

    public string? Goals { get; set; }

    public List<TaskForm> Tasks { get; set; } = [];

    public string? Recommendations { get; set; }

    /// <summary>"Nơi nhận", one recipient a line.</summary>
    public string? Recipients { get; set; }

    public string? SignerTitle { get; set; }

    public string? SignerName { get; set; }
}

/// <summary>A row of table I.3 with one amount per past year of the request, in order.</summary>
public sealed class FundForm
{
    public string? Project { get; set; }

    public string? UsingUnit { get; set; }

    public List<string?> Amounts { get; set; } = [];
}

/// <summary>A task of section III; <see cref="Split"/> has one cell per year of the plan period, in order.</summary>
public sealed class TaskForm
{
    public string? Name { get; set; }

    public string? ImplementingUnit { get; set; }

    public string? LegalBasis { get; set; }

    public string? Objective { get; set; }

    public string? Content { get; set; }

    public string? SummaryContent { get; set; }

    public List<string?> Scope { get; set; } = [];

    public int StartYear { get; set; }

    public int EndYear { get; set; }

    public string? Total { get; set; }

    public List<string?> Split { get; set; } = [];

    public string? PlanYearNeed { get; set; }

    public string? AllocatedThisYear { get; set; }

    public string? FundingSource { get; set; }

    public string? Necessity { get; set; }
}
