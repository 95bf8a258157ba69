namespace ApprovalFlow.Notifications;

/// <summary>
/// The values a mail template may use, for one recipient. Names are those written in templates
/// (<c>{{ Title }}</c>, <c>{% for task in Tasks %}</c>…); values are HTML-encoded in the HTML part.
/// </summary>
public sealed record MailModel
{
    /// <summary>The recipient's name.</summary>
    public string Recipient { get; init; } = "";

    /// <summary>The work item's title, or the proposal's subject for a decision.</summary>
    public string Title { get; init; } = "";

    /// <summary>The agency whose proposal it is.</summary>
    public string Agency { get; init; } = "";

    /// <summary>The due time in Vietnam time (<c>17:00 05/03/2026</c>), or empty.</summary>
    public string Due { get; init; } = "";

    /// <summary>The page that opens the work (or the proposal) in the application.</summary>
    public string Link { get; init; } = "";

    /// <summary>The one-time approval page, when the step allows approval by mail and the recipient may act; otherwise empty.</summary>
    public string ApproveLink { get; init; } = "";

    /// <summary>Until when <see cref="ApproveLink"/> works, in Vietnam time.</summary>
    public string ApproveLinkExpires { get; init; } = "";

    /// <summary>The comment of a return.</summary>
    public string Comment { get; init; } = "";

    /// <summary>Who returned it.</summary>
    public string ReturnedBy { get; init; } = "";

    /// <summary>The decision's outcome for the proposal (Được phê duyệt, Phê duyệt một phần, Không phê duyệt).</summary>
    public string Outcome { get; init; } = "";

    /// <summary>Approved amounts for the whole period, in million VND, formatted.</summary>
    public string PeriodTotal { get; init; } = "";

    /// <summary>Approved amounts for the plan year, in million VND, formatted.</summary>
    public string PlanYearTotal { get; init; } = "";

    /// <summary>The plan year.</summary>
    public int PlanYear { get; init; }

    /// <summary>The tasks with their verdicts and approved amounts (decision mails).</summary>
    public IReadOnlyList<MailTaskLine> Tasks { get; init; } = [];
}

/// <summary>A task in a decision mail.</summary>
public sealed record MailTaskLine(string Name, string Verdict, string PeriodAmount, string PlanYearAmount, string Reason);
